// SPDX-License-Identifier: MIT
#include "kconfighighlighter.h"

#include <QGuiApplication>
#include <QPalette>

using kconfig::SyntaxKind;

namespace {

struct Style
{
    SyntaxKind kind;
    const char *light;
    const char *dark;
    bool bold;
    bool italic;
};

constexpr Style styles[] = {
    {SyntaxKind::Keyword, "#1d4aa8", "#7aa2f7", true, false},
    {SyntaxKind::Type, "#7a3e9d", "#c79bf2", true, false},
    {SyntaxKind::Symbol, "#00707a", "#5fcfc0", false, false},
    {SyntaxKind::Definition, "#00707a", "#5fcfc0", true, false},
    {SyntaxKind::String, "#2f7d1e", "#9ece6a", false, false},
    {SyntaxKind::Constant, "#b35c00", "#ff9e64", false, false},
    {SyntaxKind::Operator, "#8a5a00", "#e0af68", true, false},
    {SyntaxKind::Comment, "#7c7f87", "#7f8590", false, true},
    {SyntaxKind::HelpText, "#535a66", "#a9b1c0", false, false},
    {SyntaxKind::Macro, "#a3208f", "#f27ad8", false, false},
    {SyntaxKind::Error, "#c62828", "#ff6b6b", false, false},
};

} // namespace

KconfigHighlighter::KconfigHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    setPalette(QGuiApplication::palette());
}

void KconfigHighlighter::setPalette(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    for (const Style &s : styles) {
        QTextCharFormat f;
        f.setForeground(QColor(QLatin1String(dark ? s.dark : s.light)));
        if (s.bold) f.setFontWeight(QFont::Bold);
        f.setFontItalic(s.italic);
        if (s.kind == SyntaxKind::Error) {
            f.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            f.setUnderlineColor(f.foreground().color());
        }
        m_formats[static_cast<std::size_t>(s.kind)] = f;
    }
    rehighlight();
}

QTextCharFormat KconfigHighlighter::format(SyntaxKind kind) const
{
    return m_formats[static_cast<std::size_t>(kind)];
}

QPair<int, int> KconfigHighlighter::spanRange(const QString &text, const QByteArray &utf8,
                                              const kconfig::SyntaxSpan &span)
{
    const auto start = static_cast<qsizetype>(span.start);
    const auto end = static_cast<qsizetype>(span.start + span.length);
    if (utf8.size() == text.size()) // ASCII: offsets are the same
        return {int(start), int(end - start)};
    // Walk the characters, counting the UTF-8 bytes each one takes.
    qsizetype bytes = 0;
    int from = -1;
    int to = int(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (from < 0 && bytes >= start) from = int(i);
        if (bytes >= end) {
            to = int(i);
            break;
        }
        const char16_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size()) {
            bytes += 4;
            ++i;
        } else {
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
    }
    if (from < 0) from = int(text.size());
    return {from, to - from};
}

void KconfigHighlighter::highlightBlock(const QString &text)
{
    const int previous = previousBlockState();
    kconfig::SyntaxClassifier classifier(previous < 0 ? kconfig::SyntaxClassifier::InitialState
                                                      : previous);
    const QByteArray utf8 = text.toUtf8();
    const auto spans = classifier.classify(std::string_view(utf8.constData(), utf8.size()));
    for (const kconfig::SyntaxSpan &span : spans) {
        const auto [from, length] = spanRange(text, utf8, span);
        setFormat(from, length, m_formats[static_cast<std::size_t>(span.kind)]);
    }
    setCurrentBlockState(classifier.state());
}
