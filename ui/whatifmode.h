// SPDX-License-Identifier: MIT
// What-if mode in the main window: the session of in-memory edits, the edit
// controls of the Source tab (Edit, Re-parse, Save to Disk, Revert), the
// What-if dock, its menu, and the change graph tab. Symbols and locations the
// report names lead back to the menu tree and the source.
#pragma once

#include <QObject>
#include <QString>

#include <memory>

class MainWindow;
class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class WhatIfGraph;
class WhatIfPanel;
class WhatIfSession;
struct WhatIfResult;

class WhatIfMode : public QObject
{
    Q_OBJECT
public:
    explicit WhatIfMode(MainWindow *window);

    WhatIfSession *session() const { return m_session; }
    WhatIfPanel *panel() const { return m_panel; }
    QDockWidget *dock() const { return m_dock; }
    QMenu *menu() const { return m_menu; }
    WhatIfGraph *graph() const { return m_graph; } // null until first shown
    QAction *applyPatchAction() const { return m_applyPatch; }
    QAction *editAction() const { return m_edit; }
    QAction *reparseAction() const { return m_reparse; }
    QAction *runAction() const { return m_run; }
    QAction *saveToDiskAction() const { return m_saveToDisk; }

    // Applies a patch file to the files in memory; false with a message when
    // it cannot be read or a hunk is rejected (what did apply stays applied).
    bool applyPatchFile(const QString &path, QString *message);
    void showGraph(std::shared_ptr<WhatIfResult> result, int baseline);

signals:
    void sourceRequested(const QString &file, int line);

private:
    void createActions();
    void createSourceControls();
    void setEditing(bool on);
    void applyPatchDialog();
    void saveFileToDisk();
    void updateSourceState();
    void showPanel();
    void showFile(const QString &file); // at its first edited line
    void selectSymbol(const QString &name);

    MainWindow *m_window;
    WhatIfSession *m_session;
    WhatIfPanel *m_panel;
    QDockWidget *m_dock;
    WhatIfGraph *m_graph = nullptr;
    QMenu *m_menu;
    QLabel *m_sourceState = nullptr;
    QAction *m_applyPatch = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_reparse = nullptr;
    QAction *m_run = nullptr;
    QAction *m_saveToDisk = nullptr;
    QAction *m_revertFile = nullptr;
    QAction *m_revertAll = nullptr;
};
