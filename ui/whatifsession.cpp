// SPDX-License-Identifier: MIT
#include "whatifsession.h"

#include "configdocument.h"

#include <kconfig/menunode.h>
#include <kconfig/patch.h>
#include <kconfig/recursivedependency.h>
#include <kconfig/sourcefiles.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>

#include <QDir>
#include <QSaveFile>
#include <QThread>
#include <QTimer>

using namespace kconfig;

namespace {

constexpr int DefaultDelay = 800; // ms of quiet typing before the edited tree is parsed

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

QString WhatIfSession::messageOf(const Diagnostic &d)
{
    QString message = qs(d.message.empty() ? d.text : d.message).trimmed();
    for (const QLatin1String prefix :
         {QLatin1String(":warning:"), QLatin1String(":error:"), QLatin1String(":")}) {
        if (message.startsWith(prefix)) return message.mid(prefix.size()).trimmed();
    }
    return message;
}

WhatIfSession::WhatIfSession(ConfigDocument *doc, QObject *parent)
    : QObject(parent), m_doc(doc), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(DefaultDelay);
    connect(m_timer, &QTimer::timeout, this, &WhatIfSession::reparse);
    connect(m_doc, &ConfigDocument::loaded, this, &WhatIfSession::onDocumentLoaded);
    if (m_doc->isLoaded()) m_srctree = m_doc->srctree();
}

WhatIfSession::~WhatIfSession()
{
    if (m_job) m_job->cancel();
    for (QThread *t : m_threads) {
        t->quit();
        t->wait();
    }
}

void WhatIfSession::setReparseDelay(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

std::shared_ptr<const LoadedTree> WhatIfSession::originalTree() const
{
    return m_doc->sharedLoadInfo();
}

int WhatIfSession::filesInTree() const
{
    return m_doc->tree() ? static_cast<int>(m_doc->tree()->files().size()) : 0;
}

// ---- edited files ---------------------------------------------------------------------------

std::optional<QString> WhatIfSession::editedText(const QString &file) const
{
    if (auto it = m_edited.find(file); it != m_edited.end()) return *it;
    return std::nullopt;
}

QString WhatIfSession::diskText(const QString &file) const
{
    if (auto it = m_disk.find(file); it != m_disk.end()) return *it;
    const LoadedTree *info = m_doc->loadInfo();
    if (!info) return {};
    SourceFiles sources;
    sources.setBaseDirectory(info->srctree.toStdString());
    const auto opened = sources.open(file.toStdString(), info->environment);
    return opened ? qs(opened->text.str()) : QString();
}

void WhatIfSession::setText(const QString &file, const QString &text)
{
    if (!m_doc->isLoaded() || file.isEmpty()) return;
    const QString disk = diskText(file);
    if (text == disk) {
        if (!m_edited.remove(file)) return;
        m_patched.remove(file);
    } else {
        if (m_edited.value(file) == text && m_edited.contains(file)) return;
        m_disk.insert(file, disk);
        m_edited.insert(file, text);
    }
    emit filesChanged();
    schedule();
}

void WhatIfSession::revert(const QString &file)
{
    if (!m_edited.remove(file)) return;
    m_patched.remove(file);
    emit fileReplaced(file);
    emit filesChanged();
    schedule();
}

void WhatIfSession::revertAll()
{
    if (m_edited.isEmpty() && m_ignored.isEmpty() && m_rejected.isEmpty()) return;
    const QStringList files = m_edited.keys();
    m_edited.clear();
    m_patched.clear();
    m_subject.clear();
    m_ignored.clear();
    m_rejected.clear();
    for (const QString &f : files)
        emit fileReplaced(f);
    emit filesChanged();
    schedule();
}

bool WhatIfSession::saveToDisk(const QString &file, QString *error)
{
    const auto text = editedText(file);
    if (!text || m_srctree.isEmpty()) return false;
    const QString path = QDir(m_srctree).absoluteFilePath(file);
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(text->toUtf8()) < 0 || !out.commit()) {
        if (error) *error = tr("Cannot write %1: %2").arg(path, out.errorString());
        return false;
    }
    m_disk.insert(file, *text);
    m_edited.remove(file);
    m_patched.remove(file);
    m_saved.insert(file);
    emit filesChanged();
    schedule();
    return true;
}

WhatIfSession::PatchOutcome WhatIfSession::applyPatch(const QString &patchText)
{
    PatchOutcome outcome;
    const LoadedTree *info = m_doc->loadInfo();
    if (!info) return outcome;
    const Patch patch = parsePatch(patchText.toStdString());
    outcome.subject = qs(patch.subject);
    for (const std::string &e : patch.errors)
        outcome.errors << qs(e);
    SourceFiles sources;
    sources.setBaseDirectory(info->srctree.toStdString());
    for (auto it = m_edited.cbegin(); it != m_edited.cend(); ++it)
        sources.setOverlay(it.key().toStdString(), it.value().toStdString());
    const PatchResult result = kconfig::applyPatch(patch, sources, info->environment);
    for (const std::string &f : result.ignored)
        outcome.ignored << qs(f);
    for (const std::string &r : result.rejected)
        outcome.rejected << qs(r);
    for (const std::string &name : result.patched) {
        const QString file = qs(name);
        const auto text = sources.overlays().find(name);
        if (text == sources.overlays().end()) continue;
        if (!m_edited.contains(file)) m_disk.insert(file, diskText(file));
        m_edited.insert(file, qs(text->second));
        m_patched.insert(file);
        outcome.patched << file;
    }
    for (const QString &f : outcome.ignored)
        if (!m_ignored.contains(f)) m_ignored << f;
    m_rejected << outcome.rejected;
    if (!outcome.patched.isEmpty() && !outcome.subject.isEmpty()) m_subject = outcome.subject;
    for (const QString &f : outcome.patched)
        emit fileReplaced(f);
    if (!outcome.patched.isEmpty() || !outcome.ignored.isEmpty() || !outcome.rejected.isEmpty())
        emit filesChanged();
    if (!outcome.patched.isEmpty()) schedule();
    return outcome;
}

// ---- the edited tree ------------------------------------------------------------------------

void WhatIfSession::onDocumentLoaded()
{
    const QString srctree = m_doc->srctree();
    m_saved.clear(); // the new tree read them
    m_disk.clear();
    if (srctree != m_srctree) {
        // Another tree: these edits were for files it does not have.
        m_srctree = srctree;
        m_edited.clear();
        m_patched.clear();
        m_subject.clear();
        m_ignored.clear();
        m_rejected.clear();
        emit filesChanged();
    }
    for (auto it = m_edited.begin(); it != m_edited.end();) {
        const QString disk = diskText(it.key());
        if (disk == it.value()) {
            m_patched.remove(it.key());
            it = m_edited.erase(it);
        } else {
            m_disk.insert(it.key(), disk);
            ++it;
        }
    }
    reparse();
}

void WhatIfSession::schedule()
{
    if (!hasChanges()) {
        reparse();
        return;
    }
    ++m_generation; // what is parsing now is outdated
    if (m_job) m_job->cancel();
    m_job = nullptr;
    setState(State::Waiting);
    m_timer->start();
}

void WhatIfSession::reparse()
{
    m_timer->stop();
    ++m_generation;
    if (m_job) m_job->cancel();
    m_job = nullptr;
    const LoadedTree *info = m_doc->loadInfo();
    if (!info || !hasChanges()) {
        m_editedTree.reset();
        m_failure.clear();
        m_problems.clear();
        m_problemFiles.clear();
        setState(State::NoEdits);
        emit reparsed();
        return;
    }
    OpenRequest request = info->request;
    for (auto it = m_edited.cbegin(); it != m_edited.cend(); ++it)
        request.overlays[it.key().toStdString()] = it.value().toStdString();

    auto *thread = new QThread(this);
    thread->setStackSize(16u << 20); // deep macro and expression recursion
    m_job = new TreeLoadJob(request);
    m_job->moveToThread(thread);
    const int generation = m_generation;
    const int total = filesInTree();
    connect(thread, &QThread::started, m_job, &TreeLoadJob::run);
    connect(m_job, &TreeLoadJob::progress, this, [this, generation, total](int files, int) {
        if (generation == m_generation) emit reparseProgress(files, total);
    });
    connect(m_job, &TreeLoadJob::finished, this,
            [this, generation](std::shared_ptr<LoadedTree> result) {
                finishParse(std::move(result), generation);
            });
    connect(m_job, &TreeLoadJob::finished, m_job, &QObject::deleteLater);
    connect(m_job, &TreeLoadJob::finished, thread, &QThread::quit);
    connect(thread, &QThread::finished, this, [this, thread] {
        std::erase(m_threads, thread);
        thread->deleteLater();
    });
    m_threads.push_back(thread);
    setState(State::Parsing);
    emit reparseProgress(0, total);
    thread->start();
}

void WhatIfSession::finishParse(std::shared_ptr<LoadedTree> result, int generation)
{
    if (generation != m_generation) return; // superseded by a newer edit
    m_job = nullptr;
    m_parseSeconds = result->seconds;
    collectProblems(*result);
    if (result->tree) {
        m_editedTree = std::move(result);
        m_failure.clear();
        setState(State::Loaded);
    } else {
        m_editedTree.reset();
        QString first;
        for (const Diagnostic &d : m_problems)
            if (d.severity == Diagnostic::Severity::Error) {
                first = messageOf(d).section(QLatin1Char('\n'), 0, 0);
                if (first.startsWith(QLatin1String("error: "))) first = first.mid(7);
                if (d.location.isValid())
                    first += QStringLiteral(" (") + qs(d.location.toString()) + QLatin1Char(')');
                break;
            }
        m_failure = first.isEmpty() ? result->error : first;
        setState(State::Failed);
    }
    emit reparsed();
}

void WhatIfSession::collectProblems(const LoadedTree &result)
{
    m_problems.clear();
    m_problemFiles.clear();
    const auto fileName = [this](const std::string &name) -> const std::string * {
        for (const std::string &f : m_problemFiles)
            if (f == name) return &f;
        return &m_problemFiles.emplace_back(name);
    };
    for (Diagnostic d : result.diagnostics) {
        if (d.location.isValid()) d.location.file = fileName(d.location.fileName());
        const std::string text = d.text;
        m_problems.push_back(std::move(d));
        std::vector<RecursiveDependencyLink> links = parseRecursiveDependency(text);
        if (links.empty()) continue;
        // conf names no lines: look for them, in the edited files first.
        std::vector<std::string> files;
        for (auto it = m_edited.cbegin(); it != m_edited.cend(); ++it)
            files.push_back(it.key().toStdString());
        if (const Tree *tree = m_doc->tree()) {
            for (const RecursiveDependencyLink &l : links)
                for (const std::string &name : {l.symbol, l.other})
                    if (const Symbol *s = tree->symbols().find(name))
                        for (const MenuNode *m : s->menus)
                            if (m->location.isValid()) files.push_back(m->location.fileName());
        }
        SourceFiles sources;
        sources.setBaseDirectory(result.srctree.toStdString());
        for (const auto &[name, overlay] : result.request.overlays)
            sources.setOverlay(name, overlay);
        locateRecursiveDependency(links, files, sources, result.environment);
        for (const RecursiveDependencyLink &l : links) {
            Diagnostic link;
            link.severity = Diagnostic::Severity::Error;
            link.message = "recursive dependency: symbol " + l.sentence;
            link.text = link.message + '\n';
            if (!l.file.empty()) link.location = SourceLocation{fileName(l.file), l.line};
            m_problems.push_back(std::move(link));
        }
    }
}

QList<WhatIfSession::Marker> WhatIfSession::markers(const QString &file) const
{
    QList<Marker> out;
    const std::string name = file.toStdString();
    for (const Diagnostic &d : m_problems) {
        if (!d.location.isValid() || *d.location.file != name) continue;
        out << Marker{d.location.line, d.severity == Diagnostic::Severity::Error, messageOf(d)};
    }
    return out;
}

void WhatIfSession::setState(State state)
{
    if (m_state == state) return;
    m_state = state;
    emit stateChanged(state);
}
