// SPDX-License-Identifier: MIT
// Tristate logic: n=0, m=1, y=2; && is min, || is max, ! is 2-x.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>

namespace kconfig {

enum class Tristate : std::uint8_t
{
    No = 0,
    Mod = 1,
    Yes = 2
};

constexpr Tristate triAnd(Tristate a, Tristate b)
{
    return std::min(a, b);
}
constexpr Tristate triOr(Tristate a, Tristate b)
{
    return std::max(a, b);
}
constexpr Tristate triNot(Tristate a)
{
    return static_cast<Tristate>(2 - static_cast<int>(a));
}

constexpr char triChar(Tristate t)
{
    return t == Tristate::Yes ? 'y' : t == Tristate::Mod ? 'm' : 'n';
}

constexpr std::string_view triString(Tristate t)
{
    return t == Tristate::Yes ? "y" : t == Tristate::Mod ? "m" : "n";
}

} // namespace kconfig
