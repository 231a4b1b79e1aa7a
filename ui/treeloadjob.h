// SPDX-License-Identifier: MIT
// Loads a tree and its .config on a worker thread: parse, finalise, read the
// configuration and calculate every symbol, reporting progress and honouring
// cancellation. The result is handed to the GUI thread in one piece.
#pragma once

#include "openrequest.h"

#include <kconfig/config.h>
#include <kconfig/diagnostic.h>
#include <kconfig/environment.h>
#include <kconfig/tree.h>

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <deque>
#include <memory>

struct LoadedTree
{
    OpenRequest request;
    std::unique_ptr<kconfig::Tree> tree;
    std::unique_ptr<kconfig::Config> config;
    kconfig::Environment environment;
    std::vector<kconfig::Diagnostic> diagnostics;
    std::deque<std::string> diagnosticFiles; // the file names `diagnostics` point to
    QString srctree;                         // directory Kconfig paths are relative to
    QString kconfigFile;                     // top-level Kconfig (relative to srctree)
    QString configPath;                      // absolute .config path (may not exist yet)
    bool configLoaded = false;
    bool isDemo = false;
    QString arch;
    QString kernelVersion;
    QString error; // set when loading failed
    bool cancelled = false;
    int filesParsed = 0;
    int probesRun = 0;    // processes started
    int probesCached = 0; // answers from the probe cache
    // $(shell,...) commands not run for want of consent (answered as failed
    // commands; the tree was kept despite the errors that caused).
    QStringList refusedCommands;
    int errorsKept = 0;
    double seconds = 0;
};

class TreeLoadJob : public QObject
{
    Q_OBJECT
public:
    explicit TreeLoadJob(OpenRequest request, QObject *parent = nullptr);

    // Runs on the calling thread (the worker); emits finished() at the end.
    void run();
    void cancel() { m_cancel = true; }

    // Where the demo tree lives (installed share dir or the source tree).
    static QString demoDirectory();

signals:
    void progress(int filesParsed, int probesRun);
    void finished(std::shared_ptr<LoadedTree> result);

private:
    OpenRequest m_request;
    std::atomic<bool> m_cancel{false};
};
