// SPDX-License-Identifier: MIT
// Unified diffs (plain `diff -u` or `git format-patch` mails) applied to the
// Kconfig files of a tree in memory, for what-if analysis. Only files the
// tree can read as Kconfig are patched; others are listed as ignored.
#pragma once

#include <string>
#include <vector>

namespace kconfig {

class Environment;
class SourceFiles;

struct PatchHunk
{
    int oldStart = 0, oldCount = 0;
    int newStart = 0, newCount = 0;
    std::vector<std::string> lines; // with their ' ', '-', '+' prefix, no newline
    bool noNewlineAtEnd = false;    // "\ No newline at end of file" after the new side
    int patchLine = 0;              // line of the @@ header in the patch
};

struct FilePatch
{
    std::string oldPath; // without the a/ prefix; "/dev/null" for new files
    std::string newPath; // without the b/ prefix; "/dev/null" for deleted files
    std::vector<PatchHunk> hunks;
    int patchLine = 0; // line of the "---" header
};

struct Patch
{
    std::string subject; // from a format-patch mail, if any
    std::vector<FilePatch> files;
    std::vector<std::string> errors; // "patch:LINE: message" for malformed input
};

// Parses the text of a patch; never throws, reports problems in `errors`.
Patch parsePatch(const std::string &text);

struct PatchResult
{
    std::vector<std::string> patched;  // Kconfig names now overlaid
    std::vector<std::string> ignored;  // files that are not Kconfig files
    std::vector<std::string> rejected; // "file: hunk #N (patch line L) does not apply ..."
    bool ok() const { return rejected.empty(); }
};

// Whether a path names a Kconfig file ("Kconfig", "Kconfig.debug", ...).
bool isKconfigPath(const std::string &path);

// Applies the patch to the files as `sources` reads them (overlays first,
// then the disk under $srctree) and stores the results as overlays. A hunk
// applies at its line or, like patch(1), at the nearest offset where its
// context matches exactly; hunks that match nowhere are rejected and leave
// their file unchanged.
PatchResult applyPatch(const Patch &patch, SourceFiles &sources, const Environment &env);

// Applies one file's hunks to a text (exposed for tests).
bool applyHunks(const std::string &text, const std::vector<PatchHunk> &hunks, std::string &out,
                std::vector<std::string> &rejects);

} // namespace kconfig
