// SPDX-License-Identifier: MIT
#include "kconfig/preprocessor.h"

#include "kconfig/diagnostic.h"
#include "kconfig/environment.h"
#include "kconfig/limits.h"
#include "kconfig/loadrecord.h"
#include "kconfig/shellrunner.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace kconfig {

namespace {
constexpr int kMaxFunctionArgs = 16;
constexpr int kMaxExpansionDepth = 1000;
} // namespace

Preprocessor::Preprocessor(const Environment &env, ShellRunner *shell, DiagnosticSink &diagnostics)
    : m_env(env), m_shell(shell), m_diag(diagnostics)
{
}

void Preprocessor::fail(const std::string &message) const
{
    const Location loc = m_location ? m_location() : Location{};
    throw FatalError(loc.file + ':' + std::to_string(loc.line) + ": " + message);
}

Preprocessor::Variable *Preprocessor::findVariable(const std::string &name)
{
    for (auto &v : m_variables)
        if (v.name == name) return &v;
    return nullptr;
}

void Preprocessor::addVariable(const std::string &name, const std::string &value, Flavor flavor)
{
    Variable *v = findVariable(name);
    bool append = false;
    if (v) {
        // For defined variables, += keeps the existing flavour.
        if (flavor == Flavor::Append) {
            flavor = v->flavor;
            append = true;
        }
    } else {
        // For undefined variables, += means recursive.
        if (flavor == Flavor::Append) flavor = Flavor::Recursive;
        m_variables.push_back(Variable{name, {}, flavor, 0});
        v = &m_variables.back();
    }
    v->flavor = flavor;
    std::string newValue = flavor == Flavor::Simple ? expandString(value) : value;
    // expandString may have added variables and moved the vector.
    v = findVariable(name);
    if (append)
        v->value += ' ' + newValue;
    else
        v->value = std::move(newValue);
}

bool Preprocessor::expandVariable(const std::string &name, const std::vector<std::string> &args,
                                  std::string &out)
{
    Variable *v = findVariable(name);
    if (!v) return false;
    if (args.empty() && v->expansionCount)
        fail("Recursive variable '" + name + "' references itself (eventually)");
    if (v->expansionCount > kMaxExpansionDepth) fail("Too deep recursive expansion");
    ++v->expansionCount;
    const Flavor flavor = v->flavor;
    const std::string value = v->value; // the vector may grow while expanding
    out = flavor == Flavor::Recursive ? expandWithArgs(value, args) : value;
    if (Variable *again = findVariable(name)) --again->expansionCount;
    return true;
}

bool Preprocessor::expandFunction(const std::string &name, const std::vector<std::string> &args,
                                  std::string &out)
{
    struct Builtin
    {
        const char *name;
        std::size_t minArgs, maxArgs;
    };
    static const Builtin table[] = {
        {"error-if", 2, 2}, {"filename", 0, 0}, {"info", 1, 1},
        {"lineno", 0, 0},   {"shell", 1, 1},    {"warning-if", 2, 2},
    };
    const Builtin *f = nullptr;
    for (const auto &b : table)
        if (name == b.name) f = &b;
    if (!f) return false;
    if (args.size() < f->minArgs) fail("too few function arguments passed to '" + name + "'");
    if (args.size() > f->maxArgs) fail("too many function arguments passed to '" + name + "'");

    const Location loc = m_location ? m_location() : Location{};
    out.clear();
    if (name == "error-if") {
        if (args[0] == "y" && m_errorIfIsFatal) fail(args[1]);
        if (args[0] == "y") {
            Diagnostic d;
            d.severity = Diagnostic::Severity::Error;
            d.location = {loc.interned, loc.line};
            d.message = args[1];
            d.text = loc.file + ':' + std::to_string(loc.line) + ": " + args[1] + '\n';
            m_diag.report(std::move(d));
        }
    } else if (name == "filename") {
        out = loc.file;
    } else if (name == "info") {
        Diagnostic d;
        d.severity = Diagnostic::Severity::Info;
        d.message = args[0];
        d.text = args[0] + '\n';
        d.toStdout = true;
        m_diag.report(std::move(d));
    } else if (name == "lineno") {
        out = std::to_string(loc.line);
    } else if (name == "shell") {
        ++m_shellCount;
        ShellOutput raw = m_shell ? m_shell->execute(args[0], m_env) : ShellOutput{};
        if (!raw.err.empty()) {
            // conf's child writes to conf's own standard error.
            Diagnostic d;
            d.severity = Diagnostic::Severity::Info;
            d.message = raw.err;
            d.text = raw.err;
            m_diag.report(std::move(d));
        }
        if (m_record) m_record->commands.emplace_back(args[0], raw.out);
        out = shellOutputToValue(std::move(raw.out));
    } else if (name == "warning-if") {
        if (args[0] == "y") {
            Diagnostic d;
            d.severity = Diagnostic::Severity::Warning;
            d.location = {loc.interned, loc.line};
            d.message = args[1];
            d.text = loc.file + ':' + std::to_string(loc.line) + ": " + args[1] + '\n';
            m_diag.report(std::move(d));
        }
    }
    return true;
}

bool Preprocessor::expandEnvironment(const std::string &name, std::string &out)
{
    if (name.empty()) return false;
    for (const auto &[k, v] : m_envDeps) {
        if (k == name) {
            out = v;
            return true;
        }
    }
    auto value = m_env.get(name);
    if (m_record) m_record->addEnvironment(name, value);
    if (!value) return false;
    m_envDeps.emplace_back(name, *value);
    out = *value;
    return true;
}

std::string Preprocessor::evalClause(std::string_view clause, const std::vector<std::string> &args)
{
    const std::string tmp(clause);

    // "$(1)", "$(2)"...: an argument of the enclosing user-function call.
    char *end = nullptr;
    const unsigned long n = std::strtoul(tmp.c_str(), &end, 10);
    if (!*end && n > 0 && n <= args.size()) return args[n - 1];

    // Split at top-level commas: name,arg1,arg2...
    std::vector<std::string_view> parts;
    int nest = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < tmp.size(); ++i) {
        const char c = tmp[i];
        if (nest == 0 && c == ',') {
            if (parts.size() >= kMaxFunctionArgs) fail("too many function arguments");
            parts.emplace_back(tmp.data() + start, i - start);
            start = i + 1;
        } else if (c == '(') {
            ++nest;
        } else if (c == ')') {
            --nest;
        }
    }
    if (parts.size() >= kMaxFunctionArgs) fail("too many function arguments");
    parts.emplace_back(tmp.data() + start, tmp.size() - start);

    const std::string name = expandWithArgs(parts[0], args);
    std::vector<std::string> newArgs;
    newArgs.reserve(parts.size() - 1);
    for (std::size_t i = 1; i < parts.size(); ++i)
        newArgs.push_back(expandWithArgs(parts[i], args));

    std::string out;
    if (expandVariable(name, newArgs, out)) return out;
    if (expandFunction(name, newArgs, out)) return out;
    if (newArgs.empty() && expandEnvironment(name, out)) return out;
    return {};
}

std::string Preprocessor::expandDollarWithArgs(std::string_view text, std::size_t &pos,
                                               const std::vector<std::string> &args)
{
    // Only "$(" starts a reference; a lone '$' stands for itself.
    if (pos >= text.size() || text[pos] != '(') return "$";
    // Every reference recurses (also through the values of variables): stop
    // before the stack runs out.
    struct Nesting
    {
        int &d;
        ~Nesting() { --d; }
    } nesting{++m_nesting};
    if (m_nesting > limits::maxMacroNesting)
        fail("macro references nested too deeply (more than " +
             std::to_string(limits::maxMacroNesting) + " levels)");
    const std::size_t open = pos + 1;
    std::size_t q = open;
    int nest = 0;
    // Which open parentheses start references, to refuse deep nesting here
    // in one pass rather than after thousands of levels of copies.
    std::vector<bool> isReference;
    int references = 0;
    int deepest = 0;
    while (q < text.size()) {
        if (text[q] == '(') {
            ++nest;
            isReference.push_back(text[q - 1] == '$');
            references += isReference.back();
            deepest = std::max(deepest, references);
        } else if (text[q] == ')') {
            if (nest-- == 0) break;
            references -= isReference.back();
            isReference.pop_back();
        }
        ++q;
    }
    if (q >= text.size())
        fail("unterminated reference to '" + std::string(text.substr(open)) + "': missing ')'");
    if (m_nesting + deepest > limits::maxMacroNesting)
        fail("macro references nested too deeply (more than " +
             std::to_string(limits::maxMacroNesting) + " levels)");
    pos = q + 1;
    return evalClause(text.substr(open, q - open), args);
}

static bool isTokenChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

std::string Preprocessor::expandUntil(std::string_view text, std::size_t &pos, bool tokenOnly,
                                      const std::vector<std::string> &args)
{
    std::string out;
    std::size_t in = pos;
    std::size_t p = pos;
    while (true) {
        if (p < text.size() && text[p] == '$') {
            out.append(text.substr(in, p - in));
            ++p;
            out += expandDollarWithArgs(text, p, args);
            if (out.size() > limits::maxMacroExpansion)
                fail("macro expansion too long (more than " +
                     std::to_string(limits::maxMacroExpansion) + " bytes)");
            in = p;
            continue;
        }
        if (p >= text.size() || text[p] == '\0' || (tokenOnly && !isTokenChar(text[p]))) break;
        ++p;
    }
    out.append(text.substr(in, p - in));
    pos = p;
    return out;
}

std::string Preprocessor::expandWithArgs(std::string_view in, const std::vector<std::string> &args)
{
    std::size_t pos = 0;
    return expandUntil(in, pos, false, args);
}

std::string Preprocessor::expandString(std::string_view text)
{
    return expandWithArgs(text, {});
}

std::string Preprocessor::expandDollar(std::string_view text, std::size_t &pos)
{
    return expandDollarWithArgs(text, pos, {});
}

std::string Preprocessor::expandOneToken(std::string_view text, std::size_t &pos)
{
    return expandUntil(text, pos, true, {});
}

} // namespace kconfig
