// SPDX-License-Identifier: MIT
// Splits Kconfig text into tokens with the same rules, line counting and
// warnings as conf's flex scanner, including `source` nesting, help blocks
// and macro expansion inside words and strings.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kconfig {

class DiagnosticSink;
class Environment;
class Preprocessor;
class FileText;
class SourceFiles;

enum class Token
{
    Eof,
    HelpText,
    Word,
    WordQuote,
    AssignVal,
    Eol,
    // keywords
    Bool,
    Choice,
    Comment,
    Config,
    Default,
    DefBool,
    DefTristate,
    Depends,
    EndChoice,
    EndIf,
    EndMenu,
    Help,
    Hex,
    If,
    Imply,
    Int,
    MainMenu,
    Menu,
    MenuConfig,
    Modules,
    On,
    Prompt,
    Range,
    Select,
    Source,
    String,
    Transitional,
    Tristate,
    Visible,
    // operators
    Or,
    And,
    Equal,
    Unequal,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Not,
    OpenParen,
    CloseParen,
    ColonEqual,
    PlusEqual,
};

class Lexer
{
public:
    Lexer(const SourceFiles &files, const Environment &env, DiagnosticSink &diagnostics);
    ~Lexer();

    void setPreprocessor(Preprocessor *pp) { m_pp = pp; }
    // Called with the number of files opened so far, after each new file.
    void setFileOpenedCallback(std::function<void(int)> f) { m_fileOpened = std::move(f); }

    // Opens the top-level Kconfig file (throws FatalError "can't find file X").
    void start(const std::string &name);
    // `source "name"` (throws FatalError on a missing file or recursive inclusion).
    void pushFile(const std::string &name);

    // Next token for the parser (conf's two-stage yylex).
    Token next();
    // Word, WordQuote, AssignVal, HelpText (the block as written). Stays valid
    // while the parser reads the next few tokens (file text is kept until the
    // lexer goes away, or takeSources()).
    std::string_view text() const { return m_view; }
    // After HelpText: the file from the line after `help` to its end.
    std::string_view helpSource() const { return m_helpSource; }

    // The parser calls this right after `help` + end of line.
    void startHelp();

    // cur_filename / cur_lineno: the statement the parser is in.
    const std::string *currentFile() const { return m_curFile; }
    int currentLine() const { return m_curLine; }
    // The scanner's own line (conf's yylineno), used by the preprocessor.
    int scannerLine() const;

    // Every file opened, in the order conf first names it (auto.conf.cmd deps_config).
    const std::vector<const std::string *> &files() const { return m_fileOrder; }
    // Interned file names; pointers stay valid for the lexer's lifetime and are
    // moved into the Tree after parsing.
    std::vector<std::unique_ptr<std::string>> takeFileNames() { return std::move(m_fileNames); }
    // The text of every file read, which help texts and tokens point into.
    std::vector<FileText> takeSources();

private:
    struct Buffer;
    enum class Mode
    {
        Initial,
        AssignValue,
        Help
    };

    Token scan();
    Token scanHelp();
    Token scanString(char quote);
    Token scanWord();
    Token endOfBuffer();
    const std::string *internFile(const std::string &name);
    void warnAt(int line, const std::string &message);

    const SourceFiles &m_files;
    const Environment &m_env;
    DiagnosticSink &m_diag;
    Preprocessor *m_pp = nullptr;
    std::function<void(int)> m_fileOpened;
    int m_opened = 0;

    std::vector<std::unique_ptr<Buffer>> m_stack; // back() is the current file
    std::vector<std::unique_ptr<std::string>> m_fileNames;
    std::vector<const std::string *> m_fileOrder;
    std::unordered_map<std::string, const std::string *> m_fileIndex;

    Mode m_mode = Mode::Initial;
    bool m_finished = false;
    std::string &beginText(); // next buffer for a token that is not a slice of the file
    std::string m_ring[4];
    unsigned m_ringPos = 0;
    std::string_view m_view;
    std::string_view m_helpSource;
    std::vector<std::unique_ptr<Buffer>> m_retired; // finished files, whose text tokens may view
    // The file whose end gave the end of line of the statement just read (it
    // had no final newline); until the next token.
    const Buffer *m_statementEndedBy = nullptr;
    const std::string *m_curFile = nullptr;
    int m_curLine = 0;
    Token m_prev = Token::Eol;
    Token m_prevPrev = Token::Eol;
};

const char *tokenName(Token t);

} // namespace kconfig
