// SPDX-License-Identifier: MIT
// Non-cryptographic hashes for cache file names and cache entry checksums.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

namespace kconfig::hashing {

// FNV-1a, byte by byte: names cache entries (the full key is stored inside).
inline std::uint64_t fnv1a(std::string_view s, std::uint64_t basis = 1469598103934665603ull)
{
    std::uint64_t h = basis;
    for (unsigned char c : s)
        h = (h ^ c) * 1099511628211ull;
    return h;
}

// Eight bytes at a time with a multiply-rotate mix: detects torn or damaged
// cache entries of several megabytes in a few milliseconds.
inline std::uint64_t checksum(std::string_view s)
{
    std::uint64_t h = 0x9e3779b97f4a7c15ull ^ s.size();
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        h = ((h ^ w) * 0xff51afd7ed558ccdull);
        h = (h << 31) | (h >> 33);
    }
    for (; i < s.size(); ++i)
        h = (h ^ static_cast<unsigned char>(s[i])) * 1099511628211ull;
    return h ^ (h >> 29);
}

// For in-memory tables of short names (symbol names): a word at a time, the
// tail read as one overlapping word, so that hashing is not a chain of one
// multiplication per byte.
inline std::uint64_t quick(std::string_view s)
{
    constexpr std::uint64_t k1 = 0x9e3779b97f4a7c15ull, k2 = 0xff51afd7ed558ccdull;
    const auto mix = [](std::uint64_t h, std::uint64_t w) {
        h = (h ^ w) * k2;
        return h ^ (h >> 32);
    };
    const char *p = s.data();
    const std::size_t n = s.size();
    std::uint64_t h = k1 * (n + 1);
    if (n >= 8) {
        std::size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            h = mix(h, w);
        }
        if (i < n) {
            std::uint64_t w;
            std::memcpy(&w, p + n - 8, 8);
            h = mix(h, w);
        }
    } else if (n >= 4) {
        std::uint32_t a, b;
        std::memcpy(&a, p, 4);
        std::memcpy(&b, p + n - 4, 4);
        h = mix(h, (std::uint64_t(a) << 32) | b);
    } else if (n > 0) {
        const auto c = [p](std::size_t i) {
            return std::uint64_t(static_cast<unsigned char>(p[i]));
        };
        h = mix(h, (c(0) << 16) | (c(n / 2) << 8) | c(n - 1));
    }
    h *= k2;
    return h ^ (h >> 29);
}

inline std::string hex(std::uint64_t v)
{
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

} // namespace kconfig::hashing
