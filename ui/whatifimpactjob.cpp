// SPDX-License-Identifier: MIT
#include "whatifimpactjob.h"

#include <QElapsedTimer>

using namespace kconfig;

WhatIfImpactJob::WhatIfImpactJob(std::shared_ptr<const LoadedTree> original,
                                 std::shared_ptr<const LoadedTree> edited,
                                 std::vector<Baseline> baselines, QObject *parent)
    : QObject(parent), m_original(std::move(original)), m_edited(std::move(edited)),
      m_baselines(std::move(baselines))
{
}

void WhatIfImpactJob::run()
{
    auto result = std::make_shared<WhatIfResult>();
    result->original = m_original;
    result->edited = m_edited;
    QElapsedTimer timer;
    timer.start();
    const int total = static_cast<int>(m_baselines.size());
    // The trees are compared once; the baselines then only configure them,
    // several at a time.
    const ImpactAnalysis analysis(*m_original->tree, *m_edited->tree);
    result->report.edits = analysis.edits();
    emit progress(0, total, QString());
    result->report.baselines =
        analysis.analyze(m_baselines, m_original->environment, 0, [this, total](std::size_t done) {
            emit progress(int(done), total, QString());
            return !m_cancel.load();
        });
    result->cancelled = m_cancel || int(result->report.baselines.size()) < total;
    result->seconds = timer.elapsed() / 1000.0;
    emit finished(result);
}
