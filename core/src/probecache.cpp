// SPDX-License-Identifier: MIT
#include "kconfig/probecache.h"

#include "hashing.h"

#include "kconfig/configwriter.h"
#include "kconfig/environment.h"
#include "kconfig/sourcefiles.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <dirent.h>
#include <optional>
#include <set>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace kconfig {

namespace {

constexpr const char *kFormat = "kconfig-studio probe cache v3";
constexpr std::size_t kMaxEntry = 1u << 20;
constexpr const char *kAnswersFormat = "kconfig-studio probe answers v1";

// Variables that differ from run to run but that no probe reads.
const std::set<std::string> &volatileVariables()
{
    static const std::set<std::string> vars = {"_",         "OLDPWD",    "PWD",    "SHLVL",
                                               "MAKEFLAGS", "MAKELEVEL", "MFLAGS", "MAKEOVERRIDES",
                                               "TERM",      "COLUMNS",   "LINES"};
    return vars;
}

constexpr std::uint64_t kSecondBasis = 0x84222325cbf29ce4ull;

std::string hexHash(const std::string &s)
{
    // Two FNV-1a variants: a file name, not a security measure; the full key
    // inside the entry is compared.
    return hashing::hex(hashing::fnv1a(s)) + hashing::hex(hashing::fnv1a(s, kSecondBasis));
}

std::vector<std::string_view> words(std::string_view command)
{
    static const auto separator = [] {
        std::array<bool, 256> t{};
        for (unsigned char c : std::string_view(" \t\n\v\f\r;|&(){}<>'\"`"))
            t[c] = true;
        return t;
    }();
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= command.size(); ++i) {
        if (i < command.size() && !separator[static_cast<unsigned char>(command[i])]) continue;
        if (i > start) out.push_back(command.substr(start, i - start));
        start = i + 1;
    }
    return out;
}

// A cache file only this user can have written: others' files are never trusted.
std::optional<std::string> readOwnFile(const std::string &path)
{
    struct stat st
    {
    };
    auto text = readWholeFile(path, kMaxEntry, &st);
    static const uid_t self = ::getuid();
    if (!text || st.st_uid != self || (st.st_mode & 077) != 0) return std::nullopt;
    return text;
}

// Writes a cache file under `top` owner-only, atomically; the directories
// between them are made owner-only too.
void writeOwnFile(const std::string &top, const std::string &path, const std::string &text)
{
    if (!makeParentDirectories(path)) return;
    ::chmod(top.c_str(), 0700);
    ::chmod(path.substr(0, path.rfind('/')).c_str(), 0700);
    writeFileAtomically(path, text, path + '.' + std::to_string(::getpid()) + ".tmp", {}, 0600);
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

std::string ProbeCache::workingDirectoryFor(const Environment &env, const std::string &tree)
{
    std::string base = env.value("XDG_CACHE_HOME");
    if (base.empty()) base = env.value("HOME") + "/.cache";
    const std::string dir = base + "/kconfig-studio/objtree/" + hexHash(tree).substr(0, 16);
    if (makeParentDirectories(dir + '/')) {
        ::mkdir(dir.c_str(), 0700);
        ::chmod(dir.c_str(), 0700);
    }
    return isDirectory(dir) ? dir : std::string("/tmp");
}

const std::string &ProbeCache::fingerprint(const std::string &path)
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
    return m_statMemo.emplace(path, std::move(fp)).first->second;
}

const std::string &ProbeCache::realPath(const std::string &program)
{
    auto it = m_realPaths.find(program);
    if (it == m_realPaths.end()) {
        char real[4096];
        it = m_realPaths.emplace(program, ::realpath(program.c_str(), real) ? real : "").first;
    }
    return it->second;
}

const std::string &ProbeCache::resolveProgram(const std::string &word, const std::string &pathVar)
{
    if (pathVar != m_resolvedFor) {
        writePathMemo();
        m_resolved.clear();
        m_resolvedFor = pathVar;
        readPathMemo(pathVar);
    }
    auto it = m_resolved.find(word);
    if (it == m_resolved.end()) it = m_resolved.emplace(word, searchProgram(word, pathVar)).first;
    return it->second;
}

std::string ProbeCache::searchProgram(const std::string &word, const std::string &pathVar)
{
    if (word.find('/') != std::string::npos) {
        const std::string p = word[0] == '/' ? word : m_cwd + '/' + word;
        return pathExists(p) ? p : std::string();
    }
    for (const std::string &dir : candidates(word, pathVar)) {
        const std::string p = dir + '/' + word;
        if (fingerprint(p) != "missing" && ::access(p.c_str(), X_OK) == 0) return p;
    }
    return {};
}

namespace {

std::vector<std::string> pathDirectories(const std::string &pathVar)
{
    std::vector<std::string> dirs;
    std::size_t pos = 0;
    while (pos <= pathVar.size()) {
        std::size_t end = pathVar.find(':', pos);
        if (end == std::string::npos) end = pathVar.size();
        if (end > pos) dirs.push_back(pathVar.substr(pos, end - pos));
        pos = end + 1;
    }
    return dirs;
}

// The seconds of a fingerprint's modification time ("size:sec.nsec:..."), or -1.
long long modifiedSecond(const std::string &fp)
{
    const std::size_t colon = fp.find(':');
    if (colon == std::string::npos) return -1;
    char *end = nullptr;
    const long long s = std::strtoll(fp.c_str() + colon + 1, &end, 10);
    return end && *end == '.' ? s : -1;
}

// A directory changed this close to a listing may have changed after it
// within the same timestamp (file systems stamp coarsely, some by seconds):
// such a listing is not trusted later.
constexpr long long kRacySeconds = 3;
constexpr const char *kPathMemoFormat = "kconfig-studio path memo v1";

} // namespace

// The PATH directories whose listing holds `word`, in PATH order (an
// unreadable directory may hold anything). Which names a directory holds
// changes only with its fingerprint, which the memo is checked against.
const std::vector<std::string> &ProbeCache::candidates(const std::string &word,
                                                       const std::string &pathVar)
{
    auto it = m_candidates.find(word);
    if (it != m_candidates.end()) return it->second;
    if (!m_listedAt) m_listedAt = static_cast<long long>(::time(nullptr));
    std::vector<std::string> found;
    for (const std::string &dir : pathDirectories(pathVar))
        if (mayContain(dir, word)) found.push_back(dir);
    m_candidatesChanged = true;
    return m_candidates.emplace(word, std::move(found)).first->second;
}

std::string ProbeCache::pathMemoFile(const std::string &pathVar) const
{
    return m_dir + "/paths/" + hexHash(pathVar) + ".path";
}

// Format: the format line, "path PATH", "listed SECONDS", a "dir D FINGERPRINT"
// line per PATH directory, then "word W\tD\tD..." lines.
void ProbeCache::readPathMemo(const std::string &pathVar)
{
    m_candidates.clear();
    m_listedAt = 0;
    m_candidatesChanged = false;
    const auto text = readOwnFile(pathMemoFile(pathVar));
    if (!text) return;
    std::vector<std::string_view> lines;
    for (std::size_t pos = 0; pos < text->size();) {
        std::size_t nl = text->find('\n', pos);
        if (nl == std::string::npos) return; // cut short
        lines.emplace_back(text->data() + pos, nl - pos);
        pos = nl + 1;
    }
    const std::vector<std::string> dirs = pathDirectories(pathVar);
    if (lines.size() < 3 + dirs.size() || lines[0] != kPathMemoFormat ||
        lines[1] != "path " + pathVar || lines[2].substr(0, 7) != "listed ")
        return;
    const long long listedAt = std::strtoll(std::string(lines[2].substr(7)).c_str(), nullptr, 10);
    for (std::size_t i = 0; i < dirs.size(); ++i) {
        const std::string &fp = fingerprint(dirs[i]);
        const long long modified = modifiedSecond(fp);
        if (lines[3 + i] != "dir " + dirs[i] + ' ' + fp || modified < 0 ||
            modified + kRacySeconds > listedAt)
            return;
    }
    std::unordered_map<std::string, std::vector<std::string>> memo;
    for (std::size_t i = 3 + dirs.size(); i < lines.size(); ++i) {
        std::string_view line = lines[i];
        if (line.substr(0, 5) != "word ") return;
        line.remove_prefix(5);
        std::vector<std::string> fields;
        for (std::size_t tab; (tab = line.find('\t')) != std::string_view::npos;) {
            fields.emplace_back(line.substr(0, tab));
            line.remove_prefix(tab + 1);
        }
        fields.emplace_back(line);
        std::string word = std::move(fields.front());
        fields.erase(fields.begin());
        memo.emplace(std::move(word), std::move(fields));
    }
    m_candidates = std::move(memo);
    m_listedAt = listedAt;
}

void ProbeCache::writePathMemo() const
{
    if (!m_candidatesChanged || m_resolvedFor.find_first_of("\t\n") != std::string::npos) return;
    std::string text = std::string(kPathMemoFormat) + "\npath " + m_resolvedFor + "\nlisted " +
                       std::to_string(m_listedAt) + '\n';
    for (const std::string &dir : pathDirectories(m_resolvedFor)) {
        const auto fp = m_statMemo.find(dir);
        if (fp == m_statMemo.end()) return; // not fingerprinted: nothing to check it by
        text += "dir " + dir + ' ' + fp->second + '\n';
    }
    for (const auto &[word, dirs] : m_candidates) {
        if (word.find_first_of("\t\n") != std::string::npos) continue;
        text += "word " + word;
        for (const std::string &dir : dirs)
            text += '\t' + dir;
        text += '\n';
    }
    writeOwnFile(m_dir, pathMemoFile(m_resolvedFor), text);
}

ProbeCache::~ProbeCache()
{
    writePathMemo();
    writeAnswers();
}

// A directory's names, kept in one block of text.
struct ProbeCache::Listing
{
    std::string text; // NUL-separated
    std::unordered_set<std::string_view> names;

    explicit Listing(DIR *d)
    {
        std::vector<std::size_t> offsets;
        while (const dirent *e = ::readdir(d)) {
            offsets.push_back(text.size());
            text.append(e->d_name).push_back('\0');
        }
        names.reserve(offsets.size());
        for (std::size_t o : offsets)
            names.emplace(text.data() + o);
    }
};

// Every word of every probe is looked up on $PATH: one listing of each
// directory replaces a stat() per word and directory. An unreadable directory
// may contain anything.
bool ProbeCache::mayContain(const std::string &dir, const std::string &name)
{
    auto it = m_listings.find(dir);
    if (it == m_listings.end()) {
        std::shared_ptr<const Listing> listing;
        if (DIR *d = ::opendir(dir.c_str())) {
            struct stat st
            {
            };
            const bool known = ::fstat(::dirfd(d), &st) == 0;
            if (auto same = m_listingsByInode.find({st.st_dev, st.st_ino});
                known && same != m_listingsByInode.end()) {
                listing = same->second;
            } else {
                listing = std::make_shared<const Listing>(d);
                if (known) m_listingsByInode.emplace(std::pair{st.st_dev, st.st_ino}, listing);
            }
            ::closedir(d);
        }
        it = m_listings.emplace(dir, std::move(listing)).first;
    }
    return !it->second || it->second->names.count(name);
}

std::string ProbeCache::keyFor(const std::string &command, const Environment &env)
{
    // The environment's part comes first and is the same for every probe of a
    // load: it is built and hashed once (see entryPath).
    if (m_envKeyFor != &env || m_envKeySize != env.variables().size()) {
        m_envKey = std::string(kFormat) + '\n';
        for (const auto &[name, value] : env.variables())
            if (!volatileVariables().count(name)) m_envKey += "env " + name + '=' + value + '\n';
        for (const std::string &dir : pathDirectories(env.value("PATH")))
            m_envKey += "pathdir " + dir + ' ' + fingerprint(dir) + '\n';
        m_envKeyFor = &env;
        m_envKeySize = env.variables().size();
        m_envKeyHash[0] = hashing::fnv1a(m_envKey);
        m_envKeyHash[1] = hashing::fnv1a(m_envKey, kSecondBasis);
    }
    // A command may read files relative to its working directory ("cat
    // input.txt"), so the directory is part of the key; front ends give their
    // probes a stable one.
    std::string key = m_envKey + "command " + command + "\ncwd " + m_cwd + '\n';
    const std::string pathVar = env.value("PATH");
    std::vector<std::string_view> seen; // programs named, memoised strings
    for (const std::string_view w : words(command)) {
        const std::string word(w);
        if (auto eq = word.find('=');
            eq != std::string::npos && word.find('/') == std::string::npos)
            continue; // VAR=value assignments
        const std::string &program = resolveProgram(word, pathVar);
        if (program.empty()) {
            if (word.find('/') != std::string::npos && word[0] != '/')
                key += "missing " + m_cwd + '/' + word + '\n';
            continue;
        }
        if (std::find(seen.begin(), seen.end(), program) != seen.end()) continue;
        seen.push_back(program);
        key += "tool " + program + ' ' + fingerprint(program) + '\n';
        if (const std::string &real = realPath(program); !real.empty() && real != program)
            key += "real " + real + ' ' + fingerprint(real) + '\n';
        const std::string dir = program.substr(0, program.rfind('/'));
        key += "dir " + dir + ' ' + fingerprint(dir) + '\n';
    }
    return key;
}

// Whether `key` was made by keyFor() under the current environment: the rest
// of it then names the probe (see entryPath and the answers file).
bool ProbeCache::underEnvironment(const std::string &key) const
{
    return !m_envKey.empty() && key.compare(0, m_envKey.size(), m_envKey) == 0;
}

std::string ProbeCache::entryPath(const std::string &key) const
{
    std::string h;
    if (underEnvironment(key)) {
        const std::string_view rest = std::string_view(key).substr(m_envKey.size());
        h = hashing::hex(hashing::fnv1a(rest, m_envKeyHash[0])) +
            hashing::hex(hashing::fnv1a(rest, m_envKeyHash[1]));
    } else {
        h = hexHash(key);
    }
    return m_dir + '/' + h.substr(0, 2) + '/' + h + ".probe";
}

namespace {

// A length, a newline and that many bytes, as entries store their texts.
bool readField(std::string_view text, std::size_t &pos, std::string &into)
{
    const std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) return false;
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(text.data() + pos, text.data() + nl, n);
    if (ec != std::errc() || end != text.data() + nl || pos == nl || n > text.size() - nl - 1)
        return false;
    into.assign(text, nl + 1, n);
    pos = nl + 1 + n;
    return true;
}

void appendField(std::string &text, std::string_view field)
{
    text += std::to_string(field.size());
    text += '\n';
    text += field;
}

} // namespace

// An entry: the key, "--", the length of standard output, the output, the
// length of standard error and the error text.
bool ProbeCache::lookup(const std::string &key, ShellOutput &output)
{
    // The part after the environment's names the probe among the answers
    // of the last load (one file for the whole load).
    const bool underEnv = underEnvironment(key);
    const std::string rest = underEnv ? key.substr(m_envKey.size()) : std::string();
    if (underEnv) {
        if (m_answersFor != m_envKey) readAnswers();
        if (auto it = m_answers.find(rest); it != m_answers.end()) {
            output = it->second;
            m_used.insert_or_assign(rest, output);
            return true;
        }
    }
    const std::string header = key + "--\n";
    const auto text = readOwnFile(entryPath(key));
    if (!text || text->compare(0, header.size(), header) != 0) return false;
    std::size_t pos = header.size();
    ShellOutput o;
    if (!readField(*text, pos, o.out) || !readField(*text, pos, o.err) || pos != text->size())
        return false;
    if (underEnv) remember(rest, o);
    output = std::move(o);
    return true;
}

void ProbeCache::remember(const std::string &rest, const ShellOutput &output)
{
    m_used.insert_or_assign(rest, output);
    m_answersChanged = true;
}

std::string ProbeCache::answersFile(const std::string &envKey) const
{
    return m_dir + "/answers/" + hexHash(envKey) + ".answers";
}

// Format: the format line, the environment's part of the key, "--", then for
// each answer the rest of its key, its output and its error text as fields.
void ProbeCache::readAnswers()
{
    writeAnswers(); // those of the previous environment
    m_answers.clear();
    m_used.clear();
    m_answersChanged = false;
    m_answersFor = m_envKey;
    const auto text = readOwnFile(answersFile(m_envKey));
    const std::string header = std::string(kAnswersFormat) + '\n' + m_envKey + "--\n";
    if (!text || text->compare(0, header.size(), header) != 0) return;
    std::unordered_map<std::string, ShellOutput> answers;
    for (std::size_t pos = header.size(); pos < text->size();) {
        std::string rest;
        ShellOutput o;
        if (!readField(*text, pos, rest) || !readField(*text, pos, o.out) ||
            !readField(*text, pos, o.err))
            return; // damaged: none of it is trusted
        answers.insert_or_assign(std::move(rest), std::move(o));
    }
    m_answers = std::move(answers);
}

void ProbeCache::writeAnswers() const
{
    if (!m_answersChanged || m_answersFor.empty()) return;
    std::string text = std::string(kAnswersFormat) + '\n' + m_answersFor + "--\n";
    for (const auto &[rest, o] : m_used) {
        appendField(text, rest);
        appendField(text, o.out);
        appendField(text, o.err);
    }
    if (text.size() <= kMaxEntry) writeOwnFile(m_dir, answersFile(m_answersFor), text);
}

bool ProbeCache::peek(const std::string &command, const Environment &env, std::string &output)
{
    ShellOutput o;
    if (!lookup(keyFor(command, env), o)) return false;
    output = std::move(o.out);
    return true;
}

ShellOutput ProbeCache::execute(const std::string &command, const Environment &env)
{
    const std::string key = keyFor(command, env);
    ShellOutput out;
    if (lookup(key, out)) {
        ++m_hits;
        return out;
    }
    ++m_misses;
    out = m_inner.execute(command, env);
    std::string entry = key + "--\n";
    appendField(entry, out.out);
    appendField(entry, out.err);
    writeOwnFile(m_dir, entryPath(key), entry);
    if (underEnvironment(key)) remember(key.substr(m_envKey.size()), out);
    return out;
}

} // namespace kconfig
