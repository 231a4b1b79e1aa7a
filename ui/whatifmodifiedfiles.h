// SPDX-License-Identifier: MIT
// The Kconfig files edited in memory: name, where the edit came from (typed,
// a patch, saved to disk) and how many lines it adds and removes. Activating
// a file opens it in the source view; Delete or the context menu reverts it.
#pragma once

#include <QTreeWidget>

class WhatIfSession;

class WhatIfModifiedFiles : public QTreeWidget
{
    Q_OBJECT
public:
    explicit WhatIfModifiedFiles(WhatIfSession *session, QWidget *parent = nullptr);

    QString currentFile() const;
    QStringList files() const;

signals:
    void fileActivated(const QString &file);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void refresh();

    WhatIfSession *m_session;
};
