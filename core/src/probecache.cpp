// SPDX-License-Identifier: MIT
#include "kconfig/probecache.h"

#include "kconfig/configwriter.h"
#include "kconfig/environment.h"
#include "kconfig/sourcefiles.h"

#include <cctype>
#include <cstdio>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace kconfig {

namespace {

constexpr const char *kFormat = "kconfig-studio probe cache v1";
constexpr std::size_t kMaxEntry = 1u << 20;

// Variables that differ from run to run but that no probe reads.
const std::set<std::string> &volatileVariables()
{
    static const std::set<std::string> vars = {"_",         "OLDPWD",    "PWD",    "SHLVL",
                                               "MAKEFLAGS", "MAKELEVEL", "MFLAGS", "MAKEOVERRIDES",
                                               "TERM",      "COLUMNS",   "LINES"};
    return vars;
}

std::string hexHash(const std::string &s)
{
    // Two independent 64-bit FNV-1a variants: a file name, not a security measure;
    // the full key inside the entry is compared.
    unsigned long long a = 1469598103934665603ull, b = 0x84222325cbf29ce4ull;
    for (unsigned char c : s) {
        a = (a ^ c) * 1099511628211ull;
        b = (b ^ (c + 0x9Eu)) * 0x100000001b3ull;
    }
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", a, b);
    return buf;
}

std::vector<std::string> words(const std::string &command)
{
    std::vector<std::string> out;
    std::string cur;
    for (char c : command) {
        if (std::isspace(static_cast<unsigned char>(c)) ||
            std::string_view(";|&(){}<>'\"`").find(c) != std::string_view::npos) {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

} // namespace

ProbeCache::ProbeCache(ShellRunner &inner, std::string directory, std::string workingDirectory)
    : m_inner(inner), m_dir(std::move(directory)), m_cwd(std::move(workingDirectory))
{
    if (m_cwd.empty()) {
        char buf[4096];
        if (::getcwd(buf, sizeof buf)) m_cwd = buf;
    }
}

std::string ProbeCache::defaultDirectory(const Environment &env)
{
    std::string base = env.value("XDG_CACHE_HOME");
    if (base.empty()) base = env.value("HOME") + "/.cache";
    return base + "/kconfig-studio/probes";
}

std::string ProbeCache::fingerprint(const std::string &path)
{
    if (auto it = m_statMemo.find(path); it != m_statMemo.end()) return it->second;
    struct stat st
    {
    };
    std::string fp;
    if (::stat(path.c_str(), &st) == 0) {
        fp = std::to_string(st.st_size) + ':' + std::to_string(st.st_mtim.tv_sec) + '.' +
             std::to_string(st.st_mtim.tv_nsec) + ':' + std::to_string(st.st_ino) + ':' +
             std::to_string(st.st_mode);
    } else {
        fp = "missing";
    }
    m_statMemo.emplace(path, fp);
    return fp;
}

std::string ProbeCache::resolveProgram(const std::string &word, const std::string &pathVar)
{
    const std::string memoKey = word + '\0' + pathVar;
    if (auto it = m_resolved.find(memoKey); it != m_resolved.end()) return it->second;
    std::string found = searchProgram(word, pathVar);
    m_resolved.emplace(memoKey, found);
    return found;
}

std::string ProbeCache::searchProgram(const std::string &word, const std::string &pathVar)
{
    if (word.find('/') != std::string::npos) {
        const std::string p = word[0] == '/' ? word : m_cwd + '/' + word;
        return pathExists(p) ? p : std::string();
    }
    std::size_t pos = 0;
    while (pos <= pathVar.size()) {
        std::size_t end = pathVar.find(':', pos);
        if (end == std::string::npos) end = pathVar.size();
        const std::string dir = pathVar.substr(pos, end - pos);
        if (!dir.empty()) {
            const std::string p = dir + '/' + word;
            if (fingerprint(p) != "missing" && ::access(p.c_str(), X_OK) == 0) return p;
        }
        pos = end + 1;
    }
    return {};
}

std::string ProbeCache::keyFor(const std::string &command, const Environment &env)
{
    // The working directory itself is not part of the key (builds happen in
    // many directories); what the command names relative to it is, below.
    std::string key = std::string(kFormat) + "\ncommand " + command + '\n';
    if (m_envKeyFor != &env || m_envKeySize != env.variables().size()) {
        m_envKey.clear();
        for (const auto &[name, value] : env.variables())
            if (!volatileVariables().count(name)) m_envKey += "env " + name + '=' + value + '\n';
        const std::string pathVar = env.value("PATH");
        std::size_t pos = 0;
        while (pos <= pathVar.size()) {
            std::size_t end = pathVar.find(':', pos);
            if (end == std::string::npos) end = pathVar.size();
            const std::string dir = pathVar.substr(pos, end - pos);
            if (!dir.empty()) m_envKey += "pathdir " + dir + ' ' + fingerprint(dir) + '\n';
            pos = end + 1;
        }
        m_envKeyFor = &env;
        m_envKeySize = env.variables().size();
    }
    key += m_envKey;
    const std::string pathVar = env.value("PATH");
    std::set<std::string> seen;
    for (const std::string &w : words(command)) {
        std::string word = w;
        if (auto eq = word.find('=');
            eq != std::string::npos && word.find('/') == std::string::npos)
            continue; // VAR=value assignments
        const std::string program = resolveProgram(word, pathVar);
        if (program.empty()) {
            if (word.find('/') != std::string::npos && word[0] != '/')
                key += "missing " + m_cwd + '/' + word + '\n';
            continue;
        }
        if (!seen.insert(program).second) continue;
        key += "tool " + program + ' ' + fingerprint(program) + '\n';
        char real[4096];
        if (::realpath(program.c_str(), real) && program != real)
            key += "real " + std::string(real) + ' ' + fingerprint(real) + '\n';
        const std::string dir = program.substr(0, program.rfind('/'));
        key += "dir " + dir + ' ' + fingerprint(dir) + '\n';
    }
    return key;
}

std::string ProbeCache::entryPath(const std::string &key) const
{
    const std::string h = hexHash(key);
    return m_dir + '/' + h.substr(0, 2) + '/' + h + ".probe";
}

std::string ProbeCache::run(const std::string &command, const Environment &env)
{
    const std::string key = keyFor(command, env);
    const std::string path = entryPath(key);
    const std::string header = key + "--\n";
    if (auto text = readWholeFile(path, kMaxEntry)) {
        struct stat st
        {
        };
        const bool ownerOnly =
            ::stat(path.c_str(), &st) == 0 && st.st_uid == ::getuid() && (st.st_mode & 077) == 0;
        if (ownerOnly && text->size() >= header.size() + 1 &&
            text->compare(0, header.size(), header) == 0 && text->back() == '\n') {
            ++m_hits;
            return text->substr(header.size(), text->size() - header.size() - 1);
        }
    }
    ++m_misses;
    std::string out = m_inner.run(command, env);
    const std::string dir = path.substr(0, path.rfind('/'));
    if (makeParentDirectories(path)) {
        ::chmod(m_dir.c_str(), 0700);
        ::chmod(dir.c_str(), 0700);
        const std::string tmp = path + '.' + std::to_string(::getpid()) + ".tmp";
        writeFileAtomically(path, header + out + '\n', tmp, {}, 0600);
    }
    return out;
}

} // namespace kconfig
