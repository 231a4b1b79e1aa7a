// SPDX-License-Identifier: MIT
#include "shellconsentbanner.h"

#include "configdocument.h"
#include "shellconsentdialog.h"
#include "treeloadjob.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>

namespace {

// Trees whose probes the user chose to keep off (QSettings, one list).
const QString declinedKey = QStringLiteral("shellConsent/declinedTrees");

bool declined(const QString &tree)
{
    return QSettings().value(declinedKey).toStringList().contains(tree);
}

void rememberDeclined(const QString &tree)
{
    QSettings settings;
    QStringList trees = settings.value(declinedKey).toStringList();
    if (!trees.contains(tree)) trees << tree;
    settings.setValue(declinedKey, trees);
}

} // namespace

ShellConsentBanner::ShellConsentBanner(ConfigDocument *document, QWidget *parent)
    : QFrame(parent), m_document(document)
{
    setObjectName(QStringLiteral("shellConsentBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xce)); // warning yellow
    pal.setColor(QPalette::WindowText, QColor(0x3d, 0x2e, 0x00));
    setPalette(pal);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(20, 20));
    layout->addWidget(icon);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    layout->addWidget(m_text, 1);
    m_review = new QPushButton(tr("&Review Commands…"), this);
    layout->addWidget(m_review);
    auto *close = new QToolButton(this);
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setToolTip(tr("Hide (the probes stay off for this session)"));
    layout->addWidget(close);

    connect(m_review, &QPushButton::clicked, this, &ShellConsentBanner::review);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    connect(m_document, &ConfigDocument::loaded, this, &ShellConsentBanner::update);
    connect(m_document, &ConfigDocument::loadStarted, this, &QWidget::hide);
    update();
}

void ShellConsentBanner::update()
{
    const LoadedTree *info = m_document->loadInfo();
    const int refused = info ? static_cast<int>(info->refusedCommands.size()) : 0;
    setVisible(refused > 0);
    if (!refused) return;
    QString text = tr("This tree's $(shell,…) probes were not run: %n command(s) wait for your "
                      "consent. Until then they count as failed, so compiler-dependent options "
                      "are off",
                      nullptr, refused);
    text += info->errorsKept > 0 ? tr(" and %n line(s) could not be read (see Diagnostics).",
                                      nullptr, info->errorsKept)
                                 : QStringLiteral(".");
    m_text->setText(text);
    if (m_askOnFirstOpen && !declined(info->srctree))
        QTimer::singleShot(0, this, &ShellConsentBanner::review);
}

void ShellConsentBanner::review()
{
    const LoadedTree *info = m_document->loadInfo();
    if (!info || info->refusedCommands.isEmpty()) return;
    ShellConsentDialog dialog(info->srctree, info->refusedCommands, window());
    if (dialog.exec() != QDialog::Accepted) {
        rememberDeclined(info->srctree);
        return;
    }
    // Values the user changed would be lost by the reload (a .config that
    // merely differs from what would be written comes back the same).
    if (!m_document->undoStack()->isClean()) {
        const auto answer = QMessageBox::question(
            window(), tr("Unsaved Changes"),
            tr("Running the probes reloads the tree. Save your changes to %1 first?")
                .arg(m_document->configPath()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel) return;
        QString error;
        if (answer == QMessageBox::Save && !m_document->save(&error)) {
            QMessageBox::warning(window(), tr("Save Failed"), error);
            return;
        }
    }
    m_document->trustShellAndReload();
}
