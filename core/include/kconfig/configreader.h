// SPDX-License-Identifier: MIT
// Reads .config-style files into a Config (conf_read_simple / conf_read),
// with conf's warnings: unexpected data, invalid values, overrides, and
// unknown symbols under KCONFIG_WARN_UNKNOWN_SYMBOLS.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kconfig {

class Config;
class DiagnosticSink;
class Environment;

class ConfigReader
{
public:
    enum class Target
    {
        User,
        Auto
    };

    ConfigReader(Config &config, const Environment &env, DiagnosticSink &diagnostics);

    // conf_message: "using defaults found in X" (null: silent).
    void setMessageHandler(std::function<void(const std::string &)> f) { m_message = std::move(f); }

    // conf_read_simple. With no name: $KCONFIG_CONFIG (or .config), then the
    // first file of $KCONFIG_DEFCONFIG_LIST. Returns false if nothing could be read.
    bool readSimple(const std::optional<std::string> &name, Target target = Target::User);
    // Reads a file's text (not from disk) as user values.
    void readText(const std::string &fileName, const std::string &text,
                  Target target = Target::User);
    // conf_read: readSimple + calculate everything + decide whether the config changed.
    bool read(const std::optional<std::string> &name);

    // Warnings of the last read (conf_warnings), for KCONFIG_WERROR.
    int warnings() const { return m_warnings; }
    // Symbols named in an auto.conf that the tree no longer has.
    const std::vector<std::string> &unknownAutoSymbols() const { return m_unknownAuto; }

private:
    void load(const std::string &fileName, const std::string &text, Target target);
    bool setValue(const struct Symbol *sym, Target target, std::string value);
    void warn(const std::string &message);

    Config &m_config;
    const Environment &m_env;
    DiagnosticSink &m_diag;
    std::function<void(const std::string &)> m_message;
    std::string m_file;
    int m_line = 0;
    int m_warnings = 0;
    std::vector<std::string> m_unknownAuto;
};

// Opens a file like zconf_fopen (as given, then under $srctree) and returns its text.
std::optional<std::string> readConfigFile(const std::string &name, const Environment &env);

// CONFIG_ prefix ($CONFIG_ or "CONFIG_").
std::string configPrefix(const Environment &env);

} // namespace kconfig
