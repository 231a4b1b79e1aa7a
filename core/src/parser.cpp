// SPDX-License-Identifier: MIT
#include "kconfig/parser.h"

#include "kconfig/diagnostic.h"
#include "kconfig/expr.h"
#include "kconfig/limits.h"
#include "kconfig/preprocessor.h"
#include "kconfig/tree.h"

#include <cctype>

namespace kconfig {

Parser::Parser(Tree &tree, Lexer &lexer, Preprocessor &pp, DiagnosticSink &diagnostics)
    : m_tree(tree), m_lexer(lexer), m_pp(pp), m_diag(diagnostics)
{
    m_currentMenu = m_currentEntry = tree.rootMenu();
    m_lastEntryPtr = &tree.rootMenu()->list;
}

// --- tokens ------------------------------------------------------------------

Token Parser::peek()
{
    if (!m_hasLookahead) {
        m_lookahead = m_lexer.next();
        m_hasLookahead = true;
    }
    return m_lookahead;
}

Token Parser::take()
{
    const Token t = peek();
    m_hasLookahead = false;
    // The lexer is still at the lookahead. (Copying the text peek() just
    // stored would wait for the two halves of that store.)
    m_tokenText = m_lexer.text();
    if (m_errStatus) --m_errStatus; // bison counts tokens shifted since the last error
    return t;
}

void Parser::expect(Token t)
{
    if (peek() != t) syntaxError();
    take();
}

void Parser::syntaxError()
{
    throw SyntaxError{};
}

void Parser::tooDeep(const std::string &what, const MenuNode *block)
{
    throw FatalError((block ? block->location : here()).toString() + ": " + what);
}

const Expr *Parser::checkDepth(const Expr *e, const char *what)
{
    if (e && e->depth > limits::maxExprDepth)
        tooDeep(std::string(what) + " too long or nested too deeply (more than " +
                std::to_string(limits::maxExprDepth) + " operators deep)");
    return e;
}

namespace {
// Counts a level of recursion for as long as it is alive.
struct Nesting
{
    explicit Nesting(int &depth) : d(depth) { ++d; }
    ~Nesting() { --d; }
    Nesting(const Nesting &) = delete;
    Nesting &operator=(const Nesting &) = delete;
    int &d;
};
} // namespace

// Bison's recovery for `stmt_list error T_EOL`: report once, drop tokens up to
// the end of the line, then complain about the statement.
void Parser::recover()
{
    if (m_errStatus == 0) {
        ++m_errors;
        print("syntax error");
    }
    if (m_errStatus == 3 && peek() != Token::Eof) m_hasLookahead = false;
    m_errStatus = 3;
    const bool unknown = m_unknownStatement;
    const std::string word = m_unknownWord;
    m_unknownStatement = false;
    while (true) {
        const Token t = peek();
        if (t == Token::Eol) {
            take();
            break;
        }
        if (t == Token::Eof) throw Abort{};
        m_hasLookahead = false;
    }
    error(unknown ? "unknown statement \"" + word + '"' : std::string("invalid statement"));
}

// --- diagnostics ---------------------------------------------------------------

SourceLocation Parser::here() const
{
    return SourceLocation{m_lexer.currentFile(), m_lexer.currentLine()};
}

void Parser::report(const SourceLocation &loc, const std::string &text, bool isError)
{
    Diagnostic d;
    d.severity = isError ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning;
    d.location = loc;
    d.message = text;
    d.text = loc.toString() + text + '\n';
    m_diag.report(std::move(d));
}

void Parser::error(const std::string &message)
{
    ++m_errors;
    report(here(), ": " + message, true);
}

void Parser::print(const std::string &message)
{
    report(here(), ": " + message, false);
}

void Parser::warnAt(const SourceLocation &loc, const std::string &message)
{
    report(loc, ":warning: " + message, false);
}

// --- menu building (menu.c) ------------------------------------------------------

void Parser::addEntry(Symbol *sym)
{
    MenuNode *menu = m_tree.newMenuNode();
    menu->sym = sym;
    menu->parent = m_currentMenu;
    menu->location = here();
    menu->parseParent = m_currentMenu;
    *m_lastEntryPtr = menu;
    m_lastEntryPtr = &menu->next;
    m_currentEntry = menu;
    if (sym) sym->menus.push_back(menu);
}

MenuNode *Parser::addMenu()
{
    m_lastEntryPtr = &m_currentEntry->list;
    m_currentMenu = m_currentEntry;
    return m_currentMenu;
}

void Parser::endMenu()
{
    m_lastEntryPtr = &m_currentMenu->next;
    m_currentMenu = m_currentMenu->parent;
}

void Parser::addDep(const Expr *dep)
{
    // Many `depends on` lines of one entry form a single && chain.
    m_currentEntry->dep =
        checkDepth(m_tree.exprs().andOf(m_currentEntry->dep, dep), "dependencies");
}

void Parser::setType(SymbolType type)
{
    Symbol *sym = m_currentEntry->sym;
    if (sym->type == type) return;
    if (sym->type == SymbolType::Unknown) {
        sym->type = type;
        return;
    }
    warnAt(m_currentEntry->location, "ignoring type redefinition of '" + sym->displayName() +
                                         "' from '" + symbolTypeName(sym->type) + "' to '" +
                                         symbolTypeName(type) + "'");
}

Property *Parser::addProperty(PropertyType type, const Expr *expr, const Expr *dep)
{
    Property *p = m_tree.newProperty(type);
    p->location = here();
    p->menu = m_currentEntry;
    p->expr = expr;
    p->condition = dep;
    p->ownCondition = dep;
    if (Symbol *sym = m_currentEntry->sym) {
        // Most symbols have a few properties: one allocation instead of three.
        if (sym->properties.empty()) sym->properties.reserve(4);
        sym->properties.push_back(p);
    }
    return p;
}

Property *Parser::addPrompt(PropertyType type, std::string text, const Expr *dep)
{
    Property *p = addProperty(type, nullptr, dep);
    if (!text.empty() && std::isspace(static_cast<unsigned char>(text[0]))) {
        warnAt(p->location, "leading whitespace ignored");
        std::size_t i = 0;
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
            ++i;
        text.erase(0, i);
    }
    if (m_currentEntry->prompt) warnAt(p->location, "prompt redefined");
    // Every enclosing `visible if` limits a prompt.
    if (type == PropertyType::Prompt) {
        for (MenuNode *m = m_currentEntry->parent; m; m = m->parent)
            if (m->visibility) p->condition = m_tree.exprs().andOf(p->condition, m->visibility);
        checkDepth(p->condition, "prompt condition with the enclosing 'visible if'");
    }
    m_currentEntry->prompt = p;
    p->text = std::move(text);
    return p;
}

// --- grammar -------------------------------------------------------------------

void Parser::parse()
{
    try {
        parseInput();
    } catch (const Abort &) {
    }
}

void Parser::parseInput()
{
    if (peek() == Token::MainMenu) {
        try {
            take();
            expect(Token::WordQuote);
            std::string title(m_tokenText);
            expect(Token::Eol);
            addPrompt(PropertyType::Menu, std::move(title), nullptr);
        } catch (const SyntaxError &) {
            // No statement list exists yet to recover in: bison gives up.
            if (m_errStatus == 0) {
                ++m_errors;
                print("syntax error");
            }
            throw Abort{};
        }
    }
    parseStatements(Block::Top, nullptr);
}

static bool isEndToken(Token t)
{
    return t == Token::EndMenu || t == Token::EndChoice || t == Token::EndIf;
}

void Parser::parseStatements(Block block, MenuNode *entry)
{
    const Nesting nesting(m_blockDepth);
    if (m_blockDepth > limits::maxBlockNesting + 1) // the top level counts once
        tooDeep("menu, if and choice blocks nested too deeply (more than " +
                    std::to_string(limits::maxBlockNesting) + " levels)",
                entry);
    try {
        while (true) {
            const Token t = peek();
            try {
                if (t == Token::Eof) {
                    if (block == Block::Top) return;
                    syntaxError();
                }
                if (isEndToken(t)) {
                    if (block == Block::Top) syntaxError();
                    parseEnd(block);
                    return;
                }
                parseStatement(block);
            } catch (const SyntaxError &) {
                recover();
            }
        }
    } catch (const Abort &) {
        if (entry) {
            // bison's %destructor for an unfinished menu/if/choice
            Diagnostic d;
            d.severity = Diagnostic::Severity::Error;
            d.location = entry->location;
            d.message = "missing end statement for this entry";
            d.text = entry->location.toString() + ": missing end statement for this entry\n";
            m_diag.report(std::move(d));
            if (m_currentMenu == entry) endMenu();
        }
        throw;
    }
}

void Parser::parseStatement(Block block)
{
    const bool inChoice = block == Block::Choice || block == Block::IfInChoice;
    switch (peek()) {
    case Token::Config:
        parseConfig(false);
        return;
    case Token::Comment:
        parseComment();
        return;
    case Token::If:
        parseIf(block);
        return;
    default:
        break;
    }
    if (inChoice) syntaxError();
    switch (peek()) {
    case Token::MenuConfig:
        parseConfig(true);
        return;
    case Token::Choice:
        parseChoice();
        return;
    case Token::Menu:
        parseMenu();
        return;
    case Token::Source:
        parseSource();
        return;
    case Token::Word: {
        take();
        const std::string name(m_tokenText);
        parseAssignment(name);
        return;
    }
    default:
        syntaxError();
    }
}

void Parser::parseEnd(Block block)
{
    const Token t = take();
    expect(Token::Eol);
    const char *name = t == Token::EndMenu ? "menu" : t == Token::EndChoice ? "choice" : "if";
    const char *expected = block == Block::Menu ? "menu" : block == Block::Choice ? "choice" : "if";
    if (block == Block::Choice) m_currentChoice = nullptr;
    if (std::string(name) != expected) {
        error(std::string("unexpected '") + name + "' within " + expected + " block");
        ++m_errors;
        return;
    }
    if (m_currentMenu->location.file != m_lexer.currentFile()) {
        error(std::string("'") + name + "' in different file than '" + expected + "'");
        Diagnostic d;
        d.severity = Diagnostic::Severity::Error;
        d.location = m_currentMenu->location;
        d.message = std::string("location of the '") + expected + "'";
        d.text = m_currentMenu->location.toString() + ": " + d.message + '\n';
        m_diag.report(std::move(d));
        ++m_errors;
        return;
    }
    endMenu();
}

void Parser::parseAssignment(const std::string &name)
{
    Preprocessor::Flavor flavor;
    switch (peek()) {
    case Token::Equal:
        flavor = Preprocessor::Flavor::Recursive;
        break;
    case Token::ColonEqual:
        flavor = Preprocessor::Flavor::Simple;
        break;
    case Token::PlusEqual:
        flavor = Preprocessor::Flavor::Append;
        break;
    default:
        m_unknownStatement = true;
        m_unknownWord = name;
        syntaxError();
    }
    take();
    std::string value;
    if (peek() == Token::AssignVal) {
        take();
        value = m_tokenText;
    }
    expect(Token::Eol);
    m_pp.addVariable(name, value, flavor);
}

void Parser::parseConfig(bool menuconfig)
{
    take();
    Symbol *sym = parseNonConstSymbol();
    expect(Token::Eol);
    addEntry(sym);
    while (parseConfigOption()) {
    }
    checkConfigEntry(menuconfig);
}

void Parser::checkConfigEntry(bool menuconfig)
{
    MenuNode *entry = m_currentEntry;
    if (menuconfig) {
        if (entry->prompt)
            entry->prompt->type = PropertyType::Menu;
        else
            print("warning: menuconfig statement without prompt");
    } else if (m_currentChoice) {
        const auto fail = [&](const char *what) {
            ++m_errors;
            report(entry->location, std::string(": error: ") + what, true);
        };
        if (!entry->prompt) fail("choice member must have a prompt");
        if (entry->sym->type != SymbolType::Bool) fail("choice member must be bool");
        // A symbol listed twice in a choice stays a single member.
        if (!entry->sym->memberOfChoice) {
            entry->sym->memberOfChoice = m_currentChoice;
            m_currentChoice->choiceMembers.push_back(entry->sym);
        }
    }
    if (entry->sym->isTransitional()) {
        bool onlyHelp = entry->dep == nullptr;
        for (const Property *p : entry->sym->properties)
            if (p->menu == entry) onlyHelp = false;
        if (!onlyHelp) {
            ++m_errors;
            report(entry->location, ": error: transitional symbols can only have help sections",
                   true);
        }
    }
}

bool Parser::parseConfigOption()
{
    switch (peek()) {
    case Token::Bool:
    case Token::Tristate:
    case Token::Int:
    case Token::Hex:
    case Token::String: {
        const Token t = take();
        const SymbolType type = t == Token::Bool       ? SymbolType::Bool
                                : t == Token::Tristate ? SymbolType::Tristate
                                : t == Token::Int      ? SymbolType::Int
                                : t == Token::Hex      ? SymbolType::Hex
                                                       : SymbolType::String;
        if (peek() == Token::WordQuote) {
            take();
            std::string text(m_tokenText);
            const Expr *cond = parseIfExpr();
            addPrompt(PropertyType::Prompt, std::move(text), cond);
        }
        expect(Token::Eol);
        setType(type);
        return true;
    }
    case Token::Prompt: {
        take();
        expect(Token::WordQuote);
        std::string text(m_tokenText);
        const Expr *cond = parseIfExpr();
        expect(Token::Eol);
        addPrompt(PropertyType::Prompt, std::move(text), cond);
        return true;
    }
    case Token::Default:
    case Token::DefBool:
    case Token::DefTristate: {
        const Token t = take();
        const Expr *value = parseExpr();
        const Expr *cond = parseIfExpr();
        expect(Token::Eol);
        addProperty(PropertyType::Default, value, cond);
        if (t == Token::DefBool)
            setType(SymbolType::Bool);
        else if (t == Token::DefTristate)
            setType(SymbolType::Tristate);
        return true;
    }
    case Token::Select:
    case Token::Imply: {
        const Token t = take();
        Symbol *target = parseNonConstSymbol();
        const Expr *cond = parseIfExpr();
        expect(Token::Eol);
        addProperty(t == Token::Select ? PropertyType::Select : PropertyType::Imply,
                    m_tree.exprs().symbol(target), cond);
        return true;
    }
    case Token::Range: {
        take();
        Symbol *lo = parseSymbol();
        Symbol *hi = parseSymbol();
        const Expr *cond = parseIfExpr();
        expect(Token::Eol);
        addProperty(PropertyType::Range, m_tree.exprs().compare(ExprType::Range, lo, hi), cond);
        return true;
    }
    case Token::Modules:
        take();
        expect(Token::Eol);
        if (m_tree.modules() != m_tree.symbols().no())
            error("symbol '" + m_currentEntry->sym->name +
                  "' redefines option 'modules' already defined by symbol '" +
                  m_tree.modules()->name + "'");
        m_tree.setModules(m_currentEntry->sym);
        return true;
    case Token::Transitional:
        take();
        expect(Token::Eol);
        m_currentEntry->sym->flags |= Symbol::Transitional;
        return true;
    case Token::Depends:
        parseDepends();
        return true;
    case Token::Help:
        parseHelp();
        return true;
    default:
        return false;
    }
}

void Parser::parseDepends()
{
    take();
    expect(Token::On);
    const Expr *dep = parseExpr();
    // `depends on X if Y` (Linux 7.0) means X || Y=n.
    if (const Expr *cond = parseIfExpr())
        dep = m_tree.exprs().orOf(
            dep, m_tree.exprs().transCompare(cond, ExprType::Equal, m_tree.symbols().no()));
    expect(Token::Eol);
    addDep(dep);
    m_currentEntry->dependsOn.push_back(DependencyLine{dep, here()});
}

void Parser::parseHelp()
{
    take();
    expect(Token::Eol);
    m_lexer.startHelp();
    expect(Token::HelpText);
    const auto who = [this] {
        return m_currentEntry->sym ? m_currentEntry->sym->displayName() : std::string("<choice>");
    };
    if (m_currentEntry->hasHelp)
        print("warning: '" + who() +
              "' defined with more than one help text -- only the last one will be used");
    // Every character of the block that is not a blank is in the text.
    if (m_tokenText.find_first_not_of(" \f\n\r\t\v") == std::string_view::npos)
        print("warning: '" + who() + "' defined with blank help text");
    m_currentEntry->help = HelpText::fromSource(m_lexer.helpSource());
    m_currentEntry->hasHelp = true;
}

void Parser::parseChoice()
{
    take();
    expect(Token::Eol);
    addEntry(m_tree.symbols().newChoice());
    setType(SymbolType::Bool);
    while (true) {
        const Token t = peek();
        if (t == Token::Prompt || t == Token::Bool) {
            take();
            expect(Token::WordQuote);
            std::string text(m_tokenText);
            const Expr *cond = parseIfExpr();
            expect(Token::Eol);
            addPrompt(PropertyType::Prompt, std::move(text), cond);
        } else if (t == Token::Default) {
            take();
            Symbol *target = parseNonConstSymbol();
            const Expr *cond = parseIfExpr();
            expect(Token::Eol);
            addProperty(PropertyType::Default, m_tree.exprs().symbol(target), cond);
        } else if (t == Token::Depends) {
            parseDepends();
        } else if (t == Token::Help) {
            parseHelp();
        } else {
            break;
        }
    }
    MenuNode *entry = m_currentEntry;
    if (!entry->prompt) {
        ++m_errors;
        report(entry->location, ": error: choice must have a prompt", true);
    }
    addMenu();
    m_currentChoice = m_currentEntry;
    parseStatements(Block::Choice, entry);
}

void Parser::parseIf(Block outer)
{
    take();
    const Expr *dep = parseExpr();
    expect(Token::Eol);
    addEntry(nullptr);
    addDep(dep);
    m_currentEntry->dependsOn.push_back(DependencyLine{dep, m_currentEntry->location});
    MenuNode *entry = addMenu();
    const bool inChoice = outer == Block::Choice || outer == Block::IfInChoice;
    parseStatements(inChoice ? Block::IfInChoice : Block::If, entry);
}

void Parser::parseMenu()
{
    take();
    expect(Token::WordQuote);
    std::string text(m_tokenText);
    expect(Token::Eol);
    addEntry(nullptr);
    addPrompt(PropertyType::Menu, std::move(text), nullptr);
    while (true) {
        if (peek() == Token::Visible) {
            take();
            const Expr *cond = parseIfExpr();
            expect(Token::Eol);
            m_currentEntry->visibility = checkDepth(
                m_tree.exprs().andOf(m_currentEntry->visibility, cond), "'visible if' conditions");
            if (cond) m_currentEntry->visibleIf.push_back(DependencyLine{cond, here()});
        } else if (peek() == Token::Depends) {
            parseDepends();
        } else {
            break;
        }
    }
    MenuNode *entry = addMenu();
    parseStatements(Block::Menu, entry);
}

void Parser::parseComment()
{
    take();
    expect(Token::WordQuote);
    std::string text(m_tokenText);
    expect(Token::Eol);
    addEntry(nullptr);
    addPrompt(PropertyType::Comment, std::move(text), nullptr);
    while (peek() == Token::Depends)
        parseDepends();
}

void Parser::parseSource()
{
    take();
    expect(Token::WordQuote);
    const std::string name(m_tokenText);
    expect(Token::Eol);
    m_lexer.pushFile(name);
}

// --- expressions -----------------------------------------------------------------

const Expr *Parser::parseIfExpr()
{
    if (peek() != Token::If) return nullptr;
    take();
    return parseExpr();
}

const Expr *Parser::parseExpr()
{
    const Expr *e = parseAnd();
    while (peek() == Token::Or) {
        take();
        e = checkDepth(m_tree.exprs().binary(ExprType::Or, e, parseAnd()), "expression");
    }
    return e;
}

const Expr *Parser::parseAnd()
{
    const Expr *e = parseUnary();
    while (peek() == Token::And) {
        take();
        e = checkDepth(m_tree.exprs().binary(ExprType::And, e, parseUnary()), "expression");
    }
    return e;
}

const Expr *Parser::parseUnary()
{
    const Nesting nesting(m_exprNesting);
    if (m_exprNesting > limits::maxExprDepth)
        tooDeep("expression nested too deeply (more than " + std::to_string(limits::maxExprDepth) +
                " levels of '(' and '!')");
    switch (peek()) {
    case Token::Not:
        take();
        return checkDepth(m_tree.exprs().unary(ExprType::Not, parseUnary()), "expression");
    case Token::OpenParen: {
        take();
        const Expr *e = parseExpr();
        expect(Token::CloseParen);
        return e;
    }
    default:
        break;
    }
    Symbol *lhs = parseSymbol();
    ExprType cmp;
    switch (peek()) {
    case Token::Equal:
        cmp = ExprType::Equal;
        break;
    case Token::Unequal:
        cmp = ExprType::Unequal;
        break;
    case Token::Less:
        cmp = ExprType::Less;
        break;
    case Token::LessEqual:
        cmp = ExprType::LessEqual;
        break;
    case Token::Greater:
        cmp = ExprType::Greater;
        break;
    case Token::GreaterEqual:
        cmp = ExprType::GreaterEqual;
        break;
    default:
        return m_tree.exprs().symbol(lhs);
    }
    take();
    Symbol *rhs = parseSymbol();
    return m_tree.exprs().compare(cmp, lhs, rhs);
}

Symbol *Parser::parseNonConstSymbol()
{
    expect(Token::Word);
    return m_tree.symbols().lookup(m_tokenText, false);
}

Symbol *Parser::parseSymbol()
{
    if (peek() == Token::WordQuote) {
        take();
        return m_tree.symbols().lookup(m_tokenText, true);
    }
    return parseNonConstSymbol();
}

} // namespace kconfig
