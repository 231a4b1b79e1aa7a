// SPDX-License-Identifier: MIT
// How deeply a Kconfig tree may nest. Parsing, finalisation, the dependency
// check, evaluation and printing recurse over blocks, expressions, macro
// references and chains of symbols; these bounds keep that recursion well
// inside a normal 8 MB stack (also under AddressSanitizer), so that absurd
// input is refused with a message instead of crashing. Real trees stay far
// below them: Linux 6.12 nests menus 10 deep, writes expressions at most 21
// operators deep, has 500 selects of one symbol and chains of 80 symbols.
#pragma once

#include <cstddef>

namespace kconfig::limits {

// menu, if and choice blocks inside each other
inline constexpr int maxBlockNesting = 1000;
// the finalised menu tree: blocks plus the automatic submenus below entries
inline constexpr int maxMenuDepth = 2000;
// an expression as written: parentheses, '!', '&&' and '||' inside each other
inline constexpr int maxExprDepth = 1000;
// an expression built during finalisation: propagated dependencies, the
// reverse dependencies of all selects of a symbol
inline constexpr int maxDerivedExprDepth = 20000;
// $( inside $(, counting the references a variable's value expands to
inline constexpr int maxMacroNesting = 2000;
// bytes one macro expansion may produce (a function whose argument doubles on
// each recursive call grows exponentially within the nesting limits)
inline constexpr std::size_t maxMacroExpansion = std::size_t(1) << 20;
// the recursion evaluating one symbol costs: a step per symbol along the
// longest chain of symbols it reads, plus the depth of the expressions read
inline constexpr int maxEvaluationDepth = 30000;

} // namespace kconfig::limits
