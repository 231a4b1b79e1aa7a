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

// English plurals without a translation catalogue: "1 warning", "2 warnings".
QString counted(int n, const QString &one, const QString &many)
{
    return QString::number(n) + QLatin1Char(' ') + (n == 1 ? one : many);
}

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
        // conf's text after "file:line" still carries ":warning: "; the icon says that.
        QString message = QString::fromStdString(d.message.empty() ? d.text : d.message).trimmed();
        for (const QLatin1String prefix :
             {QLatin1String(":warning:"), QLatin1String(":error:"), QLatin1String(":")}) {
            if (message.startsWith(prefix)) {
                message = message.mid(prefix.size()).trimmed();
                break;
            }
        }
        item->setText(MessageColumn, message.section(QLatin1Char('\n'), 0, 0));
        item->setToolTip(MessageColumn, QString::fromStdString(d.text).trimmed());
        items << item;
    }
    addTopLevelItems(items);
}

QString DiagnosticList::summary() const
{
    QStringList parts;
    if (m_errors) parts << counted(m_errors, tr("error"), tr("errors"));
    if (m_warnings) parts << counted(m_warnings, tr("warning"), tr("warnings"));
    const int others = topLevelItemCount() - m_errors - m_warnings;
    if (others) parts << counted(others, tr("message"), tr("messages"));
    return parts.isEmpty() ? tr("No problems") : parts.join(QStringLiteral(", "));
}
