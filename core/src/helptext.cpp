// SPDX-License-Identifier: MIT
#include "kconfig/helptext.h"

namespace kconfig {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// Column after a run of blanks, tabs stopping every eight columns.
int columnAfter(std::string_view blanks)
{
    int ts = 0;
    for (char c : blanks)
        ts = c == '\t' ? (ts & ~7) + 8 : ts + 1;
    return ts;
}

} // namespace

// The rules of conf's HELP start condition, line by line: a blank line is a
// newline unless the next line starts in column 0 (then the text ends); the
// first text line fixes the indentation; a line indented less ends the text
// after its blanks; deeper indentation is kept as spaces; trailing blanks go.
HelpBlock scanHelpBlock(std::string_view s, std::size_t pos, std::string *out)
{
    HelpBlock r;
    int firstTs = 0;
    int lastTs = 0;
    std::string_view indent; // the blanks before the first text line
    while (pos < s.size()) {
        // Most lines are text indented exactly like the first one, then a
        // newline that does not end the text: one step for all of it.
        if (std::size_t n = indent.size(); n && pos + n < s.size()) {
            std::size_t i = 0;
            while (i < n && s[pos + i] == indent[i])
                ++i;
            const char c = s[pos + n];
            if (i == n && !isBlank(c) && c != '\n') {
                lastTs = firstTs;
                pos += n;
                const std::size_t eol = s.find('\n', pos);
                if (eol == std::string_view::npos || eol + 1 >= s.size() || isBlank(s[eol - 1]) ||
                    (!isBlank(s[eol + 1]) && s[eol + 1] != '\n'))
                    continue; // the general steps take the rest of this line
                if (out) out->append(s.substr(pos, eol + 1 - pos));
                pos = eol + 1;
                ++r.lines;
                continue;
            }
        }
        std::size_t ws = pos;
        while (ws < s.size() && isBlank(s[ws]))
            ++ws;
        if (ws < s.size() && s[ws] == '\n') {
            const bool nextStartsLine =
                ws + 1 < s.size() && !isBlank(s[ws + 1]) && s[ws + 1] != '\n';
            pos = ws + 1;
            ++r.lines;
            if (nextStartsLine) break;
            if (out) *out += '\n';
            continue;
        }
        if (ws > pos) {
            const int ts = columnAfter(s.substr(pos, ws - pos));
            pos = ws;
            lastTs = ts;
            if (firstTs) {
                if (ts < firstTs) break;
                if (out) out->append(static_cast<std::size_t>(ts - firstTs), ' ');
            }
            continue;
        }
        // Text to the end of the line, without trailing blanks.
        const std::size_t eol = s.find('\n', pos);
        const std::size_t lineEnd = eol == std::string_view::npos ? s.size() : eol;
        if (out) {
            std::size_t end = lineEnd;
            while (end > pos && isBlank(s[end - 1]))
                --end;
            out->append(s.substr(pos, end - pos));
        }
        if (!firstTs) {
            firstTs = lastTs;
            // The blanks just before this line's text, when they are all of its indentation.
            std::size_t start = pos;
            while (start > 0 && isBlank(s[start - 1]))
                --start;
            if (firstTs && (start == 0 || s[start - 1] == '\n'))
                indent = s.substr(start, pos - start);
        }
        pos = lineEnd;
    }
    r.end = pos;
    return r;
}

HelpText HelpText::fromSource(std::string_view source)
{
    HelpText h;
    h.m_source = source;
    return h;
}

std::string HelpText::text() const
{
    if (m_source.empty()) return m_text;
    std::string out;
    scanHelpBlock(m_source, 0, &out);
    return out;
}

} // namespace kconfig
