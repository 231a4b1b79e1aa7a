// SPDX-License-Identifier: MIT
// All symbols of a tree. Iteration follows conf's hash table (FNV-1a, 16384
// buckets, newest first in a bucket) because auto.conf, autoconf.h and some
// messages are written in that order.
#pragma once

#include "kconfig/stablevector.h"
#include "kconfig/symbol.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kconfig {

class SymbolTable
{
public:
    SymbolTable();
    SymbolTable(const SymbolTable &) = delete;
    SymbolTable &operator=(const SymbolTable &) = delete;

    Symbol *yes() { return m_yes; }
    Symbol *mod() { return m_mod; }
    Symbol *no() { return m_no; }
    const Symbol *yes() const { return m_yes; }
    const Symbol *mod() const { return m_mod; }
    const Symbol *no() const { return m_no; }

    // sym_lookup: "y"/"m"/"n" are the constants; otherwise find or create a
    // named (or, with asConst, literal) symbol.
    Symbol *lookup(std::string_view name, bool asConst);
    Symbol *newChoice(); // the unnamed symbol of a `choice` block
    // sym_find: a named non-constant symbol, or null.
    Symbol *find(std::string_view name) const;

    // Every symbol, including y/m/n (ids 0..2), in creation order.
    const std::vector<Symbol *> &all() const { return m_all; }
    // conf's for_all_symbols order (excludes y/m/n).
    const std::vector<Symbol *> &hashOrder() const;
    std::size_t size() const { return m_all.size(); }

private:
    Symbol *create(std::string_view name, std::uint32_t flags);

    // Open addressing over the symbols themselves: no copy of the name, no
    // node. Keyed by a hash that reads names a word at a time; conf's FNV
    // hash, a multiplication per byte, is computed once per new symbol.
    class NameIndex
    {
    public:
        Symbol *find(std::string_view name, std::uint64_t hash) const;
        void insert(Symbol *s, std::uint64_t hash);

    private:
        std::size_t slotOf(std::uint64_t hash) const;

        struct Slot
        {
            std::uint64_t hash = 0;
            Symbol *sym = nullptr;
        };
        std::vector<Slot> m_slots;
        std::size_t m_used = 0;
        int m_shift = 64; // 64 - log2(slots)
    };

    StableVector<Symbol> m_storage;
    std::vector<Symbol *> m_all;
    NameIndex m_named;
    NameIndex m_literals;
    mutable std::vector<Symbol *> m_hashOrder;
    mutable bool m_hashOrderValid = false;
    Symbol *m_yes = nullptr;
    Symbol *m_mod = nullptr;
    Symbol *m_no = nullptr;
};

// FNV-1a over signed chars, as scripts/include/hash.h.
unsigned kconfigHashString(std::string_view s);

} // namespace kconfig
