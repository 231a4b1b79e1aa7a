// SPDX-License-Identifier: MIT
// A generator of small random, valid Kconfig trees and matching .config
// inputs, reproducible from a seed. Trees use bool/tristate/int/hex/string
// symbols, prompts with conditions, depends on, select/imply with if,
// defaults with conditions, ranges, menus (with visible if), if blocks,
// comments, choices, menuconfig, comparisons, m literals, redefinitions and
// sometimes a MODULES symbol.
//
// Symbols only refer to symbols generated before them (selects and implies
// point forward), so trees have no dependency cycles unless `withCycle` asks
// for one. Comparisons of bool symbols against m, and "!= y" on them, are
// never generated: the kernel's expression rewriting mishandles those.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace kcstest {

struct GeneratedTree
{
    std::string kconfig;   // the top-level Kconfig text
    std::string dotConfig; // a .config for it (random values, some junk)
    std::string answers;   // random answers for oldconfig prompts
    bool hasCycle = false; // a deliberate dependency cycle was added
};

struct GeneratorOptions
{
    int minSymbols = 6;
    int maxSymbols = 24;
    bool allowCycle = true; // add a dependency cycle to about one tree in 25
    bool helpTexts = true;
    // The first member of every choice is unconditional, so that a visible
    // choice always has a visible member. conf's interactive modes loop
    // forever on a visible choice without one (in 6.12).
    bool answerableChoices = false;
    // No member of a choice gets conditions of its own (depends on, prompt
    // if), so all members of a choice are visible or invisible together. In
    // conf's evaluation (and so in Config's), sym_calc_choice stops at the first
    // visible member the user set to y and then marks every member it
    // believes visible as calculated, using the visibility left over from the
    // previous calculation for members after that one. With members whose
    // visibility differs, the result of a recalculation then depends on the
    // order symbols are calculated in, and incremental updates cannot match
    // "a" full recalculation.
    bool uniformChoiceMembers = false;
};

class KconfigGenerator
{
public:
    explicit KconfigGenerator(std::uint32_t seed, GeneratorOptions options = {});
    GeneratedTree generate();

private:
    enum class Type
    {
        Bool,
        Tristate,
        Int,
        Hex,
        String
    };
    struct Sym
    {
        std::string name;
        Type type;
        bool choiceMember = false;
        bool hasPrompt = false;
    };

    // random helpers (std::mt19937 is specified exactly, distributions are not)
    std::uint32_t next() { return m_rng(); }
    int below(int n) { return n <= 0 ? 0 : static_cast<int>(next() % static_cast<unsigned>(n)); }
    bool chance(int percent) { return below(100) < percent; }
    template <typename T> const T &pick(const std::vector<T> &v) { return v[below(int(v.size()))]; }

    std::string indent() const { return std::string(m_depth, '\t'); }
    void line(const std::string &text);
    std::string newName();
    std::vector<int> earlier(bool (*pred)(Type)) const;
    std::string symRef(bool tristateOnly = false);
    std::string comparison();
    std::string expr(int depth = 0);
    std::string intConst(bool hex);
    std::string stringConst();
    std::string defaultValue(const Sym &s);
    void symbolEntry(bool menuconfig);
    void redefinition();
    void choiceBlock();
    void menuBlock(int budget);
    void ifBlock(int budget);
    void entries(int budget);
    void helpText();
    void cycle();
    std::string makeDotConfig();
    std::string makeAnswers();
    std::size_t definitionLine(const std::string &name) const;

    std::mt19937 m_rng;
    GeneratorOptions m_opts;
    std::string m_out;
    int m_depth = 0;  // indentation of the current entry's lines
    int m_blocks = 0; // menus, ifs and choices the current position is inside
    int m_counter = 0;
    int m_remaining = 0;
    bool m_modules = false;
    std::vector<Sym> m_syms;
    std::vector<std::pair<int, std::string>> m_pendingSelects; // selector index, "select if ..."
    struct Resolved
    {
        int selector;
        std::string text; // "select" or "imply", then the optional " if ..."
        std::string target;
    };
    std::vector<Resolved> m_resolved;
};

} // namespace kcstest
