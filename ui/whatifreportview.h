// SPDX-License-Identifier: MIT
// The what-if report on screen: a tree with the edits and, per baseline, its
// counts, each changed symbol with its first reason (expandable to all of
// them) and the unmet-dependency warnings the edit adds or removes; beside
// it the selected row explained in full, with symbol and file:line links.
#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;
class QUrl;
struct WhatIfResult;

class WhatIfReportView : public QWidget
{
    Q_OBJECT
public:
    enum Role
    {
        SymbolRole = Qt::UserRole + 1, // symbol name to navigate to
        FileRole,                      // a location to show
        LineRole,
        BaselineRole, // index of the row's baseline in the report
        ChangeRole,   // index of the row's change in its baseline (-1: none)
    };

    explicit WhatIfReportView(QWidget *parent = nullptr);

    void setResult(std::shared_ptr<WhatIfResult> result);
    // No report: a line of text in its place.
    void showMessage(const QString &message);
    std::shared_ptr<WhatIfResult> result() const { return m_result; }
    // The baseline of the selected row (the first one when nothing is selected); -1 without report.
    int currentBaseline() const;

    QTreeWidget *tree() const { return m_tree; }
    QTextBrowser *details() const { return m_details; }
    // The row of a changed symbol in a baseline, if listed.
    QTreeWidgetItem *changeItem(int baseline, const QString &symbol) const;

signals:
    void symbolRequested(const QString &name);
    void sourceRequested(const QString &file, int line);
    void currentBaselineChanged(int baseline);

private:
    void fill();
    void showDetails(QTreeWidgetItem *item);
    void openLink(const QUrl &url);
    void activate(QTreeWidgetItem *item);

    std::shared_ptr<WhatIfResult> m_result;
    QTreeWidget *m_tree;
    QTextBrowser *m_details;
};
