// SPDX-License-Identifier: MIT
// Explanation sentences as rich text for Qt widgets: HTML-escaped, code in
// <code>, arrows as "→". With links, every symbol is "sym:NAME" and every
// location "src:FILE:LINE", which the views turn into navigation.
#pragma once

#include <kconfig/explanationtext.h>

class HtmlSentenceMarkup : public kconfig::SentenceMarkup
{
public:
    explicit HtmlSentenceMarkup(bool links = true) : m_links(links) {}

    std::string text(const std::string &s) const override;
    std::string symbol(const kconfig::Symbol *s) const override;
    std::string code(const std::string &markedUp) const override;
    std::string location(const kconfig::SourceLocation &l) const override;

private:
    bool m_links;
};
