// SPDX-License-Identifier: MIT
// Runs the commands of $(shell,...). The preprocessor only sees this interface,
// so a tree can be loaded with real probes, cached probes, or none at all.
#pragma once

#include <string>

namespace kconfig {

class Environment;

// What a command printed.
struct ShellOutput
{
    std::string out; // standard output, raw (before conf's newline rules)
    std::string err; // standard error, which conf lets through to its own
};

class ShellRunner
{
public:
    virtual ~ShellRunner() = default;
    // Raw standard output of `/bin/sh -c command` (before conf's newline rules).
    virtual std::string run(const std::string &command, const Environment &env) = 0;
    // Both outputs; runners that cannot separate standard error report none.
    virtual ShellOutput execute(const std::string &command, const Environment &env)
    {
        return ShellOutput{run(command, env), {}};
    }
    // How many commands actually started a process (for progress and benchmarks).
    virtual int processesStarted() const { return 0; }
};

// Starts /bin/sh for every command, like conf's popen(): stdin from /dev/null,
// in the given working directory (empty: the current one). Standard error is
// captured so that the caller can pass it on where it belongs.
class ProcessShellRunner : public ShellRunner
{
public:
    explicit ProcessShellRunner(std::string workingDirectory = {}, int timeoutSeconds = 120)
        : m_cwd(std::move(workingDirectory)), m_timeout(timeoutSeconds)
    {
    }
    std::string run(const std::string &command, const Environment &env) override
    {
        return execute(command, env).out;
    }
    ShellOutput execute(const std::string &command, const Environment &env) override;
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
