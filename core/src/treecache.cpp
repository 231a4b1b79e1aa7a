// SPDX-License-Identifier: MIT
#include "kconfig/treecache.h"

#include "hashing.h"

#include "kconfig/configwriter.h"
#include "kconfig/diagnostic.h"
#include "kconfig/environment.h"
#include "kconfig/probecache.h"
#include "kconfig/sourcefiles.h"
#include "kconfig/tree.h"
#include "kconfig/treeloader.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kconfig {

namespace {

constexpr char kMagic[] = "KCSTREE\x04"; // bump the last byte when the layout changes
constexpr std::size_t kMaxEntry = 512u << 20;

class Writer
{
public:
    void u(std::uint64_t v)
    {
        while (v >= 0x80) {
            out += static_cast<char>((v & 0x7f) | 0x80);
            v >>= 7;
        }
        out += static_cast<char>(v);
    }
    void i(std::int64_t v) { u(static_cast<std::uint64_t>((v << 1) ^ (v >> 63))); }
    void s(const std::string &str)
    {
        u(str.size());
        out += str;
    }
    std::string out;
};

class Reader
{
public:
    explicit Reader(const std::string &data) : m_p(data.data()), m_end(data.data() + data.size()) {}
    bool ok() const { return m_ok; }
    std::uint64_t u()
    {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_p >= m_end) return fail();
            const auto byte = static_cast<unsigned char>(*m_p++);
            v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if (!(byte & 0x80)) return v;
        }
        return fail();
    }
    std::int64_t i()
    {
        const std::uint64_t v = u();
        return static_cast<std::int64_t>((v >> 1) ^ (~(v & 1) + 1));
    }
    std::string s()
    {
        const std::uint64_t n = u();
        if (!m_ok || n > static_cast<std::uint64_t>(m_end - m_p)) {
            fail();
            return {};
        }
        std::string str(m_p, static_cast<std::size_t>(n));
        m_p += n;
        return str;
    }
    // A count that cannot exceed what is left of the data (one byte per item at least).
    std::size_t count()
    {
        const std::uint64_t n = u();
        if (n > static_cast<std::uint64_t>(m_end - m_p)) {
            fail();
            return 0;
        }
        return static_cast<std::size_t>(n);
    }
    void skip(std::size_t n)
    {
        if (static_cast<std::size_t>(m_end - m_p) < n)
            fail();
        else
            m_p += n;
    }
    std::uint64_t fail()
    {
        m_ok = false;
        m_p = m_end;
        return 0;
    }

private:
    const char *m_p;
    const char *m_end;
    bool m_ok = true;
};

std::string hexHash(const std::string &s)
{
    return hashing::hex(hashing::fnv1a(s));
}

std::string currentDirectory()
{
    char buf[4096];
    return ::getcwd(buf, sizeof buf) ? std::string(buf) : std::string();
}

// What the entry's name stands for; also stored inside and compared.
std::string identity(const LoadOptions &options)
{
    // Relative names resolve against the base directory, or else the working one.
    const std::string base = options.sources ? options.sources->baseDirectory() : std::string();
    return options.kconfig + '\n' + (base.empty() ? currentDirectory() : base) + '\n' +
           options.environment.value("srctree") + '\n';
}

// Keeps the newest entries only: each is a few megabytes.
void prune(const std::string &dir, std::size_t keep)
{
    std::vector<std::pair<long long, std::string>> entries;
    if (DIR *d = ::opendir(dir.c_str())) {
        while (dirent *e = ::readdir(d)) {
            const std::string name = e->d_name;
            if (name.size() < 5 || name.compare(name.size() - 5, 5, ".tree") != 0) continue;
            struct stat st
            {
            };
            const std::string path = dir + '/' + name;
            if (::stat(path.c_str(), &st) == 0)
                entries.emplace_back(static_cast<long long>(st.st_mtime), path);
        }
        ::closedir(d);
    }
    if (entries.size() <= keep) return;
    std::sort(entries.begin(), entries.end());
    for (std::size_t i = 0; i + keep < entries.size(); ++i)
        ::unlink(entries[i].second.c_str());
}

// --- the tree ------------------------------------------------------------------

struct Ids
{
    std::unordered_map<const std::string *, std::uint64_t> file;
    const Tree *tree;
    std::uint64_t menu(const MenuNode *m) const
    {
        return !m ? 0 : m == tree->rootMenu() ? 1 : static_cast<std::uint64_t>(m->id) + 2;
    }
    static std::uint64_t expr(const Expr *e)
    {
        return e ? static_cast<std::uint64_t>(e->id) + 1 : 0;
    }
    static std::uint64_t sym(const Symbol *s)
    {
        return s ? static_cast<std::uint64_t>(s->id) + 1 : 0;
    }
    static std::uint64_t prop(const Property *p)
    {
        return p ? static_cast<std::uint64_t>(p->id) + 1 : 0;
    }
};

void writeLocation(Writer &w, const Ids &ids, const SourceLocation &l)
{
    auto it = l.file ? ids.file.find(l.file) : ids.file.end();
    w.u(it == ids.file.end() ? 0 : it->second + 1);
    w.i(l.line);
}

void writeNode(Writer &w, const Ids &ids, const MenuNode &m)
{
    w.u(ids.menu(m.next));
    w.u(ids.menu(m.parent));
    w.u(ids.menu(m.list));
    w.u(Ids::sym(m.sym));
    w.u(Ids::prop(m.prompt));
    w.u(Ids::expr(m.visibility));
    w.u(Ids::expr(m.dep));
    w.u(m.hasHelp);
    w.s(m.help.text());
    writeLocation(w, ids, m.location);
    w.u(m.choiceMembers.size());
    for (const Symbol *s : m.choiceMembers)
        w.u(Ids::sym(s));
    w.u(ids.menu(m.parseParent));
    for (const auto *lines : {&m.dependsOn, &m.visibleIf}) {
        w.u(lines->size());
        for (const DependencyLine &d : *lines) {
            w.u(Ids::expr(d.expr));
            writeLocation(w, ids, d.location);
        }
    }
}

std::string serialize(const Tree &tree)
{
    Writer w;
    Ids ids;
    ids.tree = &tree;
    w.u(tree.files().size());
    for (std::size_t i = 0; i < tree.files().size(); ++i) {
        ids.file[tree.files()[i]] = i;
        w.s(*tree.files()[i]);
    }
    const auto &syms = tree.symbols().all();
    w.u(syms.size());
    for (std::size_t i = 3; i < syms.size(); ++i) {
        w.u(syms[i]->flags);
        w.u(static_cast<unsigned>(syms[i]->type));
        w.s(syms[i]->name);
    }
    const std::size_t exprs = tree.exprs().size();
    w.u(exprs);
    for (std::size_t i = 0; i < exprs; ++i) {
        const Expr &e = tree.exprs().node(i);
        w.u(static_cast<unsigned>(e.type));
        const bool symbolic = e.sym || e.rightSym || e.type == ExprType::Symbol;
        w.u(symbolic ? Ids::sym(e.sym) : Ids::expr(e.left));
        w.u(symbolic ? Ids::sym(e.rightSym) : Ids::expr(e.right));
    }
    w.u(tree.properties().size());
    for (const Property &p : tree.properties()) {
        w.u(static_cast<unsigned>(p.type));
        w.s(p.text);
        w.u(Ids::expr(p.condition));
        w.u(Ids::expr(p.ownCondition));
        w.u(Ids::expr(p.expr));
        w.u(ids.menu(p.menu));
        writeLocation(w, ids, p.location);
    }
    w.u(tree.menus().size());
    writeNode(w, ids, *tree.rootMenu());
    for (const MenuNode &m : tree.menus())
        writeNode(w, ids, m);
    for (std::size_t i = 3; i < syms.size(); ++i) {
        const Symbol &s = *syms[i];
        w.u(s.properties.size());
        for (const Property *p : s.properties)
            w.u(Ids::prop(p));
        w.u(s.menus.size());
        for (const MenuNode *m : s.menus)
            w.u(ids.menu(m));
        w.u(Ids::expr(s.dirDep));
        w.u(Ids::expr(s.revDep));
        w.u(Ids::expr(s.implied));
        w.u(ids.menu(s.memberOfChoice));
    }
    w.u(Ids::sym(tree.modules()));
    w.u(tree.environmentDependencies().size());
    for (const auto &[k, v] : tree.environmentDependencies()) {
        w.s(k);
        w.s(v);
    }
    return std::move(w.out);
}

std::unique_ptr<Tree> deserialize(Reader &r)
{
    auto tree = std::make_unique<Tree>();
    std::vector<std::unique_ptr<std::string>> names;
    std::vector<const std::string *> order;
    const std::size_t files = r.count();
    for (std::size_t i = 0; i < files && r.ok(); ++i) {
        names.push_back(std::make_unique<std::string>(r.s()));
        order.push_back(names.back().get());
    }
    const auto location = [&]() {
        const std::uint64_t f = r.u();
        const int line = static_cast<int>(r.i());
        if (f > order.size()) r.fail();
        return SourceLocation{f && f <= order.size() ? order[f - 1] : nullptr, line};
    };

    SymbolTable &table = tree->symbols();
    const std::size_t symCount = r.count();
    if (symCount < 3) r.fail();
    for (std::size_t i = 3; i < symCount && r.ok(); ++i) {
        const auto flags = static_cast<std::uint32_t>(r.u());
        const auto type = r.u();
        const std::string name = r.s();
        Symbol *s =
            flags & Symbol::Choice ? table.newChoice() : table.lookup(name, flags & Symbol::Const);
        if (static_cast<std::size_t>(s->id) != i ||
            type > static_cast<unsigned>(SymbolType::String))
            return nullptr;
        s->type = static_cast<SymbolType>(type);
        s->flags = flags;
    }
    const auto &syms = table.all();
    const auto sym = [&](std::uint64_t id) -> Symbol * {
        if (id > syms.size()) r.fail();
        return id && id <= syms.size() ? syms[id - 1] : nullptr;
    };

    ExprPool &pool = tree->exprs();
    const std::size_t exprCount = r.count();
    std::vector<const Expr *> exprs;
    exprs.reserve(exprCount);
    for (std::size_t i = 0; i < exprCount && r.ok(); ++i) {
        const auto type = static_cast<ExprType>(r.u());
        const std::uint64_t a = r.u();
        const std::uint64_t b = r.u();
        const Expr *e = nullptr;
        switch (type) {
        case ExprType::Symbol:
            e = pool.adopt(type, sym(a), nullptr);
            break;
        case ExprType::Not:
        case ExprType::And:
        case ExprType::Or:
            if (a > exprs.size() || b > exprs.size()) return nullptr;
            e = pool.adopt(type, a ? exprs[a - 1] : nullptr, b ? exprs[b - 1] : nullptr);
            break;
        case ExprType::Equal:
        case ExprType::Unequal:
        case ExprType::Less:
        case ExprType::LessEqual:
        case ExprType::Greater:
        case ExprType::GreaterEqual:
        case ExprType::Range:
            e = pool.adopt(type, sym(a), sym(b));
            break;
        default:
            return nullptr;
        }
        if (!r.ok() || static_cast<std::size_t>(e->id) != i) return nullptr;
        exprs.push_back(e);
    }
    const auto expr = [&](std::uint64_t id) -> const Expr * {
        if (id > exprs.size()) r.fail();
        return id && id <= exprs.size() ? exprs[id - 1] : nullptr;
    };

    const std::size_t propCount = r.count();
    std::vector<std::uint64_t> propMenus;
    for (std::size_t i = 0; i < propCount && r.ok(); ++i) {
        const auto type = r.u();
        if (type > static_cast<unsigned>(PropertyType::Range)) return nullptr;
        Property *p = tree->newProperty(static_cast<PropertyType>(type));
        p->text = r.s();
        p->condition = expr(r.u());
        p->ownCondition = expr(r.u());
        p->expr = expr(r.u());
        propMenus.push_back(r.u());
        p->location = location();
    }
    const std::size_t menuCount = r.count();
    for (std::size_t i = 0; i < menuCount && r.ok(); ++i)
        tree->newMenuNode();
    auto &menus = tree->menus();
    const auto menu = [&](std::uint64_t id) -> MenuNode * {
        if (id > menus.size() + 1) r.fail();
        return id == 0 || id > menus.size() + 1 ? nullptr
               : id == 1                        ? tree->rootMenu()
                                                : &menus[id - 2];
    };
    auto &props = tree->properties();
    const auto prop = [&](std::uint64_t id) -> Property * {
        if (id > props.size()) r.fail();
        return id && id <= props.size() ? &props[id - 1] : nullptr;
    };
    for (std::size_t i = 0; i < propCount && r.ok(); ++i)
        props[i].menu = menu(propMenus[i]);
    const auto readNode = [&](MenuNode &m) {
        m.next = menu(r.u());
        m.parent = menu(r.u());
        m.list = menu(r.u());
        m.sym = sym(r.u());
        m.prompt = prop(r.u());
        m.visibility = expr(r.u());
        m.dep = expr(r.u());
        m.hasHelp = r.u();
        m.help = HelpText(r.s());
        m.location = location();
        const std::size_t members = r.count();
        for (std::size_t k = 0; k < members && r.ok(); ++k)
            m.choiceMembers.push_back(sym(r.u()));
        m.parseParent = menu(r.u());
        for (auto *lines : {&m.dependsOn, &m.visibleIf}) {
            const std::size_t n = r.count();
            for (std::size_t k = 0; k < n && r.ok(); ++k) {
                const Expr *e = expr(r.u());
                lines->push_back(DependencyLine{e, location()});
            }
        }
    };
    readNode(*tree->rootMenu());
    for (std::size_t i = 0; i < menuCount && r.ok(); ++i)
        readNode(menus[i]);
    for (std::size_t i = 3; i < symCount && r.ok(); ++i) {
        Symbol &s = *syms[i];
        const std::size_t np = r.count();
        for (std::size_t k = 0; k < np && r.ok(); ++k)
            s.properties.push_back(prop(r.u()));
        const std::size_t nm = r.count();
        for (std::size_t k = 0; k < nm && r.ok(); ++k)
            s.menus.push_back(menu(r.u()));
        s.dirDep = expr(r.u());
        s.revDep = expr(r.u());
        s.implied = expr(r.u());
        s.memberOfChoice = menu(r.u());
    }
    if (Symbol *modules = sym(r.u())) tree->setModules(modules);
    std::vector<std::pair<std::string, std::string>> envDeps;
    const std::size_t ne = r.count();
    for (std::size_t i = 0; i < ne && r.ok(); ++i) {
        std::string k = r.s();
        envDeps.emplace_back(std::move(k), r.s());
    }
    if (!r.ok()) return nullptr;
    // Every reference must have resolved: no null where the tree needs a node.
    for (const Symbol *s : syms)
        for (const Property *p : s->properties)
            if (!p) return nullptr;
    tree->setEnvironmentDependencies(std::move(envDeps));
    tree->adoptFiles(std::move(names), std::move(order));
    tree->freezeMenus();
    return tree;
}

// --- the record ------------------------------------------------------------------

void writeRecord(Writer &w, const LoadRecord &rec)
{
    w.u(rec.paths.size());
    for (const auto &p : rec.paths) {
        w.s(p.path);
        w.s(p.fingerprint);
    }
    w.u(rec.environment.size());
    for (const auto &[k, v] : rec.environment) {
        w.s(k);
        w.u(v.has_value());
        w.s(v.value_or(std::string()));
    }
    w.u(rec.commands.size());
    for (const auto &[c, o] : rec.commands) {
        w.s(c);
        w.s(o);
    }
    w.u(rec.diagnostics.size());
    for (const Diagnostic &d : rec.diagnostics) {
        w.u(static_cast<unsigned>(d.severity));
        w.s(d.location.fileName());
        w.i(d.location.line);
        w.s(d.message);
        w.s(d.text);
        w.u(d.toStdout);
    }
}

bool readAndCheckRecord(Reader &r, const LoadOptions &options, std::vector<Diagnostic> &diagnostics,
                        std::vector<std::string> &diagnosticFiles)
{
    const std::size_t paths = r.count();
    for (std::size_t i = 0; i < paths && r.ok(); ++i) {
        const std::string path = r.s();
        const std::string fp = r.s();
        if (fileFingerprint(path) != fp) return false;
    }
    const std::size_t env = r.count();
    for (std::size_t i = 0; i < env && r.ok(); ++i) {
        const std::string name = r.s();
        const bool has = r.u();
        const std::string value = r.s();
        const auto now = options.environment.get(name);
        if (now.has_value() != has || (has && *now != value)) return false;
    }
    const std::size_t commands = r.count();
    auto *cache = dynamic_cast<ProbeCache *>(options.shell);
    for (std::size_t i = 0; i < commands && r.ok(); ++i) {
        const std::string command = r.s();
        const std::string output = r.s();
        if (!options.shell) {
            if (!output.empty()) return false;
            continue;
        }
        std::string cached;
        if (!cache || !cache->peek(command, options.environment, cached) || cached != output)
            return false;
    }
    const std::size_t n = r.count();
    for (std::size_t i = 0; i < n && r.ok(); ++i) {
        Diagnostic d;
        d.severity = static_cast<Diagnostic::Severity>(r.u());
        diagnosticFiles.push_back(r.s());
        d.location.line = static_cast<int>(r.i());
        d.message = r.s();
        d.text = r.s();
        d.toStdout = r.u();
        diagnostics.push_back(std::move(d));
    }
    return r.ok();
}

} // namespace

std::string TreeCache::defaultDirectory(const Environment &env)
{
    std::string base = env.value("XDG_CACHE_HOME");
    if (base.empty()) base = env.value("HOME") + "/.cache";
    return base + "/kconfig-studio/trees";
}

std::string TreeCache::entryPath(const LoadOptions &options) const
{
    return m_dir + '/' + hexHash(identity(options)) + ".tree";
}

std::unique_ptr<Tree> TreeCache::load(const LoadOptions &options, DiagnosticSink &diagnostics) const
{
    const std::string path = entryPath(options);
    struct stat st
    {
    };
    if (::stat(path.c_str(), &st) != 0 || st.st_uid != ::getuid() || (st.st_mode & 077))
        return nullptr;
    auto data = readWholeFile(path, kMaxEntry);
    // Layout: magic, 8-byte checksum of the rest, then the entry.
    const std::size_t magic = sizeof kMagic - 1;
    if (!data || data->size() < magic + 8 || data->compare(0, magic, kMagic) != 0) return nullptr;
    std::uint64_t sum;
    std::memcpy(&sum, data->data() + magic, 8);
    if (sum != hashing::checksum(std::string_view(*data).substr(magic + 8))) return nullptr;
    Reader r(*data);
    r.skip(magic + 8);
    if (r.s() != identity(options)) return nullptr;
    std::vector<Diagnostic> replay;
    std::vector<std::string> replayFiles;
    if (!readAndCheckRecord(r, options, replay, replayFiles)) return nullptr;
    std::unique_ptr<Tree> tree = deserialize(r);
    if (!tree) return nullptr;
    for (std::size_t i = 0; i < replay.size(); ++i) {
        for (const std::string *f : tree->files())
            if (*f == replayFiles[i]) replay[i].location.file = f;
        diagnostics.report(std::move(replay[i]));
    }
    return tree;
}

void TreeCache::store(const LoadOptions &options, const Tree &tree, const LoadRecord &record) const
{
    if (!record.cacheable) return;
    Writer w;
    w.out = kMagic;
    w.out.append(8, '\0');
    w.s(identity(options));
    writeRecord(w, record);
    w.out += serialize(tree);
    const std::size_t magic = sizeof kMagic - 1;
    const std::uint64_t sum = hashing::checksum(std::string_view(w.out).substr(magic + 8));
    std::memcpy(w.out.data() + magic, &sum, 8);
    const std::string path = entryPath(options);
    if (!makeParentDirectories(path)) return;
    ::chmod(m_dir.c_str(), 0700);
    writeFileAtomically(path, w.out, path + '.' + std::to_string(::getpid()) + ".tmp", {}, 0600);
    prune(m_dir, 12);
}

} // namespace kconfig
