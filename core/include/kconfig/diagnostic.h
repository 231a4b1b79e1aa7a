// SPDX-License-Identifier: MIT
// Messages produced while loading or evaluating, in the kernel tools' wording.
#pragma once

#include "kconfig/sourcelocation.h"

#include <functional>
#include <string>
#include <vector>

namespace kconfig {

struct Diagnostic
{
    enum class Severity
    {
        Info,
        Warning,
        Error
    };
    Severity severity = Severity::Warning;
    SourceLocation location; // may be invalid for global messages
    std::string message;     // without location prefix
    std::string text;        // exactly as conf prints it (may span lines)
    bool toStdout = false;   // $(info ...) and a few conf messages go to stdout
};

// Receives diagnostics in the order they happen. The CLI prints `text` to stderr
// (or stdout for $(info)); the GUI collects them into a list.
class DiagnosticSink
{
public:
    using Handler = std::function<void(const Diagnostic &)>;

    // all() keeps the first maxKept messages and after them errors only, up
    // to twice that many: a garbage file of millions of lines must not keep
    // millions of copies. The handler sees every message.
    static constexpr std::size_t maxKept = 10000;

    void setHandler(Handler h) { m_handler = std::move(h); }
    void report(Diagnostic d);
    const std::vector<Diagnostic> &all() const { return m_all; }
    int errorCount() const { return m_errors; }
    // Messages reported but not kept in all().
    std::size_t dropped() const { return m_dropped; }
    void clear()
    {
        m_all.clear();
        m_errors = 0;
        m_dropped = 0;
    }

private:
    Handler m_handler;
    std::vector<Diagnostic> m_all;
    int m_errors = 0;
    std::size_t m_dropped = 0;
};

} // namespace kconfig
