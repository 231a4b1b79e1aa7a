// SPDX-License-Identifier: MIT
// Runs the commands of $(shell,...). The preprocessor only sees this interface,
// so a tree can be loaded with real probes, cached probes, or none at all.
#pragma once

#include <string>

namespace kconfig {

class Environment;

class ShellRunner
{
public:
    virtual ~ShellRunner() = default;
    // Raw standard output of `/bin/sh -c command` (before conf's newline rules).
    virtual std::string run(const std::string &command, const Environment &env) = 0;
    // How many commands actually started a process (for progress and benchmarks).
    virtual int processesStarted() const { return 0; }
};

// Starts /bin/sh for every command, like conf's popen(): stdin from /dev/null,
// stderr inherited, in the given working directory (empty: the current one).
class ProcessShellRunner : public ShellRunner
{
public:
    explicit ProcessShellRunner(std::string workingDirectory = {}, int timeoutSeconds = 120)
        : m_cwd(std::move(workingDirectory)), m_timeout(timeoutSeconds)
    {
    }
    std::string run(const std::string &command, const Environment &env) override;
    int processesStarted() const override { return m_started; }

private:
    std::string m_cwd;
    int m_timeout;
    int m_started = 0;
};

// Applies conf's rules to raw output: keep at most 4095 bytes, drop trailing
// newlines, turn the remaining newlines into spaces.
std::string shellOutputToValue(std::string raw);

} // namespace kconfig
