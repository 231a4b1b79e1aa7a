// SPDX-License-Identifier: MIT
#include "kconfig/environment.h"

extern char **environ;

namespace kconfig {

Environment Environment::fromProcess()
{
    Environment env;
    for (char **p = environ; p && *p; ++p) {
        const std::string entry(*p);
        const auto eq = entry.find('=');
        if (eq == std::string::npos)
            continue;
        env.m_vars.emplace(entry.substr(0, eq), entry.substr(eq + 1));
    }
    return env;
}

std::optional<std::string> Environment::get(const std::string &name) const
{
    auto it = m_vars.find(name);
    if (it == m_vars.end())
        return std::nullopt;
    return it->second;
}

std::string Environment::value(const std::string &name, const std::string &fallback) const
{
    auto it = m_vars.find(name);
    return it == m_vars.end() ? fallback : it->second;
}

std::vector<std::string> Environment::toEnvp() const
{
    std::vector<std::string> out;
    out.reserve(m_vars.size());
    for (const auto &[k, v] : m_vars)
        out.push_back(k + '=' + v);
    return out;
}

} // namespace kconfig
