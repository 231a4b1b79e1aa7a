// SPDX-License-Identifier: MIT
#include "kconfig/recursivedependency.h"

#include "kconfig/sourcefiles.h"
#include "kconfig/syntaxclassifier.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <string_view>
#include <utility>

namespace kconfig {

namespace {

using Kind = RecursiveDependencyLink::Kind;

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

// A file split into lines, each with its highlighting spans.
struct ScannedFile
{
    std::string text;
    // Where each line starts in `text`, and its length. Offsets, not views:
    // the scanned file is moved, and a short text moves with its characters.
    std::vector<std::pair<std::size_t, std::size_t>> lines;
    std::vector<std::vector<SyntaxSpan>> spans;

    std::string_view line(std::size_t i) const
    {
        return std::string_view(text).substr(lines[i].first, lines[i].second);
    }
    std::string_view word(std::size_t i, const SyntaxSpan &s) const
    {
        return line(i).substr(s.start, s.length);
    }
};

ScannedFile scan(std::string text)
{
    ScannedFile f;
    f.text = std::move(text);
    const std::string_view all(f.text);
    SyntaxClassifier classifier;
    std::size_t pos = 0;
    while (pos < all.size()) {
        const std::size_t eol = all.find('\n', pos);
        const std::size_t end = eol == std::string_view::npos ? all.size() : eol;
        f.lines.emplace_back(pos, end - pos);
        f.spans.push_back(classifier.classify(all.substr(pos, end - pos)));
        pos = end + 1;
    }
    return f;
}

// Whether statement `line` writes the link inside the entry of its subject.
bool writesLink(const ScannedFile &f, std::size_t line, const RecursiveDependencyLink &link)
{
    const std::vector<SyntaxSpan> &spans = f.spans[line];
    if (spans.empty() ||
        (spans.front().kind != SyntaxKind::Keyword && spans.front().kind != SyntaxKind::Type))
        return false;
    const std::string_view first = f.word(line, spans.front());
    // select and imply name their target first; the rest is the condition.
    const bool reverse = link.kind == Kind::SelectedBy || link.kind == Kind::ImpliedBy;
    const std::string &needle = reverse ? link.symbol : link.other;
    bool keyword = false;
    switch (link.kind) {
    case Kind::DependsOn:
        keyword = first == "depends";
        break;
    case Kind::SelectedBy:
        keyword = first == "select";
        break;
    case Kind::ImpliedBy:
        keyword = first == "imply";
        break;
    case Kind::ValueContains:
        keyword = first == "default" || first == "def_bool" || first == "def_tristate" ||
                  first == "range";
        break;
    case Kind::VisibleDependingOn:
        keyword = first == "prompt" || first == "depends" || spans.front().kind == SyntaxKind::Type;
        break;
    case Kind::ChoiceBlock:
        break;
    }
    if (!keyword) return false;
    for (const SyntaxSpan &s : spans) {
        if (s.kind != SyntaxKind::Symbol) continue;
        if (f.word(line, s) == needle) return true;
        if (reverse) return false;
    }
    return false;
}

// The first line (0-based) of each entry that defines `name` in `f`.
std::vector<std::size_t> entriesOf(const ScannedFile &f, const std::string &name)
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < f.lines.size(); ++i) {
        const std::vector<SyntaxSpan> &spans = f.spans[i];
        if (spans.size() < 2 || spans[0].kind != SyntaxKind::Keyword ||
            spans[1].kind != SyntaxKind::Definition)
            continue;
        const std::string_view keyword = f.word(i, spans[0]);
        if ((keyword == "config" || keyword == "menuconfig") && f.word(i, spans[1]) == name)
            out.push_back(i);
    }
    return out;
}

} // namespace

std::vector<RecursiveDependencyLink> parseRecursiveDependency(const std::string &text)
{
    std::vector<RecursiveDependencyLink> links;
    if (text.find("recursive dependency detected") == std::string::npos) return links;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t eol = text.find('\n', pos);
        const std::size_t end = eol == std::string::npos ? text.size() : eol;
        std::string_view l(text.data() + pos, end - pos);
        pos = end + 1;
        while (!l.empty() && (l.front() == '\t' || l.front() == ' '))
            l.remove_prefix(1);
        if (!startsWith(l, "symbol ")) continue;
        l.remove_prefix(7);
        RecursiveDependencyLink link;
        link.sentence = std::string(l);
        const std::size_t space = l.find(' ');
        if (space == std::string_view::npos) continue;
        link.symbol = std::string(l.substr(0, space));
        const std::string_view rest = l.substr(space + 1);
        const auto after = [&](std::string_view phrase) {
            const std::size_t at = rest.find(phrase);
            return at == std::string_view::npos ? std::string()
                                                : std::string(rest.substr(at + phrase.size()));
        };
        if (startsWith(rest, "depends on ")) {
            link.kind = Kind::DependsOn;
            link.other = after("depends on ");
        } else if (startsWith(rest, "is selected by ")) {
            link.kind = Kind::SelectedBy;
            link.other = after("is selected by ");
        } else if (startsWith(rest, "is implied by ")) {
            link.kind = Kind::ImpliedBy;
            link.other = after("is implied by ");
        } else if (startsWith(rest, "is part of choice block at ")) {
            link.kind = Kind::ChoiceBlock;
            const std::string where = after("is part of choice block at ");
            const std::size_t colon = where.rfind(':');
            if (colon != std::string::npos) {
                link.file = where.substr(0, colon);
                link.line = std::atoi(where.c_str() + colon + 1);
            }
        } else if (rest.find(" value contains ") != std::string_view::npos) {
            link.kind = Kind::ValueContains;
            link.other = after(" value contains ");
        } else if (rest.find(" is visible depending on ") != std::string_view::npos) {
            link.kind = Kind::VisibleDependingOn;
            link.other = after(" is visible depending on ");
        } else {
            continue;
        }
        links.push_back(std::move(link));
    }
    return links;
}

void locateRecursiveDependency(std::vector<RecursiveDependencyLink> &links,
                               const std::vector<std::string> &files, const SourceFiles &sources,
                               const Environment &env)
{
    std::map<std::string, std::optional<ScannedFile>> scanned;
    const auto fileNamed = [&](const std::string &name) -> const ScannedFile * {
        auto [it, fresh] = scanned.try_emplace(name);
        if (fresh) {
            if (auto opened = sources.open(name, env)) it->second = scan(opened->text.str());
        }
        return it->second ? &*it->second : nullptr;
    };
    for (RecursiveDependencyLink &link : links) {
        if (link.kind == Kind::ChoiceBlock || !link.file.empty()) continue;
        // The entry that writes the link: the selector's for select and imply.
        const bool reverse = link.kind == Kind::SelectedBy || link.kind == Kind::ImpliedBy;
        const std::string &owner = reverse ? link.other : link.symbol;
        std::string fallbackFile;
        int fallbackLine = 0;
        for (const std::string &name : files) {
            const ScannedFile *f = fileNamed(name);
            if (!f) continue;
            for (std::size_t first : entriesOf(*f, owner)) {
                if (fallbackFile.empty()) {
                    fallbackFile = name;
                    fallbackLine = static_cast<int>(first) + 1;
                }
                const int count =
                    SyntaxClassifier::entryLineCount(f->text, static_cast<int>(first) + 1);
                for (std::size_t i = first + 1; i < first + std::size_t(std::max(count, 1)); ++i) {
                    if (i < f->lines.size() && writesLink(*f, i, link)) {
                        link.file = name;
                        link.line = static_cast<int>(i) + 1;
                        break;
                    }
                }
                if (!link.file.empty()) break;
            }
            if (!link.file.empty()) break;
        }
        if (link.file.empty() && !fallbackFile.empty()) {
            link.file = fallbackFile;
            link.line = fallbackLine;
        }
    }
}

} // namespace kconfig
