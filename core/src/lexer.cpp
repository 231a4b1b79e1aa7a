// SPDX-License-Identifier: MIT
#include "kconfig/lexer.h"

#include "kconfig/diagnostic.h"
#include "kconfig/environment.h"
#include "kconfig/helptext.h"
#include "kconfig/preprocessor.h"
#include "kconfig/sourcefiles.h"

#include <array>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <cstring>
#include <string_view>
#include <unordered_map>

namespace kconfig {

struct Lexer::Buffer
{
    FileText text; // handed to the tree at the end (help texts point into it)
    std::size_t pos = 0;
    int line = 1;                      // yylineno within this file
    const std::string *file = nullptr; // cur_filename while scanning it
    int sourceLine = 0;                // statement line of `source` in the parent
    const std::string *parentFile = nullptr;
};

namespace {

// Character classes, looked up once per byte in the hot loops.
enum CharClass : unsigned char
{
    WordChar = 1,   // [A-Za-z0-9_-]
    Dollar = 2,     // starts a macro reference inside a word or string
    StringStop = 4, // ends a run of plain text in a string: $ ' " \ newline
};

constexpr std::array<unsigned char, 256> kCharClass = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 'A'; c <= 'Z'; ++c)
        t[c] = WordChar;
    for (int c = 'a'; c <= 'z'; ++c)
        t[c] = WordChar;
    for (int c = '0'; c <= '9'; ++c)
        t[c] = WordChar;
    t['_'] = t['-'] = WordChar;
    t['$'] = Dollar | StringStop;
    t['\''] = t['"'] = t['\\'] = t['\n'] = StringStop;
    return t;
}();

unsigned char charClass(char c)
{
    return kCharClass[static_cast<unsigned char>(c)];
}

bool isWordChar(char c)
{
    return charClass(c) & WordChar;
}

#ifdef __SSE2__
// Bytes of `v` within [lo, hi], as a mask (signed compares after a shift).
__m128i inRange(__m128i v, char lo, char hi)
{
    const __m128i shifted = _mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(-128 - lo)));
    return _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(-128 + (hi - lo) + 1)));
}
#endif

// End of the run of word characters and '$' from `pos`; `seen` gathers their
// classes. Words are most of the text: sixteen bytes at a time where the
// processor allows.
std::size_t wordEnd(std::string_view s, std::size_t pos, unsigned char &seen)
{
#ifdef __SSE2__
    while (pos + 16 <= s.size()) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(s.data() + pos));
        const __m128i dollar = _mm_cmpeq_epi8(v, _mm_set1_epi8('$'));
        const __m128i word =
            _mm_or_si128(_mm_or_si128(inRange(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z'),
                                      inRange(v, '0', '9')),
                         _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('_')),
                                      _mm_cmpeq_epi8(v, _mm_set1_epi8('-'))));
        const unsigned inWord =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(word, dollar)));
        const unsigned run = inWord == 0xffff ? 16 : static_cast<unsigned>(__builtin_ctz(~inWord));
        const unsigned dollars = static_cast<unsigned>(_mm_movemask_epi8(dollar));
        if (run) seen |= WordChar;
        if (dollars & ((1u << run) - 1)) seen |= Dollar;
        pos += run;
        if (run < 16) return pos;
    }
#endif
    for (unsigned char c; pos < s.size() && ((c = charClass(s[pos])) & (WordChar | Dollar)); ++pos)
        seen |= c;
    return pos;
}

const std::unordered_map<std::string_view, Token> &keywords()
{
    static const std::unordered_map<std::string_view, Token> table = {
        {"bool", Token::Bool},
        {"choice", Token::Choice},
        {"comment", Token::Comment},
        {"config", Token::Config},
        {"def_bool", Token::DefBool},
        {"def_tristate", Token::DefTristate},
        {"default", Token::Default},
        {"depends", Token::Depends},
        {"endchoice", Token::EndChoice},
        {"endif", Token::EndIf},
        {"endmenu", Token::EndMenu},
        {"help", Token::Help},
        {"hex", Token::Hex},
        {"if", Token::If},
        {"imply", Token::Imply},
        {"int", Token::Int},
        {"mainmenu", Token::MainMenu},
        {"menu", Token::Menu},
        {"menuconfig", Token::MenuConfig},
        {"modules", Token::Modules},
        {"on", Token::On},
        {"prompt", Token::Prompt},
        {"range", Token::Range},
        {"select", Token::Select},
        {"source", Token::Source},
        {"string", Token::String},
        {"transitional", Token::Transitional},
        {"tristate", Token::Tristate},
        {"visible", Token::Visible},
    };
    return table;
}

// Keywords are 2 to 12 letters long, and at most three share their first
// letter and length (select, source, string): compare only those.
Token keywordToken(std::string_view word)
{
    constexpr std::size_t kMaxLength = 12;
    constexpr std::size_t kPerSlot = 3;
    if (word.size() < 2 || word.size() > kMaxLength || word[0] < 'a' || word[0] > 'z')
        return Token::Word;
    using Slot = std::array<std::pair<std::string_view, Token>, kPerSlot>;
    static const auto slots = [] {
        std::array<Slot, 26 * (kMaxLength + 1)> t{};
        for (const auto &[name, tok] : keywords()) {
            Slot &slot =
                t[static_cast<std::size_t>(name[0] - 'a') * (kMaxLength + 1) + name.size()];
            for (auto &entry : slot)
                if (entry.first.empty()) {
                    entry = {name, tok};
                    break;
                }
        }
        return t;
    }();
    for (const auto &[name, tok] :
         slots[static_cast<std::size_t>(word[0] - 'a') * (kMaxLength + 1) + word.size()]) {
        if (name.empty()) break;
        if (name == word) return tok;
    }
    return Token::Word;
}

} // namespace

const char *tokenName(Token t)
{
    switch (t) {
    case Token::Eof:
        return "end of file";
    case Token::HelpText:
        return "help text";
    case Token::Word:
        return "word";
    case Token::WordQuote:
        return "string";
    case Token::AssignVal:
        return "value";
    case Token::Eol:
        return "end of line";
    default:
        break;
    }
    for (const auto &[name, tok] : keywords())
        if (tok == t) return name.data();
    switch (t) {
    case Token::Or:
        return "||";
    case Token::And:
        return "&&";
    case Token::Equal:
        return "=";
    case Token::Unequal:
        return "!=";
    case Token::Less:
        return "<";
    case Token::LessEqual:
        return "<=";
    case Token::Greater:
        return ">";
    case Token::GreaterEqual:
        return ">=";
    case Token::Not:
        return "!";
    case Token::OpenParen:
        return "(";
    case Token::CloseParen:
        return ")";
    case Token::ColonEqual:
        return ":=";
    case Token::PlusEqual:
        return "+=";
    default:
        return "?";
    }
}

Lexer::Lexer(const SourceFiles &files, const Environment &env, DiagnosticSink &diagnostics)
    : m_files(files), m_env(env), m_diag(diagnostics)
{
}

Lexer::~Lexer() = default;

const std::string *Lexer::internFile(const std::string &name)
{
    if (auto it = m_fileIndex.find(name); it != m_fileIndex.end()) return it->second;
    m_fileNames.push_back(std::make_unique<std::string>(name));
    m_fileOrder.push_back(m_fileNames.back().get());
    m_fileIndex.emplace(name, m_fileNames.back().get());
    return m_fileNames.back().get();
}

int Lexer::scannerLine() const
{
    return m_stack.empty() ? 0 : m_stack.back()->line;
}

void Lexer::warnAt(int line, const std::string &message)
{
    Diagnostic d;
    d.severity = Diagnostic::Severity::Warning;
    d.location = SourceLocation{m_curFile, line};
    d.message = message;
    d.text = (m_curFile ? *m_curFile : std::string()) + ':' + std::to_string(line) +
             ":warning: " + message + '\n';
    m_diag.report(std::move(d));
}

void Lexer::start(const std::string &name)
{
    std::string problem;
    auto file = m_files.open(name, m_env, &problem);
    if (!file && !problem.empty()) throw FatalError(name + ": " + problem);
    if (!file) throw FatalError("can't find file " + name);
    auto buf = std::make_unique<Buffer>();
    buf->text = std::move(file->text);
    buf->file = internFile(name);
    m_curFile = buf->file;
    m_stack.push_back(std::move(buf));
    if (m_fileOpened) m_fileOpened(++m_opened);
}

void Lexer::pushFile(const std::string &name)
{
    std::string problem;
    auto file = m_files.open(name, m_env, &problem);
    if (!file)
        throw FatalError((m_curFile ? *m_curFile : std::string()) + ':' +
                         std::to_string(m_curLine) + ": can't open file \"" + name + "\"" +
                         (problem.empty() ? std::string() : ": " + problem));
    // The files currently open (this one and its includers) must not include
    // themselves, and neither must a file whose end finished the `source`
    // statement: it sourced itself on its last line, without a newline. (conf
    // has closed that file by then and sources it again and again.)
    std::vector<const Buffer *> includers;
    if (m_statementEndedBy) includers.push_back(m_statementEndedBy);
    for (auto it = m_stack.rbegin(); it != m_stack.rend(); ++it)
        includers.push_back(it->get());
    bool recursive = false;
    for (const Buffer *b : includers)
        if (*b->file == name) recursive = true;
    if (recursive) {
        std::string msg =
            "Recursive inclusion detected.\nInclusion path:\n  current file : " + name;
        int line = m_curLine;
        for (const Buffer *b : includers) {
            msg += "\n  included from: " + *b->file + ':' + std::to_string(line);
            line = b->sourceLine;
        }
        throw FatalError(msg);
    }
    auto buf = std::make_unique<Buffer>();
    buf->text = std::move(file->text);
    buf->sourceLine = m_curLine;
    buf->parentFile = m_curFile;
    buf->file = internFile(name);
    m_curFile = buf->file;
    m_stack.push_back(std::move(buf));
    if (m_fileOpened) m_fileOpened(++m_opened);
}

std::string &Lexer::beginText()
{
    m_ringPos = (m_ringPos + 1) % 4;
    std::string &t = m_ring[m_ringPos];
    t.clear();
    return t;
}

void Lexer::startHelp()
{
    m_mode = Mode::Help;
}

Token Lexer::next()
{
    m_statementEndedBy = nullptr;
    Token tok;
    do {
        tok = scan();
    } while ((m_prev == Token::Eol || m_prev == Token::HelpText) && tok == Token::Eol);

    if (m_prev == Token::Eol || m_prev == Token::HelpText)
        m_curLine = scannerLine(); // first token of a statement

    if (m_prevPrev == Token::Eol && m_prev == Token::Word &&
        (tok == Token::Equal || tok == Token::ColonEqual || tok == Token::PlusEqual))
        m_mode = Mode::AssignValue;

    m_prevPrev = m_prev;
    m_prev = tok;
    return tok;
}

Token Lexer::endOfBuffer()
{
    m_mode = Mode::Initial;
    const bool endsStatement = m_prev != Token::Eol && m_prev != Token::HelpText;
    if (endsStatement) warnAt(scannerLine(), "no new line at end of file");
    if (m_stack.size() > 1) {
        const std::string *parent = m_stack.back()->parentFile;
        if (endsStatement) m_statementEndedBy = m_stack.back().get();
        m_retired.push_back(std::move(m_stack.back()));
        m_stack.pop_back();
        m_curFile = parent;
        return Token::Eol;
    }
    m_finished = true;
    return Token::Eof;
}

Token Lexer::scan()
{
    if (m_stack.empty() || m_finished) return Token::Eof;
    if (m_mode == Mode::Help) return scanHelp();

    Buffer &b = *m_stack.back();
    const std::string_view s = b.text.view();

    if (m_mode == Mode::AssignValue) {
        while (b.pos < s.size() && (s[b.pos] == ' ' || s[b.pos] == '\t'))
            ++b.pos;
        if (b.pos >= s.size()) return endOfBuffer();
        if (s[b.pos] == '\n') {
            ++b.pos;
            ++b.line;
            m_mode = Mode::Initial;
            return Token::Eol;
        }
        const std::size_t eol = s.find('\n', b.pos);
        const std::size_t end = eol == std::string::npos ? s.size() : eol;
        std::string &t = beginText();
        t.assign(s, b.pos, end - b.pos);
        m_view = t;
        b.pos = end;
        return Token::AssignVal;
    }

    while (true) {
        while (b.pos < s.size() && (s[b.pos] == ' ' || s[b.pos] == '\t'))
            ++b.pos;
        if (b.pos >= s.size()) return endOfBuffer();
        const char c = s[b.pos];
        const char n = b.pos + 1 < s.size() ? s[b.pos + 1] : '\0';
        switch (c) {
        case '#': {
            const std::size_t eol = s.find('\n', b.pos);
            b.pos = eol == std::string::npos ? s.size() : eol;
            continue;
        }
        case '\\':
            if (n == '\n') {
                b.pos += 2;
                ++b.line;
                continue;
            }
            break;
        case '\n':
            ++b.pos;
            ++b.line;
            return Token::Eol;
        case '"':
        case '\'':
            ++b.pos;
            return scanString(c);
        case '|':
            if (n == '|') {
                b.pos += 2;
                return Token::Or;
            }
            break;
        case '&':
            if (n == '&') {
                b.pos += 2;
                return Token::And;
            }
            break;
        case '=':
            ++b.pos;
            return Token::Equal;
        case '!':
            if (n == '=') {
                b.pos += 2;
                return Token::Unequal;
            }
            ++b.pos;
            return Token::Not;
        case '<':
            if (n == '=') {
                b.pos += 2;
                return Token::LessEqual;
            }
            ++b.pos;
            return Token::Less;
        case '>':
            if (n == '=') {
                b.pos += 2;
                return Token::GreaterEqual;
            }
            ++b.pos;
            return Token::Greater;
        case '(':
            ++b.pos;
            return Token::OpenParen;
        case ')':
            ++b.pos;
            return Token::CloseParen;
        case ':':
            if (n == '=') {
                b.pos += 2;
                return Token::ColonEqual;
            }
            break;
        case '+':
            if (n == '=') {
                b.pos += 2;
                return Token::PlusEqual;
            }
            break;
        default:
            if (isWordChar(c) || c == '$') {
                const Token t = scanWord();
                if (t != Token::Eof) return t;
                continue; // a word that expanded to nothing
            }
            break;
        }
        warnAt(b.line, std::string("ignoring unsupported character '") + c + "'");
        ++b.pos;
    }
}

// A run of [A-Za-z0-9_-$]: a keyword, a plain word, or (with '$') a word whose
// macro references are expanded. Returns Eof for an expansion to nothing.
Token Lexer::scanWord()
{
    Buffer &b = *m_stack.back();
    const std::string_view s = b.text.view();
    unsigned char seen = 0;
    const std::size_t end = wordEnd(s, b.pos, seen);
    if (!(seen & Dollar)) {
        const std::string_view word(s.data() + b.pos, end - b.pos);
        b.pos = end;
        if (const Token k = keywordToken(word); k != Token::Word) return k;
        m_view = word; // a slice of the file text
        return Token::Word;
    }
    // conf hands the rest of the line to the expander and takes back what it
    // did not use.
    const std::size_t eol = s.find('\n', b.pos);
    const std::string_view line(s.data() + b.pos,
                                (eol == std::string::npos ? s.size() : eol) - b.pos);
    std::size_t used = 0;
    std::string out =
        m_pp ? m_pp->expandOneToken(line, used) : std::string(line.substr(0, end - b.pos));
    if (!m_pp) used = end - b.pos;
    b.pos += used;
    if (out.empty()) return Token::Eof;
    std::string &t = beginText();
    t = std::move(out);
    m_view = t;
    return Token::Word;
}

Token Lexer::scanString(char quote)
{
    Buffer &b = *m_stack.back();
    const std::string_view s = b.text.view();
    std::string &t = beginText();
    const auto done = [&] {
        m_view = t;
        return Token::WordQuote;
    };
    while (true) {
        if (b.pos >= s.size()) return done();
        const char c = s[b.pos];
        if (c == '$') {
            const std::size_t eol = s.find('\n', b.pos);
            const std::string_view rest(s.data() + b.pos + 1,
                                        (eol == std::string::npos ? s.size() : eol) - b.pos - 1);
            std::size_t used = 0;
            if (m_pp) {
                t += m_pp->expandDollar(rest, used);
            } else {
                t += '$';
            }
            b.pos += 1 + used;
            continue;
        }
        if (c == '\\') {
            // "\x" keeps x; a backslash before a newline or the end keeps nothing.
            ++b.pos;
            if (b.pos < s.size() && s[b.pos] != '\n') t += s[b.pos++];
            continue;
        }
        if (c == '"' || c == '\'') {
            ++b.pos;
            if (c == quote) return done();
            t += c;
            continue;
        }
        if (c == '\n') {
            warnAt(m_curLine, "multi-line strings not supported");
            return done(); // the newline stays for the next token
        }
        // Plain text up to the next special character. A NUL byte is plain
        // text too (strchr would find the terminator and never advance).
        const std::size_t start = b.pos;
        while (b.pos < s.size() && !(charClass(s[b.pos]) & StringStop))
            ++b.pos;
        t.append(s, start, b.pos - start);
    }
}

Token Lexer::scanHelp()
{
    Buffer &b = *m_stack.back();
    const std::string_view s = b.text.view();
    const HelpBlock block = scanHelpBlock(s, b.pos, nullptr);
    m_helpSource = s.substr(b.pos);
    m_view = s.substr(b.pos, block.end - b.pos);
    b.pos = block.end;
    b.line += block.lines;
    m_mode = Mode::Initial;
    return Token::HelpText;
}

std::vector<FileText> Lexer::takeSources()
{
    std::vector<FileText> out;
    out.reserve(m_retired.size() + m_stack.size());
    for (auto *list : {&m_retired, &m_stack})
        for (auto &b : *list)
            out.push_back(std::move(b->text));
    return out;
}

} // namespace kconfig
