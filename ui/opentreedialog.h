// SPDX-License-Identifier: MIT
// "Open kernel tree…": a source directory, the architecture (arch/*) and,
// optionally, the .config to load instead of the tree's own.
#pragma once

#include "openrequest.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

class OpenTreeDialog : public QDialog
{
    Q_OBJECT
public:
    explicit OpenTreeDialog(const OpenRequest &initial, QWidget *parent = nullptr);

    OpenRequest request() const;

private:
    void inspect(); // reads the directory: is it a kernel tree, which architectures
    void browseDirectory();
    void browseConfig();

    QLineEdit *m_directory;
    QComboBox *m_arch;
    QLineEdit *m_config;
    QLabel *m_info;
    QDialogButtonBox *m_buttons;
};
