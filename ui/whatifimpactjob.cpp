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
    const Tree &before = *m_original->tree;
    const Tree &after = *m_edited->tree;
    const int total = static_cast<int>(m_baselines.size());
    result->report.edits = definitionEdits(before, after);
    for (int i = 0; i < total; ++i) {
        if (m_cancel) {
            result->cancelled = true;
            break;
        }
        const Baseline &b = m_baselines[std::size_t(i)];
        emit progress(i, total, QString::fromStdString(b.name));
        ImpactReport one = analyzeImpact(before, after, {b}, m_original->environment);
        for (BaselineImpact &impact : one.baselines)
            result->report.baselines.push_back(std::move(impact));
    }
    if (!result->cancelled) emit progress(total, total, QString());
    result->seconds = timer.elapsed() / 1000.0;
    emit finished(result);
}
