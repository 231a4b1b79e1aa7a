// SPDX-License-Identifier: MIT
// The "Symbol" tab: everything about the current menu entry, from core data:
// name, type, value, prompt(s), help, every definition with file:line links,
// Depends on / Visible if / Selects / Selected by / Implies / Implied by /
// Defaults / Ranges with the current value of every symbol in them, and the
// menu location. Symbol names are links that navigate; file:line links open
// the source tab.
#pragma once

#include <QTextBrowser>

class ConfigDocument;
class QAction;
namespace kconfig {
struct MenuNode;
struct Symbol;
} // namespace kconfig

class SymbolPage : public QTextBrowser
{
    Q_OBJECT
public:
    explicit SymbolPage(ConfigDocument *doc, QWidget *parent = nullptr);

    void showMenu(const kconfig::MenuNode *menu); // null clears
    const kconfig::MenuNode *menu() const { return m_menu; }
    QString plainText() const; // what "Copy" gives (also used by tests)

public slots:
    void copyAll(); // plainText() to the clipboard (Ctrl+Shift+C)

signals:
    void symbolActivated(const kconfig::Symbol *symbol); // a symbol link was clicked
    void sourceRequested(const QString &file, int line); // a file:line link was clicked
    void menuActivated(const kconfig::MenuNode *menu);   // a menu in the location was clicked

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void openLink(const QUrl &url);
    ConfigDocument *m_doc;
    const kconfig::MenuNode *m_menu = nullptr;
    QString m_plainText;
    QAction *m_copyAction = nullptr; // Ctrl+Shift+C and the context menu
};
