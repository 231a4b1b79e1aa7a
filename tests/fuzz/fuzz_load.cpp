// SPDX-License-Identifier: MIT
// Fuzz target: a Kconfig tree from memory through the whole loader (macro
// preprocessor, lexer, parser, menu finalisation, dependency check), then
// every value, printer and writer, then a few user changes whose incremental
// update must agree with a full recomputation.
#include "fuzzsupport.h"

#include <kconfig/config.h>
#include <kconfig/tree.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

// Keeps single runs fast: bigger trees are not more interesting, only slower.
constexpr std::size_t kMaxInput = 64 * 1024;
constexpr std::size_t kMaxSymbolsForChanges = 400;
constexpr int kMaxChanges = 6;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace kconfig;
    if (size > kMaxInput) return -1;
    const std::string_view text(reinterpret_cast<const char *>(data), size);

    DiagnosticSink diagnostics;
    std::unique_ptr<Tree> tree = kcsfuzz::loadFromMemory(kcsfuzz::splitFiles(text), diagnostics);
    if (!tree) return 0;

    Config config(*tree);
    kcsfuzz::evaluateEverything(config);

    if (tree->symbols().size() > kMaxSymbolsForChanges) return 0;
    // Walk the symbols that have a prompt and change each like a user would;
    // the input's bytes pick the new values.
    int changes = 0;
    std::size_t byte = 0;
    for (const Symbol *sym : tree->symbols().all()) {
        if (changes == kMaxChanges) break;
        if (sym->isConst() || sym->isChoice() || config.visibility(sym) == Tristate::No) continue;
        const unsigned char pick = size ? data[byte++ % size] : 0;
        switch (sym->type) {
        case SymbolType::Bool:
        case SymbolType::Tristate:
            if (pick & 1)
                config.toggleTristateValue(sym);
            else
                config.setTristateValue(sym, static_cast<Tristate>(pick % 3));
            break;
        case SymbolType::Int:
            config.setStringValue(sym, std::to_string(static_cast<int>(pick) - 128));
            break;
        case SymbolType::Hex:
            config.setStringValue(sym, (pick & 1 ? "0x" : "") + std::to_string(pick));
            break;
        case SymbolType::String:
            config.setStringValue(sym, std::string(pick % 5, 'a' + pick % 26));
            break;
        default:
            continue;
        }
        ++changes;
        kcsfuzz::checkIncrementalConsistency(config, sym->name.c_str());
    }
    if (changes) kcsfuzz::evaluateEverything(config);
    return 0;
}
