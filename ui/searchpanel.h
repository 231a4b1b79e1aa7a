// SPDX-License-Identifier: MIT
// Search as you type over symbol names (with or without CONFIG_), prompts and
// help text, with a regex option. Results show prompt, name, value and menu
// path; activating one asks the window to jump there.
#pragma once

#include <QWidget>

class ConfigDocument;
class QLineEdit;
namespace kconfig {
struct MenuNode;
}

class SearchPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SearchPanel(ConfigDocument *doc, QWidget *parent = nullptr);

    QLineEdit *queryEdit() const;
    void setQuery(const QString &text); // runs the search immediately
    int resultCount() const;
    const kconfig::MenuNode *resultAt(int row) const;

signals:
    void menuChosen(const kconfig::MenuNode *menu); // Enter/double-click on a result

private:
    struct Private;
    Private *d;
};
