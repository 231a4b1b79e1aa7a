// SPDX-License-Identifier: MIT
// Menu structure: dependency propagation, if flattening, visible if,
// menuconfig, automatic submenus, multiple definitions, comments and menus in
// .config. Cases live in data/menu/; a menu-tree.expected file holds the menu
// tree a case must produce (hand-written, and consistent with the nesting
// conf's --oldaskconfig output shows). A flattened `if` stays in the tree as an
// empty node followed by its former children, as in the kernel's menu.c.
#include "golden.h"

#include <kconfig/menunode.h>
#include <kconfig/property.h>
#include <kconfig/symbol.h>

#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace kcstest;
using kconfig::MenuNode;
using kconfig::PropertyType;

namespace {

// One line per node: "<kind> [SYMBOL] ["prompt"]", indented two blanks per level.
void dumpMenu(const MenuNode *menu, int depth, QString &out)
{
    for (const MenuNode *m = menu->list; m; m = m->next) {
        QString line(depth * 2, ' ');
        const kconfig::Property *p = m->prompt;
        if (m->sym && m->sym->isChoice())
            line += QStringLiteral("choice");
        else if (m->sym)
            line += (p && p->type == PropertyType::Menu ? QStringLiteral("menuconfig ")
                                                        : QStringLiteral("config ")) +
                    QString::fromStdString(m->sym->name);
        else if (p && p->type == PropertyType::Menu)
            line += QStringLiteral("menu");
        else if (p && p->type == PropertyType::Comment)
            line += QStringLiteral("comment");
        else
            line += QStringLiteral("if");
        if (p) line += QStringLiteral(" \"%1\"").arg(QString::fromStdString(p->text));
        out += line + '\n';
        dumpMenu(m, depth + 1, out);
    }
}

} // namespace

class TestMenu : public QObject
{
    Q_OBJECT

private slots:
    // kconfig-studio-cli reproduces conf's stdout, stderr, exit status and files.
    void cli_data() { addCaseRows(QStringLiteral("menu")); }
    void cli()
    {
        QFETCH(QString, caseDir);
        const QString report = checkCliAgainstExpected(caseDir);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }

    // The same, run twice in one directory: the second run reuses the cached
    // probes and tree.
    void cliWarmCaches_data() { addCaseRows(QStringLiteral("menu")); }
    void cliWarmCaches()
    {
        QFETCH(QString, caseDir);
        const QString report = checkCliWarmCaches(caseDir);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }

    void loading_data() { addCaseRows(QStringLiteral("menu")); }
    void loading()
    {
        QFETCH(QString, caseDir);
        const QString report = checkLoadDiagnostics(caseDir);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }

    // The finalised menu tree (parents, order, flattened ifs, submenus).
    void menuTree_data()
    {
        addCaseRows(QStringLiteral("menu"), [](const CaseSpec &c) {
            return QFileInfo::exists(c.dir + "/menu-tree.expected");
        });
    }
    void menuTree()
    {
        QFETCH(QString, caseDir);
        ApiCase api(loadCase(caseDir));
        QVERIFY(api.load());
        QString dump;
        dumpMenu(api.tree().rootMenu(), 0, dump);
        QFile f(caseDir + "/menu-tree.expected");
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray expected = f.readAll();
        QVERIFY2(dump.toUtf8() == expected,
                 qPrintable(unifiedDiff(expected, dump.toUtf8(), "menu tree")));
        // Parent links agree with the tree walk.
        api.tree().forEachMenu([&](MenuNode *m) {
            for (MenuNode *c = m->list; c; c = c->next)
                QCOMPARE(c->parent, m);
        });
    }
};

QTEST_GUILESS_MAIN(TestMenu)
#include "tst_menu.moc"
