// SPDX-License-Identifier: MIT
#include "diagnosticlist.h"

#include <QHeaderView>
#include <QStyle>

using kconfig::Diagnostic;

namespace {

enum Column
{
    LocationColumn,
    MessageColumn
};
constexpr int FileRole = Qt::UserRole;
constexpr int LineRole = Qt::UserRole + 1;

} // namespace

DiagnosticList::DiagnosticList(QWidget *parent) : QTreeWidget(parent)
{
    setColumnCount(2);
    setHeaderLabels({tr("Location"), tr("Message")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAllColumnsShowFocus(true);
    setWordWrap(false);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(LocationColumn, QHeaderView::ResizeToContents);
    connect(this, &QTreeWidget::itemActivated, this, &DiagnosticList::activate);
    // A single click on a location is enough, like a link.
    connect(this, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item, int column) {
        if (column == LocationColumn) activate(item);
    });
}

void DiagnosticList::activate(QTreeWidgetItem *item)
{
    const QString file = item->data(LocationColumn, FileRole).toString();
    if (!file.isEmpty()) emit locationActivated(file, item->data(LocationColumn, LineRole).toInt());
}

void DiagnosticList::setDiagnostics(const std::vector<Diagnostic> &diagnostics)
{
    clear();
    m_errors = m_warnings = 0;
    QList<QTreeWidgetItem *> items;
    for (const Diagnostic &d : diagnostics) {
        auto *item = new QTreeWidgetItem;
        QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
        if (d.severity == Diagnostic::Severity::Error) {
            icon = QStyle::SP_MessageBoxCritical;
            ++m_errors;
        } else if (d.severity == Diagnostic::Severity::Warning) {
            icon = QStyle::SP_MessageBoxWarning;
            ++m_warnings;
        }
        item->setIcon(LocationColumn, style()->standardIcon(icon));
        if (d.location.isValid()) {
            const QString file = QString::fromStdString(d.location.fileName());
            item->setText(LocationColumn,
                          file + QLatin1Char(':') + QString::number(d.location.line));
            item->setData(LocationColumn, FileRole, file);
            item->setData(LocationColumn, LineRole, d.location.line);
            item->setToolTip(LocationColumn, tr("Show this line in the Source tab"));
            QFont link = font();
            link.setUnderline(true);
            item->setFont(LocationColumn, link);
            item->setForeground(LocationColumn, palette().brush(QPalette::Link));
        }
        const QString message =
            QString::fromStdString(d.message.empty() ? d.text : d.message).trimmed();
        item->setText(MessageColumn, message.section(QLatin1Char('\n'), 0, 0));
        item->setToolTip(MessageColumn, QString::fromStdString(d.text).trimmed());
        items << item;
    }
    addTopLevelItems(items);
}

QString DiagnosticList::summary() const
{
    QStringList parts;
    if (m_errors) parts << tr("%n error(s)", nullptr, m_errors);
    if (m_warnings) parts << tr("%n warning(s)", nullptr, m_warnings);
    const int others = topLevelItemCount() - m_errors - m_warnings;
    if (others) parts << tr("%n message(s)", nullptr, others);
    return parts.isEmpty() ? tr("No problems") : parts.join(QStringLiteral(", "));
}
