// SPDX-License-Identifier: MIT
#include "configdocument.h"

#include <kconfig/configreader.h>
#include <kconfig/configwriter.h>

#include <QFileInfo>

#include <QThread>
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
                 std::vector<ConfigDocument::ChoiceOrder> orderAfter)
        : QUndoCommand(text), m_doc(doc), m_before(std::move(before)),
          m_orderBefore(std::move(orderBefore)), m_after(std::move(after)),
          m_orderAfter(std::move(orderAfter))
    {
    }
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
    bool m_first = true;
};

} // namespace

ConfigDocument::ConfigDocument(QObject *parent) : QObject(parent), m_undo(new QUndoStack(this))
{
    connect(m_undo, &QUndoStack::cleanChanged, this,
            [this] { emit modifiedChanged(isModified()); });
}

ConfigDocument::~ConfigDocument()
{
    cancelLoad();
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
    }
}

void ConfigDocument::open(const OpenRequest &request)
{
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
        emit loadFailed(tr("Loading was cancelled."));
        return;
    }
    m_diagnostics = result->diagnostics;
    m_diagnosticFiles = std::move(result->diagnosticFiles); // keeps the pointers valid
    if (!result->tree) {
        // Keep the previous tree (if any) but show why the new one failed.
        emit loadFailed(result->error);
        return;
    }
    m_loaded = std::move(result);
    m_undo->clear();
    m_lastAction = ActionResult{};
    // A .config that conf would rewrite (new symbols, clamped values) needs saving.
    m_baseModified = m_loaded->config->isChanged();
    rememberDiskState();
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
                                const std::function<bool()> &apply)
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
                                  std::move(after), std::move(orderAfter)));
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
    return pushChange(text, sym, {sym}, [&] { return config()->setTristateValue(sym, value); });
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
    return pushChange(text, sym, {sym}, [&] { return config()->setStringValue(sym, v); });
}

bool ConfigDocument::selectChoiceMember(const Symbol *member)
{
    if (!config()) return false;
    const MenuNode *choice = tree()->choiceMenuOf(member);
    if (!choice || config()->visibility(member) == Tristate::No) return false;
    if (config()->tristate(member) == Tristate::Yes) return true;
    std::vector<const Symbol *> members(choice->choiceMembers.begin(), choice->choiceMembers.end());
    const QString text = tr("choose %1").arg(QString::fromStdString(member->name));
    return pushChange(text, member, members, [&] {
        config()->setChoiceValue(choice, member);
        return true;
    });
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
    m_loaded->configPath = QFileInfo(path).absoluteFilePath();
    m_undo->clear();
    m_baseModified = cfg->isChanged();
    rememberDiskState();
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
    m_loaded->configPath = QFileInfo(path).absoluteFilePath();
    m_loaded->isDemo = false;
    m_baseModified = false;
    m_undo->setClean();
    rememberDiskState();
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
}

bool ConfigDocument::configChangedOnDisk() const
{
    if (!m_loaded) return false;
    const QFileInfo info(configPath());
    const QDateTime t = info.exists() ? info.lastModified() : QDateTime();
    const qint64 size = info.exists() ? info.size() : -1;
    return t != m_diskTime || size != m_diskSize;
}
