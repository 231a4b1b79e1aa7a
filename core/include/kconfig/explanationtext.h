// SPDX-License-Identifier: MIT
// Renders explanations as text a kernel developer can paste into a reply:
// wrapped at 72 columns, ASCII arrows, expressions with [=value] after each
// symbol; or as Markdown; or as JSON for tools.
#pragma once

#include "kconfig/explanation.h"

#include <string>

namespace kconfig {

class Config;

enum class ExplanationFormat
{
    Text,
    Markdown,
    Json
};

std::string renderChangeReport(const ChangeReport &report, Config &config,
                               ExplanationFormat format = ExplanationFormat::Text, int width = 72);
std::string renderSymbolReport(const SymbolReport &report, Config &config,
                               ExplanationFormat format = ExplanationFormat::Text, int width = 72);

// One sentence per fact, without wrapping (for list views and tooltips).
std::string factSentence(const Fact &fact, const ValueSource &now, const ValueSource *before);
// "y -> m", "stays y, no longer locked", ...
std::string stateChangeText(const SymbolSnapshot &before, const SymbolSnapshot &after);
// An expression with " [=value]" after each (non-constant) symbol.
std::string exprWithValues(const Expr *e, const ValueSource &values);

} // namespace kconfig
