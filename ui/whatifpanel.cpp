// SPDX-License-Identifier: MIT
#include "whatifpanel.h"

#include "configdocument.h"
#include "diagnosticlist.h"
#include "whatifbaselines.h"
#include "whatifimpactjob.h"
#include "whatifmodifiedfiles.h"
#include "whatifreporthtml.h"
#include "whatifreportview.h"

#include <kconfig/configwriter.h>
#include <kconfig/symboltable.h>
#include <kconfig/tree.h>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QSplitter>
#include <QStyle>
#include <QThread>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace kconfig;

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(text), parent);
    return label;
}

QString seconds(double s)
{
    return s < 0.1 ? QObject::tr("%1 ms").arg(std::max(1, qRound(s * 1000)))
                   : QObject::tr("%1 s").arg(QString::number(s, 'f', 2));
}

} // namespace

WhatIfPanel::WhatIfPanel(WhatIfSession *session, QWidget *parent)
    : QWidget(parent), m_session(session)
{
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(createFilesColumn());
    split->addWidget(createBaselineColumn());
    split->addWidget(createReportColumn());
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setStretchFactor(2, 8);
    m_split = split;
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->addWidget(split);

    auto *runKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    runKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(runKey, &QShortcut::activated, this, &WhatIfPanel::run);

    connect(m_session, &WhatIfSession::stateChanged, this, &WhatIfPanel::onStateChanged);
    connect(m_session, &WhatIfSession::reparsed, this, &WhatIfPanel::onReparsed);
    connect(m_session, &WhatIfSession::reparseProgress, this, [this](int files, int total) {
        m_parseProgress->setRange(0, std::max(total, files));
        m_parseProgress->setValue(files);
    });
    connect(m_session, &WhatIfSession::filesChanged, this, &WhatIfPanel::updateButtons);
    connect(m_session->document(), &ConfigDocument::loaded, this,
            [this] { m_baselines->setTree(m_session->document()->loadInfo()); });
    connect(m_baselines->model(), &QAbstractItemModel::rowsInserted, this, [this] {
        // Wide enough for "x86_64_defconfig (default)".
        m_baselines->setMinimumWidth(m_baselines->sizeHintForColumn(0) +
                                     2 * m_baselines->frameWidth() +
                                     style()->pixelMetric(QStyle::PM_ScrollBarExtent));
    });
    m_baselines->setTree(m_session->document()->loadInfo());
    onStateChanged(m_session->state());
    onReparsed();
}

void WhatIfPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_sized || m_split->width() < 200) return;
    // Shown for the first time: most of the room for the report.
    m_sized = true;
    const int w = m_split->width();
    m_split->setSizes({w * 24 / 100, w * 18 / 100, w - w * 24 / 100 - w * 18 / 100});
}

WhatIfPanel::~WhatIfPanel()
{
    // The session may be gone already: only stop the work.
    if (m_job) m_job->cancel();
    for (QThread *t : m_threads) {
        t->quit();
        t->wait();
    }
}

QWidget *WhatIfPanel::createFilesColumn()
{
    auto *column = new QWidget;
    auto *v = new QVBoxLayout(column);
    v->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    header->addWidget(heading(tr("Modified files"), column), 1);
    auto *patch = new QToolButton(column);
    patch->setText(tr("Apply Patch\u2026"));
    patch->setToolTip(tr("Apply a unified diff or a git format-patch mail to the files in memory"));
    m_revert = new QToolButton(column);
    m_revert->setText(tr("Revert"));
    m_revert->setToolTip(tr("Undo every in-memory edit of the selected file (Delete)"));
    m_revertAll = new QToolButton(column);
    m_revertAll->setText(tr("Revert All"));
    m_revertAll->setToolTip(tr("Back to the files on disk"));
    header->addWidget(patch);
    v->addLayout(header);
    m_files = new WhatIfModifiedFiles(m_session, column);
    m_files->setMinimumHeight(fontMetrics().height() * 3);
    v->addWidget(m_files, 2);
    // Below the list, so that the column stays narrow and the report wide.
    auto *reverts = new QHBoxLayout;
    reverts->addWidget(m_revert);
    reverts->addWidget(m_revertAll);
    reverts->addStretch(1);
    v->addLayout(reverts);

    m_treeStatus = new QLabel(column);
    m_treeStatus->setWordWrap(true);
    m_treeStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_parseProgress = new QProgressBar(column);
    m_parseProgress->setTextVisible(false);
    m_parseProgress->setMaximumHeight(fontMetrics().height() / 2 + 2);
    m_parseProgress->hide();
    m_problems = new DiagnosticList(column);
    m_problems->setToolTip(tr("Errors and warnings of the edited tree; click a location to see "
                              "the line"));
    v->addWidget(m_treeStatus);
    v->addWidget(m_parseProgress);
    v->addWidget(m_problems, 3);

    connect(patch, &QToolButton::clicked, this, &WhatIfPanel::patchRequested);
    connect(m_revert, &QToolButton::clicked, this, [this] {
        if (!m_files->currentFile().isEmpty()) m_session->revert(m_files->currentFile());
    });
    connect(m_revertAll, &QToolButton::clicked, m_session, &WhatIfSession::revertAll);
    connect(m_files, &WhatIfModifiedFiles::fileActivated, this, &WhatIfPanel::fileRequested);
    connect(m_files, &QTreeWidget::currentItemChanged, this, &WhatIfPanel::updateButtons);
    connect(m_problems, &DiagnosticList::locationActivated, this, &WhatIfPanel::sourceRequested);
    return column;
}

QWidget *WhatIfPanel::createBaselineColumn()
{
    auto *column = new QWidget;
    auto *v = new QVBoxLayout(column);
    v->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    auto *label = heading(tr("&Baselines"), column);
    header->addWidget(label, 1);
    auto *addFile = new QToolButton(column);
    addFile->setText(tr("Add\u2026"));
    addFile->setToolTip(tr("Add a defconfig or .config file as a baseline"));
    header->addWidget(addFile);
    v->addLayout(header);
    m_baselines = new WhatIfBaselines(column);
    label->setBuddy(m_baselines);
    connect(addFile, &QToolButton::clicked, this, &WhatIfPanel::addBaselineDialog);
    v->addWidget(m_baselines, 1);
    auto *buttons = new QHBoxLayout;
    m_run = new QPushButton(tr("&Run"), column);
    m_run->setToolTip(tr("Compare the loaded and the edited tree in the checked baselines "
                         "(Ctrl+Return)"));
    m_cancel = new QPushButton(tr("Cancel"), column);
    m_cancel->setEnabled(false);
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    v->addLayout(buttons);
    m_autoRun = new QCheckBox(tr("Run after each re-parse"), column);
    m_autoRun->setChecked(true);
    v->addWidget(m_autoRun);
    m_runProgress = new QProgressBar(column);
    m_runProgress->setMaximumHeight(fontMetrics().height() / 2 + 2);
    m_runProgress->setTextVisible(false);
    m_runProgress->hide();
    v->addWidget(m_runProgress);
    connect(m_run, &QPushButton::clicked, this, &WhatIfPanel::run);
    connect(m_cancel, &QPushButton::clicked, this, &WhatIfPanel::cancel);
    return column;
}

QWidget *WhatIfPanel::createReportColumn()
{
    auto *column = new QWidget;
    auto *v = new QVBoxLayout(column);
    v->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    header->addWidget(heading(tr("Report"), column));
    m_reportStatus = new QLabel(column);
    m_reportStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reportStatus->setForegroundRole(QPalette::PlaceholderText);
    header->addWidget(m_reportStatus, 1);
    m_graph = new QToolButton(column);
    m_graph->setText(tr("Graph"));
    m_graph->setToolTip(tr("The change graph of the selected baseline"));
    m_copy = new QToolButton(column);
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy the report as text for an e-mail (wrapped at 72 columns)"));
    m_copy->setPopupMode(QToolButton::MenuButtonPopup);
    auto *copyMenu = new QMenu(m_copy);
    copyMenu->addAction(tr("Copy as &Text"), this, [this] { copyReport(ExplanationFormat::Text); });
    copyMenu->addAction(tr("Copy as &Markdown"), this,
                        [this] { copyReport(ExplanationFormat::Markdown); });
    copyMenu->addAction(tr("Copy as &HTML"), this, &WhatIfPanel::copyReportHtml);
    m_copy->setMenu(copyMenu);
    m_save = new QToolButton(column);
    m_save->setText(tr("Save As\u2026"));
    m_save->setToolTip(tr("Save the report as text, Markdown or HTML"));
    header->addWidget(m_graph);
    header->addWidget(m_copy);
    header->addWidget(m_save);
    v->addLayout(header);

    m_banner = new QLabel(column);
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fbe3e3; color: #7a1010; "
                                           "border: 1px solid #e0a0a0; padding: 4px; }"));
    m_banner->hide();
    v->addWidget(m_banner);
    m_report = new WhatIfReportView(column);
    v->addWidget(m_report, 1);

    connect(m_graph, &QToolButton::clicked, this,
            [this] { emit graphRequested(m_result, m_report->currentBaseline()); });
    connect(m_copy, &QToolButton::clicked, this, [this] { copyReport(ExplanationFormat::Text); });
    connect(m_save, &QToolButton::clicked, this, &WhatIfPanel::saveReportDialog);
    connect(m_report, &WhatIfReportView::symbolRequested, this, &WhatIfPanel::symbolRequested);
    connect(m_report, &WhatIfReportView::sourceRequested, this, &WhatIfPanel::sourceRequested);
    connect(m_banner, &QLabel::linkActivated, this, [this](const QString &link) {
        const QString loc = link.mid(4);
        const int colon = loc.lastIndexOf(QLatin1Char(':'));
        emit sourceRequested(loc.left(colon), loc.mid(colon + 1).toInt());
    });
    return column;
}

// ---- the edited tree ------------------------------------------------------------------------

void WhatIfPanel::onStateChanged(WhatIfSession::State state)
{
    using State = WhatIfSession::State;
    m_parseProgress->setVisible(state == State::Parsing);
    if (state == State::Waiting || state == State::Parsing) {
        // The report no longer matches the files.
        stopJob();
        if (m_result && !m_outdated) {
            m_outdated = true;
            m_reportStatus->setText(tr("outdated: the files changed"));
        }
    }
    switch (state) {
    case State::NoEdits:
        m_treeStatus->setText(tr("No edits: the edited tree is the loaded one."));
        break;
    case State::Waiting:
        m_treeStatus->setText(tr("Edited; parsing after a pause (Ctrl+R parses now)."));
        break;
    case State::Parsing:
        m_treeStatus->setText(tr("Parsing the edited tree\u2026"));
        break;
    case State::Loaded:
    case State::Failed:
        break;
    }
    updateButtons();
}

void WhatIfPanel::onReparsed()
{
    using State = WhatIfSession::State;
    const State state = m_session->state();
    m_problems->setDiagnostics(m_session->problems());
    m_banner->hide();
    const bool runAfterParse = m_runAfterParse;
    m_runAfterParse = false;
    if (state == State::NoEdits) {
        stopJob();
        m_result.reset();
        m_outdated = false;
        m_report->showMessage(
            tr("No edits yet. Edit a Kconfig file in the Source tab (Edit, Ctrl+E) or apply a "
               "patch (File \u2192 Apply Patch\u2026): the report then shows, for each baseline, "
               "which symbols change and why."));
        m_reportStatus->clear();
        emit finished();
    } else if (state == State::Loaded) {
        m_treeStatus->setText(tr("Edited tree parsed in %1: %2.")
                                  .arg(seconds(m_session->parseSeconds()), m_problems->summary()));
        if (m_autoRun->isChecked() || runAfterParse) run();
    } else if (state == State::Failed) {
        stopJob();
        m_result.reset();
        m_outdated = false;
        m_treeStatus->setText(tr("<b>The edited tree does not load</b>; the problems:"));
        // The errors at their lines (the first few), with what else was said
        // about the first one's line ("syntax error" before "invalid statement").
        const Diagnostic *first = nullptr;
        int errors = 0;
        for (const Diagnostic &d : m_session->problems())
            if (d.severity == Diagnostic::Severity::Error && d.location.isValid()) {
                if (!first) first = &d;
                ++errors;
            }
        constexpr int Shown = 5;
        QStringList lines;
        int shown = 0;
        for (const Diagnostic &d : m_session->problems()) {
            if (!d.location.isValid()) continue;
            const bool atFirst = first && d.location.fileName() == first->location.fileName() &&
                                 d.location.line == first->location.line;
            if (d.severity != Diagnostic::Severity::Error && !atFirst) continue;
            if (d.severity == Diagnostic::Severity::Error && ++shown > Shown) continue;
            const QString loc = qs(d.location.toString());
            lines << QStringLiteral("%1 (<a href=\"src:%2\">%2</a>)")
                         .arg(WhatIfSession::messageOf(d).toHtmlEscaped(), loc.toHtmlEscaped());
        }
        QString text = tr("<b>The edited tree does not load:</b>");
        if (lines.isEmpty())
            text += QLatin1Char(' ') + m_session->failure().toHtmlEscaped();
        else
            text += QStringLiteral("<br>") + lines.join(QStringLiteral("<br>"));
        if (errors > Shown)
            text += QStringLiteral("<br>") +
                    (errors - Shown == 1
                         ? tr("and 1 more error in the problems list")
                         : tr("and %1 more errors in the problems list").arg(errors - Shown));
        m_banner->setText(text);
        m_banner->show();
        m_report->showMessage(tr("No report while the edited tree has errors: fix the marked "
                                 "lines (Source tab) or revert the file."));
        m_reportStatus->clear();
        emit finished();
    }
    updateButtons();
}

// ---- running the analysis -------------------------------------------------------------------

void WhatIfPanel::run()
{
    if (m_session->state() == WhatIfSession::State::Waiting ||
        m_session->state() == WhatIfSession::State::Parsing) {
        m_runAfterParse = true; // the edited tree first
        if (m_session->state() == WhatIfSession::State::Waiting) m_session->reparse();
        return;
    }
    const auto original = m_session->originalTree();
    const auto edited = m_session->editedTree();
    if (m_session->state() != WhatIfSession::State::Loaded || !original || !edited ||
        !original->tree || !edited->tree)
        return;
    stopJob();

    QString current;
    if (m_scratch.isValid() && m_session->document()->config()) {
        // The values in the window, unsaved ones included.
        ConfigWriter writer(*m_session->document()->config(), original->environment);
        current = m_scratch.filePath(QStringLiteral("current.config"));
        QFile f(current);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            f.write(QByteArray::fromStdString(writer.dotConfigText())) < 0)
            current.clear();
    }
    std::vector<Baseline> baselines = m_baselines->checked(current);
    if (baselines.empty()) {
        m_reportStatus->setText(tr("check at least one baseline"));
        return;
    }
    // Built lazily by readers; build it here while nothing else reads.
    original->tree->symbols().hashOrder();
    edited->tree->symbols().hashOrder();

    auto *thread = new QThread(this);
    thread->setStackSize(16u << 20);
    m_job = new WhatIfImpactJob(original, edited, std::move(baselines));
    m_job->moveToThread(thread);
    const int generation = ++m_generation;
    connect(thread, &QThread::started, m_job, &WhatIfImpactJob::run);
    connect(m_job, &WhatIfImpactJob::progress, this,
            [this, generation](int done, int total, const QString &name) {
                if (generation != m_generation) return;
                m_runProgress->setRange(0, total);
                m_runProgress->setValue(done);
                if (!name.isEmpty())
                    m_reportStatus->setText(
                        tr("analysing %1 (%2 of %3)\u2026").arg(name).arg(done + 1).arg(total));
                else if (done < total)
                    m_reportStatus->setText(
                        tr("analysing: %1 of %2 baselines done\u2026").arg(done).arg(total));
            });
    connect(m_job, &WhatIfImpactJob::finished, this,
            [this, generation](std::shared_ptr<WhatIfResult> result) {
                onFinished(std::move(result), generation);
            });
    connect(m_job, &WhatIfImpactJob::finished, m_job, &QObject::deleteLater);
    connect(m_job, &WhatIfImpactJob::finished, thread, &QThread::quit);
    connect(thread, &QThread::finished, this, [this, thread] {
        std::erase(m_threads, thread);
        thread->deleteLater();
    });
    m_threads.push_back(thread);
    m_runProgress->setRange(0, 0);
    m_runProgress->show();
    m_reportStatus->setText(tr("analysing\u2026"));
    thread->start();
    updateButtons();
}

void WhatIfPanel::addBaselineDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Add Baseline"), m_baselines->configsDirectory(),
        tr("Configurations (*defconfig *.config *config*);;All files (*)"));
    if (path.isEmpty()) return;
    if (!m_baselines->addFile(path))
        QMessageBox::warning(this, tr("Add Baseline"), tr("Cannot read %1.").arg(path));
}

void WhatIfPanel::cancel()
{
    if (!m_job) return;
    stopJob();
    m_reportStatus->setText(tr("cancelled"));
}

void WhatIfPanel::stopJob()
{
    ++m_generation;
    if (m_job) m_job->cancel();
    m_job = nullptr;
    m_runProgress->hide();
    updateButtons();
}

void WhatIfPanel::onFinished(std::shared_ptr<WhatIfResult> result, int generation)
{
    if (generation != m_generation) return;
    m_job = nullptr;
    m_runProgress->hide();
    m_outdated = false;
    m_result = std::move(result);
    m_report->setResult(m_result);
    const int n = int(m_result->report.baselines.size());
    QString status = (n == 1 ? tr("1 baseline") : tr("%1 baselines").arg(n)) +
                     tr(" in %1").arg(seconds(m_result->seconds));
    if (!m_session->patchSubject().isEmpty())
        status += QStringLiteral(" \u00b7 ") + m_session->patchSubject();
    m_reportStatus->setText(status);
    updateButtons();
    emit finished();
}

void WhatIfPanel::updateButtons()
{
    const bool loaded = m_session->state() == WhatIfSession::State::Loaded ||
                        m_session->state() == WhatIfSession::State::Waiting;
    m_run->setEnabled(loaded && !m_job);
    m_cancel->setEnabled(m_job != nullptr);
    const bool haveReport = m_result || m_session->state() == WhatIfSession::State::Failed;
    m_copy->setEnabled(haveReport);
    m_save->setEnabled(haveReport);
    m_graph->setEnabled(m_result != nullptr);
    m_revert->setEnabled(m_session->isEdited(m_files->currentFile()));
    m_revertAll->setEnabled(!m_session->editedFiles().isEmpty());
}

// ---- export ---------------------------------------------------------------------------------

QString WhatIfPanel::title() const
{
    if (!m_session->patchSubject().isEmpty()) return m_session->patchSubject();
    return tr("What-if: %1").arg(m_session->editedFiles().join(QStringLiteral(", ")));
}

QString WhatIfPanel::reportText(ExplanationFormat format) const
{
    if (m_session->state() == WhatIfSession::State::Failed) {
        QString out = tr("The edited tree does not load:") + QStringLiteral("\n\n");
        for (const Diagnostic &d : m_session->problems()) {
            if (d.severity != Diagnostic::Severity::Error) continue;
            if (d.location.isValid()) out += qs(d.location.toString()) + QStringLiteral(": ");
            out += qs(d.text).trimmed() + QLatin1Char('\n');
        }
        return out;
    }
    if (!m_result) return {};
    QString out;
    if (format != ExplanationFormat::Json)
        out = (format == ExplanationFormat::Markdown ? QStringLiteral("## ") : QString()) +
              title() + QStringLiteral("\n\n");
    return out + qs(renderImpactReport(m_result->report, format));
}

QString WhatIfPanel::reportHtml() const
{
    if (m_result) return reportPageHtml(*m_result, title());
    const QString text = reportText(ExplanationFormat::Text);
    if (text.isEmpty()) return {};
    return QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>"
                          "<pre>%1</pre></body></html>\n")
        .arg(text.toHtmlEscaped());
}

bool WhatIfPanel::saveReport(const QString &path, QString *error) const
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    QString text;
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        text = reportHtml();
    else if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown"))
        text = reportText(ExplanationFormat::Markdown);
    else if (suffix == QLatin1String("json"))
        text = reportText(ExplanationFormat::Json);
    else
        text = reportText(ExplanationFormat::Text);
    if (text.isEmpty()) {
        if (error) *error = tr("There is no report to save.");
        return false;
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0 || !f.commit()) {
        if (error) *error = tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

void WhatIfPanel::saveReportDialog()
{
    QString filter = tr("Text (*.txt)");
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save What-if Report"), QStringLiteral("what-if.txt"),
        tr("Text (*.txt);;Markdown (*.md);;HTML (*.html);;JSON (*.json)"), &filter);
    if (path.isEmpty()) return;
    QString error;
    if (!saveReport(path, &error)) QMessageBox::warning(this, tr("Save What-if Report"), error);
}

void WhatIfPanel::copyReport(ExplanationFormat format)
{
    const QString text = reportText(format);
    if (!text.isEmpty()) QApplication::clipboard()->setText(text);
}

void WhatIfPanel::copyReportHtml()
{
    const QString html = reportHtml();
    if (html.isEmpty()) return;
    auto *data = new QMimeData;
    data->setHtml(html);
    data->setText(reportText(ExplanationFormat::Text));
    QApplication::clipboard()->setMimeData(data);
}
