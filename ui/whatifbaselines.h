// SPDX-License-Identifier: MIT
// The baselines a what-if report compares in: the current configuration,
// the all*config modes and the architecture's defconfigs (the default one
// first), each with a check box.
#pragma once

#include <kconfig/impact.h>

#include <QListWidget>

#include <vector>

struct LoadedTree;

class WhatIfBaselines : public QListWidget
{
    Q_OBJECT
public:
    enum Role
    {
        NameRole = Qt::UserRole + 1, // Baseline::parse() text or a defconfig path
    };

    explicit WhatIfBaselines(QWidget *parent = nullptr);

    // Lists the baselines of a tree; keeps the choices made for another one
    // where the names match.
    void setTree(const LoadedTree *tree);
    // The checked baselines; `currentConfig` is the .config that stands for
    // the current configuration.
    std::vector<kconfig::Baseline> checked(const QString &currentConfig) const;
    // Checks exactly the baselines named (Baseline::parse names or file names).
    bool setChecked(const QStringList &names);
    QStringList checkedNames() const;
};
