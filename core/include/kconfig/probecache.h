// SPDX-License-Identifier: MIT
// A persistent cache for $(shell,...) probes. An entry is keyed by everything
// that can change a probe's answer: the command, the environment, and
// fingerprints (size, mtime, inode) of the programs and scripts the command
// names, of the directories holding them and of every PATH directory, and the
// working directory. Standard error is kept and given back with the output. A key that does not
// match exactly is a miss, so a cached answer is never stale; unreadable or malformed entries are
// ignored. Each entry is a file; the answers a whole load needed are kept in one more, which the
// next load under the same environment reads instead.
#pragma once

#include "kconfig/shellrunner.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <sys/types.h>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kconfig {

class ProbeCache : public ShellRunner
{
public:
    // `directory` is created with owner-only permissions when first written.
    ProbeCache(ShellRunner &inner, std::string directory, std::string workingDirectory = {});
    ~ProbeCache() override; // keeps what it learnt about $PATH and the answers for the next load

    std::string run(const std::string &command, const Environment &env) override
    {
        return execute(command, env).out;
    }
    ShellOutput execute(const std::string &command, const Environment &env) override;
    int processesStarted() const override { return m_inner.processesStarted(); }

    // The cached answer for a command, without running anything.
    bool peek(const std::string &command, const Environment &env, std::string &output);

    int hits() const { return m_hits; }
    int misses() const { return m_misses; }

    // $XDG_CACHE_HOME/kconfig-studio/probes (or ~/.cache/...).
    static std::string defaultDirectory(const Environment &env);
    // A private, lasting working directory for the probes of one tree (like an
    // O= build directory), so that their cache keys stay the same between runs.
    static std::string workingDirectoryFor(const Environment &env, const std::string &tree);
    // The exact key text for a command (exposed for tests).
    std::string keyFor(const std::string &command, const Environment &env);

private:
    const std::string &fingerprint(const std::string &path); // memoised
    const std::string &resolveProgram(const std::string &word,
                                      const std::string &pathVar); // memoised
    std::string searchProgram(const std::string &word, const std::string &pathVar);
    const std::string &realPath(const std::string &program); // memoised, "" if none
    bool mayContain(const std::string &dir, const std::string &name);
    const std::vector<std::string> &candidates(const std::string &word, const std::string &pathVar);
    void readPathMemo(const std::string &pathVar);
    void writePathMemo() const;
    std::string pathMemoFile(const std::string &pathVar) const;
    bool underEnvironment(const std::string &key) const;
    std::string entryPath(const std::string &key) const;
    bool lookup(const std::string &key, ShellOutput &output);
    void remember(const std::string &rest, const ShellOutput &output);
    std::string answersFile(const std::string &envKey) const;
    void readAnswers();
    void writeAnswers() const;

    ShellRunner &m_inner;
    std::string m_dir;
    std::string m_cwd;
    std::unordered_map<std::string, std::string> m_statMemo;  // path -> fingerprint, per instance
    std::unordered_map<std::string, std::string> m_resolved;  // word -> program, for:
    std::string m_resolvedFor;                                // this PATH
    std::unordered_map<std::string, std::string> m_realPaths; // program -> realpath(), per instance
    // The names in a $PATH directory (none: unreadable), per instance; a
    // directory reached by two names (/bin, /usr/bin) is listed once.
    struct Listing;
    std::unordered_map<std::string, std::shared_ptr<const Listing>> m_listings;
    std::map<std::pair<dev_t, ino_t>, std::shared_ptr<const Listing>> m_listingsByInode;
    // The $PATH directories each word is listed in, for m_resolvedFor: read
    // from the previous load while no directory changed since, else listed.
    std::unordered_map<std::string, std::vector<std::string>> m_candidates;
    long long m_listedAt = 0; // when the listings behind m_candidates began (seconds)
    bool m_candidatesChanged = false;
    std::string m_envKey; // the format and environment's part of the key, computed once
    std::uint64_t m_envKeyHash[2] = {}; // entryPath's hashes of m_envKey
    const Environment *m_envKeyFor = nullptr;
    std::size_t m_envKeySize = 0;
    // The answers the last load under an environment needed, in one file:
    // read once instead of an entry per probe. By the key's part after
    // m_envKey; m_used are this load's, written back when one was not there.
    std::unordered_map<std::string, ShellOutput> m_answers;
    std::map<std::string, ShellOutput> m_used;
    std::string m_answersFor; // the m_envKey they belong to
    bool m_answersChanged = false;
    int m_hits = 0;
    int m_misses = 0;
};

} // namespace kconfig
