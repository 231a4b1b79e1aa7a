// SPDX-License-Identifier: MIT
// The interface between kconfig-studio-cli and its picture module: the CLI
// itself links no Qt (the conf-compatible mode stays as lean as conf), and
// loads the module, which draws with the GUI's own GraphScene and export on
// the offscreen platform, only when asked for an SVG or PNG.
#pragma once

#include <kconfig/dependencygraph.h>

#include <string>

struct GraphPictureJob
{
    const kconfig::DependencyGraph *graph = nullptr;
    bool showChange = false; // a cause graph: nodes say how they changed
    std::string title;       // the line above the picture
    std::string path;
    bool svg = false; // else PNG
    int width = 0;    // PNG size in pixels; 0: the natural size
    int height = 0;
    std::string error; // set by the module when it fails
};

// Exported by the module (C linkage, so dlsym finds it by this name).
using WriteGraphPictureFunction = bool (*)(GraphPictureJob *job);
constexpr const char *WriteGraphPictureSymbol = "kcsWriteGraphPicture";
constexpr const char *GraphPictureModuleName = "kconfig-studio-graphpicture.so";
