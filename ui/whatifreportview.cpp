// SPDX-License-Identifier: MIT
#include "whatifreportview.h"

#include "htmlsentencemarkup.h"
#include "whatifimpactjob.h"
#include "whatifreporthtml.h"
#include "wrappingitemdelegate.h"

#include <kconfig/explanationtext.h>
#include <kconfig/valuesource.h>

#include <QHeaderView>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

using namespace kconfig;

namespace {

constexpr int ExpandedBaselineLimit = 60; // more changes than this start folded

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString arrows(QString s)
{
    return s.replace(QStringLiteral(" -> "), QStringLiteral(" \u2192 "));
}

QTreeWidgetItem *textItem(const QString &text, const QString &html)
{
    auto *item = new QTreeWidgetItem(QStringList{text});
    item->setData(0, WrappingItemDelegate::HtmlRole, html);
    item->setToolTip(0, text);
    return item;
}

QTreeWidgetItem *reasonItem(const Fact &f, const ValueSource &now, const ValueSource *before,
                            int baseline, int change)
{
    const HtmlSentenceMarkup rows(false);
    const ReasonLine line = reasonLine(f, now, before);
    QTreeWidgetItem *item =
        textItem(arrows(qs(line.sentence)), qs(reasonLine(f, now, before, rows).sentence));
    item->setData(0, WhatIfReportView::BaselineRole, baseline);
    item->setData(0, WhatIfReportView::ChangeRole, change);
    if (f.location.isValid()) {
        item->setData(0, WhatIfReportView::FileRole, qs(f.location.fileName()));
        item->setData(0, WhatIfReportView::LineRole, f.location.line);
    }
    if (f.symbol) item->setData(0, WhatIfReportView::SymbolRole, qs(f.symbol->name));
    for (const Fact &c : *line.children)
        item->addChild(reasonItem(c, now, before, baseline, change));
    return item;
}

} // namespace

WhatIfReportView::WhatIfReportView(QWidget *parent) : QWidget(parent)
{
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    m_tree = new QTreeWidget(split);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(false);
    m_tree->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_tree->setItemDelegate(new WrappingItemDelegate(m_tree));
    m_details = new QTextBrowser(split);
    m_details->setOpenLinks(false);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *item) { showDetails(item); });
    connect(m_tree, &QTreeWidget::itemActivated, this, &WhatIfReportView::activate);
    connect(m_details, &QTextBrowser::anchorClicked, this, &WhatIfReportView::openLink);
    showMessage(QString());
}

void WhatIfReportView::setResult(std::shared_ptr<WhatIfResult> result)
{
    m_result = std::move(result);
    fill();
}

void WhatIfReportView::showMessage(const QString &message)
{
    m_result.reset();
    m_tree->clear();
    if (!message.isEmpty()) {
        auto *item = textItem(message, message.toHtmlEscaped());
        item->setFlags(Qt::ItemIsEnabled);
        m_tree->addTopLevelItem(item);
    }
    m_details->clear();
}

int WhatIfReportView::currentBaseline() const
{
    if (!m_result || m_result->report.baselines.empty()) return -1;
    const QTreeWidgetItem *item = m_tree->currentItem();
    const QVariant b = item ? item->data(0, BaselineRole) : QVariant();
    return b.isValid() ? b.toInt() : 0;
}

QTreeWidgetItem *WhatIfReportView::changeItem(int baseline, const QString &symbol) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *top = m_tree->topLevelItem(i);
        if (top->data(0, BaselineRole) != baseline) continue;
        for (int j = 0; j < top->childCount(); ++j)
            if (top->child(j)->data(0, SymbolRole).toString() == symbol &&
                top->child(j)->data(0, ChangeRole).toInt() >= 0)
                return top->child(j);
    }
    return nullptr;
}

void WhatIfReportView::fill()
{
    m_tree->clear();
    m_details->clear();
    if (!m_result) return;
    const ImpactReport &report = m_result->report;
    const HtmlSentenceMarkup rows(false);

    auto *edits = textItem(tr("Edits (%1)").arg(report.edits.size()),
                           tr("<b>Edits</b> (%1)").arg(report.edits.size()));
    if (report.edits.empty())
        edits->addChild(textItem(tr("None: the edited tree defines every symbol the same way."),
                                 tr("None: the edited tree defines every symbol the same way.")));
    for (const DefinitionEdit &e : report.edits) {
        auto *item = textItem(editSentence(e, SentenceMarkup()), editSentence(e, rows));
        if (e.location.isValid()) {
            item->setData(0, FileRole, qs(e.location.fileName()));
            item->setData(0, LineRole, e.location.line);
        }
        if (!e.symbol.empty()) item->setData(0, SymbolRole, qs(e.symbol));
        edits->addChild(item);
    }
    m_tree->addTopLevelItem(edits);
    edits->setExpanded(true);

    for (int bi = 0; bi < int(report.baselines.size()); ++bi) {
        const BaselineImpact &b = report.baselines[std::size_t(bi)];
        const QString summary = baselineSummary(b);
        auto *top = textItem(summary, QStringLiteral("<b>") + summary.toHtmlEscaped() +
                                          QStringLiteral("</b>"));
        top->setData(0, BaselineRole, bi);
        top->setData(0, ChangeRole, -1);
        CurrentValues now(*b.configAfter);
        const ValueSource *before = b.valuesBefore.get();
        for (int ci = 0; ci < int(b.changes.size()); ++ci) {
            const ImpactChange &c = b.changes[std::size_t(ci)];
            QString text = qs(c.symbol) + QStringLiteral(": ") + changeSummary(c);
            QString html = QStringLiteral("<b>%1</b>: %2")
                               .arg(qs(c.symbol).toHtmlEscaped(), changeSummary(c).toHtmlEscaped());
            // The first reason on the row, so that each row reads on its own.
            for (const Fact &f : c.reasons) {
                if (!before) continue;
                text += QStringLiteral(": ") + arrows(qs(reasonSummary(f, now, before)));
                html += QStringLiteral(": ") + qs(reasonSummary(f, now, before, rows));
                break;
            }
            auto *item = textItem(text, html);
            item->setData(0, SymbolRole, qs(c.symbol));
            item->setData(0, BaselineRole, bi);
            item->setData(0, ChangeRole, ci);
            if (before)
                for (const Fact &f : c.reasons)
                    item->addChild(reasonItem(f, now, before, bi, ci));
            top->addChild(item);
        }
        for (const std::string &w : b.newWarnings) {
            auto *item =
                textItem(tr("New warning: unmet direct dependencies for %1").arg(qs(w)),
                         tr("<b>New warning</b>: unmet direct dependencies for %1").arg(qs(w)));
            item->setData(0, SymbolRole, qs(w));
            item->setData(0, BaselineRole, bi);
            item->setData(0, ChangeRole, -1);
            top->addChild(item);
        }
        for (const std::string &w : b.goneWarnings) {
            auto *item = textItem(tr("Warning gone: unmet direct dependencies for %1").arg(qs(w)),
                                  tr("Warning gone: unmet direct dependencies for %1").arg(qs(w)));
            item->setData(0, SymbolRole, qs(w));
            item->setData(0, BaselineRole, bi);
            item->setData(0, ChangeRole, -1);
            top->addChild(item);
        }
        m_tree->addTopLevelItem(top);
        top->setExpanded(top->childCount() <= ExpandedBaselineLimit);
    }
    // The first baseline with changes starts selected, so that the details say something.
    for (int i = 1; i < m_tree->topLevelItemCount(); ++i)
        if (m_tree->topLevelItem(i)->childCount() > 0) {
            m_tree->setCurrentItem(m_tree->topLevelItem(i));
            break;
        }
}

void WhatIfReportView::showDetails(QTreeWidgetItem *item)
{
    if (!item || !m_result) {
        m_details->clear();
        return;
    }
    const HtmlSentenceMarkup links;
    const ImpactReport &report = m_result->report;
    const QVariant bv = item->data(0, BaselineRole);
    if (!bv.isValid()) {
        // The edits.
        QString html = QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("Edits"));
        for (const DefinitionEdit &e : report.edits)
            html += QStringLiteral("<li>") + editSentence(e, links) + QStringLiteral("</li>");
        m_details->setHtml(html + QStringLiteral("</ul>"));
        return;
    }
    const int bi = bv.toInt();
    if (bi < 0 || bi >= int(report.baselines.size())) return;
    emit currentBaselineChanged(bi);
    const BaselineImpact &b = report.baselines[std::size_t(bi)];
    const int ci = item->data(0, ChangeRole).toInt();
    if (ci < 0 || ci >= int(b.changes.size())) {
        QString html =
            QStringLiteral("<p><b>%1</b></p><ul>").arg(baselineSummary(b).toHtmlEscaped());
        for (const ImpactChange &c : b.changes)
            html += QStringLiteral("<li><a href=\"sym:%1\">%1</a>: %2</li>")
                        .arg(qs(c.symbol).toHtmlEscaped(), changeSummary(c).toHtmlEscaped());
        for (const std::string &w : b.newWarnings)
            html += QStringLiteral("<li>") +
                    tr("new warning: unmet direct dependencies detected for "
                       "<a href=\"sym:%1\">%1</a>")
                        .arg(qs(w).toHtmlEscaped()) +
                    QStringLiteral("</li>");
        for (const std::string &w : b.goneWarnings)
            html += QStringLiteral("<li>") +
                    tr("warning gone: <a href=\"sym:%1\">%1</a>").arg(qs(w).toHtmlEscaped()) +
                    QStringLiteral("</li>");
        m_details->setHtml(html + QStringLiteral("</ul>"));
        return;
    }
    const ImpactChange &c = b.changes[std::size_t(ci)];
    QString html = QStringLiteral("<p><b><a href=\"sym:%1\">%1</a></b>: %2 <i>(%3)</i></p>")
                       .arg(qs(c.symbol).toHtmlEscaped(), changeSummary(c).toHtmlEscaped(),
                            qs(b.baseline.name).toHtmlEscaped());
    html += changeReasonsHtml(b, c, links);
    m_details->setHtml(html);
}

void WhatIfReportView::activate(QTreeWidgetItem *item)
{
    // A row with a line shows it (edits, reasons); a changed symbol selects it.
    const QString symbol = item->data(0, SymbolRole).toString();
    if (item->data(0, LineRole).isValid())
        emit sourceRequested(item->data(0, FileRole).toString(), item->data(0, LineRole).toInt());
    else if (!symbol.isEmpty())
        emit symbolRequested(symbol);
}

void WhatIfReportView::openLink(const QUrl &url)
{
    const QString s = url.toString();
    if (s.startsWith(QStringLiteral("sym:"))) {
        emit symbolRequested(s.mid(4));
    } else if (s.startsWith(QStringLiteral("src:"))) {
        const QString loc = s.mid(4);
        const int colon = loc.lastIndexOf(QLatin1Char(':'));
        emit sourceRequested(loc.left(colon), loc.mid(colon + 1).toInt());
    }
}
