# SPDX-License-Identifier: MIT
# Shared locations for the kernel-tree tests; sourced by the scripts in this
# directory. The cache lives outside the repository:
#   ${KCS_KERNEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kconfig-studio}/linux-6.12
kcs_cache=${KCS_KERNEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kconfig-studio}/linux-6.12
kcs_tarball=${KCS_LINUX_TARBALL:-/usr/src/linux-source-6.12.tar.xz}
kcs_src=$kcs_cache/src
kcs_conf_build=$kcs_cache/build-conf
kcs_conf=$kcs_conf_build/scripts/kconfig/conf
kcs_debian_configs=${KCS_DEBIAN_CONFIGS:-/usr/src/linux-config-6.12}
