// SPDX-License-Identifier: MIT
#include "kconfig/impact.h"

#include "kconfig/configreader.h"
#include "kconfig/confmodes.h"
#include "kconfig/diagnostic.h"
#include "kconfig/explainer.h"
#include "kconfig/exprprinter.h"
#include "kconfig/tree.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

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
        case PropertyType::Range:
            items.push_back(Item{"range", "range " + exprToString(p->expr) + cond(p->ownCondition),
                                 p->location, p});
            break;
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

} // namespace

std::vector<DefinitionEdit> definitionEdits(const Tree &before, const Tree &after)
{
    std::vector<DefinitionEdit> edits;
    const auto a = namedSymbols(before);
    const auto b = namedSymbols(after);
    std::set<std::string> names;
    for (const auto &[n, s] : a)
        names.insert(n);
    for (const auto &[n, s] : b)
        names.insert(n);
    for (const std::string &name : names) {
        auto ia = a.find(name);
        auto ib = b.find(name);
        if (ia == a.end()) {
            edits.push_back(DefinitionEdit{DefinitionEdit::Kind::Added,
                                           name,
                                           "config " + name,
                                           {},
                                           "config " + name,
                                           ib->second->menus.front()->location});
            continue;
        }
        if (ib == b.end()) {
            edits.push_back(DefinitionEdit{DefinitionEdit::Kind::Removed,
                                           name,
                                           "config " + name,
                                           "config " + name,
                                           {},
                                           ia->second->menus.front()->location});
            continue;
        }
        std::vector<Item> x = definitionItems(before, ia->second);
        std::vector<Item> y = definitionItems(after, ib->second);
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
                    edits.push_back(DefinitionEdit{DefinitionEdit::Kind::Changed, name, i.what,
                                                   j.text, i.text, i.location, i.property});
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
    return edits;
}

ImpactReport analyzeImpact(const Tree &before, const Tree &after,
                           const std::vector<Baseline> &baselines, const Environment &env)
{
    ImpactReport report;
    report.edits = definitionEdits(before, after);
    const auto a = namedSymbols(before);
    const auto b = namedSymbols(after);

    // Edits that bear on a symbol directly: its own lines, and selects or
    // implies of it written in other symbols.
    std::map<std::string, std::vector<const DefinitionEdit *>> bearing;
    for (const DefinitionEdit &e : report.edits) {
        bearing[e.symbol].push_back(&e);
        const std::string &line = e.kind == DefinitionEdit::Kind::Removed ? e.before : e.after;
        if (e.what == "select" || e.what == "imply") {
            const std::size_t sp = line.find(' ');
            const std::size_t end = line.find(' ', sp + 1);
            bearing[line.substr(sp + 1,
                                end == std::string::npos ? std::string::npos : end - sp - 1)]
                .push_back(&e);
        }
    }

    for (const Baseline &bl : baselines) {
        BaselineImpact impact;
        impact.baseline = bl;
        impact.configBefore = std::make_shared<Config>(before);
        impact.configAfter = std::make_shared<Config>(after);
        Config &ca = *impact.configBefore;
        Config &cb = *impact.configAfter;
        applyBaseline(ca, bl, env);
        applyBaseline(cb, bl, env);

        std::vector<SymbolChange> changes; // on the edited tree
        std::map<const Symbol *, bool> existed;
        for (const auto &[name, sb] : b) {
            auto ia = a.find(name);
            const SymbolSnapshot sa = ia == a.end() ? absent() : ca.snapshot(ia->second);
            const SymbolSnapshot snap = cb.snapshot(sb);
            if (ia != a.end() && sa == snap) continue;
            if (ia == a.end() && snap.value == "n" && snap.visible == Tristate::No)
                continue; // a new symbol that is off and hidden changes nothing
            changes.push_back(SymbolChange{sb, sa, snap});
            existed[sb] = ia != a.end();
        }
        // Explained like a user action on the edited tree, from the values
        // the original tree gave.
        Explainer explainer(after, cb);
        ChangeReport cr = explainer.explainChanges(bl.name, nullptr, changes, {});
        impact.valuesBefore = cr.before;
        for (const ChangeReport::Node &n : cr.nodes) {
            ImpactChange c;
            c.symbol = n.symbol->name;
            c.before = n.before;
            c.after = n.after;
            c.existedBefore = existed[n.symbol];
            c.reasons = n.reasons;
            for (const Symbol *s : n.causes)
                c.causes.push_back(s->name);
            if (auto it = bearing.find(c.symbol); it != bearing.end()) {
                for (const DefinitionEdit *e : it->second) {
                    c.edits.push_back(*e);
                    Fact f{Fact::Kind::Edit};
                    f.symbol = after.symbols().find(e->symbol);
                    f.detail = static_cast<int>(e->kind);
                    f.valueBefore = e->before;
                    f.valueAfter = e->after;
                    f.location = e->location;
                    if (e->property && e->property->menu && e->property->menu->sym &&
                        (e->what == "select" || e->what == "imply"))
                        f.after = triAnd(cb.tristate(e->property->menu->sym),
                                         cb.exprValue(e->property->condition));
                    c.reasons.insert(c.reasons.begin(), std::move(f));
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
        for (const auto &[name, sa] : a) {
            if (b.count(name) || ca.snapshot(sa) == absent()) continue;
            ImpactChange c;
            c.symbol = name;
            c.before = ca.snapshot(sa);
            c.after = absent();
            c.existsAfter = false;
            for (const DefinitionEdit *e : bearing[name])
                c.edits.push_back(*e);
            ++impact.values;
            impact.changes.push_back(std::move(c));
        }
        for (const auto &[name, sb] : b) {
            auto ia = a.find(name);
            const bool was = ia != a.end() && ca.hasUnmetDependency(ia->second);
            const bool is = cb.hasUnmetDependency(sb);
            if (is && !was) impact.newWarnings.push_back(name);
        }
        for (const auto &[name, sa] : a) {
            auto ib = b.find(name);
            if (ca.hasUnmetDependency(sa) && !(ib != b.end() && cb.hasUnmetDependency(ib->second)))
                impact.goneWarnings.push_back(name);
        }
        report.baselines.push_back(std::move(impact));
    }
    return report;
}

} // namespace kconfig
