// SPDX-License-Identifier: MIT
// Search as you type over symbol names (with or without CONFIG_), prompts and
// help text, with a regex option. Results show prompt, name, value and menu
// path; activating one asks the window to jump there.
#pragma once

#include <QWidget>

class ConfigDocument;
class QLineEdit;
class QTreeView;
namespace kconfig {
struct MenuNode;
}

class SearchPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SearchPanel(ConfigDocument *doc, QWidget *parent = nullptr);
    ~SearchPanel() override;

    QLineEdit *queryEdit() const;
    QTreeView *resultView() const;
    void setQuery(const QString &text); // runs the search immediately
    int resultCount() const;
    const kconfig::MenuNode *resultAt(int row) const;
    QString statusText() const; // "12 symbols", or the regex error
    // How long the last search took (search and model update), in milliseconds.
    double lastSearchMilliseconds() const;

signals:
    void menuChosen(const kconfig::MenuNode *menu);         // Enter/double-click on a result
    void currentMenuChanged(const kconfig::MenuNode *menu); // the selected result, for previews

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuildIndex();
    void search();
    void queryChanged();
    void chooseCurrent();
    struct Private;
    Private *d;
};
