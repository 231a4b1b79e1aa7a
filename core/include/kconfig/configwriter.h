// SPDX-License-Identifier: MIT
// Writes .config (conf_write) and minimal defconfigs (conf_write_defconfig)
// byte for byte as conf does, atomically, keeping <name>.old.
#pragma once

#include <functional>
#include <string>

namespace kconfig {

class Config;
class Environment;
struct Symbol;

class ConfigWriter
{
public:
    ConfigWriter(Config &config, const Environment &env);

    // conf_message: "configuration written to X", "No change to X" (null: silent).
    void setMessageHandler(std::function<void(const std::string &)> f) { m_message = std::move(f); }
    // Errors conf prints on stderr ("X: Is a directory", "config name is empty").
    void setErrorHandler(std::function<void(const std::string &)> f) { m_error = std::move(f); }

    // The text of .config for the current values.
    std::string dotConfigText();
    // The text of a minimal defconfig (savedefconfig).
    std::string defconfigText();

    // conf_write: empty name means $KCONFIG_CONFIG or ".config". Returns 0 on
    // success, like conf (-1 for a bad name, 1 for an I/O failure).
    int writeDotConfig(const std::string &name = {});
    // conf_write_defconfig (plain fopen+write, as conf).
    int writeDefconfig(const std::string &name);

    // "CONFIG_FOO=y" / "# CONFIG_FOO is not set" line for one symbol, or empty.
    std::string dotConfigLine(const Symbol *sym);

private:
    Config &m_config;
    const Environment &m_env;
    std::string m_prefix;
    std::function<void(const std::string &)> m_message;
    std::function<void(const std::string &)> m_error;
};

// "\"...\"" with backslashes before '"' and '\\' (escape_string_value).
std::string escapeStringValue(const std::string &in);

// Writes `text` to `path` through a temporary file in the same directory and a
// rename; keeps the previous file as `oldPath` when given. Returns false on
// failure (errno is set).
bool writeFileAtomically(const std::string &path, const std::string &text,
                         const std::string &tmpPath, const std::string &oldPath = {},
                         unsigned mode = 0666);
// Creates the parent directories of `path` (make_parent_dir).
bool makeParentDirectories(const std::string &path);
bool isDirectory(const std::string &path);
bool pathExists(const std::string &path);

} // namespace kconfig
