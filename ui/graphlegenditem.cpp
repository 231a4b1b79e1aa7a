// SPDX-License-Identifier: MIT
#include "graphlegenditem.h"

#include "graphpainter.h"

#include <kconfig/graphstyle.h>

#include <QFontMetricsF>
#include <QPainter>

using namespace kconfig;

namespace {

constexpr qreal kPad = 10;
constexpr qreal kSample = 38; // length of an edge sample / width of a node sample
constexpr qreal kGap = 8;
constexpr qreal kColumnGap = 22;

struct NodeRow
{
    NodeTone tone;
    QString value;
    QString text;
    enum Mark
    {
        None,
        Lock,
        Dashed,
        Dotted,
        Focus,
        Changed
    } mark = None;
};

QString kindText(DependencyKind k)
{
    return QString::fromLatin1(dependencyKindName(k));
}

} // namespace

GraphLegendItem::GraphLegendItem(Content content) : m_content(std::move(content))
{
    const QFontMetricsF m(GraphPainter::captionFont());
    const qreal row = m.height() + 4;
    const qreal edgeRows = static_cast<qreal>(m_content.kinds.size() + (m_content.stopped ? 1 : 0) +
                                              m_content.inactive.size());
    const qreal nodeRows = 7 + (m_content.more ? 1 : 0) + (m_content.changed ? 1 : 0);
    const qreal height = kPad * 2 + row * (1 + qMax(edgeRows + 1, nodeRows));
    // Widest texts of each column decide the width.
    const qreal edgeText = edgeColumnWidth(m);
    const qreal nodeText = m.horizontalAdvance(tr("no visible prompt (hidden)")) + 10;
    m_size = QSizeF(kPad * 2 + kSample + kGap + edgeText + kColumnGap + kSample + kGap + nodeText,
                    height);
    setZValue(2);
}

QString GraphLegendItem::inactiveText(DependencyKind kind)
{
    return tr("%1, not in effect now").arg(kindText(kind));
}

qreal GraphLegendItem::edgeColumnWidth(const QFontMetricsF &m) const
{
    qreal w = m.horizontalAdvance(tr("select … stopped applying"));
    for (DependencyKind k : m_content.inactive)
        w = qMax(w, m.horizontalAdvance(inactiveText(k)));
    return w + 10;
}

QRectF GraphLegendItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size);
}

void GraphLegendItem::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(QColor(0xb0, 0xb0, 0xb0), 1));
    p->setBrush(QColor(255, 255, 255, 240));
    p->drawRoundedRect(boundingRect().adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);

    const QFont font = GraphPainter::captionFont();
    const QFontMetricsF m(font);
    const qreal row = m.height() + 4;
    const QColor textColour(0x30, 0x30, 0x30);
    p->setFont(GraphPainter::nameFont());
    p->setPen(textColour);
    p->drawText(QRectF(kPad, kPad, m_size.width(), row), Qt::AlignLeft | Qt::AlignVCenter,
                tr("Legend"));

    // Edges: one sample line per kind.
    p->setFont(font);
    qreal y = kPad + row;
    p->setPen(textColour);
    p->drawText(QRectF(kPad, y, m_size.width(), row), Qt::AlignLeft | Qt::AlignVCenter,
                m_content.causeGraph ? tr("cause \u2192 effect, by rule:")
                                     : tr("A \u2192 B: A's entry names B in"));
    y += row;
    const auto edgeRow = [&](DependencyKind kind, bool stopped, const QString &text,
                             bool inactive = false) {
        const qreal mid = y + row / 2;
        const QPen pen = GraphPainter::edgePen(kind, stopped, inactive);
        p->setPen(pen);
        p->drawLine(QPointF(kPad, mid), QPointF(kPad + kSample - GraphPainter::ArrowLength, mid));
        GraphPainter::drawArrowHead(p, QPointF(kPad, mid), QPointF(kPad + kSample, mid), kind,
                                    pen.color());
        p->setPen(textColour);
        p->drawText(QRectF(kPad + kSample + kGap, y, m_size.width(), row),
                    Qt::AlignLeft | Qt::AlignVCenter, text);
        y += row;
    };
    for (DependencyKind k : m_content.kinds)
        edgeRow(k, false, kindText(k));
    if (m_content.stopped) edgeRow(DependencyKind::Select, true, tr("select … stopped applying"));
    for (DependencyKind k : m_content.inactive)
        edgeRow(k, false, inactiveText(k), true);

    // Nodes: the value colours and the marks.
    const qreal x = kPad + kSample + kGap + edgeColumnWidth(m) + kColumnGap;
    std::vector<NodeRow> rows = {
        {NodeTone::Yes, QStringLiteral("y"), tr("built in (y)")},
        {NodeTone::Mod, QStringLiteral("m"), tr("module (m)")},
        {NodeTone::No, QStringLiteral("n"), tr("off (n)")},
        {NodeTone::Value, QStringLiteral("64"), tr("number or text")},
        {NodeTone::Yes, QStringLiteral("y"), tr("locked by a select"), NodeRow::Lock},
        {NodeTone::No, QStringLiteral("n"), tr("no visible prompt (hidden)"), NodeRow::Dashed},
        {NodeTone::No, QStringLiteral("n"),
         m_content.causeGraph ? tr("the symbol you set") : tr("the symbol in focus"),
         NodeRow::Focus},
    };
    if (m_content.changed)
        rows.push_back({NodeTone::Mod, QStringLiteral("m"), tr("changed by the last action"),
                        NodeRow::Changed});
    if (m_content.more)
        rows.push_back(
            {NodeTone::More, QStringLiteral("+N"), tr("more, not shown"), NodeRow::Dotted});
    y = kPad + row;
    for (const NodeRow &r : rows) {
        const ToneColours c = toneColours(r.tone);
        const QRectF box(x, y + 2, kSample, row - 4);
        if (r.mark == NodeRow::Focus || r.mark == NodeRow::Changed) {
            p->setPen(QPen(
                GraphPainter::colour(r.mark == NodeRow::Focus ? focusColour() : changedColour()),
                2.5));
            p->setBrush(Qt::NoBrush);
            p->drawRoundedRect(box.adjusted(-1.5, -1.5, 1.5, 1.5), 4, 4);
        }
        QPen outline(GraphPainter::colour(c.border), 1.2);
        if (r.mark == NodeRow::Dashed) outline.setDashPattern({4, 2.5});
        if (r.mark == NodeRow::Dotted) outline.setDashPattern({1.5, 2.5});
        p->setPen(outline);
        p->setBrush(GraphPainter::colour(c.fill));
        p->drawRoundedRect(box, 3, 3);
        p->setPen(GraphPainter::colour(c.text));
        if (r.mark == NodeRow::Lock) {
            p->drawText(box.adjusted(0, 0, -12, 0), Qt::AlignCenter, r.value);
            GraphPainter::drawLock(p, QRectF(box.right() - 13, box.top() + 2, 8, box.height() - 4),
                                   GraphPainter::colour(c.border));
        } else {
            p->drawText(box, Qt::AlignCenter, r.value);
        }
        p->setPen(textColour);
        p->drawText(QRectF(x + kSample + kGap, y, m_size.width(), row),
                    Qt::AlignLeft | Qt::AlignVCenter, r.text);
        y += row;
    }
}
