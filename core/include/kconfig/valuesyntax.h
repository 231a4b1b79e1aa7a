// SPDX-License-Identifier: MIT
// What counts as a well-formed value of a symbol type (sym_string_valid), and
// the number parsing conf uses for ranges and comparisons.
#pragma once

#include "kconfig/expr.h"
#include "kconfig/symbol.h"

#include <string>

#include <string_view>

namespace kconfig {

// int: optional '-', digits, no leading zeros; hex: optional 0x then hex digits;
// bool/tristate: starts with y/m/n (any case); string: anything.
bool isValidValueString(SymbolType type, std::string_view s);

// strtoll(s, NULL, base) semantics: leading blanks, sign, as many digits as parse.
long long parseLeadingInteger(std::string_view s, int base);

// The value of `left OP right` for two symbols' string values and declared
// types: numeric when both sides parse for their type, otherwise strcmp.
bool compareValues(ExprType op, const std::string &left, SymbolType leftType,
                   const std::string &right, SymbolType rightType);

} // namespace kconfig
