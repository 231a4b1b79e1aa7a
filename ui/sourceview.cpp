// SPDX-License-Identifier: MIT
#include "sourceview.h"

#include "configdocument.h"
#include "kconfighighlighter.h"

#include <kconfig/menunode.h>
#include <kconfig/property.h>
#include <kconfig/sourcefiles.h>
#include <kconfig/symbol.h>
#include <kconfig/syntaxclassifier.h>
#include <kconfig/tree.h>

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolTip>
#include <QVBoxLayout>

#ifdef KCS_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#endif

using namespace kconfig;

namespace {

// Lines of context kept above a definition when scrolling to it.
constexpr int contextLines = 3;

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

#ifdef KCS_HAVE_KSYNTAXHIGHLIGHTING
KSyntaxHighlighting::Repository &repository()
{
    static KSyntaxHighlighting::Repository r;
    return r;
}

KSyntaxHighlighting::Theme themeFor(const QPalette &palette)
{
    return repository().defaultTheme(isDark(palette) ? KSyntaxHighlighting::Repository::DarkTheme
                                                     : KSyntaxHighlighting::Repository::LightTheme);
}
#endif

// KSyntaxHighlighting's Kconfig definition when it was found at build time,
// else our own highlighter over the lexer's rules.
QSyntaxHighlighter *createHighlighter(QTextDocument *document, const QPalette &palette)
{
#ifdef KCS_HAVE_KSYNTAXHIGHLIGHTING
    const KSyntaxHighlighting::Definition definition =
        repository().definitionForName(QStringLiteral("Kconfig"));
    if (definition.isValid()) {
        auto *h = new KSyntaxHighlighting::SyntaxHighlighter(document);
        h->setTheme(themeFor(palette));
        h->setDefinition(definition);
        return h;
    }
#endif
    auto *h = new KconfigHighlighter(document);
    h->setPalette(palette);
    return h;
}

QString definitionLabel(const MenuNode *m)
{
    QString text = QString::fromStdString(m->location.fileName()) + QLatin1Char(':') +
                   QString::number(m->location.line);
    if (m->prompt)
        text += QStringLiteral("  \u2014  ") + QString::fromStdString(m->prompt->text);
    else if (m->sym)
        text += QStringLiteral("  \u2014  ") + SourceView::tr("no prompt");
    return text;
}

} // namespace

SourceView::SourceView(ConfigDocument *doc, QWidget *parent) : QWidget(parent), m_doc(doc)
{
    auto *layout = new QVBoxLayout(this);
    m_layout = layout;
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 4);
    auto *label = new QLabel(tr("&Definition:"), this);
    m_definitions = new QComboBox(this);
    m_definitions->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_definitions->setMinimumContentsLength(24);
    label->setBuddy(m_definitions);
    m_path = new QLabel(this);
    m_path->setForegroundRole(QPalette::PlaceholderText);
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bar->addWidget(label);
    bar->addWidget(m_definitions, 1);
    bar->addWidget(m_path);
    layout->addLayout(bar);

    auto *frame = new QFrame(this);
    frame->setFrameShape(QFrame::StyledPanel);
    auto *editorRow = new QHBoxLayout(frame);
    editorRow->setContentsMargins(1, 1, 1, 1);
    editorRow->setSpacing(0);
    m_lineNumbers = new QWidget(frame);
    m_lineNumbers->setObjectName(QStringLiteral("lineNumbers"));
    m_editor = new QPlainTextEdit(frame);
    m_editor->setFrameShape(QFrame::NoFrame);
    m_editor->setReadOnly(true);
    m_editor->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Kconfig files are indented with tabs of eight columns.
    m_editor->setTabStopDistance(8 * m_editor->fontMetrics().horizontalAdvance(QLatin1Char(' ')));
    m_editor->viewport()->setMouseTracking(true);
    m_editor->viewport()->installEventFilter(this);
    m_lineNumbers->installEventFilter(this);
    editorRow->addWidget(m_lineNumbers);
    editorRow->addWidget(m_editor, 1);
    layout->addWidget(frame, 1);

    m_highlighter = createHighlighter(m_editor->document(), palette());
    updateLineNumberWidth();

    connect(m_editor, &QPlainTextEdit::updateRequest, m_lineNumbers,
            [this](const QRect &, int) { m_lineNumbers->update(); });
    connect(m_definitions, &QComboBox::activated, this, &SourceView::showDefinition);
    connect(m_editor->document(), &QTextDocument::contentsChanged, this,
            &SourceView::onContentsChanged);
    connect(m_doc, &ConfigDocument::loaded, this, [this] {
        clear();
        m_file.clear(); // srctree may differ: read files again
        m_text.clear();
        m_editor->clear();
    });
}

void SourceView::clear()
{
    m_entries.clear();
    m_definitions->clear();
    m_definitions->setPlaceholderText(QString());
    m_path->clear();
    m_entryLine = m_entryLines = 0;
    m_line = 0;
    m_entrySelections.clear();
    applySelections();
}

void SourceView::showMenu(const MenuNode *menu)
{
    clear();
    if (!menu || !m_doc->tree() || !menu->location.isValid()) return;
    std::vector<const MenuNode *> nodes;
    if (menu->sym && !menu->sym->menus.empty())
        nodes.assign(menu->sym->menus.begin(), menu->sym->menus.end());
    else
        nodes.push_back(menu);
    int current = 0;
    for (const MenuNode *m : nodes) {
        if (!m->location.isValid()) continue;
        if (m == menu) current = int(m_entries.size());
        m_entries.push_back(
            Definition{m, QString::fromStdString(m->location.fileName()), m->location.line});
        m_definitions->addItem(definitionLabel(m));
    }
    m_definitions->setCurrentIndex(current);
    showDefinition(current);
}

void SourceView::showLocation(const QString &file, int line)
{
    const Tree *tree = m_doc->tree();
    if (!tree) return;
    // The entry the line belongs to gives the selector its definitions.
    const std::string name = file.toStdString();
    const MenuNode *containing = nullptr;
    for (const MenuNode &m : tree->menus()) {
        if (!m.location.isValid() || *m.location.file != name || m.location.line > line ||
            (!m.sym && !m.prompt))
            continue;
        if (!containing || m.location.line > containing->location.line) containing = &m;
    }
    if (containing && loadFile(file)) {
        const int extent = SyntaxClassifier::entryLineCount(
            std::string_view(m_text.constData(), m_text.size()), containing->location.line);
        if (line < containing->location.line + std::max(extent, 1)) {
            showMenu(containing);
            m_line = line;
            markLines(m_entryLine, m_entryLines, line);
            return;
        }
    }
    clear();
    m_definitions->setPlaceholderText(file + QLatin1Char(':') + QString::number(line));
    m_definitions->setCurrentIndex(-1);
    if (!loadFile(file)) return;
    m_line = line;
    markLines(line, 1, line);
}

void SourceView::showDefinition(int index)
{
    if (index < 0 || index >= int(m_entries.size())) return;
    const Definition &d = m_entries[std::size_t(index)];
    if (m_definitions->currentIndex() != index) m_definitions->setCurrentIndex(index);
    m_path->setText(m_entries.size() > 1 ? tr("%1 of %2").arg(index + 1).arg(int(m_entries.size()))
                                         : QString());
    if (!loadFile(d.file)) {
        m_entryLine = m_entryLines = 0;
        return;
    }
    m_line = d.line;
    const int extent = SyntaxClassifier::entryLineCount(
        std::string_view(m_text.constData(), m_text.size()), d.line);
    markLines(d.line, std::max(extent, 1), d.line);
}

bool SourceView::loadFile(const QString &file)
{
    if (file == m_file && !m_text.isNull()) return true;
    m_file = file;
    m_text = QByteArray();
    m_lineStates.clear();
    const LoadedTree *info = m_doc->loadInfo();
    if (!info) {
        m_editor->clear();
        return false;
    }
    const std::optional<QString> edited = m_textProvider ? m_textProvider(file) : std::nullopt;
    if (edited) {
        m_text = edited->toUtf8();
        m_definitions->setToolTip(tr("%1 (edited in memory)").arg(file));
    } else {
        SourceFiles sources;
        sources.setBaseDirectory(m_doc->srctree().toStdString());
        const auto opened = sources.open(file.toStdString(), info->environment);
        if (!opened) {
            m_settingText = true;
            m_editor->setPlainText(
                tr("Cannot read %1 (looked in %2).").arg(file, m_doc->srctree()));
            m_settingText = false;
            m_definitions->setToolTip(QString());
            return false;
        }
        m_text = QByteArray(opened->text.view().data(), qsizetype(opened->text.view().size()));
        m_definitions->setToolTip(QString::fromStdString(opened->path));
    }
    if (m_text.isNull()) m_text = QByteArray("");
    classifyLines();
    m_settingText = true;
    m_editor->setPlainText(QString::fromUtf8(m_text));
    m_settingText = false;
    updateLineNumberWidth();
    refreshMarkers();
    emit fileShown(file);
    return true;
}

// The classifier's state at each line start, for finding symbol names.
void SourceView::classifyLines()
{
    m_lineStates.clear();
    SyntaxClassifier classifier;
    std::string_view text(m_text.constData(), m_text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        m_lineStates.push_back(classifier.state());
        const std::size_t eol = text.find('\n', pos);
        const std::size_t end = eol == std::string_view::npos ? text.size() : eol;
        classifier.classify(text.substr(pos, end - pos));
        pos = end + 1;
    }
}

void SourceView::setEditable(bool editable)
{
    m_editor->setReadOnly(!editable);
    m_editor->setTextInteractionFlags(editable ? Qt::TextEditorInteraction
                                               : Qt::TextSelectableByMouse |
                                                     Qt::TextSelectableByKeyboard);
}

bool SourceView::isEditable() const
{
    return !m_editor->isReadOnly();
}

void SourceView::onContentsChanged()
{
    if (m_settingText || m_file.isEmpty() || m_text.isNull() || !isEditable()) return;
    const QString text = m_editor->toPlainText();
    m_text = text.toUtf8();
    classifyLines();
    updateLineNumberWidth();
    emit textEdited(m_file, text);
}

void SourceView::reloadFile()
{
    if (m_file.isEmpty()) return;
    const int scroll = m_editor->verticalScrollBar()->value();
    const int position = m_editor->textCursor().position();
    const QString file = m_file;
    m_text = QByteArray();
    loadFile(file);
    QTextCursor cursor(m_editor->document());
    cursor.setPosition(std::min(position, m_editor->document()->characterCount() - 1));
    m_editor->setTextCursor(cursor);
    m_editor->verticalScrollBar()->setValue(scroll);
}

void SourceView::setMarkerProvider(MarkerProvider provider)
{
    m_markerProvider = std::move(provider);
    updateLineNumberWidth();
    refreshMarkers();
}

void SourceView::refreshMarkers()
{
    m_markers =
        m_markerProvider && !m_file.isEmpty() ? m_markerProvider(m_file) : QList<LineMarker>();
    applySelections();
    m_lineNumbers->update();
}

const SourceView::LineMarker *SourceView::markerAt(int line) const
{
    const LineMarker *found = nullptr;
    for (const LineMarker &m : m_markers)
        if (m.line == line && (!found || (m.error && !found->error))) found = &m;
    return found;
}

// The definition's background plus a wavy underline under each problem line.
void SourceView::applySelections()
{
    QList<QTextEdit::ExtraSelection> all = m_entrySelections;
    QTextDocument *document = m_editor->document();
    for (const LineMarker &m : m_markers) {
        const QTextBlock block = document->findBlockByNumber(m.line - 1);
        if (!block.isValid()) continue;
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(block);
        s.cursor.movePosition(QTextCursor::StartOfBlock);
        s.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        s.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        s.format.setUnderlineColor(m.error ? QColor(0xd0, 0x20, 0x20) : QColor(0xd0, 0x90, 0x00));
        s.format.setToolTip(m.message);
        all.append(s);
    }
    m_editor->setExtraSelections(all);
}

void SourceView::addRow(QWidget *row)
{
    m_layout->insertWidget(m_layout->count() - 1, row);
}

void SourceView::markLines(int firstLine, int count, int targetLine)
{
    m_entryLine = firstLine;
    m_entryLines = count;
    QTextDocument *document = m_editor->document();
    QColor entry = palette().color(QPalette::Highlight);
    entry.setAlpha(isDark(palette()) ? 70 : 45);
    QColor target = entry;
    target.setAlpha(isDark(palette()) ? 130 : 95);
    QList<QTextEdit::ExtraSelection> selections;
    for (int line = firstLine; line < firstLine + count; ++line) {
        const QTextBlock block = document->findBlockByNumber(line - 1);
        if (!block.isValid()) break;
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(block);
        s.format.setBackground(line == targetLine && count > 1 && targetLine != firstLine ? target
                                                                                          : entry);
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections.append(s);
    }
    if (targetLine < firstLine || targetLine >= firstLine + count) {
        const QTextBlock block = document->findBlockByNumber(targetLine - 1);
        if (block.isValid()) {
            QTextEdit::ExtraSelection s;
            s.cursor = QTextCursor(block);
            s.format.setBackground(target);
            s.format.setProperty(QTextFormat::FullWidthSelection, true);
            selections.append(s);
        }
    }
    m_entrySelections = selections;
    applySelections();

    const QTextBlock block = document->findBlockByNumber(std::max(targetLine, 1) - 1);
    if (block.isValid()) m_editor->setTextCursor(QTextCursor(block));
    // The definition near the top with a little context above it; a property
    // line further down stays visible too.
    const int top = std::max(0, std::min(firstLine, targetLine) - 1 - contextLines);
    m_editor->verticalScrollBar()->setValue(top);
    m_editor->ensureCursorVisible();
    m_lineNumbers->update();
}

const Symbol *SourceView::symbolAt(const QPoint &viewportPos) const
{
    const Tree *tree = m_doc->tree();
    if (!tree) return nullptr;
    const QTextCursor cursor = m_editor->cursorForPosition(viewportPos);
    const QTextBlock block = cursor.block();
    const int number = block.blockNumber();
    if (number < 0 || number >= int(m_lineStates.size())) return nullptr;
    // Past the end of the line is not on a word.
    const QRect lineEnd = m_editor->cursorRect(
        QTextCursor(m_editor->document()->findBlock(block.position() + block.length() - 1)));
    if (viewportPos.x() > lineEnd.right() + m_editor->fontMetrics().averageCharWidth() &&
        cursor.positionInBlock() == block.length() - 1)
        return nullptr;
    const QString text = block.text();
    const QByteArray utf8 = text.toUtf8();
    SyntaxClassifier classifier(m_lineStates[std::size_t(number)]);
    const int column = cursor.positionInBlock();
    for (const SyntaxSpan &span :
         classifier.classify(std::string_view(utf8.constData(), utf8.size()))) {
        if (span.kind != SyntaxKind::Symbol && span.kind != SyntaxKind::Definition) continue;
        const auto [from, length] = KconfigHighlighter::spanRange(text, utf8, span);
        if (column < from || column > from + length) continue;
        const std::string name(utf8.constData() + span.start, span.length);
        return tree->symbols().find(name);
    }
    return nullptr;
}

bool SourceView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_lineNumbers && event->type() == QEvent::Paint) {
        paintLineNumbers();
        return true;
    }
    if ((watched == m_editor->viewport() || watched == m_lineNumbers) &&
        event->type() == QEvent::ToolTip) {
        auto *e = static_cast<QHelpEvent *>(event);
        const QPoint pos(0, watched == m_lineNumbers
                                ? m_editor->viewport()->mapFrom(m_lineNumbers, e->pos()).y()
                                : e->pos().y());
        const int line = m_editor->cursorForPosition(pos).blockNumber() + 1;
        if (markerAt(line)) {
            QString text;
            for (const LineMarker &other : m_markers)
                if (other.line == line)
                    text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + m_file +
                            QLatin1Char(':') + QString::number(line) + QStringLiteral(": ") +
                            other.message;
            QToolTip::showText(e->globalPos(), text, static_cast<QWidget *>(watched));
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    if (watched == m_editor->viewport()) {
        if (event->type() == QEvent::MouseMove) {
            auto *e = static_cast<QMouseEvent *>(event);
            const bool link = (e->modifiers() & Qt::ControlModifier) && symbolAt(e->pos());
            m_editor->viewport()->setCursor(link ? Qt::PointingHandCursor : Qt::IBeamCursor);
        } else if (event->type() == QEvent::MouseButtonPress) {
            auto *e = static_cast<QMouseEvent *>(event);
            if (e->button() == Qt::LeftButton && (e->modifiers() & Qt::ControlModifier)) {
                if (const Symbol *sym = symbolAt(e->pos())) {
                    emit symbolActivated(sym);
                    return true;
                }
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SourceView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        if (auto *h = qobject_cast<KconfigHighlighter *>(m_highlighter)) h->setPalette(palette());
#ifdef KCS_HAVE_KSYNTAXHIGHLIGHTING
        else if (auto *k = qobject_cast<KSyntaxHighlighting::SyntaxHighlighter *>(m_highlighter)) {
            k->setTheme(themeFor(palette()));
            k->rehighlight();
        }
#endif
        if (m_entryLines)
            markLines(m_entryLine, m_entryLines, m_line);
        else
            applySelections();
    }
    QWidget::changeEvent(event);
}

void SourceView::updateLineNumberWidth()
{
    const int digits = std::max(3, int(QString::number(m_editor->blockCount()).size()));
    const QFontMetrics fm(m_editor->font());
    // Room for problem markers when something can report them.
    const int markers = m_markerProvider ? fm.height() * 3 / 4 + 2 : 0;
    m_lineNumbers->setFixedWidth(fm.horizontalAdvance(QLatin1Char('9')) * digits + 14 + markers);
}

void SourceView::paintLineNumbers()
{
    QPainter p(m_lineNumbers);
    const QPalette pal = palette();
    p.fillRect(m_lineNumbers->rect(), pal.color(QPalette::AlternateBase));
    p.setFont(m_editor->font());
    const QPoint offset =
        m_lineNumbers->mapFromGlobal(m_editor->viewport()->mapToGlobal(QPoint(0, 0)));
    QColor marker = pal.color(QPalette::Highlight);
    QTextBlock block = m_editor->cursorForPosition(QPoint(0, 0)).block();
    const int width = m_lineNumbers->width();
    while (block.isValid()) {
        const QRect r = m_editor->cursorRect(QTextCursor(block)).translated(0, offset.y());
        if (r.top() > m_lineNumbers->height()) break;
        const int line = block.blockNumber() + 1;
        const bool inEntry = line >= m_entryLine && line < m_entryLine + m_entryLines;
        if (inEntry || line == m_line) {
            p.fillRect(QRect(width - 3, r.top(), 3, r.height()), marker);
            QFont f = m_editor->font();
            f.setBold(true);
            p.setFont(f);
            p.setPen(pal.color(QPalette::Text));
        } else {
            p.setFont(m_editor->font());
            p.setPen(pal.color(QPalette::PlaceholderText));
        }
        p.drawText(QRect(0, r.top(), width - 8, r.height()), Qt::AlignRight | Qt::AlignVCenter,
                   QString::number(line));
        if (const LineMarker *m = markerAt(line)) {
            const int d = std::max(6, r.height() * 3 / 5);
            p.save();
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(Qt::NoPen);
            p.setBrush(m->error ? QColor(0xd0, 0x20, 0x20) : QColor(0xe0, 0xa0, 0x00));
            p.drawEllipse(QRect(2, r.top() + (r.height() - d) / 2, d, d));
            p.restore();
        }
        block = block.next();
    }
}
