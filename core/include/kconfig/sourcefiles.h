// SPDX-License-Identifier: MIT
// Reads Kconfig files the way conf opens them (as given, then under $srctree),
// with in-memory overlays that replace a file's text for what-if analysis.
// One object is not for use by several threads at once.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct stat;

namespace kconfig {

class Environment;
struct LoadRecord;

// The bytes of a Kconfig file. They do not move when the object does (the
// tree's help texts point into them); files read by one SourceFiles share
// large blocks, filled one after another.
class FileText
{
public:
    FileText() = default;
    explicit FileText(std::string_view text); // a copy

    std::string_view view() const { return {m_data, m_size}; }
    std::string str() const { return std::string(view()); }

private:
    friend class SourceFiles;
    std::shared_ptr<const char[]> m_block; // keeps m_data alive
    const char *m_data = nullptr;
    std::size_t m_size = 0;
};

class SourceFiles
{
public:
    struct File
    {
        std::string path; // the path actually opened (for messages about I/O)
        FileText text;
    };

    // conf's zconf_fopen: `name` relative to the working directory first, then
    // to $srctree for relative names. Overlays win over the disk.
    // `problem`, if given, says why an existing file was refused (too large).
    std::optional<File> open(const std::string &name, const Environment &env,
                             std::string *problem = nullptr) const;

    SourceFiles() = default;
    SourceFiles(const SourceFiles &other);
    SourceFiles &operator=(const SourceFiles &other);
    ~SourceFiles();

    // Resolve relative names against this directory instead of the process's
    // working directory (the GUI's "objtree").
    void setBaseDirectory(std::string dir);
    const std::string &baseDirectory() const { return m_base; }

    void setOverlay(const std::string &name, std::string text)
    {
        m_overlays[name] = std::move(text);
    }
    void removeOverlay(const std::string &name) { m_overlays.erase(name); }
    void clearOverlays() { m_overlays.clear(); }
    const std::map<std::string, std::string> &overlays() const { return m_overlays; }

    // Notes every path tried (found or not) and srctree, for the tree cache.
    void setRecord(LoadRecord *record) const { m_record = record; }

    // Files larger than this are refused (a Kconfig file is a few hundred KB at most).
    static constexpr std::size_t maxFileSize = 64u << 20;

private:
    int baseDirectoryFd() const;
    // A whole file, `path` relative to the directory `dirFd` (or AT_FDCWD);
    // nullopt if it cannot be read, is not a regular file or is larger than
    // maxFileSize.
    std::optional<FileText> read(int dirFd, const char *path) const;

    std::map<std::string, std::string> m_overlays;
    std::string m_base;
    // m_base opened once: names are then looked up from it, not from the root.
    mutable int m_baseFd = -1;
    mutable LoadRecord *m_record = nullptr;
    // The block files are read into (see read()); not shared with copies.
    mutable std::shared_ptr<char[]> m_block;
    mutable std::size_t m_blockSize = 0;
    mutable std::size_t m_blockUsed = 0;
};

// Reads a whole regular file; nullopt if it cannot be opened, is not a regular
// file or is larger than maxSize. `status`, if given, receives the file's status.
std::optional<std::string> readWholeFile(const std::string &path, std::size_t maxSize,
                                         struct stat *status = nullptr);

} // namespace kconfig
