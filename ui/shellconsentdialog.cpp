// SPDX-License-Identifier: MIT
#include "shellconsentdialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

ShellConsentDialog::ShellConsentDialog(const QString &tree, const QStringList &commands,
                                       QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Run the Tree's Shell Commands?"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("<p>The Kconfig files of <b>%1</b> ask to run these commands with $(shell,…) — "
           "usually compiler and linker checks. They run as you, with your files. Run them "
           "only if you trust where this tree came from.</p>"
           "<p>Your answer is remembered for this tree; if its commands or the scripts they "
           "run change, you are asked again.</p>")
            .arg(tree.toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *list = new QPlainTextEdit(this);
    list->setObjectName(QStringLiteral("commands"));
    list->setReadOnly(true);
    list->setLineWrapMode(QPlainTextEdit::NoWrap);
    list->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    list->setPlainText(commands.join(QLatin1Char('\n')));
    list->setMinimumSize(640, 240);
    layout->addWidget(list, 1);

    auto *note = new QLabel(tr("%n command(s). Further commands built from their answers run too "
                               "and are remembered with them.",
                               nullptr, static_cast<int>(commands.size())),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *run = buttons->addButton(tr("&Run and Reload"), QDialogButtonBox::AcceptRole);
    QPushButton *keepOff = buttons->addButton(tr("&Keep Them Off"), QDialogButtonBox::RejectRole);
    run->setObjectName(QStringLiteral("run"));
    keepOff->setDefault(true); // Enter must not run a stranger's commands
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}
