// SPDX-License-Identifier: MIT
#include "kconfig/graphlayout.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cstdio>
#include <mutex>
#include <string>

namespace kconfig {

namespace {

std::mutex &graphvizMutex()
{
    static std::mutex m;
    return m;
}

// Created once: loading the plugin configuration is the slow part of a
// context, and Graphviz frees its global state only at exit anyway.
GVC_t *context()
{
    static GVC_t *gvc = gvContext();
    return gvc;
}

std::string inches(double points)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", points / 72.0);
    return buf;
}

std::string number(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

void set(void *obj, const char *name, const std::string &value)
{
    agsafeset(obj, const_cast<char *>(name), const_cast<char *>(value.c_str()),
              const_cast<char *>(""));
}

} // namespace

GraphLayout layOutGraph(const LayoutRequest &request)
{
    GraphLayout out;
    out.direction = request.direction;
    std::lock_guard lock(graphvizMutex());
    GVC_t *gvc = context();
    if (!gvc) return out;

    Agraph_t *g = agopen(const_cast<char *>("g"), Agdirected, nullptr);
    set(g, "rankdir", request.direction == LayoutRequest::Direction::LeftToRight ? "LR" : "TB");
    set(g, "nodesep", inches(request.nodeSeparation));
    set(g, "ranksep", inches(request.rankSeparation));
    set(g, "splines", "spline");
    // Bounded crossing minimisation keeps hubs fast; pictures stay clean.
    set(g, "mclimit", "0.6");
    set(g, "outputorder", "edgesfirst");

    std::vector<Agnode_t *> nodes;
    nodes.reserve(request.nodes.size());
    for (std::size_t i = 0; i < request.nodes.size(); ++i) {
        Agnode_t *n = agnode(g, const_cast<char *>(("n" + std::to_string(i)).c_str()), 1);
        set(n, "shape", "box");
        set(n, "fixedsize", "true");
        set(n, "label", "");
        set(n, "width", inches(request.nodes[i].width));
        set(n, "height", inches(request.nodes[i].height));
        nodes.push_back(n);
    }
    std::vector<Agedge_t *> edges;
    edges.reserve(request.edges.size());
    for (std::size_t i = 0; i < request.edges.size(); ++i) {
        const LayoutRequest::Edge &e = request.edges[i];
        Agedge_t *edge = agedge(g, nodes[static_cast<std::size_t>(e.from)],
                                nodes[static_cast<std::size_t>(e.to)],
                                const_cast<char *>(("e" + std::to_string(i)).c_str()), 1);
        if (e.labelWidth > 0) {
            // An empty table of the measured size: dot keeps room for the
            // label we draw, without measuring text itself.
            const std::string table = "<TABLE FIXEDSIZE=\"TRUE\" BORDER=\"0\" CELLPADDING=\"0\" "
                                      "WIDTH=\"" +
                                      number(e.labelWidth) + "\" HEIGHT=\"" +
                                      number(e.labelHeight) + "\"><TR><TD></TD></TR></TABLE>";
            char *label = agstrdup_html(g, const_cast<char *>(table.c_str()));
            agsafeset(edge, const_cast<char *>("label"), label, const_cast<char *>(""));
            agstrfree(g, label);
        }
        edges.push_back(edge);
    }

    if (gvLayout(gvc, g, "dot") != 0) {
        agclose(g);
        return out;
    }
    const boxf bb = GD_bb(g);
    const auto map = [&bb](pointf p) { return LayoutPoint{p.x - bb.LL.x, bb.UR.y - p.y}; };
    out.width = bb.UR.x - bb.LL.x;
    out.height = bb.UR.y - bb.LL.y;
    for (Agnode_t *n : nodes)
        out.nodeCentres.push_back(map(ND_coord(n)));
    for (Agedge_t *e : edges) {
        GraphLayout::EdgePath path;
        if (const splines *spl = ED_spl(e)) {
            for (int b = 0; b < spl->size; ++b) {
                const bezier &bz = spl->list[b];
                if (bz.size == 0) continue;
                int k = 0;
                if (!path.points.empty()) {
                    // Join the pieces with a straight segment.
                    const LayoutPoint joint = map(bz.list[0]);
                    path.points.push_back(path.points.back());
                    path.points.push_back(joint);
                    path.points.push_back(joint);
                    k = 1;
                }
                for (; k < bz.size; ++k)
                    path.points.push_back(map(bz.list[k]));
                if (bz.eflag) {
                    path.hasArrow = true;
                    path.arrowTip = map(bz.ep);
                }
            }
        }
        if (const textlabel_t *l = ED_label(e)) path.labelCentre = map(l->pos);
        out.edges.push_back(std::move(path));
    }
    gvFreeLayout(gvc, g);
    agclose(g);
    out.ok = true;
    return out;
}

} // namespace kconfig
