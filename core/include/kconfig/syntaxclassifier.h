// SPDX-License-Identifier: MIT
// Splits Kconfig source lines into highlighting spans with the lexer's rules:
// keywords anywhere in a statement, strings in either quote with backslash
// escapes, '#' comments, `$(...)` macro references (nested parentheses),
// `NAME := value` assignments taken raw to the end of the line, and help
// blocks that end exactly where the lexer ends them (by indentation or a line
// starting in column 0). What one line leaves for the next is a small int, so
// a line-based highlighter can keep it per text block.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace kconfig {

enum class SyntaxKind : std::uint8_t
{
    Keyword,    // config, depends, select, help, if, ...
    Type,       // bool, tristate, int, hex, string, def_bool, def_tristate
    Symbol,     // a symbol name used in a statement
    Definition, // the name after config/menuconfig
    String,     // a quoted string (quotes included)
    Constant,   // y, m, n and numbers
    Operator,   // || && ! = != < <= > >= ( ) := +=
    Comment,    // '#' to the end of the line
    HelpText,   // a line of a help block
    Macro,      // a $(...) reference, or the variable of an assignment
    Error,      // a character the lexer ignores with a warning
};

struct SyntaxSpan
{
    std::size_t start = 0; // byte offset in the line
    std::size_t length = 0;
    SyntaxKind kind = SyntaxKind::Keyword;

    bool operator==(const SyntaxSpan &) const = default;
};

class SyntaxClassifier
{
public:
    // The state before the first line of a file.
    static constexpr int InitialState = 0;

    explicit SyntaxClassifier(int state = InitialState) : m_state(state) {}

    // Spans of one line (without its newline), in order; whitespace and the
    // unclassified text of assignment values get no span. Advances the state.
    std::vector<SyntaxSpan> classify(std::string_view line);
    int state() const { return m_state; }
    bool inHelp() const; // the next line would be read as help text

    // Number of lines the entry starting at `line` (1-based) covers in `text`:
    // the statement, its properties and its help, without trailing blank or
    // comment lines. At least 1 for a line inside the text, else 0.
    static int entryLineCount(std::string_view text, int line);

private:
    int m_state;
};

} // namespace kconfig
