// SPDX-License-Identifier: MIT
// Lays out a graph with Graphviz's dot engine (libgvc): the caller gives node
// and edge-label sizes, and gets back node positions and edge splines to draw
// itself. No Qt; safe to call from any thread (Graphviz calls are serialised
// because the library keeps global state).
#pragma once

#include <vector>

namespace kconfig {

struct LayoutPoint
{
    double x = 0;
    double y = 0;
};

struct LayoutRequest
{
    struct Node
    {
        double width = 0; // points
        double height = 0;
    };
    struct Edge
    {
        int from = -1;
        int to = -1;
        double labelWidth = 0; // 0: no label
        double labelHeight = 0;
    };
    enum class Direction
    {
        LeftToRight,
        TopToBottom
    };

    std::vector<Node> nodes;
    std::vector<Edge> edges;
    Direction direction = Direction::LeftToRight;
    double nodeSeparation = 14; // points between nodes of a rank
    double rankSeparation = 48; // points between ranks
};

// Coordinates in points, origin at the top left, y pointing down.
struct GraphLayout
{
    struct EdgePath
    {
        // A cubic Bézier chain: start, then three points per segment.
        std::vector<LayoutPoint> points;
        bool hasArrow = false;
        LayoutPoint arrowTip; // the arrow head runs from points.back() to here
        LayoutPoint labelCentre;
    };

    bool ok = false;
    LayoutRequest::Direction direction = LayoutRequest::Direction::LeftToRight; // as requested
    double width = 0;
    double height = 0;
    std::vector<LayoutPoint> nodeCentres;
    std::vector<EdgePath> edges; // in request order
};

GraphLayout layOutGraph(const LayoutRequest &request);

} // namespace kconfig
