// SPDX-License-Identifier: MIT
// Recognises a Linux source tree and derives the environment its top-level
// Makefile exports to conf (ARCH, SRCARCH, KERNELVERSION, CC, LD, ...), so a
// tree can be opened without running make.
#pragma once

#include "kconfig/environment.h"

#include <optional>
#include <string>
#include <vector>

namespace kconfig {

class ShellRunner;

struct KernelTreeInfo
{
    std::string srctree;                    // absolute path
    std::string version;                    // KERNELVERSION, e.g. "6.12.117"
    std::vector<std::string> architectures; // arch/* directories with a Kconfig, sorted
};

// A directory with Kconfig, Makefile (VERSION/PATCHLEVEL) and arch/*/Kconfig.
std::optional<KernelTreeInfo> detectKernelTree(const std::string &directory);

// The kernel's SUBARCH for this machine (uname -m mapped like scripts/subarch.include).
std::string hostArchitecture();
// ARCH -> SRCARCH (x86_64 -> x86, sparc64 -> sparc, ...).
std::string sourceArchitecture(const std::string &arch);
// KBUILD_DEFCONFIG of an architecture (arch/$SRCARCH/Makefile), "defconfig" by default.
std::string defaultDefconfig(const KernelTreeInfo &tree, const std::string &arch);

// The environment `make ARCH=arch *config` gives conf: `base` (normally the
// process environment; its ARCH, CROSS_COMPILE and LLVM are honoured) plus
// srctree, ARCH, SRCARCH, KERNELVERSION, tool names, CC_VERSION_TEXT and
// RUSTC_VERSION_TEXT (asked from the tools through `shell`), and
// KCONFIG_DEFCONFIG_LIST. An empty `arch` means $ARCH or the host's.
Environment kernelEnvironment(const KernelTreeInfo &tree, const std::string &arch,
                              const Environment &base, ShellRunner *shell);

} // namespace kconfig
