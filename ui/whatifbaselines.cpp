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

QListWidgetItem *WhatIfBaselines::add(const QString &name, const QString &text, const QString &tip,
                                      bool on)
{
    auto *item = new QListWidgetItem(text, this);
    item->setData(NameRole, name);
    item->setToolTip(tip);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    return item;
}

void WhatIfBaselines::setTree(const LoadedTree *tree)
{
    QSet<QString> wasChecked;
    for (int i = 0; i < count(); ++i)
        if (item(i)->checkState() == Qt::Checked) wasChecked << item(i)->data(NameRole).toString();
    const bool first = count() == 0;
    clear();
    m_configs.clear();
    if (!tree) return;

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

    // The architecture's defconfigs, its default one first and checked. A
    // tree that is not a kernel tree but is laid out like one (the demo) has
    // its defconfigs in arch/*/configs, none of them the default.
    QStringList paths;
    QString standardPath;
    const auto kernel = detectKernelTree(tree->srctree.toStdString());
    if (kernel && !tree->arch.isEmpty()) {
        const std::string arch = tree->arch.toStdString();
        m_configs = tree->srctree + QStringLiteral("/arch/") +
                    QString::fromStdString(sourceArchitecture(arch)) + QStringLiteral("/configs");
        standardPath =
            m_configs + QLatin1Char('/') + QString::fromStdString(defaultDefconfig(*kernel, arch));
        for (const QString &f :
             QDir(m_configs).entryList({QStringLiteral("*defconfig")}, QDir::Files, QDir::Name))
            paths << m_configs + QLatin1Char('/') + f;
    } else if (!kernel) {
        const QDir archDir(tree->srctree + QStringLiteral("/arch"));
        for (const QString &a : archDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const QString dir = archDir.filePath(a) + QStringLiteral("/configs");
            for (const QString &f :
                 QDir(dir).entryList({QStringLiteral("*defconfig")}, QDir::Files, QDir::Name)) {
                paths << dir + QLatin1Char('/') + f;
                if (m_configs.isEmpty()) m_configs = dir;
            }
        }
    }
    if (paths.removeAll(standardPath)) paths.prepend(standardPath);
    for (const QString &path : paths) {
        const QString f = QFileInfo(path).fileName();
        const bool standard = path == standardPath;
        QListWidgetItem *item =
            add(path, standard ? tr("%1 (default)").arg(f) : f,
                QDir(tree->srctree).relativeFilePath(path), choose(path, standard));
        item->setData(DefaultRole, standard);
    }
    if (m_configs.isEmpty()) m_configs = tree->srctree;
    for (const QString &path : std::as_const(m_added))
        add(path, QFileInfo(path).fileName(), path, choose(path, true));
}

bool WhatIfBaselines::addFile(const QString &file)
{
    const QFileInfo info(file);
    if (!info.isFile() || !info.isReadable()) return false;
    const QString path = info.absoluteFilePath();
    for (int i = 0; i < count(); ++i) {
        if (QFileInfo(item(i)->data(NameRole).toString()) == info) {
            item(i)->setCheckState(Qt::Checked);
            scrollToItem(item(i));
            return true;
        }
    }
    m_added << path;
    scrollToItem(add(path, info.fileName(), path, true));
    return true;
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
        const QString file = QFileInfo(name).fileName();
        const bool standard = item(i)->data(DefaultRole).toBool();
        const QString alias = standard ? QStringLiteral("defconfig") : QString();
        const bool on =
            names.contains(name) || names.contains(file) || (standard && names.contains(alias));
        missing.removeAll(name);
        missing.removeAll(file);
        if (standard) missing.removeAll(alias);
        item(i)->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
    // Paths of files not listed: added.
    for (auto it = missing.begin(); it != missing.end();)
        it = addFile(*it) ? missing.erase(it) : it + 1;
    return missing.isEmpty();
}

QStringList WhatIfBaselines::checkedNames() const
{
    QStringList out;
    for (int i = 0; i < count(); ++i)
        if (item(i)->checkState() == Qt::Checked) out << item(i)->data(NameRole).toString();
    return out;
}
