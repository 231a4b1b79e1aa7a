// SPDX-License-Identifier: MIT
// The "Source" tab: a Kconfig file of the loaded tree, highlighted, scrolled
// to a definition, with a selector for the symbol's other definitions.
// Ctrl+click on a symbol name in the source navigates to that symbol.
#pragma once

#include <QWidget>

#include <vector>

class ConfigDocument;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QSyntaxHighlighter;
namespace kconfig {
struct MenuNode;
struct Symbol;
} // namespace kconfig

class SourceView : public QWidget
{
    Q_OBJECT
public:
    explicit SourceView(ConfigDocument *doc, QWidget *parent = nullptr);

    // Shows the definition of `menu` (its file and line); the selector lists
    // all definitions of the symbol.
    void showMenu(const kconfig::MenuNode *menu);
    // Opens a file of the tree (name as in `source`, relative to srctree) at a line.
    void showLocation(const QString &file, int line);
    QString currentFile() const { return m_file; }
    int currentLine() const { return m_line; }
    QPlainTextEdit *editor() const { return m_editor; }
    QComboBox *definitionSelector() const { return m_definitions; }
    QSyntaxHighlighter *highlighter() const { return m_highlighter; }
    // The highlighted definition: first line (1-based) and number of lines.
    int highlightedLine() const { return m_entryLine; }
    int highlightedLineCount() const { return m_entryLines; }
    // The symbol named at a position of the editor's viewport, if any.
    const kconfig::Symbol *symbolAt(const QPoint &viewportPos) const;

signals:
    void symbolActivated(const kconfig::Symbol *symbol); // Ctrl+click on a symbol name

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Definition
    {
        const kconfig::MenuNode *menu;
        QString file;
        int line;
    };

    void clear();
    void showDefinition(int index);
    bool loadFile(const QString &file);
    void markLines(int firstLine, int count, int targetLine);
    void paintLineNumbers();
    void updateLineNumberWidth();

    ConfigDocument *m_doc;
    QComboBox *m_definitions;
    QLabel *m_path;
    QPlainTextEdit *m_editor;
    QWidget *m_lineNumbers;
    QSyntaxHighlighter *m_highlighter = nullptr;
    std::vector<Definition> m_entries;
    std::vector<int> m_lineStates; // classifier state before each line
    QString m_file;
    QByteArray m_text; // the file as read, for definition extents
    int m_line = 0;
    int m_entryLine = 0;
    int m_entryLines = 0;
};
