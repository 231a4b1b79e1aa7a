// SPDX-License-Identifier: MIT
// A persistent cache for $(shell,...) probes. An entry is keyed by everything
// that can change a probe's answer: the command, the environment, and
// fingerprints (size, mtime, inode) of the programs and scripts the command
// names (relative names resolved in the working directory), of the
// directories holding them and of every PATH directory. A key that does not match exactly is a
// miss, so a cached answer is never stale; unreadable or malformed entries are ignored.
#pragma once

#include "kconfig/shellrunner.h"

#include <map>
#include <string>

namespace kconfig {

class ProbeCache : public ShellRunner
{
public:
    // `directory` is created with owner-only permissions when first written.
    ProbeCache(ShellRunner &inner, std::string directory, std::string workingDirectory = {});

    std::string run(const std::string &command, const Environment &env) override;
    int processesStarted() const override { return m_inner.processesStarted(); }

    int hits() const { return m_hits; }
    int misses() const { return m_misses; }

    // $XDG_CACHE_HOME/kconfig-studio/probes (or ~/.cache/...).
    static std::string defaultDirectory(const Environment &env);
    // The exact key text for a command (exposed for tests).
    std::string keyFor(const std::string &command, const Environment &env);

private:
    std::string fingerprint(const std::string &path);
    std::string resolveProgram(const std::string &word, const std::string &pathVar); // memoised
    std::string searchProgram(const std::string &word, const std::string &pathVar);
    std::string entryPath(const std::string &key) const;

    ShellRunner &m_inner;
    std::string m_dir;
    std::string m_cwd;
    std::map<std::string, std::string> m_statMemo; // path -> fingerprint, per instance
    std::map<std::string, std::string> m_resolved; // word + PATH -> program, per instance
    std::string m_envKey; // the environment's part of the key, computed once
    const Environment *m_envKeyFor = nullptr;
    std::size_t m_envKeySize = 0;
    int m_hits = 0;
    int m_misses = 0;
};

} // namespace kconfig
