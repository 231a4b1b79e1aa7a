// SPDX-License-Identifier: MIT
// The whole-configuration modes of conf: all{no,yes,mod,def}config,
// randconfig, and the yes2mod/mod2yes/mod2no rewrites.
#pragma once

#include "kconfig/tristate.h"

#include <functional>
#include <optional>
#include <string>

namespace kconfig {

class Config;

enum class NewSymbolMode
{
    Default,
    Yes,
    Mod,
    No,
    Random
};

struct RandomProbabilities
{
    int boolYes = 50;     // % of bool symbols set to y
    int tristateYes = 33; // % of tristate symbols set to y
    int tristateMod = 33; // % of tristate symbols set to m
};

// KCONFIG_PROBABILITY: "N", "N:M" or "N:M:L"; nullopt (with a message for
// perror) when a figure is out of range.
std::optional<RandomProbabilities> parseProbabilities(const std::string &spec);

// conf_set_all_new_symbols: every bool/tristate symbol with a prompt and no
// user value yet gets the mode's value; `random` returns 0..RAND_MAX.
void setAllNewSymbols(Config &config, NewSymbolMode mode, const RandomProbabilities &p = {},
                      const std::function<int()> &random = {});

// conf_rewrite_tristates: user values of tristates equal to `from` become `to`.
void rewriteTristates(Config &config, Tristate from, Tristate to);

} // namespace kconfig
