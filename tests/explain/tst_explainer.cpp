// SPDX-License-Identifier: MIT
// The explanation engine on small trees, one per rule (tests/data/explain/
// <case>/: Kconfig, *.config, and a `steps` file saying what the case checks).
//
// goldens: each step of each case renders an explanation (why SYMBOL, want
// SYMBOL VALUE, set SYMBOL=VALUE) and compares it with
// expected_<NN>_<step>.txt; the expected texts were checked by hand against
// Kconfig's semantics. tests/explain/accept-explanations.sh rewrites them
// (review the diff before committing).
//
// The other functions check the data behind the texts: the kinds of facts,
// their values and source lines, the derivation's steps, requirements, and
// the causes in change reports.
#include "explaintest.h"
#include "golden.h"

#include <kconfig/explainer.h>
#include <kconfig/explanationtext.h>
#include <kconfig/valuesource.h>

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QTest>

using namespace kconfig;
using namespace kcsexplain;

namespace {

using Kind = Fact::Kind;

Tristate parseTri(const QString &v)
{
    return v == QLatin1String("y")   ? Tristate::Yes
           : v == QLatin1String("m") ? Tristate::Mod
                                     : Tristate::No;
}

const QByteArray kHeader = "# SPDX-License-Identifier: MIT\n";

struct StepOutput
{
    QString file; // expected_<NN>_<step>.txt
    QByteArray text;
};

// Runs the `steps` file of a case; returns the outputs, or sets *error.
QList<StepOutput> runSteps(const QString &dir, QString *error)
{
    QList<StepOutput> out;
    auto t = loadSmallTree(dir, error);
    if (!t) return out;
    std::unique_ptr<Config> config;
    std::unique_ptr<Explainer> explainer;
    const QList<QByteArray> lines = readFile(dir + QStringLiteral("/steps")).split('\n');
    int n = 0;
    for (const QByteArray &raw : lines) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) continue;
        const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const QString verb = words.value(0);
        if (verb == QLatin1String("config") && words.size() == 2) {
            config = readConfig(*t, dir + QLatin1Char('/') + words[1]);
            if (!config) {
                *error = QStringLiteral("cannot read %1").arg(words[1]);
                return {};
            }
            explainer = std::make_unique<Explainer>(*t->tree, *config);
            continue;
        }
        if (!config) {
            *error = QStringLiteral("'%1' before any 'config' line").arg(line);
            return {};
        }
        QByteArray text;
        const QString symbolName = words.value(1).section(QLatin1Char('='), 0, 0);
        const Symbol *sym = t->sym(symbolName);
        if (!sym) {
            *error = QStringLiteral("%1: unknown symbol %2").arg(line, symbolName);
            return {};
        }
        if (verb == QLatin1String("why") && words.size() == 2) {
            text = QByteArray::fromStdString(
                renderSymbolReport(explainer->explainSymbol(sym), *config));
        } else if (verb == QLatin1String("want") && words.size() == 3) {
            const Tristate wanted = parseTri(words[2]);
            text = QByteArray::fromStdString(
                renderRequirements(sym, wanted, explainer->requirementsFor(sym, wanted), *config));
        } else if (verb == QLatin1String("set") && words.size() == 2) {
            const std::string value = words[1].section(QLatin1Char('='), 1).toStdString();
            const AppliedChange change = applyAssignment(*config, sym, value);
            if (!change.ok) {
                text = QByteArray::fromStdString("error: " + change.error + '\n');
            } else {
                const ChangeReport report =
                    explainer->explainChanges(change.description, change.subject, change.changes,
                                              change.userBefore, change.priorityBefore);
                text = QByteArray::fromStdString(renderChangeReport(report, *config));
            }
        } else {
            *error = QStringLiteral("cannot read step '%1'").arg(line);
            return {};
        }
        QString name = words.mid(0, 3).join(QLatin1Char('_'));
        name.replace(QLatin1Char('='), QLatin1Char('_'));
        out.append(
            {QStringLiteral("expected_%1_%2.txt").arg(++n, 2, 10, QLatin1Char('0')).arg(name),
             text});
    }
    return out;
}

bool accepting()
{
    return QProcessEnvironment::systemEnvironment().contains(
        QStringLiteral("KCS_ACCEPT_EXPLANATIONS"));
}

// A loaded case with its configuration and explainer.
struct Case
{
    std::unique_ptr<LoadedTree> tree;
    std::unique_ptr<Config> config;
    std::unique_ptr<Explainer> explainer;

    const Symbol *sym(const char *name) const
    {
        const Symbol *s = tree->sym(name);
        if (!s) qFatal("no symbol %s", name);
        return s;
    }
    SymbolReport why(const char *name) { return explainer->explainSymbol(sym(name)); }
    ChangeReport set(const char *name, const char *value)
    {
        const AppliedChange c = applyAssignment(*config, sym(name), value);
        if (!c.ok) qFatal("cannot set %s=%s: %s", name, value, c.error.c_str());
        return explainer->explainChanges(c.description, c.subject, c.changes, c.userBefore,
                                         c.priorityBefore);
    }
    std::string line(const Fact &f, const ValueSource *before = nullptr)
    {
        return reasonLine(f, CurrentValues(*config), before).sentence;
    }
};

Case openCase(const char *name, const char *configFile)
{
    Case c;
    QString error;
    const QString dir = explainDataDir() + QLatin1Char('/') + QLatin1String(name);
    c.tree = loadSmallTree(dir, &error);
    if (!c.tree) qFatal("%s", qPrintable(error));
    c.config = readConfig(*c.tree, dir + QLatin1Char('/') + QLatin1String(configFile));
    if (!c.config) qFatal("cannot read %s/%s", name, configFile);
    c.explainer = std::make_unique<Explainer>(*c.tree->tree, *c.config);
    return c;
}

const Fact *findFact(const std::vector<Fact> &facts, Kind kind)
{
    for (const Fact &f : facts)
        if (f.kind == kind) return &f;
    return nullptr;
}

QList<int> kinds(const std::vector<Fact> &facts)
{
    QList<int> out;
    for (const Fact &f : facts)
        out << int(f.kind);
    return out;
}

QStringList names(const std::vector<const Symbol *> &symbols)
{
    QStringList out;
    for (const Symbol *s : symbols)
        out << QString::fromStdString(s->name);
    return out;
}

QString where(const SourceLocation &l)
{
    return QString::fromStdString(l.toString());
}

} // namespace

class TestExplainer : public QObject
{
    Q_OBJECT

private slots:
    void goldens_data()
    {
        QTest::addColumn<QString>("dir");
        const QStringList dirs = explainCaseDirs();
        QVERIFY(dirs.size() >= 10);
        for (const QString &dir : dirs)
            QTest::newRow(qPrintable(QFileInfo(dir).fileName())) << dir;
    }

    void goldens()
    {
        QFETCH(QString, dir);
        QString error;
        const QList<StepOutput> outputs = runSteps(dir, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!outputs.isEmpty());
        QStringList produced;
        for (const StepOutput &o : outputs) {
            produced << o.file;
            const QString path = dir + QLatin1Char('/') + o.file;
            if (accepting()) {
                writeFile(path, kHeader + o.text);
                continue;
            }
            const QByteArray expected = readFile(path);
            QVERIFY2(expected.startsWith(kHeader), qPrintable(path + " is missing"));
            const QByteArray want = expected.mid(kHeader.size());
            if (want != o.text) QFAIL(qPrintable(kcstest::unifiedDiff(want, o.text, path)));
        }
        // No expected file without a step.
        for (const QString &f : QDir(dir).entryList({QStringLiteral("expected_*")})) {
            if (produced.contains(f)) continue;
            if (accepting())
                QFile::remove(dir + QLatin1Char('/') + f);
            else
                QFAIL(qPrintable(dir + '/' + f + " belongs to no step"));
        }
    }

    void userValues()
    {
        Case c = openCase("user-values", "base.config");
        SymbolReport r = c.why("PLAIN");
        QCOMPARE(kinds(r.facts), QList<int>{int(Kind::UserValue)});
        QCOMPARE(r.facts[0].valueAfter, std::string("y"));
        QCOMPARE(r.derivation.rule, ValueDerivation::Rule::UserValue);

        r = c.why("NAME");
        QCOMPARE(r.facts[0].kind, Kind::UserValue);
        QCOMPARE(r.facts[0].valueAfter, std::string("mine"));

        // y capped at m by 'depends on BASE || !BASE' (Kconfig:22).
        r = c.why("OPTIONAL_USER");
        QCOMPARE(r.state.value, std::string("m"));
        QVERIFY(r.derivation.userCapped);
        const Fact *cap = findFact(r.facts, Kind::UserCapped);
        QVERIFY(cap);
        QCOMPARE(cap->before, Tristate::Yes);
        QCOMPARE(cap->after, Tristate::Mod);
        QCOMPARE(cap->children.size(), std::size_t(1));
        const Fact &vis = cap->children[0];
        QCOMPARE(vis.kind, Kind::Visibility);
        QCOMPARE(vis.children.size(), std::size_t(1));
        QCOMPARE(vis.children[0].kind, Kind::WrittenLine);
        QCOMPARE(where(vis.children[0].location), QStringLiteral("Kconfig:22"));
        QCOMPARE(vis.children[0].after, Tristate::Mod);

        // Hidden: the user's y does not count; 'depends on GATE' (Kconfig:29) is why.
        r = c.why("HIDDEN");
        QCOMPARE(r.state.value, std::string("n"));
        QVERIFY(r.derivation.userHidden);
        QCOMPARE(r.derivation.rule, ValueDerivation::Rule::NoDefault);
        const Fact *ignored = findFact(r.facts, Kind::UserIgnored);
        QVERIFY(ignored);
        QCOMPARE(ignored->valueAfter, std::string("y"));
        QCOMPARE(ignored->children[0].kind, Kind::Visibility);
        QCOMPARE(where(ignored->children[0].children[0].location), QStringLiteral("Kconfig:29"));
        // The visibility is told once, under the ignored value.
        int visibilityFacts = 0;
        for (const Fact &f : r.facts)
            visibilityFacts += f.kind == Kind::Visibility;
        QCOMPARE(visibilityFacts, 0);

        // BASE=y lifts the cap: OPTIONAL_USER m -> y because of BASE.
        ChangeReport ch = c.set("BASE", "y");
        const auto *n = ch.node(c.sym("OPTIONAL_USER"));
        QVERIFY(n);
        QCOMPARE(n->before.value, std::string("m"));
        QCOMPARE(n->after.value, std::string("y"));
        QCOMPARE(names(n->causes), QStringList{QStringLiteral("BASE")});
        const Fact *v = findFact(n->reasons, Kind::Visibility);
        QVERIFY(v);
        QCOMPARE(v->detail, 2); // the user value applies again
        QVERIFY(c.line(*v, ch.before.get()).ends_with("so your y applies again."));

        ch = c.set("BASE", "m");
        n = ch.node(c.sym("OPTIONAL_USER"));
        QVERIFY(n);
        QCOMPARE(findFact(n->reasons, Kind::Visibility)->detail, 1); // caps again

        // GATE=y: the kept y of HIDDEN applies.
        ch = c.set("GATE", "y");
        n = ch.node(c.sym("HIDDEN"));
        QVERIFY(n);
        QCOMPARE(n->after.value, std::string("y"));
        QCOMPARE(names(n->causes), QStringList{QStringLiteral("GATE")});
    }

    void defaults()
    {
        Case c = openCase("defaults", "base.config");
        SymbolReport r = c.why("PICK");
        QCOMPARE(r.derivation.rule, ValueDerivation::Rule::Default);
        QCOMPARE(kinds(r.facts), QList<int>{int(Kind::Default)});
        QCOMPARE(where(r.facts[0].location), QStringLiteral("Kconfig:20"));
        QCOMPARE(r.facts[0].after, Tristate::Yes);
        QCOMPARE(r.facts[0].children.size(), std::size_t(1));
        QCOMPARE(r.facts[0].children[0].kind, Kind::SkippedDefault);
        QCOMPARE(where(r.facts[0].children[0].location), QStringLiteral("Kconfig:19"));

        r = c.why("NO_DEFAULT");
        QCOMPARE(kinds(r.facts), QList<int>{int(Kind::NoDefault)});
        QVERIFY(r.facts[0].children.empty());

        r = c.why("ALL_SKIPPED");
        QCOMPARE(kinds(r.facts), QList<int>{int(Kind::NoDefault)});
        QCOMPARE(r.facts[0].children.size(), std::size_t(1));
        QCOMPARE(where(r.facts[0].children[0].location), QStringLiteral("Kconfig:28"));

        r = c.why("NUMBER");
        QCOMPARE(r.facts[0].kind, Kind::Default);
        QCOMPARE(r.facts[0].valueAfter, std::string("3"));
        QCOMPARE(where(r.facts[0].location), QStringLiteral("Kconfig:37"));

        r = c.why("COPIED_TEXT");
        QCOMPARE(r.derivation.defaultSymbol, c.sym("SOURCE_TEXT"));
        QCOMPARE(r.state.value, std::string("hello"));

        ChangeReport ch = c.set("A", "y");
        for (const char *name : {"PICK", "NUMBER", "ALL_SKIPPED"}) {
            const auto *n = ch.node(c.sym(name));
            QVERIFY2(n, name);
            QCOMPARE(names(n->causes), QStringList{QStringLiteral("A")});
            QVERIFY2(findFact(n->reasons, Kind::Default), name);
        }
        QCOMPARE(ch.node(c.sym("PICK"))->after.value, std::string("m"));
        QCOMPARE(ch.node(c.sym("NUMBER"))->after.value, std::string("10"));
        QVERIFY(!ch.node(c.sym("FROM_EXPR"))); // A || B stays y

        ch = c.set("SOURCE_TEXT", "world");
        const auto *n = ch.node(c.sym("COPIED_TEXT"));
        QVERIFY(n);
        QCOMPARE(n->after.value, std::string("world"));
        QCOMPARE(names(n->causes), QStringList{QStringLiteral("SOURCE_TEXT")});
    }

    void imply()
    {
        Case c = openCase("imply", "base.config");
        SymbolReport r = c.why("FREE_TARGET");
        QCOMPARE(r.state.value, std::string("m"));
        QVERIFY(r.derivation.impliedRaised);
        const Fact *imp = findFact(r.facts, Kind::Implied);
        QVERIFY(imp);
        QCOMPARE(imp->children.size(), std::size_t(1));
        QCOMPARE(imp->children[0].kind, Kind::ImplyTerm);
        QCOMPARE(imp->children[0].symbol, c.sym("IMPLIER_M"));
        QCOMPARE(imp->children[0].after, Tristate::Mod);

        // Implied at y, limited to m by 'depends on DEP' with DEP=m.
        r = c.why("TARGET");
        QCOMPARE(r.state.value, std::string("m"));
        QCOMPARE(r.derivation.implied, Tristate::Yes);
        QCOMPARE(r.derivation.dirDep, Tristate::Mod);
        QCOMPARE(r.derivation.afterImply, Tristate::Mod);
        imp = findFact(r.facts, Kind::Implied);
        QVERIFY(imp);
        QCOMPARE(imp->after, Tristate::Yes);

        ChangeReport ch = c.set("DEP", "y");
        const auto *n = ch.node(c.sym("TARGET"));
        QVERIFY(n);
        QCOMPARE(n->after.value, std::string("y"));
        QCOMPARE(names(n->causes), QStringList{QStringLiteral("DEP")});

        ch = c.set("IMPLIER", "n");
        n = ch.node(c.sym("TARGET"));
        QVERIFY(n);
        QCOMPARE(n->after.value, std::string("n"));
        QCOMPARE(names(n->causes), QStringList{QStringLiteral("IMPLIER")});
        QVERIFY(findFact(n->reasons, Kind::Implied));

        // The user's n wins over imply: imply only raises the default.
        Case u = openCase("imply", "user-n.config");
        r = u.why("TARGET");
        QCOMPARE(r.state.value, std::string("n"));
        QCOMPARE(r.derivation.rule, ValueDerivation::Rule::UserValue);
        QVERIFY(!findFact(r.facts, Kind::Implied));
    }

    void select()
    {
        Case c = openCase("select", "base.config");
        // selectsOf: the select properties naming a symbol, in tree order.
        const auto sels = selectsOf(*c.tree->tree, c.sym("LIBRARY"), PropertyType::Select);
        QCOMPARE(sels.size(), std::size_t(2));
        QCOMPARE(sels[0]->menu->sym, c.sym("SELECTOR"));
        QCOMPARE(sels[1]->menu->sym, c.sym("COND_SELECTOR"));
        QCOMPARE(c.explainer->selectsOf(c.sym("LIBRARY")), sels);
        QVERIFY(selectsOf(*c.tree->tree, c.sym("LIBRARY"), PropertyType::Imply).empty());

        SymbolReport r = c.why("HELPER");
        QCOMPARE(r.state.value, std::string("y"));
        QVERIFY(r.derivation.selectPromoted);
        QCOMPARE(r.derivation.revDep, Tristate::Yes);
        const Fact *sel = findFact(r.facts, Kind::Selected);
        QVERIFY(sel);
        QCOMPARE(sel->children.size(), std::size_t(1));
        QCOMPARE(sel->children[0].symbol, c.sym("SELECTOR"));
        QCOMPARE(sel->children[0].after, Tristate::Mod);
        QCOMPARE(where(sel->children[0].location), QStringLiteral("Kconfig:19"));

        r = c.why("LIBRARY");
        QCOMPARE(r.state.value, std::string("y"));
        QVERIFY(!r.state.changeable);
        sel = findFact(r.facts, Kind::Selected);
        QVERIFY(sel);
        QCOMPARE(sel->children.size(), std::size_t(2));
        const Fact *lock = findFact(r.facts, Kind::Locked);
        QVERIFY(lock);
        QCOMPARE(lock->after, Tristate::Yes);

        r = c.why("NEEDS_DEP");
        QCOMPARE(r.state.value, std::string("y"));
        QVERIFY(r.derivation.unmet);
        const Fact *unmet = findFact(r.facts, Kind::Unmet);
        QVERIFY(unmet);
        QCOMPARE(unmet->before, Tristate::No);
        QCOMPARE(unmet->after, Tristate::Yes);
        QCOMPARE(where(unmet->children[0].children[0].location), QStringLiteral("Kconfig:34"));

        // Both selectors must stop for n; for m only the one at y.
        std::vector<Fact> req = c.explainer->requirementsFor(c.sym("LIBRARY"), Tristate::No);
        QCOMPARE(req.size(), std::size_t(2));
        QCOMPARE(req[0].symbol, c.sym("SELECTOR"));
        QCOMPARE(req[0].detail, 3);
        QCOMPARE(req[1].symbol, c.sym("COND_SELECTOR"));
        req = c.explainer->requirementsFor(c.sym("LIBRARY"), Tristate::Mod);
        QCOMPARE(req.size(), std::size_t(1));
        QCOMPARE(req[0].symbol, c.sym("COND_SELECTOR"));

        ChangeReport ch = c.set("COND", "n");
        const auto *n = ch.node(c.sym("LIBRARY"));
        QVERIFY(n);
        QCOMPARE(n->after.value, std::string("m"));
        QVERIFY(n->after.changeable && !n->before.changeable);
        QCOMPARE(names(n->causes), QStringList{QStringLiteral("COND")});
        QVERIFY(stateChangeText(n->before, n->after).starts_with("y -> m, no longer locked"));

        ch = c.set("SELECTOR", "n");
        QCOMPARE(names(ch.node(c.sym("HELPER"))->causes), QStringList{QStringLiteral("SELECTOR")});
        QCOMPARE(ch.node(c.sym("LIBRARY"))->after.value, std::string("n"));
    }

    void modules()
    {
        Case c = openCase("modules", "base.config");
        ChangeReport ch = c.set("MODULES", "n");
        // DRIVER_EXTRA: its 'depends on DRIVER' became y and MODULES=n makes
        // its m a y; LIB follows USER's select.
        const QList<QPair<const char *, QStringList>> expected = {
            {"DRIVER", {"MODULES"}},
            {"DRIVER_EXTRA", {"DRIVER", "MODULES"}},
            {"USER", {"MODULES"}},
            {"LIB", {"USER"}}};
        for (const auto &[name, causes] : expected) {
            const auto *n = ch.node(c.sym(name));
            QVERIFY2(n, name);
            QCOMPARE(n->before.value, std::string("m"));
            QCOMPARE(n->after.value, std::string("y"));
            QCOMPARE(names(n->causes), causes);
        }
        const Fact *promo = findFact(ch.node(c.sym("DRIVER"))->reasons, Kind::BoolPromotion);
        QVERIFY(promo);
        QCOMPARE(promo->detail, 1); // because MODULES is n
        // 'default m' still gives m (a default's value is not 'm && MODULES'),
        // and m becomes y (conf writes CONFIG_MODULE_DEFAULT=y too).
        const auto *md = ch.node(c.sym("MODULE_DEFAULT"));
        QVERIFY(md);
        QCOMPARE(md->after.value, std::string("y"));
        QVERIFY(findFact(md->reasons, Kind::BoolPromotion));
        QVERIFY(!findFact(md->reasons, Kind::Default));

        SymbolReport r = c.why("DRIVER");
        QVERIFY(r.derivation.modulesOff);
        QCOMPARE(r.derivation.type, SymbolType::Bool);
        QVERIFY(findFact(r.facts, Kind::BoolPromotion));

        const std::vector<Fact> req = c.explainer->requirementsFor(c.sym("DRIVER"), Tristate::Mod);
        QCOMPARE(req.size(), std::size_t(1));
        QCOMPARE(req[0].symbol, c.sym("MODULES"));
        QCOMPARE(req[0].after, Tristate::Yes);
        QVERIFY(req[0].detail & Fact::Settable);

        // MODULES back to y: the user's m counts as m again.
        ch = c.set("MODULES", "y");
        const auto *n = ch.node(c.sym("DRIVER"));
        QVERIFY(n);
        QCOMPARE(n->after.value, std::string("m"));
        promo = findFact(n->reasons, Kind::BoolPromotion);
        QVERIFY(promo);
        QCOMPARE(promo->detail, 2); // no longer promoted
        QCOMPARE(names(n->causes), QStringList{QStringLiteral("MODULES")});
    }

    void choiceSteps_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("chosen");
        QTest::addColumn<int>("step");
        using S = ValueDerivation::ChoiceStep;
        QTest::newRow("default") << "default.config"
                                 << "MODE_B" << int(S::Default);
        QTest::newRow("user") << "user.config"
                              << "MODE_C" << int(S::UserY);
        QTest::newRow("first-unset") << "first-unset.config"
                                     << "MODE_A" << int(S::FirstUnset);
        // Reading a member from .config gives it the highest priority: MODE_B
        // (read last) is first, so MODE_A is the least prioritised visible one.
        QTest::newRow("last-visible") << "last-visible.config"
                                      << "MODE_A" << int(S::LastVisible);
    }

    void choiceSteps()
    {
        QFETCH(QString, config);
        QFETCH(QString, chosen);
        QFETCH(int, step);
        Case c = openCase("choice", qPrintable(config));
        for (const char *member : {"MODE_A", "MODE_B", "MODE_C"}) {
            SymbolReport r = c.why(member);
            QCOMPARE(r.derivation.rule, ValueDerivation::Rule::Choice);
            QCOMPARE(QString::fromStdString(r.derivation.chosen->name), chosen);
            QCOMPARE(int(r.derivation.choiceStep), step);
            QCOMPARE(r.state.value, std::string(chosen == QLatin1String(member) ? "y" : "n"));
            if (r.state.visible == Tristate::No) continue;
            const Fact *f = findFact(r.facts, Kind::ChoiceSelection);
            QVERIFY(f);
            QCOMPARE(f->detail, step);
            QCOMPARE(f->symbol, r.derivation.chosen);
        }
    }

    void choiceChanges()
    {
        Case c = openCase("choice", "default.config");
        ChangeReport ch = c.set("C_POSSIBLE", "y");
        QVERIFY(!ch.node(c.sym("MODE_B"))); // the default still wins
        ch = c.set("MODE_C", "y");
        QCOMPARE(ch.subject, c.sym("MODE_C"));
        QCOMPARE(ch.nodes.front().symbol, c.sym("MODE_C"));
        const auto *b = ch.node(c.sym("MODE_B"));
        QVERIFY(b);
        QCOMPARE(b->after.value, std::string("n"));
        QCOMPARE(names(b->causes), QStringList{QStringLiteral("MODE_C")});
        const Fact *f = findFact(b->reasons, Kind::ChoiceSelection);
        QVERIFY(f);
        QCOMPARE(f->symbol, c.sym("MODE_C"));
        QCOMPARE(f->detail, int(ValueDerivation::ChoiceStep::UserY));

        // Choosing MODE_C set every visible member (MODE_A and MODE_B to n)
        // and moved each to the front in turn: the order is MODE_C, MODE_B,
        // MODE_A. With MODE_C hidden, no member is y and the default MODE_B
        // is n, so the least prioritised visible member wins: MODE_A.
        const auto order = c.config->choicePriority(c.tree->tree->choiceMenuOf(c.sym("MODE_A")));
        QCOMPARE(order,
                 (std::vector<const Symbol *>{c.sym("MODE_C"), c.sym("MODE_B"), c.sym("MODE_A")}));
        ch = c.set("C_POSSIBLE", "n");
        QVERIFY(!ch.node(c.sym("MODE_B")));
        const auto *a = ch.node(c.sym("MODE_A"));
        QVERIFY(a);
        QCOMPARE(a->after.value, std::string("y"));
        f = findFact(a->reasons, Kind::ChoiceSelection);
        QVERIFY(f);
        QCOMPARE(f->symbol, c.sym("MODE_A"));
        QCOMPARE(f->detail, int(ValueDerivation::ChoiceStep::LastVisible));
        QCOMPARE(names(a->causes), QStringList{QStringLiteral("MODE_C")});
        QCOMPARE(names(ch.node(c.sym("MODE_C"))->causes),
                 QStringList{QStringLiteral("C_POSSIBLE")});
    }

    void range()
    {
        Case c = openCase("range", "base.config");
        SymbolReport r = c.why("COUNT");
        QCOMPARE(r.state.value, std::string("8"));
        QCOMPARE(r.derivation.unclamped, std::string("16"));
        const Fact *clamp = findFact(r.facts, Kind::RangeClamp);
        QVERIFY(clamp);
        QCOMPARE(clamp->symbol, c.sym("MAX"));
        QCOMPARE(where(clamp->location), QStringLiteral("Kconfig:11"));
        QCOMPARE(clamp->valueBefore, std::string("16"));
        QCOMPARE(clamp->valueAfter, std::string("8"));

        r = c.why("ADDRESS");
        QCOMPARE(r.state.value, std::string("0x10"));
        QVERIFY(findFact(r.facts, Kind::RangeClamp));

        r = c.why("LEVEL");
        QCOMPARE(r.state.value, std::string("50"));
        QVERIFY(!findFact(r.facts, Kind::RangeClamp));
        QCOMPARE(where(r.derivation.range->location), QStringLiteral("Kconfig:25"));

        ChangeReport ch = c.set("MAX", "32");
        const auto *n = ch.node(c.sym("COUNT"));
        QVERIFY(n);
        QCOMPARE(n->after.value, std::string("16"));
        QCOMPARE(names(n->causes), QStringList{QStringLiteral("MAX")});

        ch = c.set("NARROW", "y");
        n = ch.node(c.sym("LEVEL"));
        QVERIFY(n);
        QCOMPARE(n->after.value, std::string("4"));
        QCOMPARE(names(n->causes), QStringList{QStringLiteral("NARROW")});
        clamp = findFact(n->reasons, Kind::RangeClamp);
        QVERIFY(clamp);
        QCOMPARE(where(clamp->location), QStringLiteral("Kconfig:24"));

        // A user value above the range is clamped too, and follows the bound.
        Case u = openCase("range", "user.config");
        r = u.why("COUNT");
        QCOMPARE(r.derivation.rule, ValueDerivation::Rule::UserValue);
        QCOMPARE(r.state.value, std::string("8"));
        QVERIFY(findFact(r.facts, Kind::RangeClamp));
        ch = u.set("MAX", "12");
        n = ch.node(u.sym("COUNT"));
        QVERIFY(n);
        QCOMPARE(n->after.value, std::string("12"));
        QCOMPARE(names(n->causes), QStringList{QStringLiteral("MAX")});
        QVERIFY(!n->reasons.empty());
    }

    void undefinedSymbols()
    {
        Case c = openCase("undefined", "base.config");
        SymbolReport r = c.why("NOT_DEFINED_ANYWHERE");
        QCOMPARE(r.derivation.rule, ValueDerivation::Rule::Undefined);
        QCOMPARE(kinds(r.facts), QList<int>{int(Kind::Undefined)});
        QCOMPARE(c.config->tristate(c.sym("NOT_DEFINED_ANYWHERE")), Tristate::No);

        const std::vector<Fact> req =
            c.explainer->requirementsFor(c.sym("USES_UNDEFINED"), Tristate::Yes);
        QCOMPARE(req.size(), std::size_t(1));
        QCOMPARE(req[0].detail, 2); // the expression must hold: one of two ways
        QCOMPARE(req[0].children.size(), std::size_t(2));
        QCOMPARE(req[0].children[0].symbol, c.sym("NOT_DEFINED_ANYWHERE"));
        QVERIFY(!(req[0].children[0].detail & Fact::Settable));
        QCOMPARE(req[0].children[1].symbol, c.sym("OTHER"));
        QVERIFY(req[0].children[1].detail & Fact::Settable);
    }

    void writtenDependencyLines()
    {
        Case c = openCase("attribution", "base.config");
        using K = WrittenDependency::Kind;
        const Symbol *optA = c.sym("OPT_A");
        QCOMPARE(optA->menus.size(), std::size_t(2));
        const auto lines = [](const std::vector<WrittenDependency> &deps) {
            QStringList out;
            for (const WrittenDependency &d : deps)
                out << QStringLiteral("%1 %2").arg(int(d.kind)).arg(where(d.location));
            return out;
        };
        const QString promptIf = QString::number(int(K::PromptIf));
        const QString menuDep = QString::number(int(K::MenuDependsOn));
        const QString visibleIf = QString::number(int(K::VisibleIf));
        const QString ifBlock = QString::number(int(K::IfBlock));
        QCOMPARE(lines(writtenDependencies(optA->menus[0], true)),
                 (QStringList{promptIf + " Kconfig:28", menuDep + " Kconfig:24",
                              visibleIf + " Kconfig:25", ifBlock + " Kconfig:21"}));
        QCOMPARE(lines(writtenDependencies(optA->menus[0], false)),
                 (QStringList{menuDep + " Kconfig:24", ifBlock + " Kconfig:21"}));
        QCOMPARE(lines(writtenDependencies(optA->menus[1], true)),
                 (QStringList{QString::number(int(K::DependsOn)) + " sub/Kconfig:6"}));
        const Symbol *mode1 = c.sym("MODE_1");
        QCOMPARE(lines(writtenDependencies(mode1->menus[0], false)),
                 (QStringList{QString::number(int(K::ChoiceDependsOn)) + " Kconfig:35",
                              ifBlock + " Kconfig:21"}));

        // Hidden by 'visible if SHOW', 'prompt if SHOW_A' and, for the second
        // definition, 'depends on OTHER_FEATURE'; the default still applies.
        SymbolReport r = c.why("OPT_A");
        QCOMPARE(r.state.value, std::string("y"));
        QCOMPARE(r.state.visible, Tristate::No);
        const Fact *ignored = findFact(r.facts, Kind::UserIgnored);
        QVERIFY(ignored);
        QStringList shown;
        for (const Fact &l : ignored->children[0].children)
            shown << where(l.location);
        QCOMPARE(shown, (QStringList{"Kconfig:28", "Kconfig:25", "sub/Kconfig:6"}));

        // DEBUG=n hides the menu (Kconfig:24) and the choice (Kconfig:35).
        c.set("SHOW", "y");
        c.set("SHOW_A", "y");
        ChangeReport ch = c.set("DEBUG", "n");
        const auto *n = ch.node(optA);
        QVERIFY(n);
        const Fact *vis = findFact(n->reasons, Kind::Visibility);
        QVERIFY(vis);
        QCOMPARE(vis->children.size(), std::size_t(1));
        QCOMPARE(where(vis->children[0].location), QStringLiteral("Kconfig:24"));
        n = ch.node(mode1);
        QVERIFY(n);
        vis = findFact(n->reasons, Kind::Visibility);
        QVERIFY(vis);
        QCOMPARE(where(vis->children[0].location), QStringLiteral("Kconfig:35"));
        QCOMPARE(vis->children[0].detail, int(K::ChoiceDependsOn));
    }

    void requirements()
    {
        Case c = openCase("requirements", "base.config");
        // DRIVER: DRIVER_BASE (hidden: needs NET, settable) and PCI (hidden:
        // needs HAS_IOMEM, which has no prompt).
        std::vector<Fact> req = c.explainer->requirementsFor(c.sym("DRIVER"), Tristate::Yes);
        QCOMPARE(req.size(), std::size_t(2));
        QCOMPARE(req[0].symbol, c.sym("DRIVER_BASE"));
        QCOMPARE(req[0].detail, 0);
        QCOMPARE(req[0].before, Tristate::No);
        QCOMPARE(where(req[0].location), QStringLiteral("Kconfig:27"));
        QCOMPARE(req[0].children.size(), std::size_t(1));
        QCOMPARE(req[0].children[0].symbol, c.sym("NET"));
        QVERIFY(req[0].children[0].detail & Fact::Settable);
        QCOMPARE(req[1].symbol, c.sym("PCI"));
        QVERIFY(!(req[1].detail & Fact::Settable));
        QCOMPARE(req[1].children.size(), std::size_t(1));
        QCOMPARE(req[1].children[0].symbol, c.sym("HAS_IOMEM"));
        QVERIFY(!(req[1].children[0].detail & Fact::Settable));
        // HAS_IOMEM has no prompt: nothing the user can set.
        QCOMPARE(req[1].children[0].children.size(), std::size_t(1));
        QCOMPARE(req[1].children[0].children[0].detail, 4);
        // DRIVER is a bool while MODULES is n: its needs are at least y.
        QCOMPARE(req[0].after, Tristate::Yes);
        QCOMPARE(req[0].children[0].after, Tristate::Yes);

        req = c.explainer->requirementsFor(c.sym("WITHOUT_X"), Tristate::Yes);
        QCOMPARE(req.size(), std::size_t(1));
        QCOMPARE(req[0].symbol, c.sym("X"));
        QCOMPARE(req[0].detail, 1 | Fact::Settable); // at most n, settable
        QCOMPARE(req[0].after, Tristate::No);

        req = c.explainer->requirementsFor(c.sym("FORCED"), Tristate::No);
        QCOMPARE(req.size(), std::size_t(1));
        QCOMPARE(req[0].symbol, c.sym("SELECTOR"));
        QCOMPARE(req[0].detail, 3);

        req = c.explainer->requirementsFor(c.sym("MODULAR"), Tristate::Mod);
        QCOMPARE(req.size(), std::size_t(1));
        QCOMPARE(req[0].symbol, c.sym("MODULES"));
        QVERIFY(c.explainer->requirementsFor(c.sym("MODULAR"), Tristate::Yes).empty());

        // The requirements are what it takes: meeting them makes it possible.
        c.set("NET", "y");
        QVERIFY(!c.explainer->requirementsFor(c.sym("DRIVER_BASE"), Tristate::Yes).size());
        c.set("X", "n");
        QVERIFY(c.explainer->requirementsFor(c.sym("WITHOUT_X"), Tristate::Yes).empty());
    }

    void changeCauses()
    {
        Case c = openCase("changes", "base.config");
        ChangeReport ch = c.set("X", "m");
        QCOMPARE(ch.subject, c.sym("X"));
        QVERIFY(ch.nodes.front().isSubject);
        const auto causes = [&](const char *name) {
            const auto *n = ch.node(c.sym(name));
            return n ? names(n->causes) : QStringList{QStringLiteral("<unchanged>")};
        };
        QCOMPARE(causes("Y"), QStringList{QStringLiteral("X")});
        // Neither X nor Y alone would show NEEDS_BOTH: both are causes.
        QCOMPARE(causes("NEEDS_BOTH"), (QStringList{QStringLiteral("X"), QStringLiteral("Y")}));
        // '(Y && Q) || X': Y changed too, but only X matters while Q is n.
        QCOMPARE(causes("NEEDS_ONE"), QStringList{QStringLiteral("X")});
        // 'X || Y': each is enough alone.
        QCOMPARE(causes("NEEDS_ANY"), (QStringList{QStringLiteral("X"), QStringLiteral("Y")}));
        QCOMPARE(causes("LOCKED"), QStringList{QStringLiteral("X")});
        QCOMPARE(causes("CAPPED"), QStringList{QStringLiteral("X")});
        // 'if CAPPED' went from y to m, which did not make SHOWS_UP visible.
        QCOMPARE(causes("SHOWS_UP"), QStringList{QStringLiteral("X")});
        // !X is m, and a bool visible at m is visible: GOES_AWAY stays.
        QCOMPARE(causes("GOES_AWAY"), QStringList{QStringLiteral("<unchanged>")});

        const auto *locked = ch.node(c.sym("LOCKED"));
        QVERIFY(stateChangeText(locked->before, locked->after)
                    .starts_with("stays y, no longer locked"));
        const Fact *sel = findFact(locked->reasons, Kind::Selected);
        QVERIFY(sel);
        QCOMPARE(sel->children.size(), std::size_t(1));
        QCOMPARE(sel->children[0].after, Tristate::No);
        QCOMPARE(c.line(*sel, ch.before.get()),
                 std::string("'select LOCKED if X=n' in HOLDER (Kconfig:38) stopped applying."));

        // Every node follows one of its causes (or is the subject).
        QSet<const Symbol *> placed;
        for (const auto &n : ch.nodes) {
            bool follows = n.isSubject;
            for (const Symbol *s : n.causes)
                follows = follows || placed.contains(s);
            QVERIFY2(follows, n.symbol->name.c_str());
            placed.insert(n.symbol);
        }
        QCOMPARE(ch.effectsOf(c.sym("Y")).size(), std::size_t(2)); // NEEDS_BOTH, NEEDS_ANY

        ch = c.set("X", "y");
        const auto *g = ch.node(c.sym("GOES_AWAY"));
        QVERIFY(g);
        QVERIFY(stateChangeText(g->before, g->after).starts_with("y -> n, now hidden"));
        QCOMPARE(causes("CAPPED"), QStringList{QStringLiteral("X")});

        ch = c.set("X", "n");
        locked = ch.node(c.sym("LOCKED"));
        QVERIFY(locked);
        QVERIFY(stateChangeText(locked->before, locked->after).starts_with("stays y, now locked"));
        QCOMPARE(ch.node(c.sym("GOES_AWAY"))->after.value, std::string("y"));

        ch = c.set("Q", "n");
        QVERIFY(ch.nodes.empty());
        QCOMPARE(renderChangeReport(ch, *c.config),
                 std::string("Q n -> n: nothing else changed.\n"));
    }

    void valuesReadWithoutSubject()
    {
        // A .config read over the session: no symbol was acted on, so the
        // new user values are reasons of their own ("user value: ...").
        Case c = openCase("select", "base.config");
        const Symbol *cond = c.sym("COND");
        const std::vector<std::pair<const Symbol *, UserValue>> userBefore{
            {cond, UserValue{true, Tristate::Yes, c.config->userString(cond)}}};
        c.config->clearLastChanges();
        c.config->setUserTristateRaw(cond, Tristate::No);
        c.config->update({cond});
        const ChangeReport ch = c.explainer->explainChanges("load other.config", nullptr,
                                                            c.config->lastChanges(), userBefore);
        const auto *n = ch.node(cond);
        QVERIFY(n);
        const Fact *user = findFact(n->reasons, Kind::UserValue);
        QVERIFY(user);
        QCOMPARE(user->detail, 1);
        QVERIFY(user->causes.empty());
        const std::string text = renderChangeReport(ch, *c.config);
        QVERIFY2(text.starts_with("load other.config\n  COND: y -> n\n    user value: y -> n.\n"),
                 text.c_str());
        // LIBRARY follows COND as in an action on COND.
        QVERIFY2(text.find("    LIBRARY: y -> m, no longer locked, now selected at m (was y)\n") !=
                     std::string::npos,
                 text.c_str());
    }

    void blockedValues()
    {
        Case c = openCase("select", "base.config");
        // LIBRARY: locked at y by COND_SELECTOR (and at m by SELECTOR).
        auto blocked = c.explainer->blockedValues(c.sym("LIBRARY"));
        QCOMPARE(blocked.size(), std::size_t(2));
        QCOMPARE(blocked[0].value, Tristate::Mod);
        QCOMPARE(blocked[1].value, Tristate::No);
        QCOMPARE(blocked[1].requirements.size(), std::size_t(2)); // both selectors must stop
        // HELPER: no prompt, selected at y; n needs SELECTOR to stop.
        blocked = c.explainer->blockedValues(c.sym("HELPER"));
        QCOMPARE(blocked.size(), std::size_t(1));
        QCOMPARE(blocked[0].value, Tristate::No);
        // DEP can take every value: nothing is blocked.
        QVERIFY(c.explainer->blockedValues(c.sym("DEP")).empty());

        // Without a prompt, the selects that could give a value are named,
        // each with what it needs.
        c.set("SELECTOR", "n");
        const auto reqs = c.explainer->requirementsFor(c.sym("HELPER"), Tristate::Yes);
        QCOMPARE(reqs.size(), std::size_t(1));
        QCOMPARE(reqs[0].detail, 4);
        QCOMPARE(reqs[0].children.size(), std::size_t(1));
        const Fact &way = reqs[0].children[0];
        QCOMPARE(way.detail, 7);
        QCOMPARE(way.symbol, c.sym("SELECTOR"));
        QCOMPARE(where(way.location), QStringLiteral("Kconfig:19"));
        QCOMPARE(way.children.size(), std::size_t(1));
        QCOMPARE(way.children[0].symbol, c.sym("SELECTOR"));
        QCOMPARE(way.children[0].after, Tristate::Mod); // a select at m makes a bool y
        QVERIFY(way.children[0].detail & Fact::Settable);
    }

    void effectsFollowTheirFirstCause()
    {
        // Choosing PPC64 on the demo tree: HAVE_CMPXCHG_DOUBLE is selected
        // by X86 ('select' in X86, whose condition names X86_64 too); it is
        // listed below X86, not next to it below X86_64.
        QString error;
        auto tree = loadSmallTree(demoDir(), &error);
        QVERIFY2(tree, qPrintable(error));
        auto config = readConfig(*tree, demoDir() + QStringLiteral("/.config"));
        QVERIFY(config);
        Explainer explainer(*tree->tree, *config);
        const AppliedChange c = applyAssignment(*config, tree->sym("PPC64"), "y");
        QVERIFY2(c.ok, c.error.c_str());
        const ChangeReport ch = explainer.explainChanges(c.description, c.subject, c.changes,
                                                         c.userBefore, c.priorityBefore);
        const auto *cmpxchg = ch.node(tree->sym("HAVE_CMPXCHG_DOUBLE"));
        QVERIFY(cmpxchg);
        QCOMPARE(cmpxchg->causes.front(), tree->sym("X86"));
        const auto position = [&](const char *name) {
            for (std::size_t i = 0; i < ch.nodes.size(); ++i)
                if (ch.nodes[i].symbol == tree->sym(name)) return int(i);
            return -1;
        };
        QVERIFY(position("X86") >= 0);
        QVERIFY(position("X86") < position("HAVE_CMPXCHG_DOUBLE"));
        const std::string text = renderChangeReport(ch, *config);
        const std::size_t x86 = text.find("\n    X86: y -> n\n");
        QVERIFY2(x86 != std::string::npos, text.c_str());
        QVERIFY2(text.find("\n      HAVE_CMPXCHG_DOUBLE: y -> n", x86) != std::string::npos,
                 text.c_str());
        // Every node still follows one of its causes.
        QSet<const Symbol *> placed;
        for (const auto &n : ch.nodes) {
            bool follows = n.isSubject;
            for (const Symbol *s : n.causes)
                follows = follows || placed.contains(s);
            QVERIFY2(follows, n.symbol->name.c_str());
            placed.insert(n.symbol);
        }
    }
};

QTEST_GUILESS_MAIN(TestExplainer)
#include "tst_explainer.moc"
