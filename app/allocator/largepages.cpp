// SPDX-License-Identifier: MIT
// The programs' allocator setting. A loaded kernel tree is some 40 MB of small
// objects that parsing, finalisation and evaluation visit in no particular
// order: in 4 KiB pages most visits miss the address translation cache, which
// is dear above all in virtual machines. mimalloc takes its memory in 2 MiB
// pages where the kernel allows it (transparent huge pages in "madvise" or
// "always" mode); a warm load of the x86 tree takes some 5 % less CPU time.
// MIMALLOC_LARGE_OS_PAGES=0 in the environment turns it off.
//
// mimalloc maps its first memory while the shared libraries are initialised,
// before any constructor of the program runs: the option is set from the
// program's pre-initialisation array, which runs before them. Setting an
// option only writes mimalloc's option table, which is ready by then.
#include <mimalloc.h>

#include <cstring>

namespace {

void preferLargePages(int, char **, char **envp)
{
    static constexpr char kVariable[] = "MIMALLOC_LARGE_OS_PAGES=";
    for (char **e = envp; e && *e; ++e)
        if (std::strncmp(*e, kVariable, sizeof kVariable - 1) == 0) return; // the user's choice
    mi_option_set_enabled(mi_option_large_os_pages, true);
}

[[gnu::section(".preinit_array"),
  gnu::used]] void (*const kPreferLargePages)(int, char **, char **) = preferLargePages;

} // namespace
