// SPDX-License-Identifier: MIT
#include "kconfiggen.h"

namespace kcstest {

namespace {

bool isBoolish(int t)
{
    return t == 0 || t == 1;
}

} // namespace

KconfigGenerator::KconfigGenerator(std::uint32_t seed, GeneratorOptions options)
    : m_rng(seed), m_opts(options)
{
}

void KconfigGenerator::line(const std::string &text)
{
    m_out += indent() + text + '\n';
}

std::string KconfigGenerator::newName()
{
    return "S" + std::to_string(m_counter++);
}

std::vector<int> KconfigGenerator::earlier(bool (*pred)(Type)) const
{
    std::vector<int> out;
    for (int i = 0; i < int(m_syms.size()); ++i)
        if (pred(m_syms[i].type)) out.push_back(i);
    return out;
}

// A reference to a symbol defined earlier (or MODULES, or an undefined name).
std::string KconfigGenerator::symRef(bool tristateOnly)
{
    const auto cands =
        earlier(tristateOnly ? +[](Type t) { return t == Type::Tristate; }
                             : +[](Type t) { return t == Type::Bool || t == Type::Tristate; });
    if (chance(4)) return "UNDEF" + std::to_string(below(3));
    if (m_modules && !tristateOnly && chance(8)) return "MODULES";
    if (cands.empty()) return tristateOnly ? "m" : pick(std::vector<std::string>{"y", "n", "m"});
    return m_syms[pick(cands)].name;
}

std::string KconfigGenerator::intConst(bool hex)
{
    if (hex) {
        static const char *digits = "0123456789abcdef";
        std::string v = chance(10) ? "0X" : "0x";
        const int n = 1 + below(3);
        for (int i = 0; i < n; ++i)
            v += digits[below(16)];
        return v;
    }
    return std::to_string(below(10) == 0 ? -below(20) : below(300));
}

std::string KconfigGenerator::stringConst()
{
    static const std::vector<std::string> values = {"\"\"",          "\"abc\"",           "\"a b\"",
                                                    "\"q\\\"uote\"", "\"back\\\\slash\"", "\"10\"",
                                                    "\"9\"",         "'single'"};
    return pick(values);
}

// A comparison whose left side is never a bool symbol.
std::string KconfigGenerator::comparison()
{
    const auto ints = earlier(+[](Type t) { return t == Type::Int; });
    const auto hexes = earlier(+[](Type t) { return t == Type::Hex; });
    const auto strings = earlier(+[](Type t) { return t == Type::String; });
    const auto tris = earlier(+[](Type t) { return t == Type::Tristate; });
    static const std::vector<std::string> ops = {"=", "!=", "<", "<=", ">", ">="};
    switch (below(6)) {
    case 0:
        if (!tris.empty())
            return m_syms[pick(tris)].name + " " + pick(std::vector<std::string>{"=", "!="}) + " " +
                   pick(std::vector<std::string>{"y", "m", "n"});
        break;
    case 1:
        if (!ints.empty()) {
            const std::string rhs =
                ints.size() > 1 && chance(30) ? m_syms[pick(ints)].name : intConst(false);
            return m_syms[pick(ints)].name + " " + pick(ops) + " " + rhs;
        }
        break;
    case 2:
        if (!hexes.empty())
            return m_syms[pick(hexes)].name + " " + pick(ops) + " " + intConst(true);
        break;
    case 3:
        if (!strings.empty())
            return m_syms[pick(strings)].name + " " +
                   pick(std::vector<std::string>{"=", "!=", "<", ">"}) + " " +
                   (strings.size() > 1 && chance(30) ? m_syms[pick(strings)].name : stringConst());
        break;
    case 4:
        return "UNDEF" + std::to_string(below(3)) + " = \"UNDEF" + std::to_string(below(3)) + "\"";
    default:
        if (!tris.empty() && !ints.empty())
            return m_syms[pick(tris)].name + " = " + m_syms[pick(ints)].name;
        break;
    }
    return symRef();
}

std::string KconfigGenerator::expr(int depth)
{
    const int r = below(100);
    if (r < 45 || depth >= 2) return chance(12) ? comparison() : symRef();
    if (r < 60) return comparison();
    if (r < 70) {
        // negate a plain symbol or a parenthesised logic expression
        if (chance(50)) return "!" + symRef();
        return "!(" + symRef() + (chance(50) ? " && " : " || ") + symRef() + ")";
    }
    if (r < 95) {
        const std::string a = expr(depth + 1);
        const std::string b = expr(depth + 1);
        const std::string e = a + (chance(50) ? " && " : " || ") + b;
        return chance(30) ? "(" + e + ")" : e;
    }
    return pick(std::vector<std::string>{"y", "m", "n"});
}

std::string KconfigGenerator::defaultValue(const Sym &s)
{
    switch (s.type) {
    case Type::Bool:
    case Type::Tristate: {
        const int r = below(10);
        if (r < 5) return pick(std::vector<std::string>{"y", "n", "m"});
        return expr(1);
    }
    case Type::Int:
    case Type::Hex: {
        const auto same = earlier(s.type == Type::Int ? +[](Type t) { return t == Type::Int; }
                                                      : +[](Type t) { return t == Type::Hex; });
        if (!same.empty() && chance(25)) return m_syms[pick(same)].name;
        return intConst(s.type == Type::Hex);
    }
    case Type::String: {
        const auto strings = earlier(+[](Type t) { return t == Type::String; });
        if (!strings.empty() && chance(25)) return m_syms[pick(strings)].name;
        return stringConst();
    }
    }
    return "y";
}

void KconfigGenerator::helpText()
{
    line("help");
    // The first line sets the indentation, written with tabs or with spaces
    // (the same column); later lines may be deeper (by blanks or a tab),
    // empty, blanks only, or end in blanks or a carriage return.
    const auto prefix = [this] {
        return chance(50) ? indent() + "  " : std::string(8 * std::size_t(m_depth) + 2, ' ');
    };
    m_out +=
        prefix() + pick(std::vector<std::string>{"Some help.", "Help: $(not expanded)"}) + '\n';
    const int lines = below(4);
    for (int i = 0; i < lines; ++i) {
        switch (below(7)) {
        case 0:
            m_out += prefix() + "More text here.\n";
            break;
        case 1:
            m_out += prefix() + "  Indented deeper.\n";
            break;
        case 2:
            m_out += prefix() + "\tA tab deeper.\n";
            break;
        case 3:
            m_out += "\n";
            break;
        case 4:
            m_out += " \t \n";
            break;
        case 5:
            m_out += prefix() + "Trailing blanks. \t\n";
            break;
        default:
            m_out += prefix() + "Carriage return.\r\n";
            break;
        }
    }
}

void KconfigGenerator::symbolEntry(bool menuconfig)
{
    static const std::vector<Type> types = {Type::Bool, Type::Bool, Type::Tristate, Type::Tristate,
                                            Type::Int,  Type::Hex,  Type::String};
    Sym s;
    s.name = newName();
    s.type = menuconfig ? (chance(50) ? Type::Bool : Type::Tristate) : pick(types);
    const char *typeName = s.type == Type::Bool       ? "bool"
                           : s.type == Type::Tristate ? "tristate"
                           : s.type == Type::Int      ? "int"
                           : s.type == Type::Hex      ? "hex"
                                                      : "string";
    line(std::string(menuconfig ? "menuconfig " : "config ") + s.name);
    ++m_depth;
    s.hasPrompt = menuconfig || chance(80);
    const bool defLine = !s.hasPrompt && isBoolish(int(s.type)) && chance(50);
    if (defLine) {
        line(std::string(s.type == Type::Bool ? "def_bool " : "def_tristate ") + defaultValue(s) +
             (chance(40) ? " if " + expr() : ""));
    } else if (s.hasPrompt && chance(25)) {
        line(typeName);
        line("prompt \"" + s.name + " prompt\"" + (chance(30) ? " if " + expr() : ""));
    } else {
        line(std::string(typeName) + (s.hasPrompt ? " \"prompt of " + s.name + "\"" : "") +
             (s.hasPrompt && chance(20) ? " if " + expr() : ""));
    }
    if (chance(40)) line("depends on " + expr());
    if (chance(10)) line("depends on " + expr());
    const int defaults = below(3);
    for (int i = 0; i < defaults; ++i)
        line("default " + defaultValue(s) + (chance(50) ? " if " + expr() : ""));
    if ((s.type == Type::Int || s.type == Type::Hex) && chance(40)) {
        const bool hex = s.type == Type::Hex;
        const auto same = earlier(hex ? +[](Type t) { return t == Type::Hex; }
                                      : +[](Type t) { return t == Type::Int; });
        std::string lo = intConst(hex), hi = intConst(hex);
        if (!same.empty() && chance(20)) lo = m_syms[pick(same)].name;
        if (!hex && chance(80) && lo[0] != 'S' && hi[0] != 'S' && std::stoll(lo) > std::stoll(hi))
            std::swap(lo, hi);
        line("range " + lo + " " + hi + (chance(30) ? " if " + expr() : ""));
    }
    if (isBoolish(int(s.type))) {
        // forward references: the targets are defined later in the file
        const int selects = chance(35) ? 1 + below(2) : 0;
        for (int i = 0; i < selects; ++i)
            m_pendingSelects.emplace_back(int(m_syms.size()),
                                          std::string(chance(70) ? "select" : "imply") +
                                              (chance(40) ? " if " + expr() : ""));
    }
    if (m_opts.helpTexts && chance(15)) helpText();
    --m_depth;
    // Resolve earlier selects whose target can be this symbol.
    if (isBoolish(int(s.type))) {
        for (auto it = m_pendingSelects.begin(); it != m_pendingSelects.end();) {
            if (it->first < int(m_syms.size()) && chance(60)) {
                // Insert the select into the selector's entry afterwards (see generate()).
                m_resolved.push_back({it->first, it->second, s.name});
                it = m_pendingSelects.erase(it);
            } else {
                ++it;
            }
        }
    }
    m_syms.push_back(s);
    --m_remaining;

    if (menuconfig) {
        // entries depending on the menuconfig symbol follow it
        const int children = 1 + below(3);
        for (int i = 0; i < children && m_remaining > 0; ++i) {
            const std::size_t mark = m_out.size();
            symbolEntry(false);
            // add the dependency right after the entry's type line
            const std::size_t eol = m_out.find('\n', m_out.find('\n', mark) + 1);
            m_out.insert(eol + 1, indent() + "\tdepends on " + s.name + '\n');
        }
    }
}

void KconfigGenerator::redefinition()
{
    // A second definition of an earlier symbol, at the top level, whose
    // conditions only use symbols defined before the first definition.
    std::vector<int> cands;
    for (int i = 0; i < int(m_syms.size()); ++i)
        if (!m_syms[i].choiceMember && i > 0) cands.push_back(i);
    if (cands.empty() || m_blocks != 0) return;
    const int k = pick(cands);
    const Sym s = m_syms[k];
    // restrict references to symbols before k
    std::vector<Sym> saved(m_syms.begin() + k, m_syms.end());
    m_syms.resize(k);
    line("config " + s.name);
    ++m_depth;
    if (chance(50)) line("depends on " + expr());
    if (s.hasPrompt && chance(50))
        line("prompt \"second prompt of " + s.name + "\"" + (chance(30) ? " if " + expr() : ""));
    line("default " + defaultValue(s) + (chance(50) ? " if " + expr() : ""));
    --m_depth;
    m_syms.insert(m_syms.end(), saved.begin(), saved.end());
}

void KconfigGenerator::choiceBlock()
{
    const int n = 2 + below(3);
    const std::string base = newName();
    std::vector<std::string> members;
    for (int i = 0; i < n; ++i)
        members.push_back(base + "_C" + std::to_string(i));
    line("choice");
    ++m_blocks;
    ++m_depth;
    line("prompt \"choice " + base + "\"" + (chance(20) ? " if " + expr() : ""));
    if (chance(30)) line("depends on " + expr());
    if (chance(50)) line("default " + pick(members) + (chance(40) ? " if " + expr() : ""));
    if (chance(20)) line("default " + pick(members));
    if (m_opts.helpTexts && chance(10)) helpText();
    --m_depth;
    for (const std::string &m : members) {
        const bool free =
            m_opts.uniformChoiceMembers || (m_opts.answerableChoices && m == members.front());
        line("");
        line("config " + m);
        ++m_depth;
        line("bool \"member " + m + "\"" + (!free && chance(15) ? " if " + expr() : ""));
        if (!free && chance(30)) line("depends on " + expr());
        --m_depth;
    }
    if (chance(15)) {
        line("comment \"inside choice " + base + "\"");
    }
    line("endchoice");
    --m_blocks;
    for (const std::string &m : members) {
        Sym s;
        s.name = m;
        s.type = Type::Bool;
        s.choiceMember = true;
        s.hasPrompt = true;
        m_syms.push_back(s);
    }
    --m_remaining;
}

void KconfigGenerator::menuBlock(int budget)
{
    line("menu \"menu " + std::to_string(m_counter++) + "\"");
    ++m_depth;
    if (chance(40)) line("depends on " + expr());
    if (chance(25)) line("visible if " + expr());
    --m_depth;
    ++m_blocks;
    entries(budget);
    --m_blocks;
    line("endmenu");
}

void KconfigGenerator::ifBlock(int budget)
{
    line("if " + expr());
    ++m_blocks;
    entries(budget);
    --m_blocks;
    line("endif");
}

void KconfigGenerator::entries(int budget)
{
    const int stopAt = m_remaining - budget;
    while (m_remaining > stopAt && m_remaining > 0) {
        line("");
        const int r = below(100);
        if (r < 58) {
            symbolEntry(false);
        } else if (r < 64) {
            symbolEntry(true);
        } else if (r < 72 && m_blocks < 2) {
            menuBlock(1 + below(4));
        } else if (r < 80 && m_blocks < 2) {
            ifBlock(1 + below(4));
        } else if (r < 88) {
            choiceBlock();
        } else if (r < 93) {
            line("comment \"comment " + std::to_string(m_counter++) + "\"");
            if (chance(50)) {
                ++m_depth;
                line("depends on " + expr());
                --m_depth;
            }
        } else {
            if (m_blocks == 0)
                redefinition();
            else
                symbolEntry(false);
        }
    }
}

void KconfigGenerator::cycle()
{
    static const std::vector<std::vector<std::string>> patterns = {
        {"config CYC_A", "\tbool \"cyc a\"", "\tdepends on CYC_B", "config CYC_B",
         "\tbool \"cyc b\"", "\tdepends on CYC_A"},
        {"config CYC_A", "\tbool \"cyc a\"", "\tdepends on CYC_B", "\tselect CYC_B", "config CYC_B",
         "\tbool \"cyc b\""},
        {"config CYC_A", "\ttristate \"cyc a\"", "\tdefault CYC_B", "config CYC_B",
         "\ttristate \"cyc b\"", "\tdefault CYC_A"},
        {"config CYC_A", "\tbool \"cyc a\"", "\tdepends on CYC_B", "\timply CYC_B", "config CYC_B",
         "\tbool \"cyc b\""},
    };
    for (const std::string &l : pick(patterns))
        m_out += l + '\n';
}

std::string KconfigGenerator::makeDotConfig()
{
    std::string out;
    for (const Sym &s : m_syms) {
        const int r = below(100);
        if (r >= 60) continue;
        const std::string name = "CONFIG_" + s.name;
        if (r < 3) {
            out += name + "=bogus value\n";
            continue;
        }
        switch (s.type) {
        case Type::Bool:
            out += chance(50) ? name + "=y\n" : "# " + name + " is not set\n";
            break;
        case Type::Tristate: {
            const int v = below(3);
            out += v == 0 ? "# " + name + " is not set\n" : name + (v == 1 ? "=m\n" : "=y\n");
            break;
        }
        case Type::Int:
            out += name + "=" + intConst(false) + "\n";
            break;
        case Type::Hex:
            out += name + "=" + (chance(80) ? intConst(true) : std::string("1f")) + "\n";
            break;
        case Type::String:
            out += name + "=" +
                   pick(std::vector<std::string>{"\"\"", "\"text\"", "\"with \\\"quotes\\\"\"",
                                                 "\"back\\\\slash\"", "unquoted"}) +
                   "\n";
            break;
        }
        if (chance(3)) out += name + "=y\n"; // reassignment
    }
    if (chance(20)) out += "CONFIG_NOT_IN_TREE=y\n";
    if (chance(10)) out += "garbage line\n";
    if (m_modules && chance(80))
        out += chance(75) ? "CONFIG_MODULES=y\n" : "# CONFIG_MODULES is not set\n";
    return out;
}

std::string KconfigGenerator::makeAnswers()
{
    static const std::vector<std::string> answers = {"",  "",  "y",    "n", "m",   "?",  "1",
                                                     "2", "3", "0x10", "5", "abc", "yes"};
    std::string out;
    for (int i = 0; i < 300; ++i)
        out += pick(answers) + '\n';
    return out;
}

// Start of the first "config NAME" or "menuconfig NAME" line.
std::size_t KconfigGenerator::definitionLine(const std::string &name) const
{
    std::size_t start = 0;
    while (start < m_out.size()) {
        const std::size_t end = m_out.find('\n', start);
        const std::size_t first = m_out.find_first_not_of('\t', start);
        const std::string text = m_out.substr(first, end - first);
        if (text == "config " + name || text == "menuconfig " + name) return start;
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return std::string::npos;
}

GeneratedTree KconfigGenerator::generate()
{
    m_out.clear();
    m_syms.clear();
    m_pendingSelects.clear();
    m_resolved.clear();
    m_counter = 0;
    m_depth = 0;
    m_modules = chance(70);
    m_remaining = m_opts.minSymbols + below(m_opts.maxSymbols - m_opts.minSymbols + 1);

    if (chance(30)) m_out += "mainmenu \"random tree\"\n";
    if (m_modules) {
        m_out += "config MODULES\n\tbool \"modules\"\n";
        if (chance(70)) m_out += "\tdefault y\n";
        m_out += "\tmodules\n";
    }
    entries(m_remaining);

    // Insert the resolved selects/implies right after their selector's type line.
    for (const Resolved &r : m_resolved) {
        const std::size_t lineStart = definitionLine(m_syms[r.selector].name);
        if (lineStart == std::string::npos) continue;
        const std::size_t pos = m_out.find_first_not_of('\t', lineStart);
        const std::string ind = m_out.substr(lineStart, pos - lineStart) + '\t';
        const std::size_t afterHeader = m_out.find('\n', pos) + 1;
        const std::size_t afterType = m_out.find('\n', afterHeader) + 1;
        std::string text = r.text;
        const std::size_t sp = text.find(' ');
        const std::string kw = sp == std::string::npos ? text : text.substr(0, sp);
        const std::string cond = sp == std::string::npos ? "" : text.substr(sp);
        m_out.insert(afterType, ind + kw + ' ' + r.target + cond + '\n');
    }

    GeneratedTree t;
    if (m_opts.allowCycle && chance(4)) {
        m_out += '\n';
        cycle();
        t.hasCycle = true;
    }
    t.kconfig = m_out;
    t.dotConfig = makeDotConfig();
    t.answers = makeAnswers();
    return t;
}

} // namespace kcstest
