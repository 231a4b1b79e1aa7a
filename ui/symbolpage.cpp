// SPDX-License-Identifier: MIT
#include "symbolpage.h"

#include "configdocument.h"

#include <kconfig/config.h>
#include <kconfig/expr.h>
#include <kconfig/exprpool.h>
#include <kconfig/exprprinter.h>
#include <kconfig/menunode.h>
#include <kconfig/property.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>
#include <kconfig/valuesyntax.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDesktopServices>
#include <QFontDatabase>
#include <QMenu>
#include <QRegularExpression>
#include <QScrollBar>
#include <QUrlQuery>

using namespace kconfig;

namespace {

const QString symbolScheme = QStringLiteral("kcs-symbol");
const QString menuScheme = QStringLiteral("kcs-menu");
const QString sourceScheme = QStringLiteral("kcs-source");

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}
QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}
QString esc(const std::string &s)
{
    return qs(s).toHtmlEscaped();
}

// Colours for values and text, chosen from the palette so that light and dark
// themes both read well. Every colour comes with the value's text.
struct Colours
{
    QString text, muted, link, yes, mod, no, value, warn, activeBg;
};

Colours coloursFor(const QPalette &p)
{
    const bool dark = p.color(QPalette::Base).lightness() < 128;
    Colours c;
    c.text = p.color(QPalette::Text).name();
    QColor muted = p.color(QPalette::Text);
    muted.setAlphaF(1.0f);
    const QColor base = p.color(QPalette::Base);
    muted = QColor::fromRgbF(0.58f * muted.redF() + 0.42f * base.redF(),
                             0.58f * muted.greenF() + 0.42f * base.greenF(),
                             0.58f * muted.blueF() + 0.42f * base.blueF());
    c.muted = muted.name();
    c.link = p.color(QPalette::Link).name();
    if (dark) {
        c.link = QColor(c.link).lightness() < 110 ? QStringLiteral("#8ab4f8") : c.link;
        c.yes = QStringLiteral("#6cd47e");
        c.mod = QStringLiteral("#e8b339");
        c.no = QStringLiteral("#ff8a80");
        c.value = QStringLiteral("#8cc8ff");
        c.warn = QStringLiteral("#ffb74d");
        c.activeBg = QStringLiteral("#23352a");
    } else {
        c.yes = QStringLiteral("#17803a");
        c.mod = QStringLiteral("#9a6200");
        c.no = QStringLiteral("#c0392b");
        c.value = QStringLiteral("#0b5cad");
        c.warn = QStringLiteral("#b35c00");
        c.activeBg = QStringLiteral("#e7f4ea");
    }
    return c;
}

QString pageStyleSheet(const Colours &c, const QFont &font)
{
    const QString mono = QFontDatabase::systemFont(QFontDatabase::FixedFont).family();
    const qreal pt = font.pointSizeF() > 0 ? font.pointSizeF() : 10.0;
    return QStringLiteral(
               "body { color: %1; }"
               "a { color: %3; text-decoration: none; }"
               "p { margin-top: 0px; margin-bottom: 4px; }"
               "p.title { margin-bottom: 2px; }"
               "span.name { font-family: '%9'; font-size: %10pt; font-weight: bold; }"
               "span.heading { font-size: %10pt; font-weight: bold; }"
               "p.sub { color: %2; margin-bottom: 6px; }"
               "p.prompt { font-size: %11pt; margin-bottom: 8px; }"
               "p.section { color: %2; font-weight: bold; margin-top: 14px; margin-bottom: 4px; }"
               "p.def { margin-top: 6px; margin-bottom: 2px; }"
               "p.help { margin-bottom: 7px; }"
               "p.pre { white-space: pre-wrap; margin-bottom: 7px; }"
               "p.mono { white-space: pre-wrap; font-family: '%9'; margin-bottom: 7px; }"
               "td.label { color: %2; padding-right: 10px; }"
               "td { padding-top: 1px; padding-bottom: 3px; }"
               ".expr { font-family: '%9'; }"
               ".muted { color: %2; }"
               ".vy { color: %4; font-weight: bold; }"
               ".vm { color: %5; font-weight: bold; }"
               ".vn { color: %6; font-weight: bold; }"
               ".vs { color: %7; font-weight: bold; }"
               ".warn { color: %8; font-weight: bold; }"
               ".undef { color: %2; font-style: italic; }")
        .arg(c.text, c.muted, c.link, c.yes, c.mod, c.no, c.value, c.warn, mono)
        .arg(pt * 1.45, 0, 'f', 1)
        .arg(pt * 1.12, 0, 'f', 1);
}

// Builds the page as HTML and as plain text side by side.
class PageWriter
{
public:
    PageWriter(const Tree &tree, Config &config, const QFont &font)
        : m_tree(tree), m_config(config),
          m_labelWidth(QFontMetrics(font).horizontalAdvance(SymbolPage::tr("Selected by [m]")) + 16)
    {
    }

    QString html;
    QString text;

    void symbolPage(const MenuNode *menu);
    void choicePage(const MenuNode *menu);
    void menuPage(const MenuNode *menu);

private:
    // ---- pieces ----
    QString valueClass(const Symbol *s) const
    {
        if (s->isBoolOrTristate() || s->isChoice()) {
            const Tristate t = m_config.currentTristate(s);
            return t == Tristate::Yes   ? QStringLiteral("vy")
                   : t == Tristate::Mod ? QStringLiteral("vm")
                                        : QStringLiteral("vn");
        }
        return QStringLiteral("vs");
    }
    QString displayValue(const Symbol *s) const
    {
        const QString v = qs(m_config.stringValue(s));
        return s->type == SymbolType::String ? QLatin1Char('"') + v + QLatin1Char('"') : v;
    }
    QString valueSpan(const Symbol *s) const
    {
        return QStringLiteral("<span class=\"%1\">%2</span>")
            .arg(valueClass(s), esc(displayValue(s)));
    }
    QString triSpan(Tristate t) const
    {
        const QString cls = t == Tristate::Yes   ? QStringLiteral("vy")
                            : t == Tristate::Mod ? QStringLiteral("vm")
                                                 : QStringLiteral("vn");
        return QStringLiteral("<span class=\"%1\">%2</span>")
            .arg(cls, QString(QLatin1Char(triChar(t))));
    }
    static QString symbolHref(const Symbol *s)
    {
        return symbolScheme + QLatin1Char(':') + QString::number(s->id);
    }
    static QString menuHref(const MenuNode *m)
    {
        return menuScheme + QLatin1Char(':') + QString::number(m->id);
    }
    static QString sourceHref(const SourceLocation &loc)
    {
        QUrl url;
        url.setScheme(sourceScheme);
        url.setPath(qs(loc.fileName()));
        url.setFragment(QString::number(loc.line));
        return url.toString(QUrl::FullyEncoded);
    }
    // A word in an expression that names no symbol: conf uses the word itself
    // as the value, so numbers and other literals read as constants.
    static bool isLiteral(const Symbol *s)
    {
        return s->isConst() || (s->menus.empty() && s->type == SymbolType::Unknown &&
                                (isValidValueString(SymbolType::Int, s->name) ||
                                 isValidValueString(SymbolType::Hex, s->name)));
    }
    // A literal written in quotes (conf keeps quoted words as constants).
    bool isQuoted(const Symbol *s) const
    {
        return s->isConst() && s != m_tree.symbols().yes() && s != m_tree.symbols().mod() &&
               s != m_tree.symbols().no();
    }
    static QString quoted(const QString &t)
    {
        QString inner = t;
        inner.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('"'), QStringLiteral("\\\""));
        return QLatin1Char('"') + inner + QLatin1Char('"');
    }
    QString symbolLink(const Symbol *s, const QString &label) const
    {
        if (s->menus.empty())
            return QStringLiteral("<span class=\"undef\" title=\"%1\">%2</span>")
                .arg(esc(SymbolPage::tr("not defined in this tree")), esc(label));
        return QStringLiteral("<a href=\"%1\">%2</a>").arg(symbolHref(s), esc(label));
    }
    // A symbol reference as in the kernel's info text: NAME [=value].
    QString symbolRef(const Symbol *s) const
    {
        QString out = symbolLink(s, qs(s->name));
        if (s->type != SymbolType::Unknown && !s->isConst())
            out += QStringLiteral(" <span class=\"%1\">[=%2]</span>")
                       .arg(valueClass(s), esc(qs(m_config.stringValue(s))));
        return out;
    }
    QString sourceLink(const SourceLocation &loc) const
    {
        // No line break inside a path: a word joiner after each slash.
        QString label = esc(loc.toString());
        label.replace(QLatin1Char('/'), QStringLiteral("/&#x2060;"));
        return QStringLiteral("<a href=\"%1\">%2</a>").arg(esc(sourceHref(loc)), label);
    }
    QString expr(const Expr *e) const
    {
        QString out;
        printExpr(e, [&](const Symbol *sym, std::string_view piece) {
            const QString t = QString::fromUtf8(piece.data(), qsizetype(piece.size()));
            if (!sym) {
                out += esc(t);
            } else if (isLiteral(sym)) {
                if (sym == m_tree.symbols().yes() || sym == m_tree.symbols().mod() ||
                    sym == m_tree.symbols().no())
                    out += triSpan(m_config.currentTristate(sym));
                else
                    out += QStringLiteral("<span class=\"vs\">%1</span>")
                               .arg(esc(isQuoted(sym) ? quoted(t) : t));
            } else {
                out += symbolRef(sym);
            }
        });
        return QStringLiteral("<span class=\"expr\">%1</span>").arg(out);
    }
    // Like the kernel's text, without repeating the value of y, m, n and literals.
    std::string exprText(const Expr *e) const
    {
        std::string out;
        printExpr(e, [&](const Symbol *sym, std::string_view piece) {
            if (sym && isQuoted(sym))
                out +=
                    quoted(QString::fromUtf8(piece.data(), qsizetype(piece.size()))).toStdString();
            else
                out += piece;
            if (sym && !sym->isConst() && sym->type != SymbolType::Unknown)
                out += " [=" + m_config.stringValue(sym) + ']';
        });
        return out;
    }
    // The value an expression has now, as a trailing note.
    QString result(const Expr *e) const
    {
        return QStringLiteral(" <span class=\"muted\">\u21d2</span> ") +
               triSpan(m_config.exprValue(e));
    }
    bool isYes(const Expr *e) const { return m_tree.exprs().isYes(e); }
    // A property condition that only repeats the entry's dependencies adds
    // nothing (finalisation folds `depends on` into every condition).
    bool sameAsDependencies(const Property *p) const
    {
        if (isYes(p->condition)) return true;
        if (!p->menu) return false;
        return const_cast<ExprPool &>(m_tree.exprs()).equal(p->menu->dep, p->condition);
    }
    // The `if` part a property was written with: finalisation makes every
    // condition "dependencies && own condition".
    const Expr *ownCondition(const Property *p) const
    {
        if (sameAsDependencies(p)) return nullptr;
        const Expr *c = p->condition;
        if (p->menu && c->type == ExprType::And &&
            const_cast<ExprPool &>(m_tree.exprs()).equal(p->menu->dep, c->left))
            return c->right;
        return c;
    }
    // " if COND => value" for a property's own condition, or nothing.
    QString conditionHtml(const Property *p) const
    {
        const Expr *c = ownCondition(p);
        if (!c) return {};
        return QStringLiteral(" <span class=\"muted\">if</span> ") + expr(c) + result(c);
    }
    QString conditionText(const Property *p) const
    {
        const Expr *c = ownCondition(p);
        return c ? QStringLiteral(" if ") + qs(exprText(c)) : QString();
    }

    // ---- layout ----
    void section(const QString &title)
    {
        html += QStringLiteral("<p class=\"section\">%1</p>").arg(esc(title));
    }
    void beginRows() { html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"0\">"); }
    void endRows() { html += QStringLiteral("</table>"); }
    void row(const QString &label, const QString &content)
    {
        QString l = esc(label);
        l.replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
        html += QStringLiteral("<tr><td class=\"label\" width=\"%1\">%2</td><td>%3</td></tr>")
                    .arg(m_labelWidth)
                    .arg(l, content);
    }
    // Defaults and ranges: the first one whose condition holds is the one
    // that applies (a user value can still override a default).
    void activeRow(bool active, const QString &content)
    {
        html +=
            QStringLiteral("<tr><td class=\"label\" width=\"%1\">%2</td><td>%3</td></tr>")
                .arg(m_labelWidth)
                .arg(active
                         ? QStringLiteral("<span class=\"vy\" title=\"%1\">\u2714&nbsp;%2</span>")
                               .arg(esc(SymbolPage::tr("The first one whose condition holds")),
                                    esc(SymbolPage::tr("active")))
                         : QString(),
                     content);
    }
    void helpText(const MenuNode *menu, const Symbol *sym);
    void definition(const MenuNode *m, int index, int count);
    void location(const MenuNode *m, const QString &indent);
    void targets(const Symbol *sym, PropertyType type, const QString &label);
    void reverseDependency(const Symbol *sym, const Expr *e, PropertyType type,
                           const QString &label);
    void defaults(const Symbol *sym, const Property *active);
    void ranges(const Symbol *sym);
    void header(const QString &titleHtml, const QString &titleText, const QStringList &facts,
                const QStringList &factsText, const MenuNode *menu);
    const Property *propertyFor(const Expr *term, const Symbol *target, PropertyType type) const;
    QString linkWords(const QString &line) const;

    const Tree &m_tree;
    Config &m_config;
    int m_labelWidth;
};

// Symbol names and URLs in help text become links.
QString PageWriter::linkWords(const QString &line) const
{
    static const QRegularExpression words(QStringLiteral(
        "(https?://[^\\s<>\"')]+[^\\s<>\"').,;:])|\\b(?:CONFIG_)?([A-Z][A-Z0-9_]{2,})\\b"));
    QString out;
    qsizetype last = 0;
    auto it = words.globalMatch(line);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString replacement;
        if (m.capturedLength(1)) {
            const QString url = m.captured(1);
            replacement = QStringLiteral("<a href=\"%1\">%2</a>").arg(esc(url), esc(url));
        } else if (const Symbol *s = m_tree.symbols().find(m.captured(2).toStdString());
                   s && !s->menus.empty()) {
            replacement =
                QStringLiteral("<a href=\"%1\">%2</a>").arg(symbolHref(s), esc(m.captured(0)));
        } else {
            continue;
        }
        out += esc(line.mid(last, m.capturedStart(0) - last)) + replacement;
        last = m.capturedEnd(0);
    }
    return out + esc(line.mid(last));
}

void PageWriter::helpText(const MenuNode *menu, const Symbol *sym)
{
    // The help of the entry shown, else of the first definition that has one.
    const MenuNode *source = menu->hasHelp ? menu : nullptr;
    if (!source && sym) {
        for (const MenuNode *m : sym->menus)
            if (m->hasHelp) {
                source = m;
                break;
            }
    }
    if (!source) return;
    const std::string helpText = source->help.text();
    if (helpText.find_first_not_of(" \t\n") == std::string::npos) return;
    const QString help = qs(helpText);
    text += QLatin1Char('\n') + help.trimmed() + QStringLiteral("\n\n");

    // Paragraphs with one indentation are prose and reflow; lists, tables and
    // code keep their lines.
    const QStringList lines = help.split(QLatin1Char('\n'));
    QStringList paragraph;
    static const QRegularExpression listItem(QStringLiteral("^\\s*([-*]|\\d+[.)])\\s"));
    static const QRegularExpression aligned(QStringLiteral("\\S {3,}\\S|[^.?!:] {2}\\S|\\t"));
    auto flush = [&] {
        if (paragraph.isEmpty()) return;
        bool prose = true;
        bool table = false;
        const auto indent = [](const QString &l) {
            qsizetype i = 0;
            while (i < l.size() && l.at(i) == QLatin1Char(' '))
                ++i;
            return i;
        };
        const qsizetype first = indent(paragraph.front());
        for (const QString &l : paragraph) {
            if (indent(l) != first || listItem.match(l).hasMatch()) prose = false;
            if (aligned.match(l.trimmed()).hasMatch()) table = true;
        }
        if (prose && !table) {
            QStringList parts;
            for (const QString &l : paragraph)
                parts << l.trimmed();
            html += QStringLiteral("<p class=\"help\">%1</p>")
                        .arg(linkWords(parts.join(QLatin1Char(' '))));
        } else {
            QStringList parts;
            for (const QString &l : paragraph)
                parts << linkWords(l);
            html += QStringLiteral("<p class=\"%1\">%2</p>")
                        .arg(table ? QStringLiteral("mono") : QStringLiteral("pre"),
                             parts.join(QStringLiteral("<br/>")));
        }
        paragraph.clear();
    };
    for (const QString &l : lines) {
        if (l.trimmed().isEmpty()) {
            flush();
            continue;
        }
        // A list right after prose ("Its users select it:" then " - ...")
        // starts a block of its own, so that the prose above still reflows.
        if (listItem.match(l).hasMatch() && !paragraph.isEmpty() &&
            !listItem.match(paragraph.front()).hasMatch())
            flush();
        paragraph << l;
    }
    flush();
}

void PageWriter::location(const MenuNode *m, const QString &indent)
{
    std::vector<const MenuNode *> levels;
    const MenuNode *root = m_tree.rootMenu();
    for (const MenuNode *p = m; p && p != root; p = p->parent)
        levels.push_back(p);
    QStringList crumbs;
    QString plain = indent + QStringLiteral("Location:\n");
    int depth = 0;
    for (auto it = levels.rbegin(); it != levels.rend(); ++it, ++depth) {
        const MenuNode *level = *it;
        const std::string *prompt = level->promptText();
        const QString label = prompt ? qs(*prompt) : QString();
        plain += indent + QString(2 * depth + 2, QLatin1Char(' ')) + QStringLiteral("-> ") + label;
        if (level->sym && !level->sym->isChoice())
            plain += QStringLiteral(" (") + qs(level->sym->displayName()) + QStringLiteral(" [=") +
                     qs(m_config.stringValue(level->sym)) + QStringLiteral("])");
        plain += QLatin1Char('\n');
        if (level == m) continue; // the entry itself heads the page
        QString crumb;
        if (level->sym && !level->sym->isChoice())
            crumb = QStringLiteral("<a href=\"%1\">%2</a> <span class=\"muted\">(</span>%3"
                                   "<span class=\"muted\">)</span>")
                        .arg(symbolHref(level->sym), esc(label), symbolRef(level->sym));
        else
            crumb = QStringLiteral("<a href=\"%1\">%2</a>").arg(menuHref(level), esc(label));
        crumbs << crumb;
    }
    text += plain;
    if (crumbs.isEmpty())
        crumbs << QStringLiteral("<span class=\"muted\">%1</span>")
                      .arg(esc(SymbolPage::tr("top level")));
    row(SymbolPage::tr("Location"),
        crumbs.join(QStringLiteral(" <span class=\"muted\">\u2192</span> ")));
}

void PageWriter::definition(const MenuNode *m, int index, int count)
{
    QString title = sourceLink(m->location);
    if (count > 1)
        title += QStringLiteral(" <span class=\"muted\">(%1)</span>")
                     .arg(esc(SymbolPage::tr("definition %1 of %2").arg(index + 1).arg(count)));
    if (m->sym && !m->prompt)
        title += QStringLiteral(" <span class=\"muted\">\u2014 %1</span>")
                     .arg(esc(SymbolPage::tr("no prompt")));
    html += QStringLiteral("<p class=\"def\">%1</p>").arg(title);
    text += QStringLiteral("Defined at ") + qs(m->location.toString()) + QLatin1Char('\n');
    beginRows();
    if (m->prompt && m->sym) {
        row(SymbolPage::tr("Prompt"), esc(m->prompt->text));
        text += QStringLiteral("  Prompt: ") + qs(m->prompt->text) + QLatin1Char('\n');
    }
    if (!isYes(m->dep)) {
        row(SymbolPage::tr("Depends on"), expr(m->dep) + result(m->dep));
        text += QStringLiteral("  Depends on: ") + qs(exprText(m->dep)) + QLatin1Char('\n');
    }
    // Like the kernel: only when the prompt's visibility differs from the
    // dependencies (`prompt "x" if E`, or a parent's `visible if`).
    if (m->prompt && m->sym && !sameAsDependencies(m->prompt)) {
        row(SymbolPage::tr("Visible if"),
            expr(m->prompt->condition) + result(m->prompt->condition));
        text += QStringLiteral("  Visible if: ") + qs(exprText(m->prompt->condition)) +
                QLatin1Char('\n');
    }
    if (m->visibility && !isYes(m->visibility)) {
        row(SymbolPage::tr("Visible if"), expr(m->visibility) + result(m->visibility));
        text += QStringLiteral("  Visible if: ") + qs(exprText(m->visibility)) + QLatin1Char('\n');
    }
    location(m, QStringLiteral("  "));
    endRows();
}

// The select/imply property behind one term of a reverse dependency: the
// term starts with the selecting symbol.
const Property *PageWriter::propertyFor(const Expr *term, const Symbol *target,
                                        PropertyType type) const
{
    const Expr *leaf = term;
    while (leaf && leaf->type == ExprType::And)
        leaf = leaf->left;
    if (!leaf || leaf->type != ExprType::Symbol) return nullptr;
    const Property *found = nullptr;
    for (const Property *p : leaf->sym->properties) {
        if (p->type != type || p->targetSymbol() != target) continue;
        if (found) return nullptr; // several: the term alone does not say which
        found = p;
    }
    return found;
}

void PageWriter::targets(const Symbol *sym, PropertyType type, const QString &label)
{
    bool first = true;
    for (const Property *p : sym->properties) {
        if (p->type != type) continue;
        const QString content =
            expr(p->expr) + conditionHtml(p) +
            QStringLiteral(" &nbsp;<span class=\"muted\">%1</span>").arg(sourceLink(p->location));
        row(first ? label : QString(), content);
        if (first) text += label + QStringLiteral(":\n");
        text +=
            QStringLiteral("  - ") + qs(exprText(p->expr)) + conditionText(p) + QLatin1Char('\n');
        first = false;
    }
}

void PageWriter::reverseDependency(const Symbol *sym, const Expr *e, PropertyType type,
                                   const QString &label)
{
    if (!e) return;
    const std::vector<const Expr *> terms = revDepTerms(e);
    for (Tristate value : {Tristate::Yes, Tristate::Mod, Tristate::No}) {
        const QString tri(QLatin1Char(triChar(value)));
        bool first = true;
        for (const Expr *term : terms) {
            if (m_config.exprValue(term) != value) continue;
            QString content = QStringLiteral("<span class=\"muted\">\u2013</span> ") + expr(term);
            if (const Property *p = propertyFor(term, sym, type))
                content += QStringLiteral(" &nbsp;<span class=\"muted\">%1</span>")
                               .arg(sourceLink(p->location));
            if (first) {
                QString l = esc(label);
                l.replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
                html += QStringLiteral("<tr><td class=\"label\" width=\"%1\">%2&nbsp;[%3]</td>"
                                       "<td>%4</td></tr>")
                            .arg(m_labelWidth)
                            .arg(l, triSpan(value), content);
                text += QStringLiteral("%1 [%2]:\n").arg(label, tri);
            } else {
                row(QString(), content);
            }
            text += QStringLiteral("  - ") + qs(exprText(term)) + QLatin1Char('\n');
            first = false;
        }
    }
}

void PageWriter::defaults(const Symbol *sym, const Property *active)
{
    bool any = false;
    for (const Property *p : sym->properties)
        any |= p->type == PropertyType::Default;
    if (!any) return;
    section(SymbolPage::tr("Defaults"));
    text += QStringLiteral("Defaults:\n");
    beginRows();
    for (const Property *p : sym->properties) {
        if (p->type != PropertyType::Default) continue;
        const bool isActive = p == active;
        QString content = expr(p->expr) + conditionHtml(p);
        const QString plain = qs(exprText(p->expr)) + conditionText(p);
        content +=
            QStringLiteral(" &nbsp;<span class=\"muted\">%1</span>").arg(sourceLink(p->location));
        activeRow(isActive, content);
        text += (isActive ? QStringLiteral("  * ") : QStringLiteral("    ")) + plain +
                (isActive ? QStringLiteral("  (active)") : QString()) + QLatin1Char('\n');
    }
    endRows();
}

void PageWriter::ranges(const Symbol *sym)
{
    bool any = false;
    for (const Property *p : sym->properties)
        any |= p->type == PropertyType::Range;
    if (!any) return;
    const Property *active = m_config.rangeProperty(sym);
    section(SymbolPage::tr("Ranges"));
    text += QStringLiteral("Ranges:\n");
    beginRows();
    for (const Property *p : sym->properties) {
        if (p->type != PropertyType::Range || !p->expr) continue;
        const bool isActive = p == active;
        const auto bound = [&](const Symbol *s) {
            return isLiteral(s) ? QStringLiteral("<span class=\"vs\">%1</span>").arg(esc(s->name))
                                : symbolRef(s);
        };
        QString content = QStringLiteral("<span class=\"expr\">%1 \u2026 %2</span>")
                              .arg(bound(p->expr->sym), bound(p->expr->rightSym));
        content += conditionHtml(p);
        const auto boundText = [&](const Symbol *s) {
            return isLiteral(s) ? qs(s->name)
                                : qs(s->name) + QStringLiteral(" [=") +
                                      qs(m_config.stringValue(s)) + QLatin1Char(']');
        };
        const QString plain = boundText(p->expr->sym) + QStringLiteral(" ") +
                              boundText(p->expr->rightSym) + conditionText(p);
        content +=
            QStringLiteral(" &nbsp;<span class=\"muted\">%1</span>").arg(sourceLink(p->location));
        activeRow(isActive, content);
        text += (isActive ? QStringLiteral("  * ") : QStringLiteral("    ")) + plain +
                (isActive ? QStringLiteral("  (active)") : QString()) + QLatin1Char('\n');
    }
    endRows();
}

void PageWriter::header(const QString &titleHtml, const QString &titleText,
                        const QStringList &facts, const QStringList &factsText,
                        const MenuNode *menu)
{
    html += QStringLiteral("<p class=\"title\">%1</p>").arg(titleHtml);
    if (!facts.isEmpty())
        html += QStringLiteral("<p class=\"sub\">%1</p>")
                    .arg(facts.join(QStringLiteral(" &nbsp;\u00b7&nbsp; ")));
    text += titleText + QLatin1Char('\n');
    for (const QString &f : factsText)
        text += f + QLatin1Char('\n');
    if (menu && menu->prompt && (menu->sym || menu->isChoice()))
        html += QStringLiteral("<p class=\"prompt\">%1</p>").arg(esc(menu->prompt->text));
}

void PageWriter::symbolPage(const MenuNode *menu)
{
    const Symbol *sym = menu->sym;
    m_config.calc(sym);
    QStringList facts;
    QStringList factsText;
    facts << QStringLiteral("<span class=\"muted\">%1</span>")
                 .arg(esc(QString::fromLatin1(symbolTypeName(sym->type))));
    facts << QStringLiteral("%1 %2").arg(esc(SymbolPage::tr("value")), valueSpan(sym));
    factsText << QStringLiteral("Type  : ") + QString::fromLatin1(symbolTypeName(sym->type));
    QString valueText = QStringLiteral("Value : ") + displayValue(sym);
    if (m_config.hasUserValue(sym)) {
        const QString user =
            sym->isBoolOrTristate()
                ? QString(QLatin1Char(triChar(m_config.userTristate(sym))))
                : (sym->type == SymbolType::String
                       ? QLatin1Char('"') + qs(m_config.userString(sym)) + QLatin1Char('"')
                       : qs(m_config.userString(sym)));
        if (user != displayValue(sym)) {
            facts << esc(SymbolPage::tr("you set %1").arg(user));
            valueText += QStringLiteral(" (you set ") + user + QLatin1Char(')');
        }
    }
    factsText << valueText;

    bool hasPrompt = false;
    for (const MenuNode *m : sym->menus)
        hasPrompt |= m->prompt != nullptr;
    const Tristate visible = m_config.visibility(sym);
    const Tristate selected = m_config.revDepValue(sym);
    QStringList notes;
    if (!hasPrompt)
        notes << SymbolPage::tr("no prompt");
    else if (visible == Tristate::No)
        notes << SymbolPage::tr("hidden");
    if (selected != Tristate::No)
        notes << SymbolPage::tr("selected (at least %1)").arg(QLatin1Char(triChar(selected)));
    if (sym->isBoolOrTristate() && visible != Tristate::No && !m_config.isChangeable(sym))
        notes << SymbolPage::tr("locked");
    for (const QString &n : notes)
        facts << esc(n);
    if (!notes.isEmpty())
        factsText << QStringLiteral("State : ") + notes.join(QStringLiteral(", "));
    if (m_config.hasUnmetDependency(sym)) {
        facts << QStringLiteral("<span class=\"warn\">%1</span>")
                     .arg(esc(SymbolPage::tr("unmet direct dependencies")));
        factsText << QStringLiteral("Warning: unmet direct dependencies");
    }
    if (const MenuNode *choice = sym->memberOfChoice) {
        const std::string *p = choice->promptText();
        facts << SymbolPage::tr("member of %1")
                     .arg(QStringLiteral("<a href=\"%1\">%2</a>")
                              .arg(menuHref(choice), esc(p ? qs(*p) : SymbolPage::tr("a choice"))));
        factsText << QStringLiteral("Choice: ") + (p ? qs(*p) : QString());
    }
    header(QStringLiteral("<span class=\"name\">%1</span>").arg(esc(sym->name)),
           QStringLiteral("Symbol: ") + qs(sym->name) + QStringLiteral(" [=") +
               qs(m_config.stringValue(sym)) + QLatin1Char(']'),
           facts, factsText, menu);
    if (menu->prompt)
        text += QStringLiteral("Prompt: ") + qs(menu->prompt->text) + QLatin1Char('\n');

    helpText(menu, sym);

    // Definitions with a prompt first, as the kernel lists them.
    std::vector<const MenuNode *> defs;
    for (const MenuNode *m : sym->menus)
        if (m->prompt) defs.push_back(m);
    for (const MenuNode *m : sym->menus)
        if (!m->prompt) defs.push_back(m);
    section(defs.size() > 1 ? SymbolPage::tr("Definitions") : SymbolPage::tr("Definition"));
    text += QLatin1Char('\n');
    for (std::size_t i = 0; i < defs.size(); ++i)
        definition(defs[i], int(i), int(defs.size()));

    bool relations = sym->revDep || sym->implied;
    for (const Property *p : sym->properties)
        relations |= p->type == PropertyType::Select || p->type == PropertyType::Imply;
    if (relations) {
        section(SymbolPage::tr("Selects and implies"));
        beginRows();
        targets(sym, PropertyType::Select, SymbolPage::tr("Selects"));
        reverseDependency(sym, sym->revDep, PropertyType::Select, SymbolPage::tr("Selected by"));
        targets(sym, PropertyType::Imply, SymbolPage::tr("Implies"));
        reverseDependency(sym, sym->implied, PropertyType::Imply, SymbolPage::tr("Implied by"));
        endRows();
    }
    defaults(sym, m_config.defaultProperty(sym));
    ranges(sym);
}

void PageWriter::choicePage(const MenuNode *menu)
{
    const Symbol *sym = menu->sym;
    const Symbol *selection = m_config.choiceSelection(menu);
    const Symbol *fallback = m_config.choiceDefault(menu);
    const std::string *prompt = menu->promptText();
    const QString title = prompt ? qs(*prompt) : SymbolPage::tr("choice");
    QStringList facts;
    QStringList factsText;
    facts << QStringLiteral("<span class=\"muted\">%1</span>").arg(esc(SymbolPage::tr("choice")));
    if (selection) {
        facts << SymbolPage::tr("selected: %1").arg(symbolLink(selection, qs(selection->name)));
        factsText << QStringLiteral("Selected: ") + qs(selection->name);
    } else {
        facts << esc(SymbolPage::tr("nothing selected"));
    }
    if (m_config.visibility(sym) == Tristate::No) facts << esc(SymbolPage::tr("hidden"));
    html +=
        QStringLiteral("<p class=\"title\"><span class=\"heading\">%1</span></p>").arg(esc(title));
    html += QStringLiteral("<p class=\"sub\">%1</p>")
                .arg(facts.join(QStringLiteral(" &nbsp;\u00b7&nbsp; ")));
    text += QStringLiteral("Choice: ") + title + QLatin1Char('\n');
    for (const QString &f : factsText)
        text += f + QLatin1Char('\n');

    helpText(menu, sym);

    section(SymbolPage::tr("Members"));
    text += QStringLiteral("\nMembers:\n");
    beginRows();
    for (const Symbol *member : menu->choiceMembers) {
        const bool chosen = member == selection;
        const bool shown = m_config.visibility(member) != Tristate::No;
        QString memberPrompt;
        for (const MenuNode *m : member->menus)
            if (m->prompt && m_tree.choiceMenuOf(member) == menu) {
                memberPrompt = qs(m->prompt->text);
                break;
            }
        QString content = symbolLink(member, qs(member->name));
        if (!memberPrompt.isEmpty())
            content += QStringLiteral(" <span class=\"muted\">\u2014</span> ") + esc(memberPrompt);
        if (member == fallback)
            content += QStringLiteral(" <span class=\"muted\">(%1)</span>")
                           .arg(esc(SymbolPage::tr("default")));
        if (!shown)
            content = QStringLiteral("<span class=\"muted\">%1 (%2)</span>")
                          .arg(content, esc(SymbolPage::tr("hidden")));
        row(chosen ? QStringLiteral("\u25c9") : QStringLiteral("\u25cb"),
            chosen ? QStringLiteral("<b>%1</b>").arg(content) : content);
        text += (chosen ? QStringLiteral("  (X) ") : QStringLiteral("  ( ) ")) + qs(member->name) +
                (memberPrompt.isEmpty() ? QString() : QStringLiteral(" - ") + memberPrompt) +
                (member == fallback ? QStringLiteral(" (default)") : QString()) + QLatin1Char('\n');
    }
    endRows();

    section(SymbolPage::tr("Definition"));
    text += QLatin1Char('\n');
    definition(menu, 0, 1);
    // The default that names the member the choice falls back to now.
    const Property *active = nullptr;
    for (const Property *p : sym->properties)
        if (!active && p->type == PropertyType::Default && p->targetSymbol() == fallback &&
            m_config.exprValue(p->condition) != Tristate::No)
            active = p;
    defaults(sym, active);
}

void PageWriter::menuPage(const MenuNode *menu)
{
    const std::string *prompt = menu->promptText();
    const QString title = prompt ? qs(*prompt) : QString::fromStdString(m_tree.mainMenuTitle());
    const QString kind = menu == m_tree.rootMenu() ? SymbolPage::tr("main menu")
                         : menu->isComment()       ? SymbolPage::tr("comment")
                                                   : SymbolPage::tr("menu");
    QStringList facts;
    facts << QStringLiteral("<span class=\"muted\">%1</span>").arg(esc(kind));
    if (menu != m_tree.rootMenu() && !m_config.menuIsVisible(menu))
        facts << esc(SymbolPage::tr("hidden"));
    html +=
        QStringLiteral("<p class=\"title\"><span class=\"heading\">%1</span></p>").arg(esc(title));
    html += QStringLiteral("<p class=\"sub\">%1</p>")
                .arg(facts.join(QStringLiteral(" &nbsp;\u00b7&nbsp; ")));
    text += kind.left(1).toUpper() + kind.mid(1) + QStringLiteral(": ") + title + QLatin1Char('\n');
    if (menu->hasHelp) helpText(menu, nullptr);
    if (menu->location.isValid()) {
        section(SymbolPage::tr("Definition"));
        text += QLatin1Char('\n');
        definition(menu, 0, 1);
    }
}

} // namespace

SymbolPage::SymbolPage(ConfigDocument *doc, QWidget *parent) : QTextBrowser(parent), m_doc(doc)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setFrameShape(QFrame::NoFrame);
    document()->setDocumentMargin(12);
    connect(this, &QTextBrowser::anchorClicked, this, &SymbolPage::openLink);
    m_copyAction = new QAction(tr("Copy Page as &Text"), this);
    m_copyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copyAction, &QAction::triggered, this, &SymbolPage::copyAll);
    addAction(m_copyAction);
    connect(m_doc, &ConfigDocument::valuesChanged, this, [this] { refresh(); });
    connect(m_doc, &ConfigDocument::loaded, this, [this] { showMenu(nullptr); });
}

void SymbolPage::showMenu(const MenuNode *menu)
{
    const bool same = menu == m_menu;
    m_menu = menu;
    const int scroll = verticalScrollBar()->value();
    refresh();
    if (same) verticalScrollBar()->setValue(scroll);
}

QString SymbolPage::plainText() const
{
    return m_plainText;
}

void SymbolPage::copyAll()
{
    QApplication::clipboard()->setText(plainText());
}

void SymbolPage::refresh()
{
    Tree *tree = m_doc->tree();
    Config *config = m_doc->config();
    if (!m_menu || !tree || !config) {
        m_plainText.clear();
        clear();
        return;
    }
    const int scroll = verticalScrollBar()->value();
    PageWriter page(*tree, *config, font());
    if (m_menu->isChoice())
        page.choicePage(m_menu);
    else if (m_menu->sym)
        page.symbolPage(m_menu);
    else
        page.menuPage(m_menu);
    m_plainText = page.text;
    document()->setDefaultStyleSheet(pageStyleSheet(coloursFor(palette()), font()));
    setHtml(QStringLiteral("<html><body>%1</body></html>").arg(page.html));
    verticalScrollBar()->setValue(scroll);
}

void SymbolPage::openLink(const QUrl &url)
{
    const Tree *tree = m_doc->tree();
    if (!tree) return;
    const QString scheme = url.scheme();
    if (scheme == symbolScheme) {
        bool ok = false;
        const int id = url.path().toInt(&ok);
        const auto &all = tree->symbols().all();
        if (ok && id >= 0 && id < int(all.size())) emit symbolActivated(all[std::size_t(id)]);
    } else if (scheme == menuScheme) {
        bool ok = false;
        const int id = url.path().toInt(&ok);
        if (ok && id >= 0 && id < int(tree->menus().size()))
            emit menuActivated(&tree->menus()[std::size_t(id)]);
    } else if (scheme == sourceScheme) {
        emit sourceRequested(url.path(), url.fragment().toInt());
    } else if (scheme == QLatin1String("http") || scheme == QLatin1String("https")) {
        QDesktopServices::openUrl(url);
    }
}

void SymbolPage::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createStandardContextMenu(event->pos());
    menu->addSeparator();
    m_copyAction->setEnabled(!m_plainText.isEmpty());
    menu->addAction(m_copyAction);
    menu->exec(event->globalPos());
    delete menu;
}

void SymbolPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) refresh();
    QTextBrowser::changeEvent(event);
}
