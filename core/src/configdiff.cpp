// SPDX-License-Identifier: MIT
#include "kconfig/configdiff.h"

#include <algorithm>
#include <map>
#include <string_view>

namespace kconfig {

namespace {

std::map<std::string, std::string> values(std::string_view text, std::string_view prefix)
{
    std::map<std::string, std::string> out;
    constexpr std::string_view unset = " is not set";
    while (!text.empty()) {
        const std::size_t eol = std::min(text.find('\n'), text.size());
        std::string_view line = text.substr(0, eol);
        text.remove_prefix(std::min(eol + 1, text.size()));
        if (line.substr(0, prefix.size()) == prefix) {
            line.remove_prefix(prefix.size());
            const std::size_t eq = line.find('=');
            if (eq != std::string_view::npos)
                out[std::string(line.substr(0, eq))] = std::string(line.substr(eq + 1));
        } else if (line.substr(0, 2) == "# " && line.substr(2, prefix.size()) == prefix &&
                   line.size() > 2 + prefix.size() + unset.size() &&
                   line.substr(line.size() - unset.size()) == unset) {
            line.remove_prefix(2 + prefix.size());
            line.remove_suffix(unset.size());
            out[std::string(line)].assign(1, 'n'); // (= "n" trips a GCC 12 false -Wrestrict)
        }
    }
    return out;
}

} // namespace

std::vector<ConfigDifference> diffConfigs(const std::string &textA, const std::string &textB,
                                          const std::string &prefix)
{
    const auto a = values(textA, prefix);
    const auto b = values(textB, prefix);
    std::vector<ConfigDifference> removed, changed, added;
    for (const auto &[k, v] : a) {
        auto it = b.find(k);
        if (it == b.end())
            removed.push_back({ConfigDifference::Kind::Removed, k, v, {}});
        else if (it->second != v)
            changed.push_back({ConfigDifference::Kind::Changed, k, v, it->second});
    }
    for (const auto &[k, v] : b)
        if (!a.count(k)) added.push_back({ConfigDifference::Kind::Added, k, {}, v});
    removed.insert(removed.end(), changed.begin(), changed.end());
    removed.insert(removed.end(), added.begin(), added.end());
    return removed;
}

std::string differenceLine(const ConfigDifference &d)
{
    std::string line(1, d.kind == ConfigDifference::Kind::Removed ? '-'
                        : d.kind == ConfigDifference::Kind::Added ? '+'
                                                                  : ' ');
    line.append(d.symbol).append(1, ' ');
    if (d.kind == ConfigDifference::Kind::Added) return line.append(d.after);
    line.append(d.before);
    if (d.kind == ConfigDifference::Kind::Changed) line.append(" -> ").append(d.after);
    return line;
}

} // namespace kconfig
