// SPDX-License-Identifier: MIT
#include "graphtext.h"

#include <kconfig/exprprinter.h>
#include <kconfig/graphstyle.h>
#include <kconfig/symbol.h>

using namespace kconfig;

namespace kcstest {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString nodeName(const GraphNode &n)
{
    if (n.kind == GraphNode::Kind::More)
        return qs(n.name()) + QStringLiteral(" (") + qs(nodeCaption(n)) + QLatin1Char(')');
    return qs(n.name());
}

QString lineKeyword(WrittenDependency::Kind k)
{
    using K = WrittenDependency::Kind;
    switch (k) {
    case K::DependsOn:
        return QStringLiteral("depends on");
    case K::IfBlock:
        return QStringLiteral("if");
    case K::MenuDependsOn:
        return QStringLiteral("menu depends on");
    case K::ChoiceDependsOn:
        return QStringLiteral("choice depends on");
    case K::VisibleIf:
        return QStringLiteral("visible if");
    case K::PromptIf:
        return QStringLiteral("prompt if");
    }
    return {};
}

} // namespace

QStringList graphLines(const DependencyGraph &graph)
{
    QStringList lines;
    for (const GraphNode &n : graph.nodes) {
        QString line = QStringLiteral("node ") + nodeName(n) + QStringLiteral(" d=") +
                       QString::number(n.distance);
        if (n.isFocus) line += QStringLiteral(" focus");
        if (n.incomplete) line += QStringLiteral(" incomplete");
        lines << line;
    }
    for (const GraphEdge &e : graph.edges) {
        QString line =
            QStringLiteral("edge ") + nodeName(graph.nodes[static_cast<std::size_t>(e.from)]) +
            QStringLiteral(" -> ") + nodeName(graph.nodes[static_cast<std::size_t>(e.to)]) +
            QStringLiteral(": ") + QString::fromLatin1(dependencyKindName(e.kind));
        if (!e.label.empty()) line += QStringLiteral(" \"") + qs(e.label) + QLatin1Char('"');
        if (e.stopped) line += QStringLiteral(" stopped");
        if (e.inactive) line += QStringLiteral(" inactive");
        QStringList where;
        for (const Dependency *d : e.dependencies) {
            QString w = qs(d->location.toString());
            if (d->kind != e.kind)
                w += QStringLiteral(" (") + QString::fromLatin1(dependencyKindName(d->kind)) +
                     QLatin1Char(')');
            where << w;
        }
        if (!where.isEmpty()) line += QStringLiteral(" @ ") + where.join(QStringLiteral(", "));
        lines << line;
    }
    return lines;
}

QStringList indexLines(const DependencyIndex &index)
{
    QStringList lines;
    for (const Dependency &d : index.all()) {
        QString line = qs(d.from->displayName()) + QLatin1Char(' ') +
                       QString::fromLatin1(dependencyKindName(d.kind)) + QLatin1Char(' ') +
                       qs(d.to->displayName()) + QStringLiteral(" @ ") + qs(d.location.toString());
        if (d.kind == DependencyKind::DependsOn || d.kind == DependencyKind::VisibleIf)
            line += QStringLiteral(" via '") + lineKeyword(d.line) + QLatin1Char(' ') +
                    qs(exprToString(d.condition)) + QLatin1Char('\'');
        else if (d.condition)
            line += QStringLiteral(" if ") + qs(exprToString(d.condition));
        lines << line;
    }
    return lines;
}

} // namespace kcstest
