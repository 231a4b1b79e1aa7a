// SPDX-License-Identifier: MIT
#include "kconfig/syntaxclassifier.h"

#include <array>
#include <optional>

namespace kconfig {

namespace {

// Line states. Help states carry the help block's indentation (the lexer's
// first_ts; 0 while no indented text line has been seen).
enum : int
{
    StatementStart = 0, // a new statement; `NAME = value` is an assignment
    Continued = 1,      // the previous line ended with a backslash
    AfterHelp = 2,      // a new statement right after a help block: the lexer
                        // does not take `NAME = value` as an assignment here
    HelpStart = 3,      // the line after `help`: even column 0 is help text
    HelpIndent = 4,     // HelpIndent + first_ts: inside a help block
};

bool isWordChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

struct KeywordEntry
{
    std::string_view word;
    SyntaxKind kind;
};

// The lexer's keyword table; the types get a kind of their own.
constexpr std::array<KeywordEntry, 29> keywordTable = {{
    {"bool", SyntaxKind::Type},
    {"choice", SyntaxKind::Keyword},
    {"comment", SyntaxKind::Keyword},
    {"config", SyntaxKind::Keyword},
    {"def_bool", SyntaxKind::Type},
    {"def_tristate", SyntaxKind::Type},
    {"default", SyntaxKind::Keyword},
    {"depends", SyntaxKind::Keyword},
    {"endchoice", SyntaxKind::Keyword},
    {"endif", SyntaxKind::Keyword},
    {"endmenu", SyntaxKind::Keyword},
    {"help", SyntaxKind::Keyword},
    {"hex", SyntaxKind::Type},
    {"if", SyntaxKind::Keyword},
    {"imply", SyntaxKind::Keyword},
    {"int", SyntaxKind::Type},
    {"mainmenu", SyntaxKind::Keyword},
    {"menu", SyntaxKind::Keyword},
    {"menuconfig", SyntaxKind::Keyword},
    {"modules", SyntaxKind::Keyword},
    {"on", SyntaxKind::Keyword},
    {"prompt", SyntaxKind::Keyword},
    {"range", SyntaxKind::Keyword},
    {"select", SyntaxKind::Keyword},
    {"source", SyntaxKind::Keyword},
    {"string", SyntaxKind::Type},
    {"transitional", SyntaxKind::Keyword},
    {"tristate", SyntaxKind::Type},
    {"visible", SyntaxKind::Keyword},
}};

const KeywordEntry *findKeyword(std::string_view word)
{
    for (const KeywordEntry &k : keywordTable)
        if (k.word == word) return &k;
    return nullptr;
}

// Statements that begin a new entry (everything else belongs to the current one).
bool startsEntry(std::string_view word)
{
    static constexpr std::array<std::string_view, 11> starters = {
        "config",  "menuconfig", "choice", "endchoice", "comment", "menu",
        "endmenu", "if",         "endif",  "source",    "mainmenu"};
    for (std::string_view s : starters)
        if (s == word) return true;
    return false;
}

bool isNumber(std::string_view w)
{
    if (w.size() > 2 && w[0] == '0' && (w[1] == 'x' || w[1] == 'X')) {
        for (std::size_t i = 2; i < w.size(); ++i) {
            const char c = w[i];
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
                return false;
        }
        return true;
    }
    std::size_t i = w.size() > 1 && w[0] == '-' ? 1 : 0;
    if (i == w.size()) return false;
    for (; i < w.size(); ++i)
        if (w[i] < '0' || w[i] > '9') return false;
    return true;
}

// `line[pos]` is '$'. Returns the end of the reference the preprocessor reads
// there: "$(" up to the matching ')' (or the end of the line when it is
// missing), or just the '$', which stands for itself.
std::size_t referenceEnd(std::string_view line, std::size_t pos, bool *isReference)
{
    *isReference = pos + 1 < line.size() && line[pos + 1] == '(';
    if (!*isReference) return pos + 1;
    int nest = 0;
    for (std::size_t q = pos + 2; q < line.size(); ++q) {
        if (line[q] == '(') {
            ++nest;
        } else if (line[q] == ')') {
            if (nest-- == 0) return q + 1;
        }
    }
    return line.size();
}

class LineScanner
{
public:
    LineScanner(std::string_view line, std::vector<SyntaxSpan> &spans)
        : m_line(line), m_spans(spans)
    {
    }

    void add(std::size_t start, std::size_t end, SyntaxKind kind)
    {
        if (end <= start) return;
        if (!m_spans.empty()) {
            SyntaxSpan &last = m_spans.back();
            if (last.kind == kind && last.start + last.length == start) {
                last.length += end - start;
                return;
            }
        }
        m_spans.push_back(SyntaxSpan{start, end - start, kind});
    }

    // Text up to `stop` with its $(...) references marked as Macro and the
    // rest as `kind` (or left unmarked).
    void scanExpandable(std::size_t pos, std::size_t stop, std::optional<SyntaxKind> kind)
    {
        std::size_t textStart = pos;
        while (pos < stop) {
            if (m_line[pos] != '$') {
                ++pos;
                continue;
            }
            bool isReference = false;
            const std::size_t end = referenceEnd(m_line, pos, &isReference);
            if (isReference) {
                if (kind) add(textStart, pos, *kind);
                add(pos, end, SyntaxKind::Macro);
                textStart = end;
            }
            pos = end;
        }
        if (kind) add(textStart, stop, *kind);
    }

    // A quoted string starting at `pos` (the quote); returns its end.
    std::size_t scanString(std::size_t pos)
    {
        const char quote = m_line[pos];
        std::size_t textStart = pos;
        ++pos;
        while (pos < m_line.size()) {
            const char c = m_line[pos];
            if (c == '$') {
                bool isReference = false;
                const std::size_t end = referenceEnd(m_line, pos, &isReference);
                if (isReference) {
                    add(textStart, pos, SyntaxKind::String);
                    add(pos, end, SyntaxKind::Macro);
                    textStart = end;
                }
                pos = end;
                continue;
            }
            if (c == '\\') {
                pos += pos + 1 < m_line.size() ? 2 : 1;
                continue;
            }
            ++pos;
            if (c == quote) break;
        }
        add(textStart, pos, SyntaxKind::String);
        return pos;
    }

private:
    std::string_view m_line;
    std::vector<SyntaxSpan> &m_spans;
};

// Where the expander stops reading one token that starts at `pos`: at the
// first character outside a reference that cannot continue a word.
std::size_t tokenEnd(std::string_view line, std::size_t pos)
{
    while (pos < line.size()) {
        if (line[pos] == '$') {
            bool isReference = false;
            pos = referenceEnd(line, pos, &isReference);
        } else if (isWordChar(line[pos])) {
            ++pos;
        } else {
            break;
        }
    }
    return pos;
}

} // namespace

bool SyntaxClassifier::inHelp() const
{
    return m_state >= HelpStart;
}

std::vector<SyntaxSpan> SyntaxClassifier::classify(std::string_view line)
{
    std::vector<SyntaxSpan> spans;
    LineScanner scan(line, spans);
    const std::size_t n = line.size();

    if (m_state >= HelpStart) {
        std::size_t ws = 0;
        int ts = 0;
        while (ws < n && isBlank(line[ws])) {
            ts = line[ws] == '\t' ? (ts & ~7) + 8 : ts + 1;
            ++ws;
        }
        if (ws == n) { // a blank line belongs to the help text
            if (m_state == HelpStart) m_state = HelpIndent;
            return spans;
        }
        const int firstTs = m_state == HelpStart ? 0 : m_state - HelpIndent;
        // A line in column 0 ends the text unless it is the first line;
        // less indentation than the first text line ends it too.
        const bool ends = m_state != HelpStart && (ws == 0 || (firstTs && ts < firstTs));
        if (!ends) {
            scan.add(ws, n, SyntaxKind::HelpText);
            m_state = HelpIndent + (firstTs ? firstTs : ts);
            return spans;
        }
        m_state = AfterHelp;
    }

    const bool assignmentAllowed = m_state == StatementStart;
    const bool statementStart = m_state != Continued;
    int tokens = 0;
    bool firstIsHelp = false;
    bool continued = false;
    bool afterConfig = false; // the previous token was `config` or `menuconfig`
    std::size_t pos = 0;

    while (pos < n) {
        const char c = line[pos];
        const char next = pos + 1 < n ? line[pos + 1] : '\0';
        if (isBlank(c)) {
            ++pos;
            continue;
        }
        if (c == '#') {
            scan.add(pos, n, SyntaxKind::Comment);
            break;
        }
        if (c == '\\' && pos + 1 == n) {
            continued = true; // the statement goes on on the next line
            break;
        }
        ++tokens;
        const bool firstToken = tokens == 1 && statementStart;
        bool wasConfig = false;
        std::size_t end = pos + 1;
        SyntaxKind kind = SyntaxKind::Operator;
        switch (c) {
        case '"':
        case '\'':
            end = scan.scanString(pos);
            afterConfig = false;
            pos = end;
            continue;
        case '|':
        case '&':
            if (next == c)
                end = pos + 2;
            else
                kind = SyntaxKind::Error;
            break;
        case '!':
        case '<':
        case '>':
            if (next == '=') end = pos + 2;
            break;
        case '=':
        case '(':
        case ')':
            break;
        case ':':
        case '+':
            if (next == '=')
                end = pos + 2;
            else
                kind = SyntaxKind::Error;
            break;
        default: {
            if (!isWordChar(c) && c != '$') {
                kind = SyntaxKind::Error;
                break;
            }
            // The lexer takes a run of word characters as a plain word, or,
            // when it holds a '$', lets the expander read one token.
            std::size_t plainEnd = pos;
            bool hasDollar = false;
            while (plainEnd < n && (isWordChar(line[plainEnd]) || line[plainEnd] == '$')) {
                hasDollar |= line[plainEnd] == '$';
                ++plainEnd;
            }
            end = hasDollar ? tokenEnd(line, pos) : plainEnd;
            const std::string_view word = line.substr(pos, end - pos);
            const KeywordEntry *keyword = hasDollar ? nullptr : findKeyword(word);
            if (firstToken && assignmentAllowed && !keyword) {
                // `NAME = value`, `NAME := value`, `NAME += value`: the value
                // is raw text up to the end of the line.
                std::size_t op = end;
                while (op < n && isBlank(line[op]))
                    ++op;
                std::size_t opEnd = op;
                if (op < n && line[op] == '=')
                    opEnd = op + 1;
                else if (op + 1 < n && (line[op] == ':' || line[op] == '+') && line[op + 1] == '=')
                    opEnd = op + 2;
                if (opEnd > op) {
                    scan.add(pos, end, SyntaxKind::Macro);
                    scan.add(op, opEnd, SyntaxKind::Operator);
                    std::size_t value = opEnd;
                    while (value < n && isBlank(line[value]))
                        ++value;
                    scan.scanExpandable(value, n, std::nullopt);
                    m_state = StatementStart;
                    return spans;
                }
            }
            if (hasDollar) {
                scan.scanExpandable(pos, end,
                                    afterConfig ? SyntaxKind::Definition : SyntaxKind::Symbol);
                afterConfig = false;
                pos = end;
                continue;
            }
            if (keyword) {
                kind = keyword->kind;
                wasConfig = word == "config" || word == "menuconfig";
                firstIsHelp = firstToken && word == "help";
            } else if (word == "y" || word == "m" || word == "n" || isNumber(word)) {
                kind = SyntaxKind::Constant;
            } else {
                kind = afterConfig ? SyntaxKind::Definition : SyntaxKind::Symbol;
            }
            break;
        }
        }
        scan.add(pos, end, kind);
        afterConfig = wasConfig;
        pos = end;
    }

    if (continued)
        m_state = Continued;
    else if (firstIsHelp && tokens == 1)
        m_state = HelpStart;
    else if (tokens == 0 && m_state == AfterHelp)
        m_state = AfterHelp;
    else
        m_state = StatementStart;
    return spans;
}

int SyntaxClassifier::entryLineCount(std::string_view text, int line)
{
    if (line < 1) return 0;
    SyntaxClassifier classifier;
    int number = 0;
    int lastContent = 0;
    bool previousContinued = false;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        if (pos == text.size() && (text.empty() || text.back() == '\n')) break;
        const std::size_t eol = text.find('\n', pos);
        const std::size_t end = eol == std::string_view::npos ? text.size() : eol;
        const std::string_view current = text.substr(pos, end - pos);
        pos = end + 1;
        ++number;
        const bool wasHelp = classifier.inHelp();
        const std::vector<SyntaxSpan> spans = classifier.classify(current);
        const bool continued = classifier.state() == Continued;
        if (number < line) {
            previousContinued = continued;
            continue;
        }
        if (number == line) {
            lastContent = number;
            previousContinued = continued;
            continue;
        }
        const bool help = wasHelp && !spans.empty() && spans.front().kind == SyntaxKind::HelpText;
        bool content = help;
        if (!help && !spans.empty() && spans.front().kind != SyntaxKind::Comment) {
            const SyntaxSpan &first = spans.front();
            const std::string_view word = current.substr(first.start, first.length);
            if (!previousContinued && ((first.kind == SyntaxKind::Keyword && startsEntry(word)) ||
                                       first.kind == SyntaxKind::Macro))
                break;
            content = true;
        }
        if (content) lastContent = number;
        previousContinued = continued;
    }
    return lastContent ? lastContent - line + 1 : 0;
}

} // namespace kconfig
