// SPDX-License-Identifier: MIT
#include "kconfig/shellconsent.h"

#include "hashing.h"

#include "kconfig/configwriter.h"
#include "kconfig/environment.h"
#include "kconfig/sourcefiles.h"

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace kconfig {

namespace {

constexpr char kHeader[] = "kconfig-studio shell consent 1\n";

// One record per line: backslash, newline and tab escaped.
std::string escape(const std::string &s)
{
    std::string out;
    for (char c : s) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else
            out += c;
    }
    return out;
}

std::string unescape(const std::string &s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\' || i + 1 == s.size()) {
            out += s[i];
            continue;
        }
        const char n = s[++i];
        out += n == 'n' ? '\n' : n == 't' ? '\t' : n;
    }
    return out;
}

bool isWordBreak(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '|' || c == '&' || c == '(' ||
           c == ')' || c == '<' || c == '>' || c == '\'' || c == '"' || c == '`' || c == '=' ||
           c == '$' || c == '{' || c == '}';
}

} // namespace

std::string ShellConsentStore::defaultDirectory(const Environment &env)
{
    std::string base = env.value("XDG_CONFIG_HOME");
    if (base.empty()) base = env.value("HOME") + "/.config";
    return base + "/kconfig-studio/shell-consent";
}

std::string ShellConsentStore::entryPath(const std::string &tree) const
{
    return m_dir + '/' + hashing::hex(hashing::fnv1a(tree)) + ".consent";
}

std::string ShellConsentStore::filesFingerprint(const std::string &command,
                                                const std::string &workingDirectory)
{
    std::string out;
    std::size_t i = 0;
    while (i < command.size()) {
        while (i < command.size() && isWordBreak(command[i]))
            ++i;
        const std::size_t start = i;
        while (i < command.size() && !isWordBreak(command[i]))
            ++i;
        const std::string word = command.substr(start, i - start);
        if (word.find('/') == std::string::npos) continue;
        const std::string path =
            word[0] == '/' || workingDirectory.empty() ? word : workingDirectory + '/' + word;
        auto bytes = readWholeFile(path, 16u << 20);
        if (!bytes) continue;
        out += word + '=' + hashing::hex(hashing::checksum(*bytes)) + ';';
    }
    return out;
}

std::map<std::string, std::string> ShellConsentStore::approved(const std::string &tree) const
{
    std::map<std::string, std::string> out;
    const std::string path = entryPath(tree);
    struct stat st
    {
    };
    // Only the user's own, private record counts.
    if (::stat(path.c_str(), &st) != 0 || st.st_uid != ::getuid() || (st.st_mode & 022)) return out;
    auto text = readWholeFile(path, 4u << 20);
    if (!text || text->rfind(kHeader, 0) != 0) return out;
    std::size_t pos = sizeof kHeader - 1;
    bool forThisTree = false;
    while (pos < text->size()) {
        std::size_t nl = text->find('\n', pos);
        if (nl == std::string::npos) nl = text->size();
        const std::string line = text->substr(pos, nl - pos);
        pos = nl + 1;
        if (line.rfind("tree ", 0) == 0) {
            forThisTree = unescape(line.substr(5)) == tree;
        } else if (forThisTree && line.rfind("command ", 0) == 0) {
            const std::size_t tab = line.find('\t');
            if (tab == std::string::npos) continue;
            out[unescape(line.substr(8, tab - 8))] = unescape(line.substr(tab + 1));
        }
    }
    return out;
}

bool ShellConsentStore::approve(const std::string &tree, const std::vector<std::string> &commands,
                                const std::string &workingDirectory) const
{
    std::map<std::string, std::string> all = approved(tree);
    for (const std::string &c : commands)
        all[c] = filesFingerprint(c, workingDirectory);
    std::string text = kHeader;
    text += "tree " + escape(tree) + '\n';
    for (const auto &[c, f] : all)
        text += "command " + escape(c) + '\t' + escape(f) + '\n';
    const std::string path = entryPath(tree);
    if (!makeParentDirectories(path)) return false;
    ::chmod(m_dir.c_str(), 0700);
    return writeFileAtomically(path, text, path + '.' + std::to_string(::getpid()) + ".tmp", {},
                               0600);
}

bool ShellConsentStore::revoke(const std::string &tree) const
{
    return ::unlink(entryPath(tree).c_str()) == 0 || errno == ENOENT;
}

std::string ConsentingShell::failedAnswer(const std::string &command)
{
    // ... || echo WORD   (WORD possibly quoted), at the very end.
    std::string c = command;
    while (!c.empty() && (c.back() == ' ' || c.back() == '\t' || c.back() == '\n'))
        c.pop_back();
    const std::size_t bar = c.rfind("|| echo ");
    if (bar == std::string::npos || c.find("&& echo ") == std::string::npos) return {};
    std::string word = c.substr(bar + 8);
    if (word.size() >= 2 && (word.front() == '"' || word.front() == '\'') &&
        word.back() == word.front())
        word = word.substr(1, word.size() - 2);
    if (word.find_first_of("\"'$`;&|<>(){} \t") != std::string::npos) return {};
    return word + '\n';
}

ShellOutput ConsentingShell::execute(const std::string &command, const Environment &env)
{
    auto decided = m_decided.find(command);
    if (decided == m_decided.end()) {
        auto it = m_approved.find(command);
        const bool allowed =
            m_runAll || (it != m_approved.end() &&
                         it->second == ShellConsentStore::filesFingerprint(command, m_cwd));
        decided = m_decided.emplace(command, allowed).first;
        (allowed ? m_allowed : m_refused).push_back(command);
    }
    if (!decided->second) return ShellOutput{failedAnswer(command), {}};
    return m_inner.execute(command, env);
}

} // namespace kconfig
