// SPDX-License-Identifier: MIT
// What-if mode's state for the open tree: Kconfig files edited in memory
// (typed in the source view or brought by a patch), the edited tree parsed
// from them off the GUI thread shortly after the last change, and that
// tree's problems with the lines they point at. The files on disk change only
// when the user saves one explicitly.
#pragma once

#include "treeloadjob.h"

#include <kconfig/diagnostic.h>

#include <QMap>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <deque>
#include <memory>
#include <optional>
#include <vector>

class ConfigDocument;
class QThread;
class QTimer;

class WhatIfSession : public QObject
{
    Q_OBJECT
public:
    explicit WhatIfSession(ConfigDocument *doc, QObject *parent = nullptr);
    ~WhatIfSession() override;

    ConfigDocument *document() const { return m_doc; }

    // ---- edited files (names as `source` gives them, relative to srctree) ----
    QStringList editedFiles() const { return m_edited.keys(); }
    bool isEdited(const QString &file) const { return m_edited.contains(file); }
    bool fromPatch(const QString &file) const { return m_patched.contains(file); }
    std::optional<QString> editedText(const QString &file) const;
    QString diskText(const QString &file) const; // as the loaded tree read it
    // Replaces a file's text; the same text as on disk ends its edit.
    void setText(const QString &file, const QString &text);
    void revert(const QString &file);
    void revertAll();
    // Writes the edited text over the file on disk (the caller asks first).
    bool saveToDisk(const QString &file, QString *error);
    // Files saved since the tree was loaded: the loaded tree predates them.
    QStringList savedFiles() const { return m_saved.values(); }

    struct PatchOutcome
    {
        QString subject;
        QStringList patched;  // Kconfig files now edited
        QStringList ignored;  // not Kconfig files
        QStringList rejected; // "file: hunk #N (patch line L) does not apply ..."
        QStringList errors;   // malformed input
    };
    // Applies a unified diff or a git format-patch mail to the edited files.
    PatchOutcome applyPatch(const QString &patchText);
    QString patchSubject() const { return m_subject; }
    // What the patches applied so far left out (until Revert All).
    QStringList patchIgnored() const { return m_ignored; }
    QStringList patchRejected() const { return m_rejected; }

    // ---- the edited tree ----
    enum class State
    {
        NoEdits, // the edited tree is the loaded one
        Waiting, // edited; parsing after a pause
        Parsing,
        Loaded,
        Failed
    };
    State state() const { return m_state; }
    void reparse(); // now, superseding a parse in flight
    void setReparseDelay(int milliseconds);
    // The edited tree once parsed (null otherwise) and the loaded one.
    std::shared_ptr<const LoadedTree> editedTree() const { return m_editedTree; }
    std::shared_ptr<const LoadedTree> originalTree() const;
    // Why the edited tree does not load (Failed).
    QString failure() const { return m_failure; }
    // Problems of the last parse; a recursive dependency is followed by one
    // error per link of the cycle, at the line that writes it.
    const std::vector<kconfig::Diagnostic> &problems() const { return m_problems; }
    struct Marker
    {
        int line = 0;
        bool error = false;
        QString message;
    };
    QList<Marker> markers(const QString &file) const;
    // A problem's message without the "file:line:warning:" conf repeats.
    static QString messageOf(const kconfig::Diagnostic &d);
    int filesInTree() const; // of the loaded tree, for progress
    double parseSeconds() const { return m_parseSeconds; }

signals:
    void filesChanged();                    // the edited set or a text changed
    void fileReplaced(const QString &file); // changed outside the editor (revert, patch)
    void stateChanged(WhatIfSession::State state);
    void reparseProgress(int files, int total);
    void reparsed(); // state() is Loaded or Failed; problems() and markers() are new

private:
    void onDocumentLoaded();
    void schedule();
    void finishParse(std::shared_ptr<LoadedTree> result, int generation);
    void collectProblems(const LoadedTree &result);
    void setState(State state);
    bool hasChanges() const { return !m_edited.isEmpty() || !m_saved.isEmpty(); }

    ConfigDocument *m_doc;
    QString m_srctree; // of the tree the edits belong to
    QMap<QString, QString> m_edited;
    QMap<QString, QString> m_disk; // original text of each edited file
    QSet<QString> m_patched;
    QSet<QString> m_saved;
    QString m_subject;
    QStringList m_ignored;
    QStringList m_rejected;

    QTimer *m_timer;
    State m_state = State::NoEdits;
    int m_generation = 0;
    TreeLoadJob *m_job = nullptr;
    std::vector<QThread *> m_threads; // parses in flight (superseded ones finish quietly)
    std::shared_ptr<const LoadedTree> m_editedTree;
    QString m_failure;
    std::vector<kconfig::Diagnostic> m_problems;
    std::deque<std::string> m_problemFiles; // the names m_problems point to
    double m_parseSeconds = 0;
};
