// SPDX-License-Identifier: MIT
#include "kconfig/sourcefiles.h"

#include "kconfig/environment.h"
#include "kconfig/loadrecord.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kconfig {

std::optional<std::string> readWholeFileAt(int dirFd, const char *path, std::size_t maxSize,
                                           struct stat *status)
{
    // O_NONBLOCK: opening a FIFO must not wait for a writer (it is then
    // refused as not a regular file); regular files ignore the flag.
    const int fd = ::openat(dirFd, path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return std::nullopt;
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
        static_cast<std::size_t>(st.st_size) > maxSize) {
        ::close(fd);
        return std::nullopt;
    }
    std::string text;
    text.resize(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    while (got < text.size()) {
        const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    text.resize(got);
    ::close(fd);
    if (status) *status = st;
    return text;
}

std::optional<std::string> readWholeFile(const std::string &path, std::size_t maxSize,
                                         struct stat *status)
{
    return readWholeFileAt(AT_FDCWD, path.c_str(), maxSize, status);
}

SourceFiles::SourceFiles(const SourceFiles &other)
    : m_overlays(other.m_overlays), m_base(other.m_base), m_record(other.m_record)
{
}

SourceFiles &SourceFiles::operator=(const SourceFiles &other)
{
    if (this != &other) {
        m_overlays = other.m_overlays;
        setBaseDirectory(other.m_base);
        m_record = other.m_record;
    }
    return *this;
}

SourceFiles::~SourceFiles()
{
    if (m_baseFd >= 0) ::close(m_baseFd);
}

void SourceFiles::setBaseDirectory(std::string dir)
{
    if (m_baseFd >= 0) ::close(m_baseFd);
    m_baseFd = -1;
    m_base = std::move(dir);
}

int SourceFiles::baseDirectoryFd() const
{
    if (m_baseFd < 0 && !m_base.empty())
        m_baseFd = ::open(m_base.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    return m_baseFd;
}

std::optional<SourceFiles::File> SourceFiles::open(const std::string &name, const Environment &env,
                                                   std::string *problem) const
{
    if (auto it = m_overlays.find(name); it != m_overlays.end()) return File{name, it->second};
    const std::string local =
        m_base.empty() || name.empty() || name[0] == '/' ? name : m_base + '/' + name;
    // Every path tried is recorded, found or not: a file appearing in the
    // working directory later would shadow the one under $srctree.
    // `under`: a directory opened once, which `path` names `relative` in (the
    // base directory's own path is then not walked for every file).
    auto attempt = [this, problem](const std::string &path, int under,
                                   const std::string &relative) {
        auto text = under >= 0 ? readWholeFileAt(under, relative.c_str(), maxFileSize)
                               : readWholeFile(path, maxFileSize);
        if (m_record) m_record->addPath(path, text.has_value());
        struct stat st
        {
        };
        if (!text && problem && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
            static_cast<std::size_t>(st.st_size) > maxFileSize)
            *problem = "too large (" + std::to_string(st.st_size) + " bytes, the limit is " +
                       std::to_string(maxFileSize) + ")";
        return text;
    };
    if (auto text = attempt(local, local == name ? -1 : baseDirectoryFd(), name))
        return File{local, std::move(*text)};
    if (!name.empty() && name[0] != '/') {
        if (auto srctree = env.get("srctree")) {
            const std::string full = *srctree + '/' + name;
            if (auto text = attempt(full, -1, full)) return File{full, std::move(*text)};
        }
    }
    return std::nullopt;
}

} // namespace kconfig
