// SPDX-License-Identifier: MIT
// The What-if dock: the Kconfig files edited in memory and the edited tree's
// problems on the left, the baselines and Run in the middle, the report on
// the right with export as text, Markdown and HTML. A report runs off the
// GUI thread after each successful re-parse (or on demand) and is marked
// outdated as soon as the files change again.
#pragma once

#include "whatifsession.h"

#include <kconfig/explanationtext.h>

#include <QTemporaryDir>
#include <QWidget>

#include <memory>

class DiagnosticList;
class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
class QThread;
class QToolButton;
class WhatIfBaselines;
class WhatIfImpactJob;
class WhatIfModifiedFiles;
class WhatIfReportView;
struct WhatIfResult;

class WhatIfPanel : public QWidget
{
    Q_OBJECT
public:
    explicit WhatIfPanel(WhatIfSession *session, QWidget *parent = nullptr);
    ~WhatIfPanel() override;

    WhatIfSession *session() const { return m_session; }
    WhatIfModifiedFiles *modifiedFiles() const { return m_files; }
    DiagnosticList *problems() const { return m_problems; }
    WhatIfBaselines *baselines() const { return m_baselines; }
    WhatIfReportView *reportView() const { return m_report; }
    QLabel *treeStatus() const { return m_treeStatus; }
    QLabel *reportStatus() const { return m_reportStatus; }
    QLabel *failureBanner() const { return m_banner; }
    QCheckBox *autoRun() const { return m_autoRun; }
    QPushButton *runButton() const { return m_run; }
    bool isRunning() const { return m_job != nullptr; }
    std::shared_ptr<WhatIfResult> result() const { return m_result; }

    // The report (or why there is none) for a mail, a wiki or a tracker.
    QString reportText(kconfig::ExplanationFormat format) const;
    QString reportHtml() const;
    // Writes the report as text, Markdown or HTML by the file's suffix.
    bool saveReport(const QString &path, QString *error) const;

public slots:
    void run();
    void cancel();
    void addBaselineDialog();
    void saveReportDialog();
    void copyReport(kconfig::ExplanationFormat format);
    void copyReportHtml();

signals:
    void symbolRequested(const QString &name);
    void sourceRequested(const QString &file, int line);
    void fileRequested(const QString &file);
    void graphRequested(std::shared_ptr<WhatIfResult> result, int baseline);
    void patchRequested();
    void finished(); // a report, a failure or "no edits" is shown

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createFilesColumn();
    QWidget *createBaselineColumn();
    QWidget *createReportColumn();
    void onStateChanged(WhatIfSession::State state);
    void onReparsed();
    void onFinished(std::shared_ptr<WhatIfResult> result, int generation);
    void stopJob();
    void updateButtons();
    QString title() const;

    WhatIfSession *m_session;
    std::shared_ptr<WhatIfResult> m_result;
    WhatIfImpactJob *m_job = nullptr;
    std::vector<QThread *> m_threads;
    int m_generation = 0;
    bool m_outdated = false;
    bool m_runAfterParse = false; // Run was pressed while the edited tree was parsing
    QTemporaryDir m_scratch;      // the current configuration as a .config for the analysis

    QSplitter *m_split;
    bool m_sized = false; // the columns got their first widths
    WhatIfModifiedFiles *m_files;
    QToolButton *m_revert;
    QToolButton *m_revertAll;
    QLabel *m_treeStatus;
    QProgressBar *m_parseProgress;
    DiagnosticList *m_problems;
    WhatIfBaselines *m_baselines;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QCheckBox *m_autoRun;
    QProgressBar *m_runProgress;
    QLabel *m_reportStatus;
    QLabel *m_banner;
    QToolButton *m_graph;
    QToolButton *m_copy;
    QToolButton *m_save;
    WhatIfReportView *m_report;
};
