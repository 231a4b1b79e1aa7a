// SPDX-License-Identifier: MIT
#include "kconfig/configwriter.h"

#include "kconfig/config.h"
#include "kconfig/configreader.h"
#include "kconfig/environment.h"
#include "kconfig/sourcefiles.h"
#include "kconfig/tree.h"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kconfig {

std::string escapeStringValue(const std::string &in)
{
    std::string out = "\"";
    for (char c : in) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

bool isDirectory(const std::string &path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool pathExists(const std::string &path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

bool makeParentDirectories(const std::string &path)
{
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos)
        return true;
    const std::string dir = path.substr(0, slash + 1);
    std::size_t pos = 0;
    while (pos < dir.size() && dir[pos] == '/')
        ++pos;
    while ((pos = dir.find('/', pos)) != std::string::npos) {
        const std::string part = dir.substr(0, pos);
        if (!isDirectory(part) && ::mkdir(part.c_str(), 0755) != 0)
            return false;
        while (pos < dir.size() && dir[pos] == '/')
            ++pos;
    }
    return true;
}

static bool writeAll(int fd, const std::string &text)
{
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

bool writeFileAtomically(const std::string &path, const std::string &text,
                         const std::string &tmpPath, const std::string &oldPath, unsigned mode)
{
    const int fd = ::open(tmpPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0)
        return false;
    const bool ok = writeAll(fd, text) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) {
        ::unlink(tmpPath.c_str());
        return false;
    }
    if (!oldPath.empty())
        ::rename(path.c_str(), oldPath.c_str());
    if (::rename(tmpPath.c_str(), path.c_str()) != 0) {
        ::unlink(tmpPath.c_str());
        return false;
    }
    return true;
}

ConfigWriter::ConfigWriter(Config &config, const Environment &env)
    : m_config(config), m_env(env), m_prefix(configPrefix(env))
{
}

std::string ConfigWriter::dotConfigLine(const Symbol *sym)
{
    if (sym->type == SymbolType::Unknown)
        return {};
    const std::string val = m_config.currentString(sym);
    if (sym->isBoolOrTristate() && val == "n")
        return "# " + m_prefix + sym->name + " is not set\n";
    if (sym->type == SymbolType::String)
        return m_prefix + sym->name + '=' + escapeStringValue(val) + '\n';
    return m_prefix + sym->name + '=' + val + '\n';
}

std::string ConfigWriter::dotConfigText()
{
    const Tree &tree = m_config.tree();
    std::string out = "#\n# Automatically generated file; DO NOT EDIT.\n# " +
                      tree.mainMenuTitle() + "\n#\n";
    std::vector<char> written(tree.symbols().size(), 0);
    bool needNewline = false;
    const MenuNode *root = tree.rootMenu();
    const MenuNode *menu = root->list;
    while (menu) {
        const Symbol *sym = menu->sym;
        if (!sym) {
            if (m_config.menuIsVisible(menu)) {
                out += "\n#\n# " + *menu->promptText() + "\n#\n";
                needNewline = false;
            }
        } else if (!sym->isChoice() && !written[sym->id]) {
            m_config.calc(sym);
            if (m_config.isWritten(sym)) {
                if (needNewline) {
                    out += '\n';
                    needNewline = false;
                }
                written[sym->id] = 1;
                out += dotConfigLine(sym);
            }
        }
        if (menu->list) {
            menu = menu->list;
            continue;
        }
        while (menu) {
            if (!menu->sym && m_config.menuIsVisible(menu) && menu != root && menu->isMenu()) {
                out += "# end of " + *menu->promptText() + '\n';
                needNewline = true;
            }
            if (menu->next) {
                menu = menu->next;
                break;
            }
            menu = menu->parent;
        }
    }
    return out;
}

int ConfigWriter::writeDotConfig(const std::string &requested)
{
    const std::string name = requested.empty() ? m_env.value("KCONFIG_CONFIG", ".config") : requested;
    if (name.empty()) {
        if (m_error)
            m_error("config name is empty");
        return -1;
    }
    if (isDirectory(name)) {
        if (m_error)
            m_error(name + ": Is a directory");
        return -1;
    }
    if (!makeParentDirectories(name))
        return -1;

    if (!m_config.isChanged())
        m_config.clearAllValid();
    const std::string text = dotConfigText();

    const std::string overwrite = m_env.value("KCONFIG_OVERWRITECONFIG");
    if (!overwrite.empty()) {
        // In place, so that a symlinked .config stays a symlink.
        FILE *f = std::fopen(name.c_str(), "w");
        if (!f)
            return 1;
        std::fwrite(text.data(), 1, text.size(), f);
        std::fclose(f);
    } else {
        if (auto old = readWholeFile(name, text.size() + 1); old && *old == text) {
            if (m_message)
                m_message("No change to " + name);
            m_config.setChanged(false);
            return 0;
        }
        const std::string tmp = name + '.' + std::to_string(::getpid()) + ".tmp";
        if (!writeFileAtomically(name, text, tmp, name + ".old"))
            return 1;
    }
    if (m_message)
        m_message("configuration written to " + name);
    m_config.setChanged(false);
    return 0;
}

std::string ConfigWriter::defconfigText()
{
    const Tree &tree = m_config.tree();
    m_config.clearAllValid();
    std::string out;
    std::vector<char> writeCleared(tree.symbols().size(), 0);
    tree.forEachMenu([&](MenuNode *menu) {
        const Symbol *sym = menu->sym;
        if (!sym || sym->isChoice())
            return;
        m_config.calc(sym);
        // conf clears SYMBOL_WRITE after the first definition it visits
        if (writeCleared[sym->id] || !m_config.isWritten(sym))
            return;
        writeCleared[sym->id] = 1;
        if (!m_config.isChangeable(sym))
            return;
        if (m_config.currentString(sym) == m_config.stringDefault(sym))
            return;
        if (const MenuNode *choice = tree.choiceMenuOf(sym)) {
            const Symbol *def = m_config.choiceDefault(choice);
            if (sym == def && m_config.currentTristate(sym) == Tristate::Yes)
                return;
        }
        out += dotConfigLine(sym);
    });
    return out;
}

int ConfigWriter::writeDefconfig(const std::string &name)
{
    FILE *f = std::fopen(name.c_str(), "w");
    if (!f)
        return 1;
    const std::string text = defconfigText();
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
    return 0;
}

} // namespace kconfig
