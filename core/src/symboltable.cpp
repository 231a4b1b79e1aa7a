// SPDX-License-Identifier: MIT
#include "kconfig/symboltable.h"

#include "hashing.h"

#include <algorithm>

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

SymbolTable::SymbolTable()
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

Symbol *SymbolTable::create(std::string_view name, std::uint32_t flags)
{
    Symbol &s = m_storage.emplace_back();
    s.name = std::string(name);
    s.flags = flags;
    s.id = static_cast<int>(m_all.size());
    m_all.push_back(&s);
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

std::size_t SymbolTable::NameIndex::slotOf(std::uint64_t hash) const
{
    return static_cast<std::size_t>(hash >> m_shift);
}

Symbol *SymbolTable::NameIndex::find(std::string_view name, std::uint64_t hash) const
{
    if (m_slots.empty()) return nullptr;
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = slotOf(hash); m_slots[i].sym; i = (i + 1) & mask)
        if (m_slots[i].hash == hash && m_slots[i].sym->name == name) return m_slots[i].sym;
    return nullptr;
}

void SymbolTable::NameIndex::insert(Symbol *s, std::uint64_t hash)
{
    if ((m_used + 1) * 2 > m_slots.size()) {
        // At most half full; a power of two so that the hash can be masked.
        // Fourfold: a kernel tree has some 19,000 symbols.
        std::vector<Slot> old(std::max<std::size_t>(m_slots.size() * 4, 4096));
        old.swap(m_slots);
        m_shift = 64;
        for (std::size_t n = m_slots.size(); n > 1; n /= 2)
            --m_shift;
        m_used = 0;
        for (const Slot &o : old)
            if (o.sym) insert(o.sym, o.hash);
    }
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = slotOf(hash);
    while (m_slots[i].sym)
        i = (i + 1) & mask;
    m_slots[i] = Slot{hash, s};
    ++m_used;
}

Symbol *SymbolTable::lookup(std::string_view name, bool asConst)
{
    if (Symbol *c = singleLetterConstant(name, m_yes, m_mod, m_no)) return c;
    NameIndex &index = asConst ? m_literals : m_named;
    const std::uint64_t hash = hashing::quick(name);
    if (Symbol *s = index.find(name, hash)) return s;
    const std::uint32_t flags = asConst ? std::uint32_t(Symbol::Const) : 0u;
    Symbol *s = create(name, flags);
    index.insert(s, hash);
    return s;
}

Symbol *SymbolTable::newChoice()
{
    return create({}, Symbol::Choice);
}

Symbol *SymbolTable::find(std::string_view name) const
{
    if (name.empty()) return nullptr;
    if (Symbol *c = singleLetterConstant(name, m_yes, m_mod, m_no)) return c;
    return m_named.find(name, hashing::quick(name));
}

const std::vector<Symbol *> &SymbolTable::hashOrder() const
{
    if (!m_hashOrderValid) {
        // Buckets in order, the newest symbol first within a bucket: a
        // counting sort by bucket over the symbols from the newest (y, m
        // and n, ids 0 to 2, are not in the table; choices are in bucket 0).
        std::vector<unsigned> bucketOf(m_all.size(), 0);
        for (std::size_t id = 3; id < m_all.size(); ++id)
            if (!m_all[id]->isChoice())
                bucketOf[id] = kconfigHashString(m_all[id]->name) % kBuckets;
        std::vector<std::size_t> next(kBuckets + 1, 0);
        for (std::size_t id = 3; id < m_all.size(); ++id)
            ++next[bucketOf[id] + 1];
        for (unsigned b = 1; b <= kBuckets; ++b)
            next[b] += next[b - 1];
        m_hashOrder.resize(m_all.size() - 3);
        for (std::size_t id = m_all.size(); id-- > 3;)
            m_hashOrder[next[bucketOf[id]]++] = m_all[id];
        m_hashOrderValid = true;
    }
    return m_hashOrder;
}

} // namespace kconfig
