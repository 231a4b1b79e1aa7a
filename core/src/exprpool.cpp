// SPDX-License-Identifier: MIT
#include "kconfig/exprpool.h"

#include "kconfig/symbol.h"

#include <algorithm>
#include <functional>

namespace kconfig {

namespace {

std::size_t hashKey(ExprType t, const void *l, const void *r)
{
    // murmur3's finaliser: pointers are aligned, so their low bits must be mixed
    // with the high ones before the table masks them off.
    std::uint64_t x = reinterpret_cast<std::uintptr_t>(l) ^
                      (reinterpret_cast<std::uintptr_t>(r) * 0x9E3779B97F4A7C15ull) ^
                      (static_cast<std::uint64_t>(t) << 56);
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return static_cast<std::size_t>(x);
}

std::uint64_t symbolBit(const Symbol *s)
{
    return s ? std::uint64_t(1) << ((static_cast<std::uint32_t>(s->id) * 2654435761u) >> 26) : 0;
}

const void *leftOf(const Expr *e)
{
    return e->sym ? static_cast<const void *>(e->sym) : e->left;
}
const void *rightOf(const Expr *e)
{
    return e->rightSym ? static_cast<const void *>(e->rightSym) : e->right;
}

} // namespace

void ExprPool::rebuildTable(std::size_t capacity)
{
    // At most half full; a power of two so that the hash can be masked. A
    // kernel tree makes some 50,000 nodes: starting with room for 65,536
    // (1 MiB) saves it five rebuilds, each a pass of scattered writes.
    std::size_t size = 1u << 17;
    while (size < capacity * 2)
        size *= 2;
    m_slots.assign(size, nullptr);
    const std::size_t mask = size - 1;
    m_used = 0;
    for (const Expr &e : m_nodes) {
        std::size_t i = hashKey(e.type, leftOf(&e), rightOf(&e)) & mask;
        while (m_slots[i])
            i = (i + 1) & mask;
        m_slots[i] = &e;
        ++m_used;
    }
    m_tableStale = false;
}

const Expr *ExprPool::lookup(ExprType t, const void *l, const void *r)
{
    if (m_tableStale || m_used * 2 >= m_slots.size()) rebuildTable(m_nodes.size() + 1);
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = hashKey(t, l, r) & mask;
    while (const Expr *e = m_slots[i]) {
        if (e->type == t && leftOf(e) == l && rightOf(e) == r) return e;
        i = (i + 1) & mask;
    }
    const Expr *e = makeNode(t, l, r);
    m_slots[i] = e;
    ++m_used;
    return e;
}

const Expr *ExprPool::adopt(ExprType t, const void *l, const void *r)
{
    m_tableStale = true;
    return makeNode(t, l, r);
}

const Expr *ExprPool::makeNode(ExprType t, const void *l, const void *r)
{
    Expr &e = m_nodes.emplace_back();
    e.type = t;
    e.id = static_cast<int>(m_nodes.size() - 1);
    switch (t) {
    case ExprType::Symbol:
    case ExprType::Equal:
    case ExprType::Unequal:
    case ExprType::Less:
    case ExprType::LessEqual:
    case ExprType::Greater:
    case ExprType::GreaterEqual:
    case ExprType::Range:
        e.sym = static_cast<Symbol *>(const_cast<void *>(l));
        e.rightSym = static_cast<Symbol *>(const_cast<void *>(r));
        e.symbolMask = symbolBit(e.sym) | symbolBit(e.rightSym);
        break;
    default: {
        e.left = static_cast<const Expr *>(l);
        e.right = static_cast<const Expr *>(r);
        const int below = std::max(e.left ? e.left->depth : 0, e.right ? e.right->depth : 0);
        e.depth = static_cast<std::uint16_t>(std::min(below + 1, 0xffff));
        e.symbolMask = (e.left ? e.left->symbolMask : 0) | (e.right ? e.right->symbolMask : 0);
        break;
    }
    }
    return &e;
}

const Expr *ExprPool::symbol(Symbol *s)
{
    if (!s->leaf) s->leaf = lookup(ExprType::Symbol, s, nullptr);
    return s->leaf;
}
const Expr *ExprPool::unary(ExprType t, const Expr *e)
{
    return lookup(t, e, nullptr);
}
const Expr *ExprPool::binary(ExprType t, const Expr *l, const Expr *r)
{
    return lookup(t, l, r);
}
const Expr *ExprPool::compare(ExprType t, Symbol *l, Symbol *r)
{
    return lookup(t, l, r);
}

// binary() for a node whose operands may have been rewritten: unchanged
// operands give back the node itself (hash-consing), without a lookup.
const Expr *ExprPool::rebuilt(const Expr *e, const Expr *l, const Expr *r)
{
    return l == e->left && r == e->right ? e : binary(e->type, l, r);
}

const Expr *ExprPool::andOf(const Expr *a, const Expr *b)
{
    if (!a) return b;
    return b ? binary(ExprType::And, a, b) : a;
}

const Expr *ExprPool::orOf(const Expr *a, const Expr *b)
{
    if (!a) return b;
    return b ? binary(ExprType::Or, a, b) : a;
}

bool ExprPool::isYes(const Expr *e) const
{
    return !e || (e->type == ExprType::Symbol && e->sym == m_c.yes);
}

static bool isConstLeaf(const Expr *e, const Symbol *s)
{
    return e->type == ExprType::Symbol && e->sym == s;
}

// expr && n -> n, expr && y -> expr, expr || n -> expr, expr || y -> y. Like the
// kernel, an operand's own simplification is kept only when the node collapses.
const Expr *ExprPool::eliminateYn(const Expr *e)
{
    if (!e || !e->isLogic()) return e;
    const Expr *l = eliminateYn(e->left);
    const Expr *r = eliminateYn(e->right);
    if (e->type == ExprType::And) {
        if (isConstLeaf(l, m_c.no)) return l;
        if (isConstLeaf(l, m_c.yes)) return r;
        if (isConstLeaf(r, m_c.no)) return r;
        if (isConstLeaf(r, m_c.yes)) return l;
    } else {
        if (isConstLeaf(l, m_c.no)) return r;
        if (isConstLeaf(l, m_c.yes)) return l;
        if (isConstLeaf(r, m_c.no)) return l;
        if (isConstLeaf(r, m_c.yes)) return r;
    }
    return e;
}

// Compares every leaf of one &&/|| level with every leaf of the other; equal
// leaves become the neutral constant so that eliminateYn drops them.
void ExprPool::eliminateEqLeaves(ExprType t, const Expr *&a, const Expr *&b)
{
    // Leaves without a symbol in common are never equal: nothing to eliminate.
    if (!(a->symbolMask & b->symbolMask)) return;
    if (a->type == t) {
        const Expr *l = a->left;
        const Expr *r = a->right;
        eliminateEqLeaves(t, l, b);
        eliminateEqLeaves(t, r, b);
        a = rebuilt(a, l, r);
        return;
    }
    if (b->type == t) {
        const Expr *l = b->left;
        const Expr *r = b->right;
        eliminateEqLeaves(t, a, l);
        eliminateEqLeaves(t, a, r);
        b = rebuilt(b, l, r);
        return;
    }
    if (a->type == ExprType::Symbol && b->type == ExprType::Symbol && a->sym == b->sym &&
        (a->sym == m_c.yes || a->sym == m_c.no))
        return;
    if (!equal(a, b)) return;
    ++m_transCount;
    if (t == ExprType::Or) {
        a = symbol(m_c.no);
        b = symbol(m_c.no);
    } else if (t == ExprType::And) {
        a = symbol(m_c.yes);
        b = symbol(m_c.yes);
    }
}

void ExprPool::eliminateEq(const Expr *&a, const Expr *&b)
{
    if (!a || !b) return;
    if (a->isLogic()) eliminateEqLeaves(a->type, a, b);
    if (a->type != b->type && b->isLogic()) eliminateEqLeaves(b->type, a, b);
    a = eliminateYn(a);
    b = eliminateYn(b);
}

bool ExprPool::equal(const Expr *a, const Expr *b)
{
    if (!a || !b) return isYes(a) && isYes(b);
    if (a == b) return true; // hash-consed: the same structure
    if (a->type != b->type) return false;
    switch (a->type) {
    case ExprType::Equal:
    case ExprType::Unequal:
    case ExprType::Less:
    case ExprType::LessEqual:
    case ExprType::Greater:
    case ExprType::GreaterEqual:
        return a->sym == b->sym && a->rightSym == b->rightSym;
    case ExprType::Symbol:
        return a->sym == b->sym;
    case ExprType::Not:
        return equal(a->left, b->left);
    case ExprType::And:
    case ExprType::Or: {
        const int saved = m_transCount;
        eliminateEq(a, b);
        const bool res =
            a->type == ExprType::Symbol && b->type == ExprType::Symbol && a->sym == b->sym;
        m_transCount = saved;
        return res;
    }
    default:
        return false;
    }
}

// The symbol a join rule is about: A in "A", "!A", "A=x", "A!=x".
static Symbol *joinSubject(const Expr *e, bool allowNotOfCompare)
{
    if (e->type == ExprType::Not) {
        const Expr *inner = e->left;
        const bool ok = inner->type == ExprType::Symbol ||
                        (allowNotOfCompare &&
                         (inner->type == ExprType::Equal || inner->type == ExprType::Unequal));
        return ok ? inner->sym : nullptr;
    }
    return e->sym;
}

static bool joinable(const Expr *e)
{
    return e->type == ExprType::Equal || e->type == ExprType::Unequal ||
           e->type == ExprType::Symbol || e->type == ExprType::Not;
}

const Expr *ExprPool::joinOr(const Expr *e1, const Expr *e2)
{
    if (equal(e1, e2)) return e1;
    if (!joinable(e1) || !joinable(e2)) return nullptr;
    Symbol *s1 = joinSubject(e1, true);
    if (!s1) return nullptr;
    Symbol *s2 = joinSubject(e2, false);
    if (!s2 || s1 != s2) return nullptr;
    if (s1->type != SymbolType::Bool && s1->type != SymbolType::Tristate) return nullptr;
    const auto eqPair = [&](Symbol *x, Symbol *y) {
        return e1->type == ExprType::Equal && e2->type == ExprType::Equal &&
               ((e1->rightSym == x && e2->rightSym == y) ||
                (e1->rightSym == y && e2->rightSym == x));
    };
    if (s1->type == SymbolType::Tristate) {
        if (eqPair(m_c.yes, m_c.mod)) // (a='y') || (a='m') -> (a!='n')
            return compare(ExprType::Unequal, s1, m_c.no);
        if (eqPair(m_c.yes, m_c.no)) // (a='y') || (a='n') -> (a!='m')
            return compare(ExprType::Unequal, s1, m_c.mod);
        if (eqPair(m_c.mod, m_c.no)) // (a='m') || (a='n') -> (a!='y')
            return compare(ExprType::Unequal, s1, m_c.yes);
    }
    if (s1->type == SymbolType::Bool) {
        // a || !a -> y
        if ((e1->type == ExprType::Not && e1->left->type == ExprType::Symbol &&
             e2->type == ExprType::Symbol) ||
            (e2->type == ExprType::Not && e2->left->type == ExprType::Symbol &&
             e1->type == ExprType::Symbol))
            return symbol(m_c.yes);
    }
    return nullptr;
}

const Expr *ExprPool::joinAnd(const Expr *e1, const Expr *e2)
{
    if (equal(e1, e2)) return e1;
    if (!joinable(e1) || !joinable(e2)) return nullptr;
    Symbol *s1 = joinSubject(e1, true);
    if (!s1) return nullptr;
    Symbol *s2 = joinSubject(e2, false);
    if (!s2 || s1 != s2) return nullptr;
    if (s1->type != SymbolType::Bool && s1->type != SymbolType::Tristate) return nullptr;

    const auto symAnd = [&](ExprType t, Symbol *rhs) {
        return (e1->type == ExprType::Symbol && e2->type == t && e2->rightSym == rhs) ||
               (e2->type == ExprType::Symbol && e1->type == t && e1->rightSym == rhs);
    };
    if (symAnd(ExprType::Equal, m_c.yes)) // (a) && (a='y') -> (a='y')
        return compare(ExprType::Equal, s1, m_c.yes);
    if (symAnd(ExprType::Unequal, m_c.no)) // (a) && (a!='n') -> (a)
        return symbol(s1);
    if (symAnd(ExprType::Unequal, m_c.mod)) // (a) && (a!='m') -> (a='y')
        return compare(ExprType::Equal, s1, m_c.yes);

    if (s1->type == SymbolType::Tristate) {
        // (a='b') && (a!='c') -> 'b'='c' ? 'n' : a='b'
        if (e1->type == ExprType::Equal && e2->type == ExprType::Unequal) {
            Symbol *b = e1->rightSym;
            if (e2->rightSym->isConst() && b->isConst())
                return b != e2->rightSym ? compare(ExprType::Equal, s1, b) : symbol(m_c.no);
        }
        if (e1->type == ExprType::Unequal && e2->type == ExprType::Equal) {
            Symbol *b = e2->rightSym;
            if (e1->rightSym->isConst() && b->isConst())
                return b != e1->rightSym ? compare(ExprType::Equal, s1, b) : symbol(m_c.no);
        }
        const auto neqPair = [&](Symbol *x, Symbol *y) {
            return e1->type == ExprType::Unequal && e2->type == ExprType::Unequal &&
                   ((e1->rightSym == x && e2->rightSym == y) ||
                    (e1->rightSym == y && e2->rightSym == x));
        };
        if (neqPair(m_c.yes, m_c.no)) // (a!='y') && (a!='n') -> (a='m')
            return compare(ExprType::Equal, s1, m_c.mod);
        if (neqPair(m_c.yes, m_c.mod)) // (a!='y') && (a!='m') -> (a='n')
            return compare(ExprType::Equal, s1, m_c.no);
        if (neqPair(m_c.mod, m_c.no)) // (a!='m') && (a!='n') -> (a='y')
            return compare(ExprType::Equal, s1, m_c.yes);
    }
    return nullptr;
}

void ExprPool::eliminateDupsLeaves(ExprType t, const Expr *&a, const Expr *&b)
{
    // Leaves join only when equal or about the same symbol.
    if (!(a->symbolMask & b->symbolMask)) return;
    if (a->type == t) {
        const Expr *l = a->left;
        const Expr *r = a->right;
        eliminateDupsLeaves(t, l, b);
        eliminateDupsLeaves(t, r, b);
        a = rebuilt(a, l, r);
        return;
    }
    if (b->type == t) {
        const Expr *l = b->left;
        const Expr *r = b->right;
        eliminateDupsLeaves(t, a, l);
        eliminateDupsLeaves(t, a, r);
        b = rebuilt(b, l, r);
        return;
    }
    if (t == ExprType::Or) {
        if (const Expr *joined = joinOr(a, b)) {
            a = symbol(m_c.no);
            b = joined;
            ++m_transCount;
        }
    } else if (t == ExprType::And) {
        if (const Expr *joined = joinAnd(a, b)) {
            a = symbol(m_c.yes);
            b = joined;
            ++m_transCount;
        }
    }
}

// Both rewrites are pure functions of a (hash-consed) node, and finalisation
// applies them to the same dependencies over and over: remember the results.
const Expr *ExprPool::eliminateDups(const Expr *e)
{
    if (!e) return e;
    const auto id = static_cast<std::size_t>(e->id);
    if (id < m_dupsMemo.size() && m_dupsMemo[id]) return m_dupsMemo[id];
    const Expr *r = eliminateDupsUncached(e);
    if (m_dupsMemo.size() <= id) m_dupsMemo.resize(std::max(id + 1, m_nodes.size()), nullptr);
    m_dupsMemo[id] = r;
    return r;
}

const Expr *ExprPool::transform(const Expr *e)
{
    if (!e) return nullptr;
    const auto id = static_cast<std::size_t>(e->id);
    if (id < m_transformMemo.size() && m_transformMemo[id]) return m_transformMemo[id];
    const int notices = m_notices;
    const Expr *r = transformUncached(e);
    // conf prints its notice each time it meets `A=m`: do not remember those.
    if (m_notices == notices) {
        if (m_transformMemo.size() <= id)
            m_transformMemo.resize(std::max(id + 1, m_nodes.size()), nullptr);
        m_transformMemo[id] = r;
    }
    return r;
}

const Expr *ExprPool::eliminateDupsUncached(const Expr *e)
{
    if (!e) return e;
    const int saved = m_transCount;
    do {
        m_transCount = 0;
        if (e->isLogic()) {
            const Expr *l = eliminateDups(e->left);
            const Expr *r = eliminateDups(e->right);
            eliminateDupsLeaves(e->type, l, r);
            e = rebuilt(e, l, r);
        }
        e = eliminateYn(e);
    } while (m_transCount);
    m_transCount = saved;
    return e;
}

const Expr *ExprPool::transformUncached(const Expr *e)
{
    if (!e) return nullptr;
    if (e->type == ExprType::Not || e->isLogic())
        e = rebuilt(e, transform(e->left), transform(e->right));

    switch (e->type) {
    case ExprType::Equal:
        if (e->sym->type != SymbolType::Bool) break;
        if (e->rightSym == m_c.no) // A=n -> !A
            return unary(ExprType::Not, symbol(e->sym));
        if (e->rightSym == m_c.mod) { // A=m -> n
            ++m_notices;
            if (m_notice)
                m_notice("boolean symbol " + e->sym->name + " tested for 'm'? test forced to 'n'");
            return symbol(m_c.no);
        }
        if (e->rightSym == m_c.yes) // A=y -> A
            return symbol(e->sym);
        break;
    case ExprType::Unequal:
        if (e->sym->type != SymbolType::Bool) break;
        if (e->rightSym == m_c.no) // A!=n -> A
            return symbol(e->sym);
        if (e->rightSym == m_c.mod) { // A!=m -> y
            ++m_notices;
            if (m_notice)
                m_notice("boolean symbol " + e->sym->name + " tested for 'm'? test forced to 'y'");
            return symbol(m_c.yes);
        }
        // A!=y -> !A. (conf 6.12 builds a malformed node here and may crash or
        // compute garbage; this is the rewrite it intends.)
        if (e->rightSym == m_c.yes) return unary(ExprType::Not, symbol(e->sym));
        break;
    case ExprType::Not: {
        const Expr *in = e->left;
        switch (in->type) {
        case ExprType::Not: // !!A -> A
            return in->left;
        case ExprType::Equal:
        case ExprType::Unequal: // !(A=B) -> A!=B
            return compare(in->type == ExprType::Equal ? ExprType::Unequal : ExprType::Equal,
                           in->sym, in->rightSym);
        case ExprType::LessEqual:
        case ExprType::GreaterEqual: // !(A<=B) -> A>B
            return compare(in->type == ExprType::LessEqual ? ExprType::Greater : ExprType::Less,
                           in->sym, in->rightSym);
        case ExprType::Less:
        case ExprType::Greater: // !(A<B) -> A>=B
            return compare(in->type == ExprType::Less ? ExprType::GreaterEqual
                                                      : ExprType::LessEqual,
                           in->sym, in->rightSym);
        case ExprType::Or: // !(A || B) -> !A && !B
            return transform(
                andOf(unary(ExprType::Not, in->left), unary(ExprType::Not, in->right)));
        case ExprType::And: // !(A && B) -> !A || !B
            return transform(orOf(unary(ExprType::Not, in->left), unary(ExprType::Not, in->right)));
        case ExprType::Symbol:
            if (in->sym == m_c.yes) return symbol(m_c.no);
            if (in->sym == m_c.mod) return symbol(m_c.mod);
            if (in->sym == m_c.no) return symbol(m_c.yes);
            break;
        default:
            break;
        }
        break;
    }
    default:
        break;
    }
    return e;
}

const Expr *ExprPool::transCompare(const Expr *e, ExprType t, Symbol *s)
{
    if (!e) {
        const Expr *r = symbol(s);
        return t == ExprType::Unequal ? unary(ExprType::Not, r) : r;
    }
    switch (e->type) {
    case ExprType::And:
    case ExprType::Or: {
        const Expr *e1 = transCompare(e->left, ExprType::Equal, s);
        const Expr *e2 = transCompare(e->right, ExprType::Equal, s);
        const bool isAnd = e->type == ExprType::And;
        if (s == m_c.yes) e = binary(isAnd ? ExprType::And : ExprType::Or, e1, e2);
        if (s == m_c.no) e = binary(isAnd ? ExprType::Or : ExprType::And, e1, e2);
        return t == ExprType::Unequal ? unary(ExprType::Not, e) : e;
    }
    case ExprType::Not:
        return transCompare(e->left, t == ExprType::Equal ? ExprType::Unequal : ExprType::Equal, s);
    case ExprType::Equal:
    case ExprType::Unequal:
    case ExprType::Less:
    case ExprType::LessEqual:
    case ExprType::Greater:
    case ExprType::GreaterEqual:
        if (t == ExprType::Equal) {
            if (s == m_c.yes) return e;
            if (s == m_c.mod) return symbol(m_c.no);
            if (s == m_c.no) return unary(ExprType::Not, e);
        } else {
            if (s == m_c.yes) return unary(ExprType::Not, e);
            if (s == m_c.mod) return symbol(m_c.yes);
            if (s == m_c.no) return e;
        }
        return nullptr;
    case ExprType::Symbol:
        return compare(t, e->sym, s);
    default:
        return nullptr;
    }
}

const Expr *ExprPool::rewriteM(const Expr *e, Symbol *modules)
{
    // Most expressions name no 'm' at all: their mask says so.
    if (!e || !(e->symbolMask & symbolBit(m_c.mod))) return e;
    switch (e->type) {
    case ExprType::Not:
        return rebuilt(e, rewriteM(e->left, modules), nullptr);
    case ExprType::Or:
    case ExprType::And:
        return rebuilt(e, rewriteM(e->left, modules), rewriteM(e->right, modules));
    case ExprType::Symbol:
        if (e->sym == m_c.mod) return andOf(e, symbol(modules));
        return e;
    default:
        return e;
    }
}

bool exprContainsSymbol(const Expr *e, const Symbol *s)
{
    if (!e || !(e->symbolMask & symbolBit(s))) return false;
    switch (e->type) {
    case ExprType::And:
    case ExprType::Or:
        return exprContainsSymbol(e->left, s) || exprContainsSymbol(e->right, s);
    case ExprType::Symbol:
        return e->sym == s;
    case ExprType::Equal:
    case ExprType::Unequal:
    case ExprType::Less:
    case ExprType::LessEqual:
    case ExprType::Greater:
    case ExprType::GreaterEqual:
        return e->sym == s || e->rightSym == s;
    case ExprType::Not:
        return exprContainsSymbol(e->left, s);
    default:
        return false;
    }
}

static void collect(const Expr *e, std::vector<const Symbol *> &out)
{
    if (!e) return;
    const auto add = [&out](const Symbol *s) {
        if (s && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    };
    switch (e->type) {
    case ExprType::And:
    case ExprType::Or:
        collect(e->left, out);
        collect(e->right, out);
        break;
    case ExprType::Not:
        collect(e->left, out);
        break;
    case ExprType::None:
        break;
    default:
        add(e->sym);
        add(e->rightSym);
        break;
    }
}

std::vector<const Symbol *> exprSymbols(const Expr *e)
{
    std::vector<const Symbol *> out;
    collect(e, out);
    return out;
}

bool exprDependsOnSymbol(const Expr *e, const Symbol *s, const ExprPool::Constants &c)
{
    if (!e) return false;
    switch (e->type) {
    case ExprType::And:
        return exprDependsOnSymbol(e->left, s, c) || exprDependsOnSymbol(e->right, s, c);
    case ExprType::Symbol:
        return e->sym == s;
    case ExprType::Equal:
        return e->sym == s && (e->rightSym == c.yes || e->rightSym == c.mod);
    case ExprType::Unequal:
        return e->sym == s && e->rightSym == c.no;
    default:
        return false;
    }
}

} // namespace kconfig
