// SPDX-License-Identifier: MIT
// The what-if analysis off the GUI thread: core's ImpactAnalysis of the
// loaded and the edited tree, its baselines on several threads at once,
// reporting progress and stopping between baselines. The result keeps both
// trees alive because the report points into them.
#pragma once

#include "treeloadjob.h"

#include <kconfig/impact.h>

#include <QObject>

#include <atomic>
#include <memory>
#include <vector>

struct WhatIfResult
{
    std::shared_ptr<const LoadedTree> original;
    std::shared_ptr<const LoadedTree> edited;
    kconfig::ImpactReport report;
    double seconds = 0;
    bool cancelled = false;
};

class WhatIfImpactJob : public QObject
{
    Q_OBJECT
public:
    WhatIfImpactJob(std::shared_ptr<const LoadedTree> original,
                    std::shared_ptr<const LoadedTree> edited,
                    std::vector<kconfig::Baseline> baselines, QObject *parent = nullptr);

    // Runs on the calling thread (the worker); emits finished() at the end.
    void run();
    void cancel() { m_cancel = true; }

signals:
    void progress(int done, int total, const QString &baseline);
    void finished(std::shared_ptr<WhatIfResult> result);

private:
    std::shared_ptr<const LoadedTree> m_original;
    std::shared_ptr<const LoadedTree> m_edited;
    std::vector<kconfig::Baseline> m_baselines;
    std::atomic<bool> m_cancel{false};
};
