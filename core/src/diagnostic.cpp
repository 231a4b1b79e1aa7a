// SPDX-License-Identifier: MIT
#include "kconfig/diagnostic.h"

namespace kconfig {

void DiagnosticSink::report(Diagnostic d)
{
    const bool error = d.severity == Diagnostic::Severity::Error;
    if (error) ++m_errors;
    if (m_handler)
        m_handler(d);
    if (m_all.size() < maxKept || (error && m_all.size() < 2 * maxKept))
        m_all.push_back(std::move(d));
    else
        ++m_dropped;
}

} // namespace kconfig
