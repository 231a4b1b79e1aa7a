// SPDX-License-Identifier: MIT
#include "valuejournal.h"

#include <kconfig/configwriter.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace {

const QByteArray Magic = QByteArrayLiteral("# kconfig-studio value journal 1");
const QByteArray Begin = QByteArrayLiteral("---");
const QByteArray End = QByteArrayLiteral("--- end");
// Far more than any tree's worth of assignments: anything bigger is not ours.
constexpr qint64 MaxSize = 64 << 20;

QByteArray encodeHeader(const QString &value)
{
    QByteArray out;
    for (char c : value.toUtf8()) {
        if (c == '%' || c == '\r' || c == '\n') {
            out += '%';
            out += QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
        } else {
            out += c;
        }
    }
    return out;
}

QString decodeHeader(const QByteArray &value)
{
    return QString::fromUtf8(QByteArray::fromPercentEncoding(value));
}

bool isSymbolName(const QByteArray &name)
{
    if (name.isEmpty()) return false;
    for (char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
    return true;
}

// .config's quoting (escape_string_value) plus \n and \r, which it lacks.
QByteArray quote(const QString &value)
{
    QByteArray out = "\"";
    for (char c : value.toUtf8()) {
        if (c == '"' || c == '\\')
            out += '\\', out += c;
        else if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else
            out += c;
    }
    return out + '"';
}

bool unquote(const QByteArray &text, QString *out)
{
    if (text.size() < 2 || !text.startsWith('"') || !text.endsWith('"')) return false;
    QByteArray value;
    for (qsizetype i = 1; i < text.size() - 1; ++i) {
        char c = text[i];
        if (c == '"') return false; // an unescaped quote inside
        if (c == '\\') {
            if (++i == text.size() - 1) return false; // the closing quote was escaped
            c = text[i];
            c = c == 'n' ? '\n' : c == 'r' ? '\r' : c;
        }
        value += c;
    }
    *out = QString::fromUtf8(value);
    return true;
}

bool ownedByUs(const struct stat &st)
{
    return st.st_uid == ::getuid();
}

} // namespace

ConfigFileState ConfigFileState::of(const QString &path)
{
    ConfigFileState state;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return state;
    const QFileInfo info(path);
    state.mtime = info.lastModified().toMSecsSinceEpoch();
    state.size = info.size();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    state.sha256 = hash.result().toHex();
    return state;
}

QByteArray ValueJournal::toText() const
{
    QByteArray out = Magic + '\n';
    out += "srctree " + encodeHeader(srctree) + '\n';
    out += "arch " + encodeHeader(arch) + '\n';
    out += "config " + encodeHeader(configPath) + '\n';
    out += "config-mtime " + QByteArray::number(config.mtime) + '\n';
    out += "config-size " + QByteArray::number(config.size) + '\n';
    out += "config-sha256 " + config.sha256 + '\n';
    out += "prefix " + encodeHeader(prefix) + '\n';
    out += "written " + written.toUTC().toString(Qt::ISODateWithMs).toLatin1() + '\n';
    out += Begin + '\n';
    for (const JournalAssignment &a : assignments)
        out += formatAssignment(prefix, a) + '\n';
    out += End + '\n';
    return out;
}

bool ValueJournal::parse(const QByteArray &text, ValueJournal *out, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error) *error = why;
        return false;
    };
    // The end marker shows that nothing was cut off.
    if (!text.endsWith(QByteArray(End + '\n'))) return fail(QStringLiteral("incomplete"));
    QList<QByteArray> lines = text.split('\n');
    lines.removeLast(); // after the final newline
    if (lines.value(0) != Magic) return fail(QStringLiteral("not a value journal"));

    ValueJournal j;
    qsizetype i = 1;
    bool seen[8] = {};
    for (; i < lines.size() && lines[i] != Begin; ++i) {
        const QByteArray &line = lines[i];
        const qsizetype space = line.indexOf(' ');
        const QByteArray key = space < 0 ? line : line.left(space);
        const QByteArray value = space < 0 ? QByteArray() : line.mid(space + 1);
        bool ok = true;
        if (key == "srctree")
            j.srctree = decodeHeader(value), seen[0] = true;
        else if (key == "arch")
            j.arch = decodeHeader(value), seen[1] = true;
        else if (key == "config")
            j.configPath = decodeHeader(value), seen[2] = true;
        else if (key == "config-mtime")
            j.config.mtime = value.toLongLong(&ok), seen[3] = true;
        else if (key == "config-size")
            j.config.size = value.toLongLong(&ok), seen[4] = true;
        else if (key == "config-sha256")
            j.config.sha256 = value, seen[5] = true;
        else if (key == "prefix")
            j.prefix = decodeHeader(value), seen[6] = true;
        else if (key == "written")
            j.written = QDateTime::fromString(QString::fromLatin1(value), Qt::ISODateWithMs),
            seen[7] = true, ok = j.written.isValid();
        // Other keys: from a newer version, which may add some.
        if (!ok) return fail(QStringLiteral("bad value of ") + QString::fromLatin1(key));
    }
    for (bool s : seen)
        if (!s) return fail(QStringLiteral("incomplete header"));
    if (i == lines.size()) return fail(QStringLiteral("no assignments"));
    for (++i; i < lines.size() - 1; ++i) {
        JournalAssignment a;
        if (!parseAssignment(lines[i], j.prefix, &a))
            return fail(QStringLiteral("bad line ") + QString::number(i + 1));
        j.assignments.push_back(std::move(a));
    }
    if (lines.size() - 1 != i || lines[i] != End) return fail(QStringLiteral("incomplete"));
    *out = std::move(j);
    return true;
}

QByteArray ValueJournal::formatAssignment(const QString &prefix, const JournalAssignment &a)
{
    const QByteArray name = prefix.toUtf8() + a.symbol.toUtf8();
    if (a.quoted) return name + '=' + quote(a.value);
    if (a.value == QLatin1String("n")) return "# " + name + " is not set";
    return name + '=' + a.value.toUtf8();
}

bool ValueJournal::parseAssignment(const QByteArray &line, const QString &prefix,
                                   JournalAssignment *out)
{
    const QByteArray p = prefix.toUtf8();
    const QByteArray notSet = QByteArrayLiteral(" is not set");
    const QByteArray comment = "# " + p;
    JournalAssignment a;
    if (line.startsWith(comment) && line.endsWith(notSet)) {
        const QByteArray name = line.mid(2 + p.size(), line.size() - 2 - p.size() - notSet.size());
        if (!isSymbolName(name)) return false;
        a.symbol = QString::fromLatin1(name);
        a.value = QStringLiteral("n");
    } else if (line.startsWith(p)) {
        const qsizetype eq = line.indexOf('=', p.size());
        if (eq < 0) return false;
        const QByteArray name = line.mid(p.size(), eq - p.size());
        const QByteArray value = line.mid(eq + 1);
        if (!isSymbolName(name)) return false;
        a.symbol = QString::fromLatin1(name);
        if (value.startsWith('"')) {
            if (!unquote(value, &a.value)) return false;
            a.quoted = true;
        } else {
            a.value = QString::fromUtf8(value);
        }
    } else {
        return false;
    }
    *out = std::move(a);
    return true;
}

QString ValueJournal::directory()
{
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty() || QDir::isRelativePath(base))
        base = QDir::homePath() + QStringLiteral("/.local/state");
    return base + QStringLiteral("/kconfig-studio/journal");
}

QString ValueJournal::pathFor(const QString &srctree, const QString &arch,
                              const QString &configPath)
{
    const QByteArray key = srctree.toUtf8() + '\0' + arch.toUtf8() + '\0' + configPath.toUtf8();
    const QByteArray hash = QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex();
    return directory() + QLatin1Char('/') + QString::fromLatin1(hash.left(32)) +
           QStringLiteral(".journal");
}

ValueJournal::ReadResult ValueJournal::read(const QString &path, ValueJournal *out)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat st
    {
    };
    if (::lstat(native.constData(), &st) != 0)
        return errno == ENOENT ? ReadResult::Missing : ReadResult::Foreign;
    // Somebody else's file (or a link to one) may say anything: don't trust it.
    if (!S_ISREG(st.st_mode) || !ownedByUs(st)) return ReadResult::Foreign;
    QFile file(path);
    bool ok = st.st_size <= MaxSize && file.open(QIODevice::ReadOnly);
    if (ok) ok = parse(file.readAll(), out);
    if (ok) return ReadResult::Ok;
    remove(path);
    return ReadResult::Corrupt;
}

bool ValueJournal::write(const QString &path, QString *error) const
{
    auto fail = [error, &path](const QString &why) {
        if (error) *error = path + QStringLiteral(": ") + why;
        return false;
    };
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir)) return fail(QStringLiteral("cannot create the directory"));
    // Unsaved values can be private (command lines, keys): for our eyes only.
    const QByteArray nativeDir = QFile::encodeName(dir);
    struct stat st
    {
    };
    if (::lstat(nativeDir.constData(), &st) != 0 || !S_ISDIR(st.st_mode) || !ownedByUs(st))
        return fail(QStringLiteral("the directory is not the user's own"));
    if ((st.st_mode & 07777) != 0700 && ::chmod(nativeDir.constData(), 0700) != 0)
        return fail(QString::fromLocal8Bit(std::strerror(errno)));
    const std::string target = QFile::encodeName(path).toStdString();
    const std::string tmp = target + ".tmp";
    ::unlink(tmp.c_str()); // a left-over would keep its old mode
    const QByteArray text = toText();
    if (!kconfig::writeFileAtomically(target, text.toStdString(), tmp, {}, 0600))
        return fail(QString::fromLocal8Bit(std::strerror(errno)));
    return true;
}

void ValueJournal::remove(const QString &path)
{
    if (path.isEmpty()) return;
    const QByteArray native = QFile::encodeName(path);
    struct stat st
    {
    };
    // Only our own: a foreign file is ignored, not deleted.
    if (::lstat(native.constData(), &st) == 0 && S_ISREG(st.st_mode) && ownedByUs(st))
        ::unlink(native.constData());
}
