// SPDX-License-Identifier: MIT
// The main window: the menu tree on the left, the symbol's tabs (Symbol,
// Source, and more later) in the middle, the always-present "Why" dock on the
// right, load diagnostics at the bottom, search in the toolbar, and the File,
// Edit, View, Symbol and Help menus that drive the ConfigDocument.
#pragma once

#include "menutreemodel.h"
#include "openrequest.h"

#include <QImage>
#include <QMainWindow>

class ConfigDocument;
class DiagnosticList;
class MenuTreeView;
class NavigationHistory;
class QActionGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QSplitter;
class QTabWidget;
class QTimer;
class QToolButton;
class SearchPanel;
class SourceView;
class SymbolPage;
class WhatIfMode;
class WhyPanel;
class ShellConsentBanner;
struct ActionResult;
namespace kconfig {
struct MenuNode;
struct Symbol;
} // namespace kconfig

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    ConfigDocument *document() const { return m_doc; }
    NavigationHistory *history() const { return m_history; }
    MenuTreeView *menuTree() const { return m_tree; }
    SymbolPage *symbolPage() const { return m_symbolPage; }
    SourceView *sourceView() const { return m_sourceView; }
    QTabWidget *tabs() const { return m_tabs; }
    DiagnosticList *diagnostics() const { return m_diagnostics; }
    QDockWidget *diagnosticsDock() const { return m_diagnosticsDock; }
    QDockWidget *whyDock() const { return m_whyDock; }
    WhyPanel *whyPanel() const { return m_why; }
    ShellConsentBanner *shellConsentBanner() const { return m_shellBanner; }
    QLineEdit *searchField() const { return m_searchField; }
    SearchPanel *searchPanel() const { return m_search; }
    WhatIfMode *whatIf() const { return m_whatIf; }

    // A page for the current symbol next to Symbol and Source (e.g. a graph).
    int addTab(QWidget *page, const QString &title);

    // Opens a tree (asks first when there are unsaved changes).
    bool open(const OpenRequest &request);
    bool navigateTo(const kconfig::MenuNode *menu);
    bool navigateTo(const kconfig::Symbol *symbol);

    // Journals unsaved value changes and, when a tree is opened that has a
    // journal from a session that ended without saving, asks whether to
    // restore them. For interactive sessions: off by default, so that
    // screenshots and tests neither leave journals nor get asked.
    void setOfferJournalRestore(bool offer);

    // The window as an image (what "Copy screenshot" and --screenshot produce).
    QImage screenshot();
    QString statusText() const; // the permanent status bar text

public slots:
    bool save();
    bool saveAs();

protected:
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    void createStatusBar();
    void readSettings();
    void writeSettings() const;

    void openTreeDialog();
    void openKconfigFile();
    void loadConfigFile();
    void saveDefconfig();
    void copyScreenshot();
    void showIntroduction();
    void showAbout();
    void rememberRecent(const OpenRequest &request);
    void updateRecentMenu();
    bool maybeSave();
    void offerJournalRestore();
    void setValueOfCurrent(int value);
    void switchArchitecture(const QString &arch);
    void setOptionMode(MenuTreeModel::OptionMode mode);

    void onLoadStarted();
    void onLoadProgress(int files, int probes);
    void onLoaded();
    void onLoadFailed(const QString &message);
    void onValuesChanged(const ActionResult &action);
    void onCurrentChanged(const kconfig::MenuNode *menu);
    void showSource(const QString &file, int line);
    void runSearch();
    void updateTitle();
    void showMessage(const QString &text);

    ConfigDocument *m_doc;
    NavigationHistory *m_history;
    MenuTreeView *m_tree;
    QSplitter *m_splitter;
    QTabWidget *m_tabs;
    SymbolPage *m_symbolPage;
    SourceView *m_sourceView;
    QDockWidget *m_whyDock;
    QDockWidget *m_diagnosticsDock;
    DiagnosticList *m_diagnostics;
    QDockWidget *m_searchDock;
    SearchPanel *m_search;
    WhatIfMode *m_whatIf = nullptr;
    WhyPanel *m_why = nullptr;
    ShellConsentBanner *m_shellBanner = nullptr;
    QLineEdit *m_searchField;
    QTimer *m_searchTimer;
    QComboBox *m_archCombo;
    QAction *m_archAction = nullptr;

    QLabel *m_stats;
    QLabel *m_modified;
    QLabel *m_loadLabel;
    QProgressBar *m_progress;
    QToolButton *m_cancel;

    QAction *m_openTree = nullptr;
    QAction *m_openFile = nullptr;
    QAction *m_loadConfig = nullptr;
    QAction *m_save = nullptr;
    QAction *m_saveAs = nullptr;
    QAction *m_saveDefconfig = nullptr;
    QAction *m_copyScreenshot = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_find = nullptr;
    QAction *m_showName = nullptr;
    QActionGroup *m_modeGroup = nullptr;
    QAction *m_modeActions[3] = {};
    QAction *m_expandAll = nullptr;
    QAction *m_collapseAll = nullptr;
    QAction *m_back = nullptr;
    QAction *m_forward = nullptr;
    QAction *m_setValue[3] = {};
    QMenu *m_recentMenu = nullptr;
    bool m_layoutRestored = false; // splitter and dock sizes came from the settings
    bool m_offerJournalRestore = false;
};
