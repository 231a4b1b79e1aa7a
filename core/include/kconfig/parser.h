// SPDX-License-Identifier: MIT
// Builds a Tree from tokens: the 6.12 grammar plus `transitional` and
// `depends on X if Y`, with bison-style error recovery so that a bad line costs
// one message ("invalid statement") and parsing goes on, as in conf.
#pragma once

#include "kconfig/lexer.h"
#include "kconfig/sourcelocation.h"

#include <string>
#include <string_view>

namespace kconfig {

class DiagnosticSink;
class Preprocessor;
class Tree;
struct Expr;
struct MenuNode;
struct Property;
struct Symbol;
enum class PropertyType : std::uint8_t;
enum class SymbolType : std::uint8_t;

class Parser
{
public:
    Parser(Tree &tree, Lexer &lexer, Preprocessor &pp, DiagnosticSink &diagnostics);

    // Parses everything the lexer delivers; FatalError escapes for what conf
    // exits on immediately (missing files, macro errors).
    void parse();
    // conf's yynerrs: syntax errors and grammar-level errors.
    int errorCount() const { return m_errors; }

private:
    struct SyntaxError
    {
    };
    struct Abort
    {
    };
    enum class Block
    {
        Top,
        Menu,
        If,
        IfInChoice,
        Choice
    };

    Token peek();
    Token take();
    void expect(Token t);
    [[noreturn]] void syntaxError();
    // Refuses nesting that would exhaust the stack later on (limits.h): a
    // FatalError with the location of `block`, or of the statement.
    [[noreturn]] void tooDeep(const std::string &what, const MenuNode *block = nullptr);
    const Expr *checkDepth(const Expr *e, const char *what);
    void recover();

    void parseInput();
    void parseStatements(Block block, MenuNode *entry);
    void parseStatement(Block block);
    void parseConfig(bool menuconfig);
    bool parseConfigOption();
    void parseChoice();
    void parseIf(Block outer);
    void parseMenu();
    void parseComment();
    void parseSource();
    void parseAssignment(const std::string &name);
    void parseDepends();
    void parseHelp();
    void parseEnd(Block block);
    void checkConfigEntry(bool menuconfig);

    const Expr *parseExpr();
    const Expr *parseAnd();
    const Expr *parseUnary();
    const Expr *parseIfExpr();
    Symbol *parseSymbol();
    Symbol *parseNonConstSymbol();

    // menu.c's entry building
    void addEntry(Symbol *sym);
    MenuNode *addMenu();
    void endMenu();
    void addDep(const Expr *dep);
    void setType(SymbolType type);
    Property *addProperty(PropertyType type, const Expr *expr, const Expr *dep);
    Property *addPrompt(PropertyType type, std::string text, const Expr *dep);

    void error(const std::string &message);                             // "file:line: msg", counts
    void print(const std::string &message);                             // "file:line: msg"
    void warnAt(const SourceLocation &loc, const std::string &message); // "file:line:warning: msg"
    void report(const SourceLocation &loc, const std::string &text, bool isError);
    SourceLocation here() const;

    Tree &m_tree;
    Lexer &m_lexer;
    Preprocessor &m_pp;
    DiagnosticSink &m_diag;

    bool m_hasLookahead = false;
    Token m_lookahead = Token::Eof;
    std::string_view m_tokenText; // text of the token last taken (see Lexer::text)
    int m_blockDepth = 0;         // menu/if/choice blocks open
    int m_exprNesting = 0;        // '(' and '!' being parsed
    int m_errStatus = 0;          // bison's yyerrstatus
    int m_errors = 0;
    bool m_unknownStatement = false; // error right after a statement's leading word
    std::string m_unknownWord;

    MenuNode *m_currentMenu = nullptr;
    MenuNode *m_currentEntry = nullptr;
    MenuNode **m_lastEntryPtr = nullptr;
    MenuNode *m_currentChoice = nullptr;
};

} // namespace kconfig
