// SPDX-License-Identifier: MIT
#include "kconfig/symboltable.h"

namespace kconfig {

namespace {
constexpr unsigned kBuckets = 1u << 14;
}

unsigned kconfigHashString(std::string_view s)
{
    unsigned hash = 2166136261u;
    for (char ch : s)
        hash = (hash ^ static_cast<unsigned>(static_cast<int>(static_cast<signed char>(ch)))) *
               0x01000193u;
    return hash;
}

SymbolTable::SymbolTable() : m_buckets(kBuckets)
{
    // y, m and n are outside the hash table, like conf's static symbols.
    const auto makeConst = [this](const char *name, SymbolType type) {
        Symbol &s = m_storage.emplace_back();
        s.name = name;
        s.type = type;
        s.flags = Symbol::Const;
        s.id = static_cast<int>(m_all.size());
        m_all.push_back(&s);
        return &s;
    };
    m_yes = makeConst("y", SymbolType::Tristate);
    m_mod = makeConst("m", SymbolType::Tristate);
    m_no = makeConst("n", SymbolType::Tristate);
}

Symbol *SymbolTable::create(std::string_view name, std::uint32_t flags, unsigned bucket)
{
    Symbol &s = m_storage.emplace_back();
    s.name = std::string(name);
    s.flags = flags;
    s.id = static_cast<int>(m_all.size());
    m_all.push_back(&s);
    m_buckets[bucket].push_back(&s);
    m_hashOrderValid = false;
    return &s;
}

static Symbol *singleLetterConstant(std::string_view name, Symbol *y, Symbol *m, Symbol *n)
{
    if (name.size() != 1) return nullptr;
    switch (name[0]) {
    case 'y':
        return y;
    case 'm':
        return m;
    case 'n':
        return n;
    default:
        return nullptr;
    }
}

Symbol *SymbolTable::lookup(std::string_view name, bool asConst)
{
    if (Symbol *c = singleLetterConstant(name, m_yes, m_mod, m_no)) return c;
    auto &map = asConst ? m_literals : m_named;
    if (auto it = map.find(name); it != map.end()) return it->second;
    const std::uint32_t flags = asConst ? std::uint32_t(Symbol::Const) : 0u;
    Symbol *s = create(name, flags, kconfigHashString(name) % kBuckets);
    map.emplace(std::string(name), s);
    return s;
}

Symbol *SymbolTable::newChoice()
{
    return create({}, Symbol::Choice, 0);
}

Symbol *SymbolTable::find(std::string_view name) const
{
    if (name.empty()) return nullptr;
    if (Symbol *c = singleLetterConstant(name, m_yes, m_mod, m_no)) return c;
    auto it = m_named.find(name);
    return it == m_named.end() ? nullptr : it->second;
}

const std::vector<Symbol *> &SymbolTable::hashOrder() const
{
    if (!m_hashOrderValid) {
        m_hashOrder.clear();
        m_hashOrder.reserve(m_all.size());
        for (const auto &bucket : m_buckets)
            for (auto it = bucket.rbegin(); it != bucket.rend(); ++it)
                m_hashOrder.push_back(*it);
        m_hashOrderValid = true;
    }
    return m_hashOrder;
}

} // namespace kconfig
