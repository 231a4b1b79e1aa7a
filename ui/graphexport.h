// SPDX-License-Identifier: MIT
// Pictures of a GraphScene for documents and mail: SVG (QSvgGenerator) and
// PNG, title line and legend included, on white.
#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

class GraphScene;

class GraphExport
{
public:
    // The whole picture as SVG.
    static QByteArray svg(GraphScene &scene);
    // The picture scaled to fit `size` (centred, aspect kept); an invalid size
    // gives the natural size times DefaultScale (at most MaxSide pixels a side).
    static QImage image(GraphScene &scene, const QSize &size = QSize());
    enum class Format
    {
        Svg,
        Png
    };
    // By the file name's suffix: .svg, else PNG.
    static Format formatFor(const QString &path);
    // `size` is for PNG (see image()).
    static bool write(GraphScene &scene, const QString &path, Format format, const QSize &size,
                      QString *error);

    static constexpr qreal DefaultScale = 1.5;
    static constexpr int MaxSide = 8000;
};
