// SPDX-License-Identifier: MIT
#include "kconfig/confmodes.h"

#include "kconfig/config.h"
#include "kconfig/tree.h"

#include <cstdlib>

namespace kconfig {

std::optional<RandomProbabilities> parseProbabilities(const std::string &spec)
{
    int p[3];
    int n = 0;
    const char *env = spec.c_str();
    while (*env) {
        char *end = nullptr;
        const long v = std::strtol(env, &end, 10);
        if (v < 0 || v > 100)
            return std::nullopt;
        p[n++] = static_cast<int>(v);
        env = *end == ':' ? end + 1 : end;
        if (n >= 3)
            break;
    }
    RandomProbabilities r;
    switch (n) {
    case 1:
        r.boolYes = p[0];
        r.tristateMod = r.boolYes / 2;
        r.tristateYes = r.boolYes - r.tristateMod;
        break;
    case 2:
        r.tristateYes = p[0];
        r.tristateMod = p[1];
        r.boolYes = r.tristateYes + r.tristateMod;
        break;
    case 3:
        r.boolYes = p[0];
        r.tristateYes = p[1];
        r.tristateMod = p[2];
        break;
    default:
        break;
    }
    if (r.tristateYes + r.tristateMod > 100)
        return std::nullopt;
    return r;
}

namespace {

// randomize_choice_values: one random member without a value gets y, at the
// lowest priority so that KCONFIG_ALLCONFIG choices still win.
void randomizeChoice(Config &config, const MenuNode *choice, const std::function<int()> &random)
{
    int count = 0;
    for (const MenuNode *m = choice->nextInTree(choice); m; m = m->nextInTree(choice))
        if (m->sym && !config.hasUserValue(m->sym))
            ++count;
    while (count > 0) {
        int x = random() % count;
        for (const MenuNode *m = choice->nextInTree(choice); m; m = m->nextInTree(choice)) {
            if (m->sym && !config.hasUserValue(m->sym))
                --x;
            if (x < 0) {
                config.setUserTristateRaw(m->sym, Tristate::Yes);
                config.moveChoiceMemberToBack(m->sym);
                break;
            }
        }
        --count;
    }
}

} // namespace

void setAllNewSymbols(Config &config, NewSymbolMode mode, const RandomProbabilities &p,
                      const std::function<int()> &random)
{
    const Tree &tree = config.tree();
    tree.forEachMenu([&](MenuNode *menu) {
        const Symbol *sym = menu->sym;
        if (!sym || !menu->prompt || config.hasUserValue(sym) || !sym->isBoolOrTristate() ||
            sym->isChoiceValue())
            return;
        if (sym->isChoice()) {
            if (mode == NewSymbolMode::Random)
                randomizeChoice(config, menu, random);
            return;
        }
        Tristate val;
        switch (mode) {
        case NewSymbolMode::Yes:
            val = Tristate::Yes;
            break;
        case NewSymbolMode::Mod:
            val = Tristate::Mod;
            break;
        case NewSymbolMode::No:
            val = Tristate::No;
            break;
        case NewSymbolMode::Random: {
            val = Tristate::No;
            const int cnt = random() % 100;
            if (sym->type == SymbolType::Tristate) {
                if (cnt < p.tristateYes)
                    val = Tristate::Yes;
                else if (cnt < p.tristateYes + p.tristateMod)
                    val = Tristate::Mod;
            } else if (cnt < p.boolYes) {
                val = Tristate::Yes;
            }
            break;
        }
        default:
            return;
        }
        config.setUserTristateRaw(sym, val);
    });
    config.clearAllValid();
}

void rewriteTristates(Config &config, Tristate from, Tristate to)
{
    for (const Symbol *sym : config.tree().symbols().hashOrder())
        if (config.effectiveType(sym) == SymbolType::Tristate && config.userTristate(sym) == from)
            config.setUserTristateRaw(sym, to);
    config.clearAllValid();
}

} // namespace kconfig
