// SPDX-License-Identifier: MIT
// Dependency graphs and the dependency index as text lines, for expected
// files and readable test failures.
#pragma once

#include <kconfig/dependencygraph.h>

#include <QStringList>

namespace kcstest {

// "node VFIO_CONTAINER d=0 focus", "node +3 more (depend on HUB) d=1",
// "edge VFIO -> VFIO_CONTAINER: select @ drivers/vfio/Kconfig:26" (neighbourhood; "select
// inactive @ ..." when no reference behind it takes effect now),
// "edge IOMMUFD -> VFIO: depends on | 'depends on ...' (...) is m now (was y)..." (cause graph).
QStringList graphLines(const kconfig::DependencyGraph &graph);
// "FEATURE select HELPER @ Kconfig:17 if EXTRA", one line per reference.
QStringList indexLines(const kconfig::DependencyIndex &index);

} // namespace kcstest
