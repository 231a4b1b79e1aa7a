// SPDX-License-Identifier: MIT
#include "whatifmode.h"

#include "configdocument.h"
#include "mainwindow.h"
#include "sourceview.h"
#include "whatifgraph.h"
#include "whatifpanel.h"
#include "whatifsession.h"

#include <kconfig/menunode.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>

namespace {

// Where an edited text first differs from the original (1-based).
int firstChangedLine(const QString &before, const QString &after)
{
    const QStringList a = before.split(QLatin1Char('\n'));
    const QStringList b = after.split(QLatin1Char('\n'));
    int i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i])
        ++i;
    return i + 1;
}

} // namespace

WhatIfMode::WhatIfMode(MainWindow *window)
    : QObject(window), m_window(window), m_session(new WhatIfSession(window->document(), this)),
      m_panel(new WhatIfPanel(m_session)), m_dock(new QDockWidget(tr("What-if"), window)),
      m_menu(new QMenu(tr("What-&if"), window))
{
    m_dock->setObjectName(QStringLiteral("WhatIfDock"));
    m_dock->setWidget(m_panel);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    if (window->diagnosticsDock()) window->tabifyDockWidget(window->diagnosticsDock(), m_dock);
    m_dock->hide();
    createActions();
    createSourceControls();

    SourceView *source = window->sourceView();
    source->setTextProvider([this](const QString &file) { return m_session->editedText(file); });
    source->setMarkerProvider([this](const QString &file) {
        QList<SourceView::LineMarker> out;
        for (const WhatIfSession::Marker &m : m_session->markers(file))
            out << SourceView::LineMarker{m.line, m.error, m.message};
        return out;
    });
    connect(source, &SourceView::textEdited, m_session, &WhatIfSession::setText);
    connect(source, &SourceView::fileShown, this, &WhatIfMode::updateSourceState);
    connect(m_session, &WhatIfSession::fileReplaced, source, [source](const QString &file) {
        if (source->currentFile() == file) source->reloadFile();
    });
    connect(m_session, &WhatIfSession::reparsed, this, [this, source] {
        source->refreshMarkers();
        updateSourceState();
    });
    connect(m_session, &WhatIfSession::filesChanged, this, [this] {
        updateSourceState();
        if (!m_session->editedFiles().isEmpty()) showPanel();
    });
    connect(m_panel, &WhatIfPanel::symbolRequested, this, &WhatIfMode::selectSymbol);
    connect(m_panel, &WhatIfPanel::sourceRequested, this, &WhatIfMode::sourceRequested);
    connect(m_panel, &WhatIfPanel::fileRequested, this, &WhatIfMode::showFile);
    connect(m_panel, &WhatIfPanel::graphRequested, this, &WhatIfMode::showGraph);
    connect(m_panel, &WhatIfPanel::patchRequested, this, &WhatIfMode::applyPatchDialog);
    updateSourceState();
}

void WhatIfMode::createActions()
{
    m_applyPatch = new QAction(tr("Apply &Patch\u2026"), this);
    m_applyPatch->setStatusTip(tr("Apply a unified diff or git format-patch mail to the Kconfig "
                                  "files in memory and see what it changes"));
    connect(m_applyPatch, &QAction::triggered, this, &WhatIfMode::applyPatchDialog);

    m_edit = new QAction(tr("&Edit Kconfig Source"), this);
    m_edit->setIconText(tr("Edit"));
    m_edit->setCheckable(true);
    m_edit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_edit->setToolTip(tr("Edit the shown Kconfig file in memory; the file on disk stays as it "
                          "is (Ctrl+E)"));
    connect(m_edit, &QAction::toggled, this, &WhatIfMode::setEditing);

    m_reparse = new QAction(tr("&Re-parse Edited Tree"), this);
    m_reparse->setIconText(tr("Re-parse"));
    m_reparse->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_reparse->setToolTip(tr("Parse the tree with the edits now (Ctrl+R); it also happens "
                             "after a short pause in typing"));
    connect(m_reparse, &QAction::triggered, m_session, &WhatIfSession::reparse);

    m_run = new QAction(tr("R&un What-if Report"), this);
    m_run->setShortcut(QKeySequence(Qt::Key_F5));
    m_run->setToolTip(tr("Compare the loaded and the edited tree in the checked baselines (F5)"));
    connect(m_run, &QAction::triggered, this, [this] {
        showPanel();
        m_panel->run();
    });

    m_saveToDisk = new QAction(tr("&Save Kconfig File to Disk\u2026"), this);
    m_saveToDisk->setIconText(tr("Save to Disk\u2026"));
    m_saveToDisk->setToolTip(tr("Write the edited text over the file on disk"));
    connect(m_saveToDisk, &QAction::triggered, this, &WhatIfMode::saveFileToDisk);

    m_revertFile = new QAction(tr("Re&vert Kconfig File"), this);
    m_revertFile->setIconText(tr("Revert"));
    m_revertFile->setToolTip(tr("Drop the in-memory edits of the shown file"));
    connect(m_revertFile, &QAction::triggered, this,
            [this] { m_session->revert(m_window->sourceView()->currentFile()); });

    m_revertAll = new QAction(tr("Revert &All Kconfig Edits"), this);
    connect(m_revertAll, &QAction::triggered, m_session, &WhatIfSession::revertAll);

    QAction *panel = m_dock->toggleViewAction();
    panel->setText(tr("What-if &Panel"));
    panel->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));

    m_menu->addAction(m_applyPatch);
    m_menu->addAction(m_edit);
    m_menu->addAction(m_reparse);
    m_menu->addAction(m_run);
    m_menu->addSeparator();
    m_menu->addAction(m_revertFile);
    m_menu->addAction(m_revertAll);
    m_menu->addAction(m_saveToDisk);
    m_menu->addSeparator();
    m_menu->addAction(panel);
    for (QAction *a : {m_edit, m_reparse, m_run, panel})
        m_window->addAction(a); // shortcuts work while the menu bar is hidden too
}

void WhatIfMode::createSourceControls()
{
    auto *box = new QWidget;
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(6, 0, 6, 4);
    row->setSpacing(2);
    for (QAction *a : {m_edit, m_reparse, m_revertFile, m_saveToDisk}) {
        auto *b = new QToolButton(box);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        row->addWidget(b);
    }
    m_sourceState = new QLabel(box);
    m_sourceState->setTextFormat(Qt::RichText);
    row->addSpacing(8);
    row->addWidget(m_sourceState, 1);
    m_window->sourceView()->addRow(box);
}

void WhatIfMode::setEditing(bool on)
{
    SourceView *source = m_window->sourceView();
    source->setEditable(on);
    if (on) {
        m_window->tabs()->setCurrentWidget(source);
        const LoadedTree *info = m_window->document()->loadInfo();
        if (source->currentFile().isEmpty() && info)
            emit sourceRequested(
                info->kconfigFile.isEmpty() ? QStringLiteral("Kconfig") : info->kconfigFile, 1);
        source->editor()->setFocus();
    }
    updateSourceState();
}

void WhatIfMode::updateSourceState()
{
    SourceView *source = m_window->sourceView();
    const QString file = source->currentFile();
    const bool edited = m_session->isEdited(file);
    QStringList parts;
    if (edited)
        parts << tr("<span style=\"color:#b35c00\">\u25cf edited</span>");
    else if (m_edit->isChecked())
        parts << tr("editing");
    int errors = 0, warnings = 0;
    for (const WhatIfSession::Marker &m : m_session->markers(file))
        (m.error ? errors : warnings)++;
    // Compact, the bar is narrow: "✖ 9  ⚠ 7", the words in the tool tip.
    if (errors) parts << tr("<span style=\"color:#c01010\">\u2716 %1</span>").arg(errors);
    if (warnings) parts << tr("\u26a0 %1").arg(warnings);
    m_sourceState->setText(parts.join(QStringLiteral(" \u00b7 ")));
    QStringList tip;
    if (edited) tip << tr("%1 is changed in memory; the file on disk is not.").arg(file);
    if (errors || warnings)
        tip << tr("The edited tree reports %1 and %2 in this file (marked in the margin).")
                   .arg(errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors),
                        warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings));
    m_sourceState->setToolTip(tip.join(QLatin1Char('\n')));
    m_saveToDisk->setEnabled(edited && !m_window->document()->isDemo());
    m_revertFile->setEnabled(edited);
    m_revertAll->setEnabled(!m_session->editedFiles().isEmpty());
    QTabWidget *tabs = m_window->tabs();
    const int index = tabs->indexOf(source);
    if (index >= 0) tabs->setTabText(index, edited ? tr("Source \u25cf") : tr("Source"));
}

void WhatIfMode::showFile(const QString &file)
{
    const auto edited = m_session->editedText(file);
    emit sourceRequested(file, edited ? firstChangedLine(m_session->diskText(file), *edited) : 1);
}

void WhatIfMode::showPanel()
{
    if (m_dock->isVisible()) return;
    m_dock->show();
    m_dock->raise();
    // The report needs room: two fifths of the window's height.
    if (!m_dock->isFloating())
        m_window->resizeDocks({m_dock}, {m_window->height() * 2 / 5}, Qt::Vertical);
}

bool WhatIfMode::applyPatchFile(const QString &path, QString *message)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (message) *message = tr("Cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    const WhatIfSession::PatchOutcome o = m_session->applyPatch(QString::fromUtf8(f.readAll()));
    QStringList lines;
    if (!o.subject.isEmpty()) lines << o.subject;
    if (!o.patched.isEmpty())
        lines << tr("Applied in memory to %1.").arg(o.patched.join(QStringLiteral(", ")));
    if (!o.ignored.isEmpty())
        lines << tr("Ignored (not Kconfig files; the report covers Kconfig only): %1.")
                     .arg(o.ignored.join(QStringLiteral(", ")));
    for (const QString &r : o.rejected)
        lines << tr("Rejected: %1").arg(r);
    for (const QString &e : o.errors)
        lines << tr("Malformed: %1").arg(e);
    if (o.patched.isEmpty() && o.rejected.isEmpty() && o.errors.isEmpty())
        lines << tr("The patch changes no Kconfig file.");
    if (message) *message = lines.join(QLatin1Char('\n'));
    if (!o.patched.isEmpty()) {
        showPanel();
        showFile(o.patched.first());
    }
    return !o.patched.isEmpty() && o.rejected.isEmpty() && o.errors.isEmpty();
}

void WhatIfMode::applyPatchDialog()
{
    const ConfigDocument *doc = m_window->document();
    if (!doc->isLoaded()) return;
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Apply Patch"), doc->isDemo() ? QDir::homePath() : doc->srctree(),
        tr("Patches (*.patch *.diff *.mbox *.eml *.txt);;All files (*)"));
    if (path.isEmpty()) return;
    QString message;
    if (applyPatchFile(path, &message))
        m_window->statusBar()->showMessage(message.section(QLatin1Char('\n'), -1), 10000);
    else
        QMessageBox::warning(m_window, tr("Apply Patch"), message);
}

void WhatIfMode::saveFileToDisk()
{
    const QString file = m_window->sourceView()->currentFile();
    const ConfigDocument *doc = m_window->document();
    if (!m_session->isEdited(file)) return;
    if (doc->isDemo()) {
        QMessageBox::information(m_window, tr("Save Kconfig File"),
                                 tr("The bundled demo tree is read-only; your edits stay in "
                                    "memory."));
        return;
    }
    const QString path = QDir(doc->srctree()).absoluteFilePath(file);
    QMessageBox box(QMessageBox::Warning, tr("Save Kconfig File to Disk"),
                    tr("Replace %1 on disk with your edited text?").arg(path), QMessageBox::Cancel,
                    m_window);
    box.setInformativeText(tr("The configuration keeps using the tree as it was loaded until "
                              "you open the tree again."));
    QPushButton *save = box.addButton(tr("Save to Disk"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != save) return;
    QString error;
    if (!m_session->saveToDisk(file, &error))
        QMessageBox::warning(m_window, tr("Save Kconfig File to Disk"), error);
    else
        m_window->statusBar()->showMessage(tr("Saved %1").arg(path), 10000);
}

void WhatIfMode::selectSymbol(const QString &name)
{
    const std::string n = name.toStdString();
    if (const kconfig::Tree *tree = m_window->document()->tree())
        if (const kconfig::Symbol *s = tree->symbols().find(n); s && m_window->navigateTo(s))
            return;
    // Only the edited tree has it: show where it is written there.
    if (const auto edited = m_session->editedTree())
        if (const kconfig::Symbol *s = edited->tree->symbols().find(n); s && !s->menus.empty()) {
            const kconfig::SourceLocation &l = s->menus.front()->location;
            m_window->statusBar()->showMessage(
                tr("%1 is defined only in the edited tree").arg(name), 10000);
            if (l.isValid()) emit sourceRequested(QString::fromStdString(l.fileName()), l.line);
        }
}

void WhatIfMode::showGraph(std::shared_ptr<WhatIfResult> result, int baseline)
{
    if (!m_graph) {
        m_graph = new WhatIfGraph;
        m_window->addTab(m_graph, tr("What-if Graph"));
        connect(m_graph, &WhatIfGraph::symbolRequested, this, &WhatIfMode::selectSymbol);
    }
    m_window->tabs()->setCurrentWidget(m_graph);
    m_graph->showBaseline(std::move(result), baseline);
}
