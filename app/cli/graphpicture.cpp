// SPDX-License-Identifier: MIT
// The picture module of kconfig-studio-cli (see graphpicture.h): lays out and
// draws a graph exactly as the window's Graph tab exports it.
#include "graphpicture.h"

#include "graphexport.h"
#include "graphscene.h"

#include <kconfig/graphlayout.h>

#include <QApplication>

#include <optional>

extern "C" __attribute__((visibility("default"))) bool kcsWriteGraphPicture(GraphPictureJob *job)
{
    // Pictures need no display; the application lives for this call only.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    int argc = 1;
    char name[] = "kconfig-studio-cli";
    char *argv[] = {name, nullptr};
    std::optional<QApplication> app;
    if (!QCoreApplication::instance()) app.emplace(argc, argv);

    const kconfig::LayoutRequest request = GraphScene::layoutRequest(*job->graph, job->showChange);
    const kconfig::GraphLayout layout = kconfig::layOutGraph(request);
    if (!layout.ok) {
        job->error = "Graphviz could not lay out the graph";
        return false;
    }
    GraphScene scene;
    scene.setTitle(QString::fromStdString(job->title));
    scene.showGraph(*job->graph, layout, job->showChange);
    QString error;
    const QSize size = job->width > 0 && job->height > 0 ? QSize(job->width, job->height) : QSize();
    const auto format = job->svg ? GraphExport::Format::Svg : GraphExport::Format::Png;
    if (!GraphExport::write(scene, QString::fromStdString(job->path), format, size, &error)) {
        job->error = error.toStdString();
        return false;
    }
    return true;
}
