// SPDX-License-Identifier: MIT
// Highlights Kconfig source in a QTextDocument with core's SyntaxClassifier,
// so that colours follow how the lexer really reads each line (help blocks,
// strings in either quote, $(macros), assignments). Colours come from the
// palette's lightness, for light and dark themes.
#pragma once

#include <kconfig/syntaxclassifier.h>

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <array>

class KconfigHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit KconfigHighlighter(QTextDocument *document);

    // Picks the colour set for this palette and rehighlights.
    void setPalette(const QPalette &palette);
    QTextCharFormat format(kconfig::SyntaxKind kind) const;

    // UTF-16 positions in `text` of a span computed on its UTF-8 form.
    static QPair<int, int> spanRange(const QString &text, const QByteArray &utf8,
                                     const kconfig::SyntaxSpan &span);

protected:
    void highlightBlock(const QString &text) override;

private:
    static constexpr std::size_t kindCount =
        static_cast<std::size_t>(kconfig::SyntaxKind::Error) + 1;
    std::array<QTextCharFormat, kindCount> m_formats;
};
