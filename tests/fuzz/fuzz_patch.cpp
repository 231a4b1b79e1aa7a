// SPDX-License-Identifier: MIT
// Fuzz target: a unified diff (plain or a git mail) parsed and applied in
// memory to a small fixed tree, which is then loaded and evaluated. A patch
// that applies must apply the same way file by file and through the tree.
#include "fuzzsupport.h"

#include <kconfig/config.h>
#include <kconfig/patch.h>
#include <kconfig/tree.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace kconfig;

const std::vector<std::pair<std::string, std::string>> &baseTree()
{
    static const std::vector<std::pair<std::string, std::string>> files = {
        {"Kconfig", "mainmenu \"Patch tree\"\n"
                    "\n"
                    "config MODULES\n"
                    "\tbool \"Modules\"\n"
                    "\tmodules\n"
                    "\tdefault y\n"
                    "\n"
                    "source \"drivers/Kconfig\"\n"
                    "source \"drivers/vfio/Kconfig\"\n"},
        {"drivers/Kconfig", "menu \"Drivers\"\n"
                            "\n"
                            "config IOMMUFD\n"
                            "\ttristate \"IOMMU userspace API\"\n"
                            "\tselect IOMMUFD_DRIVER\n"
                            "\n"
                            "config IOMMUFD_DRIVER\n"
                            "\tbool\n"
                            "\n"
                            "endmenu\n"},
        {"drivers/vfio/Kconfig", "menuconfig VFIO\n"
                                 "\ttristate \"VFIO support\"\n"
                                 "\tdepends on IOMMUFD || !IOMMUFD\n"
                                 "\n"
                                 "if VFIO\n"
                                 "config VFIO_CONTAINER\n"
                                 "\tbool \"Legacy container\"\n"
                                 "\tdefault y\n"
                                 "\n"
                                 "config VFIO_DEVICE_CDEV\n"
                                 "\tbool \"Device cdev\"\n"
                                 "\tdepends on IOMMUFD\n"
                                 "endif\n"},
    };
    return files;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > 64 * 1024) return -1;
    const std::string text(reinterpret_cast<const char *>(data), size);
    const Patch patch = parsePatch(text);

    // File by file, against the base texts.
    std::vector<std::pair<std::string, std::string>> expected;
    for (const FilePatch &fp : patch.files) {
        for (const PatchHunk &h : fp.hunks)
            for (const std::string &l : h.lines)
                if (l.empty()) std::abort(); // every hunk line keeps its prefix
        const std::string &name = fp.newPath != "/dev/null" ? fp.newPath : fp.oldPath;
        std::string base;
        bool known = fp.oldPath == "/dev/null";
        for (const auto &[n, t] : baseTree())
            if (n == fp.oldPath) {
                base = t;
                known = true;
            }
        std::string out;
        std::vector<std::string> rejects;
        if (known && applyHunks(base, fp.hunks, out, rejects) && isKconfigPath(name))
            expected.emplace_back(name, out);
    }

    // Through SourceFiles, then the tree.
    SourceFiles sources;
    sources.setBaseDirectory("/nonexistent/kconfig-studio-fuzz");
    for (const auto &[name, t] : baseTree())
        sources.setOverlay(name, t);
    const Environment env = kcsfuzz::fuzzEnvironment();
    const PatchResult result = applyPatch(patch, sources, env);

    // With one patch per file, what applied must be what applyHunks made.
    bool onePerFile = true;
    for (std::size_t i = 0; i < patch.files.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (patch.files[i].newPath == patch.files[j].newPath ||
                patch.files[i].oldPath == patch.files[j].oldPath)
                onePerFile = false;
    if (onePerFile) {
        for (const auto &[name, t] : expected) {
            const auto it = sources.overlays().find(name);
            if (it == sources.overlays().end() || it->second != t) {
                std::fprintf(stderr, "%s: applyPatch and applyHunks differ\n", name.c_str());
                std::abort();
            }
        }
    }

    // The patched tree, with any files the patch created ("Kconfig" first).
    std::vector<std::pair<std::string, std::string>> files{
        {"Kconfig", sources.overlays().at("Kconfig")}};
    for (const auto &[name, t] : sources.overlays())
        if (name != "Kconfig") files.emplace_back(name, t);
    DiagnosticSink diagnostics;
    if (std::unique_ptr<Tree> tree = kcsfuzz::loadFromMemory(files, diagnostics)) {
        Config config(*tree);
        for (const Symbol *sym : tree->symbols().all())
            config.snapshot(sym);
    }
    (void)result;
    return 0;
}
