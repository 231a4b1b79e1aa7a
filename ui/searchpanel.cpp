// SPDX-License-Identifier: MIT
#include "searchpanel.h"

#include "configdocument.h"
#include "searchpanelmodel.h"

#include <kconfig/symbolsearch.h>

#include <QCheckBox>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <memory>

using namespace kconfig;

namespace {
// Searches slower than this wait for a pause in typing instead of running
// on every keystroke.
constexpr double immediateLimitMs = 20.0;
constexpr int pauseMs = 150;
} // namespace

struct SearchPanel::Private
{
    ConfigDocument *doc = nullptr;
    QLineEdit *edit = nullptr;
    QCheckBox *names = nullptr;
    QCheckBox *prompts = nullptr;
    QCheckBox *help = nullptr;
    QCheckBox *regex = nullptr;
    QLabel *status = nullptr;
    QTreeView *view = nullptr;
    SearchPanelModel *model = nullptr;
    QTimer *pause = nullptr;
    std::unique_ptr<SymbolSearch> index;
    double lastMs = 0;
};

SearchPanel::SearchPanel(ConfigDocument *doc, QWidget *parent) : QWidget(parent), d(new Private)
{
    d->doc = doc;
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    d->edit = new QLineEdit(this);
    d->edit->setObjectName(QStringLiteral("searchQuery"));
    d->edit->setPlaceholderText(tr("Search names, prompts, help\u2026"));
    d->edit->setClearButtonEnabled(true);
    layout->addWidget(d->edit);

    auto *options = new QHBoxLayout;
    options->setSpacing(10);
    const auto option = [this, options](const QString &text, const char *name, bool on) {
        auto *box = new QCheckBox(text, this);
        box->setObjectName(QLatin1String(name));
        box->setChecked(on);
        connect(box, &QCheckBox::toggled, this, &SearchPanel::search);
        options->addWidget(box);
        return box;
    };
    d->names = option(tr("&Names"), "searchNames", true);
    d->prompts = option(tr("&Prompts"), "searchPrompts", true);
    d->help = option(tr("&Help"), "searchHelp", true);
    d->regex = option(tr("&Regex"), "searchRegex", false);
    d->regex->setToolTip(tr("POSIX extended regular expression, any case"));
    options->addStretch(1);
    d->status = new QLabel(this);
    d->status->setObjectName(QStringLiteral("searchStatus"));
    d->status->setForegroundRole(QPalette::PlaceholderText);
    options->addWidget(d->status);
    layout->addLayout(options);

    d->model = new SearchPanelModel(this);
    d->view = new QTreeView(this);
    d->view->setObjectName(QStringLiteral("searchResults"));
    d->view->setModel(d->model);
    d->view->setRootIsDecorated(false);
    d->view->setUniformRowHeights(true);
    d->view->setAllColumnsShowFocus(true);
    d->view->setAlternatingRowColors(true);
    d->view->setSelectionBehavior(QAbstractItemView::SelectRows);
    d->view->setSelectionMode(QAbstractItemView::SingleSelection);
    d->view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    d->view->setTextElideMode(Qt::ElideRight);
    QHeaderView *header = d->view->header();
    header->setStretchLastSection(true);
    header->resizeSection(SearchPanelModel::PromptColumn, 260);
    header->resizeSection(SearchPanelModel::NameColumn, 200);
    header->resizeSection(SearchPanelModel::ValueColumn, 70);
    layout->addWidget(d->view, 1);

    d->pause = new QTimer(this);
    d->pause->setSingleShot(true);
    d->pause->setInterval(pauseMs);
    connect(d->pause, &QTimer::timeout, this, &SearchPanel::search);

    d->edit->installEventFilter(this);
    d->view->installEventFilter(this);
    connect(d->edit, &QLineEdit::textChanged, this, &SearchPanel::queryChanged);
    connect(d->view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (const MenuNode *m = d->model->menuAt(index.row())) emit menuChosen(m);
    });
    connect(d->view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                emit currentMenuChanged(d->model->menuAt(current.row()));
            });
    connect(doc, &ConfigDocument::loaded, this, &SearchPanel::rebuildIndex);
    connect(doc, &ConfigDocument::valuesChanged, this, [this] { d->model->refreshValues(); });
    setFocusProxy(d->edit);
    rebuildIndex();
}

SearchPanel::~SearchPanel()
{
    delete d;
}

QLineEdit *SearchPanel::queryEdit() const
{
    return d->edit;
}
QTreeView *SearchPanel::resultView() const
{
    return d->view;
}
int SearchPanel::resultCount() const
{
    return d->model->rowCount();
}
const MenuNode *SearchPanel::resultAt(int row) const
{
    return d->model->menuAt(row);
}
QString SearchPanel::statusText() const
{
    return d->status->text();
}
double SearchPanel::lastSearchMilliseconds() const
{
    return d->lastMs;
}

void SearchPanel::setQuery(const QString &text)
{
    const QSignalBlocker block(d->edit);
    d->edit->setText(text);
    d->pause->stop();
    search();
}

void SearchPanel::rebuildIndex()
{
    d->index.reset();
    d->model->setConfig(d->doc->config());
    if (const Tree *tree = d->doc->tree()) d->index = std::make_unique<SymbolSearch>(*tree);
    search();
}

void SearchPanel::queryChanged()
{
    // Typing stays fluid: fast searches run at once, slow ones after a pause.
    if (d->lastMs > immediateLimitMs) {
        d->pause->start();
        return;
    }
    search();
}

void SearchPanel::search()
{
    QElapsedTimer timer;
    timer.start();
    const QString query = d->edit->text();
    std::vector<SymbolSearch::Hit> hits;
    std::string error;
    SymbolSearch::Options options;
    options.fields = (d->names->isChecked() ? SymbolSearch::Name : 0u) |
                     (d->prompts->isChecked() ? SymbolSearch::Prompt : 0u) |
                     (d->help->isChecked() ? SymbolSearch::Help : 0u);
    options.regex = d->regex->isChecked();
    if (d->index && options.fields && !query.trimmed().isEmpty())
        hits = d->index->find(query.toStdString(), options, &error);
    const bool hadFocus = d->view->hasFocus();
    d->model->setHits(std::move(hits));
    if (d->model->rowCount() > 0) {
        d->view->setCurrentIndex(d->model->index(0, 0));
        if (!hadFocus) d->view->scrollToTop();
    }

    QPalette palette = d->status->palette();
    if (!error.empty()) {
        d->status->setText(tr("Invalid regular expression: %1").arg(QString::fromStdString(error)));
        palette.setColor(QPalette::WindowText, QColor(QRgb(0xd32f2f)));
        d->status->setForegroundRole(QPalette::WindowText);
    } else {
        d->status->setForegroundRole(QPalette::PlaceholderText);
        if (query.trimmed().isEmpty())
            d->status->setText(QString());
        else if (!options.fields)
            d->status->setText(tr("Nothing to search in"));
        else if (d->model->rowCount() == 0)
            d->status->setText(tr("No match"));
        else
            d->status->setText(tr("%n symbol(s)", nullptr, d->model->rowCount()));
    }
    d->status->setPalette(palette);
    d->lastMs = double(timer.nsecsElapsed()) / 1e6;
}

void SearchPanel::chooseCurrent()
{
    QModelIndex index = d->view->currentIndex();
    if (!index.isValid() && d->model->rowCount() > 0) index = d->model->index(0, 0);
    if (const MenuNode *m = d->model->menuAt(index.row())) emit menuChosen(m);
}

bool SearchPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress) return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    if (watched == d->edit) {
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_PageDown:
            if (d->model->rowCount() == 0) break;
            d->view->setFocus(Qt::OtherFocusReason);
            if (!d->view->currentIndex().isValid()) d->view->setCurrentIndex(d->model->index(0, 0));
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (d->pause->isActive()) {
                d->pause->stop();
                search();
            }
            chooseCurrent();
            return true;
        case Qt::Key_Escape:
            if (!d->edit->text().isEmpty()) {
                d->edit->clear();
                return true;
            }
            break;
        default:
            break;
        }
    } else if (watched == d->view) {
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            chooseCurrent();
            return true;
        case Qt::Key_Up:
            if (d->view->currentIndex().row() <= 0) {
                d->edit->setFocus(Qt::OtherFocusReason);
                return true;
            }
            break;
        case Qt::Key_Backspace:
            d->edit->setFocus(Qt::OtherFocusReason);
            d->edit->backspace();
            return true;
        default:
            // Typing in the list goes on typing the query.
            if (!key->text().isEmpty() && key->text().at(0).isPrint() &&
                !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
                d->edit->setFocus(Qt::OtherFocusReason);
                d->edit->insert(key->text());
                return true;
            }
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}
