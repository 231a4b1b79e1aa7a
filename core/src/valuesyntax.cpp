// SPDX-License-Identifier: MIT
#include "kconfig/valuesyntax.h"

#include <cctype>
#include <cstdlib>
#include <string>

namespace kconfig {

bool isValidValueString(SymbolType type, std::string_view s)
{
    const auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
    const auto xdigit = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    switch (type) {
    case SymbolType::String:
        return true;
    case SymbolType::Int: {
        std::size_t i = 0;
        if (i < s.size() && s[i] == '-')
            ++i;
        if (i >= s.size() || !digit(s[i]))
            return false;
        if (s[i] == '0' && i + 1 < s.size())
            return false;
        for (++i; i < s.size(); ++i)
            if (!digit(s[i]))
                return false;
        return true;
    }
    case SymbolType::Hex: {
        std::size_t i = 0;
        if (s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
            i = 2;
        // conf checks the first character even when it is the terminator
        if (i >= s.size())
            return false;
        for (; i < s.size(); ++i)
            if (!xdigit(s[i]))
                return false;
        return true;
    }
    case SymbolType::Bool:
    case SymbolType::Tristate:
        if (s.empty())
            return false;
        switch (s[0]) {
        case 'y':
        case 'Y':
        case 'm':
        case 'M':
        case 'n':
        case 'N':
            return true;
        default:
            return false;
        }
    case SymbolType::Unknown:
        break;
    }
    return false;
}

long long parseLeadingInteger(std::string_view s, int base)
{
    const std::string tmp(s);
    return std::strtoll(tmp.c_str(), nullptr, base);
}

} // namespace kconfig
