// SPDX-License-Identifier: MIT
// A DependencyGraph in Graphviz's DOT language, styled like the GUI's
// pictures (graphstyle.h), with a legend and tooltips; for `dot -Tsvg` or
// for pasting into documents.
#pragma once

#include "kconfig/dependencygraph.h"

#include <string>

namespace kconfig {

class ValueSource;

struct DotOptions
{
    std::string title;                   // the graph's label, e.g. "Linux/x86 6.12 · VFIO"
    const ValueSource *now = nullptr;    // values for edge tooltips (none without)
    const ValueSource *before = nullptr; // cause graphs: values before the action
    bool showChange = false;             // nodes say "n → m" (cause graphs)
    bool legend = true;
};

std::string graphToDot(const DependencyGraph &graph, const DotOptions &options);

} // namespace kconfig
