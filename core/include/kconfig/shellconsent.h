// SPDX-License-Identifier: MIT
// Consent to run a tree's $(shell,...) commands. Opening a tree from someone
// else must not run their programs unasked: the GUI remembers, per tree, the
// commands the user agreed to, together with a fingerprint of every file in
// the command (a script under the tree that changes is a new command). A
// command without consent is not run; it answers like a command that failed
// without output, and is listed so that the user can be asked.
#pragma once

#include "kconfig/shellrunner.h"

#include <map>
#include <string>
#include <vector>

namespace kconfig {

class Environment;

class ShellConsentStore
{
public:
    explicit ShellConsentStore(std::string directory) : m_dir(std::move(directory)) {}
    // $XDG_CONFIG_HOME/kconfig-studio/shell-consent (or ~/.config/...).
    static std::string defaultDirectory(const Environment &env);

    // Command -> fingerprint of the files it names, as agreed to for `tree`.
    std::map<std::string, std::string> approved(const std::string &tree) const;
    // Adds the commands (with their files' current fingerprints); false when
    // the consent cannot be written.
    bool approve(const std::string &tree, const std::vector<std::string> &commands,
                 const std::string &workingDirectory) const;
    bool revoke(const std::string &tree) const;
    std::string entryPath(const std::string &tree) const;

    // The files a command names (words with a '/' that are regular files,
    // relative ones taken from `workingDirectory`) with a hash of their bytes.
    static std::string filesFingerprint(const std::string &command,
                                        const std::string &workingDirectory);

private:
    std::string m_dir;
};

// Runs only the commands agreed to (with unchanged files) through `inner`;
// with `runAll` (the user has just agreed to trust the tree) it runs every
// command and lists them, since commands are built from earlier answers and
// the set is only known once they all ran.
class ConsentingShell : public ShellRunner
{
public:
    ConsentingShell(ShellRunner &inner, std::map<std::string, std::string> approved,
                    std::string workingDirectory, bool runAll = false)
        : m_inner(inner), m_approved(std::move(approved)), m_cwd(std::move(workingDirectory)),
          m_runAll(runAll)
    {
    }
    std::string run(const std::string &command, const Environment &env) override
    {
        return execute(command, env).out;
    }
    ShellOutput execute(const std::string &command, const Environment &env) override;
    int processesStarted() const override { return m_inner.processesStarted(); }

    // Commands that were not run, in the order the tree asked for them.
    const std::vector<std::string> &refused() const { return m_refused; }
    // Commands that were run (or answered from a cache behind `inner`).
    const std::vector<std::string> &allowed() const { return m_allowed; }

    // What a refused command answers: what the shell prints when every
    // program in it fails. That is nothing, except for the kernel's
    // `{ cmd; } >/dev/null 2>&1 && echo "y" || echo "n"` (if-success), which
    // prints its else-word, so that $(success,...) is n and not empty.
    static std::string failedAnswer(const std::string &command);

private:
    ShellRunner &m_inner;
    std::map<std::string, std::string> m_approved;
    std::string m_cwd;
    bool m_runAll;
    std::vector<std::string> m_refused;
    std::vector<std::string> m_allowed;
    std::map<std::string, bool> m_decided; // command -> allowed, once per load
};

} // namespace kconfig
