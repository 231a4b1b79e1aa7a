# SPDX-License-Identifier: MIT
# Installation beyond the executables, and the Debian package:
#
#   share/applications   org.kconfigstudio.KconfigStudio.desktop
#   share/metainfo       org.kconfigstudio.KconfigStudio.metainfo.xml (AppStream)
#   share/icons/hicolor  the SVG icon, and PNGs rendered from it at build time
#   share/man/man1       kconfig-studio.1, kconfig-studio-cli.1, generated at build
#                        time from the programs' own --help output (help2man)
#   share/bash-completion/completions   kconfig-studio, kconfig-studio-cli
#   share/doc/kconfig-studio/copyright  the licence
#
# `cpack -G DEB` in the build directory then makes kconfig-studio_<version>_<arch>.deb
# (dependencies from dpkg-shlibdeps). Included from the top-level CMakeLists.txt
# after the executables.

option(KCS_PACKAGING "Man pages, icons, desktop integration and the Debian package" ON)
if(NOT KCS_PACKAGING)
    return()
endif()

set(KCS_APP_ID org.kconfigstudio.KconfigStudio)
set(KCS_HOMEPAGE "https://kconfigstudio.org/")
set(KCS_PACKAGING_SOURCE_DIR ${CMAKE_CURRENT_LIST_DIR})
set(KCS_PACKAGING_BINARY_DIR ${PROJECT_BINARY_DIR}/packaging)
set(KCS_ICON_SIZES 16 22 24 32 48 64 128 256 512)
include(GNUInstallDirs)

find_program(KCS_HELP2MAN help2man)
find_program(KCS_RSVG_CONVERT rsvg-convert)
foreach(tool KCS_HELP2MAN KCS_RSVG_CONVERT)
    if(NOT ${tool})
        message(FATAL_ERROR "${tool}: help2man and rsvg-convert (Debian: help2man, librsvg2-bin) "
                            "are needed for the man pages and icons. tools/setup-deps installs "
                            "them; -DKCS_PACKAGING=OFF builds without packaging.")
    endif()
endforeach()

set(KCS_PACKAGING_OUTPUTS)

# ---- man pages, from each program's --help -----------------------------------------------------
set(KCS_MAN_DIR ${KCS_PACKAGING_BINARY_DIR}/man)
set(KCS_MAN_PROGRAMS kconfig-studio-cli)
if(TARGET kconfig-studio)
    list(APPEND KCS_MAN_PROGRAMS kconfig-studio)
endif()
foreach(program ${KCS_MAN_PROGRAMS})
    set(page ${KCS_MAN_DIR}/${program}.1.gz)
    add_custom_command(OUTPUT ${page}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${KCS_MAN_DIR}
        COMMAND sh ${KCS_PACKAGING_SOURCE_DIR}/man/make-man.sh $<TARGET_FILE:${program}>
                ${KCS_PACKAGING_SOURCE_DIR}/man/${program}.h2m ${page}
        DEPENDS ${program} ${KCS_PACKAGING_SOURCE_DIR}/man/make-man.sh
                ${KCS_PACKAGING_SOURCE_DIR}/man/${program}.h2m
                ${KCS_PACKAGING_SOURCE_DIR}/verbs-with-help.sh
        COMMENT "Generating the man page ${program}(1) from ${program} --help"
        VERBATIM)
    list(APPEND KCS_PACKAGING_OUTPUTS ${page})
    install(FILES ${page} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endforeach()

# ---- desktop integration (only with the GUI) ---------------------------------------------------
if(TARGET kconfig-studio)
    set(svg ${KCS_PACKAGING_SOURCE_DIR}/icons/${KCS_APP_ID}.svg)
    foreach(size ${KCS_ICON_SIZES})
        set(dir ${KCS_PACKAGING_BINARY_DIR}/icons/hicolor/${size}x${size}/apps)
        add_custom_command(OUTPUT ${dir}/${KCS_APP_ID}.png
            COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
            COMMAND ${KCS_RSVG_CONVERT} --width=${size} --height=${size} --format=png
                    --output=${dir}/${KCS_APP_ID}.png ${svg}
            DEPENDS ${svg}
            COMMENT "Rendering the ${size}x${size} application icon"
            VERBATIM)
        list(APPEND KCS_PACKAGING_OUTPUTS ${dir}/${KCS_APP_ID}.png)
        install(FILES ${dir}/${KCS_APP_ID}.png
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
    endforeach()
    install(FILES ${svg} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
    install(FILES ${KCS_PACKAGING_SOURCE_DIR}/${KCS_APP_ID}.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${KCS_PACKAGING_SOURCE_DIR}/${KCS_APP_ID}.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
endif()

add_custom_target(kcs-packaging-files ALL DEPENDS ${KCS_PACKAGING_OUTPUTS})

# ---- bash completion and licence ---------------------------------------------------------------
install(FILES ${KCS_PACKAGING_SOURCE_DIR}/completion/kconfig-studio-cli
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
if(TARGET kconfig-studio)
    install(FILES ${KCS_PACKAGING_SOURCE_DIR}/completion/kconfig-studio
            DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
endif()
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/kconfig-studio RENAME copyright)

# ---- Debian package (CPack) --------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kconfig-studio)
set(CPACK_PACKAGE_VENDOR "The Kconfig Studio authors")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_HOMEPAGE_URL ${KCS_HOMEPAGE})
set(CPACK_PACKAGE_CONTACT "Kconfig Studio maintainers <maintainers@kconfigstudio.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "configurator for Linux kernel Kconfig trees")
# One string, wrapped for the control file; no double quotes (they would not
# survive into it).
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "Kconfig Studio configures Linux kernel source trees like make xconfig,\n"
    "and shows why every option has its value: for the selected symbol, its\n"
    "definitions, dependencies, selects, implies and defaults with the\n"
    "current value of every term, and its Kconfig source. A Why panel\n"
    "explains every value and every change as a chain of causes, a graph\n"
    "shows a symbol's dependencies or what a change touched, and what-if\n"
    "mode shows what a Kconfig edit or patch would change in the current\n"
    "and the generated configurations. .config and minimal defconfig files\n"
    "are byte-identical to those of the kernel's own tools.\n"
    "\n"
    "kconfig-studio-cli is a drop-in for the kernel's scripts/kconfig/conf,\n"
    "with the analysis commands why, explain, graph, impact and diff, whose\n"
    "explanations are plain text for e-mail.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${CPACK_PACKAGE_CONTACT})
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Wayland sessions need Qt's Wayland platform plugin; the kernel's sources are
# what the program is for.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "linux-source")
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
