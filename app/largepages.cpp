// SPDX-License-Identifier: MIT
// Every program of the project asks mimalloc for large (2 MiB) pages where
// the system offers them (transparent huge pages). A loaded kernel tree is
// some 25 MB of objects reached through pointers in no particular order; with
// 4 KiB pages, missing address translations cost about a tenth of a load.
// MIMALLOC_LARGE_OS_PAGES, when set, still decides.
#include <cstdint>
#include <cstdlib>
#include <mimalloc.h>
#include <sys/mman.h>

namespace {

const bool largePages = [] {
    if (std::getenv("MIMALLOC_LARGE_OS_PAGES")) return false;
    // Memory mimalloc takes from the system from now on...
    mi_option_enable(mi_option_large_os_pages);
    // ...and the piece it took before this ran, which it keeps handing small
    // objects out of: mimalloc 2 takes memory in 32 MiB pieces aligned to
    // their size. (Only a hint to the system: wrong, it changes nothing.)
    constexpr std::uintptr_t kPiece = std::uintptr_t(32) << 20;
    void *probe = mi_malloc(16);
    const std::uintptr_t start = reinterpret_cast<std::uintptr_t>(probe) & ~(kPiece - 1);
    mi_free(probe);
    ::madvise(reinterpret_cast<void *>(start), kPiece, MADV_HUGEPAGE);
    return true;
}();

} // namespace
