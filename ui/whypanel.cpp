// SPDX-License-Identifier: MIT
#include "whypanel.h"

#include "htmlsentencemarkup.h"
#include "navigationhistory.h"
#include "wrappingitemdelegate.h"

#include <kconfig/explainer.h>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

using namespace kconfig;

namespace {

constexpr int kMaxHistory = 50;

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// Arrows for the screen; the copied text keeps ASCII "->".
QString display(const std::string &s)
{
    return qs(s).replace(QStringLiteral(" -> "), QStringLiteral(" \u2192 "));
}

QTreeWidgetItem *reasonItem(const Fact &f, const ValueSource &now, const ValueSource *before)
{
    const ReasonLine line = reasonLine(f, now, before);
    auto *item = new QTreeWidgetItem(QStringList{display(line.sentence)});
    item->setData(0, WrappingItemDelegate::HtmlRole,
                  qs(reasonLine(f, now, before, HtmlSentenceMarkup(false)).sentence));
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
    m_tree->setItemDelegate(new WrappingItemDelegate(m_tree));
    topLayout->addWidget(m_tree);

    auto *bottom = new QWidget(split);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    m_symbolTitle = new QLabel(bottom);
    m_symbolTitle->setTextFormat(Qt::RichText);
    m_symbolView = new QTextBrowser(bottom);
    m_symbolView->setOpenLinks(false);
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
    if (m_doc->isLoaded())
        m_explainer = std::make_unique<Explainer>(*m_doc->tree(), *m_doc->config());
    m_actionTitle->setText(tr("<b>Last action</b>"));
    m_tree->addTopLevelItem(new QTreeWidgetItem(QStringList{
        tr("Change a value: every symbol it affects is listed here with the reason.")}));
    m_symbolTitle->setText(tr("<b>Why</b>"));
    m_symbolView->setHtml(tr("<p>Select a symbol to see why it has its value.</p>"));
}

void WhyPanel::onValuesChanged(const ActionResult &action)
{
    if (!m_explainer) return;
    ChangeReport report = m_explainer->explainChanges(
        action.description.toStdString(), action.subject, action.changes, action.userBefore);
    m_reports.push_front(std::move(report));
    if (m_reports.size() > kMaxHistory) m_reports.pop_back();
    m_historyBox->clear();
    for (const ChangeReport &r : m_reports)
        m_historyBox->addItem(display(r.description));
    showReport(0);
    showSymbol(m_menu); // its values may have changed
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
    const ChangeReport &r = m_reports[static_cast<std::size_t>(index)];
    m_actionTitle->setText(index == 0 ? tr("<b>Last action</b>") : tr("<b>Earlier action</b>"));
    fillTree(r);
}

void WhyPanel::fillTree(const ChangeReport &report)
{
    m_tree->clear();
    CurrentValues now(*m_doc->config());
    const ValueSource *before = report.before.get();
    std::map<const Symbol *, QTreeWidgetItem *> items;
    QList<QTreeWidgetItem *> roots;
    for (const auto &n : report.nodes) {
        QString head = display(stateChangeText(n.before, n.after));
        if (n.isSubject) head += tr(" (set by you)");
        QString text = qs(n.symbol->displayName()) + QStringLiteral(": ") + head;
        QString html =
            QStringLiteral("<b>%1</b>: %2").arg(qs(n.symbol->displayName()), head.toHtmlEscaped());
        // The first reason on the same line, so that each line reads on its own.
        for (const Fact &f : n.reasons) {
            if (f.kind == Fact::Kind::UserValue) continue;
            text += QStringLiteral(": ") + display(reasonSummary(f, now, before));
            html +=
                QStringLiteral(": ") + qs(reasonSummary(f, now, before, HtmlSentenceMarkup(false)));
            break;
        }
        auto *item = new QTreeWidgetItem(QStringList{text});
        item->setData(0, WhyPanel::SymbolRole,
                      QVariant::fromValue(static_cast<const void *>(n.symbol)));
        item->setData(0, WrappingItemDelegate::HtmlRole, html);
        item->setData(0, WhyPanel::EffectRole, true);
        item->setToolTip(0, text);
        for (const Fact &reason : n.reasons)
            if (reason.kind != Fact::Kind::UserValue)
                item->addChild(reasonItem(reason, now, before));
        QTreeWidgetItem *parent = nullptr;
        for (const Symbol *c : n.causes)
            if (auto it = items.find(c); it != items.end()) {
                parent = it->second;
                break;
            }
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
        bool hasEffects = false;
        for (int i = 0; i < item->childCount(); ++i)
            hasEffects |= item->child(i)->data(0, WhyPanel::EffectRole).toBool();
        item->setExpanded(hasEffects);
    }
    for (QTreeWidgetItem *r : roots)
        r->setExpanded(true);
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
    if (report.state.visible == Tristate::No)
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
    QString body = QStringLiteral("<p>%1</p>").arg(status.toHtmlEscaped());
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
    list(report.facts, body);
    if (sym->isBoolOrTristate() && !sym->isChoiceValue()) {
        Config *cfg = m_doc->config();
        for (Tristate wanted : {Tristate::Yes, Tristate::Mod, Tristate::No}) {
            if (wanted == cfg->tristate(sym) || cfg->tristateWithinRange(sym, wanted)) continue;
            if (wanted == Tristate::Mod && (sym->type != SymbolType::Tristate)) continue;
            const auto reqs = m_explainer->requirementsFor(sym, wanted);
            if (reqs.empty()) continue;
            body += tr("<p><b>To make it %1:</b></p>").arg(QChar::fromLatin1(triChar(wanted)));
            list(reqs, body);
        }
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
    return qs(
        renderChangeReport(m_reports[static_cast<std::size_t>(m_shown)], *m_doc->config(), format));
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
