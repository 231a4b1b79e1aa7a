// SPDX-License-Identifier: MIT
// The environment Kconfig sees: srctree, ARCH, CC, KCONFIG_* ... Explicit so
// that the GUI can derive one for a tree while the CLI uses its process's.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kconfig {

class Environment
{
public:
    Environment() = default;
    static Environment fromProcess();

    std::optional<std::string> get(const std::string &name) const;
    // Value, or `fallback` when unset.
    std::string value(const std::string &name, const std::string &fallback = {}) const;
    bool isSet(const std::string &name) const { return m_vars.count(name) != 0; }
    void set(const std::string &name, const std::string &value) { m_vars[name] = value; }
    void unset(const std::string &name) { m_vars.erase(name); }

    const std::map<std::string, std::string> &variables() const { return m_vars; }
    // "NAME=value" strings for execve.
    std::vector<std::string> toEnvp() const;

private:
    std::map<std::string, std::string> m_vars;
};

} // namespace kconfig
