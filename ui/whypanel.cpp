// SPDX-License-Identifier: MIT
#include "whypanel.h"

#include "htmlsentencemarkup.h"
#include "navigationhistory.h"
#include "wrappingitemdelegate.h"

#include <kconfig/explainer.h>
#include <kconfig/tree.h>

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMouseEvent>
#include <QSplitter>
#include <QTextBrowser>
#include <QTextDocument>
#include <QToolButton>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

using namespace kconfig;

namespace {

constexpr std::size_t kMaxHistory = 50;

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// Arrows for the screen; the copied text keeps ASCII "->".
QString display(const std::string &s)
{
    return qs(s).replace(QStringLiteral(" -> "), QStringLiteral(" \u2192 "));
}

// Links in link colour, not underlined: a row names many symbols.
const QString kLinkStyle = QStringLiteral("a { text-decoration: none; }");

QString rowHtml(const QString &body)
{
    return QStringLiteral("<html><head><style>") + kLinkStyle +
           QStringLiteral("</style></head><body>") + body + QStringLiteral("</body></html>");
}

} // namespace

// The values right after an action: they follow the current configuration
// until a later action comes, then the values before that action.
class ActionValues : public ValueSource
{
public:
    explicit ActionValues(const ValueSource *to) : m_to(to) {}
    void follow(const ValueSource *to) { m_to = to; }

    Tristate tri(const Symbol *s) const override { return m_to->tri(s); }
    std::string string(const Symbol *s) const override { return m_to->string(s); }
    UserValue userValue(const Symbol *s) const override { return m_to->userValue(s); }
    const Symbol *modulesSymbol() const override { return m_to->modulesSymbol(); }
    const std::vector<const Symbol *> *choicePriority(const MenuNode *choice) const override
    {
        return m_to->choicePriority(choice);
    }

private:
    const ValueSource *m_to;
};

namespace {

// Wrapped rich-text rows whose symbol and file:line links can be clicked
// (the pointer turns into a hand over them).
class CauseRowDelegate : public WrappingItemDelegate
{
public:
    CauseRowDelegate(QTreeView *view, std::function<void(const QUrl &)> open)
        : WrappingItemDelegate(view), m_view(view), m_open(std::move(open))
    {
        view->viewport()->setMouseTracking(true);
    }

    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override
    {
        if (event->type() == QEvent::MouseButtonRelease) {
            const auto *mouse = static_cast<QMouseEvent *>(event);
            const QString href = anchorAt(option, index, mouse->position().toPoint());
            if (mouse->button() == Qt::LeftButton && !href.isEmpty()) {
                m_open(QUrl(href));
                return true;
            }
        }
        return WrappingItemDelegate::editorEvent(event, model, option, index);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // The view does not pass plain moves to the delegate: a hand over links.
        if (event->type() == QEvent::MouseMove && watched == m_view->viewport()) {
            const QPoint pos = static_cast<QMouseEvent *>(event)->position().toPoint();
            const QModelIndex index = m_view->indexAt(pos);
            QStyleOptionViewItem option;
            option.font = m_view->font();
            option.rect = m_view->visualRect(index);
            if (index.isValid() && !anchorAt(option, index, pos).isEmpty())
                m_view->viewport()->setCursor(Qt::PointingHandCursor);
            else
                m_view->viewport()->unsetCursor();
        }
        return WrappingItemDelegate::eventFilter(watched, event);
    }

    // The link under `pos` (viewport coordinates), laid out as the row is painted.
    QString anchorAt(const QStyleOptionViewItem &option, const QModelIndex &index, QPoint pos) const
    {
        const QVariant html = index.data(HtmlRole);
        if (!html.isValid()) return {};
        int depth = 0;
        for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
            ++depth;
        const int indent = m_view->indentation() * (depth + (m_view->rootIsDecorated() ? 1 : 0));
        QTextDocument doc;
        doc.setDefaultFont(option.font);
        doc.setDocumentMargin(2);
        doc.setHtml(html.toString());
        doc.setTextWidth(qMax(80, m_view->viewport()->width() - indent - 8));
        return doc.documentLayout()->anchorAt(QPointF(pos - option.rect.topLeft()));
    }

private:
    QTreeView *m_view;
    std::function<void(const QUrl &)> m_open;
};

QTreeWidgetItem *reasonItem(const Fact &f, const ValueSource &now, const ValueSource *before)
{
    const ReasonLine line = reasonLine(f, now, before);
    auto *item = new QTreeWidgetItem(QStringList{display(line.sentence)});
    item->setData(0, WrappingItemDelegate::HtmlRole,
                  rowHtml(qs(reasonLine(f, now, before, HtmlSentenceMarkup()).sentence)));
    item->setToolTip(0, item->text(0));
    if (f.location.isValid()) {
        item->setData(0, WhyPanel::FileRole, qs(f.location.fileName()));
        item->setData(0, WhyPanel::LineRole, f.location.line);
    }
    if (f.symbol)
        item->setData(0, WhyPanel::SymbolRole,
                      QVariant::fromValue(static_cast<const void *>(f.symbol)));
    for (const Fact &c : *line.children)
        item->addChild(reasonItem(c, now, before));
    return item;
}

} // namespace

WhyPanel::WhyPanel(ConfigDocument *doc, NavigationHistory *history, QWidget *parent)
    : QWidget(parent), m_doc(doc), m_history(history)
{
    auto *split = new QSplitter(Qt::Vertical, this);

    auto *top = new QWidget(split);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    m_actionTitle = new QLabel(tr("<b>Last action</b>"), top);
    m_historyBox = new QComboBox(top);
    m_historyBox->setToolTip(tr("Earlier actions"));
    m_historyBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_historyBox->setMinimumContentsLength(16);
    auto *copyText = new QToolButton(top);
    copyText->setText(tr("Copy"));
    copyText->setToolTip(tr("Copy as plain text for an e-mail (wrapped at 72 columns)"));
    auto *copyMarkdown = new QToolButton(top);
    copyMarkdown->setText(tr("Markdown"));
    copyMarkdown->setToolTip(tr("Copy as Markdown"));
    // The action on a row of its own: the dock is narrow and descriptions
    // ("IOMMUFD n → y") must stay readable.
    header->addWidget(m_actionTitle, 1);
    header->addWidget(copyText);
    header->addWidget(copyMarkdown);
    topLayout->addLayout(header);
    topLayout->addWidget(m_historyBox);
    m_tree = new QTreeWidget(top);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(false);
    m_tree->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_tree->setItemDelegate(
        new CauseRowDelegate(m_tree, [this](const QUrl &url) { openLink(url); }));
    topLayout->addWidget(m_tree);

    auto *bottom = new QWidget(split);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    m_symbolTitle = new QLabel(bottom);
    m_symbolTitle->setTextFormat(Qt::RichText);
    m_symbolView = new QTextBrowser(bottom);
    m_symbolView->setOpenLinks(false);
    m_symbolView->document()->setDefaultStyleSheet(kLinkStyle);
    m_symbolView->document()->setIndentWidth(fontMetrics().averageCharWidth() * 2);
    bottomLayout->addWidget(m_symbolTitle);
    bottomLayout->addWidget(m_symbolView);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);

    connect(m_doc, &ConfigDocument::loaded, this, &WhyPanel::onLoaded);
    connect(m_doc, &ConfigDocument::valuesChanged, this, &WhyPanel::onValuesChanged);
    connect(m_history, &NavigationHistory::currentChanged, this, &WhyPanel::showSymbol);
    connect(m_historyBox, qOverload<int>(&QComboBox::activated), this, &WhyPanel::showReport);
    connect(copyText, &QToolButton::clicked, this, [this] { copy(ExplanationFormat::Text); });
    connect(copyMarkdown, &QToolButton::clicked, this,
            [this] { copy(ExplanationFormat::Markdown); });
    connect(m_symbolView, &QTextBrowser::anchorClicked, this, &WhyPanel::openLink);
    connect(m_tree, &QTreeWidget::itemExpanded, this, &WhyPanel::addReasonRows);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (const auto *sym = static_cast<const Symbol *>(
                item->data(0, WhyPanel::SymbolRole).value<const void *>()))
            navigateTo(sym);
        else if (item->data(0, WhyPanel::LineRole).isValid())
            emit sourceRequested(item->data(0, WhyPanel::FileRole).toString(),
                                 item->data(0, WhyPanel::LineRole).toInt());
    });
    onLoaded();
}

WhyPanel::~WhyPanel() = default;

void WhyPanel::onLoaded()
{
    m_reports.clear();
    m_historyBox->clear();
    m_tree->clear();
    m_shown = -1;
    m_menu = nullptr;
    m_explainer.reset();
    m_current.reset();
    m_userValues.clear();
    m_choiceOrders.clear();
    if (m_doc->isLoaded()) {
        m_explainer = std::make_unique<Explainer>(*m_doc->tree(), *m_doc->config());
        m_current = std::make_unique<CurrentValues>(*m_doc->config());
        rememberState();
    }
    m_actionTitle->setText(tr("<b>Last action</b>"));
    m_tree->addTopLevelItem(new QTreeWidgetItem(QStringList{
        tr("Change a value: every symbol it affects is listed here with the reason.")}));
    m_symbolTitle->setText(tr("<b>Why</b>"));
    m_symbolView->setHtml(tr("<p>Select a symbol to see why it has its value.</p>"));
}

void WhyPanel::rememberState()
{
    const Config &config = *m_doc->config();
    const auto &all = m_doc->tree()->symbols().all();
    m_userValues.assign(all.size(), UserValue{});
    for (const Symbol *s : all)
        if (s->id >= 0 && config.hasUserValue(s))
            m_userValues[static_cast<std::size_t>(s->id)] =
                UserValue{true, config.userTristate(s), config.userString(s)};
    m_choiceOrders.clear();
    for (const Symbol *s : all) {
        const MenuNode *choice = s->memberOfChoice;
        if (!choice || std::any_of(m_choiceOrders.begin(), m_choiceOrders.end(),
                                   [choice](const auto &o) { return o.first == choice; }))
            continue;
        m_choiceOrders.emplace_back(choice, config.choicePriority(choice));
    }
}

std::vector<std::pair<const Symbol *, UserValue>>
WhyPanel::userValuesBefore(const ActionResult &action) const
{
    if (!action.userBefore.empty() || action.subject) return action.userBefore;
    // An action that does not say which user values it replaced (a .config
    // was loaded): compare with what they were.
    std::vector<std::pair<const Symbol *, UserValue>> out;
    const Config &config = *m_doc->config();
    for (const Symbol *s : m_doc->tree()->symbols().all()) {
        if (s->id < 0 || static_cast<std::size_t>(s->id) >= m_userValues.size()) continue;
        const UserValue now{config.hasUserValue(s), config.userTristate(s), config.userString(s)};
        const UserValue &then = m_userValues[static_cast<std::size_t>(s->id)];
        const bool same = then.isSet == now.isSet &&
                          (!now.isSet || (then.tri == now.tri && then.string == now.string));
        if (!same) out.emplace_back(s, then);
    }
    return out;
}

ChoicePriorities WhyPanel::choiceOrderBefore()
{
    ChoicePriorities out;
    const Config &config = *m_doc->config();
    for (auto &[choice, order] : m_choiceOrders) {
        const std::vector<const Symbol *> &now = config.choicePriority(choice);
        if (now == order) continue;
        out.emplace_back(choice, order);
        order = now;
    }
    return out;
}

void WhyPanel::onValuesChanged(const ActionResult &action)
{
    if (!m_explainer) return;
    QElapsedTimer clock;
    clock.start();
    const auto userBefore = userValuesBefore(action);
    const ChoicePriorities priorityBefore = choiceOrderBefore();
    const Config &config = *m_doc->config();
    for (const auto &[s, u] : userBefore)
        if (s->id >= 0 && static_cast<std::size_t>(s->id) < m_userValues.size())
            m_userValues[static_cast<std::size_t>(s->id)] =
                config.hasUserValue(s)
                    ? UserValue{true, config.userTristate(s), config.userString(s)}
                    : UserValue{};

    Entry entry;
    entry.report = m_explainer->explainChanges(action.description.toStdString(), action.subject,
                                               action.changes, userBefore, priorityBefore);
    // The same "before" as the engine's, but over values that stay those
    // right after this action when later actions change the configuration.
    entry.after = std::make_shared<ActionValues>(m_current.get());
    auto before = std::make_shared<EarlierValues>(*entry.after);
    for (const SymbolChange &c : action.changes)
        before->setState(c.symbol, c.before);
    for (const auto &[s, u] : userBefore)
        before->setUserValue(s, u);
    for (const auto &[choice, order] : priorityBefore)
        before->setChoicePriority(choice, order);
    entry.report.before = before;
    if (!m_reports.empty()) m_reports.front().after->follow(before.get());
    m_reports.push_front(std::move(entry));
    m_historyBox->insertItem(0, display(m_reports.front().report.description));
    if (m_reports.size() > kMaxHistory) {
        m_reports.pop_back();
        m_historyBox->removeItem(m_historyBox->count() - 1);
    }
    showReport(0);
    showSymbol(m_menu); // its values may have changed
    m_lastUpdateNsecs = clock.nsecsElapsed();
}

const ChangeReport *WhyPanel::shownReport() const
{
    if (m_shown < 0 || m_shown >= static_cast<int>(m_reports.size())) return nullptr;
    return &m_reports[static_cast<std::size_t>(m_shown)].report;
}

void WhyPanel::showHistoryEntry(int index)
{
    showReport(index);
}

void WhyPanel::showReport(int index)
{
    if (index < 0 || index >= static_cast<int>(m_reports.size())) return;
    m_shown = index;
    m_historyBox->setCurrentIndex(index);
    const Entry &e = m_reports[static_cast<std::size_t>(index)];
    m_actionTitle->setText(index == 0 ? tr("<b>Last action</b>") : tr("<b>Earlier action</b>"));
    fillTree(e.report, *e.after);
}

namespace {

bool isShown(const Fact &f)
{
    // The user's own value is in the row's head ("set by you").
    return f.kind != Fact::Kind::UserValue || f.detail == 1;
}

const Fact *firstShownReason(const ChangeReport::Node &n)
{
    for (const Fact &f : n.reasons)
        if (isShown(f)) return &f;
    return nullptr;
}

// What reasonLine() lists below a reason's sentence.
const std::vector<Fact> &listedBelow(const Fact &f)
{
    const bool group = f.kind == Fact::Kind::Visibility || f.kind == Fact::Kind::Selected ||
                       f.kind == Fact::Kind::Implied || f.kind == Fact::Kind::DirectDependency;
    return group && f.children.size() == 1 ? f.children.front().children : f.children;
}

// The causes a row names besides the one it hangs below.
std::vector<const Symbol *> otherCauses(const ChangeReport::Node &n, const Symbol *parent)
{
    std::vector<const Symbol *> out;
    if (!parent) return out;
    for (const Symbol *c : n.causes)
        if (c != parent && c != n.symbol) out.push_back(c);
    return out;
}

} // namespace

void WhyPanel::fillTree(const ChangeReport &report, const ValueSource &now)
{
    m_tree->clear();
    const ValueSource *before = report.before.get();
    std::map<const Symbol *, QTreeWidgetItem *> items;
    QList<QTreeWidgetItem *> roots;
    for (std::size_t i = 0; i < report.nodes.size(); ++i) {
        const ChangeReport::Node &n = report.nodes[i];
        QString head = display(stateChangeText(n.before, n.after));
        if (n.isSubject) head += tr(" (set by you)");
        QString text = qs(n.symbol->displayName()) + QStringLiteral(": ") + head;
        QString html = QStringLiteral("<b>%1</b>: %2")
                           .arg(qs(HtmlSentenceMarkup().symbol(n.symbol)), head.toHtmlEscaped());
        // The first reason on the same line, so that each line reads on its own.
        const Fact *first = firstShownReason(n);
        if (first) {
            text += QStringLiteral(": ") + display(reasonSummary(*first, now, before));
            html +=
                QStringLiteral(": ") + qs(reasonSummary(*first, now, before, HtmlSentenceMarkup()));
        }
        auto *item = new QTreeWidgetItem(QStringList{text});
        item->setData(0, WhyPanel::SymbolRole,
                      QVariant::fromValue(static_cast<const void *>(n.symbol)));
        item->setData(0, WrappingItemDelegate::HtmlRole, rowHtml(html));
        item->setData(0, WhyPanel::EffectRole, true);
        item->setData(0, NodeRole, static_cast<int>(i));
        item->setToolTip(0, text);
        QTreeWidgetItem *parent = nullptr;
        const Symbol *parentSymbol = nullptr;
        for (const Symbol *c : n.causes)
            if (auto it = items.find(c); it != items.end()) {
                parent = it->second;
                parentSymbol = c;
                break;
            }
        item->setData(0, ParentRole, QVariant::fromValue(static_cast<const void *>(parentSymbol)));
        // The reasons below the row are made when it is opened: a wide
        // change (MODULES, PCI) has hundreds of rows nobody opens.
        const bool more = std::count_if(n.reasons.begin(), n.reasons.end(), isShown) > 1 ||
                          (first && !listedBelow(*first).empty()) ||
                          !otherCauses(n, parentSymbol).empty();
        if (more) item->setChildIndicatorPolicy(QTreeWidgetItem::ShowIndicator);
        if (parent)
            parent->addChild(item);
        else
            roots.append(item);
        items[n.symbol] = item;
    }
    if (roots.isEmpty())
        roots.append(new QTreeWidgetItem(
            QStringList{tr("%1: nothing else changed.").arg(display(report.description))}));
    m_tree->addTopLevelItems(roots);
    // Open every row that has effects below it, so that the chain reads at a glance.
    for (auto &[sym, item] : items) {
        (void)sym;
        if (item->childCount() > 0) item->setExpanded(true);
    }
    for (QTreeWidgetItem *r : roots)
        r->setExpanded(true);
}

void WhyPanel::addReasonRows(QTreeWidgetItem *item)
{
    const QVariant index = item->data(0, NodeRole);
    if (!index.isValid() || item->data(0, ReasonsMadeRole).toBool()) return;
    if (m_shown < 0 || m_shown >= static_cast<int>(m_reports.size())) return;
    const Entry &e = m_reports[static_cast<std::size_t>(m_shown)];
    const ChangeReport::Node &n = e.report.nodes.at(static_cast<std::size_t>(index.toInt()));
    const ValueSource &now = *e.after;
    const ValueSource *before = e.report.before.get();
    item->setData(0, ReasonsMadeRole, true);
    QList<QTreeWidgetItem *> rows;
    // The reason on the row itself is listed again only when there is more to it.
    const Fact *first = firstShownReason(n);
    for (const Fact &reason : n.reasons)
        if (isShown(reason) && !(&reason == first && listedBelow(reason).empty()))
            rows << reasonItem(reason, now, before);
    // The other causes, as the e-mail text names them.
    const auto also = otherCauses(
        n, static_cast<const Symbol *>(item->data(0, ParentRole).value<const void *>()));
    if (!also.empty()) {
        const auto sentence = [this](QStringList names) {
            const QString last = names.size() > 1 ? names.takeLast() : QString();
            return last.isEmpty() ? tr("also because of %1.").arg(names.first())
                                  : tr("also because of %1 and %2.")
                                        .arg(names.join(QStringLiteral(", ")), last);
        };
        QStringList names, links;
        for (const Symbol *c : also) {
            names << qs(c->displayName());
            links << qs(HtmlSentenceMarkup().symbol(c));
        }
        auto *row = new QTreeWidgetItem(QStringList{sentence(names)});
        row->setData(0, WrappingItemDelegate::HtmlRole, rowHtml(sentence(links)));
        rows << row;
    }
    item->insertChildren(0, rows);
    item->setChildIndicatorPolicy(QTreeWidgetItem::DontShowIndicatorWhenChildless);
}

void WhyPanel::showSymbol(const MenuNode *menu)
{
    m_menu = menu;
    if (!m_explainer || !menu) return;
    const Symbol *sym = menu->sym;
    if (!sym || sym->isChoice()) {
        const QString title = menu->promptText() ? qs(*menu->promptText()) : QString();
        m_symbolTitle->setText(tr("<b>Why</b> %1").arg(title.toHtmlEscaped()));
        m_symbolView->setHtml(tr("<p>This entry has no symbol of its own; select a symbol to see "
                                 "why it has its value.</p>"));
        return;
    }
    HtmlSentenceMarkup html;
    CurrentValues now(*m_doc->config());
    SymbolReport report = m_explainer->explainSymbol(sym);
    m_symbolTitle->setText(
        tr("<b>Why is %1 %2?</b>")
            .arg(qs(sym->name).toHtmlEscaped(), qs(report.state.value).toHtmlEscaped()));
    QString status;
    if (sym->isTransitional())
        status = tr("Never shown.");
    else if (report.derivation.prompts.empty())
        status = tr("No prompt: only its defaults and selects set it.");
    else if (report.state.visible == Tristate::No)
        status = tr("Hidden: its prompt is not shown, so only defaults and selects decide.");
    else if (!report.state.changeable && !sym->isChoiceValue())
        status = tr("Visible but locked.");
    else if (sym->isBoolOrTristate() && !sym->isChoiceValue())
        status = tr("You can set it to %1 … %2.")
                     .arg(QChar::fromLatin1(triChar(report.state.revDep)),
                          QChar::fromLatin1(triChar(report.state.visible)));
    else
        status = tr("You can change it.");
    if (!report.state.written) status += tr(" Not written to .config.");
    if (report.derivation.modulesOff)
        status += tr(" MODULES is n, so this tristate behaves as a bool.");
    QString body = QStringLiteral("<p>%1</p>").arg(status.toHtmlEscaped());
    // The reasons as `why` prints them: a group of one line is that line.
    std::function<void(const std::vector<Fact> &, QString &)> reasons =
        [&](const std::vector<Fact> &facts, QString &out) {
            if (facts.empty()) return;
            out += QStringLiteral("<ul>");
            for (const Fact &f : facts) {
                const ReasonLine line = reasonLine(f, now, nullptr, html);
                out += QStringLiteral("<li>") + qs(line.sentence);
                reasons(*line.children, out);
                out += QStringLiteral("</li>");
            }
            out += QStringLiteral("</ul>");
        };
    // Requirements as nested lists, also as `why` prints them.
    std::function<void(const std::vector<Fact> &, QString &)> list =
        [&](const std::vector<Fact> &facts, QString &out) {
            if (facts.empty()) return;
            out += QStringLiteral("<ul>");
            for (const Fact &f : facts) {
                out += QStringLiteral("<li>") + qs(factSentence(f, now, nullptr, html));
                list(f.children, out);
                out += QStringLiteral("</li>");
            }
            out += QStringLiteral("</ul>");
        };
    reasons(report.facts, body);
    for (const Explainer::BlockedValue &b : m_explainer->blockedValues(sym)) {
        body += tr("<p><b>To make it %1:</b></p>").arg(QChar::fromLatin1(triChar(b.value)));
        list(b.requirements, body);
    }
    m_symbolView->setHtml(body);
}

void WhyPanel::navigateTo(const Symbol *sym)
{
    if (!sym || sym->menus.empty()) return;
    const MenuNode *target = sym->menus.front();
    for (const MenuNode *m : sym->menus)
        if (m->prompt) {
            target = m;
            break;
        }
    m_history->visit(target);
}

void WhyPanel::openLink(const QUrl &url)
{
    const QString s = url.toString();
    if (s.startsWith(QStringLiteral("sym:"))) {
        if (m_doc->tree()) navigateTo(m_doc->tree()->symbols().find(s.mid(4).toStdString()));
    } else if (s.startsWith(QStringLiteral("src:"))) {
        const QString loc = s.mid(4);
        const int colon = loc.lastIndexOf(QLatin1Char(':'));
        emit sourceRequested(loc.left(colon), loc.mid(colon + 1).toInt());
    }
}

QString WhyPanel::actionText(ExplanationFormat format) const
{
    if (m_shown < 0 || m_shown >= static_cast<int>(m_reports.size())) return {};
    const Entry &e = m_reports[static_cast<std::size_t>(m_shown)];
    return qs(renderChangeReport(e.report, *e.after, format));
}

QString WhyPanel::symbolText() const
{
    if (!m_explainer || !m_menu || !m_menu->sym || m_menu->sym->isChoice()) return {};
    SymbolReport report = m_explainer->explainSymbol(m_menu->sym);
    return qs(renderSymbolReport(report, *m_doc->config()));
}

void WhyPanel::copy(ExplanationFormat format)
{
    const QString text = actionText(format);
    if (!text.isEmpty()) QApplication::clipboard()->setText(text);
}
