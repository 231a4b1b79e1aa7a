// SPDX-License-Identifier: MIT
#include "kconfig/diagnostic.h"

namespace kconfig {

void DiagnosticSink::report(Diagnostic d)
{
    if (d.severity == Diagnostic::Severity::Error)
        ++m_errors;
    if (m_handler)
        m_handler(d);
    m_all.push_back(std::move(d));
}

} // namespace kconfig
