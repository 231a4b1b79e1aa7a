// SPDX-License-Identifier: MIT
// The bar above the menu tree that says a tree's $(shell,...) probes were not
// run (they need the user's consent), and offers to review and run them.
#pragma once

#include <QFrame>

class ConfigDocument;
class QLabel;
class QPushButton;

class ShellConsentBanner : public QFrame
{
    Q_OBJECT
public:
    explicit ShellConsentBanner(ConfigDocument *document, QWidget *parent = nullptr);

    // Asks at once (instead of only showing the bar) when a tree with
    // probes is opened for the first time: for interactive sessions.
    void setAskOnFirstOpen(bool ask) { m_askOnFirstOpen = ask; }

public slots:
    // Lists the commands and, when the user agrees, runs them and reloads.
    // "Keep Them Off" is remembered: that tree is not asked about again.
    void review();

private:
    void update();

    ConfigDocument *m_document;
    bool m_askOnFirstOpen = false;
    QLabel *m_text;
    QPushButton *m_review;
};
