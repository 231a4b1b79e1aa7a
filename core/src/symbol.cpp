// SPDX-License-Identifier: MIT
#include "kconfig/symbol.h"

namespace kconfig {

const char *symbolTypeName(SymbolType t)
{
    switch (t) {
    case SymbolType::Bool:
        return "bool";
    case SymbolType::Tristate:
        return "tristate";
    case SymbolType::Int:
        return "integer";
    case SymbolType::Hex:
        return "hex";
    case SymbolType::String:
        return "string";
    case SymbolType::Unknown:
        return "unknown";
    }
    return "???";
}

} // namespace kconfig
