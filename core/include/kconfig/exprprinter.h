// SPDX-License-Identifier: MIT
// Prints expressions the way conf does: minimal parentheses, "<choice>" for
// choices, optionally " [=value]" after every symbol, and reverse dependencies
// split into "  - term" lines by their current value.
#pragma once

#include "kconfig/tristate.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kconfig {

class Config;
struct Expr;
struct Symbol;

// Receives the printed pieces; `sym` is set for pieces that name a symbol.
using ExprSink = std::function<void(const Symbol *sym, std::string_view text)>;

void printExpr(const Expr *e, const ExprSink &sink);

// expr_fprint: plain text.
std::string exprToString(const Expr *e);
// expr_gstr_print: every typed symbol followed by " [=value]" (current values,
// not recalculated, as conf does).
std::string exprToStringWithValues(const Expr *e, const Config &config);
// expr_gstr_print_revdep: the top-level || terms whose value is `value`, each
// as "  - term\n", preceded by `title` when there is at least one.
std::string revDepTermsWithValues(const Expr *e, Config &config, Tristate value,
                                  const std::string &title);
// The top-level || terms of a reverse dependency (one per select or imply that
// targets the symbol), in the order revDepTermsWithValues prints them.
std::vector<const Expr *> revDepTerms(const Expr *e);

} // namespace kconfig
