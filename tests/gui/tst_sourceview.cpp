// SPDX-License-Identifier: MIT
// The source view on a small tree: the definition's file, scrolled to and
// highlighted; switching between a symbol's definitions with the keyboard;
// locations inside an entry; highlighting of tricky lines; Ctrl+click on a
// symbol name.
#include "configdocument.h"
#include "kconfighighlighter.h"
#include "sourceview.h"

#include <kconfig/menunode.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>

#include <QComboBox>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace kconfig;

class TestSourceView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void showsDefinitionScrolledAndMarked();
    void switchesDefinitionsWithKeyboard();
    void locationInsideAnEntry();
    void locationOutsideEntries();
    void menuWithoutSymbol();
    void highlighting_data();
    void highlighting();
    void highlightingFollowsPalette();
    void builtInHighlighterAcrossLines();
    void ctrlClickNavigates();
    void missingFile();

private:
    const MenuNode *menuOf(const char *name, int definition = 0) const
    {
        const Symbol *s = m_doc->tree()->symbols().find(name);
        return s ? s->menus.at(std::size_t(definition)) : nullptr;
    }
    int firstVisibleLine() const
    {
        return m_view->editor()->cursorForPosition(QPoint(0, 0)).blockNumber() + 1;
    }
    bool lineVisible(int line) const
    {
        const QTextBlock block = m_view->editor()->document()->findBlockByNumber(line - 1);
        const QRect r = m_view->editor()->cursorRect(QTextCursor(block));
        return r.top() >= 0 && r.bottom() <= m_view->editor()->viewport()->height();
    }
    // Viewport position of the middle of `word` on `line`.
    QPoint wordPosition(int line, const QString &word) const
    {
        const QTextBlock block = m_view->editor()->document()->findBlockByNumber(line - 1);
        const int column = block.text().indexOf(word);
        QTextCursor c(block);
        c.setPosition(block.position() + column + int(word.size()) / 2);
        return m_view->editor()->cursorRect(c).center();
    }

    ConfigDocument *m_doc = nullptr;
    SourceView *m_view = nullptr;
};

void TestSourceView::initTestCase()
{
    m_doc = new ConfigDocument(this);
    QSignalSpy loaded(m_doc, &ConfigDocument::loaded);
    OpenRequest request;
    request.path = QStringLiteral(KCS_TEST_DATA_DIR "/pages/basic");
    request.configFile = QStringLiteral("/nonexistent/pages.config");
    m_doc->open(request);
    QVERIFY(loaded.wait(30000));
    m_view = new SourceView(m_doc);
    m_view->resize(700, 300); // shorter than the file: scrolling matters
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void TestSourceView::showsDefinitionScrolledAndMarked()
{
    m_view->showMenu(menuOf("COUNT"));
    QCOMPARE(m_view->currentFile(), QStringLiteral("Kconfig"));
    QCOMPARE(m_view->currentLine(), 59);
    QCOMPARE(m_view->highlightedLine(), 59);
    QCOMPARE(m_view->highlightedLineCount(), 6); // config .. default 16
    QCOMPARE(m_view->definitionSelector()->count(), 2);
    QVERIFY(m_view->definitionSelector()->itemText(0).startsWith(QStringLiteral("Kconfig:59")));
    QVERIFY(m_view->definitionSelector()->itemText(1).startsWith(QStringLiteral("Kconfig.more:2")));
    QCOMPARE(m_view->definitionSelector()->currentIndex(), 0);
    QVERIFY(m_view->editor()->toPlainText().contains(QStringLiteral("config DEVICE_CORE")));
    QVERIFY(firstVisibleLine() > 1);
    QVERIFY(firstVisibleLine() <= 59);
    QVERIFY(lineVisible(59));
    QCOMPARE(m_view->editor()->extraSelections().size(), 6);
    QCOMPARE(m_view->editor()->textCursor().blockNumber(), 58);
}

void TestSourceView::switchesDefinitionsWithKeyboard()
{
    m_view->showMenu(menuOf("COUNT"));
    QComboBox *selector = m_view->definitionSelector();
    selector->setFocus();
    QTest::keyClick(selector, Qt::Key_Down);
    QCOMPARE(selector->currentIndex(), 1);
    QCOMPARE(m_view->currentFile(), QStringLiteral("Kconfig.more"));
    QCOMPARE(m_view->currentLine(), 2);
    QCOMPARE(m_view->highlightedLineCount(), 3);
    QVERIFY(m_view->editor()->toPlainText().startsWith(QStringLiteral("# SPDX")));
    QVERIFY(lineVisible(2));
    QTest::keyClick(selector, Qt::Key_Up);
    QCOMPARE(m_view->currentFile(), QStringLiteral("Kconfig"));
    QCOMPARE(m_view->currentLine(), 59);
}

void TestSourceView::locationInsideAnEntry()
{
    // `select EXTRA if WIDE` of DEVICE_CORE: the whole entry is marked, the
    // line itself is current.
    m_view->showLocation(QStringLiteral("Kconfig"), 25);
    QCOMPARE(m_view->currentLine(), 25);
    QCOMPARE(m_view->highlightedLine(), 21);
    QCOMPARE(m_view->highlightedLineCount(), 11);
    QCOMPARE(m_view->definitionSelector()->count(), 1);
    QVERIFY(m_view->definitionSelector()->currentText().startsWith(QStringLiteral("Kconfig:21")));
    QCOMPARE(m_view->editor()->textCursor().blockNumber(), 24);
    QVERIFY(lineVisible(25));
}

void TestSourceView::locationOutsideEntries()
{
    m_view->showLocation(QStringLiteral("Kconfig"), 2); // the file's header comment
    QCOMPARE(m_view->currentFile(), QStringLiteral("Kconfig"));
    QCOMPARE(m_view->currentLine(), 2);
    QCOMPARE(m_view->definitionSelector()->count(), 0);
    QCOMPARE(m_view->definitionSelector()->placeholderText(), QStringLiteral("Kconfig:2"));
    QCOMPARE(m_view->highlightedLineCount(), 1);
}

void TestSourceView::menuWithoutSymbol()
{
    const MenuNode *comment = nullptr;
    for (const MenuNode &m : m_doc->tree()->menus())
        if (m.isComment()) comment = &m;
    QVERIFY(comment);
    m_view->showMenu(comment);
    QCOMPARE(m_view->currentLine(), 66);
    QCOMPARE(m_view->highlightedLineCount(), 2);
    QCOMPARE(m_view->definitionSelector()->count(), 1);
}

void TestSourceView::highlighting_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("word");
    QTest::addColumn<int>("kind");

    const auto row = [](const char *name, const char *file, int line, const char *word,
                        SyntaxKind kind) {
        QTest::newRow(name) << QString::fromLatin1(file) << line << QString::fromLatin1(word)
                            << int(kind);
    };
    row("keyword", "Kconfig", 21, "config", SyntaxKind::Keyword);
    row("definition", "Kconfig", 21, "DEVICE_CORE", SyntaxKind::Definition);
    row("type", "Kconfig", 22, "tristate", SyntaxKind::Type);
    row("symbol", "Kconfig", 24, "HELPER", SyntaxKind::Symbol);
    row("constant", "Kconfig", 27, "m", SyntaxKind::Constant);
    row("operator", "Kconfig", 61, "!", SyntaxKind::Operator);
    row("number", "Kconfig", 62, "64", SyntaxKind::Constant);
    row("comment", "Kconfig", 2, "small tree", SyntaxKind::Comment);
    row("help text", "Kconfig", 29, "device model", SyntaxKind::HelpText);
    row("string with both quotes", "Kconfig.more", 13, "single", SyntaxKind::String);
    row("escaped quote", "Kconfig.more", 13, "double", SyntaxKind::String);
    row("macro in string", "Kconfig.more", 14, "greeting", SyntaxKind::Macro);
    row("text after macro", "Kconfig.more", 14, "world", SyntaxKind::String);
    row("assignment variable", "Kconfig.more", 10, "greeting", SyntaxKind::Macro);
    row("hash in help", "Kconfig.more", 16, "not a comment", SyntaxKind::HelpText);
    row("quote in help", "Kconfig.more", 16, "not a string", SyntaxKind::HelpText);
    row("macro in help", "Kconfig.more", 16, "not-a-macro", SyntaxKind::HelpText);
}

void TestSourceView::highlighting()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(QString, word);
    QFETCH(int, kind);
    auto *highlighter = qobject_cast<KconfigHighlighter *>(m_view->highlighter());
    if (!highlighter) QSKIP("KSyntaxHighlighting is in use");
    m_view->showLocation(file, line);
    const QTextBlock block = m_view->editor()->document()->findBlockByNumber(line - 1);
    const int column = block.text().indexOf(word);
    QVERIFY2(column >= 0, qPrintable(block.text()));
    QTextCharFormat found;
    bool covered = false;
    for (const QTextLayout::FormatRange &r : block.layout()->formats()) {
        if (r.start <= column && column + word.size() <= r.start + r.length) {
            found = r.format;
            covered = true;
        }
    }
    QVERIFY2(covered, qPrintable(word));
    const QTextCharFormat expected = highlighter->format(SyntaxKind(kind));
    QCOMPARE(found.foreground().color(), expected.foreground().color());
    QCOMPARE(found.fontWeight(), expected.fontWeight());
}

void TestSourceView::highlightingFollowsPalette()
{
    auto *highlighter = qobject_cast<KconfigHighlighter *>(m_view->highlighter());
    if (!highlighter) QSKIP("KSyntaxHighlighting is in use");
    const QColor light = highlighter->format(SyntaxKind::Keyword).foreground().color();
    QPalette dark = m_view->palette();
    dark.setColor(QPalette::Base, QColor(0x1e1f22));
    m_view->setPalette(dark);
    QVERIFY(highlighter->format(SyntaxKind::Keyword).foreground().color() != light);
    m_view->setPalette(QPalette());
    QCOMPARE(highlighter->format(SyntaxKind::Keyword).foreground().color(), light);
}

void TestSourceView::builtInHighlighterAcrossLines()
{
    // Whatever the view uses, the built-in highlighter carries help blocks
    // from line to line and maps UTF-8 spans onto UTF-16 text.
    QTextDocument document;
    // Without a layout a document reports no content changes to highlighters.
    document.setDocumentLayout(new QPlainTextDocumentLayout(&document));
    KconfigHighlighter highlighter(&document);
    document.setPlainText(QStringLiteral("config A\n"
                                         "\tbool \"caf\u00e9 \u2014 \U0001F600\" if B\n"
                                         "\thelp\n"
                                         "\t  select NOT_A_KEYWORD \"x\"\n"
                                         "\n"
                                         "\t  still help\n"
                                         "\tdefault y\n"));
    const auto formatAt = [&](int line, const QString &word) {
        const QTextBlock block = document.findBlockByNumber(line - 1);
        const int column = block.text().indexOf(word);
        for (const QTextLayout::FormatRange &r : block.layout()->formats())
            if (r.start <= column && column + word.size() <= r.start + r.length)
                return r.format.foreground().color();
        return QColor();
    };
    const QColor help = highlighter.format(SyntaxKind::HelpText).foreground().color();
    const QColor keyword = highlighter.format(SyntaxKind::Keyword).foreground().color();
    QCOMPARE(formatAt(2, QStringLiteral("\U0001F600\"")),
             highlighter.format(SyntaxKind::String).foreground().color());
    QCOMPARE(formatAt(2, QStringLiteral("B")),
             highlighter.format(SyntaxKind::Symbol).foreground().color());
    QCOMPARE(formatAt(4, QStringLiteral("select")), help);
    QCOMPARE(formatAt(6, QStringLiteral("still help")), help);
    QCOMPARE(formatAt(7, QStringLiteral("default")), keyword);
    // Editing a line re-runs the lines below it: the help block ends earlier.
    QTextCursor cursor(document.findBlockByNumber(2));
    cursor.insertText(QStringLiteral("#"));
    QCOMPARE(formatAt(4, QStringLiteral("select")), keyword);
}

void TestSourceView::ctrlClickNavigates()
{
    m_view->showMenu(menuOf("DEVICE_CORE"));
    QSignalSpy spy(m_view, &SourceView::symbolActivated);
    QWidget *viewport = m_view->editor()->viewport();
    const QPoint helper = wordPosition(24, QStringLiteral("HELPER"));
    QTest::mouseClick(viewport, Qt::LeftButton, Qt::NoModifier, helper);
    QCOMPARE(spy.size(), 0); // a plain click only moves the cursor
    QTest::mouseClick(viewport, Qt::LeftButton, Qt::ControlModifier, helper);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.takeFirst().first().value<const Symbol *>(),
             m_doc->tree()->symbols().find("HELPER"));
    // Keywords are not symbols.
    QTest::mouseClick(viewport, Qt::LeftButton, Qt::ControlModifier,
                      wordPosition(24, QStringLiteral("select")));
    QCOMPARE(spy.size(), 0);
    QCOMPARE(m_view->symbolAt(wordPosition(21, QStringLiteral("DEVICE_CORE"))),
             m_doc->tree()->symbols().find("DEVICE_CORE"));
}

void TestSourceView::missingFile()
{
    m_view->showLocation(QStringLiteral("no/such/Kconfig"), 3);
    QVERIFY(
        m_view->editor()->toPlainText().startsWith(QStringLiteral("Cannot read no/such/Kconfig")));
    m_view->showMenu(menuOf("BUS"));
    QCOMPARE(m_view->currentFile(), QStringLiteral("Kconfig"));
    QCOMPARE(m_view->currentLine(), 14);
}

QTEST_MAIN(TestSourceView)
#include "tst_sourceview.moc"
