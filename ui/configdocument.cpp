// SPDX-License-Identifier: MIT
#include "configdocument.h"

#include <kconfig/configreader.h>
#include <kconfig/configwriter.h>
#include <kconfig/symbol.h>

#include <QFileInfo>

#include <QThread>
#include <QTimer>
#include <QUndoCommand>
#include <QUndoStack>
#include <cstring>

using namespace kconfig;

namespace {

QString triName(Tristate t)
{
    return QString(QChar::fromLatin1(triChar(t)));
}

// One user action: the user values (and choice priorities) of the symbols it
// touched, before and after. Undo and redo put those back and let the engine
// recalculate what depends on them.
class ValueCommand : public QUndoCommand
{
public:
    ValueCommand(ConfigDocument *doc, const QString &text,
                 std::vector<ConfigDocument::UserState> before,
                 std::vector<ConfigDocument::ChoiceOrder> orderBefore,
                 std::vector<ConfigDocument::UserState> after,
                 std::vector<ConfigDocument::ChoiceOrder> orderAfter, JournalAssignment assignment)
        : QUndoCommand(text), m_doc(doc), m_before(std::move(before)),
          m_orderBefore(std::move(orderBefore)), m_after(std::move(after)),
          m_orderAfter(std::move(orderAfter)), m_assignment(std::move(assignment))
    {
    }
    // What the user asked for, to journal and replay it.
    const JournalAssignment &assignment() const { return m_assignment; }
    void undo() override
    {
        m_doc->restore(m_before, m_orderBefore, QObject::tr("Undo: %1").arg(text()));
    }
    void redo() override
    {
        if (m_first) {
            m_first = false; // the change is already applied
            return;
        }
        m_doc->restore(m_after, m_orderAfter, QObject::tr("Redo: %1").arg(text()));
    }

private:
    ConfigDocument *m_doc;
    std::vector<ConfigDocument::UserState> m_before;
    std::vector<ConfigDocument::ChoiceOrder> m_orderBefore;
    std::vector<ConfigDocument::UserState> m_after;
    std::vector<ConfigDocument::ChoiceOrder> m_orderAfter;
    JournalAssignment m_assignment;
    bool m_first = true;
};

} // namespace

// Short enough that a crash right after a change still finds it journaled,
// long enough that a burst of changes is written once.
constexpr int JournalDelayMs = 250;

ConfigDocument::ConfigDocument(QObject *parent)
    : QObject(parent), m_undo(new QUndoStack(this)), m_journalTimer(new QTimer(this))
{
    connect(m_undo, &QUndoStack::cleanChanged, this,
            [this] { emit modifiedChanged(isModified()); });
    m_journalTimer->setSingleShot(true);
    m_journalTimer->setInterval(JournalDelayMs);
    connect(m_journalTimer, &QTimer::timeout, this, &ConfigDocument::writeJournal);
    // Every change, undo and redo moves the index; saving moves the clean state.
    connect(m_undo, &QUndoStack::indexChanged, this, &ConfigDocument::scheduleJournal);
    connect(m_undo, &QUndoStack::cleanChanged, this, &ConfigDocument::scheduleJournal);
}

ConfigDocument::~ConfigDocument()
{
    // Not a clean close (that discards the journal first): keep what is pending.
    if (m_journalTimer->isActive()) writeJournal();
    cancelLoad();
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
    }
}

void ConfigDocument::open(const OpenRequest &request)
{
    // Whoever opens asked about unsaved changes first: they were saved or
    // discarded. A failed load journals them again (the values stay). A
    // journal still waiting for an answer stays for the next start.
    if (m_pendingJournal)
        m_pendingJournal.reset();
    else
        discardJournal();
    cancelLoad();
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    m_thread = new QThread(this);
    m_thread->setStackSize(16u << 20); // deep macro and expression recursion
    m_job = new TreeLoadJob(request);
    m_job->moveToThread(m_thread);
    connect(m_thread, &QThread::started, m_job, &TreeLoadJob::run);
    connect(m_job, &TreeLoadJob::progress, this, &ConfigDocument::loadProgress);
    connect(m_job, &TreeLoadJob::finished, this, &ConfigDocument::finishLoad);
    connect(m_job, &TreeLoadJob::finished, m_job, &QObject::deleteLater);
    emit loadStarted();
    m_thread->start();
}

void ConfigDocument::trustShellAndReload()
{
    if (!m_loaded) return;
    OpenRequest request = m_loaded->request;
    request.trustShell = true;
    if (request.configFile.isEmpty()) request.configFile = m_loaded->configPath;
    open(request);
}

void ConfigDocument::cancelLoad()
{
    if (m_job) m_job->cancel();
}

void ConfigDocument::finishLoad(std::shared_ptr<LoadedTree> result)
{
    m_job = nullptr;
    if (m_thread) {
        m_thread->quit();
    }
    if (result->cancelled) {
        scheduleJournal();
        emit loadFailed(tr("Loading was cancelled."));
        return;
    }
    m_diagnostics = result->diagnostics;
    m_diagnosticFiles = std::move(result->diagnosticFiles); // keeps the pointers valid
    if (!result->tree) {
        // Keep the previous tree (if any) but show why the new one failed.
        scheduleJournal();
        emit loadFailed(result->error);
        return;
    }
    m_loaded = std::move(result);
    // Before the undo stack is cleared: that would remove the journal.
    rememberDiskState();
    findJournal();
    m_undo->clear();
    m_lastAction = ActionResult{};
    // A .config that conf would rewrite (new symbols, clamped values) needs saving.
    m_baseModified = m_loaded->config->isChanged();
    rememberBaseValues();
    emit loaded();
    emit modifiedChanged(isModified());
}

QString ConfigDocument::title() const
{
    return tree() ? QString::fromStdString(tree()->mainMenuTitle()) : QString();
}

QString ConfigDocument::configPath() const
{
    return m_loaded ? m_loaded->configPath : QString();
}
QString ConfigDocument::srctree() const
{
    return m_loaded ? m_loaded->srctree : QString();
}

bool ConfigDocument::isModified() const
{
    return m_loaded && m_loaded->config && (m_baseModified || !m_undo->isClean());
}

std::vector<ConfigDocument::UserState>
ConfigDocument::captureUserState(const std::vector<const Symbol *> &syms) const
{
    std::vector<UserState> out;
    for (const Symbol *s : syms)
        out.push_back(UserState{s, config()->hasUserValue(s), config()->userTristate(s),
                                config()->userString(s)});
    return out;
}

std::vector<ConfigDocument::ChoiceOrder>
ConfigDocument::captureChoiceOrder(const std::vector<const Symbol *> &syms) const
{
    std::vector<ChoiceOrder> out;
    for (const Symbol *s : syms) {
        const MenuNode *choice = s->memberOfChoice;
        if (!choice) continue;
        bool seen = false;
        for (const auto &o : out)
            seen |= o.choice == choice;
        if (!seen) out.push_back(ChoiceOrder{choice, config()->choicePriority(choice)});
    }
    return out;
}

std::vector<std::pair<const Symbol *, UserValue>>
ConfigDocument::toUserValues(const std::vector<UserState> &state)
{
    std::vector<std::pair<const Symbol *, UserValue>> out;
    for (const UserState &u : state)
        out.emplace_back(u.symbol, UserValue{u.has, u.tri, u.value});
    return out;
}

void ConfigDocument::restore(const std::vector<UserState> &state,
                             const std::vector<ChoiceOrder> &orders, const QString &description)
{
    Config *cfg = config();
    std::vector<const Symbol *> symbols;
    for (const UserState &u : state)
        symbols.push_back(u.symbol);
    const auto previous = captureUserState(symbols);
    std::vector<const Symbol *> touched;
    for (const UserState &u : state) {
        if (!u.has) {
            cfg->clearUserValue(u.symbol);
        } else if (u.symbol->isBoolOrTristate()) {
            cfg->setUserTristateRaw(u.symbol, u.tri);
        } else {
            cfg->setUserStringRaw(u.symbol, u.value);
        }
        touched.push_back(u.symbol);
    }
    for (const ChoiceOrder &o : orders)
        cfg->setChoicePriority(o.choice, o.order);
    cfg->update(touched);
    publish(ActionResult{description, state.empty() ? nullptr : state.front().symbol,
                         cfg->lastChanges(), toUserValues(previous)});
}

void ConfigDocument::publish(ActionResult action)
{
    m_lastAction = std::move(action);
    emit valuesChanged(m_lastAction);
    emit modifiedChanged(isModified());
}

bool ConfigDocument::pushChange(const QString &description, const Symbol *subject,
                                const std::vector<const Symbol *> &touched,
                                const std::function<bool()> &apply, JournalAssignment assignment)
{
    Config *cfg = config();
    auto before = captureUserState(touched);
    auto orderBefore = captureChoiceOrder(touched);
    cfg->clearLastChanges();
    if (!apply()) return false;
    auto after = captureUserState(touched);
    auto orderAfter = captureChoiceOrder(touched);
    auto userBefore = toUserValues(before);
    m_undo->push(new ValueCommand(this, description, std::move(before), std::move(orderBefore),
                                  std::move(after), std::move(orderAfter), std::move(assignment)));
    publish(ActionResult{description, subject, cfg->lastChanges(), std::move(userBefore)});
    return true;
}

bool ConfigDocument::setTristate(const Symbol *sym, Tristate value)
{
    if (!config()) return false;
    if (const MenuNode *choice = tree()->choiceMenuOf(sym)) {
        if (value == Tristate::Yes) return selectChoiceMember(sym);
        Q_UNUSED(choice);
        return false; // a choice member is turned off by choosing another one
    }
    const Tristate old = config()->tristate(sym);
    if (old == value) return true;
    if (!config()->tristateWithinRange(sym, value)) return false;
    const QString text = QStringLiteral("%1 %2 \u2192 %3")
                             .arg(QString::fromStdString(sym->name), triName(old), triName(value));
    return pushChange(
        text, sym, {sym}, [&] { return config()->setTristateValue(sym, value); },
        JournalAssignment{QString::fromStdString(sym->name), triName(value), false});
}

bool ConfigDocument::toggle(const Symbol *sym)
{
    if (!config()) return false;
    if (tree()->choiceMenuOf(sym)) return selectChoiceMember(sym);
    const Tristate old = config()->tristate(sym);
    Tristate next = old;
    for (int i = 0; i < 3; ++i) {
        next = next == Tristate::No    ? Tristate::Mod
               : next == Tristate::Mod ? Tristate::Yes
                                       : Tristate::No;
        if (config()->tristateWithinRange(sym, next)) return setTristate(sym, next);
    }
    return false;
}

bool ConfigDocument::setString(const Symbol *sym, const QString &value, QString *error)
{
    if (!config()) return false;
    const std::string v = value.toStdString();
    if (!config()->stringWithinRange(sym, v)) {
        if (error) {
            const QString kind = sym->type == SymbolType::Int   ? tr("an integer")
                                 : sym->type == SymbolType::Hex ? tr("a hexadecimal number")
                                                                : tr("a string");
            if (const Property *range = config()->rangeProperty(sym))
                *error =
                    tr("'%1' is not a valid value for %2: it must be %3 from %4 to %5.")
                        .arg(value, QString::fromStdString(sym->name), kind,
                             QString::fromStdString(config()->stringValue(range->expr->sym)),
                             QString::fromStdString(config()->stringValue(range->expr->rightSym)));
            else
                *error = tr("'%1' is not a valid value for %2: it must be %3.")
                             .arg(value, QString::fromStdString(sym->name), kind);
        }
        return false;
    }
    const QString old = QString::fromStdString(config()->stringValue(sym));
    const QString text = QStringLiteral("%1 \"%2\" \u2192 \"%3\"")
                             .arg(QString::fromStdString(sym->name), old, value);
    return pushChange(
        text, sym, {sym}, [&] { return config()->setStringValue(sym, v); },
        JournalAssignment{QString::fromStdString(sym->name), value,
                          sym->type == SymbolType::String});
}

bool ConfigDocument::selectChoiceMember(const Symbol *member)
{
    if (!config()) return false;
    const MenuNode *choice = tree()->choiceMenuOf(member);
    if (!choice || config()->visibility(member) == Tristate::No) return false;
    if (config()->tristate(member) == Tristate::Yes) return true;
    std::vector<const Symbol *> members(choice->choiceMembers.begin(), choice->choiceMembers.end());
    const QString text = tr("choose %1").arg(QString::fromStdString(member->name));
    return pushChange(
        text, member, members,
        [&] {
            config()->setChoiceValue(choice, member);
            return true;
        },
        JournalAssignment{QString::fromStdString(member->name), QStringLiteral("y"), false});
}

bool ConfigDocument::loadConfig(const QString &path, QString *error)
{
    if (!config()) return false;
    Config *cfg = config();
    std::vector<SymbolSnapshot> before;
    const auto &all = tree()->symbols().all();
    before.reserve(all.size());
    for (const Symbol *s : all)
        before.push_back(cfg->snapshot(s));
    DiagnosticSink sink;
    ConfigReader reader(*cfg, m_loaded->environment, sink);
    if (!reader.read(path.toStdString())) {
        if (error) *error = tr("Cannot read %1.").arg(path);
        return false;
    }
    for (const Diagnostic &d : sink.all())
        m_diagnostics.push_back(d);
    ActionResult action;
    action.description = tr("load %1").arg(QFileInfo(path).fileName());
    for (std::size_t i = 0; i < all.size(); ++i) {
        SymbolSnapshot after = cfg->snapshot(all[i]);
        if (after != before[i])
            action.changes.push_back(SymbolChange{all[i], before[i], std::move(after)});
    }
    // The values now come from another file: the old file's journal is moot.
    discardJournal();
    m_loaded->configPath = QFileInfo(path).absoluteFilePath();
    rememberDiskState();
    m_undo->clear();
    m_baseModified = cfg->isChanged();
    rememberBaseValues();
    publish(std::move(action));
    return true;
}

bool ConfigDocument::save(QString *error)
{
    return saveAs(configPath(), error);
}

bool ConfigDocument::saveAs(const QString &path, QString *error)
{
    if (!config()) return false;
    ConfigWriter writer(*config(), m_loaded->environment);
    QString problem;
    writer.setErrorHandler(
        [&problem](const std::string &s) { problem = QString::fromStdString(s); });
    if (writer.writeDotConfig(path.toStdString()) != 0) {
        if (error)
            *error =
                problem.isEmpty()
                    ? tr("Cannot write %1: %2").arg(path, QString::fromLocal8Bit(strerror(errno)))
                    : problem;
        return false;
    }
    discardJournal(); // saved: nothing is left to recover
    m_loaded->configPath = QFileInfo(path).absoluteFilePath();
    m_loaded->isDemo = false;
    m_baseModified = false;
    rememberDiskState();
    rememberBaseValues();
    m_undo->setClean();
    writeJournal(); // removes a stale journal of the file saved to
    emit modifiedChanged(isModified());
    return true;
}

bool ConfigDocument::saveDefconfig(const QString &path, QString *error)
{
    if (!config()) return false;
    ConfigWriter writer(*config(), m_loaded->environment);
    const bool wasChanged = config()->isChanged();
    const std::string text = writer.defconfigText();
    config()->setChanged(wasChanged);
    const std::string p = path.toStdString();
    if (!writeFileAtomically(p, text, p + ".tmp")) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    return true;
}

void ConfigDocument::rememberDiskState()
{
    const QFileInfo info(configPath());
    m_diskTime = info.exists() ? info.lastModified() : QDateTime();
    m_diskSize = info.exists() ? info.size() : -1;
    m_journalPath = m_loaded && m_journalEnabled
                        ? ValueJournal::pathFor(srctree(), m_loaded->arch, configPath())
                        : QString();
    // Hashing reads the file: only when there is a journal to write.
    m_diskFile = m_journalEnabled ? ConfigFileState::of(configPath()) : ConfigFileState{};
}

bool ConfigDocument::configChangedOnDisk() const
{
    if (!m_loaded) return false;
    const QFileInfo info(configPath());
    const QDateTime t = info.exists() ? info.lastModified() : QDateTime();
    const qint64 size = info.exists() ? info.size() : -1;
    return t != m_diskTime || size != m_diskSize;
}

// ---- journal ---------------------------------------------------------------------------

void ConfigDocument::setJournalEnabled(bool enabled)
{
    if (enabled == m_journalEnabled) return;
    m_journalEnabled = enabled;
    if (!enabled) {
        m_journalTimer->stop();
        m_pendingJournal.reset();
        m_journalPath.clear();
        return;
    }
    if (isLoaded()) {
        rememberDiskState();
        rememberBaseValues();
        scheduleJournal();
    }
}

void ConfigDocument::rememberBaseValues()
{
    m_baseUser.clear();
    if (!m_journalEnabled || !config()) return;
    const auto &all = tree()->symbols().all();
    m_baseUser = captureUserState(std::vector<const Symbol *>(all.begin(), all.end()));
}

void ConfigDocument::findJournal()
{
    m_pendingJournal.reset();
    if (m_journalPath.isEmpty()) return;
    ValueJournal journal;
    if (ValueJournal::read(m_journalPath, &journal) != ValueJournal::ReadResult::Ok) return;
    // A name that hashes alike: not this document's changes (it is replaced
    // by this document's journal when there is one).
    if (journal.srctree != srctree() || journal.arch != m_loaded->arch ||
        journal.configPath != configPath())
        return;
    if (journal.assignments.empty()) {
        ValueJournal::remove(m_journalPath);
        return;
    }
    m_pendingJournal = std::move(journal);
}

bool ConfigDocument::pendingJournalConfigChanged() const
{
    return m_pendingJournal && !m_pendingJournal->config.sameContent(m_diskFile);
}

ConfigDocument::JournalReplay ConfigDocument::restoreJournal()
{
    JournalReplay result;
    if (!m_pendingJournal || !config()) return result;
    const ValueJournal journal = std::move(*m_pendingJournal);
    m_pendingJournal.reset();
    for (const JournalAssignment &a : journal.assignments) {
        const Symbol *sym = tree()->symbols().find(a.symbol.toStdString());
        if (!sym || sym->type == SymbolType::Unknown || sym->menus.empty()) {
            result.problems << tr("%1 no longer exists").arg(a.symbol);
            continue;
        }
        bool ok = false;
        QString error;
        if (sym->isBoolOrTristate()) {
            const QString v = a.quoted ? QString() : a.value;
            const bool valid =
                v == QLatin1String("y") || v == QLatin1String("m") || v == QLatin1String("n");
            const Tristate t = v == QLatin1String("y")   ? Tristate::Yes
                               : v == QLatin1String("m") ? Tristate::Mod
                                                         : Tristate::No;
            ok = valid && setTristate(sym, t);
        } else {
            ok = setString(sym, a.value, &error);
        }
        if (ok)
            ++result.applied;
        else
            result.problems << (error.isEmpty() ? tr("%1=%2 was refused").arg(a.symbol, a.value)
                                                : error);
    }
    // Replaces the old file (or removes it when nothing could be restored).
    scheduleJournal();
    return result;
}

void ConfigDocument::discardJournal()
{
    m_journalTimer->stop();
    m_pendingJournal.reset();
    ValueJournal::remove(m_journalPath);
}

void ConfigDocument::flushJournal()
{
    writeJournal();
}

void ConfigDocument::scheduleJournal()
{
    if (!m_journalEnabled || !isLoaded() || m_pendingJournal) return;
    if (m_undo->isClean())
        writeJournal(); // back to the saved values: nothing to recover, at once
    else if (!m_journalTimer->isActive())
        m_journalTimer->start(); // not restarted: a steady stream of changes is written too
}

void ConfigDocument::writeJournal()
{
    m_journalTimer->stop();
    if (!m_journalEnabled || !isLoaded() || m_pendingJournal || m_journalPath.isEmpty()) return;
    std::vector<JournalAssignment> assignments = unsavedAssignments();
    if (assignments.empty()) {
        ValueJournal::remove(m_journalPath);
        return;
    }
    ValueJournal journal;
    journal.srctree = srctree();
    journal.arch = m_loaded->arch;
    journal.configPath = configPath();
    journal.config = m_diskFile;
    journal.prefix = QString::fromStdString(configPrefix(m_loaded->environment));
    journal.written = QDateTime::currentDateTimeUtc();
    journal.assignments = std::move(assignments);
    QString error;
    if (!journal.write(m_journalPath, &error) && !m_journalWarned) {
        m_journalWarned = true; // once: the next change would fail alike
        qWarning("kconfig-studio: cannot journal unsaved changes: %s", qPrintable(error));
    }
}

std::vector<JournalAssignment> ConfigDocument::unsavedAssignments() const
{
    std::vector<JournalAssignment> out;
    const int index = m_undo->index();
    const int clean = m_undo->cleanIndex();
    if (clean >= 0 && clean <= index) {
        for (int i = clean; i < index; ++i)
            if (const auto *c = dynamic_cast<const ValueCommand *>(m_undo->command(i)))
                out.push_back(c->assignment());
        return out;
    }
    // Undone past the saved state, or that state left the stack: no run of
    // the user's steps leads from the file to these values. Journal where
    // they differ from the file instead, as the user sees them.
    Config *cfg = config();
    const auto &all = tree()->symbols().all();
    for (std::size_t i = 0; i < all.size() && i < m_baseUser.size(); ++i) {
        const Symbol *s = all[i];
        const UserState &base = m_baseUser[i];
        if (s->isConst() || s->isChoice() || s->name.empty() || s->type == SymbolType::Unknown)
            continue;
        if (cfg->hasUserValue(s) == base.has && cfg->userTristate(s) == base.tri &&
            cfg->userString(s) == base.value)
            continue;
        const QString name = QString::fromStdString(s->name);
        if (s->isBoolOrTristate()) {
            const Tristate t = cfg->tristate(s);
            // A choice changes by choosing its member, not by turning others off.
            if (s->isChoiceValue() && t != Tristate::Yes) continue;
            out.push_back(JournalAssignment{name, triName(t), false});
        } else {
            out.push_back(JournalAssignment{name, QString::fromStdString(cfg->stringValue(s)),
                                            s->type == SymbolType::String});
        }
    }
    return out;
}
