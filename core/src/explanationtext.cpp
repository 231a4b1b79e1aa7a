// SPDX-License-Identifier: MIT
#include "kconfig/explanationtext.h"

#include "kconfig/config.h"
#include "kconfig/expr.h"
#include "kconfig/exprprinter.h"
#include "kconfig/impact.h"
#include "kconfig/tree.h"

#include <algorithm>
#include <functional>
#include <map>

namespace kconfig {

namespace {

std::string tri(Tristate t)
{
    return std::string(triString(t));
}

std::string lineKeyword(int kind, const Fact &f)
{
    switch (static_cast<WrittenDependency::Kind>(kind)) {
    case WrittenDependency::Kind::IfBlock:
        return "if";
    case WrittenDependency::Kind::VisibleIf:
        return "visible if";
    case WrittenDependency::Kind::PromptIf:
        return "prompt if";
    default:
        (void)f;
        return "depends on";
    }
}

std::string valueText(const std::string &v)
{
    return v.empty() ? std::string("\"\"") : v;
}

std::string userText(const std::string &v)
{
    return v.empty() ? std::string("unset") : v;
}

const char *choiceStepText(int step)
{
    switch (static_cast<ValueDerivation::ChoiceStep>(step)) {
    case ValueDerivation::ChoiceStep::UserY:
        return "the member set to y";
    case ValueDerivation::ChoiceStep::Default:
        return "the choice's default";
    case ValueDerivation::ChoiceStep::FirstUnset:
        return "the first visible member without a value";
    case ValueDerivation::ChoiceStep::LastVisible:
        return "the last visible member";
    default:
        return "no member";
    }
}

// Greedy word wrap with a first-line and a continuation indent.
std::string wrap(const std::string &text, int indent, int width)
{
    std::string out;
    std::string line(static_cast<std::size_t>(indent), ' ');
    bool empty = true;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find(' ', pos);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(pos, end - pos);
        pos = end + 1;
        if (word.empty()) continue;
        if (!empty && static_cast<int>(line.size() + 1 + word.size()) > width) {
            out += line + '\n';
            line.assign(static_cast<std::size_t>(indent), ' ');
            empty = true;
        }
        if (!empty) line += ' ';
        line += word;
        empty = false;
    }
    if (!empty) out += line + '\n';
    return out;
}

std::string jsonEscape(const std::string &s)
{
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += c;
            }
        }
    }
    return out + '"';
}

const char *kindName(Fact::Kind k)
{
    switch (k) {
    case Fact::Kind::UserValue:
        return "user-value";
    case Fact::Kind::UserCapped:
        return "user-value-capped";
    case Fact::Kind::UserIgnored:
        return "user-value-ignored";
    case Fact::Kind::Visibility:
        return "visibility";
    case Fact::Kind::DirectDependency:
        return "direct-dependency";
    case Fact::Kind::WrittenLine:
        return "dependency-line";
    case Fact::Kind::Default:
        return "default";
    case Fact::Kind::SkippedDefault:
        return "skipped-default";
    case Fact::Kind::NoDefault:
        return "no-default";
    case Fact::Kind::Implied:
        return "implied";
    case Fact::Kind::ImplyTerm:
        return "implied-by";
    case Fact::Kind::Selected:
        return "selected";
    case Fact::Kind::SelectTerm:
        return "selected-by";
    case Fact::Kind::Locked:
        return "locked";
    case Fact::Kind::BoolPromotion:
        return "bool-promotion";
    case Fact::Kind::ChoiceSelection:
        return "choice";
    case Fact::Kind::RangeClamp:
        return "range-clamp";
    case Fact::Kind::Unmet:
        return "unmet-dependency";
    case Fact::Kind::Undefined:
        return "undefined";
    case Fact::Kind::Transitional:
        return "transitional";
    case Fact::Kind::Requirement:
        return "requirement";
    case Fact::Kind::Edit:
        return "edit";
    }
    return "fact";
}

} // namespace

std::string exprWithValues(const Expr *e, const ValueSource &values, const SentenceMarkup &m)
{
    std::string out;
    printExpr(e, [&](const Symbol *sym, std::string_view text) {
        if (!sym || sym->isConst() || sym->type == SymbolType::Unknown) {
            out += m.text(std::string(text));
            return;
        }
        out += m.symbol(sym) + m.text(" [=" + values.string(sym) + ']');
    });
    return out;
}

std::string exprPlain(const Expr *e, const SentenceMarkup &m)
{
    std::string out;
    printExpr(e, [&](const Symbol *sym, std::string_view text) {
        out += sym && !sym->isConst() && sym->type != SymbolType::Unknown
                   ? m.symbol(sym)
                   : m.text(std::string(text));
    });
    return out;
}

std::string stateChangeText(const SymbolSnapshot &b, const SymbolSnapshot &a)
{
    std::string s;
    if (b.value != a.value)
        s = valueText(b.value) + " -> " + valueText(a.value);
    else
        s = "stays " + valueText(a.value);
    if ((b.visible == Tristate::No) != (a.visible == Tristate::No))
        s += a.visible == Tristate::No ? ", now hidden" : ", now visible";
    else if (b.changeable != a.changeable && a.visible != Tristate::No)
        s += a.changeable ? ", no longer locked" : ", now locked";
    else if (b.visible != a.visible && b.value == a.value)
        s += a.visible == Tristate::Mod ? ", now limited to m" : ", can now be y";
    // A select that starts or stops reaching the symbol moves its lower limit.
    if (b.revDep != a.revDep)
        s += a.revDep == Tristate::No ? ", no longer selected"
             : b.revDep == Tristate::No
                 ? ", now selected (at least " + tri(a.revDep) + ")"
                 : ", now selected at " + tri(a.revDep) + " (was " + tri(b.revDep) + ")";
    if (b.written != a.written && b.value == a.value)
        s += a.written ? ", now written to .config" : ", no longer written to .config";
    return s;
}

namespace {

// A select or imply whose term is lower than its selector and its 'if'
// allow: the selector's own dependency lines (part of the condition) that
// hold it down, e.g. "; VFIO_CONTAINER's 'if VFIO' (drivers/vfio/Kconfig:16)
// is m".
std::string selectorLimits(const Fact &f, const ValueSource &now, const SentenceMarkup &m)
{
    const Property *p = f.property;
    if (!p || !p->menu || !f.symbol) return {};
    const Tristate own =
        triAnd(now.tri(f.symbol), p->ownCondition ? now.evaluate(p->ownCondition) : Tristate::Yes);
    if (f.after >= own) return {};
    std::string out;
    for (const WrittenDependency &wd : writtenDependencies(p->menu, false)) {
        const Tristate v = now.evaluate(wd.expr);
        if (v >= own) continue;
        out += out.empty() ? m.text("; ") + m.symbol(f.symbol) + m.text("'s ") : m.text(", ");
        out += m.text("'") +
               m.code(m.text(lineKeyword(static_cast<int>(wd.kind), f) + ' ') +
                      exprPlain(wd.expr, m)) +
               m.text("'");
        if (wd.location.isValid()) out += m.text(" (") + m.location(wd.location) + m.text(")");
        out += m.text(" is " + tri(v));
    }
    return out;
}

} // namespace

std::string factSentence(const Fact &f, const ValueSource &now, const ValueSource *before,
                         const SentenceMarkup &m)
{
    const bool change = before != nullptr;
    const auto T = [&m](const std::string &s) { return m.text(s); };
    const auto L = [&m, &T](const SourceLocation &l) {
        return l.isValid() ? T(" (") + m.location(l) + T(")") : std::string();
    };
    const auto S = [&m](const Symbol *s) { return m.symbol(s); };
    const auto quote = [&](const std::string &code) { return T("'") + m.code(code) + T("'"); };
    const std::string was =
        change && f.before != f.after ? T(" (was " + tri(f.before) + ")") : std::string();
    switch (f.kind) {
    case Fact::Kind::UserValue:
        if (change && f.detail == 1)
            return T("user value: " + userText(f.valueBefore) + " -> " + userText(f.valueAfter) +
                     '.');
        if (change)
            return T("set by you: " + userText(f.valueBefore) + " -> " + userText(f.valueAfter) +
                     '.');
        if (f.symbol && f.symbol->isTransitional())
            return T("read as " + valueText(f.valueAfter) + " from the loaded .config.");
        return T("set to " + valueText(f.valueAfter) + " by you (or by the loaded .config).");
    case Fact::Kind::UserCapped:
        return T("you set " + tri(f.before) + ", but its prompt is only visible at " +
                 tri(f.after) + ", which caps the value at " + tri(f.after) + '.');
    case Fact::Kind::UserIgnored:
        if (f.detail == 1)
            return T("your value " + valueText(f.valueAfter) +
                     " does not count: it has no prompt, so only its defaults and selects set "
                     "it.");
        return T(
            "your value " + valueText(f.valueAfter) +
            " does not count while the symbol is hidden (it is kept for when it shows again).");
    case Fact::Kind::Visibility:
        if (change)
            return T(
                "its prompt is " +
                std::string(f.after == Tristate::No ? "hidden" : "visible at " + tri(f.after)) +
                " now (was " +
                (f.before == Tristate::No ? std::string("hidden") : "visible at " + tri(f.before)) +
                ").");
        return T(f.after == Tristate::No ? std::string("its prompt is hidden:")
                                         : "its prompt is visible at " + tri(f.after) + ':');
    case Fact::Kind::DirectDependency:
        if (f.detail == 1) // they limit what imply gives
            return T("its direct dependencies are " + tri(f.after) + ", which limits imply to " +
                     tri(f.after) + ":");
        return T("its direct dependencies are " + tri(f.after) + (change ? " now" : "")) + was +
               T(".");
    case Fact::Kind::WrittenLine:
        return quote(T(lineKeyword(f.detail, f) + ' ') + exprPlain(f.expr, m)) + L(f.location) +
               T(" is " + tri(f.after) + (change ? " now" : "")) + was + T(".");
    case Fact::Kind::Default: {
        std::string what = T("default ") + exprPlain(f.expr, m);
        if (f.property && f.property->ownCondition)
            what += T(" if ") + exprPlain(f.property->ownCondition, m);
        what = quote(what) + L(f.location);
        const bool isString = f.property && f.property->menu && f.property->menu->sym &&
                              !f.property->menu->sym->isBoolOrTristate();
        if (change && f.detail == 1) return T("no default applies any more (was ") + what + T(").");
        if (isString)
            return what + T((change ? " now gives " : " gives ") + valueText(f.valueAfter) +
                            (change && f.valueBefore != f.valueAfter
                                 ? " (was " + valueText(f.valueBefore) + ")"
                                 : "") +
                            '.');
        return what + T((change ? " now gives " : " gives ") + tri(f.after)) + was + T(".");
    }
    case Fact::Kind::SkippedDefault:
        return quote(T("default ") + exprPlain(f.property->expr, m) +
                     (f.expr ? T(" if ") + exprWithValues(f.expr, now, m) : std::string())) +
               L(f.location) + T(" does not apply: its condition is n.");
    case Fact::Kind::NoDefault:
        return T("no default applies.");
    case Fact::Kind::Implied:
    case Fact::Kind::Selected:
        return T(std::string(f.kind == Fact::Kind::Selected ? "selected" : "implied") + " at " +
                 tri(f.after) + (change ? " now" : "")) +
               was + T(":");
    case Fact::Kind::SelectTerm:
    case Fact::Kind::ImplyTerm: {
        const bool sel = f.kind == Fact::Kind::SelectTerm;
        if (change && f.after == Tristate::No) {
            std::string code = T(std::string(sel ? "select " : "imply "));
            if (f.property && f.property->targetSymbol()) code += S(f.property->targetSymbol());
            if (f.expr) code += T(" if ") + exprPlain(f.expr, m);
            return quote(code) + T(" in ") + S(f.symbol) + L(f.location) + T(" stopped applying") +
                   selectorLimits(f, now, m) + T(".");
        }
        std::string s = T(sel ? "selected by " : "implied by ") + S(f.symbol) +
                        T(" [=" + now.string(f.symbol) + ']');
        if (f.expr) s += T(" if ") + exprWithValues(f.expr, now, m);
        s += L(f.location);
        if (change && f.before != Tristate::No)
            s += T(", now at " + tri(f.after) + " (was " + tri(f.before) + ")");
        else if (f.after == Tristate::Mod)
            s += T(", at m");
        return s + selectorLimits(f, now, m) + T(".");
    }
    case Fact::Kind::Locked:
        return T("locked: a select holds it at " + tri(f.after) +
                 " and its prompt only allows up to " + tri(f.before) +
                 ", so it cannot be changed.");
    case Fact::Kind::BoolPromotion:
        if (f.detail == 2) return T("MODULES is no longer n, so m stays m.");
        return T(f.detail ? "MODULES is n, so m becomes y." : "bool, so m becomes y.");
    case Fact::Kind::ChoiceSelection:
        return T("the choice " + std::string(change ? "now " : "") + "selects ") +
               (f.symbol ? S(f.symbol) : T("nothing")) +
               T(std::string(", ") + choiceStepText(f.detail) + '.');
    case Fact::Kind::RangeClamp: {
        // As written: 'range 1 MAX'.
        const Expr *r = f.property ? f.property->expr : f.expr;
        const auto bound = [&](const Symbol *b) {
            return b && !b->isConst() && b->type != SymbolType::Unknown ? S(b)
                                                                        : T(b ? b->name : "");
        };
        std::string range = quote(T("range ") + bound(r ? r->sym : nullptr) + T(" ") +
                                  bound(r ? r->rightSym : nullptr)) +
                            L(f.location);
        if (f.detail == 1)
            return range + T(" no longer clamps the value (it was " + f.valueBefore + ").");
        return range + T(" clamps " + f.valueBefore + " to " + f.valueAfter + '.');
    }
    case Fact::Kind::Unmet:
        return T("WARNING: selected at " + tri(f.after) + " although its direct dependencies are " +
                 tri(f.before) + " (conf warns: unmet direct dependencies).");
    case Fact::Kind::Undefined:
        return T("not defined by any Kconfig file: it evaluates to n.");
    case Fact::Kind::Transitional:
        return T("a transitional symbol: read from old configurations, never shown or written.");
    case Fact::Kind::Edit: {
        // valueBefore/valueAfter hold the line as it was and as it is.
        const char *how = f.detail == 0 ? "added" : f.detail == 1 ? "removed" : "changed";
        std::string s = f.detail == 2
                            ? quote(T(f.valueBefore)) + T(" became ") + quote(T(f.valueAfter))
                            : quote(T(f.detail == 1 ? f.valueBefore : f.valueAfter));
        if (f.symbol) s += T(" in ") + S(f.symbol);
        s += T(std::string(" was ") + (f.detail == 2 ? "edited" : how));
        if (f.location.isValid()) s += T(" (") + m.location(f.location) + T(")");
        if (f.detail != 1 && f.after != Tristate::No)
            s += T(", and applies (" + tri(f.after) + ")");
        return s + T(".");
    }
    case Fact::Kind::Requirement: {
        std::string where = L(f.location);
        if (f.detail & Fact::Settable) where += T(", you can set it");
        if (f.symbol && f.symbol->type == SymbolType::Unknown)
            where += T(", but no Kconfig file defines it");
        switch (f.detail & ~Fact::Settable) {
        case 4:
            return S(f.symbol) + T(" has no prompt: only its defaults and selects set it") +
                   T(f.children.empty() ? "." : "; it would take one of these selects:");
        case 7: {
            // A select that could set it, with what it needs below.
            std::string code = T("select ");
            if (f.property && f.property->targetSymbol()) code += S(f.property->targetSymbol());
            if (f.expr) code += T(" if ") + exprWithValues(f.expr, now, m);
            return quote(code) + T(" in ") + S(f.symbol) + T(" [=" + now.string(f.symbol) + "]") +
                   where + T(f.children.empty() ? "." : ", which needs:");
        }
        case 8:
            return T("... and " + f.valueAfter + " more selects.");
        case 5:
            return T("either through its prompt") + where + T(":");
        case 6:
            return T("or through its prompt") + where + T(":");
        case 0:
            return T("needs ") + S(f.symbol) +
                   T(" >= " + tri(f.after) + " (now " + tri(f.before) + ")") + where + T(".");
        case 1:
            return T("needs ") + S(f.symbol) +
                   T(" <= " + tri(f.after) + " (now " + tri(f.before) + ")") + where + T(".");
        case 3:
            return S(f.symbol) + T(" [=" + now.string(f.symbol) + "] must stop selecting it") +
                   (f.expr ? T(" (if ") + exprWithValues(f.expr, now, m) + T(")") : std::string()) +
                   where + T(".");
        default:
            // The alternatives of an 'A || B' are listed below it.
            return T("needs ") + quote(exprWithValues(f.expr, now, m)) +
                   T(" to be " + tri(f.after) + " (now " + tri(f.before) + ")") + where +
                   T(f.expr && f.expr->type == ExprType::Or && !f.children.empty() ? ", one of:"
                                                                                   : ".");
        }
    }
    }
    return {};
}

ReasonLine reasonLine(const Fact &f, const ValueSource &now, const ValueSource *before,
                      const SentenceMarkup &m)
{
    const bool group = f.kind == Fact::Kind::Visibility || f.kind == Fact::Kind::Selected ||
                       f.kind == Fact::Kind::Implied || f.kind == Fact::Kind::DirectDependency;
    if (group && f.children.size() == 1) {
        // One line says it all: print it without the summary above it.
        std::string sentence = factSentence(f.children.front(), now, before, m);
        if (f.kind == Fact::Kind::Visibility && f.detail && !sentence.empty()) {
            sentence.pop_back();
            sentence += m.text(f.detail == 1 ? ", which caps your " + f.valueAfter + " at " +
                                                   tri(f.after) + '.'
                                             : ", so your " + f.valueAfter + " applies again.");
        }
        if (f.kind == Fact::Kind::DirectDependency && f.detail == 1 && !before &&
            !sentence.empty()) {
            sentence.pop_back();
            sentence += m.text(", which limits imply to " + tri(f.after) + '.');
        }
        return ReasonLine{sentence, &f.children.front().children};
    }
    std::string sentence = factSentence(f, now, before, m);
    if (f.kind == Fact::Kind::Visibility && f.detail == 1)
        sentence += m.text(" This caps your " + f.valueAfter + " at " + tri(f.after) + '.');
    return ReasonLine{sentence, &f.children};
}

std::string reasonSummary(const Fact &f, const ValueSource &now, const ValueSource *before,
                          const SentenceMarkup &m)
{
    const ReasonLine rl = reasonLine(f, now, before, m);
    if (rl.children->empty() || (f.kind != Fact::Kind::Selected && f.kind != Fact::Kind::Implied))
        return rl.sentence;
    // Several selectors: name the first, count the rest.
    std::string first = factSentence(rl.children->front(), now, before, m);
    if (!first.empty() && first.back() == '.') first.pop_back();
    const std::size_t more = rl.children->size() - 1;
    return first + m.text(" (and " + std::to_string(more) + " more).");
}

namespace {

struct Renderer
{
    ExplanationFormat format;
    int width;
    std::string out;

    void line(const std::string &sentence, int depth)
    {
        if (format == ExplanationFormat::Markdown)
            out += std::string(static_cast<std::size_t>(2 * depth), ' ') + "- " + sentence + '\n';
        else
            out += wrap(sentence, 2 * depth, width);
    }

    void facts(const std::vector<Fact> &list, int depth, const ValueSource &now,
               const ValueSource *before)
    {
        for (const Fact &f : list) {
            if (f.kind == Fact::Kind::UserValue && before && f.detail != 1)
                continue; // shown in the header as "(set by you)"
            const ReasonLine rl = reasonLine(f, now, before);
            line(rl.sentence, depth);
            facts(*rl.children, depth + 1, now, before);
        }
    }
};

void factJson(std::string &out, const Fact &f, const ValueSource &now, const ValueSource *before)
{
    out += "{\"kind\":" + jsonEscape(kindName(f.kind));
    if (f.symbol) out += ",\"symbol\":" + jsonEscape(f.symbol->displayName());
    if (f.expr) out += ",\"expression\":" + jsonEscape(exprToString(f.expr));
    if (f.location.isValid()) out += ",\"location\":" + jsonEscape(f.location.toString());
    out += ",\"value\":" + jsonEscape(tri(f.after));
    if (before) out += ",\"valueBefore\":" + jsonEscape(tri(f.before));
    out += ",\"text\":" + jsonEscape(factSentence(f, now, before));
    if (!f.causes.empty()) {
        out += ",\"causes\":[";
        for (std::size_t i = 0; i < f.causes.size(); ++i)
            out += (i ? "," : "") + jsonEscape(f.causes[i]->displayName());
        out += ']';
    }
    if (!f.children.empty()) {
        out += ",\"children\":[";
        for (std::size_t i = 0; i < f.children.size(); ++i) {
            if (i) out += ',';
            factJson(out, f.children[i], now, before);
        }
        out += ']';
    }
    out += '}';
}

} // namespace

std::string renderChangeReport(const ChangeReport &report, Config &config, ExplanationFormat format,
                               int width)
{
    return renderChangeReport(report, CurrentValues(config), format, width);
}

std::string renderChangeReport(const ChangeReport &report, const ValueSource &now,
                               ExplanationFormat format, int width)
{
    const ValueSource *before = report.before.get();
    if (format == ExplanationFormat::Json) {
        std::string out = "{\"action\":" + jsonEscape(report.description);
        if (report.subject) out += ",\"subject\":" + jsonEscape(report.subject->displayName());
        out += ",\"changes\":[";
        for (std::size_t i = 0; i < report.nodes.size(); ++i) {
            const auto &n = report.nodes[i];
            out +=
                (i ? ",{" : "{") + std::string("\"symbol\":") + jsonEscape(n.symbol->displayName());
            out += ",\"before\":" + jsonEscape(n.before.value) +
                   ",\"after\":" + jsonEscape(n.after.value);
            out += ",\"changeableBefore\":" + std::string(n.before.changeable ? "true" : "false");
            out += ",\"changeableAfter\":" + std::string(n.after.changeable ? "true" : "false");
            out += ",\"visibleBefore\":" + jsonEscape(tri(n.before.visible));
            out += ",\"visibleAfter\":" + jsonEscape(tri(n.after.visible));
            out += ",\"summary\":" + jsonEscape(stateChangeText(n.before, n.after));
            out += ",\"causes\":[";
            for (std::size_t c = 0; c < n.causes.size(); ++c)
                out += (c ? "," : "") + jsonEscape(n.causes[c]->displayName());
            out += "],\"reasons\":[";
            for (std::size_t r = 0; r < n.reasons.size(); ++r) {
                if (r) out += ',';
                factJson(out, n.reasons[r], now, before);
            }
            out += "]}";
        }
        return out + "]}\n";
    }

    Renderer r{format, width, {}};
    if (report.nodes.empty()) {
        r.line(report.description + ": nothing else changed.", 0);
        return r.out;
    }
    // Each node under its first cause that was placed before it.
    std::map<const Symbol *, std::size_t> order;
    for (std::size_t i = 0; i < report.nodes.size(); ++i)
        order[report.nodes[i].symbol] = i;
    std::map<const Symbol *, std::vector<const ChangeReport::Node *>> children;
    std::vector<const ChangeReport::Node *> roots;
    for (std::size_t i = 0; i < report.nodes.size(); ++i) {
        const auto &n = report.nodes[i];
        const Symbol *parent = nullptr;
        for (const Symbol *c : n.causes) {
            auto it = order.find(c);
            if (it != order.end() && it->second < i) {
                parent = c;
                break;
            }
        }
        if (!parent && !n.isSubject && report.subject && !order.count(report.subject) &&
            std::find(n.causes.begin(), n.causes.end(), report.subject) != n.causes.end())
            parent = nullptr; // the subject did not change itself: a top-level effect
        if (parent)
            children[parent].push_back(&n);
        else
            roots.push_back(&n);
    }
    if (!report.subject || !order.count(report.subject)) r.line(report.description, 0);
    std::function<void(const ChangeReport::Node *, int, const Symbol *)> emit =
        [&](const ChangeReport::Node *n, int depth, const Symbol *parent) {
            const std::string name = format == ExplanationFormat::Markdown
                                         ? "**" + n->symbol->displayName() + "**"
                                         : n->symbol->displayName();
            r.line(name + ": " + stateChangeText(n->before, n->after) +
                       (n->isSubject ? " (set by you)" : ""),
                   depth);
            r.facts(n->reasons, depth + 1, now, before);
            std::vector<std::string> also;
            for (const Symbol *c : n->causes)
                if (c != parent && c != n->symbol) also.push_back(c->displayName());
            if (parent && !also.empty()) {
                std::string s = "also because of ";
                for (std::size_t i = 0; i < also.size(); ++i)
                    s += (i ? (i + 1 == also.size() ? " and " : ", ") : "") + also[i];
                r.line(s + '.', depth + 1);
            }
            for (const auto *child : children[n->symbol])
                emit(child, depth + 1, n->symbol);
        };
    const int base = (!report.subject || !order.count(report.subject)) ? 1 : 0;
    for (const auto *n : roots)
        emit(n, base, nullptr);
    return r.out;
}

namespace {

// A list item: "- " after the indent, continuation lines under the text.
std::string wrapItem(const std::string &text, int indent, int width)
{
    std::string out = wrap(text, indent + 2, width);
    if (out.size() >= static_cast<std::size_t>(indent + 2))
        out.replace(static_cast<std::size_t>(indent), 2, "- ");
    return out;
}

} // namespace

std::string renderRequirements(const Symbol *sym, Tristate wanted,
                               const std::vector<Fact> &requirements, Config &config,
                               ExplanationFormat format, int width)
{
    CurrentValues now(config);
    if (format == ExplanationFormat::Json) {
        std::string out = "{\"symbol\":" + jsonEscape(sym->displayName());
        out += ",\"wanted\":" + jsonEscape(tri(wanted));
        out += ",\"possible\":" + std::string(requirements.empty() ? "true" : "false");
        out += ",\"requirements\":[";
        for (std::size_t i = 0; i < requirements.size(); ++i) {
            if (i) out += ',';
            factJson(out, requirements[i], now, nullptr);
        }
        return out + "]}\n";
    }
    const std::string name = format == ExplanationFormat::Markdown
                                 ? "**" + sym->displayName() + "**"
                                 : sym->displayName();
    if (requirements.empty())
        return wrap(name + " can be set to " + tri(wanted) + " now.", 0, width);
    std::string out = wrap("To set " + name + " to " + tri(wanted) + ":", 0, width);
    std::function<void(const std::vector<Fact> &, int)> emit = [&](const std::vector<Fact> &list,
                                                                   int depth) {
        for (const Fact &f : list) {
            const std::string sentence = factSentence(f, now, nullptr);
            if (format == ExplanationFormat::Markdown)
                out +=
                    std::string(static_cast<std::size_t>(2 * depth), ' ') + "- " + sentence + '\n';
            else
                out += wrapItem(sentence, 2 * depth, width);
            emit(f.children, depth + 1);
        }
    };
    emit(requirements, 0);
    return out;
}

std::string renderSymbolReport(const SymbolReport &report, Config &config, ExplanationFormat format,
                               int width)
{
    CurrentValues now(config);
    const Symbol *sym = report.symbol;
    const ValueDerivation &d = report.derivation;
    if (format == ExplanationFormat::Json) {
        std::string out = "{\"symbol\":" + jsonEscape(sym->displayName());
        out += ",\"type\":" + jsonEscape(symbolTypeName(sym->type));
        out += ",\"value\":" + jsonEscape(report.state.value);
        out += ",\"visible\":" + jsonEscape(tri(report.state.visible));
        out += ",\"selected\":" + jsonEscape(tri(report.state.revDep));
        out += ",\"changeable\":" + std::string(report.state.changeable ? "true" : "false");
        out += ",\"written\":" + std::string(report.state.written ? "true" : "false");
        out += ",\"facts\":[";
        for (std::size_t i = 0; i < report.facts.size(); ++i) {
            if (i) out += ',';
            factJson(out, report.facts[i], now, nullptr);
        }
        return out + "]}\n";
    }
    Renderer r{format, width, {}};
    std::string head = (format == ExplanationFormat::Markdown ? "**" + sym->displayName() + "**"
                                                              : sym->displayName());
    // An undefined symbol's string value is its own name; "= NAME" would
    // only confuse.
    if (sym->type == SymbolType::Unknown)
        head += " (undefined)";
    else
        head += " = " + valueText(report.state.value) + " (" + symbolTypeName(sym->type) + ")";
    r.line(head, 0);
    if (sym->type != SymbolType::Unknown) {
        std::string status;
        if (sym->isTransitional())
            status = "never shown";
        else if (report.state.visible == Tristate::No)
            status = "hidden";
        else if (!report.state.changeable && !sym->isChoiceValue())
            status = "visible but locked";
        else if (sym->isBoolOrTristate() && !sym->isChoiceValue())
            status =
                "can be set to " +
                std::string(report.state.revDep == Tristate::No ? "n" : tri(report.state.revDep)) +
                " .. " + tri(report.state.visible);
        else
            status = "can be changed";
        if (!report.state.written) status += "; not written to .config";
        r.line(status + '.', 1);
        if (d.modulesOff) r.line("MODULES is n, so this tristate behaves as a bool.", 1);
    }
    r.facts(report.facts, 1, now, nullptr);
    return r.out;
}

std::string renderImpactReport(const ImpactReport &report, ExplanationFormat format, int width,
                               bool details)
{
    const auto editText = [](const DefinitionEdit &e) {
        std::string s = e.symbol.empty() ? std::string() : e.symbol + ": ";
        if (e.kind == DefinitionEdit::Kind::Changed)
            s += "'" + e.before + "' became '" + e.after + "'";
        else
            s += "'" + (e.kind == DefinitionEdit::Kind::Added ? e.after : e.before) + "' " +
                 (e.kind == DefinitionEdit::Kind::Added ? "added" : "removed");
        if (e.location.isValid()) s += " (" + e.location.toString() + ")";
        return s;
    };
    if (format == ExplanationFormat::Json) {
        std::string out = "{\"edits\":[";
        for (std::size_t i = 0; i < report.edits.size(); ++i) {
            const DefinitionEdit &e = report.edits[i];
            out += (i ? "," : "") + std::string("{\"symbol\":") + jsonEscape(e.symbol) +
                   ",\"kind\":" +
                   jsonEscape(e.kind == DefinitionEdit::Kind::Added     ? "added"
                              : e.kind == DefinitionEdit::Kind::Removed ? "removed"
                                                                        : "changed") +
                   ",\"what\":" + jsonEscape(e.what) + ",\"before\":" + jsonEscape(e.before) +
                   ",\"after\":" + jsonEscape(e.after) +
                   ",\"location\":" + jsonEscape(e.location.toString()) + '}';
        }
        out += "],\"baselines\":[";
        for (std::size_t bi = 0; bi < report.baselines.size(); ++bi) {
            const BaselineImpact &b = report.baselines[bi];
            CurrentValues now(*b.configAfter);
            out += (bi ? "," : "") + std::string("{\"baseline\":") + jsonEscape(b.baseline.name) +
                   ",\"values\":" + std::to_string(b.values) +
                   ",\"visibility\":" + std::to_string(b.visibility) +
                   ",\"writability\":" + std::to_string(b.writability) + ",\"newWarnings\":[";
            for (std::size_t i = 0; i < b.newWarnings.size(); ++i)
                out += (i ? "," : "") + jsonEscape(b.newWarnings[i]);
            out += "],\"changes\":[";
            for (std::size_t ci = 0; ci < b.changes.size(); ++ci) {
                const ImpactChange &c = b.changes[ci];
                out += (ci ? "," : "") + std::string("{\"symbol\":") + jsonEscape(c.symbol) +
                       ",\"before\":" + jsonEscape(c.before.value) +
                       ",\"after\":" + jsonEscape(c.after.value) +
                       ",\"summary\":" + jsonEscape(stateChangeText(c.before, c.after)) +
                       ",\"causes\":[";
                for (std::size_t k = 0; k < c.causes.size(); ++k)
                    out += (k ? "," : "") + jsonEscape(c.causes[k]);
                out += "],\"reasons\":[";
                for (std::size_t k = 0; k < c.reasons.size(); ++k) {
                    if (k) out += ',';
                    factJson(out, c.reasons[k], now, b.valuesBefore.get());
                }
                out += "]}";
            }
            out += "]}";
        }
        return out + "]}\n";
    }

    std::string out;
    const bool md = format == ExplanationFormat::Markdown;
    const auto line = [&](const std::string &text, int depth) {
        if (md)
            out += std::string(static_cast<std::size_t>(2 * depth), ' ') + "- " + text + '\n';
        else
            out += wrap(text, 2 * depth, width);
    };
    out += md ? "### Edits\n\n" : "Edits:\n";
    if (report.edits.empty()) line("none: the edited tree defines every symbol the same way.", 1);
    for (const DefinitionEdit &e : report.edits)
        line(editText(e), md ? 0 : 1);
    for (const BaselineImpact &b : report.baselines) {
        std::string head = "Baseline " + b.baseline.name + ": ";
        if (b.changes.empty() && b.newWarnings.empty())
            head += "no change.";
        else
            head += std::to_string(b.changes.size()) +
                    (b.changes.size() == 1 ? " symbol: " : " symbols: ") +
                    std::to_string(b.values) + " value, " + std::to_string(b.visibility) +
                    " visibility and " + std::to_string(b.writability) + " writability changes" +
                    (b.newWarnings.empty() ? std::string(".")
                                           : "; " + std::to_string(b.newWarnings.size()) +
                                                 " new unmet-dependency warnings.");
        out += md ? "\n### " + head + "\n\n" : "\n" + head + '\n';
        CurrentValues now(*b.configAfter);
        const ValueSource *before = b.valuesBefore.get();
        for (const ImpactChange &c : b.changes) {
            std::string h =
                (md ? "**" + c.symbol + "**" : c.symbol) + ": " +
                (c.existsAfter ? (c.existedBefore ? stateChangeText(c.before, c.after)
                                                  : "new symbol, " + valueText(c.after.value))
                               : "no longer defined (was " + valueText(c.before.value) + ")");
            line(h, md ? 0 : 1);
            if (!details) continue;
            Renderer r{format, width, {}};
            if (before) r.facts(c.reasons, md ? 1 : 2, now, before);
            out += r.out;
            if (!c.causes.empty() && c.edits.empty()) {
                std::string s = "Caused by the change to ";
                for (std::size_t i = 0; i < c.causes.size(); ++i)
                    s += (i ? (i + 1 == c.causes.size() ? " and " : ", ") : "") + c.causes[i];
                line(s + ".", md ? 1 : 2);
            }
        }
        for (const std::string &w : b.newWarnings)
            line("new warning: unmet direct dependencies detected for " + w, md ? 0 : 1);
        for (const std::string &w : b.goneWarnings)
            line("warning gone: " + w, md ? 0 : 1);
    }
    return out;
}

} // namespace kconfig
