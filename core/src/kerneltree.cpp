// SPDX-License-Identifier: MIT
#include "kconfig/kerneltree.h"

#include "kconfig/configwriter.h"
#include "kconfig/shellrunner.h"
#include "kconfig/sourcefiles.h"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <dirent.h>
#include <regex>
#include <sys/utsname.h>

namespace kconfig {

namespace {

std::string makeVariable(const std::string &makefile, const std::string &name)
{
    std::size_t pos = 0;
    while (pos < makefile.size()) {
        std::size_t eol = makefile.find('\n', pos);
        if (eol == std::string::npos) eol = makefile.size();
        const std::string line = makefile.substr(pos, eol - pos);
        pos = eol + 1;
        if (line.compare(0, name.size(), name) != 0) continue;
        std::size_t i = name.size();
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
            ++i;
        if (i < line.size() && line[i] == ':') ++i;
        if (i >= line.size() || line[i] != '=') continue;
        ++i;
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
            ++i;
        std::string v = line.substr(i);
        while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r'))
            v.pop_back();
        return v;
    }
    return {};
}

std::string absolutePath(const std::string &dir)
{
    char buf[PATH_MAX];
    if (::realpath(dir.c_str(), buf)) return buf;
    return dir;
}

} // namespace

std::optional<KernelTreeInfo> detectKernelTree(const std::string &directory)
{
    const std::string dir = absolutePath(directory);
    auto makefile = readWholeFile(dir + "/Makefile", 1u << 20);
    if (!makefile || !pathExists(dir + "/Kconfig") || !isDirectory(dir + "/arch"))
        return std::nullopt;
    const std::string version = makeVariable(*makefile, "VERSION");
    const std::string patchlevel = makeVariable(*makefile, "PATCHLEVEL");
    if (version.empty() || patchlevel.empty()) return std::nullopt;
    KernelTreeInfo info;
    info.srctree = dir;
    info.version = version + '.' + patchlevel + '.' + makeVariable(*makefile, "SUBLEVEL") +
                   makeVariable(*makefile, "EXTRAVERSION");
    if (DIR *d = ::opendir((dir + "/arch").c_str())) {
        while (dirent *e = ::readdir(d)) {
            const std::string name = e->d_name;
            if (name != "." && name != ".." && pathExists(dir + "/arch/" + name + "/Kconfig"))
                info.architectures.push_back(name);
        }
        ::closedir(d);
    }
    std::sort(info.architectures.begin(), info.architectures.end());
    if (info.architectures.empty()) return std::nullopt;
    return info;
}

std::string hostArchitecture()
{
    utsname u{};
    ::uname(&u);
    const std::string m = u.machine;
    const auto starts = [&m](const char *p) { return m.rfind(p, 0) == 0; };
    if (std::regex_match(m, std::regex("i.86")) || m == "x86_64") return "x86";
    if (m == "sun4u") return "sparc64";
    if (m == "arm64" || starts("aarch64")) return "arm64";
    if (starts("arm") || m == "sa110") return "arm";
    if (m == "s390x") return "s390";
    if (starts("ppc")) return "powerpc";
    if (starts("mips")) return "mips";
    if (std::regex_match(m, std::regex("sh[234].*"))) return "sh";
    if (starts("riscv")) return "riscv";
    if (starts("loongarch")) return "loongarch";
    return m;
}

std::string sourceArchitecture(const std::string &arch)
{
    if (arch == "i386" || arch == "x86_64") return "x86";
    if (arch == "sparc32" || arch == "sparc64") return "sparc";
    if (arch == "parisc64") return "parisc";
    if (arch == "sh64") return "sh";
    return arch;
}

std::string defaultDefconfig(const KernelTreeInfo &tree, const std::string &arch)
{
    const std::string srcarch = sourceArchitecture(arch);
    if (srcarch == "x86")
        return arch == "x86" || arch == "x86_64" ? "x86_64_defconfig" : arch + "_defconfig";
    if (srcarch == "sparc") return arch == "sparc32" ? "sparc32_defconfig" : "sparc64_defconfig";
    if (srcarch == "parisc")
        return arch == "parisc" ? "generic-32bit_defconfig" : "generic-64bit_defconfig";
    if (auto mk = readWholeFile(tree.srctree + "/arch/" + srcarch + "/Makefile", 1u << 20)) {
        const std::string v = makeVariable(*mk, "KBUILD_DEFCONFIG");
        if (!v.empty() && v.find('$') == std::string::npos) return v;
        if (!v.empty() && srcarch == "powerpc") return "ppc64le_defconfig";
    }
    return "defconfig";
}

Environment kernelEnvironment(const KernelTreeInfo &tree, const std::string &requestedArch,
                              const Environment &base, ShellRunner *shell)
{
    Environment env = base;
    const std::string host = hostArchitecture();
    std::string arch = requestedArch;
    if (arch.empty()) arch = base.value("ARCH", host);
    const std::string srcarch = sourceArchitecture(arch);
    const std::string cross = base.value("CROSS_COMPILE");
    const bool llvm = !base.value("LLVM").empty();

    env.unset("CONFIG_"); // scripts/kconfig/Makefile unexports it
    env.set("srctree", tree.srctree);
    env.set("ARCH", arch);
    env.set("SRCARCH", srcarch);
    env.set("KERNELVERSION", tree.version);
    env.set("CC", llvm ? "clang" : cross + "gcc");
    env.set("LD", llvm ? "ld.lld" : cross + "ld");
    env.set("AR", llvm ? "llvm-ar" : cross + "ar");
    env.set("NM", llvm ? "llvm-nm" : cross + "nm");
    env.set("OBJCOPY", llvm ? "llvm-objcopy" : cross + "objcopy");
    env.set("HOSTCC", llvm ? "clang" : "gcc");
    env.set("HOSTCXX", llvm ? "clang++" : "g++");
    env.set("RUSTC", "rustc");
    env.set("BINDGEN", "bindgen");
    env.set("PAHOLE", "pahole");
    env.set("PYTHON3", "python3");
    if (!env.isSet("CROSS_COMPILE")) env.set("CROSS_COMPILE", cross);
    if (srcarch == "um") {
        // arch/um/Makefile exports both, and arch/um/Kconfig sources
        // arch/$(HEADER_ARCH)/um/Kconfig: without them it sources itself.
        const std::string sub = base.value("SUBARCH", host);
        env.set("SUBARCH", sub);
        env.set("HEADER_ARCH", sub == "x86_64" || sub == "i386" ? "x86" : sub);
    }

    const auto versionText = [&](const std::string &cmd) {
        if (!shell) return std::string();
        std::string out = shellOutputToValue(shell->run(cmd, env));
        out.erase(std::remove(out.begin(), out.end(), '#'), out.end());
        return out;
    };
    env.set("CC_VERSION_TEXT",
            versionText("LC_ALL=C " + env.value("CC") + " --version 2>/dev/null | head -n 1"));
    env.set("RUSTC_VERSION_TEXT", versionText("rustc --version 2>/dev/null"));

    std::string list;
    if (srcarch == host || (host == "x86" && srcarch == "x86")) {
        std::string release;
        utsname u{};
        if (::uname(&u) == 0) release = u.release;
        list =
            "/lib/modules/" + release + "/.config /etc/kernel-config /boot/config-" + release + ' ';
    }
    list += "arch/" + srcarch + "/configs/" + defaultDefconfig(tree, arch);
    env.set("KCONFIG_DEFCONFIG_LIST", list);
    return env;
}

} // namespace kconfig
