// SPDX-License-Identifier: MIT
#include "opentreedialog.h"

#include <kconfig/kerneltree.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace {

QWidget *withButton(QWidget *field, QPushButton *button)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field, 1);
    layout->addWidget(button);
    return row;
}

} // namespace

OpenTreeDialog::OpenTreeDialog(const OpenRequest &initial, QWidget *parent)
    : QDialog(parent), m_directory(new QLineEdit(initial.path)), m_arch(new QComboBox),
      m_config(new QLineEdit(initial.configFile)), m_info(new QLabel),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("Open Kernel Tree"));
    m_arch->setEditable(true); // ARCH may be an alias such as x86_64 or i386
    m_arch->setMinimumContentsLength(12);
    m_config->setPlaceholderText(tr("the tree's .config (or its defaults)"));
    m_info->setWordWrap(true);

    auto *browseDir = new QPushButton(tr("Browse…"));
    auto *browseCfg = new QPushButton(tr("Browse…"));
    connect(browseDir, &QPushButton::clicked, this, &OpenTreeDialog::browseDirectory);
    connect(browseCfg, &QPushButton::clicked, this, &OpenTreeDialog::browseConfig);
    connect(m_directory, &QLineEdit::editingFinished, this, &OpenTreeDialog::inspect);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout(this);
    form->addRow(tr("Source &tree:"), withButton(m_directory, browseDir));
    form->addRow(tr("&Architecture:"), m_arch);
    form->addRow(tr("&Configuration:"), withButton(m_config, browseCfg));
    form->addRow(m_info);
    form->addRow(m_buttons);
    resize(fontMetrics().averageCharWidth() * 80, sizeHint().height());

    inspect();
    if (!initial.arch.isEmpty()) m_arch->setCurrentText(initial.arch);
}

void OpenTreeDialog::inspect()
{
    const QString dir = m_directory->text().trimmed();
    const QString previous = m_arch->currentText();
    m_arch->clear();
    const auto tree = dir.isEmpty() ? std::nullopt : kconfig::detectKernelTree(dir.toStdString());
    QPushButton *open = m_buttons->button(QDialogButtonBox::Open);
    if (!tree) {
        m_info->setText(
            dir.isEmpty()
                ? tr("Choose the top directory of a Linux source tree.")
                : tr("%1 is not a Linux source tree (no Kconfig, Makefile and arch/).").arg(dir));
        m_arch->setEnabled(false);
        open->setEnabled(false);
        return;
    }
    const QString host = QString::fromStdString(kconfig::hostArchitecture());
    for (const std::string &a : tree->architectures)
        m_arch->addItem(QString::fromStdString(a));
    if (m_arch->findText(host) < 0) m_arch->insertItem(0, host);
    m_arch->setCurrentText(previous.isEmpty() ? host : previous);
    m_arch->setEnabled(true);
    open->setEnabled(true);
    const int n = int(tree->architectures.size());
    m_info->setText(tr("Linux %1 with %2.")
                        .arg(QString::fromStdString(tree->version),
                             n == 1 ? tr("1 architecture") : tr("%1 architectures").arg(n)));
}

void OpenTreeDialog::browseDirectory()
{
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Linux Source Tree"), m_directory->text());
    if (dir.isEmpty()) return;
    m_directory->setText(dir);
    inspect();
}

void OpenTreeDialog::browseConfig()
{
    const QString start = m_config->text().isEmpty() ? m_directory->text() : m_config->text();
    const QString file = QFileDialog::getOpenFileName(this, tr("Configuration"), start);
    if (!file.isEmpty()) m_config->setText(file);
}

OpenRequest OpenTreeDialog::request() const
{
    OpenRequest r;
    r.path = QFileInfo(m_directory->text().trimmed()).absoluteFilePath();
    r.arch = m_arch->currentText().trimmed();
    r.configFile = m_config->text().trimmed();
    return r;
}
