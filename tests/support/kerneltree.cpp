// SPDX-License-Identifier: MIT
#include "kerneltree.h"

#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>

#ifndef KCS_TEST_KERNEL_DIR
#error "KCS_TEST_KERNEL_DIR must be defined"
#endif

namespace kcstest {

QString kernelCacheDir()
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QString base = env.value(QStringLiteral("KCS_KERNEL_CACHE"));
    if (base.isEmpty()) {
        QString xdg = env.value(QStringLiteral("XDG_CACHE_HOME"));
        if (xdg.isEmpty()) xdg = env.value(QStringLiteral("HOME")) + QStringLiteral("/.cache");
        base = xdg + QStringLiteral("/kconfig-studio");
    }
    return base + QStringLiteral("/linux-6.12");
}

QString kernelSourceDir()
{
    return kernelCacheDir() + QStringLiteral("/src");
}

QString kernelConf()
{
    return kernelCacheDir() + QStringLiteral("/build-conf/scripts/kconfig/conf");
}

QString kernelTreeProblem()
{
    if (!QFileInfo(kernelSourceDir() + QStringLiteral("/Kconfig")).isFile())
        return QStringLiteral("no Linux 6.12 tree in %1 (run tests/kernel/prepare-kernel-tree.sh)")
            .arg(kernelSourceDir());
    if (!QFileInfo(kernelConf()).isExecutable())
        return QStringLiteral("no kernel conf at %1 (run tests/kernel/prepare-kernel-tree.sh)")
            .arg(kernelConf());
    return {};
}

QList<QPair<QString, QString>> kernelEnvironment(const QString &arch)
{
    QProcess p;
    p.start(QStringLiteral("sh"),
            {QStringLiteral(KCS_TEST_KERNEL_DIR "/kernel-env.sh"), kernelSourceDir(), arch});
    p.waitForFinished(60000);
    QList<QPair<QString, QString>> out;
    for (const QString &line : QString::fromUtf8(p.readAllStandardOutput()).split('\n')) {
        const int eq = line.indexOf('=');
        if (eq > 0) out.append({line.left(eq), line.mid(eq + 1)});
    }
    return out;
}

} // namespace kcstest
