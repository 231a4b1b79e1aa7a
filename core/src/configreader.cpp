// SPDX-License-Identifier: MIT
#include "kconfig/configreader.h"

#include "kconfig/config.h"
#include "kconfig/diagnostic.h"
#include "kconfig/environment.h"
#include "kconfig/sourcefiles.h"
#include "kconfig/tree.h"
#include "kconfig/valuesyntax.h"

#include <cctype>
#include <cstring>

namespace kconfig {

namespace {
constexpr std::size_t kMaxConfigFile = 256u << 20;
}

std::string configPrefix(const Environment &env)
{
    return env.value("CONFIG_", "CONFIG_");
}

std::optional<std::string> readConfigFile(const std::string &name, const Environment &env)
{
    if (auto text = readWholeFile(name, kMaxConfigFile)) return text;
    if (!name.empty() && name[0] != '/') {
        if (auto srctree = env.get("srctree"))
            return readWholeFile(*srctree + '/' + name, kMaxConfigFile);
    }
    return std::nullopt;
}

ConfigReader::ConfigReader(Config &config, const Environment &env, DiagnosticSink &diagnostics)
    : m_config(config), m_env(env), m_diag(diagnostics)
{
}

void ConfigReader::warn(const std::string &message)
{
    Diagnostic d;
    d.severity = Diagnostic::Severity::Warning;
    d.message = message;
    d.text = m_file + ':' + std::to_string(m_line) + ":warning: " + message + '\n';
    m_diag.report(std::move(d));
    ++m_warnings;
}

bool ConfigReader::readSimple(const std::optional<std::string> &name, Target target)
{
    if (name) {
        auto text = readConfigFile(*name, m_env);
        if (!text) return false;
        load(*name, *text, target);
        return true;
    }
    const std::string configName = m_env.value("KCONFIG_CONFIG", ".config");
    if (auto text = readConfigFile(configName, m_env)) {
        load(configName, *text, target);
        return true;
    }
    m_config.setChanged(true);
    auto list = m_env.get("KCONFIG_DEFCONFIG_LIST");
    if (!list) return false;
    std::size_t pos = 0;
    const std::string &l = *list;
    while (true) {
        while (pos < l.size() && std::isspace(static_cast<unsigned char>(l[pos])))
            ++pos;
        if (pos >= l.size()) break;
        std::size_t end = pos;
        while (end < l.size() && !std::isspace(static_cast<unsigned char>(l[end])))
            ++end;
        const std::string candidate = l.substr(pos, end - pos);
        if (auto text = readConfigFile(candidate, m_env)) {
            if (m_message) m_message("using defaults found in " + candidate);
            load(candidate, *text, target);
            return true;
        }
        if (end >= l.size()) break;
        pos = end + 1;
    }
    return false;
}

void ConfigReader::readText(const std::string &fileName, const std::string &text, Target target)
{
    load(fileName, text, target);
}

bool ConfigReader::setValue(const Symbol *sym, Target target, std::string p)
{
    const bool user = target == Target::User;
    const auto setTri = [&](Tristate t) {
        if (user)
            m_config.setUserTristateRaw(sym, t);
        else
            m_config.setAutoTristate(sym, t);
    };
    switch (sym->type) {
    case SymbolType::Tristate:
    case SymbolType::Bool:
        if (sym->type == SymbolType::Tristate && !p.empty() && p[0] == 'm') {
            setTri(Tristate::Mod);
            return true;
        }
        if (!p.empty() && p[0] == 'y') {
            setTri(Tristate::Yes);
            return true;
        }
        if (!p.empty() && p[0] == 'n') {
            setTri(Tristate::No);
            return true;
        }
        if (user) warn("symbol value '" + p + "' invalid for " + sym->name);
        return false;
    case SymbolType::String:
    case SymbolType::Int:
    case SymbolType::Hex:
        if (sym->type == SymbolType::String && user) {
            // Quoted, with backslash escapes; an unquoted value is ignored.
            if (p.empty() || p[0] != '"') return true;
            std::string out;
            bool closed = false;
            for (std::size_t i = 1; i < p.size(); ++i) {
                if (p[i] == '"') {
                    closed = true;
                    break;
                }
                if (p[i] == '\\') {
                    if (++i >= p.size()) break;
                }
                out += p[i];
            }
            if (!closed) {
                warn("invalid string found");
                return false;
            }
            p = std::move(out);
        }
        if (isValidValueString(sym->type, p)) {
            if (user)
                m_config.setUserStringRaw(sym, p);
            else
                m_config.setAutoString(sym, p);
            return true;
        }
        if (user) warn("symbol value '" + p + "' invalid for " + sym->name);
        return false;
    default:
        return true;
    }
}

void ConfigReader::load(const std::string &fileName, const std::string &text, Target target)
{
    m_file = fileName;
    m_line = 0;
    m_warnings = 0;
    const bool user = target == Target::User;
    const Tree &tree = m_config.tree();
    const bool warnUnknown = m_env.isSet("KCONFIG_WARN_UNKNOWN_SYMBOLS");
    const std::string prefix = configPrefix(m_env);

    if (user) {
        for (const Symbol *s : tree.symbols().all())
            m_config.clearUserValue(s);
        m_config.invalidateAll();
    } else {
        m_config.clearAutoValues();
        m_unknownAuto.clear();
    }

    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        std::string line = text.substr(pos, (eol == std::string::npos ? text.size() : eol) - pos);
        pos = eol == std::string::npos ? text.size() : eol + 1;
        if (eol != std::string::npos && !line.empty() && line.back() == '\r') line.pop_back();
        // conf stops at a NUL byte like any C string
        if (auto nul = line.find('\0'); nul != std::string::npos) line.resize(nul);
        ++m_line;
        if (line.empty()) continue;

        std::string name;
        std::string value;
        if (line[0] == '#') {
            if (line.size() < 2 || line[1] != ' ') continue;
            if (line.compare(2, prefix.size(), prefix) != 0) continue;
            const std::size_t start = 2 + prefix.size();
            const std::size_t space = line.find(' ', start);
            if (space == std::string::npos) continue;
            if (line.compare(space + 1, std::string::npos, "is not set") != 0) continue;
            name = line.substr(start, space - start);
            value = "n";
        } else {
            if (line.compare(0, prefix.size(), prefix) != 0) {
                warn("unexpected data: " + line);
                continue;
            }
            const std::size_t eq = line.find('=', prefix.size());
            if (eq == std::string::npos) {
                warn("unexpected data: " + line);
                continue;
            }
            name = line.substr(prefix.size(), eq - prefix.size());
            value = line.substr(eq + 1);
        }

        const Symbol *sym = tree.symbols().find(name);
        if (!sym) {
            if (!user) {
                m_unknownAuto.push_back(name);
            } else {
                if (warnUnknown) warn("unknown symbol: " + name);
                m_config.setChanged(true);
            }
            continue;
        }
        const bool already = user ? m_config.hasUserValue(sym) : m_config.hasAutoValue(sym);
        if (already) warn("override: reassigning to symbol " + sym->name);
        if (!setValue(sym, target, value)) continue;
        if (!user) continue;
        // The last member of a choice named in the file wins.
        if (tree.choiceMenuOf(sym)) m_config.moveChoiceMemberToFront(sym);
    }
}

bool ConfigReader::read(const std::optional<std::string> &name)
{
    m_config.setChanged(false);
    const Tree &tree = m_config.tree();
    if (!readSimple(name, Target::User)) {
        m_config.calc(tree.modules());
        return false;
    }
    m_config.calc(tree.modules());
    m_config.calcAll();
    // Changed when a value differs from the file's or a symbol is written
    // that the file did not have (y, m and n are neither).
    for (const Symbol *sym : tree.symbols().all()) {
        if (sym->isChoice()) continue;
        const bool has = m_config.hasUserValue(sym);
        const bool written = m_config.isWritten(sym);
        if (has && written) {
            if (sym->isBoolOrTristate()) {
                if (m_config.userTristate(sym) == m_config.currentTristate(sym)) continue;
            } else if (m_config.currentRawValue(sym) == m_config.userString(sym)) {
                continue;
            }
        } else if (!has && !written) {
            continue;
        }
        m_config.setChanged(true);
        break;
    }
    if (m_warnings) m_config.setChanged(true);
    return true;
}

} // namespace kconfig
