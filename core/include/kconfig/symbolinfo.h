// SPDX-License-Identifier: MIT
// The "symbol information" text every kernel front end shows (menu.c's
// menu_get_ext_help/get_symbol_str): help, definitions, prompts, dependencies,
// location, selects and reverse dependencies with current values.
#pragma once

#include <string>

namespace kconfig {

class Config;
struct MenuNode;
struct Symbol;

// Help text of a menu entry followed by the symbol's information block.
std::string extendedHelpText(Config &config, const MenuNode *menu,
                             const std::string &configPrefix = "CONFIG_");
// Just the information block (get_symbol_str).
std::string symbolInfoText(Config &config, const Symbol *sym);

} // namespace kconfig
