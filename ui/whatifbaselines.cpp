// SPDX-License-Identifier: MIT
#include "whatifbaselines.h"

#include "treeloadjob.h"

#include <kconfig/kerneltree.h>

#include <QDir>
#include <QFileInfo>
#include <QSet>

using namespace kconfig;

WhatIfBaselines::WhatIfBaselines(QWidget *parent) : QListWidget(parent)
{
    setUniformItemSizes(true);
    setToolTip(tr("Configurations to compare the loaded and the edited tree in"));
}

void WhatIfBaselines::setTree(const LoadedTree *tree)
{
    QSet<QString> wasChecked;
    for (int i = 0; i < count(); ++i)
        if (item(i)->checkState() == Qt::Checked) wasChecked << item(i)->data(NameRole).toString();
    const bool first = count() == 0;
    clear();
    if (!tree) return;

    const auto add = [this](const QString &name, const QString &text, const QString &tip, bool on) {
        auto *item = new QListWidgetItem(text, this);
        item->setData(NameRole, name);
        item->setToolTip(tip);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    };
    const auto choose = [&](const QString &name, bool byDefault) {
        return first || wasChecked.isEmpty() ? byDefault : wasChecked.contains(name);
    };
    add(QStringLiteral("current"), tr("Current configuration"),
        tr("The values in the window now (unsaved changes included), re-derived like "
           "olddefconfig"),
        choose(QStringLiteral("current"), true));
    const struct
    {
        const char *name;
        QString tip;
    } modes[] = {{"alldefconfig", tr("Every symbol at its default")},
                 {"allnoconfig", tr("Every symbol that can be n is n")},
                 {"allmodconfig", tr("Every symbol that can be m is m, else y")},
                 {"allyesconfig", tr("Every symbol that can be y is y")}};
    for (const auto &m : modes) {
        const QString name = QLatin1String(m.name);
        add(name, name, m.tip, choose(name, true));
    }

    const auto kernel = detectKernelTree(tree->srctree.toStdString());
    if (!kernel || tree->arch.isEmpty()) return;
    const std::string arch = tree->arch.toStdString();
    const QString configs = tree->srctree + QStringLiteral("/arch/") +
                            QString::fromStdString(sourceArchitecture(arch)) +
                            QStringLiteral("/configs");
    const QString standard = QString::fromStdString(defaultDefconfig(*kernel, arch));
    QStringList files =
        QDir(configs).entryList({QStringLiteral("*defconfig")}, QDir::Files, QDir::Name);
    if (files.removeAll(standard)) files.prepend(standard);
    for (const QString &f : files) {
        const QString path = configs + QLatin1Char('/') + f;
        add(path, f == standard ? tr("%1 (the default)").arg(f) : f,
            QDir(tree->srctree).relativeFilePath(path), choose(path, f == standard));
    }
}

std::vector<Baseline> WhatIfBaselines::checked(const QString &currentConfig) const
{
    std::vector<Baseline> out;
    for (int i = 0; i < count(); ++i) {
        if (item(i)->checkState() != Qt::Checked) continue;
        Baseline b;
        if (Baseline::parse(item(i)->data(NameRole).toString().toStdString(),
                            currentConfig.toStdString(), {}, b))
            out.push_back(b);
    }
    return out;
}

bool WhatIfBaselines::setChecked(const QStringList &names)
{
    QStringList missing = names;
    for (int i = 0; i < count(); ++i) {
        const QString name = item(i)->data(NameRole).toString();
        const bool on = names.contains(name) || names.contains(QFileInfo(name).fileName());
        missing.removeAll(name);
        missing.removeAll(QFileInfo(name).fileName());
        item(i)->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
    return missing.isEmpty();
}

QStringList WhatIfBaselines::checkedNames() const
{
    QStringList out;
    for (int i = 0; i < count(); ++i)
        if (item(i)->checkState() == Qt::Checked) out << item(i)->data(NameRole).toString();
    return out;
}
