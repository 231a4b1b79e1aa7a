// SPDX-License-Identifier: MIT
// The Kconfig syntax classifier: spans of tricky lines, help blocks across
// lines, definition extents, and agreement with the parser about where every
// help text starts and ends.
#include <kconfig/diagnostic.h>
#include <kconfig/environment.h>
#include <kconfig/menunode.h>
#include <kconfig/sourcefiles.h>
#include <kconfig/syntaxclassifier.h>
#include <kconfig/tree.h>
#include <kconfig/treeloader.h>

#include <QFileInfo>
#include <QTest>

using kconfig::SyntaxClassifier;
using kconfig::SyntaxKind;
using kconfig::SyntaxSpan;

namespace {

const char *kindName(SyntaxKind k)
{
    switch (k) {
    case SyntaxKind::Keyword:
        return "Keyword";
    case SyntaxKind::Type:
        return "Type";
    case SyntaxKind::Symbol:
        return "Symbol";
    case SyntaxKind::Definition:
        return "Definition";
    case SyntaxKind::String:
        return "String";
    case SyntaxKind::Constant:
        return "Constant";
    case SyntaxKind::Operator:
        return "Operator";
    case SyntaxKind::Comment:
        return "Comment";
    case SyntaxKind::HelpText:
        return "HelpText";
    case SyntaxKind::Macro:
        return "Macro";
    case SyntaxKind::Error:
        return "Error";
    }
    return "?";
}

// "Kind(text) Kind(text)" for every line of `text`, classified in order.
QStringList describe(const QString &text)
{
    QStringList out;
    SyntaxClassifier classifier;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const std::string utf8 = line.toStdString();
        QStringList parts;
        for (const SyntaxSpan &s : classifier.classify(utf8))
            parts << QString::fromLatin1(kindName(s.kind)) + QLatin1Char('(') +
                         QString::fromStdString(utf8.substr(s.start, s.length)) + QLatin1Char(')');
        out << parts.join(QLatin1Char(' '));
    }
    return out;
}

std::vector<std::string> nonEmptyTrimmedLines(const std::string &text)
{
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string::npos) eol = text.size();
        const std::string line =
            QString::fromStdString(text.substr(pos, eol - pos)).trimmed().toStdString();
        if (!line.empty()) out.push_back(line);
        pos = eol + 1;
    }
    return out;
}

} // namespace

class TestSyntaxClassifier : public QObject
{
    Q_OBJECT
private slots:
    void lines_data();
    void lines();
    void entryLineCount();
    void stateRoundTrip();
    void helpAgreesWithParser_data();
    void helpAgreesWithParser();
};

void TestSyntaxClassifier::lines_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("config") << QStringLiteral("config FOO_BAR")
                            << QStringList{QStringLiteral("Keyword(config) Definition(FOO_BAR)")};
    QTest::newRow("menuconfig") << QStringLiteral("menuconfig VFIO")
                                << QStringList{
                                       QStringLiteral("Keyword(menuconfig) Definition(VFIO)")};
    QTest::newRow("double quotes with single inside")
        << QStringLiteral("\tbool \"a 'quoted' word\"")
        << QStringList{QStringLiteral("Type(bool) String(\"a 'quoted' word\")")};
    QTest::newRow("single quotes with double inside")
        << QStringLiteral("\tprompt 'say \"hi\"' if FOO")
        << QStringList{
               QStringLiteral("Keyword(prompt) String('say \"hi\"') Keyword(if) Symbol(FOO)")};
    QTest::newRow("escaped quote")
        << QStringLiteral("\tdefault \"a \\\"b\\\" c\" # note")
        << QStringList{
               QStringLiteral("Keyword(default) String(\"a \\\"b\\\" c\") Comment(# note)")};
    QTest::newRow("expression")
        << QStringLiteral("\tdepends on A && !B || (C = \"y\") && D != 0x10 && E >= -3")
        << QStringList{QStringLiteral(
               "Keyword(depends) Keyword(on) Symbol(A) Operator(&&) Operator(!) Symbol(B) "
               "Operator(||) Operator(() Symbol(C) Operator(=) String(\"y\") Operator()) "
               "Operator(&&) Symbol(D) Operator(!=) Constant(0x10) Operator(&&) Symbol(E) "
               "Operator(>=) Constant(-3)")};
    QTest::newRow("tristate constants")
        << QStringLiteral("\tdefault y if m")
        << QStringList{QStringLiteral("Keyword(default) Constant(y) Keyword(if) Constant(m)")};
    QTest::newRow("comment line") << QStringLiteral("  # a comment with \"quotes\" and $(x)")
                                  << QStringList{QStringLiteral(
                                         "Comment(# a comment with \"quotes\" and $(x))")};
    QTest::newRow("macro in string")
        << QStringLiteral("source \"arch/$(SRCARCH)/Kconfig\"")
        << QStringList{QStringLiteral(
               "Keyword(source) String(\"arch/) Macro($(SRCARCH)) String(/Kconfig\")")};
    QTest::newRow("nested macro")
        << QStringLiteral("\tdef_bool $(success,$(CC) -Werror -x c /dev/null)")
        << QStringList{
               QStringLiteral("Type(def_bool) Macro($(success,$(CC) -Werror -x c /dev/null))")};
    QTest::newRow("macro inside a word")
        << QStringLiteral("config $(PREFIX)_FOO")
        << QStringList{QStringLiteral("Keyword(config) Macro($(PREFIX)) Definition(_FOO)")};
    QTest::newRow("unterminated macro")
        << QStringLiteral("\tdefault $(foo")
        << QStringList{QStringLiteral("Keyword(default) Macro($(foo)")};
    QTest::newRow("lone dollar in string")
        << QStringLiteral("\tdefault \"cost $5\"")
        << QStringList{QStringLiteral("Keyword(default) String(\"cost $5\")")};
    QTest::newRow("recursive assignment")
        << QStringLiteral("cc-option = $(success,$(CC) -Werror $(1) -E -x c /dev/null)")
        << QStringList{QStringLiteral("Macro(cc-option) Operator(=) Macro($(success,$(CC) -Werror "
                                      "$(1) -E -x c /dev/null))")};
    QTest::newRow("simple assignment keeps # in the value")
        << QStringLiteral("FLAGS := -O2 # not a comment")
        << QStringList{QStringLiteral("Macro(FLAGS) Operator(:=)")};
    QTest::newRow("append assignment")
        << QStringLiteral("FLAGS += $(FOO)")
        << QStringList{QStringLiteral("Macro(FLAGS) Operator(+=) Macro($(FOO))")};
    QTest::newRow("unsupported character")
        << QStringLiteral("\tdepends on A ; B")
        << QStringList{QStringLiteral("Keyword(depends) Keyword(on) Symbol(A) Error(;) Symbol(B)")};

    QTest::newRow("help ends by indentation")
        << QStringLiteral("config A\n\tbool \"a\"\n\thelp\n\t  First line.\n\t    indented "
                          "more\n\t\n\t  after blank\n\tdefault y")
        << QStringList{QStringLiteral("Keyword(config) Definition(A)"),
                       QStringLiteral("Type(bool) String(\"a\")"),
                       QStringLiteral("Keyword(help)"),
                       QStringLiteral("HelpText(First line.)"),
                       QStringLiteral("HelpText(indented more)"),
                       QString(),
                       QStringLiteral("HelpText(after blank)"),
                       QStringLiteral("Keyword(default) Constant(y)")};
    QTest::newRow("help text is not code")
        << QStringLiteral("\thelp\n\t  # not a comment, \"not a string\", $(not a macro)\nconfig B")
        << QStringList{
               QStringLiteral("Keyword(help)"),
               QStringLiteral("HelpText(# not a comment, \"not a string\", $(not a macro))"),
               QStringLiteral("Keyword(config) Definition(B)")};
    QTest::newRow("help starting in column 0")
        << QStringLiteral("\thelp\nColumn zero is help here\n\t  and so is this\nconfig C")
        << QStringList{QStringLiteral("Keyword(help)"),
                       QStringLiteral("HelpText(Column zero is help here)"),
                       QStringLiteral("HelpText(and so is this)"),
                       QStringLiteral("Keyword(config) Definition(C)")};
    QTest::newRow("blank line then column 0 ends help")
        << QStringLiteral("\thelp\n\nconfig D")
        << QStringList{QStringLiteral("Keyword(help)"), QString(),
                       QStringLiteral("Keyword(config) Definition(D)")};
    QTest::newRow("help with a comment after the keyword")
        << QStringLiteral("\thelp # why\n\t  text")
        << QStringList{QStringLiteral("Keyword(help) Comment(# why)"),
                       QStringLiteral("HelpText(text)")};
    QTest::newRow("help with more on its line is no help block")
        << QStringLiteral("\thelp me\n\t  text")
        << QStringList{QStringLiteral("Keyword(help) Symbol(me)"), QStringLiteral("Symbol(text)")};
    QTest::newRow("tabs count as eight columns")
        << QStringLiteral("\thelp\n\t  ten columns\n\t\tsixteen\n        eight: ends")
        << QStringList{QStringLiteral("Keyword(help)"), QStringLiteral("HelpText(ten columns)"),
                       QStringLiteral("HelpText(sixteen)"),
                       QStringLiteral("Symbol(eight) Error(:) Symbol(ends)")};
    QTest::newRow("no assignment right after help, like the lexer")
        << QStringLiteral("\thelp\n\t  text\nX := 1")
        << QStringList{QStringLiteral("Keyword(help)"), QStringLiteral("HelpText(text)"),
                       QStringLiteral("Symbol(X) Operator(:=) Constant(1)")};
    QTest::newRow("continued statement is no assignment")
        << QStringLiteral("\tdepends on A && \\\n\t\tB = C\nB = C")
        << QStringList{QStringLiteral("Keyword(depends) Keyword(on) Symbol(A) Operator(&&)"),
                       QStringLiteral("Symbol(B) Operator(=) Symbol(C)"),
                       QStringLiteral("Macro(B) Operator(=)")};
}

void TestSyntaxClassifier::lines()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(describe(text), expected);
}

void TestSyntaxClassifier::entryLineCount()
{
    const std::string text = "config A\n"        // 1
                             "\tbool \"a\"\n"    // 2
                             "\thelp\n"          // 3
                             "\t  Help.\n"       // 4
                             "\n"                // 5
                             "\t  More.\n"       // 6
                             "\n"                // 7
                             "# comment\n"       // 8
                             "config B\n"        // 9
                             "\tdef_bool y\n"    // 10
                             "\n"                // 11
                             "menu \"M\"\n"      // 12
                             "\tdepends on B\n"  // 13
                             "\tvisible if A\n"  // 14
                             "\n"                // 15
                             "config C\n"        // 16
                             "\tbool \"c\" \\\n" // 17
                             "\t   if B\n"       // 18
                             "\n"                // 19
                             "NAME := value\n"   // 20
                             "config D\n";       // 21
    QCOMPARE(SyntaxClassifier::entryLineCount(text, 1), 6);
    QCOMPARE(SyntaxClassifier::entryLineCount(text, 9), 2);
    QCOMPARE(SyntaxClassifier::entryLineCount(text, 12), 3);
    QCOMPARE(SyntaxClassifier::entryLineCount(text, 16), 3);
    QCOMPARE(SyntaxClassifier::entryLineCount(text, 21), 1);
    QCOMPARE(SyntaxClassifier::entryLineCount(text, 22), 0);
    QCOMPARE(SyntaxClassifier::entryLineCount(text, 0), 0);
}

void TestSyntaxClassifier::stateRoundTrip()
{
    // A highlighter restarts from a stored state: the result must not depend
    // on having classified the earlier lines with the same object.
    const std::vector<std::string> lines = {"config A", "\thelp",    "\t  one", "\t    two",
                                            "",         "\t  three", "config B"};
    SyntaxClassifier whole;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        SyntaxClassifier resumed(whole.state());
        QCOMPARE(resumed.classify(lines[i]), whole.classify(lines[i]));
        QCOMPARE(resumed.state(), whole.state());
    }
}

void TestSyntaxClassifier::helpAgreesWithParser_data()
{
    QTest::addColumn<QString>("directory");
    QTest::newRow("pages") << QStringLiteral(KCS_TEST_DATA_DIR "/pages/basic");
    QTest::newRow("help-indentation")
        << QStringLiteral(KCS_TEST_DATA_DIR "/parser/help-indentation");
    QTest::newRow("demo") << QStringLiteral(KCS_DEMO_DIR);
}

void TestSyntaxClassifier::helpAgreesWithParser()
{
    QFETCH(QString, directory);
    if (!QFileInfo::exists(directory + QStringLiteral("/Kconfig"))) QSKIP("tree not present");
    kconfig::Environment env;
    env.set("srctree", directory.toStdString());
    kconfig::SourceFiles sources;
    sources.setBaseDirectory(directory.toStdString());
    kconfig::LoadOptions options;
    options.environment = env;
    options.sources = &sources;
    kconfig::DiagnosticSink sink;
    const kconfig::LoadResult loaded = kconfig::loadTree(options, sink);
    QVERIFY(loaded.tree);

    int blocks = 0;
    for (const kconfig::MenuNode &m : loaded.tree->menus()) {
        if (!m.hasHelp || !m.location.isValid()) continue;
        const auto file = sources.open(m.location.fileName(), env);
        QVERIFY(file);
        // The help lines the classifier finds in the entry, in order.
        std::vector<std::string> found;
        SyntaxClassifier classifier;
        int number = 0;
        bool started = false;
        std::size_t pos = 0;
        const std::string text = file->text.str();
        while (pos < text.size()) {
            std::size_t eol = text.find('\n', pos);
            if (eol == std::string::npos) eol = text.size();
            const std::string line = text.substr(pos, eol - pos);
            pos = eol + 1;
            ++number;
            const bool wasHelp = classifier.inHelp();
            const auto spans = classifier.classify(line);
            if (number <= m.location.line) continue;
            if (wasHelp && !spans.empty() && spans.front().kind == SyntaxKind::HelpText) {
                started = true;
                found.push_back(QString::fromStdString(line).trimmed().toStdString());
            } else if (started && !spans.empty()) {
                break;
            }
        }
        // The parser keeps the last help of an entry; these trees have one each.
        QCOMPARE(found, nonEmptyTrimmedLines(m.help.text()));
        ++blocks;
    }
    QVERIFY(blocks > 0);
}

QTEST_GUILESS_MAIN(TestSyntaxClassifier)
#include "tst_syntaxclassifier.moc"
