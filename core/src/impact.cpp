// SPDX-License-Identifier: MIT
#include "kconfig/impact.h"

#include "kconfig/configreader.h"
#include "kconfig/confmodes.h"
#include "kconfig/diagnostic.h"
#include "kconfig/explainer.h"
#include "kconfig/exprprinter.h"
#include "kconfig/tree.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

namespace kconfig {

bool Baseline::parse(const std::string &text, const std::string &currentConfig,
                     const std::string &archDefconfig, Baseline &out)
{
    out = Baseline{};
    out.name = text;
    if (text == "current") {
        out.kind = Kind::Current;
        out.file = currentConfig;
        return !currentConfig.empty();
    }
    if (text == "alldefconfig")
        out.kind = Kind::AllDef;
    else if (text == "allnoconfig")
        out.kind = Kind::AllNo;
    else if (text == "allmodconfig")
        out.kind = Kind::AllMod;
    else if (text == "allyesconfig")
        out.kind = Kind::AllYes;
    else if (text == "defconfig") {
        out.kind = Kind::Defconfig;
        out.file = archDefconfig;
        const std::size_t slash = archDefconfig.rfind('/');
        out.name = slash == std::string::npos ? archDefconfig : archDefconfig.substr(slash + 1);
        return !archDefconfig.empty();
    } else {
        out.kind = Kind::Defconfig;
        out.file = text;
        const std::size_t slash = text.rfind('/');
        out.name = slash == std::string::npos ? text : text.substr(slash + 1);
    }
    return true;
}

namespace {

// One line of a symbol's definition, in words that compare across trees.
struct Item
{
    std::string what;
    std::string text;
    SourceLocation location;
    const Property *property = nullptr;
    bool operator<(const Item &o) const { return std::tie(what, text) < std::tie(o.what, o.text); }
};

std::string cond(const Expr *e)
{
    return e ? " if " + exprToString(e) : std::string();
}

const char *lineWord(const MenuNode *block)
{
    return block->isChoice() ? "choice depends on" : block->prompt ? "menu depends on" : "if";
}

std::vector<Item> definitionItems(const Tree &tree, const Symbol *sym)
{
    std::vector<Item> items;
    items.push_back(Item{"type", symbolTypeName(sym->type),
                         sym->menus.empty() ? SourceLocation{} : sym->menus.front()->location});
    int defaults = 0;
    for (const Property *p : sym->properties) {
        switch (p->type) {
        case PropertyType::Prompt:
        case PropertyType::Menu:
            items.push_back(
                Item{"prompt", '"' + p->text + '"' + cond(p->ownCondition), p->location, p});
            break;
        case PropertyType::Default:
            // Order matters (the first default that applies wins).
            items.push_back(Item{"default #" + std::to_string(++defaults),
                                 "default " + exprToString(p->expr) + cond(p->ownCondition),
                                 p->location, p});
            break;
        case PropertyType::Select:
        case PropertyType::Imply:
            items.push_back(
                Item{p->type == PropertyType::Select ? "select" : "imply",
                     std::string(p->type == PropertyType::Select ? "select " : "imply ") +
                         p->targetSymbol()->name + cond(p->ownCondition),
                     p->location, p});
            break;
        case PropertyType::Range: {
            // As written ("range 1 10"), not as the expression prints ("[1 10]").
            const Expr *r = p->expr;
            const std::string bounds = r && r->type == ExprType::Range && r->sym && r->rightSym
                                           ? r->sym->name + ' ' + r->rightSym->name
                                           : exprToString(r);
            items.push_back(
                Item{"range", "range " + bounds + cond(p->ownCondition), p->location, p});
            break;
        }
        default:
            break;
        }
    }
    for (const MenuNode *def : sym->menus) {
        for (const DependencyLine &d : def->dependsOn)
            items.push_back(Item{"depends on", "depends on " + exprToString(d.expr), d.location});
        for (const MenuNode *b = def->parseParent; b && b->parseParent; b = b->parseParent) {
            for (const DependencyLine &d : b->dependsOn)
                items.push_back(Item{lineWord(b),
                                     std::string(lineWord(b)) + ' ' + exprToString(d.expr),
                                     d.location});
            for (const DependencyLine &d : b->visibleIf)
                items.push_back(
                    Item{"visible if", "visible if " + exprToString(d.expr), d.location});
        }
    }
    if (sym == tree.modules())
        items.push_back(Item{"modules", "modules", sym->menus.front()->location});
    if (sym->isTransitional())
        items.push_back(Item{"transitional", "transitional", sym->menus.front()->location});
    if (const MenuNode *choice = tree.choiceMenuOf(sym))
        items.push_back(Item{"choice",
                             "member of the choice \"" +
                                 (choice->prompt ? choice->prompt->text : std::string()) + '"',
                             choice->location});
    return items;
}

std::map<std::string, const Symbol *> namedSymbols(const Tree &tree)
{
    std::map<std::string, const Symbol *> out;
    for (const Symbol *s : tree.symbols().all())
        if (!s->isConst() && !s->isChoice() && !s->menus.empty()) out.emplace(s->name, s);
    return out;
}

void applyBaseline(Config &config, const Baseline &b, const Environment &env)
{
    DiagnosticSink quiet;
    ConfigReader reader(config, env, quiet);
    switch (b.kind) {
    case Baseline::Kind::Current:
        if (!reader.read(b.file)) reader.read(std::nullopt);
        break;
    case Baseline::Kind::Defconfig:
        reader.read(b.file);
        setAllNewSymbols(config, NewSymbolMode::Default);
        break;
    case Baseline::Kind::AllDef:
        setAllNewSymbols(config, NewSymbolMode::Default);
        break;
    case Baseline::Kind::AllNo:
        setAllNewSymbols(config, NewSymbolMode::No);
        break;
    case Baseline::Kind::AllMod:
        setAllNewSymbols(config, NewSymbolMode::Mod);
        break;
    case Baseline::Kind::AllYes:
        setAllNewSymbols(config, NewSymbolMode::Yes);
        break;
    }
    for (const Symbol *s : config.tree().symbols().all())
        config.calc(s);
}

SymbolSnapshot absent()
{
    SymbolSnapshot s;
    s.value = "n";
    return s;
}

// ---- a quick test for "defined the same way" --------------------------------------------------
// definitionItems() prints every line of a definition; comparing the two
// trees that way costs most of an analysis. The structures compared here
// print the same whenever they are equal, so a symbol that passes needs no
// printing; one that fails is compared line by line as before.

bool sameOperand(const Symbol *a, const Symbol *b)
{
    if (!a || !b) return a == b;
    if (a->isChoice() || b->isChoice()) return a->isChoice() && b->isChoice();
    return a->isConst() == b->isConst() && a->name == b->name;
}

bool sameExpr(const Expr *a, const Expr *b)
{
    if (!a || !b) return a == b;
    return a->type == b->type && sameOperand(a->sym, b->sym) &&
           sameOperand(a->rightSym, b->rightSym) && sameExpr(a->left, b->left) &&
           sameExpr(a->right, b->right);
}

bool listed(const Property *p)
{
    switch (p->type) {
    case PropertyType::Prompt:
    case PropertyType::Menu:
    case PropertyType::Default:
    case PropertyType::Select:
    case PropertyType::Imply:
    case PropertyType::Range:
        return true;
    default:
        return false;
    }
}

bool sameLines(const std::vector<DependencyLine> &a, const std::vector<DependencyLine> &b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!sameExpr(a[i].expr, b[i].expr)) return false;
    return true;
}

bool sameDefinition(const Tree &ta, const Symbol *a, const Tree &tb, const Symbol *b)
{
    if (a->type != b->type || a->menus.size() != b->menus.size() ||
        (a == ta.modules()) != (b == tb.modules()) || a->isTransitional() != b->isTransitional())
        return false;
    auto pa = a->properties.begin(), pb = b->properties.begin();
    while (true) {
        while (pa != a->properties.end() && !listed(*pa))
            ++pa;
        while (pb != b->properties.end() && !listed(*pb))
            ++pb;
        if (pa == a->properties.end() || pb == b->properties.end()) {
            if (pa != a->properties.end() || pb != b->properties.end()) return false;
            break;
        }
        const Property *x = *pa++, *y = *pb++;
        if (x->type != y->type || !sameExpr(x->ownCondition, y->ownCondition)) return false;
        if (x->type == PropertyType::Prompt || x->type == PropertyType::Menu) {
            if (x->text != y->text) return false;
        } else if (x->type == PropertyType::Select || x->type == PropertyType::Imply) {
            if (!sameOperand(x->targetSymbol(), y->targetSymbol())) return false;
        } else if (!sameExpr(x->expr, y->expr)) {
            return false;
        }
    }
    for (std::size_t i = 0; i < a->menus.size(); ++i) {
        const MenuNode *x = a->menus[i], *y = b->menus[i];
        if (!sameLines(x->dependsOn, y->dependsOn)) return false;
        const MenuNode *bx = x->parseParent, *by = y->parseParent;
        for (; bx && bx->parseParent && by && by->parseParent;
             bx = bx->parseParent, by = by->parseParent) {
            if (bx->isChoice() != by->isChoice() || !bx->prompt != !by->prompt ||
                !sameLines(bx->dependsOn, by->dependsOn) ||
                !sameLines(bx->visibleIf, by->visibleIf))
                return false;
        }
        if ((bx && bx->parseParent) || (by && by->parseParent)) return false;
    }
    const MenuNode *ca = ta.choiceMenuOf(a), *cb = tb.choiceMenuOf(b);
    if (!ca || !cb) return ca == cb;
    return (ca->prompt ? ca->prompt->text : std::string()) ==
           (cb->prompt ? cb->prompt->text : std::string());
}

// The edits of one symbol defined by both trees.
void compareDefinitions(const Tree &before, const Symbol *sa, const Tree &after, const Symbol *sb,
                        std::vector<DefinitionEdit> &edits)
{
    if (sameDefinition(before, sa, after, sb)) return;
    const std::string &name = sb->name;
    std::vector<Item> x = definitionItems(before, sa);
    std::vector<Item> y = definitionItems(after, sb);
    std::multiset<std::pair<std::string, std::string>> xs, ys;
    for (const Item &i : x)
        xs.insert({i.what, i.text});
    for (const Item &i : y)
        ys.insert({i.what, i.text});
    // Same slot ("type", "default #2") with other text: changed.
    std::set<std::string> changedSlots;
    for (const Item &i : y) {
        if (xs.count({i.what, i.text})) continue;
        for (const Item &j : x) {
            if (j.what == i.what &&
                (i.what == "type" || i.what.rfind("default #", 0) == 0 || i.what == "prompt") &&
                !ys.count({j.what, j.text})) {
                edits.push_back(DefinitionEdit{DefinitionEdit::Kind::Changed, name, i.what, j.text,
                                               i.text, i.location, i.property});
                changedSlots.insert(i.what);
                break;
            }
        }
    }
    for (const Item &i : y)
        if (!xs.count({i.what, i.text}) && !changedSlots.count(i.what))
            edits.push_back(DefinitionEdit{
                DefinitionEdit::Kind::Added, name, i.what, {}, i.text, i.location, i.property});
    for (const Item &j : x)
        if (!ys.count({j.what, j.text}) && !changedSlots.count(j.what))
            edits.push_back(DefinitionEdit{
                DefinitionEdit::Kind::Removed, name, j.what, j.text, {}, j.location});
}

// The selects (or implies) of `x` compared across the trees, term by term:
// the explainer compares values within the edited tree only, so a term whose
// condition the edit changed (VFIO's `select INTERVAL_TREE` once VFIO
// `depends on IOMMUFD`) would go unexplained. Each term's value before is the
// original tree's term of the same symbol. `changed`: symbols whose value
// moved, named as causes.
Fact reverseAcross(const Tree &before, Config &ca, const Symbol *xa, const Tree &after, Config &cb,
                   const Symbol *x, PropertyType type,
                   const std::unordered_set<const Symbol *> &changed)
{
    const bool isSelect = type == PropertyType::Select;
    Fact f{isSelect ? Fact::Kind::Selected : Fact::Kind::Implied};
    f.symbol = x;
    f.expr = isSelect ? x->revDep : x->implied;
    f.after = f.expr ? cb.exprValue(f.expr) : Tristate::No;
    const Expr *was = xa ? (isSelect ? xa->revDep : xa->implied) : nullptr;
    f.before = was ? ca.exprValue(was) : Tristate::No;
    for (const Property &p : after.properties()) {
        if (p.type != type || p.targetSymbol() != x || !p.menu || !p.menu->sym) continue;
        const Symbol *owner = p.menu->sym;
        Fact term{isSelect ? Fact::Kind::SelectTerm : Fact::Kind::ImplyTerm};
        term.symbol = owner;
        term.property = &p;
        term.expr = p.ownCondition;
        term.location = p.location;
        term.after = triAnd(cb.tristate(owner), cb.exprValue(p.condition));
        term.before = Tristate::No;
        if (xa)
            for (const Property &q : before.properties())
                if (q.type == type && q.targetSymbol() == xa && q.menu && q.menu->sym &&
                    q.menu->sym->name == owner->name)
                    term.before = triOr(
                        term.before, triAnd(ca.tristate(q.menu->sym), ca.exprValue(q.condition)));
        if (term.before == term.after) continue;
        if (changed.count(owner)) term.causes.push_back(owner);
        f.children.push_back(std::move(term));
    }
    return f;
}

} // namespace

ImpactAnalysis::ImpactAnalysis(const Tree &before, const Tree &after)
    : m_before(before), m_after(after)
{
    const auto a = namedSymbols(before);
    const auto b = namedSymbols(after);
    m_symbols.reserve(std::max(a.size(), b.size()));
    // Both maps in name order, merged.
    auto ia = a.begin(), ib = b.begin();
    while (ia != a.end() || ib != b.end()) {
        if (ib == b.end() || (ia != a.end() && ia->first < ib->first)) {
            m_symbols.push_back(Match{ia->second, nullptr});
            ++ia;
        } else if (ia == a.end() || ib->first < ia->first) {
            m_symbols.push_back(Match{nullptr, ib->second});
            ++ib;
        } else {
            m_symbols.push_back(Match{ia->second, ib->second});
            m_original.emplace(ib->second, ia->second);
            ++ia;
            ++ib;
        }
    }

    for (const Match &m : m_symbols) {
        if (!m.before) {
            const std::string &name = m.after->name;
            m_edits.push_back(DefinitionEdit{DefinitionEdit::Kind::Added,
                                             name,
                                             "config " + name,
                                             {},
                                             "config " + name,
                                             m.after->menus.front()->location});
        } else if (!m.after) {
            const std::string &name = m.before->name;
            m_edits.push_back(DefinitionEdit{DefinitionEdit::Kind::Removed,
                                             name,
                                             "config " + name,
                                             "config " + name,
                                             {},
                                             m.before->menus.front()->location});
        } else {
            compareDefinitions(before, m.before, after, m.after, m_edits);
        }
    }

    // Edits that bear on a symbol directly: its own lines, and selects or
    // implies of it written in other symbols.
    for (std::size_t i = 0; i < m_edits.size(); ++i) {
        const DefinitionEdit &e = m_edits[i];
        m_bearing[e.symbol].push_back(i);
        const std::string &line = e.kind == DefinitionEdit::Kind::Removed ? e.before : e.after;
        if (e.what == "select" || e.what == "imply") {
            const std::size_t sp = line.find(' ');
            const std::size_t end = line.find(' ', sp + 1);
            m_bearing[line.substr(sp + 1,
                                  end == std::string::npos ? std::string::npos : end - sp - 1)]
                .push_back(i);
        }
    }
}

BaselineImpact ImpactAnalysis::analyze(const Baseline &bl, const Environment &env) const
{
    const Tree &before = m_before;
    const Tree &after = m_after;
    const auto bearingOf = [this](const std::string &name) -> const std::vector<std::size_t> * {
        auto it = m_bearing.find(name);
        return it == m_bearing.end() ? nullptr : &it->second;
    };

    BaselineImpact impact;
    impact.baseline = bl;
    impact.configBefore = std::make_shared<Config>(before);
    impact.configAfter = std::make_shared<Config>(after);
    Config &ca = *impact.configBefore;
    Config &cb = *impact.configAfter;
    applyBaseline(ca, bl, env);
    applyBaseline(cb, bl, env);

    std::vector<SymbolChange> changes; // on the edited tree
    std::unordered_map<const Symbol *, bool> existed;
    for (const Match &m : m_symbols) {
        if (!m.after) continue;
        const SymbolSnapshot sa = m.before ? ca.snapshot(m.before) : absent();
        const SymbolSnapshot snap = cb.snapshot(m.after);
        if (m.before && sa == snap) continue;
        if (!m.before && snap.value == "n" && snap.visible == Tristate::No)
            continue; // a new symbol that is off and hidden changes nothing
        changes.push_back(SymbolChange{m.after, sa, snap});
        existed[m.after] = m.before != nullptr;
    }
    // Explained like a user action on the edited tree, from the values
    // the original tree gave.
    Explainer explainer(after, cb);
    ChangeReport cr = explainer.explainChanges(bl.name, nullptr, changes, {});
    impact.valuesBefore = cr.before;
    std::unordered_set<const Symbol *> moved; // symbols whose value changed
    for (const SymbolChange &s : changes)
        if (s.before.value != s.after.value) moved.insert(s.symbol);
    for (const ChangeReport::Node &n : cr.nodes) {
        ImpactChange c;
        c.symbol = n.symbol->name;
        c.before = n.before;
        c.after = n.after;
        c.existedBefore = existed[n.symbol];
        c.reasons = n.reasons;
        for (const Symbol *s : n.causes)
            c.causes.push_back(s->name);
        // A select or imply whose condition the edit changed.
        const auto hasFact = [&c](Fact::Kind kind) {
            return std::any_of(c.reasons.begin(), c.reasons.end(),
                               [kind](const Fact &f) { return f.kind == kind; });
        };
        const auto it = m_original.find(n.symbol);
        const Symbol *original = it == m_original.end() ? nullptr : it->second;
        for (const PropertyType type : {PropertyType::Select, PropertyType::Imply}) {
            const bool select = type == PropertyType::Select;
            if (hasFact(select ? Fact::Kind::Selected : Fact::Kind::Implied)) continue;
            // Imply only moves values; a select also the floor under them.
            if (select ? n.before.revDep == n.after.revDep && !c.reasons.empty()
                       : !c.reasons.empty() || n.before.value == n.after.value)
                continue;
            Fact f = reverseAcross(before, ca, original, after, cb, n.symbol, type, moved);
            if (f.children.empty()) continue;
            for (const Fact &term : f.children)
                for (const Symbol *s : term.causes)
                    if (std::find(c.causes.begin(), c.causes.end(), s->name) == c.causes.end())
                        c.causes.push_back(s->name);
            c.reasons.push_back(std::move(f));
        }
        if (const auto *bearing = bearingOf(c.symbol)) {
            // The edited lines first, added ones before removed ones.
            std::size_t at = 0;
            for (const std::size_t i : *bearing) {
                const DefinitionEdit &e = m_edits[i];
                c.edits.push_back(e);
                Fact f{Fact::Kind::Edit};
                f.symbol = after.symbols().find(e.symbol);
                f.detail = static_cast<int>(e.kind);
                f.valueBefore = e.before;
                f.valueAfter = e.after;
                f.location = e.location;
                if (e.property && e.property->menu && e.property->menu->sym &&
                    (e.what == "select" || e.what == "imply"))
                    f.after = triAnd(cb.tristate(e.property->menu->sym),
                                     cb.exprValue(e.property->condition));
                c.reasons.insert(c.reasons.begin() + static_cast<std::ptrdiff_t>(at++),
                                 std::move(f));
            }
        }
        if (c.before.value != c.after.value) ++impact.values;
        if (c.before.visible != c.after.visible) ++impact.visibility;
        // The values a user may choose: locked or not, and the floor a
        // select puts under them.
        if (c.before.changeable != c.after.changeable || c.before.revDep != c.after.revDep)
            ++impact.writability;
        impact.changes.push_back(std::move(c));
    }
    // Edited symbols first: they are where the chains start.
    std::stable_partition(impact.changes.begin(), impact.changes.end(),
                          [](const ImpactChange &c) { return !c.edits.empty(); });
    for (const Match &m : m_symbols) {
        if (m.after || !m.before) continue;
        const SymbolSnapshot was = ca.snapshot(m.before);
        if (was == absent()) continue;
        ImpactChange c;
        c.symbol = m.before->name;
        c.before = was;
        c.after = absent();
        c.existsAfter = false;
        if (const auto *bearing = bearingOf(c.symbol))
            for (const std::size_t i : *bearing)
                c.edits.push_back(m_edits[i]);
        ++impact.values;
        impact.changes.push_back(std::move(c));
    }
    // conf's "unmet direct dependencies" warnings on each side.
    for (const Match &m : m_symbols) {
        const bool was = m.before && ca.hasUnmetDependency(m.before);
        const bool is = m.after && cb.hasUnmetDependency(m.after);
        if (is && !was) impact.newWarnings.push_back(m.after->name);
        if (was && !is) impact.goneWarnings.push_back(m.before->name);
    }
    return impact;
}

std::vector<BaselineImpact>
ImpactAnalysis::analyze(const std::vector<Baseline> &baselines, const Environment &env,
                        unsigned threads, const std::function<bool(std::size_t)> &progress) const
{
    // Built on first use: build them before the threads read them.
    m_before.symbols().hashOrder();
    m_after.symbols().hashOrder();
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, baselines.size()));

    std::vector<std::optional<BaselineImpact>> results(baselines.size());
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::mutex lock; // around `progress` and the first error
    std::size_t finished = 0;
    std::exception_ptr error;
    const auto work = [&] {
        while (!stop) {
            const std::size_t i = next++;
            if (i >= baselines.size()) return;
            try {
                results[i] = analyze(baselines[i], env);
            } catch (...) {
                const std::lock_guard<std::mutex> guard(lock);
                if (!error) error = std::current_exception();
                stop = true;
                return;
            }
            const std::lock_guard<std::mutex> guard(lock);
            ++finished;
            if (progress && !progress(finished)) stop = true;
        }
    };
    if (threads <= 1) {
        work();
    } else {
        std::vector<std::thread> pool;
        for (unsigned t = 1; t < threads; ++t)
            pool.emplace_back(work);
        work();
        for (std::thread &t : pool)
            t.join();
    }
    if (error) std::rethrow_exception(error);
    std::vector<BaselineImpact> out;
    out.reserve(baselines.size());
    for (std::optional<BaselineImpact> &r : results)
        if (r) out.push_back(std::move(*r));
    return out;
}

std::vector<DefinitionEdit> definitionEdits(const Tree &before, const Tree &after)
{
    return ImpactAnalysis(before, after).edits();
}

ImpactReport analyzeImpact(const Tree &before, const Tree &after,
                           const std::vector<Baseline> &baselines, const Environment &env)
{
    const ImpactAnalysis analysis(before, after);
    ImpactReport report;
    report.edits = analysis.edits();
    report.baselines = analysis.analyze(baselines, env);
    return report;
}

} // namespace kconfig
