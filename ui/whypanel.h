// SPDX-License-Identifier: MIT
// The why dock: the latest action's change set as an expandable cause tree
// (action -> effects -> their effects), a history of actions to step back
// through, and below, why the selected symbol is what it is and what it would
// take to change it. All explanations come from core's Explainer.
#pragma once

#include "configdocument.h"

#include <kconfig/explanation.h>
#include <kconfig/explanationtext.h>

#include <QWidget>

#include <deque>
#include <memory>

class NavigationHistory;
class QComboBox;
class QLabel;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;
class QUrl;
namespace kconfig {
class Explainer;
struct MenuNode;
} // namespace kconfig

class WhyPanel : public QWidget
{
    Q_OBJECT
public:
    // Item data of the cause tree.
    enum ItemRole {
        SymbolRole = Qt::UserRole + 1, // const Symbol * (as const void *) to navigate to
        FileRole,                      // source location of a reason
        LineRole,
        EffectRole, // true on rows of changed symbols (not reasons)
    };

    WhyPanel(ConfigDocument *doc, NavigationHistory *history, QWidget *parent = nullptr);
    ~WhyPanel() override;

    // The shown action as e-mail text / Markdown (what the copy buttons copy).
    QString actionText(kconfig::ExplanationFormat format = kconfig::ExplanationFormat::Text) const;
    // Why the selected symbol is what it is, as plain text.
    QString symbolText() const;
    QTreeWidget *causeTree() const { return m_tree; }
    QTextBrowser *symbolView() const { return m_symbolView; }
    int historySize() const { return static_cast<int>(m_reports.size()); }
    void showHistoryEntry(int index); // 0 is the latest action

signals:
    void sourceRequested(const QString &file, int line);

private:
    void onLoaded();
    void onValuesChanged(const ActionResult &action);
    void showSymbol(const kconfig::MenuNode *menu);
    void showReport(int index);
    void fillTree(const kconfig::ChangeReport &report);
    void openLink(const QUrl &url);
    void navigateTo(const kconfig::Symbol *sym);
    void copy(kconfig::ExplanationFormat format);

    ConfigDocument *m_doc;
    NavigationHistory *m_history;
    std::unique_ptr<kconfig::Explainer> m_explainer;
    std::deque<kconfig::ChangeReport> m_reports; // newest first
    int m_shown = -1;
    const kconfig::MenuNode *m_menu = nullptr;

    QComboBox *m_historyBox;
    QLabel *m_actionTitle;
    QTreeWidget *m_tree;
    QLabel *m_symbolTitle;
    QTextBrowser *m_symbolView;
};
