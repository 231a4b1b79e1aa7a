// SPDX-License-Identifier: MIT
#include "kconfig/valuesyntax.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
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
        if (i < s.size() && s[i] == '-') ++i;
        if (i >= s.size() || !digit(s[i])) return false;
        if (s[i] == '0' && i + 1 < s.size()) return false;
        for (++i; i < s.size(); ++i)
            if (!digit(s[i])) return false;
        return true;
    }
    case SymbolType::Hex: {
        std::size_t i = 0;
        if (s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) i = 2;
        // conf checks the first character even when it is the terminator
        if (i >= s.size()) return false;
        for (; i < s.size(); ++i)
            if (!xdigit(s[i])) return false;
        return true;
    }
    case SymbolType::Bool:
    case SymbolType::Tristate:
        if (s.empty()) return false;
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

namespace {
enum class ValueKind
{
    String,
    Signed,
    Unsigned
};
struct ParsedValue
{
    ValueKind kind = ValueKind::String;
    long long s = 0;
    unsigned long long u = 0;
};

// expr_parse_string: a number when the whole string parses for the type.
ParsedValue parseForCompare(const std::string &str, SymbolType type)
{
    ParsedValue pv;
    char *tail = nullptr;
    errno = 0;
    switch (type) {
    case SymbolType::Bool:
    case SymbolType::Tristate:
        pv.s = str == "n" ? 0 : str == "m" ? 1 : str == "y" ? 2 : -1;
        pv.kind = ValueKind::Signed;
        return pv;
    case SymbolType::Int:
        pv.s = std::strtoll(str.c_str(), &tail, 10);
        pv.kind = ValueKind::Signed;
        break;
    case SymbolType::Hex:
        pv.u = std::strtoull(str.c_str(), &tail, 16);
        pv.kind = ValueKind::Unsigned;
        break;
    default:
        pv.s = std::strtoll(str.c_str(), &tail, 0);
        pv.kind = ValueKind::Signed;
        break;
    }
    const bool ok = !errno && !*tail && tail > str.c_str() &&
                    std::isxdigit(static_cast<unsigned char>(tail[-1]));
    if (!ok) pv.kind = ValueKind::String;
    return pv;
}
} // namespace

bool compareValues(ExprType op, const std::string &str1, SymbolType t1, const std::string &str2,
                   SymbolType t2)
{
    ParsedValue l, r;
    if (t1 != SymbolType::String || t2 != SymbolType::String) {
        l = parseForCompare(str1, t1);
        r = parseForCompare(str2, t2);
    }
    int res;
    if (l.kind == ValueKind::String || r.kind == ValueKind::String) {
        res = std::strcmp(str1.c_str(), str2.c_str());
    } else if (l.kind == ValueKind::Unsigned || r.kind == ValueKind::Unsigned) {
        // conf compares the unsigned view of both sides
        const auto a = l.kind == ValueKind::Unsigned ? l.u : static_cast<unsigned long long>(l.s);
        const auto b = r.kind == ValueKind::Unsigned ? r.u : static_cast<unsigned long long>(r.s);
        res = (a > b) - (a < b);
    } else {
        res = (l.s > r.s) - (l.s < r.s);
    }
    switch (op) {
    case ExprType::Equal:
        return res == 0;
    case ExprType::GreaterEqual:
        return res >= 0;
    case ExprType::Greater:
        return res > 0;
    case ExprType::LessEqual:
        return res <= 0;
    case ExprType::Less:
        return res < 0;
    case ExprType::Unequal:
        return res != 0;
    default:
        return false;
    }
}

long long parseLeadingInteger(std::string_view s, int base)
{
    const std::string tmp(s);
    return std::strtoll(tmp.c_str(), nullptr, base);
}

} // namespace kconfig
