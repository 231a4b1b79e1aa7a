// SPDX-License-Identifier: MIT
#include "whatifreporthtml.h"

#include "htmlsentencemarkup.h"
#include "whatifimpactjob.h"

#include <kconfig/valuesource.h>

using namespace kconfig;

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString arrows(QString s)
{
    return s.replace(QStringLiteral(" -> "), QStringLiteral(" \u2192 "));
}

// English plurals without a translation catalogue.
QString counted(std::size_t n, const char *one, const char *many)
{
    return QString::number(n) + QLatin1Char(' ') + QLatin1String(n == 1 ? one : many);
}

void factList(const std::vector<Fact> &facts, const ValueSource &now, const ValueSource *before,
              const SentenceMarkup &markup, QString &out)
{
    if (facts.empty()) return;
    out += QStringLiteral("<ul>");
    for (const Fact &f : facts) {
        const ReasonLine line = reasonLine(f, now, before, markup);
        out += QStringLiteral("<li>") + qs(line.sentence);
        factList(*line.children, now, before, markup, out);
        out += QStringLiteral("</li>");
    }
    out += QStringLiteral("</ul>");
}

} // namespace

QString baselineSummary(const BaselineImpact &b)
{
    QString s = qs(b.baseline.name) + QStringLiteral(": ");
    if (b.changes.empty() && b.newWarnings.empty() && b.goneWarnings.empty())
        return s + QObject::tr("no change");
    s += counted(b.changes.size(), "symbol", "symbols") + QStringLiteral(" (") +
         QObject::tr("%1 value, %2 visibility, %3 writability")
             .arg(b.values)
             .arg(b.visibility)
             .arg(b.writability) +
         QLatin1Char(')');
    if (!b.newWarnings.empty())
        s += QStringLiteral("; ") + counted(b.newWarnings.size(), "new warning", "new warnings");
    if (!b.goneWarnings.empty())
        s += QStringLiteral("; ") + counted(b.goneWarnings.size(), "warning gone", "warnings gone");
    return s;
}

QString changeSummary(const ImpactChange &c)
{
    if (!c.existsAfter) return QObject::tr("no longer defined (was %1)").arg(qs(c.before.value));
    if (!c.existedBefore) return QObject::tr("new symbol, %1").arg(qs(c.after.value));
    return arrows(qs(stateChangeText(c.before, c.after)));
}

QString editSentence(const DefinitionEdit &e, const SentenceMarkup &markup)
{
    QString s = e.symbol.empty() ? QString() : qs(e.symbol) + QStringLiteral(": ");
    const auto quoted = [&](const std::string &t) -> QString {
        return QStringLiteral("'") + qs(markup.code(markup.text(t))) + QStringLiteral("'");
    };
    if (e.kind == DefinitionEdit::Kind::Changed)
        s += QObject::tr("%1 became %2").arg(quoted(e.before), quoted(e.after));
    else if (e.kind == DefinitionEdit::Kind::Added)
        s += QObject::tr("%1 added").arg(quoted(e.after));
    else
        s += QObject::tr("%1 removed").arg(quoted(e.before));
    if (e.location.isValid())
        s += QStringLiteral(" (") + qs(markup.location(e.location)) + QLatin1Char(')');
    return s;
}

QString changeReasonsHtml(const BaselineImpact &b, const ImpactChange &c,
                          const SentenceMarkup &markup)
{
    QString out;
    if (!b.configAfter) return out;
    CurrentValues now(*b.configAfter);
    factList(c.reasons, now, b.valuesBefore.get(), markup, out);
    if (!c.causes.empty() && c.edits.empty()) {
        QStringList names;
        for (const std::string &n : c.causes)
            names << qs(n);
        out += QStringLiteral("<p>") +
               QObject::tr("Caused by the change to %1.")
                   .arg(names.join(QStringLiteral(", ")).toHtmlEscaped()) +
               QStringLiteral("</p>");
    }
    return out;
}

QString reportPageHtml(const WhatIfResult &result, const QString &title)
{
    const HtmlSentenceMarkup markup(false);
    QString out = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                                 "<title>%1</title></head><body>\n<h1>%1</h1>\n")
                      .arg(title.toHtmlEscaped());
    out += QStringLiteral("<h2>") + QObject::tr("Edits") + QStringLiteral("</h2>\n<ul>\n");
    if (result.report.edits.empty())
        out += QStringLiteral("<li>") +
               QObject::tr("none: the edited tree defines every symbol the same way.") +
               QStringLiteral("</li>\n");
    for (const DefinitionEdit &e : result.report.edits)
        out += QStringLiteral("<li>") + editSentence(e, markup) + QStringLiteral("</li>\n");
    out += QStringLiteral("</ul>\n");
    for (const BaselineImpact &b : result.report.baselines) {
        out += QStringLiteral("<h2>") + baselineSummary(b).toHtmlEscaped() +
               QStringLiteral("</h2>\n<ul>\n");
        for (const ImpactChange &c : b.changes) {
            out += QStringLiteral("<li><b>") + qs(c.symbol).toHtmlEscaped() +
                   QStringLiteral("</b>: ") + changeSummary(c).toHtmlEscaped();
            out += changeReasonsHtml(b, c, markup) + QStringLiteral("</li>\n");
        }
        for (const std::string &w : b.newWarnings)
            out += QStringLiteral("<li>") +
                   QObject::tr("new warning: unmet direct dependencies detected for %1")
                       .arg(qs(w).toHtmlEscaped()) +
                   QStringLiteral("</li>\n");
        for (const std::string &w : b.goneWarnings)
            out += QStringLiteral("<li>") +
                   QObject::tr("warning gone: %1").arg(qs(w).toHtmlEscaped()) +
                   QStringLiteral("</li>\n");
        out += QStringLiteral("</ul>\n");
    }
    return out + QStringLiteral("</body></html>\n");
}
