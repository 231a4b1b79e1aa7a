// SPDX-License-Identifier: MIT
#include "kconfig/sourcefiles.h"

#include "kconfig/environment.h"
#include "kconfig/loadrecord.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kconfig {

std::optional<std::string> readWholeFile(const std::string &path, std::size_t maxSize)
{
    // O_NONBLOCK: opening a FIFO must not wait for a writer (it is then
    // refused as not a regular file); regular files ignore the flag.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
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
    return text;
}

std::optional<SourceFiles::File> SourceFiles::open(const std::string &name, const Environment &env,
                                                   std::string *problem) const
{
    if (auto it = m_overlays.find(name); it != m_overlays.end()) return File{name, it->second};
    const std::string local =
        m_base.empty() || name.empty() || name[0] == '/' ? name : m_base + '/' + name;
    // Every path tried is recorded, found or not: a file appearing in the
    // working directory later would shadow the one under $srctree.
    auto attempt = [this, problem](const std::string &path) {
        auto text = readWholeFile(path, maxFileSize);
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
    if (auto text = attempt(local)) return File{local, std::move(*text)};
    if (!name.empty() && name[0] != '/') {
        if (auto srctree = env.get("srctree")) {
            const std::string full = *srctree + '/' + name;
            if (auto text = attempt(full)) return File{full, std::move(*text)};
        }
    }
    return std::nullopt;
}

} // namespace kconfig
