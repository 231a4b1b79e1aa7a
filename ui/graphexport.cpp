// SPDX-License-Identifier: MIT
#include "graphexport.h"

#include "graphscene.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

QByteArray GraphExport::svg(GraphScene &scene)
{
    const QRectF source = scene.pictureRect();
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(scene.title());
    generator.setDescription(
        QCoreApplication::translate("GraphExport", "Kconfig dependency graph"));
    QPainter painter(&generator);
    scene.render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    painter.end();
    return data;
}

QImage GraphExport::image(GraphScene &scene, const QSize &size)
{
    const QRectF source = scene.pictureRect();
    QSize target = size;
    if (!target.isValid()) {
        qreal scale = DefaultScale;
        const qreal side = qMax(source.width(), source.height()) * scale;
        if (side > MaxSide) scale *= MaxSide / side;
        target = (source.size() * scale).toSize().expandedTo(QSize(1, 1));
    }
    QImage image(target, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                           QPainter::SmoothPixmapTransform);
    scene.render(&painter, QRectF(QPointF(0, 0), QSizeF(target)), source, Qt::KeepAspectRatio);
    painter.end();
    return image;
}

GraphExport::Format GraphExport::formatFor(const QString &path)
{
    return path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive) ? Format::Svg : Format::Png;
}

bool GraphExport::write(GraphScene &scene, const QString &path, Format format, const QSize &size,
                        QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error) *error = file.errorString();
        return false;
    }
    bool ok;
    if (format == Format::Svg)
        ok = file.write(svg(scene)) >= 0;
    else
        ok = image(scene, size).save(&file, "PNG");
    if (!ok || !file.commit()) {
        if (error) *error = file.errorString();
        return false;
    }
    return true;
}
