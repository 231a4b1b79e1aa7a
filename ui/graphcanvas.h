// SPDX-License-Identifier: MIT
// The view on a graph picture: drag the background to pan, Ctrl+wheel or
// +/- to zoom (around the pointer), F or the Fit button to fit the picture.
#pragma once

#include <QGraphicsView>

class GraphCanvas : public QGraphicsView
{
    Q_OBJECT
public:
    explicit GraphCanvas(QWidget *parent = nullptr);

    qreal zoom() const { return transform().m11(); }
    void setZoom(qreal factor, const QPointF &anchor = QPointF());

public slots:
    void zoomIn();
    void zoomOut();
    void fitPicture(); // the whole picture, never above 100 %

signals:
    void zoomChanged(qreal factor);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    static constexpr qreal MinZoom = 0.1;
    static constexpr qreal MaxZoom = 4;
    static constexpr qreal Step = 1.2;
};
