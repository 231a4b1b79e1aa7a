// SPDX-License-Identifier: MIT
// Renders explanations as text a kernel developer can paste into a reply:
// wrapped at 72 columns, ASCII arrows, expressions with [=value] after each
// symbol; or as Markdown; or as JSON for tools.
#pragma once

#include "kconfig/explanation.h"
#include "kconfig/symbol.h"

#include <string>

namespace kconfig {

class Config;

enum class ExplanationFormat
{
    Text,
    Markdown,
    Json
};

std::string renderChangeReport(const ChangeReport &report, Config &config,
                               ExplanationFormat format = ExplanationFormat::Text, int width = 72);
// The same with the values right after the action given: `now` for an
// action that later actions have overlaid (a history of actions).
std::string renderChangeReport(const ChangeReport &report, const ValueSource &now,
                               ExplanationFormat format = ExplanationFormat::Text, int width = 72);
// The what-if report: the edits, then per baseline the counts and each
// changed symbol with its reasons (`details` false: counts and one line each).
std::string renderImpactReport(const struct ImpactReport &report,
                               ExplanationFormat format = ExplanationFormat::Text, int width = 72,
                               bool details = true);
std::string renderSymbolReport(const SymbolReport &report, Config &config,
                               ExplanationFormat format = ExplanationFormat::Text, int width = 72);
// What Explainer::requirementsFor() returned for setting `sym` to `wanted`:
// "To set SYM to y:" and a nested list (wrapped like the other texts), or
// "SYM can be set to y now." when `requirements` is empty. JSON: an object
// with "symbol", "wanted", "possible" and the "requirements" facts.
std::string renderRequirements(const Symbol *sym, Tristate wanted,
                               const std::vector<Fact> &requirements, Config &config,
                               ExplanationFormat format = ExplanationFormat::Text, int width = 72);

// How sentences mark up their pieces; the default is plain text. The GUI
// subclasses it to escape HTML and turn symbols and locations into links.
class SentenceMarkup
{
public:
    virtual ~SentenceMarkup() = default;
    virtual std::string text(const std::string &s) const { return s; }
    virtual std::string symbol(const Symbol *s) const { return s->displayName(); }
    virtual std::string code(const std::string &markedUp) const { return markedUp; }
    virtual std::string location(const SourceLocation &l) const { return l.toString(); }
};

// One sentence per fact, without wrapping (for list views and tooltips).
// `before` is null for "why is it so now", set for "why did it change".
std::string factSentence(const Fact &fact, const ValueSource &now, const ValueSource *before,
                         const SentenceMarkup &markup = SentenceMarkup());
// A reason as one line: a group with a single entry (one dependency line,
// one selector) is printed as that entry; `children` are what remains to list
// below it.
struct ReasonLine
{
    std::string sentence;
    const std::vector<Fact> *children;
};
ReasonLine reasonLine(const Fact &fact, const ValueSource &now, const ValueSource *before,
                      const SentenceMarkup &markup = SentenceMarkup());
// The reason in one line, also for groups ("selected by A [=y] (and 2 more).").
std::string reasonSummary(const Fact &fact, const ValueSource &now, const ValueSource *before,
                          const SentenceMarkup &markup = SentenceMarkup());

// "y -> m", "stays y, no longer locked", ...
std::string stateChangeText(const SymbolSnapshot &before, const SymbolSnapshot &after);
// An expression with " [=value]" after each (non-constant) symbol.
std::string exprWithValues(const Expr *e, const ValueSource &values,
                           const SentenceMarkup &markup = SentenceMarkup());
// An expression as written, symbols marked up.
std::string exprPlain(const Expr *e, const SentenceMarkup &markup = SentenceMarkup());

} // namespace kconfig
