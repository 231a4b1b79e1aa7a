// SPDX-License-Identifier: MIT
// The load diagnostics (parser and .config warnings, errors, $(info) output)
// as a list; activating an entry with a location asks to show that source line.
#pragma once

#include <kconfig/diagnostic.h>

#include <QTreeWidget>

#include <vector>

class DiagnosticList : public QTreeWidget
{
    Q_OBJECT
public:
    explicit DiagnosticList(QWidget *parent = nullptr);

    void setDiagnostics(const std::vector<kconfig::Diagnostic> &diagnostics);
    int errorCount() const { return m_errors; }
    int warningCount() const { return m_warnings; }
    // "2 errors, 3 warnings", "1 message" or "No problems".
    QString summary() const;

signals:
    void locationActivated(const QString &file, int line);

private:
    void activate(QTreeWidgetItem *item);

    int m_errors = 0;
    int m_warnings = 0;
};
