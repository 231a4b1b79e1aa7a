// SPDX-License-Identifier: MIT
// Where the kernel-tree tests find the Linux 6.12 tree and the kernel's conf
// (prepared by tests/kernel/prepare-kernel-tree.sh; same locations as
// tests/kernel/common.sh), and the environment the kernel Makefile exports.
#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace kcstest {

// ${KCS_KERNEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kconfig-studio}/linux-6.12
QString kernelCacheDir();
QString kernelSourceDir();
QString kernelConf();
// Empty when the tree and conf are there; otherwise what is missing.
QString kernelTreeProblem();
// tests/kernel/kernel-env.sh SRCTREE ARCH, as name/value pairs.
QList<QPair<QString, QString>> kernelEnvironment(const QString &arch);

} // namespace kcstest
