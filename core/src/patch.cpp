// SPDX-License-Identifier: MIT
#include "kconfig/patch.h"

#include "kconfig/environment.h"
#include "kconfig/sourcefiles.h"

#include <cstdlib>
#include <sstream>

namespace kconfig {

namespace {

std::vector<std::string> splitLines(const std::string &text, bool &finalNewline)
{
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t nl = text.find('\n', pos);
        if (nl == std::string::npos) {
            lines.push_back(text.substr(pos));
            finalNewline = false;
            return lines;
        }
        lines.push_back(text.substr(pos, nl - pos));
        pos = nl + 1;
    }
    finalNewline = true;
    return lines;
}

// "drivers/vfio/Kconfig\t2023-..." -> "drivers/vfio/Kconfig"
std::string headerPath(std::string p)
{
    const std::size_t tab = p.find('\t');
    if (tab != std::string::npos) p.resize(tab);
    while (!p.empty() && (p.back() == ' ' || p.back() == '\r'))
        p.pop_back();
    return p;
}

// Drops the a/ and b/ of git, quilt and `diff -ur a b` output (patch -p1),
// but only when both sides carry them, so that a plain `diff -u` path that
// happens to start with "a/" is kept.
void stripPrefixes(std::string &oldPath, std::string &newPath)
{
    const auto has = [](const std::string &p, char c) {
        return p == "/dev/null" || (p.size() > 2 && p[0] == c && p[1] == '/');
    };
    if (!has(oldPath, 'a') || !has(newPath, 'b') || (oldPath == "/dev/null" && newPath == oldPath))
        return;
    if (oldPath != "/dev/null") oldPath.erase(0, 2);
    if (newPath != "/dev/null") newPath.erase(0, 2);
}

bool parseRange(const std::string &s, int &start, int &count)
{
    char *end = nullptr;
    start = static_cast<int>(std::strtol(s.c_str(), &end, 10));
    if (end == s.c_str()) return false;
    count = 1;
    if (*end == ',') {
        const char *c = end + 1;
        count = static_cast<int>(std::strtol(c, &end, 10));
        if (end == c) return false;
    }
    return *end == '\0' && start >= 0 && count >= 0;
}

} // namespace

bool isKconfigPath(const std::string &path)
{
    const std::size_t slash = path.rfind('/');
    const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    return base.rfind("Kconfig", 0) == 0;
}

Patch parsePatch(const std::string &text)
{
    Patch patch;
    bool finalNewline = true;
    const std::vector<std::string> lines = splitLines(text, finalNewline);
    const auto error = [&](std::size_t i, const std::string &msg) {
        patch.errors.push_back("patch:" + std::to_string(i + 1) + ": " + msg);
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string &l = lines[i];
        if (patch.subject.empty() && l.rfind("Subject: ", 0) == 0) {
            patch.subject = l.substr(9);
            continue;
        }
        if (l.rfind("--- ", 0) != 0 || i + 1 >= lines.size() || lines[i + 1].rfind("+++ ", 0) != 0)
            continue;
        FilePatch fp;
        fp.patchLine = static_cast<int>(i + 1);
        fp.oldPath = headerPath(l.substr(4));
        fp.newPath = headerPath(lines[i + 1].substr(4));
        stripPrefixes(fp.oldPath, fp.newPath);
        i += 2;
        while (i < lines.size() && lines[i].rfind("@@ ", 0) == 0) {
            PatchHunk h;
            h.patchLine = static_cast<int>(i + 1);
            const std::string &hdr = lines[i];
            const std::size_t minus = hdr.find(" -");
            const std::size_t plus = hdr.find(" +", minus == std::string::npos ? 0 : minus);
            const std::size_t close = hdr.find(" @@", plus == std::string::npos ? 0 : plus);
            if (minus == std::string::npos || plus == std::string::npos ||
                close == std::string::npos ||
                !parseRange(hdr.substr(minus + 2, plus - minus - 2), h.oldStart, h.oldCount) ||
                !parseRange(hdr.substr(plus + 2, close - plus - 2), h.newStart, h.newCount)) {
                error(i, "malformed hunk header: " + hdr);
                break;
            }
            ++i;
            int oldSeen = 0, newSeen = 0;
            while (i < lines.size() && (oldSeen < h.oldCount || newSeen < h.newCount)) {
                const std::string &b = lines[i];
                const char c =
                    b.empty() ? ' ' : b[0]; // some mailers drop the space of empty context
                if (c == ' ') {
                    ++oldSeen;
                    ++newSeen;
                } else if (c == '-') {
                    ++oldSeen;
                } else if (c == '+') {
                    ++newSeen;
                } else if (c == '\\') {
                    ++i;
                    continue;
                } else {
                    break;
                }
                h.lines.push_back(b.empty() ? std::string(" ") : b);
                ++i;
            }
            if (i < lines.size() && lines[i].rfind("\\ No newline", 0) == 0) {
                h.noNewlineAtEnd = !h.lines.empty() && h.lines.back()[0] != '-';
                ++i;
            }
            // A cut-off hunk (a truncated mail) is not applied halfway.
            if (oldSeen != h.oldCount || newSeen != h.newCount)
                error(static_cast<std::size_t>(h.patchLine - 1),
                      "hunk ends early: expected " + std::to_string(h.oldCount) + " old and " +
                          std::to_string(h.newCount) + " new lines");
            else
                fp.hunks.push_back(std::move(h));
        }
        --i;
        if (fp.hunks.empty())
            error(static_cast<std::size_t>(fp.patchLine - 1),
                  "file header without hunks: " + fp.newPath);
        else
            patch.files.push_back(std::move(fp));
    }
    if (patch.files.empty() && patch.errors.empty())
        patch.errors.push_back("patch:1: no file changes found (is this a unified diff?)");
    return patch;
}

bool applyHunks(const std::string &text, const std::vector<PatchHunk> &hunks, std::string &out,
                std::vector<std::string> &rejects)
{
    bool finalNewline = true;
    std::vector<std::string> lines =
        text.empty() ? std::vector<std::string>{} : splitLines(text, finalNewline);
    // How far earlier hunks moved the file. 64-bit: hunk headers may claim
    // lines near INT_MAX, and int arithmetic on them would overflow.
    long long offset = 0;
    bool ok = true;
    for (std::size_t h = 0; h < hunks.size(); ++h) {
        const PatchHunk &hunk = hunks[h];
        std::vector<std::string> oldSide, newSide;
        for (const std::string &l : hunk.lines) {
            if (l[0] != '+') oldSide.push_back(l.substr(1));
            if (l[0] != '-') newSide.push_back(l.substr(1));
        }
        const long expected = static_cast<long>(std::max(0LL, hunk.oldStart - 1LL + offset));
        const auto matchesAt = [&](long at) {
            if (at < 0 || at + static_cast<long>(oldSide.size()) > static_cast<long>(lines.size()))
                return false;
            for (std::size_t k = 0; k < oldSide.size(); ++k) {
                std::string have = lines[static_cast<std::size_t>(at) + k];
                if (!have.empty() && have.back() == '\r') have.pop_back();
                if (have != oldSide[k]) return false;
            }
            return true;
        };
        long found = -1;
        if (hunk.oldCount == 0 && hunk.oldStart == 0) {
            found = 0; // new file
        } else {
            for (long d = 0; d <= static_cast<long>(lines.size()) && found < 0; ++d) {
                if (matchesAt(expected - d))
                    found = expected - d;
                else if (d && matchesAt(expected + d))
                    found = expected + d;
            }
        }
        if (found < 0) {
            rejects.push_back("hunk #" + std::to_string(h + 1) + " (patch line " +
                              std::to_string(hunk.patchLine) +
                              ") does not apply: its context is not in the file");
            ok = false;
            continue;
        }
        // Context keeps the file's own lines; added lines take its line ends
        // (a CRLF file stays CRLF).
        const bool crlf = !oldSide.empty() && !lines[static_cast<std::size_t>(found)].empty() &&
                          lines[static_cast<std::size_t>(found)].back() == '\r';
        std::vector<std::string> replacement;
        std::size_t old = static_cast<std::size_t>(found);
        for (const std::string &l : hunk.lines) {
            if (l[0] == ' ')
                replacement.push_back(lines[old++]);
            else if (l[0] == '-')
                ++old;
            else
                replacement.push_back(l.substr(1) + (crlf ? "\r" : ""));
        }
        lines.erase(lines.begin() + found,
                    lines.begin() + found + static_cast<long>(oldSide.size()));
        lines.insert(lines.begin() + found, replacement.begin(), replacement.end());
        offset += static_cast<long long>(newSide.size()) - static_cast<long long>(oldSide.size()) +
                  (found - expected);
        if (hunk.noNewlineAtEnd &&
            found + static_cast<long>(newSide.size()) == static_cast<long>(lines.size()))
            finalNewline = false;
    }
    if (!ok) return false;
    out.clear();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        out += lines[i];
        if (i + 1 < lines.size() || finalNewline) out += '\n';
    }
    return true;
}

PatchResult applyPatch(const Patch &patch, SourceFiles &sources, const Environment &env)
{
    PatchResult result;
    for (const FilePatch &fp : patch.files) {
        const std::string &name = fp.newPath != "/dev/null" ? fp.newPath : fp.oldPath;
        if (!isKconfigPath(name)) {
            result.ignored.push_back(name);
            continue;
        }
        std::string text;
        if (fp.oldPath != "/dev/null") {
            auto file = sources.open(fp.oldPath, env);
            if (!file) {
                result.rejected.push_back(fp.oldPath + ": not found in the tree");
                continue;
            }
            text = file->text.str();
        }
        std::string out;
        std::vector<std::string> rejects;
        if (!applyHunks(text, fp.hunks, out, rejects)) {
            for (const std::string &r : rejects)
                result.rejected.push_back(name + ": " + r);
            continue;
        }
        sources.setOverlay(name, std::move(out));
        result.patched.push_back(name);
    }
    return result;
}

} // namespace kconfig
