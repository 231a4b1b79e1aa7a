// SPDX-License-Identifier: MIT
// conf reports a recursive dependency as sentences without file names
// ("symbol VFIO depends on IOMMUFD", "symbol IOMMUFD is selected by VFIO"),
// and the tree that has one does not load. These read such a report back and
// find the Kconfig line each link of the cycle is written on, so that an
// editor can mark the lines to change.
#pragma once

#include <string>
#include <vector>

namespace kconfig {

class Environment;
class SourceFiles;

struct RecursiveDependencyLink
{
    enum class Kind
    {
        DependsOn,          // "symbol A depends on B": A's `depends on`
        SelectedBy,         // "symbol A is selected by B": B's `select A`
        ImpliedBy,          // "symbol A is implied by B": B's `imply A`
        ValueContains,      // "symbol A default value contains B": A's default or range
        VisibleDependingOn, // "symbol A prompt is visible depending on B": A's prompt
        ChoiceBlock         // "symbol A is part of choice block at F:L"
    };
    Kind kind = Kind::DependsOn;
    std::string symbol;   // the symbol the sentence is about ("<choice>" for a choice)
    std::string other;    // the symbol it names (empty for ChoiceBlock)
    std::string sentence; // the sentence as conf printed it, without "symbol " and the tab
    std::string file;     // where the link is written; empty while not found
    int line = 0;
};

// The links of the cycle reported in `text` (a diagnostic's text); empty when
// the text is not a recursive-dependency report.
std::vector<RecursiveDependencyLink> parseRecursiveDependency(const std::string &text);

// Finds each link's line in `files` (Kconfig names as `source` gives them,
// read through `sources`, searched in order): the statement of the entry that
// writes it. A dependency that comes from an enclosing `if` or `menu` has no
// statement in the entry; then the entry's first line is given.
void locateRecursiveDependency(std::vector<RecursiveDependencyLink> &links,
                               const std::vector<std::string> &files, const SourceFiles &sources,
                               const Environment &env);

} // namespace kconfig
