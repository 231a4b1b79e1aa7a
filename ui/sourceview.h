// SPDX-License-Identifier: MIT
// The "Source" tab: a Kconfig file of the loaded tree, highlighted, scrolled
// to a definition, with a selector for the symbol's other definitions.
// Ctrl+click on a symbol name in the source navigates to that symbol.
// For what-if mode the text can come from in-memory edits, be typed in, and
// carry problem markers of the edited tree.
#pragma once

#include <QList>
#include <QTextEdit>
#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

class ConfigDocument;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QVBoxLayout;
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

    // ---- what-if hooks ----
    // The text of a file before the disk is asked (in-memory edits); nullopt reads the disk.
    using TextProvider = std::function<std::optional<QString>(const QString &file)>;
    void setTextProvider(TextProvider provider) { m_textProvider = std::move(provider); }
    // Edit mode: the text can be typed in; each change is announced by textEdited().
    void setEditable(bool editable);
    bool isEditable() const;
    // Reads the shown file again (its text changed elsewhere), keeping the scroll position.
    void reloadFile();
    // Problems of a file: underlined, marked in the margin, the message as tool tip.
    struct LineMarker
    {
        int line = 0;
        bool error = false;
        QString message;
    };
    using MarkerProvider = std::function<QList<LineMarker>(const QString &file)>;
    void setMarkerProvider(MarkerProvider provider);
    void refreshMarkers();
    QList<LineMarker> markers() const { return m_markers; }
    // Adds a row of controls between the bar and the text.
    void addRow(QWidget *row);

signals:
    void symbolActivated(const kconfig::Symbol *symbol); // Ctrl+click on a symbol name
    void fileShown(const QString &file);
    void textEdited(const QString &file, const QString &text);

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
    void classifyLines();
    void applySelections();
    void onContentsChanged();
    const LineMarker *markerAt(int line) const;

    ConfigDocument *m_doc;
    QComboBox *m_definitions;
    QLabel *m_path;
    QVBoxLayout *m_layout;
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
    TextProvider m_textProvider;
    MarkerProvider m_markerProvider;
    QList<LineMarker> m_markers; // of m_file
    QList<QTextEdit::ExtraSelection> m_entrySelections;
    bool m_settingText = false; // setPlainText() is no edit
};
