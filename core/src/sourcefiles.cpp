// SPDX-License-Identifier: MIT
#include "kconfig/sourcefiles.h"

#include "kconfig/environment.h"
#include "kconfig/loadrecord.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kconfig {

FileText::FileText(std::string_view text)
{
    std::shared_ptr<char[]> block(new char[text.size()]);
    text.copy(block.get(), text.size());
    m_data = block.get();
    m_size = text.size();
    m_block = std::move(block);
}

namespace {

// A descriptor for a regular file of at most maxSize bytes, else -1.
int openRegular(int dirFd, const char *path, std::size_t maxSize, struct stat &st)
{
    // O_NONBLOCK: opening a FIFO must not wait for a writer (it is then
    // refused as not a regular file); regular files ignore the flag.
    const int fd = ::openat(dirFd, path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return -1;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
        static_cast<std::size_t>(st.st_size) > maxSize) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// Reads up to `size` bytes (fewer if the file shrank) and closes `fd`.
std::size_t readAndClose(int fd, char *into, std::size_t size)
{
    std::size_t got = 0;
    while (got < size) {
        const ssize_t n = ::read(fd, into + got, size - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    return got;
}

} // namespace

namespace {
// Files are read into blocks of this size (more for a larger file); a new
// block is begun when less than kMinRoom is left.
constexpr std::size_t kBlockSize = 1u << 20;
constexpr std::size_t kMinRoom = 64u << 10;
} // namespace

// Reads to the end without asking for the size first (a stat per file made
// reading a kernel tree's 1,600 files a fifth slower): into the rest of the
// current block, or when the file does not fit, into a new one.
std::optional<FileText> SourceFiles::read(int dirFd, const char *path) const
{
    // O_NONBLOCK: opening a FIFO must not wait for a writer; regular files
    // ignore the flag.
    const int fd = ::openat(dirFd, path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return std::nullopt;
    struct Closer
    {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    if (m_blockSize - m_blockUsed < kMinRoom) {
        m_block.reset(new char[kBlockSize]); // not value-initialised: read() fills it
        m_blockSize = kBlockSize;
        m_blockUsed = 0;
    }
    std::size_t got = 0; // at m_block + m_blockUsed
    while (true) {
        if (m_blockUsed + got == m_blockSize) {
            // Does not fit: a block of its own, as large as the file says it
            // is (and one byte more, to see the end), with what was read.
            struct stat st
            {
            };
            std::size_t size = std::max(kBlockSize, got * 2);
            if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
                if (static_cast<std::size_t>(st.st_size) > maxFileSize) return std::nullopt;
                size = std::max(size, static_cast<std::size_t>(st.st_size) + 1);
            }
            std::shared_ptr<char[]> bigger(new char[size]);
            std::copy_n(m_block.get() + m_blockUsed, got, bigger.get());
            m_block = std::move(bigger);
            m_blockSize = size;
            m_blockUsed = 0;
        }
        const ssize_t n =
            ::read(fd, m_block.get() + m_blockUsed + got, m_blockSize - m_blockUsed - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return std::nullopt; // a directory, a FIFO without data
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
        if (got > maxFileSize) {
            m_block.reset(); // not kept for the next file
            m_blockSize = m_blockUsed = 0;
            return std::nullopt;
        }
    }
    struct stat st
    {
    };
    // Nothing read: an empty file, or a FIFO or device that is not one.
    if (got == 0 && (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) return std::nullopt;
    FileText text;
    text.m_data = m_block.get() + m_blockUsed;
    text.m_size = got;
    text.m_block = m_block;
    m_blockUsed += got;
    return text;
}

std::optional<std::string> readWholeFile(const std::string &path, std::size_t maxSize,
                                         struct stat *status)
{
    struct stat st
    {
    };
    const int fd = openRegular(AT_FDCWD, path.c_str(), maxSize, st);
    if (fd < 0) return std::nullopt;
    std::string text(static_cast<std::size_t>(st.st_size), '\0');
    text.resize(readAndClose(fd, text.data(), text.size()));
    if (status) *status = st;
    return text;
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
    if (auto it = m_overlays.find(name); it != m_overlays.end())
        return File{name, FileText(it->second)};
    const std::string local =
        m_base.empty() || name.empty() || name[0] == '/' ? name : m_base + '/' + name;
    // Every path tried is recorded, found or not: a file appearing in the
    // working directory later would shadow the one under $srctree.
    // `under`: a directory opened once, which `path` names `relative` in (the
    // base directory's own path is then not walked for every file).
    auto attempt = [this, problem](const std::string &path, int under,
                                   const std::string &relative) {
        auto text =
            read(under >= 0 ? under : AT_FDCWD, under >= 0 ? relative.c_str() : path.c_str());
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
