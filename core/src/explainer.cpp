// SPDX-License-Identifier: MIT
#include "kconfig/explainer.h"

#include "kconfig/config.h"
#include "kconfig/expr.h"
#include "kconfig/exprpool.h"
#include "kconfig/tree.h"

#include <algorithm>
#include <deque>

namespace kconfig {

namespace {

Tristate promptVisibility(const Symbol *sym, const ValueSource &values)
{
    Tristate vis = Tristate::No;
    for (const Property *p : sym->properties)
        if (p->hasText()) vis = triOr(vis, values.evaluate(p->condition));
    if (vis == Tristate::Mod &&
        (sym->type != SymbolType::Tristate || values.modules() == Tristate::No))
        vis = Tristate::Yes;
    return vis;
}

void mergeCauses(std::vector<const Symbol *> &into, const std::vector<const Symbol *> &from,
                 const Symbol *self)
{
    for (const Symbol *s : from)
        if (s != self && std::find(into.begin(), into.end(), s) == into.end()) into.push_back(s);
}

std::vector<const Symbol *> causesOf(const Fact &f, const Symbol *self)
{
    std::vector<const Symbol *> out;
    mergeCauses(out, f.causes, self);
    for (const Fact &c : f.children)
        mergeCauses(out, causesOf(c, self), self);
    return out;
}

const std::vector<const Property *> kNone;

bool hasLine(const Fact &f, const Fact &line)
{
    if (f.kind == Fact::Kind::WrittenLine && f.expr == line.expr &&
        f.location.toString() == line.location.toString())
        return true;
    for (const Fact &c : f.children)
        if (hasLine(c, line)) return true;
    return false;
}

// Drops the written lines of `from` that `shown` already lists.
void removeShownLines(Fact &from, const Fact &shown)
{
    std::erase_if(from.children, [&](const Fact &c) {
        return c.kind == Fact::Kind::WrittenLine && hasLine(shown, c);
    });
}

// The values before an action, except one symbol that already has its new value.
class OneChanged : public ValueSource
{
public:
    OneChanged(const ValueSource &before, const ValueSource &now, const Symbol *changed)
        : m_before(before), m_now(now), m_changed(changed)
    {
    }
    Tristate tri(const Symbol *s) const override
    {
        return (s == m_changed ? m_now : m_before).tri(s);
    }
    std::string string(const Symbol *s) const override
    {
        return (s == m_changed ? m_now : m_before).string(s);
    }
    UserValue userValue(const Symbol *s) const override
    {
        return (s == m_changed ? m_now : m_before).userValue(s);
    }
    const Symbol *modulesSymbol() const override { return m_now.modulesSymbol(); }

private:
    const ValueSource &m_before;
    const ValueSource &m_now;
    const Symbol *m_changed;
};

// Would `cause` alone (all else as before) have moved this fact's expression
// to its new value? Such causes are listed first.
bool decisive(const Fact &f, const Symbol *cause, const ValueSource &before, const ValueSource &now)
{
    const OneChanged mixed(before, now, cause);
    // A group whose outcome changed is judged by that outcome: a line that
    // moved in a direction that does not matter ('if A' going from y to m
    // while 'depends on B' makes a hidden prompt visible) does not make A a
    // cause, and a line that alone reaches m is enough for a bool prompt.
    if (f.before != f.after && f.symbol) {
        const bool isBool =
            f.symbol->type == SymbolType::Bool ||
            (f.symbol->type == SymbolType::Tristate && mixed.modules() == Tristate::No);
        const auto promoted = [isBool](Tristate t) {
            return t == Tristate::Mod && isBool ? Tristate::Yes : t;
        };
        switch (f.kind) {
        case Fact::Kind::Visibility:
            return promptVisibility(f.symbol, mixed) == f.after;
        case Fact::Kind::DirectDependency:
            return f.expr && promoted(mixed.evaluate(f.expr)) == f.after;
        case Fact::Kind::Selected:
        case Fact::Kind::Implied:
            return f.expr && mixed.evaluate(f.expr) == f.after;
        default:
            break;
        }
    }
    if (f.kind == Fact::Kind::WrittenLine && f.expr && f.before != f.after &&
        mixed.evaluate(f.expr) == f.after)
        return true;
    if ((f.kind == Fact::Kind::SelectTerm || f.kind == Fact::Kind::ImplyTerm) && f.property &&
        f.before != f.after &&
        triAnd(mixed.tri(f.symbol), mixed.evaluate(f.property->condition)) == f.after)
        return true;
    for (const Fact &c : f.children)
        if (decisive(c, cause, before, now)) return true;
    return false;
}

} // namespace

Explainer::Explainer(const Tree &tree, Config &config)
    : m_tree(tree), m_config(config), m_now(config)
{
    for (const Property &p : tree.properties()) {
        if (p.type == PropertyType::Select)
            m_selects[p.targetSymbol()].push_back(&p);
        else if (p.type == PropertyType::Imply)
            m_implies[p.targetSymbol()].push_back(&p);
    }
}

const std::vector<const Property *> &Explainer::selectsOf(const Symbol *target) const
{
    auto it = m_selects.find(target);
    return it == m_selects.end() ? kNone : it->second;
}

const std::vector<const Property *> &Explainer::impliesOf(const Symbol *target) const
{
    auto it = m_implies.find(target);
    return it == m_implies.end() ? kNone : it->second;
}

void Explainer::collectCauses(Fact &f, const Expr *e) const
{
    if (!m_changed) return;
    for (const Symbol *s : exprSymbols(e))
        if (m_changed->count(s) && std::find(f.causes.begin(), f.causes.end(), s) == f.causes.end())
            f.causes.push_back(s);
}

void Explainer::addWrittenLines(Fact &parent, const MenuNode *def, bool forPrompt,
                                const ValueSource *before, const ValueSource &after,
                                bool onlyChanged, Tristate atMost)
{
    for (const WrittenDependency &wd : writtenDependencies(def, forPrompt)) {
        Fact line{Fact::Kind::WrittenLine};
        line.expr = wd.expr;
        line.after = after.evaluate(wd.expr);
        line.before = before ? before->evaluate(wd.expr) : line.after;
        line.location = wd.location;
        line.detail = static_cast<int>(wd.kind);
        if (onlyChanged ? line.before == line.after : line.after > atMost) continue;
        collectCauses(line, wd.expr);
        parent.children.push_back(std::move(line));
    }
}

Fact Explainer::visibilityFact(const Symbol *sym, const ValueSource *before,
                               const ValueSource &after, bool onlyChanged, Tristate atMost)
{
    Fact f{Fact::Kind::Visibility};
    f.symbol = sym;
    f.after = promptVisibility(sym, after);
    f.before = before ? promptVisibility(sym, *before) : f.after;
    for (const MenuNode *def : sym->menus)
        if (def->prompt) addWrittenLines(f, def, true, before, after, onlyChanged, atMost);
    return f;
}

Fact Explainer::reverseFact(const Symbol *sym, PropertyType type, const ValueSource *before,
                            const ValueSource &after, bool onlyChanged)
{
    const bool isSelect = type == PropertyType::Select;
    Fact f{isSelect ? Fact::Kind::Selected : Fact::Kind::Implied};
    f.symbol = sym;
    f.expr = isSelect ? sym->revDep : sym->implied;
    f.after = f.expr ? after.evaluate(f.expr) : Tristate::No;
    f.before = before ? (f.expr ? before->evaluate(f.expr) : Tristate::No) : f.after;
    for (const Property *p : isSelect ? selectsOf(sym) : impliesOf(sym)) {
        const Symbol *owner = p->menu->sym;
        Fact t{isSelect ? Fact::Kind::SelectTerm : Fact::Kind::ImplyTerm};
        t.symbol = owner;
        t.property = p;
        t.expr = p->ownCondition;
        t.location = p->location;
        t.after = triAnd(after.tri(owner), after.evaluate(p->condition));
        t.before = before ? triAnd(before->tri(owner), before->evaluate(p->condition)) : t.after;
        if (onlyChanged ? t.before == t.after : t.after == Tristate::No) continue;
        if (m_changed && m_changed->count(owner)) t.causes.push_back(owner);
        collectCauses(t, p->condition);
        f.children.push_back(std::move(t));
    }
    return f;
}

SymbolReport Explainer::explainSymbol(const Symbol *sym)
{
    m_changed = nullptr;
    SymbolReport r;
    r.symbol = sym;
    r.state = m_config.snapshot(sym);
    r.derivation = deriveValue(m_tree, sym, m_now, &m_config);
    const ValueDerivation &d = r.derivation;
    auto &facts = r.facts;

    if (d.rule == ValueDerivation::Rule::Undefined) {
        facts.push_back(Fact{Fact::Kind::Undefined, sym});
        return r;
    }
    if (sym->isTransitional()) facts.push_back(Fact{Fact::Kind::Transitional, sym});

    const auto skipped = [&](Fact &parent) {
        for (const Property *p : d.skippedDefaults) {
            Fact s{Fact::Kind::SkippedDefault, sym, p, p->ownCondition};
            s.after = s.before = m_config.exprValue(p->condition);
            s.location = p->location;
            parent.children.push_back(std::move(s));
        }
    };

    switch (d.rule) {
    case ValueDerivation::Rule::UserValue: {
        Fact u{Fact::Kind::UserValue, sym};
        u.valueAfter = u.valueBefore =
            sym->isBoolOrTristate() ? std::string(triString(d.user.tri)) : d.user.string;
        facts.push_back(std::move(u));
        if (d.userCapped) {
            Fact cap{Fact::Kind::UserCapped, sym};
            cap.before = d.user.tri;
            cap.after = d.visible;
            cap.children.push_back(visibilityFact(sym, nullptr, m_now, false, d.visible));
            facts.push_back(std::move(cap));
        }
        break;
    }
    case ValueDerivation::Rule::Default: {
        Fact f{Fact::Kind::Default, sym, d.defaultProperty, d.defaultProperty->expr};
        f.before = d.defaultValue;
        f.after = triAnd(d.defaultValue, d.defaultCondition);
        f.valueAfter = f.valueBefore = d.unclamped;
        f.location = d.defaultProperty->location;
        skipped(f);
        facts.push_back(std::move(f));
        break;
    }
    case ValueDerivation::Rule::NoDefault: {
        Fact f{Fact::Kind::NoDefault, sym};
        skipped(f);
        facts.push_back(std::move(f));
        break;
    }
    case ValueDerivation::Rule::Choice: {
        Fact f{Fact::Kind::ChoiceSelection, d.chosen};
        f.detail = static_cast<int>(d.choiceStep);
        facts.push_back(std::move(f));
        break;
    }
    default:
        break;
    }
    if (d.userHidden) {
        Fact f{Fact::Kind::UserIgnored, sym};
        f.valueAfter = f.valueBefore =
            sym->isBoolOrTristate() ? std::string(triString(d.user.tri)) : d.user.string;
        if (d.prompts.empty())
            f.detail = 1; // no prompt at all: a user value never counts
        else
            f.children.push_back(visibilityFact(sym, nullptr, m_now, false, Tristate::No));
        facts.push_back(std::move(f));
    }
    // imply raises the default, but never above the direct dependencies.
    const bool implyLimited =
        d.implied != Tristate::No &&
        (d.rule == ValueDerivation::Rule::Default || d.rule == ValueDerivation::Rule::NoDefault) &&
        d.afterImply < triOr(d.base, d.implied);
    if (d.impliedRaised || implyLimited) {
        facts.push_back(reverseFact(sym, PropertyType::Imply, nullptr, m_now, false));
        if (implyLimited) {
            // Which lines limit it.
            Fact dir{Fact::Kind::DirectDependency, sym, nullptr, sym->dirDep};
            dir.before = dir.after = d.dirDep;
            dir.detail = 1;
            for (const MenuNode *def : sym->menus)
                addWrittenLines(dir, def, false, nullptr, m_now, false, d.dirDep);
            facts.push_back(std::move(dir));
        }
    }
    if (d.revDep != Tristate::No)
        facts.push_back(reverseFact(sym, PropertyType::Select, nullptr, m_now, false));
    if (d.visible != Tristate::No && !d.changeable && !sym->isChoiceValue()) {
        Fact f{Fact::Kind::Locked, sym};
        f.before = d.visible;
        f.after = d.revDep;
        facts.push_back(std::move(f));
    }
    Fact unmet{Fact::Kind::Unmet, sym};
    if (d.unmet) {
        unmet.before = d.dirDep;
        unmet.after = d.revDep;
        Fact dir{Fact::Kind::DirectDependency, sym, nullptr, sym->dirDep};
        dir.before = dir.after = d.dirDep;
        for (const MenuNode *def : sym->menus)
            addWrittenLines(dir, def, false, nullptr, m_now, false, d.dirDep);
        unmet.children.push_back(std::move(dir));
    }
    if (d.visible == Tristate::No && !d.prompts.empty() && !d.userHidden) {
        Fact vis = visibilityFact(sym, nullptr, m_now, false, Tristate::No);
        // The warning below lists the same lines when they are also the
        // direct dependencies: say them once.
        if (d.unmet) removeShownLines(vis, unmet);
        if (!vis.children.empty()) facts.push_back(std::move(vis));
    }
    if (d.unmet) facts.push_back(std::move(unmet));
    // m becomes y for a bool, also when a select at m is what sets it.
    if (d.boolPromoted || (d.selectPromoted && d.revDep > d.afterImply)) {
        Fact f{Fact::Kind::BoolPromotion, sym};
        f.detail = d.modulesOff ? 1 : 0;
        facts.push_back(std::move(f));
    }
    if (d.clampedTo) {
        Fact f{Fact::Kind::RangeClamp, d.clampedTo, d.range, d.range->expr};
        f.valueBefore = d.unclamped;
        f.valueAfter = d.value;
        f.location = d.range->location;
        facts.push_back(std::move(f));
    }
    return r;
}

Fact Explainer::symbolRequirement(const Symbol *s, Tristate value, int sense, const Expr *term,
                                  int depth)
{
    // A bool (or a tristate while MODULES is n) has no m: at least m is
    // y for it, at most m is n.
    if (value == Tristate::Mod && !s->isConst() && m_config.effectiveType(s) == SymbolType::Bool)
        value = sense == 0 ? Tristate::Yes : Tristate::No;
    Fact f{Fact::Kind::Requirement, s, nullptr, term};
    f.detail = sense; // 0: at least, 1: at most
    f.before = m_config.tristate(s);
    f.after = value;
    if (depth > 0 && !s->isConst() && s->type != SymbolType::Unknown) {
        const Tristate target = sense == 0 ? value : Tristate::No;
        const bool settable = m_config.tristateWithinRange(s, target) ||
                              (sense == 0 && value == Tristate::Mod &&
                               m_config.tristateWithinRange(s, Tristate::Yes));
        if (!settable)
            f.children = requirementsFor(s, target, depth - 1);
        else
            f.detail |= Fact::Settable;
    }
    return f;
}

std::vector<Fact> Explainer::termRequirements(const Expr *term, Tristate needed, int depth)
{
    std::vector<Fact> out;
    if (!term || m_config.exprValue(term) >= needed) return out;
    const auto needSymbol = [&](const Symbol *s, Tristate value, int sense) {
        out.push_back(symbolRequirement(s, value, sense, term, depth));
    };
    switch (term->type) {
    case ExprType::Symbol:
        needSymbol(term->sym, needed, 0);
        break;
    case ExprType::Not:
        if (term->left->type == ExprType::Symbol) {
            needSymbol(term->left->sym, triNot(needed), 1);
            break;
        }
        [[fallthrough]];
    default: {
        Fact f{Fact::Kind::Requirement, nullptr, nullptr, term};
        f.detail = 2; // the expression itself must hold
        f.before = m_config.exprValue(term);
        f.after = needed;
        if (term->type == ExprType::Or && depth > 0) {
            for (const Expr *alt : {term->left, term->right}) {
                auto sub = termRequirements(alt, needed, depth - 1);
                f.children.insert(f.children.end(), sub.begin(), sub.end());
            }
        } else if (term->type == ExprType::And) {
            for (const Expr *part : {term->left, term->right}) {
                auto sub = termRequirements(part, needed, depth);
                out.insert(out.end(), sub.begin(), sub.end());
            }
            return out;
        }
        out.push_back(std::move(f));
        break;
    }
    }
    return out;
}

std::vector<Fact> Explainer::requirementsFor(const Symbol *sym, Tristate wanted, int depth)
{
    m_changed = nullptr;
    std::vector<Fact> out;
    if (m_config.tristateWithinRange(sym, wanted)) return out;
    const ValueDerivation d = deriveValue(m_tree, sym, m_now, &m_config);
    // A bool shown at m counts as y, so m is enough for it (and for n).
    const Tristate neededVisibility =
        wanted == Tristate::No || d.type == SymbolType::Bool ? Tristate::Mod : wanted;
    if (d.visible < neededVisibility) {
        // One visible prompt is enough: with several definitions that have
        // one, each is a way of its own.
        std::vector<std::pair<const MenuNode *, std::vector<Fact>>> ways;
        for (const MenuNode *def : sym->menus) {
            if (!def->prompt) continue;
            std::vector<Fact> way;
            for (const WrittenDependency &wd : writtenDependencies(def, true)) {
                if (m_config.exprValue(wd.expr) >= neededVisibility) continue;
                auto terms = termRequirements(wd.expr, neededVisibility, depth);
                for (Fact &t : terms)
                    t.location = wd.location;
                way.insert(way.end(), terms.begin(), terms.end());
            }
            if (!way.empty()) ways.emplace_back(def, std::move(way));
        }
        if (ways.size() == 1) {
            out = std::move(ways.front().second);
        } else {
            for (auto &[def, way] : ways) {
                Fact f{Fact::Kind::Requirement, sym};
                f.detail = out.empty() ? 5 : 6; // either through this prompt / or through this one
                f.location = def->prompt->location;
                f.children = std::move(way);
                out.push_back(std::move(f));
            }
        }
        if (ways.empty() && std::none_of(sym->menus.begin(), sym->menus.end(),
                                         [](const MenuNode *m) { return m->prompt; })) {
            Fact f{Fact::Kind::Requirement, sym};
            f.detail = 4; // no prompt: only defaults and selects set it
            if (wanted > m_config.tristate(sym)) f.children = selectWays(sym, wanted, depth);
            out.push_back(std::move(f));
        }
    }
    if (wanted < d.revDep) {
        // Lower than a select allows: each active selector must go.
        for (const Property *p : selectsOf(sym)) {
            const Symbol *owner = p->menu->sym;
            const Tristate term =
                triAnd(m_config.tristate(owner), m_config.exprValue(p->condition));
            if (term <= wanted) continue;
            Fact f{Fact::Kind::Requirement, owner, p, p->ownCondition};
            f.detail = 3; // a selector that must stop selecting
            f.before = term;
            f.after = wanted;
            f.location = p->location;
            out.push_back(std::move(f));
        }
    }
    if (wanted == Tristate::Mod && sym->type == SymbolType::Tristate &&
        m_config.tristate(m_tree.modules()) == Tristate::No &&
        m_tree.modules()->type != SymbolType::Unknown &&
        m_tree.modules() != m_tree.symbols().no()) {
        Fact f{Fact::Kind::Requirement, m_tree.modules()};
        f.before = Tristate::No;
        f.after = Tristate::Yes;
        if (m_config.tristateWithinRange(m_tree.modules(), Tristate::Yes))
            f.detail |= Fact::Settable;
        out.push_back(std::move(f));
    }
    return out;
}

std::vector<Fact> Explainer::selectWays(const Symbol *sym, Tristate wanted, int depth)
{
    // A select at m is enough for a bool.
    const Tristate needed =
        wanted == Tristate::Yes && m_config.effectiveType(sym) == SymbolType::Bool ? Tristate::Mod
                                                                                   : wanted;
    struct Way
    {
        Fact fact;
        int unsettable; // requirements the user cannot meet directly
    };
    std::vector<Way> ways;
    for (const Property *p : selectsOf(sym)) {
        const Symbol *owner = p->menu->sym;
        if (!owner || owner->type == SymbolType::Unknown) continue;
        Fact f{Fact::Kind::Requirement, owner, p, p->ownCondition};
        f.detail = 7; // through this select
        f.location = p->location;
        f.before = triAnd(m_config.tristate(owner), m_config.exprValue(p->condition));
        f.after = needed;
        // The selector's own requirements include its dependencies, which
        // are part of the select's condition: then only its 'if' is left.
        const bool ownerBelow = m_config.tristate(owner) < needed;
        if (ownerBelow)
            f.children.push_back(symbolRequirement(owner, needed, 0, nullptr, depth - 1));
        auto cond =
            termRequirements(ownerBelow ? p->ownCondition : p->condition, needed, depth - 1);
        for (Fact &c : cond)
            if (std::none_of(f.children.begin(), f.children.end(), [&](const Fact &o) {
                    return o.symbol && o.symbol == c.symbol && o.detail == c.detail;
                }))
                f.children.push_back(std::move(c));
        int unsettable = 0;
        for (const Fact &c : f.children)
            if (!(c.detail & Fact::Settable)) ++unsettable;
        ways.push_back(Way{std::move(f), unsettable});
    }
    // The ways the user can take directly first, then the shortest.
    std::stable_sort(ways.begin(), ways.end(), [](const Way &a, const Way &b) {
        if (a.unsettable != b.unsettable) return a.unsettable < b.unsettable;
        return a.fact.children.size() < b.fact.children.size();
    });
    constexpr std::size_t kShown = 5;
    std::vector<Fact> out;
    for (std::size_t i = 0; i < ways.size() && i < kShown; ++i)
        out.push_back(std::move(ways[i].fact));
    if (ways.size() > kShown) {
        Fact more{Fact::Kind::Requirement, sym};
        more.detail = 8; // and N more selects
        more.valueAfter = std::to_string(ways.size() - kShown);
        out.push_back(std::move(more));
    }
    return out;
}

std::vector<Explainer::BlockedValue> Explainer::blockedValues(const Symbol *sym)
{
    std::vector<BlockedValue> out;
    if (!sym->isBoolOrTristate() || sym->isChoiceValue() || sym->isChoice() ||
        sym->isTransitional())
        return out;
    for (Tristate wanted : {Tristate::Yes, Tristate::Mod, Tristate::No}) {
        if (wanted == Tristate::Mod && sym->type != SymbolType::Tristate) continue;
        if (wanted == m_config.tristate(sym) || m_config.tristateWithinRange(sym, wanted)) continue;
        std::vector<Fact> reqs = requirementsFor(sym, wanted);
        if (!reqs.empty()) out.push_back(BlockedValue{wanted, std::move(reqs)});
    }
    return out;
}

ChangeReport
Explainer::explainChanges(const std::string &description, const Symbol *subject,
                          const std::vector<SymbolChange> &changes,
                          const std::vector<std::pair<const Symbol *, UserValue>> &userBefore,
                          const ChoicePriorities &priorityBefore)
{
    ChangeReport report;
    report.description = description;
    report.subject = subject;
    // Expressions only see values: a symbol that merely became (un)locked or
    // visible cannot be the cause of anything.
    std::unordered_set<const Symbol *> changed;
    for (const SymbolChange &c : changes)
        if (c.before.value != c.after.value) changed.insert(c.symbol);
    if (subject) changed.insert(subject);
    auto before = std::make_shared<EarlierValues>(m_now);
    for (const SymbolChange &c : changes)
        before->setState(c.symbol, c.before);
    for (const auto &[s, u] : userBefore)
        before->setUserValue(s, u);
    for (const auto &[choice, order] : priorityBefore)
        before->setChoicePriority(choice, order);
    report.before = before;
    m_changed = &changed;

    std::vector<ChangeReport::Node> nodes;
    for (const SymbolChange &c : changes) {
        const Symbol *x = c.symbol;
        ChangeReport::Node n;
        n.symbol = x;
        n.before = c.before;
        n.after = c.after;
        n.isSubject = x == subject;
        const ValueDerivation d0 = deriveValue(m_tree, x, *before, &m_config);
        const ValueDerivation d1 = deriveValue(m_tree, x, m_now, &m_config);

        const UserValue u0 = before->userValue(x);
        const UserValue u1 = m_now.userValue(x);
        if (!(u0 == u1)) {
            Fact f{Fact::Kind::UserValue, x};
            const auto show = [x](const UserValue &u) {
                if (!u.isSet) return std::string();
                return x->isBoolOrTristate() ? std::string(triString(u.tri)) : u.string;
            };
            f.valueBefore = show(u0);
            f.valueAfter = show(u1);
            if (!n.isSubject && subject) f.causes.push_back(subject);
            // No symbol was acted on (a .config was read): the new user
            // value is the reason itself, not a consequence of the action.
            if (!subject) f.detail = 1;
            n.reasons.push_back(std::move(f));
        }
        if (d0.visible != d1.visible || (d1.userCapped && c.before.tri != c.after.tri)) {
            Fact vis = visibilityFact(x, before.get(), m_now, true, Tristate::Yes);
            if (d1.userCapped || d0.userCapped) {
                vis.detail = d1.userCapped ? 1 : 2; // 1: now caps the user value, 2: no longer
                vis.valueAfter = std::string(triString(d1.user.tri));
            }
            n.reasons.push_back(std::move(vis));
        }
        // Direct dependencies only matter to defaults (of promptless or
        // hidden symbols: they are part of each default's condition), imply
        // and unmet selects; otherwise the prompt's lines already tell it,
        // and a default that gives the same as before does not need them.
        const bool defaultsDecide = x->menus.empty() || d0.prompts.empty() ||
                                    (d0.visible == Tristate::No && d1.visible == Tristate::No);
        const bool dirDepMatters = (defaultsDecide && d0.base != d1.base) ||
                                   d0.implied != Tristate::No || d1.implied != Tristate::No ||
                                   d0.unmet != d1.unmet;
        if (d0.dirDep != d1.dirDep && dirDepMatters) {
            Fact dir{Fact::Kind::DirectDependency, x, nullptr, x->dirDep};
            dir.before = d0.dirDep;
            dir.after = d1.dirDep;
            for (const MenuNode *def : x->menus)
                addWrittenLines(dir, def, false, before.get(), m_now, true, Tristate::Yes);
            // Lines the prompt's visibility already lists are not repeated.
            for (const Fact &r : n.reasons)
                if (r.kind == Fact::Kind::Visibility) removeShownLines(dir, r);
            if (!dir.children.empty()) n.reasons.push_back(std::move(dir));
        }
        if (d0.revDep != d1.revDep)
            n.reasons.push_back(reverseFact(x, PropertyType::Select, before.get(), m_now, true));
        if (d0.implied != d1.implied)
            n.reasons.push_back(reverseFact(x, PropertyType::Imply, before.get(), m_now, true));
        // A user value that applies now makes the defaults irrelevant (the
        // user-value fact tells the change).
        const bool defaultRule = d1.rule != ValueDerivation::Rule::UserValue &&
                                 (d0.rule == ValueDerivation::Rule::Default ||
                                  d1.rule == ValueDerivation::Rule::Default);
        if (defaultRule && (d0.base != d1.base || d0.unclamped != d1.unclamped)) {
            const Property *p = d1.defaultProperty ? d1.defaultProperty : d0.defaultProperty;
            Fact f{Fact::Kind::Default, x, p, p->expr};
            f.before = d0.base;
            f.after = d1.base;
            f.valueBefore = d0.unclamped;
            f.valueAfter = d1.unclamped;
            f.location = p->location;
            f.detail = d1.defaultProperty ? 0 : 1; // 1: no default applies any more
            collectCauses(f, p->expr);
            collectCauses(f, p->condition);
            if (d0.defaultProperty && d0.defaultProperty != p) {
                collectCauses(f, d0.defaultProperty->expr);
                collectCauses(f, d0.defaultProperty->condition);
            }
            n.reasons.push_back(std::move(f));
        }
        if (d0.chosen != d1.chosen && d1.choice) {
            Fact f{Fact::Kind::ChoiceSelection, d1.chosen};
            f.detail = static_cast<int>(d1.choiceStep);
            for (const Symbol *m : d1.choice->choiceMembers)
                if (changed.count(m) && m != x) f.causes.push_back(m);
            for (const Property *p : d1.choice->sym->properties)
                collectCauses(f, p->condition);
            n.reasons.push_back(std::move(f));
        }
        // A range that clamps now, no longer clamps, or clamps to a bound whose
        // value changed.
        const Property *range = d1.clampedTo ? d1.range : d0.range;
        if (range && (d1.clampedTo != d0.clampedTo || (d1.clampedTo && d1.value != d0.value))) {
            Fact f{Fact::Kind::RangeClamp, d1.clampedTo, range, range->expr};
            f.valueBefore = d1.clampedTo ? d1.unclamped : d0.value;
            f.valueAfter = d1.value;
            f.detail = d1.clampedTo ? 0 : 1; // 1: no longer clamps (valueBefore: the old value)
            f.location = range->location;
            collectCauses(f, range->expr);
            collectCauses(f, range->condition);
            n.reasons.push_back(std::move(f));
        }
        const bool promoted0 = d0.boolPromoted || d0.selectPromoted;
        const bool promoted1 = d1.boolPromoted || d1.selectPromoted;
        if ((promoted1 || (promoted0 && d0.modulesOff && !d1.modulesOff)) &&
            c.before.tri != c.after.tri) {
            Fact f{Fact::Kind::BoolPromotion, x};
            // 1: MODULES is n (now), 2: MODULES is no longer n, so m stays m.
            f.detail = promoted1 ? (d1.modulesOff ? 1 : 0) : 2;
            if (d0.modulesOff != d1.modulesOff && changed.count(m_tree.modules()))
                f.causes.push_back(m_tree.modules());
            n.reasons.push_back(std::move(f));
        }
        if (d1.unmet && !d0.unmet) {
            Fact f{Fact::Kind::Unmet, x};
            f.before = d1.dirDep;
            f.after = d1.revDep;
            n.reasons.push_back(std::move(f));
        }
        for (const Fact &f : n.reasons)
            mergeCauses(n.causes, causesOf(f, x), x);
        // When some causes alone explain the change, the others are noise.
        const auto isDecisive = [&](const Symbol *c) {
            for (const Fact &f : n.reasons)
                if (decisive(f, c, *before, m_now)) return true;
            return false;
        };
        if (std::any_of(n.causes.begin(), n.causes.end(), isDecisive))
            n.causes.erase(std::remove_if(n.causes.begin(), n.causes.end(),
                                          [&](const Symbol *c) { return !isDecisive(c); }),
                           n.causes.end());
        if (n.causes.empty() && !n.isSubject && subject) n.causes.push_back(subject);
        nodes.push_back(std::move(n));
    }
    m_changed = nullptr;

    // Breadth-first from the subject, so that every node follows a cause;
    // a node waits for its first cause (the selector before the condition
    // of its select, ...) when that one changed too, so that renderers hang
    // it below the symbol that most directly moved it.
    std::vector<char> placed(nodes.size(), 0);
    std::unordered_set<const Symbol *> inReport, placedSymbols;
    for (const ChangeReport::Node &n : nodes)
        inReport.insert(n.symbol);
    std::deque<const Symbol *> queue;
    const auto place = [&](std::size_t i) {
        placed[i] = 1;
        report.nodes.push_back(nodes[i]);
        placedSymbols.insert(nodes[i].symbol);
        queue.push_back(nodes[i].symbol);
    };
    const auto hasCause = [&](std::size_t i, const Symbol *cause) {
        return std::find(nodes[i].causes.begin(), nodes[i].causes.end(), cause) !=
               nodes[i].causes.end();
    };
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].isSubject) place(i);
    if (queue.empty() && subject) {
        queue.push_back(subject);
        placedSymbols.insert(subject);
    }
    while (true) {
        while (!queue.empty()) {
            const Symbol *cause = queue.front();
            queue.pop_front();
            for (std::size_t i = 0; i < nodes.size(); ++i) {
                if (placed[i] || !hasCause(i, cause)) continue;
                const Symbol *first = nodes[i].causes.front();
                if (first == cause || !inReport.count(first) || placedSymbols.count(first))
                    place(i);
            }
        }
        // Waiting nodes whose first cause cannot come before them (a cycle):
        // after any cause that is there; otherwise a new root.
        std::size_t next = nodes.size();
        for (std::size_t i = 0; i < nodes.size() && next == nodes.size(); ++i)
            if (!placed[i])
                for (const Symbol *c : nodes[i].causes)
                    if (placedSymbols.count(c)) {
                        next = i;
                        break;
                    }
        if (next == nodes.size()) {
            auto rest = std::find(placed.begin(), placed.end(), 0);
            if (rest == placed.end()) break;
            next = static_cast<std::size_t>(rest - placed.begin());
        }
        place(next);
    }
    return report;
}

} // namespace kconfig
