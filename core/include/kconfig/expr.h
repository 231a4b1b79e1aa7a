// SPDX-License-Identifier: MIT
// Kconfig expressions. Nodes are hash-consed by ExprPool: equal structure means
// the same pointer, and nodes are never modified after creation.
#pragma once

#include <cstdint>

namespace kconfig {

struct Symbol;

enum class ExprType : std::uint8_t
{
    None,
    Or,
    And,
    Not,
    Equal,
    Unequal,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Symbol,
    Range
};

struct Expr
{
    ExprType type = ExprType::None;
    std::uint16_t depth = 1;             // nodes on the longest path to a leaf (saturates)
    int id = -1;                         // index in the ExprPool, for per-config value caches
    const Expr *left = nullptr;          // Or/And/Not operands
    const Expr *right = nullptr;         // Or/And
    kconfig::Symbol *sym = nullptr;      // Symbol, comparisons and Range: left side
    kconfig::Symbol *rightSym = nullptr; // comparisons and Range: right side
    // One bit (hashed) per symbol below: two nodes whose masks share no bit
    // name no symbol in common.
    std::uint64_t symbolMask = 0;

    bool isComparison() const { return type >= ExprType::Equal && type <= ExprType::GreaterEqual; }
    bool isLogic() const { return type == ExprType::Or || type == ExprType::And; }
};

} // namespace kconfig
