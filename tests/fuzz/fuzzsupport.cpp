// SPDX-License-Identifier: MIT
#include "fuzzsupport.h"

#include <kconfig/autoconfwriter.h>
#include <kconfig/config.h>
#include <kconfig/configwriter.h>
#include <kconfig/explainer.h>
#include <kconfig/explanationtext.h>
#include <kconfig/exprprinter.h>
#include <kconfig/symbolinfo.h>
#include <kconfig/treeloader.h>

#include <cstdio>
#include <cstdlib>

namespace kcsfuzz {

using namespace kconfig;

std::vector<std::pair<std::string, std::string>> splitFiles(std::string_view data)
{
    static constexpr std::string_view marker = "#--- ";
    std::vector<std::pair<std::string, std::string>> files;
    files.emplace_back("Kconfig", std::string());
    std::size_t pos = 0;
    while (pos < data.size()) {
        std::size_t eol = data.find('\n', pos);
        const std::size_t end = eol == std::string_view::npos ? data.size() : eol + 1;
        const std::string_view line = data.substr(pos, end - pos);
        if (line.substr(0, marker.size()) == marker) {
            std::string name(line.substr(marker.size()));
            while (!name.empty() && (name.back() == '\n' || name.back() == '\r'))
                name.pop_back();
            files.emplace_back(std::move(name), std::string());
        } else {
            files.back().second.append(line);
        }
        pos = end;
    }
    return files;
}

Environment fuzzEnvironment()
{
    Environment env;
    env.set("ARCH", "x86_64");
    env.set("SRCARCH", "x86");
    env.set("KERNELVERSION", "6.12.0");
    env.set("CC", "gcc");
    env.set("LD", "ld");
    env.set("CC_VERSION_TEXT", "gcc (Debian 12.2.0-14) 12.2.0");
    env.set("HOME", "/nonexistent");
    return env;
}

std::unique_ptr<Tree> loadFromMemory(const std::vector<std::pair<std::string, std::string>> &files,
                                     DiagnosticSink &diagnostics)
{
    SourceFiles sources;
    // Relative names that are not overlays must not find anything on the disk.
    sources.setBaseDirectory("/nonexistent/kconfig-studio-fuzz");
    for (const auto &[name, text] : files)
        sources.setOverlay(name, text);
    EchoShell shell;
    LoadOptions options;
    options.kconfig = files.front().first;
    options.environment = fuzzEnvironment();
    options.shell = &shell;
    options.sources = &sources;
    return loadTree(options, diagnostics).tree;
}

std::size_t evaluateEverything(Config &config)
{
    const Tree &tree = config.tree();
    std::size_t printed = 0;
    for (const Symbol *sym : tree.symbols().all()) {
        config.calc(sym);
        printed += config.stringValue(sym).size();
        config.visibility(sym);
        config.dirDepValue(sym);
        config.revDepValue(sym);
        config.impliedValue(sym);
        config.isWritten(sym);
        config.isChangeable(sym);
        config.hasUnmetDependency(sym);
        if (!sym->isConst()) printed += config.stringDefault(sym).size();
        printed += exprToStringWithValues(sym->dirDep, config).size();
        printed += revDepTermsWithValues(sym->revDep, config, Tristate::Yes, "y:\n").size();
        printed += revDepTermsWithValues(sym->revDep, config, Tristate::Mod, "m:\n").size();
        printed += exprToString(sym->implied).size();
    }
    for (const Property &p : tree.properties()) {
        printed += exprToString(p.condition).size() + exprToString(p.expr).size();
        printed += exprToStringWithValues(p.ownCondition, config).size();
    }
    for (const MenuNode &m : tree.menus()) {
        config.menuIsVisible(&m);
        config.menuIsEmpty(&m);
        if (m.isChoice()) config.choiceSelection(&m);
        printed += extendedHelpText(config, &m).size();
    }

    // The explanation engine on the first few symbols (it is far slower than
    // evaluation, and what it reads is the same for every symbol).
    Explainer explainer(tree, config);
    int explained = 0;
    for (const Symbol *sym : tree.symbols().all()) {
        if (sym->isConst()) continue;
        if (explained++ == 8) break;
        printed += symbolInfoText(config, sym).size();
        printed += renderSymbolReport(explainer.explainSymbol(sym), config).size();
        printed += renderSymbolReport(explainer.explainSymbol(sym), config, ExplanationFormat::Json)
                       .size();
        if (sym->isBoolOrTristate()) explainer.requirementsFor(sym, Tristate::Yes);
    }

    const Environment env = fuzzEnvironment();
    ConfigWriter writer(config, env);
    printed += writer.dotConfigText().size() + writer.defconfigText().size();
    DiagnosticSink sink;
    AutoconfWriter autoconf(config, env, sink);
    printed += autoconf.autoConfText().size() + autoconf.autoconfHeaderText().size() +
               autoconf.rustcCfgText().size();
    return printed;
}

// Whether some choice has members whose visibility can differ: then conf's
// choice calculation (and Config's) depends on the order symbols are
// calculated in, and an incremental update need not match a recalculation.
static bool hasNonUniformChoice(const Tree &tree)
{
    for (const MenuNode &m : tree.menus()) {
        if (!m.isChoice()) continue;
        for (const Symbol *member : m.choiceMembers) {
            for (const MenuNode *def : member->menus) {
                if (def->parseParent != &m || !def->dependsOn.empty() ||
                    (def->prompt && def->prompt->ownCondition))
                    return true;
            }
        }
    }
    return false;
}

void checkIncrementalConsistency(Config &config, const char *after)
{
    if (hasNonUniformChoice(config.tree())) return;
    const std::vector<std::string> diffs = config.differencesFromFullRecompute();
    if (diffs.empty()) return;
    std::fprintf(stderr, "incremental state differs from a full recomputation after %s:", after);
    for (const std::string &name : diffs)
        std::fprintf(stderr, " %s", name.c_str());
    std::fputc('\n', stderr);
    std::abort();
}

} // namespace kcsfuzz
