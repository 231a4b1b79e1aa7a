// SPDX-License-Identifier: MIT
#include "kconfig/shellrunner.h"

#include "kconfig/environment.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace kconfig {

namespace {
constexpr std::size_t kShellBuffer = 4096; // conf reads one 4096-byte buffer
}

std::string shellOutputToValue(std::string raw)
{
    if (raw.size() >= kShellBuffer) raw.resize(kShellBuffer - 1);
    while (!raw.empty() && raw.back() == '\n')
        raw.pop_back();
    for (char &c : raw)
        if (c == '\n') c = ' ';
    // conf copies its buffer with xstrdup(): the value ends at the first NUL
    // byte (after the newline rules, which see the whole buffer).
    if (const auto nul = raw.find('\0'); nul != std::string::npos) raw.resize(nul);
    return raw;
}

ShellOutput ProcessShellRunner::execute(const std::string &command, const Environment &env)
{
    int out[2];
    int err[2];
    if (::pipe2(out, O_CLOEXEC) != 0) return {};
    if (::pipe2(err, O_CLOEXEC) != 0) {
        ::close(out[0]);
        ::close(out[1]);
        return {};
    }

    std::vector<std::string> envStrings = env.toEnvp();
    std::vector<char *> envp;
    envp.reserve(envStrings.size() + 1);
    for (auto &s : envStrings)
        envp.push_back(s.data());
    envp.push_back(nullptr);

    const pid_t pid = ::fork();
    if (pid < 0) {
        for (int fd : {out[0], out[1], err[0], err[1]})
            ::close(fd);
        return {};
    }
    if (pid == 0) {
        // Child: a session of its own, so that it has no controlling terminal
        // to read from, and a process group a timeout can stop as a whole.
        ::setsid();
        const int devnull = ::open("/dev/null", O_RDONLY);
        if (devnull >= 0) ::dup2(devnull, STDIN_FILENO);
        ::dup2(out[1], STDOUT_FILENO);
        ::dup2(err[1], STDERR_FILENO);
        if (!m_cwd.empty() && ::chdir(m_cwd.c_str()) != 0) ::_exit(127);
        const char *argv[] = {"/bin/sh", "-c", command.c_str(), nullptr};
        ::execve("/bin/sh", const_cast<char **>(argv), envp.data());
        ::_exit(127);
    }
    ++m_started;
    ::close(out[1]);
    ::close(err[1]);

    // conf reads one buffer of standard output and then closes the pipe;
    // standard error (a terminal for conf) is read to the end.
    ShellOutput result;
    char buf[kShellBuffer];
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(m_timeout);
    bool outOpen = true;
    bool errOpen = true;
    bool timedOut = false;
    while (outOpen || errOpen) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                              deadline - std::chrono::steady_clock::now())
                              .count();
        if (left <= 0) {
            timedOut = true;
            break;
        }
        pollfd p[2] = {{outOpen ? out[0] : -1, POLLIN, 0}, {errOpen ? err[0] : -1, POLLIN, 0}};
        const int r = ::poll(p, 2, static_cast<int>(left));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) {
            timedOut = r == 0;
            break;
        }
        if (outOpen && (p[0].revents & (POLLIN | POLLHUP | POLLERR))) {
            const ssize_t n = ::read(out[0], buf, kShellBuffer - result.out.size());
            if (n > 0) result.out.append(buf, static_cast<std::size_t>(n));
            if ((n <= 0 && errno != EINTR) || n == 0 || result.out.size() >= kShellBuffer) {
                ::close(out[0]);
                outOpen = false;
            }
        }
        if (errOpen && (p[1].revents & (POLLIN | POLLHUP | POLLERR))) {
            const ssize_t n = ::read(err[0], buf, sizeof buf);
            if (n > 0 && result.err.size() < (1u << 20))
                result.err.append(buf, static_cast<std::size_t>(n));
            if (n == 0 || (n < 0 && errno != EINTR)) {
                ::close(err[0]);
                errOpen = false;
            }
        }
    }
    if (outOpen) ::close(out[0]);
    if (errOpen) ::close(err[0]);
    if (timedOut) ::kill(-pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return result;
}

} // namespace kconfig
