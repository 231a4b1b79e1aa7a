// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "configdocument.h"
#include "diagnosticlist.h"
#include "graphview.h"
#include "menutreeview.h"
#include "navigationhistory.h"
#include "opentreedialog.h"
#include "searchpanel.h"
#include "shellconsentbanner.h"
#include "sourceview.h"
#include "symbolpage.h"
#include "valuejournal.h"
#include "whatifmode.h"
#include "whypanel.h"

#include <kconfig/kerneltree.h>
#include <kconfig/menunode.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>

#include <QAbstractItemView>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace kconfig;
using OptionMode = MenuTreeModel::OptionMode;

namespace {

constexpr int MaxRecent = 8;
const QString Separator = QStringLiteral(" \u00b7 ");

QString grouped(qint64 n);

// English plurals without a translation catalogue: "1 file", "2 files".
QString counted(qint64 n, const QString &one, const QString &many)
{
    return grouped(n) + QLatin1Char(' ') + (n == 1 ? one : many);
}

QString grouped(qint64 n)
{
    QLocale locale;
    if (locale.language() == QLocale::C) locale = QLocale(QLocale::English, QLocale::UnitedStates);
    return locale.toString(n);
}

QString shortPath(const QString &path)
{
    const QString home = QDir::homePath();
    if (!home.isEmpty() && home != QLatin1String("/") && path.startsWith(home + QLatin1Char('/')))
        return QStringLiteral("~") + path.mid(home.size());
    return QDir::toNativeSeparators(path);
}

// Sets a tool tip that names the shortcut, so toolbar buttons teach the keys.
void describe(QAction *action, const QString &tip)
{
    const QString keys = action->shortcut().toString(QKeySequence::NativeText);
    action->setToolTip(keys.isEmpty() ? tip : tip + QStringLiteral(" (") + keys + QLatin1Char(')'));
    action->setStatusTip(tip);
}

// The search field: Escape leaves it, Down/Enter go to the results.
class SearchField : public QLineEdit
{
public:
    std::function<void()> onEscape;
    std::function<void()> onDown;
    using QLineEdit::QLineEdit;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->key() == Qt::Key_Escape && onEscape) {
            onEscape();
            return;
        }
        if (event->key() == Qt::Key_Down && onDown) {
            onDown();
            return;
        }
        QLineEdit::keyPressEvent(event);
    }
};

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_doc(new ConfigDocument(this)), m_history(new NavigationHistory(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    // The old tree is gone when `loaded` arrives: forget its entries before
    // anybody else hears of the new one.
    connect(m_doc, &ConfigDocument::loaded, m_history, &NavigationHistory::clear);
    m_tree = new MenuTreeView(m_doc, m_history);
    m_tree->setObjectName(QStringLiteral("MenuTree"));
    m_symbolPage = new SymbolPage(m_doc);
    m_sourceView = new SourceView(m_doc);
    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    // Pages may ask for more; small windows (and --size) still fit.
    m_tabs->setMinimumWidth(fontMetrics().averageCharWidth() * 30);
    m_tabs->addTab(m_symbolPage, tr("Symbol"));
    m_tabs->addTab(m_sourceView, tr("Source"));
    auto *graph = new GraphView(m_doc, m_history);
    m_tabs->addTab(graph, tr("Graph"));

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("MainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    // The menu tree, under the bar that appears while a tree's probes wait
    // for the user's consent.
    auto *treeColumn = new QWidget;
    auto *treeLayout = new QVBoxLayout(treeColumn);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLayout->setSpacing(0);
    m_shellBanner = new ShellConsentBanner(m_doc);
    treeLayout->addWidget(m_shellBanner);
    treeLayout->addWidget(m_tree, 1);
    m_splitter->addWidget(treeColumn);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    setCentralWidget(m_splitter);

    createActions();
    createDocks();
    m_whatIf = new WhatIfMode(this);
    createMenus();
    createToolBar();
    createStatusBar();

    connect(m_doc, &ConfigDocument::loadStarted, this, &MainWindow::onLoadStarted);
    connect(m_doc, &ConfigDocument::loadProgress, this, &MainWindow::onLoadProgress);
    connect(m_doc, &ConfigDocument::loaded, this, &MainWindow::onLoaded);
    connect(m_doc, &ConfigDocument::loadFailed, this, &MainWindow::onLoadFailed);
    connect(m_doc, &ConfigDocument::valuesChanged, this, &MainWindow::onValuesChanged);
    connect(m_doc, &ConfigDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_history, &NavigationHistory::currentChanged, this, &MainWindow::onCurrentChanged);
    connect(m_history, &NavigationHistory::historyChanged, this, [this] {
        m_back->setEnabled(m_history->canGoBack());
        m_forward->setEnabled(m_history->canGoForward());
    });
    connect(m_tree, &MenuTreeView::message, this, &MainWindow::showMessage);
    connect(m_tree, &MenuTreeView::optionModeChanged, this,
            [this](OptionMode mode) { m_modeActions[static_cast<int>(mode)]->setChecked(true); });
    connect(m_symbolPage, &SymbolPage::symbolActivated, this,
            [this](const Symbol *symbol) { navigateTo(symbol); });
    connect(m_symbolPage, &SymbolPage::sourceRequested, this, &MainWindow::showSource);
    connect(m_symbolPage, &SymbolPage::menuActivated, this,
            [this](const MenuNode *menu) { navigateTo(menu); });
    connect(m_sourceView, &SourceView::symbolActivated, this,
            [this](const Symbol *symbol) { navigateTo(symbol); });
    connect(m_why, &WhyPanel::sourceRequested, this, &MainWindow::showSource);
    connect(m_diagnostics, &DiagnosticList::locationActivated, this, &MainWindow::showSource);
    connect(m_whatIf, &WhatIfMode::sourceRequested, this, &MainWindow::showSource);
    connect(graph, &GraphView::sourceRequested, this, &MainWindow::showSource);
    connect(m_search, &SearchPanel::menuChosen, this,
            [this](const MenuNode *menu) { navigateTo(menu); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this, graph] {
        if (m_tabs->currentWidget() == m_sourceView && m_history->current())
            m_sourceView->showMenu(m_history->current());
        // A graph needs room: give its page at least half of the splitter
        // (the user's own wider split stays).
        if (m_tabs->currentWidget() == graph) {
            const QList<int> sizes = m_splitter->sizes();
            const int total = sizes.value(0) + sizes.value(1);
            if (sizes.value(1) < total / 2) m_splitter->setSizes({total - total / 2, total / 2});
        }
    });

    readSettings();
    updateTitle();
}

MainWindow::~MainWindow()
{
    // The document is a plain QObject child, so it outlives this body and the
    // widgets; nothing it or its undo stack emits while it goes may reach the
    // half-destroyed window (lambdas here have the window's actions as context).
    m_doc->undoStack()->disconnect();
    m_doc->disconnect();
}

// ---- construction ---------------------------------------------------------------------

void MainWindow::createActions()
{
    m_openTree = new QAction(QIcon::fromTheme(QStringLiteral("document-open-folder")),
                             tr("&Open Kernel Tree…"), this);
    m_openTree->setShortcut(QKeySequence::Open);
    describe(m_openTree, tr("Open a Linux source tree"));
    connect(m_openTree, &QAction::triggered, this, &MainWindow::openTreeDialog);

    m_openFile = new QAction(tr("Open &Kconfig File…"), this);
    describe(m_openFile, tr("Open a top-level Kconfig file"));
    connect(m_openFile, &QAction::triggered, this, &MainWindow::openKconfigFile);

    m_loadConfig =
        new QAction(QIcon::fromTheme(QStringLiteral("document-import")), tr("&Load Config…"), this);
    m_loadConfig->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    describe(m_loadConfig, tr("Load values from a .config file"));
    connect(m_loadConfig, &QAction::triggered, this, &MainWindow::loadConfigFile);

    m_save = new QAction(QIcon::fromTheme(QStringLiteral("document-save")), tr("&Save"), this);
    m_save->setShortcut(QKeySequence::Save);
    describe(m_save, tr("Save the configuration"));
    connect(m_save, &QAction::triggered, this, &MainWindow::save);

    m_saveAs =
        new QAction(QIcon::fromTheme(QStringLiteral("document-save-as")), tr("Save &As…"), this);
    m_saveAs->setShortcut(QKeySequence::SaveAs);
    describe(m_saveAs, tr("Save the configuration to another file"));
    connect(m_saveAs, &QAction::triggered, this, &MainWindow::saveAs);

    m_saveDefconfig = new QAction(tr("Save &Minimal Defconfig…"), this);
    describe(m_saveDefconfig,
             tr("Save only the values that differ from the defaults (savedefconfig)"));
    connect(m_saveDefconfig, &QAction::triggered, this, &MainWindow::saveDefconfig);

    m_copyScreenshot = new QAction(tr("Copy Screens&hot"), this);
    describe(m_copyScreenshot, tr("Copy an image of the window to the clipboard"));
    connect(m_copyScreenshot, &QAction::triggered, this, &MainWindow::copyScreenshot);

    m_quit = new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this);
    m_quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    // Fixed texts keep the toolbar still; the tool tip names the action.
    QUndoStack *stack = m_doc->undoStack();
    m_undo = new QAction(QIcon::fromTheme(QStringLiteral("edit-undo")), tr("&Undo"), this);
    m_undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    m_undo->setEnabled(false);
    connect(m_undo, &QAction::triggered, stack, &QUndoStack::undo);
    connect(stack, &QUndoStack::canUndoChanged, m_undo, &QAction::setEnabled);
    connect(stack, &QUndoStack::undoTextChanged, m_undo,
            [this](const QString &text) { describe(m_undo, tr("Undo %1").arg(text)); });
    m_redo = new QAction(QIcon::fromTheme(QStringLiteral("edit-redo")), tr("&Redo"), this);
    m_redo->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    m_redo->setEnabled(false);
    connect(m_redo, &QAction::triggered, stack, &QUndoStack::redo);
    connect(stack, &QUndoStack::canRedoChanged, m_redo, &QAction::setEnabled);
    connect(stack, &QUndoStack::redoTextChanged, m_redo,
            [this](const QString &text) { describe(m_redo, tr("Redo %1").arg(text)); });

    m_find = new QAction(QIcon::fromTheme(QStringLiteral("edit-find")), tr("&Find…"), this);
    m_find->setShortcut(QKeySequence::Find);
    describe(m_find, tr("Search symbol names, prompts and help texts"));

    m_showName = new QAction(tr("Show &Name Column"), this);
    m_showName->setCheckable(true);
    m_showName->setChecked(true);
    connect(m_showName, &QAction::toggled, m_tree, &MenuTreeView::setNameColumnVisible);

    m_modeGroup = new QActionGroup(this);
    const QString modeTexts[] = {tr("Show No&rmal Options"), tr("Show &Prompt Options"),
                                 tr("Show &All Options")};
    const QString modeTips[] = {tr("Only entries whose prompt is visible"),
                                tr("Every entry with a prompt, visible or not"),
                                tr("Every entry, hidden ones dimmed")};
    for (int i = 0; i < 3; ++i) {
        m_modeActions[i] = new QAction(modeTexts[i], m_modeGroup);
        m_modeActions[i]->setCheckable(true);
        m_modeActions[i]->setStatusTip(modeTips[i]);
        connect(m_modeActions[i], &QAction::triggered, this,
                [this, i] { setOptionMode(static_cast<OptionMode>(i)); });
    }
    m_modeActions[0]->setChecked(true);

    m_expandAll = new QAction(tr("&Expand All"), this);
    connect(m_expandAll, &QAction::triggered, m_tree, &QTreeView::expandAll);
    m_collapseAll = new QAction(tr("&Collapse All"), this);
    connect(m_collapseAll, &QAction::triggered, m_tree, &QTreeView::collapseAll);

    m_back = new QAction(QIcon::fromTheme(QStringLiteral("go-previous")), tr("&Back"), this);
    m_back->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    describe(m_back, tr("Back to the previous symbol"));
    m_back->setEnabled(false);
    connect(m_back, &QAction::triggered, m_history, &NavigationHistory::back);
    m_forward = new QAction(QIcon::fromTheme(QStringLiteral("go-next")), tr("&Forward"), this);
    m_forward->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    describe(m_forward, tr("Forward to the next symbol"));
    m_forward->setEnabled(false);
    connect(m_forward, &QAction::triggered, m_history, &NavigationHistory::forward);

    const QString valueTexts[] = {tr("Set to &n"), tr("Set to &m"), tr("Set to &y")};
    const Qt::Key valueKeys[] = {Qt::Key_N, Qt::Key_M, Qt::Key_Y};
    for (int i = 0; i < 3; ++i) {
        m_setValue[i] = new QAction(valueTexts[i], this);
        m_setValue[i]->setShortcut(QKeySequence(valueKeys[i]));
        // The keys belong to the tree; elsewhere they are ordinary letters.
        m_setValue[i]->setShortcutContext(Qt::WidgetShortcut);
        m_tree->addAction(m_setValue[i]);
        connect(m_setValue[i], &QAction::triggered, this, [this, i] { setValueOfCurrent(i); });
    }
}

void MainWindow::createDocks()
{
    setDockOptions(AnimatedDocks | AllowTabbedDocks);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    m_whyDock = new QDockWidget(tr("Why"), this);
    m_whyDock->setObjectName(QStringLiteral("WhyDock"));
    // Always there: it can float but not be closed.
    m_whyDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_why = new WhyPanel(m_doc, m_history);
    m_why->setObjectName(QStringLiteral("WhyPanel"));
    m_why->setMinimumWidth(fontMetrics().averageCharWidth() * 24);
    m_whyDock->setWidget(m_why);
    addDockWidget(Qt::RightDockWidgetArea, m_whyDock);

    m_diagnostics = new DiagnosticList;
    m_diagnosticsDock = new QDockWidget(tr("Diagnostics"), this);
    m_diagnosticsDock->setObjectName(QStringLiteral("DiagnosticsDock"));
    m_diagnosticsDock->setWidget(m_diagnostics);
    addDockWidget(Qt::BottomDockWidgetArea, m_diagnosticsDock);
    m_diagnosticsDock->hide();

    m_search = new SearchPanel(m_doc);
    m_search->queryEdit()->hide(); // the toolbar field drives the panel
    m_searchDock = new QDockWidget(tr("Search"), this);
    m_searchDock->setObjectName(QStringLiteral("SearchDock"));
    m_searchDock->setWidget(m_search);
    addDockWidget(Qt::BottomDockWidgetArea, m_searchDock);
    tabifyDockWidget(m_diagnosticsDock, m_searchDock);
    m_searchDock->hide();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openTree);
    file->addAction(m_openFile);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(m_loadConfig);
    file->addAction(m_save);
    file->addAction(m_saveAs);
    file->addAction(m_saveDefconfig);
    file->addSeparator();
    file->addAction(m_whatIf->applyPatchAction());
    file->addSeparator();
    file->addAction(m_copyScreenshot);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undo);
    edit->addAction(m_redo);
    edit->addSeparator();
    edit->addAction(m_find);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_showName);
    view->addSeparator();
    for (QAction *a : m_modeActions)
        view->addAction(a);
    view->addSeparator();
    view->addAction(m_expandAll);
    view->addAction(m_collapseAll);
    view->addSeparator();
    view->addAction(m_diagnosticsDock->toggleViewAction());
    view->addAction(m_searchDock->toggleViewAction());
    view->addAction(m_whatIf->dock()->toggleViewAction());

    QMenu *symbol = menuBar()->addMenu(tr("&Symbol"));
    symbol->addAction(m_back);
    symbol->addAction(m_forward);
    symbol->addSeparator();
    for (QAction *a : m_setValue)
        symbol->addAction(a);
    symbol->addSeparator();
    QAction *symbolHelp = symbol->addAction(tr("Symbol &Help"), this, [this] {
        m_tabs->setCurrentWidget(m_symbolPage);
        m_symbolPage->setFocus();
    });
    symbolHelp->setShortcut(QKeySequence::HelpContents);

    menuBar()->addMenu(m_whatIf->menu());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Introduction"), this, &MainWindow::showIntroduction);
    QAction *about = help->addAction(tr("&About Kconfig Studio"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("MainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonFollowStyle);
    bar->addAction(m_openTree);
    bar->addAction(m_loadConfig);
    bar->addAction(m_save);
    bar->addSeparator();
    bar->addAction(m_undo);
    bar->addAction(m_redo);
    bar->addSeparator();
    bar->addAction(m_back);
    bar->addAction(m_forward);
    bar->addSeparator();

    m_archCombo = new QComboBox;
    m_archCombo->setToolTip(tr("Architecture (ARCH): reopens the tree for another architecture"));
    m_archCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_archCombo, &QComboBox::activated, this,
            [this](int index) { switchArchitecture(m_archCombo->itemText(index)); });
    auto *archLabel = new QLabel(tr(" arch: "));
    archLabel->setBuddy(m_archCombo);
    auto *archBox = new QWidget;
    auto *archLayout = new QHBoxLayout(archBox);
    archLayout->setContentsMargins(0, 0, 0, 0);
    archLayout->setSpacing(0);
    archLayout->addWidget(archLabel);
    archLayout->addWidget(m_archCombo);
    m_archAction = bar->addWidget(archBox);
    m_archAction->setVisible(false);

    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);

    auto *field = new SearchField;
    m_searchField = field;
    field->setObjectName(QStringLiteral("SearchField"));
    field->setPlaceholderText(tr("search names, prompts, help…"));
    field->setClearButtonEnabled(true);
    field->addAction(QIcon::fromTheme(QStringLiteral("edit-find")), QLineEdit::LeadingPosition);
    field->setMinimumWidth(fontMetrics().averageCharWidth() * 30);
    field->setMaximumWidth(fontMetrics().averageCharWidth() * 48);
    field->setToolTip(
        tr("Search (Ctrl+F or /): Enter jumps to the first result, Down goes to the list"));
    bar->addWidget(field);

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(120);
    connect(m_searchTimer, &QTimer::timeout, this, &MainWindow::runSearch);
    connect(field, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(field, &QLineEdit::returnPressed, this, [this] {
        runSearch();
        if (m_search->resultCount() > 0) navigateTo(m_search->resultAt(0));
    });
    field->onEscape = [this] {
        m_searchField->clear();
        m_searchDock->hide();
        m_tree->setFocus();
    };
    field->onDown = [this] {
        runSearch();
        m_searchDock->show();
        m_searchDock->raise();
        const auto lists = m_search->findChildren<QAbstractItemView *>();
        if (!lists.isEmpty()) lists.first()->setFocus(Qt::TabFocusReason);
    };
    connect(m_find, &QAction::triggered, this, [this] {
        m_searchField->setFocus(Qt::ShortcutFocusReason);
        m_searchField->selectAll();
    });
    auto *slash = new QShortcut(QKeySequence(Qt::Key_Slash), this);
    connect(slash, &QShortcut::activated, m_find, &QAction::trigger);
    addAction(m_find);
}

void MainWindow::createStatusBar()
{
    m_loadLabel = new QLabel;
    m_progress = new QProgressBar;
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(fontMetrics().averageCharWidth() * 20);
    m_progress->setTextVisible(false);
    m_cancel = new QToolButton;
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop loading the tree"));
    connect(m_cancel, &QToolButton::clicked, m_doc, &ConfigDocument::cancelLoad);
    m_stats = new QLabel;
    m_stats->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_modified = new QLabel;
    statusBar()->addPermanentWidget(m_loadLabel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    statusBar()->addPermanentWidget(m_stats);
    statusBar()->addPermanentWidget(m_modified);
    m_loadLabel->hide();
    m_progress->hide();
    m_cancel->hide();
}

// ---- settings ----------------------------------------------------------------------------

void MainWindow::readSettings()
{
    QSettings s;
    const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1366, 768);
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray())) {
        const QSize size(qMin(1500, available.width() * 9 / 10),
                         qMin(950, available.height() * 9 / 10));
        resize(size);
        move(available.center() - rect().center());
    }
    m_layoutRestored =
        restoreState(s.value(QStringLiteral("window/state")).toByteArray()) &&
        m_splitter->restoreState(s.value(QStringLiteral("window/splitter")).toByteArray());
    m_whyDock->show(); // never closed, even by an old saved state

    m_showName->setChecked(s.value(QStringLiteral("tree/showName"), true).toBool());
    m_tree->setNameColumnVisible(m_showName->isChecked());
    const int mode = s.value(QStringLiteral("tree/optionMode"), 0).toInt();
    if (mode >= 0 && mode < 3) {
        m_modeActions[mode]->setChecked(true);
        m_tree->setOptionMode(static_cast<OptionMode>(mode));
    }
    const QByteArray header = s.value(QStringLiteral("tree/header")).toByteArray();
    if (!header.isEmpty()) m_tree->header()->restoreState(header);
    updateRecentMenu();
}

void MainWindow::writeSettings() const
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    s.setValue(QStringLiteral("tree/showName"), m_showName->isChecked());
    s.setValue(QStringLiteral("tree/optionMode"),
               static_cast<int>(m_tree->menuModel()->optionMode()));
    s.setValue(QStringLiteral("tree/header"), m_tree->header()->saveState());
}

void MainWindow::rememberRecent(const OpenRequest &request)
{
    if (request.path.isEmpty()) return; // the demo tree is always one click away (no argument)
    QSettings s;
    QList<OpenRequest> list;
    const int n = s.beginReadArray(QStringLiteral("recent"));
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        OpenRequest r;
        r.path = s.value(QStringLiteral("path")).toString();
        r.arch = s.value(QStringLiteral("arch")).toString();
        r.configFile = s.value(QStringLiteral("config")).toString();
        if (r.path != request.path || r.arch != request.arch) list << r;
    }
    s.endArray();
    list.prepend(request);
    s.beginWriteArray(QStringLiteral("recent"), qMin<int>(list.size(), MaxRecent));
    for (int i = 0; i < list.size() && i < MaxRecent; ++i) {
        s.setArrayIndex(i);
        s.setValue(QStringLiteral("path"), list[i].path);
        s.setValue(QStringLiteral("arch"), list[i].arch);
        s.setValue(QStringLiteral("config"), list[i].configFile);
    }
    s.endArray();
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    QSettings s;
    const int n = s.beginReadArray(QStringLiteral("recent"));
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        OpenRequest r;
        r.path = s.value(QStringLiteral("path")).toString();
        r.arch = s.value(QStringLiteral("arch")).toString();
        r.configFile = s.value(QStringLiteral("config")).toString();
        QString text = shortPath(r.path);
        if (!r.arch.isEmpty()) text += QStringLiteral(" (") + r.arch + QLatin1Char(')');
        QAction *a = m_recentMenu->addAction(text, this, [this, r] { open(r); });
        a->setStatusTip(r.configFile.isEmpty() ? r.path : r.path + Separator + r.configFile);
    }
    s.endArray();
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("Demo Tree"), this, [this] { open(OpenRequest{}); });
}

// ---- documents ---------------------------------------------------------------------------

bool MainWindow::maybeSave()
{
    if (!m_doc->isModified()) return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved Changes"),
                    tr("The configuration has unsaved changes."),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setInformativeText(tr("Save them to %1?").arg(shortPath(m_doc->configPath())));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

void MainWindow::setOfferJournalRestore(bool offer)
{
    m_offerJournalRestore = offer;
    m_doc->setJournalEnabled(offer);
}

void MainWindow::offerJournalRestore()
{
    const ValueJournal *journal = m_doc->pendingJournal();
    if (!journal) return;
    const auto count = qint64(journal->assignments.size());
    const QString when = QLocale().toString(journal->written.toLocalTime(), QLocale::ShortFormat);
    QMessageBox box(QMessageBox::Question, tr("Restore Unsaved Changes"),
                    tr("Restore %1 from %2?")
                        .arg(counted(count, tr("unsaved change"), tr("unsaved changes")), when),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("JournalRestoreQuestion"));
    QString info =
        tr("Kconfig Studio ended without saving them to %1.").arg(shortPath(m_doc->configPath()));
    if (m_doc->pendingJournalConfigChanged())
        info += QStringLiteral("\n\n") +
                tr("The file has changed on disk since then: restoring applies the changes to "
                   "its new contents.");
    box.setInformativeText(info);
    QStringList lines;
    for (const JournalAssignment &a : journal->assignments)
        lines << QString::fromUtf8(ValueJournal::formatAssignment(journal->prefix, a));
    box.setDetailedText(lines.join(QLatin1Char('\n')));
    QPushButton *restore = box.addButton(tr("Restore"), QMessageBox::AcceptRole);
    QAbstractButton *discard = box.addButton(QMessageBox::Discard);
    box.setDefaultButton(restore);
    box.exec();
    if (box.clickedButton() == discard) {
        m_doc->discardJournal();
        showMessage(tr("Discarded the unsaved changes"));
        return;
    }
    const ConfigDocument::JournalReplay replay = m_doc->restoreJournal();
    QString text = tr("Restored %1 of %2")
                       .arg(grouped(replay.applied),
                            counted(count, tr("unsaved change"), tr("unsaved changes")));
    // Symbols the tree lost or values it now refuses: worth saying, not fatal.
    if (!replay.problems.isEmpty())
        text += QStringLiteral("; ") + tr("not restored: %1").arg(replay.problems.join(Separator));
    showMessage(text);
    updateTitle();
}

bool MainWindow::open(const OpenRequest &request)
{
    if (!maybeSave()) return false;
    m_doc->open(request);
    return true;
}

void MainWindow::openTreeDialog()
{
    OpenRequest initial;
    if (const LoadedTree *info = m_doc->loadInfo(); info && !info->arch.isEmpty()) {
        initial.path = info->srctree;
        initial.arch = info->arch;
    }
    OpenTreeDialog dialog(initial, this);
    if (dialog.exec() == QDialog::Accepted) open(dialog.request());
}

void MainWindow::openKconfigFile()
{
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Open Kconfig File"), m_doc->srctree(),
                                     tr("Kconfig files (Kconfig*);;All files (*)"));
    if (file.isEmpty()) return;
    OpenRequest r;
    r.path = file;
    open(r);
}

void MainWindow::loadConfigFile()
{
    if (!m_doc->isLoaded() || !maybeSave()) return;
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Load Configuration"), QFileInfo(m_doc->configPath()).absolutePath());
    if (file.isEmpty()) return;
    QString error;
    if (!m_doc->loadConfig(file, &error))
        QMessageBox::warning(this, tr("Load Configuration"), error);
    else
        showMessage(tr("Loaded %1").arg(shortPath(file)));
    m_diagnostics->setDiagnostics(m_doc->diagnostics());
    updateTitle();
}

bool MainWindow::save()
{
    if (!m_doc->isLoaded()) return false;
    if (m_doc->isDemo()) return saveAs(); // the bundled tree is read-only for users
    if (m_doc->configChangedOnDisk()) {
        QMessageBox box(QMessageBox::Warning, tr("Configuration Changed on Disk"),
                        tr("%1 was changed by another program since it was loaded.")
                            .arg(shortPath(m_doc->configPath())),
                        QMessageBox::NoButton, this);
        box.setInformativeText(tr("Overwrite it with your configuration, reload it (losing your "
                                  "changes), or save your configuration elsewhere?"));
        QPushButton *overwrite = box.addButton(tr("Overwrite"), QMessageBox::DestructiveRole);
        QPushButton *reload = box.addButton(tr("Reload"), QMessageBox::ResetRole);
        QPushButton *saveElsewhere = box.addButton(tr("Save As…"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(saveElsewhere);
        box.exec();
        if (box.clickedButton() == reload) {
            QString error;
            if (!m_doc->loadConfig(m_doc->configPath(), &error))
                QMessageBox::warning(this, tr("Reload"), error);
            return false;
        }
        if (box.clickedButton() == saveElsewhere) return saveAs();
        if (box.clickedButton() != overwrite) return false;
    }
    QString error;
    if (!m_doc->save(&error)) {
        QMessageBox::warning(this, tr("Save"), error);
        return false;
    }
    showMessage(tr("Saved %1").arg(shortPath(m_doc->configPath())));
    updateTitle();
    return true;
}

bool MainWindow::saveAs()
{
    if (!m_doc->isLoaded()) return false;
    const QString start = m_doc->isDemo() ? QDir::home().filePath(QStringLiteral("demo.config"))
                                          : m_doc->configPath();
    const QString file = QFileDialog::getSaveFileName(this, tr("Save Configuration As"), start);
    if (file.isEmpty()) return false;
    QString error;
    if (!m_doc->saveAs(file, &error)) {
        QMessageBox::warning(this, tr("Save As"), error);
        return false;
    }
    showMessage(tr("Saved %1").arg(shortPath(file)));
    updateTitle();
    return true;
}

void MainWindow::saveDefconfig()
{
    if (!m_doc->isLoaded()) return;
    const QString dir = m_doc->isDemo() ? QDir::homePath() : m_doc->srctree();
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Save Minimal Defconfig"), QDir(dir).filePath(QStringLiteral("defconfig")));
    if (file.isEmpty()) return;
    QString error;
    if (!m_doc->saveDefconfig(file, &error))
        QMessageBox::warning(this, tr("Save Minimal Defconfig"), error);
    else
        showMessage(tr("Saved minimal defconfig %1").arg(shortPath(file)));
}

void MainWindow::switchArchitecture(const QString &arch)
{
    const LoadedTree *info = m_doc->loadInfo();
    if (!info || arch.isEmpty() || arch == info->arch) {
        return;
    }
    OpenRequest r = info->request;
    r.path = info->srctree;
    r.arch = arch;
    if (!open(r)) m_archCombo->setCurrentText(info->arch);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_layoutRestored) return;
    // First start: tree 45 %, tabs 33 %, why 22 % of the width.
    m_layoutRestored = true;
    const int w = width();
    resizeDocks({m_whyDock}, {w * 22 / 100}, Qt::Horizontal);
    resizeDocks({m_diagnosticsDock}, {height() / 5}, Qt::Vertical);
    m_splitter->setSizes({w * 45 / 100, w * 33 / 100});
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_doc->cancelLoad();
    m_doc->discardJournal(); // saved or discarded: nothing to recover
    writeSettings();
    event->accept();
}

// ---- document signals ----------------------------------------------------------------------

void MainWindow::onLoadStarted()
{
    m_loadLabel->setText(tr("Loading…"));
    m_loadLabel->show();
    m_progress->show();
    m_cancel->show();
    m_stats->hide();
}

void MainWindow::onLoadProgress(int files, int probes)
{
    m_loadLabel->setText(tr("Loading: %1 files parsed%2%3 probes run")
                             .arg(grouped(files), Separator, grouped(probes)));
}

void MainWindow::onLoaded()
{
    m_loadLabel->hide();
    m_progress->hide();
    m_cancel->hide();
    m_stats->show();
    const LoadedTree *info = m_doc->loadInfo();
    const Tree *tree = m_doc->tree();

    int symbols = 0;
    for (const Symbol *s : tree->symbols().all())
        symbols += !s->isConst() && !s->isChoice() && !s->name.empty() && !s->menus.empty();
    const QString duration = info->seconds < 0.1
                                 ? tr("%1 ms").arg(qRound(info->seconds * 1000))
                                 : tr("%1 s").arg(QLocale().toString(info->seconds, 'f', 2));
    m_stats->setText(
        counted(symbols, tr("symbol"), tr("symbols")) + Separator +
        counted(qint64(tree->files().size()), tr("file"), tr("files")) + Separator +
        tr("loaded in %1").arg(duration) + Separator +
        tr("probes: %1 run, %2 cached").arg(grouped(info->probesRun), grouped(info->probesCached)));

    m_diagnostics->setDiagnostics(m_doc->diagnostics());
    m_diagnosticsDock->setWindowTitle(tr("Diagnostics (%1)").arg(m_diagnostics->summary()));
    if (m_diagnostics->errorCount() + m_diagnostics->warningCount() > 0) {
        m_diagnosticsDock->show();
        m_diagnosticsDock->raise();
    }

    m_archCombo->clear();
    if (!info->arch.isEmpty()) {
        if (const auto kernel = detectKernelTree(info->srctree.toStdString())) {
            for (const std::string &a : kernel->architectures)
                m_archCombo->addItem(QString::fromStdString(a));
        }
        if (m_archCombo->findText(info->arch) < 0) m_archCombo->insertItem(0, info->arch);
        m_archCombo->setCurrentText(info->arch);
    }
    m_archAction->setVisible(!info->arch.isEmpty());

    m_tree->setFocus();
    const QModelIndex first = m_tree->model()->index(0, 0);
    if (first.isValid()) m_tree->setCurrentIndex(first);
    rememberRecent(info->request);
    updateTitle();
    showMessage(info->configLoaded ? tr("Loaded %1").arg(shortPath(info->configPath))
                                   : tr("No .config found: using the defaults"));
    // Once loading is over and the window shows the tree.
    if (m_offerJournalRestore && m_doc->pendingJournal())
        QTimer::singleShot(0, this, &MainWindow::offerJournalRestore);
}

void MainWindow::onLoadFailed(const QString &message)
{
    m_loadLabel->hide();
    m_progress->hide();
    m_cancel->hide();
    m_stats->show();
    m_diagnostics->setDiagnostics(m_doc->diagnostics());
    m_diagnosticsDock->setWindowTitle(tr("Diagnostics (%1)").arg(m_diagnostics->summary()));
    if (m_diagnostics->topLevelItemCount() > 0) {
        m_diagnosticsDock->show();
        m_diagnosticsDock->raise();
    }
    showMessage(message);
}

void MainWindow::onValuesChanged(const ActionResult &action)
{
    const int others = static_cast<int>(action.changes.size()) - (action.subject ? 1 : 0);
    QString text = action.description;
    if (others > 0)
        text += QStringLiteral(" (") +
                counted(others, tr("other symbol changed"), tr("other symbols changed")) +
                QLatin1Char(')');
    showMessage(text);
    updateTitle();
}

void MainWindow::onCurrentChanged(const MenuNode *menu)
{
    m_symbolPage->showMenu(menu);
    if (m_tabs->currentWidget() == m_sourceView) m_sourceView->showMenu(menu);
}

void MainWindow::showSource(const QString &file, int line)
{
    m_tabs->setCurrentWidget(m_sourceView);
    m_sourceView->showLocation(file, line);
}

void MainWindow::updateTitle()
{
    // The platform appends the application's display name ("— Kconfig Studio").
    setWindowTitle(m_doc->isLoaded() ? m_doc->title() + QStringLiteral(" \u2014 ") +
                                           shortPath(m_doc->configPath()) + QStringLiteral("[*]")
                                     : QString());
    setWindowModified(m_doc->isModified());
    m_modified->setText(m_doc->isModified() ? tr("Modified") : QString());
    m_save->setEnabled(m_doc->isLoaded());
    m_saveAs->setEnabled(m_doc->isLoaded());
    m_saveDefconfig->setEnabled(m_doc->isLoaded());
    m_loadConfig->setEnabled(m_doc->isLoaded());
}

void MainWindow::showMessage(const QString &text)
{
    statusBar()->showMessage(text, 10000);
}

QString MainWindow::statusText() const
{
    return m_stats->text();
}

// ---- navigation and values ----------------------------------------------------------------

bool MainWindow::navigateTo(const MenuNode *menu)
{
    if (!menu) return false;
    if (!m_tree->reveal(menu)) m_history->visit(menu);
    return true;
}

bool MainWindow::navigateTo(const Symbol *symbol)
{
    if (!symbol || symbol->menus.empty()) return false;
    const MenuNode *target = symbol->menus.front();
    for (const MenuNode *m : symbol->menus) {
        if (m->prompt) {
            target = m;
            break;
        }
    }
    return navigateTo(target);
}

void MainWindow::setValueOfCurrent(int value)
{
    m_tree->setValue(m_tree->currentIndex(), static_cast<Tristate>(value));
}

void MainWindow::setOptionMode(OptionMode mode)
{
    m_tree->setOptionMode(mode);
}

void MainWindow::runSearch()
{
    m_searchTimer->stop();
    const QString text = m_searchField->text().trimmed();
    if (text.isEmpty()) {
        m_searchDock->hide();
        return;
    }
    m_search->setQuery(text);
    m_searchDock->setWindowTitle(
        tr("Search (%1)").arg(counted(m_search->resultCount(), tr("result"), tr("results"))));
    m_searchDock->show();
    m_searchDock->raise();
}

// ---- extension points -------------------------------------------------------------------------

int MainWindow::addTab(QWidget *page, const QString &title)
{
    return m_tabs->addTab(page, title);
}

// ---- pictures and help --------------------------------------------------------------------------

QImage MainWindow::screenshot()
{
    return grab().toImage();
}

void MainWindow::copyScreenshot()
{
    QApplication::clipboard()->setImage(screenshot());
    showMessage(tr("An image of the window is on the clipboard"));
}

void MainWindow::showIntroduction()
{
    QMessageBox::information(
        this, tr("Introduction"),
        tr("<p>Kconfig Studio shows the kernel's configuration menus as a tree. Each entry "
           "carries menuconfig's marker:</p>"
           "<table>"
           "<tr><td><tt>[*] [M] [ ]</tt></td><td>built in, module, off; click or press Space to "
           "cycle</td></tr>"
           "<tr><td><tt>{M} {*}</tt></td><td>a select keeps it at least m</td></tr>"
           "<tr><td><tt>-*- -M-</tt></td><td>a select (or its dependencies) holds it: it cannot be "
           "changed</td></tr>"
           "<tr><td><tt>(X) ( )</tt></td><td>the chosen and the other members of a choice</td></tr>"
           "<tr><td><tt>(64)</tt></td><td>a number or string; Enter or F2 edits it</td></tr>"
           "<tr><td><tt>---&gt;</tt></td><td>a menu</td></tr>"
           "</table>"
           "<p>Keys: N, M and Y set a value (the status bar says why a value is refused), "
           "Ctrl+F or / searches names, prompts and help texts, Alt+Left and Alt+Right go back "
           "and forward through visited symbols, Ctrl+Z undoes.</p>"
           "<p>If an option is missing, it is hidden by unmet dependencies: "
           "<i>View \u2192 Show All Options</i> lists it dimmed, and its Symbol page says what "
           "it depends on.</p>"));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Kconfig Studio"),
                       tr("<h3>Kconfig Studio %1</h3>"
                          "<p>A configurator for Linux kernel Kconfig trees.</p>"
                          "<p>Built with Qt %2, running on Qt %3.</p>"
                          "<p>MIT License.</p>")
                           .arg(QStringLiteral(KCS_VERSION), QStringLiteral(QT_VERSION_STR),
                                QString::fromLatin1(qVersion())));
}
