// SPDX-License-Identifier: MIT
// The baselines a what-if report compares in: the current configuration,
// the all*config modes, the architecture's defconfigs (the default one
// first) and any defconfig or .config file the user adds, each with a check
// box.
#pragma once

#include <kconfig/impact.h>

#include <QListWidget>
#include <QStringList>

#include <vector>

struct LoadedTree;

class WhatIfBaselines : public QListWidget
{
    Q_OBJECT
public:
    enum Role
    {
        NameRole = Qt::UserRole + 1, // Baseline::parse() text or a defconfig path
        DefaultRole,                 // true on the architecture's default defconfig
    };

    explicit WhatIfBaselines(QWidget *parent = nullptr);

    // Lists the baselines of a tree; keeps the choices made for another one
    // where the names match, and the files the user added.
    void setTree(const LoadedTree *tree);
    // Adds (and checks) a defconfig or .config file as a baseline; false when
    // it cannot be read. A file listed already is only checked.
    bool addFile(const QString &path);
    // Where to look for more defconfigs: the architecture's configs directory.
    QString configsDirectory() const { return m_configs; }
    // The checked baselines; `currentConfig` is the .config that stands for
    // the current configuration.
    std::vector<kconfig::Baseline> checked(const QString &currentConfig) const;
    // Checks exactly the baselines named: Baseline::parse names ("defconfig"
    // is the architecture's default one), file names of listed defconfigs, or
    // paths of other files, which are added.
    bool setChecked(const QStringList &names);
    QStringList checkedNames() const;

private:
    QListWidgetItem *add(const QString &name, const QString &text, const QString &tip, bool on);

    QStringList m_added; // files the user added, kept across trees
    QString m_configs;
};
