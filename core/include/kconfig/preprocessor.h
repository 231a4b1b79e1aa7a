// SPDX-License-Identifier: MIT
// The Kconfig macro language (kconfig-macro-language.rst): variables of the
// recursive (=) and simple (:=) flavours, +=, user functions with $(1)...,
// built-in functions, and environment variables as a last resort. Expansion
// happens while lexing, one token or quoted string at a time.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kconfig {

class DiagnosticSink;
class Environment;
class ShellRunner;
struct LoadRecord;

// A fatal error conf reports and then exits on; the message is complete text
// (with "file:line: " where conf prints one).
struct FatalError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

class Preprocessor
{
public:
    enum class Flavor
    {
        Simple,
        Recursive,
        Append
    };

    struct Location
    {
        std::string file;                      // cur_filename
        int line = 0;                          // the lexer's current line (conf's yylineno)
        const std::string *interned = nullptr; // the same file, as diagnostics name it
    };

    Preprocessor(const Environment &env, ShellRunner *shell, DiagnosticSink &diagnostics);

    void setLocationProvider(std::function<Location()> f) { m_location = std::move(f); }
    // Notes every environment variable looked up (found or not) and every
    // $(shell) command with its output, for the tree cache.
    void setRecord(LoadRecord *record) { m_record = record; }
    // conf stops at a true $(error-if,...); a tree loaded with its probes
    // refused reports it and goes on.
    void setErrorIfIsFatal(bool fatal) { m_errorIfIsFatal = fatal; }

    void addVariable(const std::string &name, const std::string &value, Flavor flavor);

    // `text[pos]` follows a '$'. Expands one reference and advances pos past it.
    std::string expandDollar(std::string_view text, std::size_t &pos);
    // Expands from `pos` up to the end of a token (a character other than
    // [A-Za-z0-9_-] outside a reference) and advances pos to that character.
    std::string expandOneToken(std::string_view text, std::size_t &pos);
    // Expands a whole string.
    std::string expandString(std::string_view text);

    // Environment variables that were read, in first-use order, with the value
    // seen then: conf writes them to auto.conf.cmd.
    const std::vector<std::pair<std::string, std::string>> &environmentDependencies() const
    {
        return m_envDeps;
    }
    int shellCommandsRun() const { return m_shellCount; }

private:
    struct Variable
    {
        std::string name;
        std::string value;
        Flavor flavor;
        int expansionCount = 0;
    };

    [[noreturn]] void fail(const std::string &message) const;
    std::string expandWithArgs(std::string_view in, const std::vector<std::string> &args);
    std::string expandUntil(std::string_view text, std::size_t &pos, bool tokenOnly,
                            const std::vector<std::string> &args);
    std::string expandDollarWithArgs(std::string_view text, std::size_t &pos,
                                     const std::vector<std::string> &args);
    std::string evalClause(std::string_view clause, const std::vector<std::string> &args);
    bool expandVariable(const std::string &name, const std::vector<std::string> &args,
                        std::string &out);
    bool expandFunction(const std::string &name, const std::vector<std::string> &args,
                        std::string &out);
    bool expandEnvironment(const std::string &name, std::string &out);
    Variable *findVariable(const std::string &name);

    const Environment &m_env;
    ShellRunner *m_shell;
    DiagnosticSink &m_diag;
    std::function<Location()> m_location;
    std::vector<Variable> m_variables;
    std::vector<std::pair<std::string, std::string>> m_envDeps;
    int m_shellCount = 0;
    int m_nesting = 0; // references being expanded inside each other
    LoadRecord *m_record = nullptr;
    bool m_errorIfIsFatal = true;
};

} // namespace kconfig
