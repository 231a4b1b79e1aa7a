// SPDX-License-Identifier: MIT
// What-if analysis: how a changed tree (a Kconfig edit or a patch) changes the
// configurations people build. For each baseline (the current .config
// re-derived like olddefconfig, alldefconfig, allnoconfig, allmodconfig,
// allyesconfig, a defconfig file) both trees are configured the same way and
// every symbol whose value, visibility or writability differs is explained:
// by the edited lines it depends on directly, or by the other symbols that
// shifted.
#pragma once

#include "kconfig/config.h"
#include "kconfig/explanation.h"
#include "kconfig/sourcelocation.h"

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace kconfig {

class Environment;
class Tree;
struct Symbol;

struct Baseline
{
    enum class Kind
    {
        Current,
        AllDef,
        AllNo,
        AllMod,
        AllYes,
        Defconfig
    };
    Kind kind = Kind::AllDef;
    std::string name; // "allmodconfig", "x86_64_defconfig", "current"
    std::string file; // the .config (Current) or defconfig file (Defconfig)

    // "current", "alldefconfig", "allnoconfig", "allmodconfig", "allyesconfig",
    // "defconfig" (the architecture's), or a path to a defconfig file.
    static bool parse(const std::string &text, const std::string &currentConfig,
                      const std::string &archDefconfig, Baseline &out);
};

// One difference between the two trees' definitions of a symbol.
struct DefinitionEdit
{
    enum class Kind
    {
        Added,
        Removed,
        Changed
    };
    Kind kind = Kind::Changed;
    std::string symbol;      // whose definition it is (empty for menus)
    std::string what;        // "select IOMMUFD", "depends on IOMMUFD", "type", "prompt", ...
    std::string before;      // as it was (empty when added)
    std::string after;       // as it is (empty when removed)
    SourceLocation location; // in the edited tree (or the original one when removed)
    const Property *property = nullptr; // the edited tree's property, when there is one
};

struct ImpactChange
{
    std::string symbol;
    SymbolSnapshot before; // in the original tree
    SymbolSnapshot after;  // in the edited tree
    bool existedBefore = true;
    bool existsAfter = true;
    std::vector<Fact> reasons;         // facts in the edited tree; Fact::Kind::Edit roots
    std::vector<DefinitionEdit> edits; // edits of this symbol's own definition that matter
    std::vector<std::string> causes;   // symbols that shifted first (by name)
};

struct BaselineImpact
{
    Baseline baseline;
    std::vector<ImpactChange> changes;     // in cause order
    std::vector<std::string> newWarnings;  // unmet dependencies the edit introduces
    std::vector<std::string> goneWarnings; // ... and removes
    int values = 0, visibility = 0, writability = 0;
    std::shared_ptr<Config> configBefore; // the baseline on each tree, for rendering
    std::shared_ptr<Config> configAfter;
    std::shared_ptr<EarlierValues> valuesBefore; // the original values seen from the edited tree
};

struct ImpactReport
{
    std::vector<DefinitionEdit> edits; // every definition difference between the trees
    std::vector<BaselineImpact> baselines;
};

// The comparison of two trees prepared once for any number of baselines: the
// definition differences and the symbols matched by name. Both trees must
// outlive it. analyze() only reads it, so baselines may run on several
// threads at once (each configures the trees in Configs of its own).
class ImpactAnalysis
{
public:
    ImpactAnalysis(const Tree &before, const Tree &after);

    const Tree &before() const { return m_before; }
    const Tree &after() const { return m_after; }
    // Every definition difference between the trees, by symbol name.
    const std::vector<DefinitionEdit> &edits() const { return m_edits; }
    // One baseline configured on both trees and compared; `env` gives
    // CONFIG_ and the other variables the .config readers use.
    BaselineImpact analyze(const Baseline &baseline, const Environment &env) const;
    // Several baselines, in their order, on up to `threads` threads at once
    // (0: one per hardware thread). `progress`, if set, is called after each
    // baseline with the number finished so far (one call at a time, from any
    // of the threads); when it returns false the baselines not started yet
    // are skipped and missing from the result.
    std::vector<BaselineImpact>
    analyze(const std::vector<Baseline> &baselines, const Environment &env, unsigned threads = 0,
            const std::function<bool(std::size_t finished)> &progress = {}) const;

private:
    struct Match
    {
        const Symbol *before = nullptr; // null: only the edited tree defines it
        const Symbol *after = nullptr;  // null: the edited tree no longer defines it
    };
    const Tree &m_before;
    const Tree &m_after;
    std::vector<DefinitionEdit> m_edits;
    std::vector<Match> m_symbols; // in name order
    // Edited tree's symbol -> the original tree's of the same name.
    std::unordered_map<const Symbol *, const Symbol *> m_original;
    // Symbol -> the edits of its own definition and of selects/implies of it.
    std::unordered_map<std::string, std::vector<std::size_t>> m_bearing;
};

// `before` and `after` are the original and the edited tree; `env` gives
// CONFIG_ and the other variables the .config readers use.
ImpactReport analyzeImpact(const Tree &before, const Tree &after,
                           const std::vector<Baseline> &baselines, const Environment &env);

// The definition differences alone (cheap: no configuration involved).
std::vector<DefinitionEdit> definitionEdits(const Tree &before, const Tree &after);

} // namespace kconfig
