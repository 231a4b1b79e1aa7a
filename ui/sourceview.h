// SPDX-License-Identifier: MIT
// The "Source" tab: a Kconfig file of the loaded tree, highlighted, scrolled
// to a definition, with a selector for the symbol's other definitions.
#pragma once

#include <QWidget>

class ConfigDocument;
class QComboBox;
class QPlainTextEdit;
namespace kconfig {
struct MenuNode;
}

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

private:
    ConfigDocument *m_doc;
    QComboBox *m_definitions;
    QPlainTextEdit *m_editor;
    QString m_file;
    int m_line = 0;
};
