// SPDX-License-Identifier: MIT
// The symbol page on a small tree: its text for symbols with selects,
// implies, defaults, ranges and two definitions, choices, comments and
// menus; live refresh after value changes; and the links, clicked for real.
#include "configdocument.h"
#include "symbolpage.h"

#include <kconfig/menunode.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>

#include <QApplication>
#include <QClipboard>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QUndoStack>

using namespace kconfig;

namespace {

struct Anchor
{
    QString href;
    QString text;
    int position;
};

QList<Anchor> anchors(const QTextDocument *doc)
{
    QList<Anchor> out;
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if (f.isValid() && f.charFormat().isAnchor())
                out.append(Anchor{f.charFormat().anchorHref(), f.text(), f.position()});
        }
    }
    return out;
}

} // namespace

class TestSymbolPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void symbolWithRelations();
    void multipleDefinitionsDefaultsAndRanges();
    void visibleIfOnlyWhenDifferent();
    void reverseDependencies();
    void helpTextLinks();
    void choicePage();
    void commentAndMenuPages();
    void symbolLinkNavigates();
    void sourceLinkOpensSource();
    void locationLinkOpensMenu();
    void refreshesAfterValueChanges();
    void userValueDifferentFromValue();
    void copyGivesPlainText();
    void followsPalette();
    void clearsOnNull();

private:
    const MenuNode *menuOf(const char *name, int definition = 0) const
    {
        const Symbol *s = m_doc->tree()->symbols().find(name);
        return s ? s->menus.at(std::size_t(definition)) : nullptr;
    }
    const MenuNode *menuWithPrompt(const QString &prompt) const
    {
        for (const MenuNode &m : m_doc->tree()->menus())
            if (m.promptText() && QString::fromStdString(*m.promptText()) == prompt) return &m;
        return nullptr;
    }
    // Clicks the first link whose text is `text` (and href starts with `scheme`).
    bool clickLink(const QString &text, const QString &scheme);

    ConfigDocument *m_doc = nullptr;
    SymbolPage *m_page = nullptr;
};

void TestSymbolPage::initTestCase()
{
    m_doc = new ConfigDocument(this);
    QSignalSpy loaded(m_doc, &ConfigDocument::loaded);
    OpenRequest request;
    request.path = QStringLiteral(KCS_TEST_DATA_DIR "/pages/basic");
    request.configFile = QStringLiteral("/nonexistent/pages.config");
    m_doc->open(request);
    QVERIFY(loaded.wait(30000));
    m_page = new SymbolPage(m_doc);
    m_page->resize(700, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
}

bool TestSymbolPage::clickLink(const QString &text, const QString &scheme)
{
    for (const Anchor &a : anchors(m_page->document())) {
        if (a.text != text || !a.href.startsWith(scheme)) continue;
        QTextCursor c(m_page->document());
        c.setPosition(a.position + 1);
        m_page->setTextCursor(c);
        m_page->ensureCursorVisible();
        const QRect r = m_page->cursorRect(c);
        QTest::mouseClick(m_page->viewport(), Qt::LeftButton, Qt::NoModifier,
                          QPoint(r.left() + 1, r.center().y()));
        return true;
    }
    return false;
}

void TestSymbolPage::symbolWithRelations()
{
    m_page->showMenu(menuOf("DEVICE_CORE"));
    const QString text = m_page->plainText();
    QVERIFY2(text.startsWith(QStringLiteral("Symbol: DEVICE_CORE [=m]\n"
                                            "Type  : tristate\n"
                                            "Value : m\n"
                                            "Prompt: Device core\n"
                                            "\n"
                                            "The core of the device model.\n"
                                            "\n"
                                            "Say M unless you know better.\n")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Defined at Kconfig:21\n"
                                          "  Prompt: Device core\n"
                                          "  Depends on: BUS [=y]\n"
                                          "  Location:\n"
                                          "    -> Drivers\n"
                                          "      -> Bus support (BUS [=y])\n"
                                          "        -> Device core (DEVICE_CORE [=m])\n"
                                          "Selects:\n"
                                          "  - HELPER [=y]\n"
                                          "  - EXTRA [=m] if WIDE [=y]\n"
                                          "Implies:\n"
                                          "  - OPTIONAL_FEATURE [=m]\n"
                                          "Defaults:\n"
                                          "  * m  (active)\n")),
             qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("Visible if")));

    // The HTML shows the same facts, with symbol and file:line links.
    const QString shown = m_page->document()->toPlainText();
    QVERIFY(shown.contains(QStringLiteral("DEVICE_CORE")));
    QVERIFY(shown.contains(QStringLiteral("BUS [=y]")));
    QVERIFY(shown.contains(QStringLiteral("\u2714 active")));
    QStringList hrefs;
    for (const Anchor &a : anchors(m_page->document()))
        hrefs << a.text;
    QVERIFY(hrefs.contains(QStringLiteral("HELPER")));
    QVERIFY(hrefs.contains(QStringLiteral("OPTIONAL_FEATURE")));
    QVERIFY(hrefs.contains(QStringLiteral("Kconfig:21")));
    QVERIFY(hrefs.contains(QStringLiteral("Kconfig:24"))); // the select's own line
}

void TestSymbolPage::multipleDefinitionsDefaultsAndRanges()
{
    m_page->showMenu(menuOf("COUNT"));
    const QString text = m_page->plainText();
    QVERIFY2(text.contains(QStringLiteral("Defined at Kconfig:59\n")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Defined at Kconfig.more:2\n")), qPrintable(text));
    // Source order over both definitions; the first whose condition holds wins.
    QVERIFY2(text.contains(QStringLiteral("Defaults:\n"
                                          "    4 if EXPERT [=n]\n"
                                          "  * 16  (active)\n"
                                          "    2\n"
                                          "Ranges:\n"
                                          "    1 8 if !WIDE [=y]\n"
                                          "  * 1 64  (active)\n")),
             qPrintable(text));
    const QString shown = m_page->document()->toPlainText();
    QVERIFY(shown.contains(QStringLiteral("definition 1 of 2")));
    QVERIFY(shown.contains(QStringLiteral("definition 2 of 2")));
    QCOMPARE(shown.count(QStringLiteral("\u2714 active")), 2); // one default, one range
}

void TestSymbolPage::visibleIfOnlyWhenDifferent()
{
    m_page->showMenu(menuOf("WIDE"));
    QVERIFY2(m_page->plainText().contains(QStringLiteral("  Prompt: Wide\n"
                                                         "  Visible if: EXPERT [=n]\n")),
             qPrintable(m_page->plainText()));
    QVERIFY(m_page->plainText().contains(QStringLiteral("State : hidden")));
    m_page->showMenu(menuOf("BUS"));
    QVERIFY(!m_page->plainText().contains(QStringLiteral("Visible if")));
}

void TestSymbolPage::reverseDependencies()
{
    m_page->showMenu(menuOf("HELPER"));
    QString text = m_page->plainText();
    QVERIFY2(text.contains(QStringLiteral("Selected by [m]:\n"
                                          "  - DEVICE_CORE [=m] && BUS [=y]\n")),
             qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("Selected by [y]")));
    // Its second definition depends on EXPERT=n, the select still holds it.
    QVERIFY(text.contains(QStringLiteral("Warning: unmet direct dependencies")));
    QVERIFY(text.contains(QStringLiteral("selected (at least y)")));

    m_page->showMenu(menuOf("OPTIONAL_FEATURE"));
    text = m_page->plainText();
    QVERIFY2(text.contains(QStringLiteral("Implied by [m]:\n"
                                          "  - DEVICE_CORE [=m] && BUS [=y]\n")),
             qPrintable(text));
}

void TestSymbolPage::helpTextLinks()
{
    m_page->showMenu(menuOf("BUS"));
    QStringList hrefs;
    for (const Anchor &a : anchors(m_page->document()))
        hrefs << a.href;
    QVERIFY(hrefs.contains(QStringLiteral("https://example.org/bus")));
    QVERIFY(hrefs.contains(
        QStringLiteral("kcs-symbol:%1").arg(m_doc->tree()->symbols().find("DEVICE_CORE")->id)));
    // Prose paragraphs reflow into one paragraph.
    QVERIFY(m_page->document()->toPlainText().contains(
        QStringLiteral("DEVICE_CORE builds on it; see https://example.org/bus")));
}

void TestSymbolPage::choicePage()
{
    m_page->showMenu(menuWithPrompt(QStringLiteral("Mode")));
    const QString text = m_page->plainText();
    QVERIFY2(text.startsWith(QStringLiteral("Choice: Mode\nSelected: MODE_B\n")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Members:\n"
                                          "  ( ) MODE_A - Mode A\n"
                                          "  (X) MODE_B - Mode B (default)\n")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("  * MODE_B [=y]  (active)\n")));

    m_page->showMenu(menuOf("MODE_A"));
    QVERIFY(m_page->plainText().contains(QStringLiteral("Choice: Mode\n")));
}

void TestSymbolPage::commentAndMenuPages()
{
    m_page->showMenu(menuWithPrompt(QStringLiteral("Only for experts")));
    QCOMPARE(m_page->plainText(), QStringLiteral("Comment: Only for experts\n"
                                                 "\n"
                                                 "Defined at Kconfig:66\n"
                                                 "  Depends on: EXPERT [=n]\n"
                                                 "  Location:\n"
                                                 "    -> Drivers\n"
                                                 "      -> Only for experts\n"));
    m_page->showMenu(menuWithPrompt(QStringLiteral("Drivers")));
    QVERIFY2(
        m_page->plainText().startsWith(QStringLiteral("Menu: Drivers\n\nDefined at Kconfig:12\n")),
        qPrintable(m_page->plainText()));
}

void TestSymbolPage::symbolLinkNavigates()
{
    m_page->showMenu(menuOf("DEVICE_CORE"));
    QSignalSpy spy(m_page, &SymbolPage::symbolActivated);
    QVERIFY(clickLink(QStringLiteral("HELPER"), QStringLiteral("kcs-symbol:")));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.first().first().value<const Symbol *>(), m_doc->tree()->symbols().find("HELPER"));
}

void TestSymbolPage::sourceLinkOpensSource()
{
    m_page->showMenu(menuOf("COUNT"));
    QSignalSpy spy(m_page, &SymbolPage::sourceRequested);
    QVERIFY(clickLink(QStringLiteral("Kconfig.more:2"), QStringLiteral("kcs-source:")));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.first().at(0).toString(), QStringLiteral("Kconfig.more"));
    QCOMPARE(spy.first().at(1).toInt(), 2);
}

void TestSymbolPage::locationLinkOpensMenu()
{
    m_page->showMenu(menuOf("DEVICE_CORE"));
    QSignalSpy spy(m_page, &SymbolPage::menuActivated);
    QVERIFY(clickLink(QStringLiteral("Drivers"), QStringLiteral("kcs-menu:")));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.first().first().value<const MenuNode *>(),
             menuWithPrompt(QStringLiteral("Drivers")));
}

void TestSymbolPage::refreshesAfterValueChanges()
{
    const Symbol *expert = m_doc->tree()->symbols().find("EXPERT");
    m_page->showMenu(menuOf("COUNT"));
    QVERIFY(m_doc->setTristate(expert, Tristate::Yes));
    QVERIFY2(m_page->plainText().contains(QStringLiteral("  * 4 if EXPERT [=y]  (active)\n"
                                                         "    16\n")),
             qPrintable(m_page->plainText()));
    m_doc->undoStack()->undo();
    QVERIFY(m_page->plainText().contains(QStringLiteral("  * 16  (active)\n")));
}

void TestSymbolPage::userValueDifferentFromValue()
{
    const Symbol *core = m_doc->tree()->symbols().find("DEVICE_CORE");
    const Symbol *limited = m_doc->tree()->symbols().find("LIMITED");
    m_page->showMenu(menuOf("LIMITED"));
    QVERIFY(m_doc->setTristate(core, Tristate::Yes));
    QVERIFY(m_doc->setTristate(limited, Tristate::Yes));
    QVERIFY(m_page->plainText().contains(QStringLiteral("Value : y\n")));
    // The dependency drops to m: the value follows, the user's y stays.
    QVERIFY(m_doc->setTristate(core, Tristate::Mod));
    QVERIFY2(m_page->plainText().contains(QStringLiteral("Value : m (you set y)\n")),
             qPrintable(m_page->plainText()));
    QVERIFY(m_page->document()->toPlainText().contains(QStringLiteral("you set y")));
    while (m_doc->undoStack()->canUndo())
        m_doc->undoStack()->undo();
    QVERIFY(m_page->plainText().contains(QStringLiteral("Value : n\n")));
}

void TestSymbolPage::copyGivesPlainText()
{
    m_page->showMenu(menuOf("DEVICE_CORE"));
    m_page->copyAll();
    QClipboard *clipboard = QApplication::clipboard();
    if (clipboard->text().isEmpty()) QSKIP("no clipboard on this platform");
    QCOMPARE(clipboard->text(), m_page->plainText());
    // The shortcut copies the page too.
    clipboard->clear();
    m_page->showMenu(menuOf("COUNT"));
    m_page->setFocus();
    QTest::keyClick(m_page, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(clipboard->text(), m_page->plainText());
}

void TestSymbolPage::followsPalette()
{
    m_page->showMenu(menuOf("DEVICE_CORE"));
    QPalette dark = m_page->palette();
    dark.setColor(QPalette::Base, QColor(0x1e1f22));
    dark.setColor(QPalette::Text, QColor(0xdfe1e5));
    m_page->setPalette(dark);
    QVERIFY(m_page->document()->defaultStyleSheet().contains(QStringLiteral("#dfe1e5")));
    QVERIFY(m_page->plainText().startsWith(QStringLiteral("Symbol: DEVICE_CORE")));
    m_page->setPalette(QPalette());
}

void TestSymbolPage::clearsOnNull()
{
    m_page->showMenu(menuOf("DEVICE_CORE"));
    m_page->showMenu(nullptr);
    QVERIFY(m_page->plainText().isEmpty());
    QVERIFY(m_page->document()->isEmpty());
}

QTEST_MAIN(TestSymbolPage)
#include "tst_symbolpage.moc"
