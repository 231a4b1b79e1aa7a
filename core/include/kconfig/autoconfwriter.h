// SPDX-License-Identifier: MIT
// What syncconfig leaves for the build (conf_write_autoconf): auto.conf,
// autoconf.h, rustc_cfg, auto.conf.cmd and include/config/<SYMBOL> stamps for
// every symbol whose value changed since the previous auto.conf.
#pragma once

#include <string>

namespace kconfig {

class Config;
class DiagnosticSink;
class Environment;

class AutoconfWriter
{
public:
    AutoconfWriter(Config &config, const Environment &env, DiagnosticSink &diagnostics);

    // overwrite=false does nothing when auto.conf already exists (as conf).
    // Returns 0 on success, like conf.
    int write(bool overwrite);

    std::string autoConfText();
    std::string autoconfHeaderText();
    std::string rustcCfgText();
    std::string autoConfCmdText(const std::string &autoconfName);

private:
    int touchChangedSymbols(const std::string &autoconfName);

    Config &m_config;
    const Environment &m_env;
    DiagnosticSink &m_diag;
    std::string m_prefix;
};

} // namespace kconfig
