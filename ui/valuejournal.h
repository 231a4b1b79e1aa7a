// SPDX-License-Identifier: MIT
// The journal of a document's unsaved value changes, so that a crash or a
// kill does not lose them: the file format, where the files live, and reading
// and writing them. ConfigDocument keeps the journal current; MainWindow
// offers it back on the next start.
//
// One file per document (tree, architecture, .config), owner-only, replaced
// atomically on every write. The text:
//
//   # kconfig-studio value journal 1
//   srctree /path/to/linux
//   arch x86
//   config /path/to/linux/.config
//   config-mtime 1732530000000     (ms since the epoch; -1: no file)
//   config-size 231045
//   config-sha256 9f86d0...
//   prefix CONFIG_
//   written 2024-11-25T10:51:00.000Z
//   ---
//   CONFIG_FOO=m                   (the user's assignments, in order,
//   # CONFIG_BAR is not set         as .config writes them)
//   CONFIG_CMDLINE="console=ttyS0"
//   --- end
//
// Header values escape '%', CR and LF as %XX; string values escape '"' and
// '\' like .config, and CR and LF (which .config cannot hold) as \r and \n.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <vector>

// One value the user set, as the document's setters take it.
struct JournalAssignment
{
    QString symbol;      // without the CONFIG_ prefix
    QString value;       // y/m/n for bool and tristate, else the text
    bool quoted = false; // a string symbol's value (written in quotes)

    bool operator==(const JournalAssignment &) const = default;
};

// What the .config looked like, to tell whether it changed since.
struct ConfigFileState
{
    qint64 mtime = -1; // ms since the epoch; -1 when there is no file
    qint64 size = -1;
    QByteArray sha256; // hex; empty when there is no file

    static ConfigFileState of(const QString &path);
    bool sameContent(const ConfigFileState &other) const
    {
        return size == other.size && sha256 == other.sha256;
    }
};

struct ValueJournal
{
    QString srctree;
    QString arch;
    QString configPath;
    ConfigFileState config; // the .config the assignments apply to
    QString prefix = QStringLiteral("CONFIG_");
    QDateTime written;
    std::vector<JournalAssignment> assignments;

    QByteArray toText() const;
    // False (with the reason) for anything that is not a complete journal.
    static bool parse(const QByteArray &text, ValueJournal *out, QString *error = nullptr);

    // The .config line of one assignment (without the newline), and back.
    static QByteArray formatAssignment(const QString &prefix, const JournalAssignment &a);
    static bool parseAssignment(const QByteArray &line, const QString &prefix,
                                JournalAssignment *out);

    // $XDG_STATE_HOME/kconfig-studio/journal (or ~/.local/state/...).
    static QString directory();
    // The journal of a document: its name is a hash of the three, so that
    // each tree, architecture and .config has its own.
    static QString pathFor(const QString &srctree, const QString &arch, const QString &configPath);

    enum class ReadResult
    {
        Missing,
        Ok,
        Corrupt, // ours but unreadable or malformed (removed by read())
        Foreign, // not a regular file of this user's: left alone
    };
    static ReadResult read(const QString &path, ValueJournal *out);
    // Writes through a temporary file and a rename, 0600 in a 0700 directory.
    bool write(const QString &path, QString *error = nullptr) const;
    static void remove(const QString &path);
};
