// SPDX-License-Identifier: MIT
// A symbol in a graph picture: its name, a short prompt and its value on a
// box coloured by the value (the value is always written too). Locked
// symbols carry a padlock, symbols without a visible prompt a dashed outline,
// the focus a thick ring, symbols the last action changed an orange ring.
// "+N more" nodes stand for the neighbours a group does not show.
#pragma once

#include <kconfig/dependencygraph.h>

#include <QCoreApplication>
#include <QGraphicsItem>

#include <memory>

class GraphScene;

class GraphNodeItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(GraphNodeItem)

public:
    struct Text; // where each piece of text goes (computed once: painting is hot)

    // `node` must outlive the item (it lives in the GraphScene's graph).
    GraphNodeItem(int index, const kconfig::GraphNode *node, bool showChange);
    ~GraphNodeItem() override;

    // The box size for `node` (what the layout engine is given).
    static QSizeF sizeFor(const kconfig::GraphNode &node, bool showChange);

    int index() const { return m_index; }
    const kconfig::GraphNode &node() const { return *m_node; }
    QRectF box() const { return m_box; }
    // Changed by the last action.
    void setHighlighted(bool on);
    bool isHighlighted() const { return m_highlighted; }
    // The symbol selected in the window.
    void setCurrent(bool on);
    bool isCurrent() const { return m_current; }
    // Re-reads the node's state (values changed, same size).
    void refresh();

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    GraphScene *graphScene() const;
    QString toolTipText() const;

    int m_index;
    const kconfig::GraphNode *m_node;
    bool m_showChange;
    bool m_highlighted = false;
    bool m_current = false;
    bool m_hovered = false;
    QRectF m_box;
    std::unique_ptr<Text> m_text;
};
