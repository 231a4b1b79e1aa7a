// SPDX-License-Identifier: MIT
#include "kconfig/config.h"

#include "kconfig/expr.h"
#include "kconfig/tree.h"
#include "kconfig/valuesyntax.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <unordered_set>

namespace kconfig {

namespace {
enum : std::uint32_t
{
    Valid = 0x1,
    Write = 0x2,
    DefUser = 0x4,
    DefAuto = 0x8,
    Calculating = 0x10, // calc() of the symbol has not returned yet
};
} // namespace

// What every calculation reads and writes, a few bytes per symbol so that
// the states of a whole tree stay in the processor's cache.
struct Config::State
{
    Tristate tri = Tristate::No;
    Tristate visible = Tristate::No;
    Tristate dirDep = Tristate::No;
    Tristate revDep = Tristate::No;
    Tristate implied = Tristate::No;
    Tristate userTri = Tristate::No;
    Tristate autoTri = Tristate::No;
    std::uint32_t flags = 0;
};

// The string values, apart: bool and tristate symbols never use them (their
// curr.val is always "n" in conf).
struct Config::Strings
{
    std::string val; // conf's curr.val for int, hex, string and undefined symbols
    std::string userVal;
    std::string autoVal;
};

// For each symbol, the symbols whose calculation reads it.
struct Config::DependentsIndex
{
    std::vector<std::vector<const Symbol *>> dependents;
};

Config::Config(const Tree &tree) : m_tree(tree)
{
    const auto &all = tree.symbols().all();
    m_states.resize(all.size());
    m_strings.resize(all.size());
    for (const Symbol *c : {tree.symbols().yes(), tree.symbols().mod(), tree.symbols().no()}) {
        State &s = m_states[c->id];
        s.flags = Valid;
        m_strings[c->id].val = c->name;
        s.tri = c == tree.symbols().yes()   ? Tristate::Yes
                : c == tree.symbols().mod() ? Tristate::Mod
                                            : Tristate::No;
    }
    m_propVisible.assign(tree.properties().size(), Tristate::No);
    m_exprEpoch.assign(tree.exprs().size(), 0);
    m_exprValue.assign(tree.exprs().size(), Tristate::No);
    m_choicePriority.resize(tree.menus().size());
    // (Found through the symbols: reading every menu node costs more.)
    for (const Symbol *sym : all)
        if (sym->isChoice())
            for (const MenuNode *m : sym->menus)
                m_choicePriority[m->id].assign(m->choiceMembers.begin(), m->choiceMembers.end());
}

Config::Config(const Config &o)
    : m_tree(o.m_tree), m_states(o.m_states), m_strings(o.m_strings),
      m_propVisible(o.m_propVisible), m_exprEpoch(o.m_exprEpoch), m_exprValue(o.m_exprValue),
      m_epoch(o.m_epoch), m_choicePriority(o.m_choicePriority), m_modulesVal(o.m_modulesVal),
      m_changed(o.m_changed), m_dependents(o.m_dependents), m_lastChanges(o.m_lastChanges)
{
}

Config::~Config() = default;

Config::State &Config::st(const Symbol *sym)
{
    return m_states[sym->id];
}
const Config::State &Config::st(const Symbol *sym) const
{
    return m_states[sym->id];
}

Config::Strings &Config::strs(const Symbol *sym)
{
    return m_strings[sym->id];
}
const Config::Strings &Config::strs(const Symbol *sym) const
{
    return m_strings[sym->id];
}

void Config::setChanged(bool c)
{
    if (m_changedCallback && m_changed != c) m_changedCallback(c);
    m_changed = c;
}

SymbolType Config::effectiveType(const Symbol *sym) const
{
    if (sym->type == SymbolType::Tristate && m_modulesVal == Tristate::No) return SymbolType::Bool;
    return sym->type;
}

// ---- expressions -------------------------------------------------------------

Tristate Config::exprValue(const Expr *e)
{
    if (!e) return Tristate::Yes;
    if (e->id >= 0 && static_cast<std::size_t>(e->id) < m_exprEpoch.size() &&
        m_exprEpoch[e->id] == m_epoch)
        return m_exprValue[e->id];

    Tristate v;
    switch (e->type) {
    case ExprType::Symbol:
        calc(e->sym);
        v = st(e->sym).tri;
        break;
    // Left operand first, as expr_calc_value: evaluating calculates symbols
    // lazily, and in rare cases (stale choice member visibility) the order of
    // those calculations shows in the results. (Function arguments would be
    // evaluated in an unspecified order: GCC does the right one first.)
    case ExprType::And: {
        const Tristate left = exprValue(e->left);
        v = triAnd(left, exprValue(e->right));
        break;
    }
    case ExprType::Or: {
        const Tristate left = exprValue(e->left);
        v = triOr(left, exprValue(e->right));
        break;
    }
    case ExprType::Not:
        v = triNot(exprValue(e->left));
        break;
    case ExprType::Equal:
    case ExprType::Unequal:
    case ExprType::Less:
    case ExprType::LessEqual:
    case ExprType::Greater:
    case ExprType::GreaterEqual:
        v = compareValue(e);
        break;
    default:
        v = Tristate::No;
        break;
    }
    if (e->id >= 0 && static_cast<std::size_t>(e->id) < m_exprEpoch.size()) {
        m_exprEpoch[e->id] = m_epoch;
        m_exprValue[e->id] = v;
    }
    return v;
}

Tristate Config::compareValue(const Expr *e)
{
    calc(e->sym);
    calc(e->rightSym);
    return compareValues(e->type, currentString(e->sym), e->sym->type, currentString(e->rightSym),
                         e->rightSym->type)
               ? Tristate::Yes
               : Tristate::No;
}

// ---- symbol calculation (symbol.c) ---------------------------------------------

void Config::calcVisibility(const Symbol *sym)
{
    State &s = st(sym);
    Tristate tri = Tristate::No;
    for (const Property *p : sym->properties) {
        if (!p->hasText()) continue;
        const Tristate v = exprValue(p->condition);
        m_propVisible[p->id] = v;
        tri = triOr(tri, v);
    }
    if (tri == Tristate::Mod && (sym->type != SymbolType::Tristate || m_modulesVal == Tristate::No))
        tri = Tristate::Yes;
    if (sym->isTransitional())
        tri = Tristate::Yes; // read from old configs although it has no prompt
    s.visible = tri;
    if (sym->isChoiceValue()) return;

    const bool isBool = effectiveType(sym) == SymbolType::Bool;
    const auto promote = [isBool](Tristate t) {
        return t == Tristate::Mod && isBool ? Tristate::Yes : t;
    };
    s.dirDep = promote(sym->dirDep ? exprValue(sym->dirDep) : Tristate::Yes);
    s.revDep = promote(sym->revDep ? exprValue(sym->revDep) : Tristate::No);
    s.implied = promote(sym->implied ? exprValue(sym->implied) : Tristate::No);
}

const Property *Config::defaultProperty(const Symbol *sym)
{
    for (const Property *p : sym->properties) {
        if (p->type != PropertyType::Default) continue;
        m_propVisible[p->id] = exprValue(p->condition);
        if (m_propVisible[p->id] != Tristate::No) return p;
    }
    return nullptr;
}

const Property *Config::rangeProperty(const Symbol *sym)
{
    for (const Property *p : sym->properties) {
        if (p->type != PropertyType::Range) continue;
        m_propVisible[p->id] = exprValue(p->condition);
        if (m_propVisible[p->id] != Tristate::No) return p;
    }
    return nullptr;
}

long long Config::rangeValue(const Symbol *sym, int base)
{
    calc(sym);
    if (sym->type == SymbolType::Int)
        base = 10;
    else if (sym->type == SymbolType::Hex)
        base = 16;
    return parseLeadingInteger(strs(sym).val, base);
}

void Config::validateRange(const Symbol *sym)
{
    int base;
    if (sym->type == SymbolType::Int)
        base = 10;
    else if (sym->type == SymbolType::Hex)
        base = 16;
    else
        return;
    const Property *prop = rangeProperty(sym);
    if (!prop) return;
    std::string &current = strs(sym).val;
    const long long val = parseLeadingInteger(current, base);
    const Symbol *bound = prop->expr->sym;
    long long limit = rangeValue(bound, base);
    if (val >= limit) {
        bound = prop->expr->rightSym;
        limit = rangeValue(bound, base);
        if (val <= limit) return;
    }
    current = strs(bound).val;
}

void Config::calc(const Symbol *sym)
{
    if (!sym) return;
    State &s = st(sym);
    if (s.flags & Valid) {
        // A read during the symbol's own calculation sees its previous value,
        // as in conf.
        if (s.flags & Calculating) ++m_recursiveReads;
        return;
    }
    s.flags |= Valid | Calculating;
    struct Done
    {
        State &s;
        ~Done() { s.flags &= ~Calculating; }
    } done{s};

    Tristate newTri = Tristate::No;
    std::string newVal;
    switch (sym->type) {
    case SymbolType::Int:
        newVal = "0";
        break;
    case SymbolType::Hex:
        newVal = "0x0";
        break;
    case SymbolType::String:
    case SymbolType::Bool:
    case SymbolType::Tristate:
        break;
    default:
        // Undefined symbols and literals: their name is their string value.
        strs(sym).val = sym->name;
        s.tri = Tristate::No;
        return;
    }
    const bool hasString = !sym->isBoolOrTristate();
    s.flags &= ~Write;
    calcVisibility(sym);
    if (s.visible != Tristate::No) s.flags |= Write;
    // a recursive request sees the fallback value
    s.tri = newTri;
    if (hasString) strs(sym).val = newVal;

    switch (effectiveType(sym)) {
    case SymbolType::Bool:
    case SymbolType::Tristate: {
        if (const MenuNode *choice = m_tree.choiceMenuOf(sym)) {
            calcChoice(choice);
            newTri = s.tri;
        } else {
            bool useUser = s.visible != Tristate::No && (s.flags & DefUser);
            if (useUser) {
                newTri = triAnd(s.userTri, s.visible);
            } else {
                if (s.revDep != Tristate::No) s.flags |= Write;
                if (!sym->isChoice()) {
                    if (const Property *prop = defaultProperty(sym)) {
                        newTri = triAnd(exprValue(prop->expr), m_propVisible[prop->id]);
                        if (newTri != Tristate::No) s.flags |= Write;
                    }
                    if (s.implied != Tristate::No) {
                        s.flags |= Write;
                        newTri = triOr(newTri, s.implied);
                        newTri = triAnd(newTri, s.dirDep);
                    }
                }
            }
            if (s.dirDep < s.revDep) {
                ++m_unmetCount;
                if (m_unmetHandler) m_unmetHandler(sym);
            }
            newTri = triOr(newTri, s.revDep);
        }
        if (newTri == Tristate::Mod && effectiveType(sym) == SymbolType::Bool)
            newTri = Tristate::Yes;
        break;
    }
    case SymbolType::String:
    case SymbolType::Hex:
    case SymbolType::Int:
        if (s.visible != Tristate::No && (s.flags & DefUser)) {
            newVal = strs(sym).userVal;
            break;
        }
        if (const Property *prop = defaultProperty(sym)) {
            if (const Symbol *ds = prop->targetSymbol()) {
                s.flags |= Write;
                calc(ds);
                newVal = strs(ds).val;
            }
        }
        break;
    default:
        break;
    }

    s.tri = newTri;
    if (hasString) strs(sym).val = std::move(newVal);
    validateRange(sym);

    if (sym == m_tree.modules()) m_modulesVal = s.tri;
    if (sym->isChoice() || sym->isTransitional()) s.flags &= ~Write;
}

// ---- choices --------------------------------------------------------------------

const std::vector<const Symbol *> &Config::choicePriority(const MenuNode *choice) const
{
    return m_choicePriority[choice->id];
}

void Config::moveChoiceMemberToFront(const Symbol *member)
{
    if (!member->memberOfChoice) return;
    auto &list = m_choicePriority[member->memberOfChoice->id];
    std::erase(list, member);
    list.insert(list.begin(), member);
}

void Config::setChoicePriority(const MenuNode *choice, std::vector<const Symbol *> order)
{
    m_choicePriority[choice->id] = std::move(order);
}

void Config::moveChoiceMemberToBack(const Symbol *member)
{
    if (!member->memberOfChoice) return;
    auto &list = m_choicePriority[member->memberOfChoice->id];
    std::erase(list, member);
    list.push_back(member);
}

const Symbol *Config::choiceDefault(const MenuNode *choice)
{
    for (const Property *p : choice->sym->properties) {
        if (p->type != PropertyType::Default) continue;
        m_propVisible[p->id] = exprValue(p->condition);
        if (m_propVisible[p->id] == Tristate::No) continue;
        const Symbol *def = p->targetSymbol();
        if (def && st(def).visible != Tristate::No) return def;
    }
    for (const MenuNode *m = choice->nextInTree(choice); m; m = m->nextInTree(choice))
        if (m->sym && st(m->sym).visible != Tristate::No) return m->sym;
    return nullptr;
}

const Symbol *Config::calcChoice(const MenuNode *choice)
{
    const Symbol *res = nullptr;
    // 1. the first visible member, in priority order, that the user set to y
    for (const Symbol *sym : m_choicePriority[choice->id]) {
        calcVisibility(sym);
        if (st(sym).visible == Tristate::No) continue;
        if ((st(sym).flags & DefUser) && st(sym).userTri == Tristate::Yes) {
            res = sym;
            break;
        }
    }
    // 2. the default, unless the user explicitly said n to it
    if (!res) {
        res = choiceDefault(choice);
        if (res && (st(res).flags & DefUser) && st(res).userTri == Tristate::No) res = nullptr;
    }
    // 3. the first visible member without a user value
    if (!res) {
        for (const MenuNode *m = choice->nextInTree(choice); m; m = m->nextInTree(choice)) {
            const Symbol *sym = m->sym;
            if (!sym || st(sym).visible == Tristate::No || (st(sym).flags & DefUser)) continue;
            res = sym;
            break;
        }
    }
    // 4. the least prioritised visible member
    if (!res) {
        const auto &list = m_choicePriority[choice->id];
        for (auto it = list.rbegin(); it != list.rend(); ++it) {
            if (st(*it).visible == Tristate::No) continue;
            res = *it;
            break;
        }
    }
    for (const MenuNode *m = choice->nextInTree(choice); m; m = m->nextInTree(choice)) {
        const Symbol *sym = m->sym;
        if (!sym || st(sym).visible == Tristate::No) continue;
        State &s = st(sym);
        s.tri = sym == res ? Tristate::Yes : Tristate::No;
        s.flags |= Valid | Write;
    }
    return res;
}

const Symbol *Config::choiceSelection(const MenuNode *choice)
{
    for (const Symbol *sym : choice->choiceMembers)
        if (tristate(sym) == Tristate::Yes) return sym;
    return nullptr;
}

// Whether every symbol still to be calculated has the state of a new Config:
// a calculation then reads no value left over from an earlier one.
bool Config::nothingStale() const
{
    const State fresh;
    for (const State &s : m_states)
        if (!(s.flags & Valid) &&
            (s.tri != fresh.tri || s.visible != fresh.visible || s.dirDep != fresh.dirDep ||
             s.revDep != fresh.revDep || s.implied != fresh.implied || (s.flags & Write)))
            return false;
    return true;
}

void Config::calcAll()
{
    if (!m_unmetHandler && nothingStale()) {
        // From a new state the order cannot change a value unless a
        // calculation reads a symbol still being calculated; then this starts
        // again in conf's order. The order the symbols were made in walks the
        // tree's memory front to back, conf's jumps all over it. (With old
        // values left, a choice shows the order, see calcChoice; a handler
        // watching calculations must see them in conf's order.)
        const std::vector<State> before = m_states;
        const int unmetBefore = m_unmetCount;
        m_recursiveReads = 0;
        for (const Symbol *sym : m_tree.symbols().all())
            calc(sym);
        if (!m_recursiveReads) return;
        m_states = before;
        m_unmetCount = unmetBefore;
        ++m_epoch;
    }
    for (const Symbol *sym : m_tree.symbols().hashOrder())
        calc(sym);
}

// ---- queries ------------------------------------------------------------------------

Tristate Config::tristate(const Symbol *sym)
{
    calc(sym);
    return st(sym).tri;
}

std::string Config::stringValue(const Symbol *sym)
{
    calc(sym);
    return currentString(sym);
}

Tristate Config::currentTristate(const Symbol *sym) const
{
    return st(sym).tri;
}

std::string Config::currentString(const Symbol *sym) const
{
    if (sym->type == SymbolType::Bool || sym->type == SymbolType::Tristate)
        return std::string(triString(st(sym).tri));
    return strs(sym).val;
}

const std::string &Config::currentRawValue(const Symbol *sym) const
{
    static const std::string no("n");
    return sym->isBoolOrTristate() ? no : strs(sym).val;
}

Tristate Config::visibility(const Symbol *sym)
{
    calc(sym);
    return st(sym).visible;
}

Tristate Config::dirDepValue(const Symbol *sym)
{
    calc(sym);
    return st(sym).dirDep;
}

Tristate Config::revDepValue(const Symbol *sym)
{
    calc(sym);
    return st(sym).revDep;
}

Tristate Config::impliedValue(const Symbol *sym)
{
    calc(sym);
    return st(sym).implied;
}

bool Config::isWritten(const Symbol *sym)
{
    calc(sym);
    return st(sym).flags & Write;
}

bool Config::isChangeable(const Symbol *sym)
{
    calc(sym);
    return !sym->isChoice() && st(sym).visible > st(sym).revDep;
}

bool Config::hasUnmetDependency(const Symbol *sym)
{
    calc(sym);
    return sym->isBoolOrTristate() && !sym->isChoiceValue() && st(sym).dirDep < st(sym).revDep;
}

Tristate Config::propertyVisibility(const Property *p) const
{
    return m_propVisible[p->id];
}

bool Config::tristateWithinRange(const Symbol *sym, Tristate val)
{
    calc(sym);
    const SymbolType type = effectiveType(sym);
    const State &s = st(sym);
    if (s.visible == Tristate::No) return false;
    if (type != SymbolType::Bool && type != SymbolType::Tristate) return false;
    if (type == SymbolType::Bool && val == Tristate::Mod) return false;
    if (s.visible <= s.revDep) return false;
    return val >= s.revDep && val <= s.visible;
}

bool Config::stringWithinRange(const Symbol *sym, std::string_view str)
{
    switch (sym->type) {
    case SymbolType::String:
        return isValidValueString(sym->type, str);
    case SymbolType::Int:
    case SymbolType::Hex: {
        if (!isValidValueString(sym->type, str)) return false;
        const Property *prop = rangeProperty(sym);
        if (!prop) return true;
        const int base = sym->type == SymbolType::Int ? 10 : 16;
        const long long val = parseLeadingInteger(str, base);
        return val >= rangeValue(prop->expr->sym, base) &&
               val <= rangeValue(prop->expr->rightSym, base);
    }
    case SymbolType::Bool:
    case SymbolType::Tristate:
        if (str.empty()) return false;
        switch (str[0]) {
        case 'y':
        case 'Y':
            return tristateWithinRange(sym, Tristate::Yes);
        case 'm':
        case 'M':
            return tristateWithinRange(sym, Tristate::Mod);
        case 'n':
        case 'N':
            return tristateWithinRange(sym, Tristate::No);
        default:
            return false;
        }
    default:
        return false;
    }
}

std::string Config::stringDefault(const Symbol *sym)
{
    calcVisibility(sym);
    calc(m_tree.modules());
    Tristate val = Tristate::No;
    std::string str;
    if (const Property *prop = defaultProperty(sym)) {
        if (sym->isBoolOrTristate()) {
            val = triAnd(exprValue(prop->expr), m_propVisible[prop->id]);
        } else if (const Symbol *ds = prop->targetSymbol()) {
            calc(ds);
            str = strs(ds).val;
        }
    }
    const State &s = st(sym);
    val = triOr(val, s.revDep);
    if (val == Tristate::Mod && !sym->isChoiceValue() && st(m_tree.modules()).tri == Tristate::No)
        val = Tristate::Yes;
    if (sym->type == SymbolType::Bool && val == Tristate::Mod) val = Tristate::Yes;
    if (val < s.implied) val = s.implied;
    switch (sym->type) {
    case SymbolType::Bool:
    case SymbolType::Tristate:
        return std::string(triString(val));
    case SymbolType::Int:
        return str.empty() ? "0" : str;
    case SymbolType::Hex:
        return str.empty() ? "0x0" : str;
    default:
        return str;
    }
}

bool Config::menuIsVisible(const MenuNode *menu)
{
    if (!menu->prompt) return false;
    if (menu->visibility && exprValue(menu->visibility) == Tristate::No) return false;
    Tristate visible;
    if (menu->sym) {
        calc(menu->sym);
        visible = m_propVisible[menu->prompt->id];
    } else {
        visible = m_propVisible[menu->prompt->id] = exprValue(menu->prompt->condition);
    }
    if (visible != Tristate::No) return true;
    if (!menu->sym || st(menu->sym).tri == Tristate::No) return false;
    for (const MenuNode *child = menu->list; child; child = child->next)
        if (menuIsVisible(child)) return true;
    return false;
}

bool Config::menuIsEmpty(const MenuNode *menu)
{
    for (const MenuNode *child = menu->list; child; child = child->next)
        if (menuIsVisible(child)) return false;
    return true;
}

SymbolSnapshot Config::snapshot(const Symbol *sym)
{
    calc(sym);
    const State &s = st(sym);
    SymbolSnapshot snap;
    snap.tri = s.tri;
    snap.value = currentString(sym);
    snap.visible = s.visible;
    snap.revDep = s.revDep;
    snap.written = s.flags & Write;
    snap.changeable = !sym->isChoice() && s.visible > s.revDep;
    return snap;
}

// ---- user values -------------------------------------------------------------------

bool Config::hasUserValue(const Symbol *sym) const
{
    return st(sym).flags & DefUser;
}
Tristate Config::userTristate(const Symbol *sym) const
{
    return st(sym).userTri;
}
const std::string &Config::userString(const Symbol *sym) const
{
    return strs(sym).userVal;
}

void Config::setUserTristateRaw(const Symbol *sym, Tristate t)
{
    State &s = st(sym);
    s.userTri = t;
    s.flags |= DefUser;
}

void Config::setUserStringRaw(const Symbol *sym, std::string value)
{
    strs(sym).userVal = std::move(value);
    st(sym).flags |= DefUser;
}

void Config::clearUserValue(const Symbol *sym)
{
    State &s = st(sym);
    s.flags &= ~DefUser;
    s.userTri = Tristate::No;
    if (!sym->isBoolOrTristate()) strs(sym).userVal.clear();
}

bool Config::hasAutoValue(const Symbol *sym) const
{
    return st(sym).flags & DefAuto;
}
Tristate Config::autoTristate(const Symbol *sym) const
{
    return st(sym).autoTri;
}
const std::string &Config::autoString(const Symbol *sym) const
{
    return strs(sym).autoVal;
}

void Config::setAutoTristate(const Symbol *sym, Tristate t)
{
    st(sym).autoTri = t;
    st(sym).flags |= DefAuto;
}

void Config::setAutoString(const Symbol *sym, std::string v)
{
    strs(sym).autoVal = std::move(v);
    st(sym).flags |= DefAuto;
}

void Config::clearAutoValues()
{
    for (State &s : m_states) {
        s.flags &= ~DefAuto;
        s.autoTri = Tristate::No;
    }
    for (Strings &s : m_strings)
        s.autoVal.clear();
}

// ---- changing values ------------------------------------------------------------------

void Config::invalidateAll()
{
    for (const Symbol *sym : m_tree.symbols().all())
        if (!(sym == m_tree.symbols().yes() || sym == m_tree.symbols().mod() ||
              sym == m_tree.symbols().no()))
            st(sym).flags &= ~Valid;
    ++m_epoch;
}

void Config::clearAllValid()
{
    invalidateAll();
    setChanged(true);
    calc(m_tree.modules());
}

std::vector<const Symbol *> Config::afterUserChange(const std::vector<const Symbol *> &changed,
                                                    Propagation p)
{
    if (p == Propagation::Global) {
        clearAllValid();
        return {};
    }
    return update(changed);
}

bool Config::setTristateValue(const Symbol *sym, Tristate val, Propagation p)
{
    const Tristate oldVal = tristate(sym);
    if (!tristateWithinRange(sym, val)) return false;
    State &s = st(sym);
    if (!(s.flags & DefUser) || s.userTri != val) {
        s.userTri = val;
        s.flags |= DefUser;
    }
    if (oldVal != val) afterUserChange({sym}, p);
    return true;
}

bool Config::setStringValue(const Symbol *sym, std::string_view newVal, Propagation p)
{
    if (sym->isBoolOrTristate()) {
        if (newVal.empty()) return false;
        switch (newVal[0]) {
        case 'y':
        case 'Y':
            return setTristateValue(sym, Tristate::Yes, p);
        case 'm':
        case 'M':
            return setTristateValue(sym, Tristate::Mod, p);
        case 'n':
        case 'N':
            return setTristateValue(sym, Tristate::No, p);
        default:
            return false;
        }
    }
    if (!stringWithinRange(sym, newVal)) return false;
    State &s = st(sym);
    std::string &userVal = strs(sym).userVal;
    const bool hadValue = s.flags & DefUser;
    s.flags |= DefUser;
    const bool hexNeedsPrefix =
        sym->type == SymbolType::Hex &&
        !(newVal.size() >= 2 && newVal[0] == '0' && (newVal[1] == 'x' || newVal[1] == 'X'));
    if (hexNeedsPrefix)
        userVal = "0x" + std::string(newVal);
    else if (!hadValue || userVal != newVal)
        userVal = std::string(newVal);
    else
        return true;
    afterUserChange({sym}, p);
    return true;
}

Tristate Config::toggleTristateValue(const Symbol *sym, Propagation p)
{
    if (const MenuNode *choice = m_tree.choiceMenuOf(sym)) {
        setChoiceValue(choice, sym, p);
        return Tristate::Yes;
    }
    const Tristate oldVal = tristate(sym);
    Tristate newVal = oldVal;
    do {
        newVal = newVal == Tristate::No    ? Tristate::Mod
                 : newVal == Tristate::Mod ? Tristate::Yes
                                           : Tristate::No;
        if (setTristateValue(sym, newVal, p)) break;
    } while (oldVal != newVal);
    return newVal;
}

void Config::setChoiceValue(const MenuNode *choice, const Symbol *member, Propagation p)
{
    bool changed = false;
    std::vector<const Symbol *> touched;
    for (const MenuNode *m = choice->nextInTree(choice); m; m = m->nextInTree(choice)) {
        const Symbol *sym = m->sym;
        if (!sym || st(sym).visible == Tristate::No) continue;
        const Tristate val = sym == member ? Tristate::Yes : Tristate::No;
        if (st(sym).tri != val) changed = true;
        st(sym).userTri = val;
        st(sym).flags |= DefUser;
        // The member set last (possibly to n) gets the highest priority.
        moveChoiceMemberToFront(sym);
        touched.push_back(sym);
    }
    if (changed) afterUserChange(touched, p);
}

// ---- incremental recalculation --------------------------------------------------------

namespace {
void collectSymbols(const Expr *e, std::vector<const Symbol *> &out)
{
    if (!e) return;
    switch (e->type) {
    case ExprType::And:
    case ExprType::Or:
        collectSymbols(e->left, out);
        collectSymbols(e->right, out);
        break;
    case ExprType::Not:
        collectSymbols(e->left, out);
        break;
    case ExprType::None:
        break;
    default:
        if (e->sym) out.push_back(e->sym);
        if (e->rightSym) out.push_back(e->rightSym);
        break;
    }
}
} // namespace

const Config::DependentsIndex &Config::dependents()
{
    if (m_dependents) return *m_dependents;
    auto index = std::make_shared<DependentsIndex>();
    const auto &all = m_tree.symbols().all();
    index->dependents.resize(all.size());

    // What a choice block's calculation reads: members' prompts and the defaults.
    std::vector<std::vector<const Symbol *>> choiceInputs(m_tree.menus().size());
    for (const MenuNode &m : m_tree.menus()) {
        if (!m.isChoice()) continue;
        auto &in = choiceInputs[m.id];
        for (const Property *p : m.sym->properties) {
            collectSymbols(p->condition, in);
            collectSymbols(p->expr, in);
        }
        for (const MenuNode *c = m.nextInTree(&m); c; c = c->nextInTree(&m)) {
            if (!c->sym) continue;
            in.push_back(c->sym);
            for (const Property *p : c->sym->properties)
                if (p->hasText()) collectSymbols(p->condition, in);
        }
    }

    std::vector<const Symbol *> reads;
    for (const Symbol *x : all) {
        if (x->isConst()) continue;
        reads.clear();
        for (const Property *p : x->properties) {
            if (p->type == PropertyType::Select || p->type == PropertyType::Imply) continue;
            collectSymbols(p->condition, reads);
            collectSymbols(p->expr, reads);
        }
        collectSymbols(x->dirDep, reads);
        collectSymbols(x->revDep, reads);
        collectSymbols(x->implied, reads);
        if (const MenuNode *choice = m_tree.choiceMenuOf(x)) {
            const auto &in = choiceInputs[choice->id];
            reads.insert(reads.end(), in.begin(), in.end());
        } else if (x->isChoice() && !x->menus.empty()) {
            const auto &in = choiceInputs[x->menus.front()->id];
            reads.insert(reads.end(), in.begin(), in.end());
        }
        std::sort(reads.begin(), reads.end());
        reads.erase(std::unique(reads.begin(), reads.end()), reads.end());
        for (const Symbol *r : reads)
            if (r != x) index->dependents[r->id].push_back(x);
    }
    m_dependents = std::move(index);
    return *m_dependents;
}

std::vector<const Symbol *> Config::affectedBy(const std::vector<const Symbol *> &changed)
{
    const auto &deps = dependents().dependents;
    std::vector<char> seen(m_states.size(), 0);
    std::vector<const Symbol *> out;
    const auto add = [&](const Symbol *s) {
        if (!seen[s->id]) {
            seen[s->id] = 1;
            out.push_back(s);
        }
    };
    for (const Symbol *s : changed) {
        add(s);
        if (const MenuNode *choice = m_tree.choiceMenuOf(s)) {
            add(choice->sym);
            for (const Symbol *m : choice->choiceMembers)
                add(m);
        }
    }
    for (std::size_t i = 0; i < out.size(); ++i)
        for (const Symbol *d : deps[out[i]->id])
            add(d);
    return out;
}

std::vector<const Symbol *> Config::update(const std::vector<const Symbol *> &changedUserValues)
{
    std::vector<const Symbol *> affected = affectedBy(changedUserValues);
    const Symbol *modules = m_tree.modules();
    const bool touchesModules =
        std::find(affected.begin(), affected.end(), modules) != affected.end();
    if (touchesModules) {
        // MODULES changes what "tristate" means everywhere.
        affected.clear();
        for (const Symbol *s : m_tree.symbols().all())
            if (!s->isConst() || s->type == SymbolType::Unknown) affected.push_back(s);
    }
    std::vector<SymbolSnapshot> before;
    before.reserve(affected.size());
    for (const Symbol *s : affected)
        before.push_back(snapshot(s));

    // Two things make a calculation read values older than the ones it
    // produces, exactly as conf does: a symbol read during its own
    // calculation gives its previous value (see calc()), and a choice stops
    // recalculating its members' visibility at the first one the user set
    // to y, keeping the others' (see calcChoice()). A full recalculation of
    // the result would read the new values, so this one goes on until they
    // agree; usually one pass is final.
    std::vector<SymbolSnapshot> after;
    for (int pass = 0;; ++pass) {
        for (const Symbol *s : affected)
            if (!(s == m_tree.symbols().yes() || s == m_tree.symbols().mod() ||
                  s == m_tree.symbols().no()))
                st(s).flags &= ~Valid;
        ++m_epoch;
        m_recursiveReads = 0;
        if (touchesModules) calc(modules);
        std::vector<SymbolSnapshot> now;
        now.reserve(affected.size());
        for (const Symbol *s : affected)
            now.push_back(snapshot(s));
        bool staleVisibility = false;
        for (const Symbol *s : affected) {
            if (!s->isChoiceValue()) continue;
            const Tristate kept = st(s).visible;
            calcVisibility(s);
            staleVisibility |= st(s).visible != kept;
        }
        const bool settled = !staleVisibility && (!m_recursiveReads || (pass > 0 && now == after));
        after = std::move(now);
        if (settled || pass == kMaxUpdatePasses - 1) break;
    }

    std::vector<const Symbol *> changed;
    m_lastChanges.clear();
    for (std::size_t i = 0; i < affected.size(); ++i) {
        if (after[i] != before[i]) {
            changed.push_back(affected[i]);
            m_lastChanges.push_back(
                SymbolChange{affected[i], std::move(before[i]), std::move(after[i])});
        }
    }
    m_lastUpdateSize = affected.size();
    setChanged(true);
    return changed;
}

std::vector<std::string> Config::differencesFromFullRecompute()
{
    Config fresh(*this);
    fresh.m_unmetHandler = nullptr;
    fresh.clearAllValid();
    std::vector<std::string> diffs;
    for (const Symbol *s : m_tree.symbols().all()) {
        if (s->isConst() && s->type != SymbolType::Unknown) continue;
        const SymbolSnapshot a = snapshot(s);
        const SymbolSnapshot b = fresh.snapshot(s);
        if (!(a == b)) diffs.push_back(s->isChoice() ? std::string("<choice>") : s->name);
    }
    return diffs;
}

} // namespace kconfig
