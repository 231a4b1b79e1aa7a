// SPDX-License-Identifier: MIT
// Shows the $(shell,...) commands a tree wants to run, before any of them
// runs, and asks whether to trust them.
#pragma once

#include <QDialog>

class ShellConsentDialog : public QDialog
{
    Q_OBJECT
public:
    ShellConsentDialog(const QString &tree, const QStringList &commands, QWidget *parent = nullptr);
};
