// SPDX-License-Identifier: MIT
// The open tree and its configuration as the GUI sees it: loading (off the
// GUI thread), every value change as an undoable action that reports which
// symbols changed, and the .config files it reads and writes through core.
#pragma once

#include "openrequest.h"
#include "treeloadjob.h"
#include "valuejournal.h"

#include <kconfig/config.h>
#include <kconfig/diagnostic.h>
#include <kconfig/tree.h>
#include <kconfig/valuesource.h>

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QThread;
class QTimer;
class QUndoStack;

// What a user action did: its description and every symbol whose value,
// visibility or writability changed, with before/after states.
struct ActionResult
{
    QString description;                      // e.g. "IOMMUFD n -> m"
    const kconfig::Symbol *subject = nullptr; // the symbol the user acted on, if any
    std::vector<kconfig::SymbolChange> changes;
    // User values the action replaced, for explaining the change.
    std::vector<std::pair<const kconfig::Symbol *, kconfig::UserValue>> userBefore;
};

class ConfigDocument : public QObject
{
    Q_OBJECT
public:
    explicit ConfigDocument(QObject *parent = nullptr);
    ~ConfigDocument() override;

    // ---- loading ----
    void open(const OpenRequest &request);
    void cancelLoad();
    // Runs the probes the tree was refused after all (the user agreed; the
    // consent is remembered) and reloads it with the same .config.
    void trustShellAndReload();
    bool isLoading() const { return m_job != nullptr; }
    bool isLoaded() const { return m_loaded && m_loaded->tree; }
    const LoadedTree *loadInfo() const { return m_loaded.get(); }
    // The same, shared with work that outlives a reload (what-if analysis).
    std::shared_ptr<const LoadedTree> sharedLoadInfo() const { return m_loaded; }

    kconfig::Tree *tree() const { return m_loaded ? m_loaded->tree.get() : nullptr; }
    kconfig::Config *config() const { return m_loaded ? m_loaded->config.get() : nullptr; }
    const std::vector<kconfig::Diagnostic> &diagnostics() const { return m_diagnostics; }
    QString title() const;      // mainmenu prompt
    QString configPath() const; // the .config this document saves to
    QString srctree() const;

    // ---- values (undoable) ----
    bool setTristate(const kconfig::Symbol *sym, kconfig::Tristate value);
    bool setString(const kconfig::Symbol *sym, const QString &value, QString *error = nullptr);
    bool toggle(const kconfig::Symbol *sym); // n -> m -> y like xconfig's Space
    bool selectChoiceMember(const kconfig::Symbol *member);
    QUndoStack *undoStack() const { return m_undo; }
    const ActionResult &lastAction() const { return m_lastAction; }

    // ---- files ----
    bool isModified() const;
    bool isDemo() const { return m_loaded && m_loaded->isDemo; }
    bool loadConfig(const QString &path, QString *error);
    bool save(QString *error);                        // to configPath()
    bool saveAs(const QString &path, QString *error); // becomes configPath()
    bool saveDefconfig(const QString &path, QString *error);
    // True when the .config on disk changed since it was loaded or saved.
    bool configChangedOnDisk() const;

    // ---- journal of unsaved changes (crash recovery, see valuejournal.h) ----
    // Off by default, so that tests and screenshots neither write nor find journals.
    void setJournalEnabled(bool enabled);
    bool isJournalEnabled() const { return m_journalEnabled; }
    QString journalPath() const { return m_journalPath; }
    // The journal an earlier session left for this document, found by the
    // last load. The document leaves the file alone until it is restored or
    // discarded, so a crash before the answer loses nothing either.
    const ValueJournal *pendingJournal() const
    {
        return m_pendingJournal ? &*m_pendingJournal : nullptr;
    }
    // The .config differs from the one the pending journal's changes were made to.
    bool pendingJournalConfigChanged() const;
    struct JournalReplay
    {
        int applied = 0;
        QStringList problems; // assignments that could not be made, and why
    };
    // Replays the pending journal through the setters the user's edits use:
    // every assignment becomes an undoable change.
    JournalReplay restoreJournal();
    // Drops the pending journal or the current one, and removes its file.
    void discardJournal();
    // Writes the journal now instead of after the short pause.
    void flushJournal();

    // Applies user values of `syms` (used by undo commands): raw state in, changes out.
    struct UserState
    {
        const kconfig::Symbol *symbol;
        bool has;
        kconfig::Tristate tri;
        std::string value;
    };
    struct ChoiceOrder
    {
        const kconfig::MenuNode *choice;
        std::vector<const kconfig::Symbol *> order;
    };
    std::vector<UserState> captureUserState(const std::vector<const kconfig::Symbol *> &syms) const;
    std::vector<ChoiceOrder>
    captureChoiceOrder(const std::vector<const kconfig::Symbol *> &syms) const;
    void restore(const std::vector<UserState> &state, const std::vector<ChoiceOrder> &orders,
                 const QString &description);
    static std::vector<std::pair<const kconfig::Symbol *, kconfig::UserValue>>
    toUserValues(const std::vector<UserState> &state);

signals:
    void loadStarted();
    void loadProgress(int filesParsed, int probesRun);
    void loaded(); // tree() and config() are valid
    void loadFailed(const QString &message);
    void valuesChanged(const ActionResult &action); // after every change, undo or redo
    void modifiedChanged(bool modified);

private:
    void finishLoad(std::shared_ptr<LoadedTree> result);
    void publish(ActionResult action);
    void rememberDiskState();
    bool pushChange(const QString &description, const kconfig::Symbol *subject,
                    const std::vector<const kconfig::Symbol *> &touched,
                    const std::function<bool()> &apply, JournalAssignment assignment);
    void rememberBaseValues();
    void findJournal();
    void scheduleJournal();
    void writeJournal();
    std::vector<JournalAssignment> unsavedAssignments() const;

    std::shared_ptr<LoadedTree> m_loaded;
    std::vector<kconfig::Diagnostic> m_diagnostics;
    std::deque<std::string> m_diagnosticFiles;
    TreeLoadJob *m_job = nullptr;
    QThread *m_thread = nullptr;
    QUndoStack *m_undo = nullptr;
    ActionResult m_lastAction;
    QDateTime m_diskTime;
    qint64 m_diskSize = -1;
    bool m_baseModified = false; // differs from disk without any undoable action

    bool m_journalEnabled = false;
    bool m_journalWarned = false;
    QTimer *m_journalTimer = nullptr;
    QString m_journalPath;
    std::optional<ValueJournal> m_pendingJournal;
    ConfigFileState m_diskFile;        // the .config as loaded or saved, for the journal
    std::vector<UserState> m_baseUser; // user values as loaded or saved, in symbols().all() order
};
