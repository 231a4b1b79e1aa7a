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

class ActionValues;
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
    enum ItemRole
    {
        SymbolRole = Qt::UserRole + 1, // const Symbol * (as const void *) to navigate to
        FileRole,                      // source location of a reason
        LineRole,
        EffectRole,      // true on rows of changed symbols (not reasons)
        NodeRole,        // rows of changed symbols: index into the report's nodes
        ParentRole,      // ... the cause (const Symbol *) it is listed below
        ReasonsMadeRole, // ... true once the reasons below it are made
    };

    WhyPanel(ConfigDocument *doc, NavigationHistory *history, QWidget *parent = nullptr);
    ~WhyPanel() override;

    // The explanation of the shown action (the latest unless the user picked
    // an earlier one); null before the first action.
    const kconfig::ChangeReport *shownReport() const;

    // The shown action as e-mail text / Markdown (what the copy buttons copy).
    QString actionText(kconfig::ExplanationFormat format = kconfig::ExplanationFormat::Text) const;
    // Why the selected symbol is what it is, as plain text.
    QString symbolText() const;
    QTreeWidget *causeTree() const { return m_tree; }
    QTextBrowser *symbolView() const { return m_symbolView; }
    int historySize() const { return static_cast<int>(m_reports.size()); }
    void showHistoryEntry(int index); // 0 is the latest action
    // How long the panel took to explain and show the latest action (for
    // benchmarks; painting not included).
    qint64 lastUpdateNsecs() const { return m_lastUpdateNsecs; }

signals:
    void sourceRequested(const QString &file, int line);

private:
    // One explained action. `after` are the values right after it: the
    // current ones until a later action comes, then that action's `before`,
    // so that an earlier action still reads with the values of its moment.
    struct Entry
    {
        kconfig::ChangeReport report;
        std::shared_ptr<ActionValues> after;
    };

    void onLoaded();
    void onValuesChanged(const ActionResult &action);
    void rememberState();
    std::vector<std::pair<const kconfig::Symbol *, kconfig::UserValue>>
    userValuesBefore(const ActionResult &action) const;
    kconfig::ChoicePriorities choiceOrderBefore();
    void showSymbol(const kconfig::MenuNode *menu);
    void showReport(int index);
    void fillTree(const kconfig::ChangeReport &report, const kconfig::ValueSource &now);
    void addReasonRows(QTreeWidgetItem *item);
    void openLink(const QUrl &url);
    void navigateTo(const kconfig::Symbol *sym);
    void copy(kconfig::ExplanationFormat format);

    ConfigDocument *m_doc;
    NavigationHistory *m_history;
    std::unique_ptr<kconfig::Explainer> m_explainer;
    std::unique_ptr<kconfig::CurrentValues> m_current;
    std::deque<Entry> m_reports; // newest first
    // User values and choice orders as of the latest action, to tell what an
    // action replaced when the document does not say (loading a .config).
    std::vector<kconfig::UserValue> m_userValues; // by symbol id
    std::vector<std::pair<const kconfig::MenuNode *, std::vector<const kconfig::Symbol *>>>
        m_choiceOrders;
    int m_shown = -1;
    qint64 m_lastUpdateNsecs = 0;
    const kconfig::MenuNode *m_menu = nullptr;

    QComboBox *m_historyBox;
    QLabel *m_actionTitle;
    QTreeWidget *m_tree;
    QLabel *m_symbolTitle;
    QTextBrowser *m_symbolView;
};
