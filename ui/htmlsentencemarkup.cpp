// SPDX-License-Identifier: MIT
#include "htmlsentencemarkup.h"

#include <kconfig/symbol.h>

#include <QString>

using namespace kconfig;

std::string HtmlSentenceMarkup::text(const std::string &s) const
{
    return QString::fromStdString(s)
        .toHtmlEscaped()
        .replace(QStringLiteral(" -&gt; "), QStringLiteral(" \u2192 "))
        .toStdString();
}

std::string HtmlSentenceMarkup::symbol(const Symbol *s) const
{
    const std::string name = s->displayName();
    if (!m_links) return QString::fromStdString(name).toHtmlEscaped().toStdString();
    return "<a href=\"sym:" + name + "\">" + name + "</a>";
}

std::string HtmlSentenceMarkup::code(const std::string &markedUp) const
{
    return "<code>" + markedUp + "</code>";
}

std::string HtmlSentenceMarkup::location(const SourceLocation &l) const
{
    if (!m_links) return QString::fromStdString(l.toString()).toHtmlEscaped().toStdString();
    return "<a href=\"src:" + l.toString() + "\">" + l.toString() + "</a>";
}
