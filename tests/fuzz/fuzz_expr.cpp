// SPDX-License-Identifier: MIT
// Fuzz target: one expression, placed in every position a Kconfig file allows
// (depends on, default, select/imply conditions, prompt conditions, if
// blocks, visible if), over a small tree with symbols of every type. The
// expression is evaluated under several user assignments, printed, run
// through the pool's rewrites, and printed text is parsed again: where it can
// be (plain symbol names), the reparsed expression must have the same value.
#include "fuzzsupport.h"

#include <kconfig/config.h>
#include <kconfig/exprprinter.h>
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

std::string treeFor(const std::string &e)
{
    return "config MODULES\n\tbool \"modules\"\n\tmodules\n\tdefault y\n"
           "config A\n\tbool \"A\"\n\tdefault y\n"
           "config B\n\tbool \"B\"\n"
           "config T\n\ttristate \"T\"\n\tdefault m\n"
           "config U\n\ttristate \"U\"\n"
           "config I\n\tint \"I\"\n\trange 0 100\n\tdefault 10\n"
           "config H\n\thex \"H\"\n\tdefault 0x10\n"
           "config S\n\tstring \"S\"\n\tdefault \"foo\"\n"
           "choice\n\tprompt \"C\"\nconfig C1\n\tbool \"C1\"\nconfig C2\n\tbool \"C2\"\nendchoice\n"
           "config X\n\ttristate \"X\"\n\tdepends on " +
           e + "\n\tdefault " + e + "\n\tselect U if " + e +
           "\n"
           "config Y\n\tbool \"Y\" if " +
           e + "\n\timply T if " + e +
           "\n"
           "if " +
           e + "\nconfig Z\n\tbool \"Z\"\nendif\n" + "menu \"M\"\n\tvisible if " + e +
           "\n\tdepends on " + e + "\nconfig W\n\tbool \"W\"\nendmenu\n";
}

// The printed form parses back to the same expression only for plain names:
// conf prints string constants without quotes and choices as "<choice>".
bool reparsable(const Expr *e, const Tree &tree)
{
    if (!e) return true;
    if (e->type == ExprType::And || e->type == ExprType::Or)
        return reparsable(e->left, tree) && reparsable(e->right, tree);
    if (e->type == ExprType::Not) return reparsable(e->left, tree);
    for (const Symbol *s : {e->sym, e->rightSym}) {
        if (!s) continue;
        if (s == tree.symbols().yes() || s == tree.symbols().mod() || s == tree.symbols().no())
            continue;
        if (s->isChoice() || s->name.empty()) return false;
        for (char c : s->name)
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
        // "A" (a constant) prints like the symbol A.
        if (s->isConst() && tree.symbols().find(s->name)) return false;
    }
    return true;
}

const Symbol *symbolX(const Tree &tree)
{
    return tree.symbols().find("X");
}

// Deterministic user values from a seed, set like a user would.
void assign(Config &config, unsigned seed)
{
    static const char *const names[] = {"A", "B", "T", "U", "I", "H", "S", "MODULES"};
    for (const char *name : names) {
        const Symbol *sym = config.tree().symbols().find(name);
        if (!sym) continue;
        seed = seed * 1103515245u + 12345u;
        const unsigned pick = (seed >> 16) & 0xff;
        if (sym->isBoolOrTristate())
            config.setTristateValue(sym, static_cast<Tristate>(pick % 3));
        else if (sym->type == SymbolType::Int)
            config.setStringValue(sym, std::to_string(pick % 120));
        else if (sym->type == SymbolType::Hex)
            config.setStringValue(sym, "0x" + std::to_string(pick % 64));
        else
            config.setStringValue(sym, pick & 1 ? "foo" : "bar");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > 4096) return -1;
    std::string e(reinterpret_cast<const char *>(data), size);
    for (char &c : e)
        if (c == '\n' || c == '\r') c = ' ';

    DiagnosticSink diagnostics;
    std::unique_ptr<Tree> tree = kcsfuzz::loadFromMemory({{"Kconfig", treeFor(e)}}, diagnostics);
    if (!tree) return 0;
    const Symbol *x = symbolX(*tree);
    if (!x || x->menus.empty() || x->menus.front()->dependsOn.empty()) return 0;
    const Expr *written = x->menus.front()->dependsOn.front().expr;

    Config config(*tree);
    kcsfuzz::evaluateEverything(config);

    // The pool's rewrites on the finalised dependency and on the expression
    // as written. Value-preserving ones must keep the value under every
    // assignment below.
    ExprPool &pool = tree->exprs();
    const ExprPool::Constants c = pool.constants();
    std::vector<std::pair<const Expr *, const Expr *>> sameValue;
    for (const Expr *in : {written, x->dirDep}) {
        const Expr *outs[] = {pool.transCompare(in, ExprType::Equal, c.yes),
                              pool.transCompare(in, ExprType::Unequal, c.no),
                              pool.transCompare(in, ExprType::Equal, c.mod),
                              pool.rewriteM(in, tree->modules())};
        for (const Expr *out : outs) {
            exprToString(out);
            exprToStringWithValues(out, config);
        }
        sameValue.emplace_back(in, pool.transform(in));
        sameValue.emplace_back(in, pool.eliminateDups(in));
        const Expr *a = in;
        const Expr *b = pool.eliminateDups(pool.transform(in));
        pool.eliminateEq(a, b);
    }

    // Print, parse again; the reparsed expression must have the same value.
    std::unique_ptr<Tree> tree2;
    const Expr *written2 = nullptr;
    const std::string printed = exprToString(written);
    if (reparsable(written, *tree)) {
        DiagnosticSink diagnostics2;
        tree2 = kcsfuzz::loadFromMemory({{"Kconfig", treeFor(printed)}}, diagnostics2);
        if (!tree2) {
            std::fprintf(stderr, "printed expression does not load again: %s\n", printed.c_str());
            std::abort();
        }
        written2 = symbolX(*tree2)->menus.front()->dependsOn.front().expr;
    }

    // Calculated in symbol order first, as conf_read leaves them: a tristate
    // calculated before MODULES acts as a bool (conf's modules_val is still
    // n), so only a calculated configuration must equal a recalculation.
    Config c1(*tree);
    kcsfuzz::evaluateEverything(c1);
    std::unique_ptr<Config> c2 = tree2 ? std::make_unique<Config>(*tree2) : nullptr;
    if (c2) kcsfuzz::evaluateEverything(*c2);
    for (unsigned seed = 0; seed < 4; ++seed) {
        const unsigned s = seed * 2654435761u + static_cast<unsigned>(size);
        if (seed) {
            assign(c1, s);
            if (c2) assign(*c2, s);
        }
        for (const auto &[in, out] : sameValue) {
            if (c1.exprValue(in) != c1.exprValue(out)) {
                std::fprintf(stderr, "'%s' is %d but its rewrite '%s' is %d\n",
                             exprToString(in).c_str(), static_cast<int>(c1.exprValue(in)),
                             exprToString(out).c_str(), static_cast<int>(c1.exprValue(out)));
                std::abort();
            }
        }
        if (c2 && c1.exprValue(written) != c2->exprValue(written2)) {
            std::fprintf(stderr, "'%s' is %d but its printed form '%s' is %d\n",
                         exprToString(written).c_str(), static_cast<int>(c1.exprValue(written)),
                         printed.c_str(), static_cast<int>(c2->exprValue(written2)));
            std::abort();
        }
        kcsfuzz::checkIncrementalConsistency(c1, "an assignment");
    }
    return 0;
}
