// SPDX-License-Identifier: MIT
#include "whatifmodifiedfiles.h"

#include "whatifsession.h"

#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>

#include <map>

namespace {

enum Column
{
    FileColumn,
    OriginColumn,
    LinesColumn
};

// Lines only in `after` and only in `before`, counted as multisets: a cheap
// "+2 -1" that needs no diff.
std::pair<int, int> lineBalance(const QString &before, const QString &after)
{
    std::map<QStringView, int> count;
    for (QStringView l : QStringView(before).split(QLatin1Char('\n')))
        --count[l];
    for (QStringView l : QStringView(after).split(QLatin1Char('\n')))
        ++count[l];
    int added = 0, removed = 0;
    for (const auto &[line, n] : count)
        (n > 0 ? added : removed) += std::abs(n);
    return {added, removed};
}

} // namespace

WhatIfModifiedFiles::WhatIfModifiedFiles(WhatIfSession *session, QWidget *parent)
    : QTreeWidget(parent), m_session(session)
{
    setColumnCount(3);
    setHeaderLabels({tr("Modified file"), tr("Edit"), tr("Lines")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAllColumnsShowFocus(true);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(FileColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(OriginColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(LinesColumn, QHeaderView::ResizeToContents);
    setToolTip(tr("Kconfig files changed in memory; the files on disk are untouched.\n"
                  "Enter opens a file, Delete reverts it."));
    connect(m_session, &WhatIfSession::filesChanged, this, &WhatIfModifiedFiles::refresh);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString file = item->data(FileColumn, Qt::UserRole).toString();
        if (!file.isEmpty()) emit fileActivated(file);
    });
    refresh();
}

QString WhatIfModifiedFiles::currentFile() const
{
    return currentItem() ? currentItem()->data(FileColumn, Qt::UserRole).toString() : QString();
}

QStringList WhatIfModifiedFiles::files() const
{
    QStringList out;
    for (int i = 0; i < topLevelItemCount(); ++i)
        out << topLevelItem(i)->data(FileColumn, Qt::UserRole).toString();
    return out;
}

void WhatIfModifiedFiles::refresh()
{
    const QString current = currentFile();
    clear();
    const auto add = [this](const QString &file, const QString &origin, const QString &lines,
                            const QString &tip) {
        auto *item = new QTreeWidgetItem(this, {file, origin, lines});
        item->setData(FileColumn, Qt::UserRole, file);
        item->setToolTip(FileColumn, tip);
        item->setTextAlignment(LinesColumn, Qt::AlignRight | Qt::AlignVCenter);
        return item;
    };
    for (const QString &file : m_session->editedFiles()) {
        const auto [added, removed] =
            lineBalance(m_session->diskText(file), *m_session->editedText(file));
        auto *item = add(file, m_session->fromPatch(file) ? tr("patch") : tr("edited"),
                         QStringLiteral("+%1 \u2212%2").arg(added).arg(removed),
                         tr("%1: changed in memory, not on disk").arg(file));
        if (file == current) setCurrentItem(item);
    }
    for (const QString &file : m_session->savedFiles())
        add(file, tr("saved"), QString(),
            tr("%1: saved to disk; reopen the tree to configure with it").arg(file));
    // What a patch left out, greyed: it is not part of the edited tree.
    const QBrush grey = palette().brush(QPalette::Disabled, QPalette::Text);
    for (const QString &file : m_session->patchIgnored()) {
        auto *item = add(file, tr("ignored"), QString(),
                         tr("%1 is not a Kconfig file: the patch's change to it is not part of "
                            "the what-if report")
                             .arg(file));
        for (int c = 0; c < columnCount(); ++c)
            item->setForeground(c, grey);
        item->setData(FileColumn, Qt::UserRole, QString()); // nothing to open
    }
    for (const QString &reject : m_session->patchRejected()) {
        auto *item = add(reject, tr("rejected"), QString(), reject);
        item->setData(FileColumn, Qt::UserRole, reject.section(QLatin1Char(':'), 0, 0));
        item->setForeground(OriginColumn, QBrush(QColor(0xc0, 0x10, 0x10)));
    }
}

void WhatIfModifiedFiles::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) &&
        m_session->isEdited(currentFile())) {
        m_session->revert(currentFile());
        return;
    }
    QTreeWidget::keyPressEvent(event);
}

void WhatIfModifiedFiles::contextMenuEvent(QContextMenuEvent *event)
{
    QTreeWidgetItem *item = itemAt(event->pos());
    const QString file = item ? item->data(FileColumn, Qt::UserRole).toString() : QString();
    QMenu menu(this);
    if (!file.isEmpty()) {
        menu.addAction(tr("&Open"), this, [this, file] { emit fileActivated(file); });
        QAction *revert = menu.addAction(tr("&Revert %1").arg(file), this,
                                         [this, file] { m_session->revert(file); });
        revert->setEnabled(m_session->isEdited(file));
        menu.addSeparator();
    }
    QAction *all = menu.addAction(tr("Revert &All"), m_session, &WhatIfSession::revertAll);
    all->setEnabled(!m_session->editedFiles().isEmpty());
    menu.exec(event->globalPos());
}
