// SPDX-License-Identifier: MIT
#include "kconfig/autoconfwriter.h"

#include "kconfig/config.h"
#include "kconfig/configreader.h"
#include "kconfig/configwriter.h"
#include "kconfig/environment.h"
#include "kconfig/tree.h"

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace kconfig {

AutoconfWriter::AutoconfWriter(Config &config, const Environment &env, DiagnosticSink &diagnostics)
    : m_config(config), m_env(env), m_diag(diagnostics), m_prefix(configPrefix(env))
{
}

std::string AutoconfWriter::autoConfText()
{
    const Tree &tree = m_config.tree();
    std::string out = "#\n# Automatically generated file; DO NOT EDIT.\n# " + tree.mainMenuTitle() + "\n#\n";
    for (const Symbol *sym : tree.symbols().hashOrder()) {
        if (!m_config.isWritten(sym) || sym->isChoice() || sym->type == SymbolType::Unknown)
            continue;
        const std::string val = m_config.currentString(sym);
        if (sym->isBoolOrTristate() && val == "n")
            continue;
        out += m_prefix + sym->name + '=' + val + '\n';
    }
    return out;
}

static bool hasHexPrefix(const std::string &v)
{
    return v.size() >= 2 && v[0] == '0' && (v[1] == 'x' || v[1] == 'X');
}

std::string AutoconfWriter::autoconfHeaderText()
{
    const Tree &tree = m_config.tree();
    std::string out = "/*\n * Automatically generated file; DO NOT EDIT.\n * " + tree.mainMenuTitle() + "\n */\n";
    for (const Symbol *sym : tree.symbols().hashOrder()) {
        if (!m_config.isWritten(sym) || sym->isChoice() || sym->type == SymbolType::Unknown)
            continue;
        std::string val = m_config.currentString(sym);
        std::string suffix;
        switch (sym->type) {
        case SymbolType::Bool:
        case SymbolType::Tristate:
            if (val == "n")
                continue;
            if (val == "m")
                suffix = "_MODULE";
            val = "1";
            break;
        case SymbolType::Hex:
            if (!hasHexPrefix(val))
                val = "0x" + val;
            break;
        case SymbolType::String:
            val = escapeStringValue(val);
            break;
        default:
            break;
        }
        out += "#define " + m_prefix + sym->name + suffix + ' ' + val + '\n';
    }
    return out;
}

std::string AutoconfWriter::rustcCfgText()
{
    const Tree &tree = m_config.tree();
    std::string out;
    for (const Symbol *sym : tree.symbols().hashOrder()) {
        if (!m_config.isWritten(sym) || sym->isChoice() || sym->type == SymbolType::Unknown)
            continue;
        std::string val = m_config.currentString(sym);
        if (sym->isBoolOrTristate()) {
            if (val == "n")
                continue;
            // like IS_ENABLED(): a bare --cfg for both y and m
            out += "--cfg=" + m_prefix + sym->name + '\n';
        } else if (sym->type == SymbolType::Hex && !hasHexPrefix(val)) {
            val = "0x" + val;
        }
        out += "--cfg=" + m_prefix + sym->name + '=' + escapeStringValue(val) + '\n';
    }
    return out;
}

std::string AutoconfWriter::autoConfCmdText(const std::string &autoconfName)
{
    const Tree &tree = m_config.tree();
    std::string out = "autoconfig := " + autoconfName + "\n\ndeps_config := \\\n";
    for (const std::string *f : tree.files())
        out += '\t' + *f + " \\\n";
    out += "\n$(autoconfig): $(deps_config)\n$(deps_config): ;\n";
    for (const auto &[name, value] : tree.environmentDependencies())
        out += "\nifneq \"$(" + name + ")\" \"" + value + "\"\n$(autoconfig): FORCE\nendif\n";
    return out;
}

int AutoconfWriter::touchChangedSymbols(const std::string &autoconfName)
{
    const std::size_t slash = autoconfName.rfind('/');
    const std::string prefix = slash == std::string::npos ? std::string() : autoconfName.substr(0, slash + 1);
    const auto touch = [&prefix](const std::string &name) {
        const std::string path = prefix + name;
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0)
            return false;
        ::close(fd);
        return true;
    };

    // The previous auto.conf; a name it has that the tree lost is touched too.
    ConfigReader reader(m_config, m_env, m_diag);
    reader.readSimple(autoconfName, ConfigReader::Target::Auto);
    for (const std::string &gone : reader.unknownAutoSymbols())
        touch(gone);

    const Tree &tree = m_config.tree();
    for (const Symbol *sym : tree.symbols().hashOrder()) {
        if (sym->isChoice())
            continue;
        if (m_config.isWritten(sym)) {
            if (m_config.hasAutoValue(sym)) {
                if (sym->isBoolOrTristate()) {
                    if (m_config.currentTristate(sym) == m_config.autoTristate(sym))
                        continue;
                } else if (sym->type == SymbolType::String || sym->type == SymbolType::Int ||
                           sym->type == SymbolType::Hex) {
                    if (m_config.currentString(sym) == m_config.autoString(sym))
                        continue;
                }
            } else if (sym->isBoolOrTristate() && m_config.currentTristate(sym) == Tristate::No) {
                continue; // no old value, and n is what "no value" means
            }
        } else if (!m_config.hasAutoValue(sym)) {
            continue;
        }
        if (!touch(sym->name))
            return -1;
    }
    return 0;
}

int AutoconfWriter::write(bool overwrite)
{
    const std::string autoconfName = m_env.value("KCONFIG_AUTOCONFIG", "include/config/auto.conf");
    if (!overwrite && pathExists(autoconfName))
        return 0;

    const std::string cmdName = autoconfName + ".cmd";
    if (!makeParentDirectories(cmdName) ||
        !writeFileAtomically(cmdName, autoConfCmdText(autoconfName), autoconfName + ".cmd.tmp"))
        return -1;

    const Tree &tree = m_config.tree();
    for (const Symbol *sym : tree.symbols().hashOrder())
        m_config.calc(sym);

    if (touchChangedSymbols(autoconfName))
        return 1;

    const auto writeOne = [](const std::string &name, const std::string &text) {
        return makeParentDirectories(name) && writeFileAtomically(name, text, name + ".tmp");
    };
    if (!writeOne(m_env.value("KCONFIG_AUTOHEADER", "include/generated/autoconf.h"),
                  autoconfHeaderText()))
        return -1;
    if (!writeOne(m_env.value("KCONFIG_RUSTCCFG", "include/generated/rustc_cfg"), rustcCfgText()))
        return -1;
    // auto.conf last: the build takes it as the sign that everything is in place.
    if (!writeOne(autoconfName, autoConfText()))
        return -1;
    return 0;
}

} // namespace kconfig
