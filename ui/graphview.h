// SPDX-License-Identifier: MIT
// The Graph tab: the neighbourhood of the selected symbol (what it needs,
// what needs it, k hops, by edge kind), or the cause graph of the last
// action ("Change graph"). It follows the navigation history; a click on a
// node selects that symbol everywhere, a double-click expands it, the context
// menu sets values through the document (undoable and explained), and after
// every action the symbols it changed are highlighted. Layouts run off the
// GUI thread. Pictures export as SVG or PNG, or go to the clipboard.
#pragma once

#include "configdocument.h"

#include <kconfig/dependencygraph.h>
#include <kconfig/graphlayout.h>

#include <QFutureWatcher>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class GraphCanvas;
class GraphScene;
class NavigationHistory;
class QAction;
class QComboBox;
class QLabel;
class QSpinBox;
class QToolBar;
namespace kconfig {
class DependencyIndex;
class Explainer;
struct ChangeReport;
struct MenuNode;
} // namespace kconfig

class GraphView : public QWidget
{
    Q_OBJECT
public:
    enum class Mode
    {
        Neighbourhood,
        Changes
    };

    GraphView(ConfigDocument *doc, NavigationHistory *history, QWidget *parent = nullptr);
    ~GraphView() override;

    GraphScene *scene() const { return m_scene; }
    GraphCanvas *canvas() const { return m_canvas; }
    Mode mode() const { return m_mode; }
    const kconfig::NeighbourhoodQuery &query() const { return m_query; }
    bool isLayoutRunning() const;
    // What the status line says (hints, refusals, the last action).
    QString statusText() const;
    // The title line of the picture: tree, architecture and what it shows.
    QString title() const;

    void setMode(Mode mode);
    void setDirection(kconfig::GraphDirection direction);
    void setDepth(int depth);
    void setKinds(unsigned kinds);
    // At most this many nodes ("+N more" nodes included) before expansions.
    void setNodeBudget(int budget);
    // Neighbours shown per symbol, direction and edge kind before "+N more".
    void setGroupLimit(int limit);
    // Re-centres the neighbourhood on `symbol`.
    void showNeighbourhood(const kconfig::Symbol *symbol);
    // Adds `symbol`'s own neighbours to the picture.
    void expand(const kconfig::Symbol *symbol);

    // SVG or PNG by the suffix; `size` for PNG (invalid: natural size).
    bool exportTo(const QString &path, const QSize &size = QSize(), QString *error = nullptr);
    void copyImage();

signals:
    void layoutFinished(); // the scene shows the latest graph
    void sourceRequested(const QString &file, int line);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void createToolBars(QToolBar *bar, QToolBar *queryBar);
    void onLoaded();
    void onValuesChanged(const ActionResult &action);
    void onCurrentChanged(const kconfig::MenuNode *menu);
    void onNodeClicked(int index);
    void onNodeDoubleClicked(int index);
    void onNodeMenu(int index, const QPoint &screenPos);
    void onLayoutFinished();
    void rebuild(bool keepView = false);
    void relayout(kconfig::DependencyGraph graph, bool showChange, bool keepView);
    void startLayout();
    void setValue(const kconfig::Symbol *symbol, kconfig::Tristate value);
    void exportDialog(bool svg);
    void setStatus(const QString &text);
    QString edgeText(const kconfig::GraphEdge &edge) const;
    const kconfig::DependencyIndex &index();

    ConfigDocument *m_doc;
    NavigationHistory *m_history;
    Mode m_mode = Mode::Neighbourhood;
    kconfig::NeighbourhoodQuery m_query;
    std::unique_ptr<kconfig::DependencyIndex> m_index;
    std::unique_ptr<kconfig::Explainer> m_explainer;
    std::shared_ptr<kconfig::ChangeReport> m_report;      // the last action's
    std::shared_ptr<kconfig::ChangeReport> m_shownReport; // the one the scene's edges use
    std::vector<const kconfig::Symbol *> m_changed;       // by the last action
    const kconfig::Symbol *m_current = nullptr;           // selected in the window
    const kconfig::Symbol *m_clicked = nullptr;           // selected here: no re-centring
    bool m_dirty = false;                                 // rebuild when shown

    // The layout in flight.
    QFutureWatcher<kconfig::GraphLayout> *m_watcher;
    kconfig::DependencyGraph m_pending;
    std::shared_ptr<kconfig::ChangeReport> m_pendingReport;
    bool m_pendingShowChange = false;
    bool m_pendingKeepView = false;
    int m_generation = 0;       // bumped by everything that outdates a layout
    int m_layoutGeneration = 0; // of m_pending
    std::optional<kconfig::LayoutRequest> m_queuedRequest; // waits for the running layout
    bool m_queuedFixedDirection = false;                   // lay it out as it says
    std::optional<kconfig::LayoutRequest::Direction> m_shownDirection;

    GraphScene *m_scene;
    GraphCanvas *m_canvas;
    QToolBar *m_queryBar = nullptr;
    QAction *m_neighbourhoodAction = nullptr;
    QAction *m_changesAction = nullptr;
    QComboBox *m_direction = nullptr;
    QAction *m_directionAction = nullptr;
    QSpinBox *m_depth = nullptr;
    QAction *m_depthAction = nullptr;
    QAction *m_kindsAction = nullptr;
    std::vector<QAction *> m_kindActions;
    QLabel *m_status;
};
