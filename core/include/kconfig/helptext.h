// SPDX-License-Identifier: MIT
// The help text of an entry. Parsing only finds where a help block ends; the
// text conf keeps (indentation beyond the first line's removed, trailing blanks
// cut) is laid out when somebody reads it, from the source the tree keeps.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kconfig {

class HelpText
{
public:
    HelpText() = default;
    // Text already laid out (as the tree cache stores it).
    explicit HelpText(std::string text) : m_text(std::move(text)) {}
    // `source` starts at the line after `help` and runs to the end of its
    // file; it must outlive this object.
    static HelpText fromSource(std::string_view source);

    std::string text() const;

private:
    std::string m_text;
    std::string_view m_source; // laid out on demand when not empty
};

// conf's help scanner over `s` from `pos` (the line after `help`): where the
// block ends and how many newlines it spans. With `out`, also the text.
struct HelpBlock
{
    std::size_t end = 0;
    int lines = 0;
};
HelpBlock scanHelpBlock(std::string_view s, std::size_t pos, std::string *out);

} // namespace kconfig
