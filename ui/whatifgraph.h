// SPDX-License-Identifier: MIT
// The change graph of one what-if baseline: every symbol the edit shifted
// there, with an edge from each cause to its effect labelled with the rule
// (core's causeGraph over the baseline's changes), drawn by the graph view's
// scene. Clicking a node asks to select that symbol.
#pragma once

#include <kconfig/dependencygraph.h>
#include <kconfig/explanation.h>
#include <kconfig/graphlayout.h>

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class GraphCanvas;
class GraphScene;
class QLabel;
struct WhatIfResult;

class WhatIfGraph : public QWidget
{
    Q_OBJECT
public:
    explicit WhatIfGraph(QWidget *parent = nullptr);
    ~WhatIfGraph() override;

    void showBaseline(std::shared_ptr<WhatIfResult> result, int baseline);
    void clear(const QString &message);
    GraphScene *scene() const { return m_scene; }
    bool isLayoutRunning() const { return m_watcher->isRunning(); }

signals:
    void symbolRequested(const QString &name);
    void layoutFinished();

private:
    void onLayoutFinished();

    std::shared_ptr<WhatIfResult> m_result;
    std::shared_ptr<kconfig::ChangeReport> m_report; // the graph's edges point into it
    kconfig::DependencyGraph m_pending;              // being laid out
    QString m_title;
    int m_generation = 0;
    int m_layoutGeneration = 0;
    QFutureWatcher<kconfig::GraphLayout> *m_watcher;
    GraphScene *m_scene;
    GraphCanvas *m_canvas;
    QLabel *m_status;
};
