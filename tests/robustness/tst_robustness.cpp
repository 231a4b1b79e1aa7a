// SPDX-License-Identifier: MIT
// Bad input for the engine and for kconfig-studio-cli: malformed, truncated,
// binary, enormous and deeply nested Kconfig files, paths that cannot be
// read, recursive inclusion and macros, and garbage .config lines. Every case
// must end with a message naming the file and line (or a successful load),
// never with a crash or a hang, and the process must stay usable. Loads run
// on a thread with a normal 8 MB stack, so that recursion limits are tested
// as the tools meet them.
#include <kconfig/config.h>
#include <kconfig/configreader.h>
#include <kconfig/configwriter.h>
#include <kconfig/diagnostic.h>
#include <kconfig/environment.h>
#include <kconfig/exprprinter.h>
#include <kconfig/limits.h>
#include <kconfig/sourcefiles.h>
#include <kconfig/tree.h>
#include <kconfig/treeloader.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <pthread.h>
#include <random>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

#ifndef KCS_CLI_PATH
#error "KCS_CLI_PATH must be defined"
#endif

using namespace kconfig;

namespace {

// The nesting limits are set for the shipped (optimised) build on an 8 MB
// stack. A sanitizer build's frames are several times larger (redzones, no
// inlining), so there the same limits are checked on a proportionally larger
// stack.
#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kStack = 8u << 22;
#else
constexpr std::size_t kStack = 8u << 20;
#endif

// Runs `f` on a thread whose stack is `size` bytes, like a main thread under
// the usual `ulimit -s 8192`; exceptions come back to the caller.
void onStack(const std::function<void()> &f, std::size_t size = kStack)
{
    struct Job
    {
        const std::function<void()> *f;
        std::exception_ptr error;
    } job{&f, nullptr};
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, size);
    pthread_t thread;
    const int rc = pthread_create(
        &thread, &attr,
        [](void *p) -> void * {
            auto *j = static_cast<Job *>(p);
            try {
                (*j->f)();
            } catch (...) {
                j->error = std::current_exception();
            }
            return nullptr;
        },
        &job);
    pthread_attr_destroy(&attr);
    if (rc != 0) throw std::runtime_error("pthread_create failed");
    pthread_join(thread, nullptr);
    if (job.error) std::rethrow_exception(job.error);
}

struct Loaded
{
    std::unique_ptr<Tree> tree;
    int errors = 0;
    std::string messages; // every diagnostic's text, in order
    std::size_t kept = 0; // diagnostics kept by the sink
};

// Loads from memory only (relative names never reach the disk).
Loaded loadFiles(const std::map<std::string, std::string> &files,
                 const std::string &top = "Kconfig")
{
    SourceFiles sources;
    sources.setBaseDirectory("/nonexistent/kconfig-studio-robustness");
    for (const auto &[name, text] : files)
        sources.setOverlay(name, text);
    LoadOptions options;
    options.kconfig = top;
    options.sources = &sources;
    DiagnosticSink sink;
    Loaded out;
    sink.setHandler([&out](const Diagnostic &d) { out.messages += d.text; });
    LoadResult r = loadTree(options, sink);
    out.tree = std::move(r.tree);
    out.errors = r.errorCount;
    out.kept = sink.all().size();
    return out;
}

Loaded loadDisk(const QString &dir, const std::string &top = "Kconfig")
{
    SourceFiles sources;
    sources.setBaseDirectory(dir.toStdString());
    LoadOptions options;
    options.kconfig = top;
    options.sources = &sources;
    DiagnosticSink sink;
    Loaded out;
    sink.setHandler([&out](const Diagnostic &d) { out.messages += d.text; });
    LoadResult r = loadTree(options, sink);
    out.tree = std::move(r.tree);
    out.errors = r.errorCount;
    return out;
}

// Calculates every symbol, last defined first (the deepest recursion for a
// chain defined in order), prints every dependency with values and writes
// the .config text: everything a front end does after loading.
std::size_t evaluateAll(const Tree &tree)
{
    Config config(tree);
    const auto &all = tree.symbols().all();
    std::size_t printed = 0;
    for (auto it = all.rbegin(); it != all.rend(); ++it)
        config.calc(*it);
    for (const Symbol *sym : all) {
        printed += exprToStringWithValues(sym->dirDep, config).size();
        printed += revDepTermsWithValues(sym->revDep, config, Tristate::Yes, "y:\n").size();
        printed += exprToString(sym->implied).size();
    }
    for (const MenuNode &m : tree.menus())
        config.menuIsVisible(&m);
    const Environment env;
    ConfigWriter writer(config, env);
    printed += writer.dotConfigText().size() + writer.defconfigText().size();
    return printed;
}

// A good tree loads and evaluates after a bad one: nothing global was left
// broken.
bool stillUsable()
{
    Loaded good = loadFiles({{"Kconfig", "config OK\n\tbool \"ok\"\n\tdefault y\n"}});
    if (!good.tree) return false;
    Config config(*good.tree);
    return config.tristate(good.tree->symbols().find("OK")) == Tristate::Yes;
}

std::string repeat(const std::string &s, int n)
{
    std::string out;
    out.reserve(s.size() * static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        out += s;
    return out;
}

std::string nestedIfs(int n)
{
    return "config A\n\tbool \"A\"\n" + repeat("if A\n", n) + "config B\n\tbool \"B\"\n" +
           repeat("endif\n", n);
}

std::string longOr(int terms)
{
    std::string e = "A";
    for (int i = 1; i < terms; ++i)
        e += i % 2 ? " || B" : " || A";
    return "config A\n\tbool \"A\"\nconfig B\n\tbool \"B\"\nconfig C\n\tbool \"C\"\n\tdepends on " +
           e + "\n";
}

std::string wrapped(const std::string &open, const std::string &close, int n,
                    const std::string &inner)
{
    return repeat(open, n) + inner + repeat(close, n);
}

std::string symbolChain(int n, bool reverse, const char *link)
{
    std::string out = "config C0\n\tbool \"C0\"\n";
    for (int k = 1; k < n; ++k) {
        const int i = reverse ? n - k : k;
        out += "config C" + std::to_string(i) + "\n\tbool \"C\"\n\t" + link + " C" +
               std::to_string(i - 1) + "\n";
    }
    return out;
}

std::string manySelects(int n)
{
    std::string out = "config A\n\tbool \"A\"\n";
    for (int i = 0; i < n; ++i)
        out += "config S" + std::to_string(i) + "\n\tbool \"S\"\n\tselect A\n";
    return out;
}

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

struct CliRun
{
    int exitCode = -1; // -1: crashed or killed
    QString out;
    QString err;
    bool timedOut = false;
};

// kconfig-studio-cli in `dir` with a minimal environment; output goes through
// files so that millions of warnings do not fill this process's memory.
CliRun runCli(const QString &dir, const QStringList &args, int timeoutMs = 120000,
              const QList<QPair<QString, QString>> &extraEnv = {})
{
    QProcess p;
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    env.insert(QStringLiteral("HOME"), dir);
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), dir + QStringLiteral("/.cache"));
    for (const auto &[k, v] : extraEnv)
        env.insert(k, v);
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(dir);
    p.setStandardInputFile(QProcess::nullDevice());
    p.setStandardOutputFile(dir + QStringLiteral("/cli.out"));
    p.setStandardErrorFile(dir + QStringLiteral("/cli.err"));
    p.start(QStringLiteral(KCS_CLI_PATH), args);
    CliRun r;
    if (!p.waitForFinished(timeoutMs)) {
        r.timedOut = true;
        p.kill();
        p.waitForFinished();
    } else if (p.exitStatus() == QProcess::NormalExit) {
        r.exitCode = p.exitCode();
    }
    r.out = readAll(dir + QStringLiteral("/cli.out"));
    r.err = readAll(dir + QStringLiteral("/cli.err"));
    return r;
}

long peakRssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:")) return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

void resetPeakRss()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly)) f.write("5");
}

const char *kSmallTree = "config MODULES\n\tbool \"modules\"\n\tmodules\n\tdefault y\n"
                         "config BOOL\n\tbool \"bool\"\n"
                         "config TRI\n\ttristate \"tri\"\n"
                         "config NUM\n\tint \"num\"\n\trange 1 100\n\tdefault 5\n"
                         "config ADDR\n\thex \"addr\"\n\tdefault 0x10\n"
                         "config NAME\n\tstring \"name\"\n\tdefault \"n\"\n"
                         "choice\n\tprompt \"mode\"\nconfig MODE_A\n\tbool \"a\"\n"
                         "config MODE_B\n\tbool \"b\"\nendchoice\n";

} // namespace

class TestRobustness : public QObject
{
    Q_OBJECT

private slots:
    // Malformed, truncated and binary Kconfig text, and the macro and
    // expression cases that trouble the kernel's own tools.
    void badKconfig_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("loads");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, const QByteArray &text, bool loads,
                            const char *message) {
            QTest::newRow(name) << text << loads << QString::fromUtf8(message);
        };
        row("syntax error", "config\n\tbool \"a\"\n", false, "Kconfig:1: syntax error");
        row("unknown statement", "config A\n\tbool \"a\"\nfoo bar\n", false,
            "Kconfig:3: unknown statement \"foo\"");
        row("stray endif", "endif\nconfig A\n\tbool \"a\"\n", false,
            "Kconfig:1: invalid statement");
        row("unclosed menu", "menu \"x\"\nconfig A\n\tbool \"a\"\n", false,
            "Kconfig:1: missing end statement for this entry");
        row("unclosed choice", "choice\n\tprompt \"c\"\nconfig A\n\tbool \"a\"\n", false,
            "Kconfig:1: missing end statement for this entry");
        row("mismatched end", "if A\nconfig B\n\tbool \"b\"\nendmenu\n", false,
            "Kconfig:4: unexpected 'menu' within if block");
        row("truncated expression", "config A\n\tbool \"a\"\n\tdepends on (B ||", false,
            "Kconfig:3: syntax error");
        row("truncated string", "config A\n\tbool \"unterminated", false,
            "Kconfig:2:warning: no new line at end of file\nKconfig:2: syntax error");
        row("truncated help", "config A\n\tbool \"a\"\n\thelp\n\t  cut off", true, "");
        row("truncated keyword", "config A\n\tboo", false, "Kconfig:2: syntax error");
        row("NUL bytes", QByteArray("config A\n\tbool \"a\0b\"\n\0\0\n", 24), true,
            "Kconfig:3:warning: ignoring unsupported character");
        row("invalid UTF-8", "config A\n\tbool \"\xff\xfe\xc3\"\n\xff junk\n", false,
            "Kconfig:3:warning: ignoring unsupported character");
        row("control characters", "config A\x01\x02\n\tbool \"a\"\x1b[0m\n", false,
            "Kconfig:1:warning: ignoring unsupported character");
        row("only binary", QByteArray("\x7f\x45\x4c\x46\x02\x01\x01\x00\x00\x00", 10), false,
            "Kconfig:1:warning: ignoring unsupported character");
        row("unterminated macro", "config A\n\tbool \"$(shell,echo hi\"\n", false,
            "Kconfig:2: unterminated reference to 'shell,echo hi\"': missing ')'");
        row("self-referencing macro", "X = $(X)\nconfig A\n\tbool \"$(X)\"\n", false,
            "Kconfig:3: Recursive variable 'X' references itself (eventually)");
        row("mutually referencing macros", "X = $(Y)\nY = $(X)\nconfig A\n\tbool \"$(X)\"\n", false,
            "Kconfig:4: Recursive variable 'X' references itself (eventually)");
        row("recursive function", "f = $(f,$(1))\nconfig A\n\tbool \"$(f,x)\"\n", false,
            "Kconfig:3: Too deep recursive expansion");
        // Found by fuzzing: the argument doubles on every call, far within
        // the nesting limits (conf runs out of memory).
        row("exponential expansion", "f = $(f,$(1)$(1))\nconfig A\n\tbool \"$(f,x)\"\n", false,
            "Kconfig:3: macro expansion too long (more than 1048576 bytes)");
        row("error-if", "$(error-if,y,stop here)\n", false, "Kconfig:1: stop here");
        row("too many arguments", "config A\n\tbool \"$(info,a,b)\"\n", false,
            "Kconfig:2: too many function arguments passed to 'info'");
        row("recursive dependency",
            "config A\n\tbool \"a\"\n\tdepends on B\n"
            "config B\n\tbool \"b\"\n\tdepends on A\n",
            false, "error: recursive dependency detected!\n\tsymbol A depends on B\n");
        row("recursive source", "source \"Kconfig\"\n", false,
            "Recursive inclusion detected.\nInclusion path:\n  current file : Kconfig\n"
            "  included from: Kconfig:1");
        row("missing source", "source \"nothing/here\"\n", false,
            "Kconfig:1: can't open file \"nothing/here\"");
        // conf 6.12 builds a malformed node for A!=y with bool A and may crash.
        row("bool unequal y",
            "config A\n\tbool \"a\"\nconfig B\n\tbool \"b\"\n"
            "config C\n\tbool \"c\"\n\tdepends on B || !(A!=y)\n\tdefault y\n",
            true, "");
        row("bool compared with m",
            "config A\n\tbool \"a\"\nconfig C\n\tbool \"c\"\n"
            "\tdepends on A=m || A!=m\n",
            true, "boolean symbol A tested for 'm'? test forced to 'n'");
        row("empty file", "", true, "");
    }
    void badKconfig()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, loads);
        QFETCH(QString, message);
        Loaded loaded;
        onStack([&] {
            loaded = loadFiles({{"Kconfig", text.toStdString()}});
            if (loaded.tree) evaluateAll(*loaded.tree);
        });
        QVERIFY2(loaded.messages.find(message.toStdString()) != std::string::npos,
                 loaded.messages.c_str());
        QCOMPARE(bool(loaded.tree), loads);
        if (!loads) QVERIFY(loaded.errors > 0);
        QVERIFY(stillUsable());
    }

    // A sourced file whose last line, without a newline, sources it again:
    // its end finishes the statement, and conf (which has closed the file by
    // then) sources it forever. Found by fuzzing.
    void sourceOfItselfOnTheLastLine()
    {
        Loaded loaded;
        onStack([&] {
            loaded = loadFiles(
                {{"Kconfig", "source \"a\"\n"}, {"a", "config A\n\tbool \"a\"\nsource \"a\""}});
        });
        QVERIFY(!loaded.tree);
        QVERIFY2(loaded.messages.find("a:3:warning: no new line at end of file\n"
                                      "Recursive inclusion detected.\nInclusion path:\n"
                                      "  current file : a\n  included from: a:3\n"
                                      "  included from: Kconfig:1") != std::string::npos,
                 loaded.messages.c_str());
        QVERIFY(stillUsable());

        // Sourcing another file that way is fine.
        loaded = loadFiles({{"Kconfig", "source \"a\"\n"},
                            {"a", "config A\n\tbool \"a\"\nsource \"b\""},
                            {"b", "config B\n\tbool \"b\"\n"}});
        QVERIFY2(loaded.tree, loaded.messages.c_str());
        QVERIFY(loaded.tree->symbols().find("A") && loaded.tree->symbols().find("B"));
    }

    // `depends on B || !(A!=y)` is B || A, evaluated for every value.
    void boolUnequalYes()
    {
        Loaded loaded = loadFiles({{"Kconfig", "config A\n\tbool \"a\"\nconfig B\n\tbool \"b\"\n"
                                               "config C\n\tbool \"c\"\n\tdepends on B || "
                                               "!(A!=y)\n\tdefault y\n"}});
        QVERIFY2(loaded.tree, loaded.messages.c_str());
        const SymbolTable &s = loaded.tree->symbols();
        for (Tristate a : {Tristate::No, Tristate::Yes}) {
            for (Tristate b : {Tristate::No, Tristate::Yes}) {
                Config config(*loaded.tree);
                config.setTristateValue(s.find("A"), a);
                config.setTristateValue(s.find("B"), b);
                const bool expected = a == Tristate::Yes || b == Tristate::Yes;
                QCOMPARE(config.tristate(s.find("C")) == Tristate::Yes, expected);
                QVERIFY(config.differencesFromFullRecompute().empty());
            }
        }
    }

    // Nesting far beyond real trees: refused with the location of the
    // statement, or loaded and evaluated when within the limits, never a
    // stack overflow.
    void deepNesting_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("loads");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, const std::string &text, bool loads,
                            const char *message) {
            QTest::newRow(name) << QByteArray::fromStdString(text) << loads
                                << QString::fromUtf8(message);
        };
        using namespace kconfig::limits;
        row("10000 nested if blocks", nestedIfs(10000), false,
            "Kconfig:1003: menu, if and choice blocks nested too deeply (more than 1000 levels)");
        row("1000 nested if blocks", nestedIfs(maxBlockNesting), true, "");
        row("10000 nested menus",
            wrapped("menu \"m\"\n", "endmenu\n", 10000, "config A\n\tbool \"a\"\n"), false,
            "Kconfig:1001: menu, if and choice blocks nested too deeply (more than 1000 levels)");
        row("100000-term expression", longOr(100000), false,
            "Kconfig:7: expression too long or nested too deeply (more than 1000 operators "
            "deep)");
        row("1000-term expression", longOr(maxExprDepth), true, "");
        row("100000 nested parentheses",
            "config A\n\tbool \"a\"\n\tdepends on " + wrapped("(", ")", 100000, "B") + "\n", false,
            "Kconfig:3: expression nested too deeply (more than 1000 levels");
        row("900 nested parentheses",
            "config A\n\tbool \"a\"\n\tdepends on " + wrapped("(", ")", 900, "B") + "\n", true, "");
        row("100000 negations",
            "config A\n\tbool \"a\"\n\tdepends on " + repeat("!", 100000) + "B\n", false,
            "Kconfig:3: expression nested too deeply");
        row("100000 nested macro references",
            "config A\n\tstring \"a\"\n\tdefault \"" + wrapped("$(", ")", 100000, "X") + "\"\n",
            false, "Kconfig:3: macro references nested too deeply (more than 2000 levels)");
        row("1500 nested macro references",
            "config A\n\tstring \"a\"\n\tdefault \"" + wrapped("$(", ")", 1500, "X") + "\"\n", true,
            "");
        row("100000 depends lines", "config A\n\tbool \"a\"\n" + repeat("\tdepends on B\n", 100000),
            false, "dependencies too long or nested too deeply (more than 1000 operators deep)");
        row("100000 selects of one symbol", manySelects(100000), false,
            "Kconfig:1: error: too many selects of 'A' (more than 20000 operators deep)");
        row("19000 selects of one symbol", manySelects(19000), true, "");
        row("chain of 100000 symbols, last first", symbolChain(100000, true, "depends on"), false,
            "Kconfig:3: error: dependencies of 'C99999' nested too deeply");
        row("chain of 100000 symbols, first first", symbolChain(100000, false, "depends on"), false,
            "error: menu entries nested too deeply (more than 2000 levels)");
        row("chain of 100000 defaults", symbolChain(100000, false, "default"), false,
            "error: dependencies of 'C");
        row("chain of 5500 defaults", symbolChain(5500, false, "default"), true, "");
        row("chain of 5500 defaults, last first", symbolChain(5500, true, "default"), true, "");
    }
    void deepNesting()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, loads);
        QFETCH(QString, message);
        Loaded loaded;
        std::size_t printed = 0;
        onStack([&] {
            loaded = loadFiles({{"Kconfig", text.toStdString()}});
            if (loaded.tree) printed = evaluateAll(*loaded.tree);
        });
        QVERIFY2(loaded.messages.find(message.toStdString()) != std::string::npos,
                 loaded.messages.substr(0, 2000).c_str());
        QCOMPARE(bool(loaded.tree), loads);
        if (loads)
            QVERIFY(printed > 0);
        else
            QVERIFY(loaded.errors > 0);
        QVERIFY(stillUsable());
    }

    // `source` of paths that cannot be read. The tests run as root in CI,
    // where permissions do not stop open(), so unreadable paths are made
    // with file types and path shapes instead: a directory, a path through a
    // regular file (ENOTDIR), a symlink loop (ELOOP), a FIFO (no writer:
    // opening it must not block), and a symlink cycle that makes every name
    // longer until ENAMETOOLONG.
    void unreadableSources_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("kconfig");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, const char *setup, const char *kconfig,
                            const char *message) {
            QTest::newRow(name) << QString::fromUtf8(setup) << QString::fromUtf8(kconfig)
                                << QString::fromUtf8(message);
        };
        row("directory", "dir", "source \"dir\"\n", "Kconfig:1: can't open file \"dir\"");
        row("through a file", "file", "source \"file/Kconfig\"\n",
            "Kconfig:1: can't open file \"file/Kconfig\"");
        row("symlink loop", "loop", "source \"loop\"\n", "Kconfig:1: can't open file \"loop\"");
        row("fifo", "fifo", "source \"fifo\"\n", "Kconfig:1: can't open file \"fifo\"");
        row("symlink to itself in the path", "dotlink", "source \"here/Kconfig\"\n",
            "Recursive inclusion detected");
        row("ever longer names through a symlink cycle", "dotlink",
            "config A\n\tbool \"a\"\nsource \"here/$(filename)\"\n",
            ": can't open file \"here/here/here/");
        row("unreadable file", "noperm", "source \"noperm\"\n",
            "Kconfig:1: can't open file \"noperm\"");
        row("top-level directory", "topdir", "", "can't find file Kconfig");
    }
    void unreadableSources()
    {
        QFETCH(QString, setup);
        QFETCH(QString, kconfig);
        QFETCH(QString, message);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.path();
        if (setup == QLatin1String("dir")) {
            QVERIFY(QDir(dir).mkdir(QStringLiteral("dir")));
        } else if (setup == QLatin1String("file")) {
            QVERIFY(writeFile(dir + QStringLiteral("/file"), "config X\n"));
        } else if (setup == QLatin1String("loop")) {
            QVERIFY(::symlink("loop", (dir + QStringLiteral("/loop")).toLocal8Bit().constData()) ==
                    0);
        } else if (setup == QLatin1String("fifo")) {
            QVERIFY(::mkfifo((dir + QStringLiteral("/fifo")).toLocal8Bit().constData(), 0600) == 0);
        } else if (setup == QLatin1String("dotlink")) {
            QVERIFY(::symlink(".", (dir + QStringLiteral("/here")).toLocal8Bit().constData()) == 0);
        } else if (setup == QLatin1String("noperm")) {
            if (::geteuid() == 0) QSKIP("root reads files without read permission");
            QVERIFY(writeFile(dir + QStringLiteral("/noperm"), "config X\n"));
            QVERIFY(::chmod((dir + QStringLiteral("/noperm")).toLocal8Bit().constData(), 0) == 0);
        } else if (setup == QLatin1String("topdir")) {
            QVERIFY(QDir(dir).mkdir(QStringLiteral("Kconfig")));
        }
        if (setup != QLatin1String("topdir"))
            QVERIFY(writeFile(dir + QStringLiteral("/Kconfig"), kconfig.toUtf8()));

        Loaded loaded;
        onStack([&] { loaded = loadDisk(dir); });
        QVERIFY2(loaded.messages.find(message.toStdString()) != std::string::npos,
                 loaded.messages.substr(0, 2000).c_str());
        QVERIFY(!loaded.tree);
        QVERIFY(loaded.errors > 0);
        QVERIFY(stillUsable());
    }

    // Kconfig files over SourceFiles::maxFileSize are refused before they
    // are read, as the top-level file and when sourced. The 100 MB file is
    // sparse: creating it costs nothing.
    void enormousKconfig()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString big = tmp.path() + QStringLiteral("/big");
        {
            QFile f(big);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(100ll << 20));
        }
        QVERIFY(writeFile(tmp.path() + QStringLiteral("/Kconfig"),
                          "config A\n\tbool \"a\"\nsource \"big\"\n"));
        Loaded sourced = loadDisk(tmp.path());
        QVERIFY(!sourced.tree);
        QVERIFY2(sourced.messages.find("Kconfig:3: can't open file \"big\": too large "
                                       "(104857600 bytes, the limit is 67108864)") !=
                     std::string::npos,
                 sourced.messages.c_str());
        Loaded top = loadDisk(tmp.path(), "big");
        QVERIFY(!top.tree);
        QVERIFY2(top.messages.find("big: too large (104857600 bytes") != std::string::npos,
                 top.messages.c_str());
        QVERIFY(stillUsable());
    }

    // Files are read one after another into shared blocks of memory: a file
    // larger than a block, between small ones, keeps every byte, and so do
    // the files around it (help texts point into them).
    void largeFileBetweenSmallOnes()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        std::string big;
        for (int i = 0; i < 60000; ++i)
            big += "config BIG" + std::to_string(i) + "\n\tbool \"big\"\n\thelp\n\t  big " +
                   std::to_string(i) + "\n\n";
        big += "config BIGEND\n\tbool\n";
        QVERIFY(big.size() > (2u << 20));
        QVERIFY(writeFile(tmp.path() + QStringLiteral("/big"), QByteArray::fromStdString(big)));
        QVERIFY(writeFile(tmp.path() + QStringLiteral("/a"),
                          "config A\n\tbool \"a\"\n\thelp\n\t  first\n"));
        QVERIFY(writeFile(tmp.path() + QStringLiteral("/c"),
                          "config C\n\tbool \"c\"\n\thelp\n\t  last\n"));
        QVERIFY(writeFile(tmp.path() + QStringLiteral("/Kconfig"),
                          "source \"a\"\nsource \"big\"\nsource \"c\"\n"));
        Loaded loaded = loadDisk(tmp.path());
        QVERIFY2(loaded.tree, loaded.messages.c_str());
        const auto help = [&](const char *name) {
            const Symbol *s = loaded.tree->symbols().find(name);
            return s && !s->menus.empty() ? s->menus.front()->help.text() : std::string("?");
        };
        QCOMPARE(help("A"), std::string("first\n"));
        QCOMPARE(help("BIG0"), std::string("big 0\n"));
        QCOMPARE(help("BIG59999"), std::string("big 59999\n"));
        QCOMPARE(help("C"), std::string("last\n"));
    }

    // Garbage .config lines: each is skipped with conf's warning, with the
    // file and line, and never changes a value it does not name properly.
    void garbageConfigLines_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("warning");
        const auto row = [](const char *name, const QByteArray &line, const char *warning) {
            QTest::newRow(name) << line << QString::fromUtf8(warning);
        };
        row("plain text", "hello world", ".config:2:warning: unexpected data: hello world");
        row("no value", "CONFIG_BOOL", ".config:2:warning: unexpected data: CONFIG_BOOL");
        row("empty name", "CONFIG_=y", "");
        row("bad bool", "CONFIG_BOOL=maybe",
            ".config:2:warning: symbol value 'maybe' invalid for BOOL");
        row("m for bool", "CONFIG_BOOL=m", ".config:2:warning: symbol value 'm' invalid for BOOL");
        row("bad int", "CONFIG_NUM=12abc",
            ".config:2:warning: symbol value '12abc' invalid for NUM");
        row("huge hex", "CONFIG_ADDR=0xffffffffffffffffffffffffffffffff", "");
        row("bad hex", "CONFIG_ADDR=0xZZ",
            ".config:2:warning: symbol value '0xZZ' invalid for ADDR");
        row("unterminated string", "CONFIG_NAME=\"abc", ".config:2:warning: invalid string found");
        row("NUL inside", QByteArray("CONFIG_BOOL=y\0garbage", 21), "");
        row("invalid UTF-8", "CONFIG_NAME=\"\xff\xfe\"", "");
        row("binary", QByteArray("\x00\x01\x02\xff\xfe", 5), "");
        row("only CR", "\r", "");
        row("long line", QByteArray("CONFIG_NAME=\"") + QByteArray(1 << 20, 'x') + "\"", "");
        row("override", "CONFIG_MODE_A=y", "");
        row("choice member n", "# CONFIG_MODE_B is not set", "");
        row("unknown symbol", "CONFIG_NOT_THERE=y", "");
        row("comment", "# just a comment", "");
    }
    void garbageConfigLines()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, warning);
        static Loaded loaded = loadFiles({{"Kconfig", kSmallTree}});
        QVERIFY(loaded.tree);
        Config config(*loaded.tree);
        DiagnosticSink sink;
        std::string messages;
        sink.setHandler([&messages](const Diagnostic &d) { messages += d.text; });
        Environment env;
        ConfigReader reader(config, env, sink);
        const std::string text = "CONFIG_NUM=7\n" + line.toStdString() + "\nCONFIG_TRI=m\n";
        reader.readText(".config", text);
        config.clearAllValid();
        if (!warning.isEmpty())
            QVERIFY2(messages.find(warning.toStdString()) != std::string::npos, messages.c_str());
        // The lines around it are read as usual.
        QCOMPARE(config.stringValue(loaded.tree->symbols().find("NUM")), std::string("7"));
        QCOMPARE(config.tristate(loaded.tree->symbols().find("TRI")), Tristate::Mod);
        evaluateAll(*loaded.tree);
        ConfigWriter writer(config, env);
        QVERIFY(!writer.dotConfigText().empty());
    }

    // Random bytes and random mixes of .config fragments, many times.
    void randomConfigText()
    {
        Loaded loaded = loadFiles({{"Kconfig", kSmallTree}});
        QVERIFY(loaded.tree);
        const char *pieces[] = {"CONFIG_", "# CONFIG_", " is not set", "=",      "y",       "m",
                                "n",       "\"",        "\\",          "BOOL",   "TRI",     "NUM",
                                "ADDR",    "NAME",      "MODE_A",      "MODE_B", "MODULES", "0x",
                                "-",       "\n",        "\r\n",        "#",      " "};
        std::mt19937 rng(12345);
        for (int round = 0; round < 2000; ++round) {
            std::string text;
            const int n = static_cast<int>(rng() % 60);
            for (int i = 0; i < n; ++i) {
                if (rng() % 5 == 0)
                    text += static_cast<char>(rng() % 256);
                else
                    text += pieces[rng() % std::size(pieces)];
            }
            Config config(*loaded.tree);
            DiagnosticSink sink;
            const Environment env;
            ConfigReader reader(config, env, sink);
            reader.readText(".config", text);
            config.clearAllValid();
            for (const Symbol *sym : loaded.tree->symbols().all())
                config.snapshot(sym);
            ConfigWriter writer(config, env);
            QVERIFY(!writer.dotConfigText().empty());
        }
    }

    // A 100 MB .config of valid lines, garbage and overrides: read in one
    // pass, with the warnings delivered but only the first ones kept, so
    // memory stays near the size of the file.
    void enormousConfig()
    {
        Loaded loaded = loadFiles({{"Kconfig", kSmallTree}});
        QVERIFY(loaded.tree);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString path = tmp.path() + QStringLiteral("/big.config");
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            const QByteArray block = "CONFIG_BOOL=y\nthis line is garbage\nCONFIG_NUM=42\n"
                                     "CONFIG_UNKNOWN_SYMBOL=m\n# CONFIG_TRI is not set\n";
            QByteArray chunk;
            while (chunk.size() < (1 << 20))
                chunk += block;
            for (qint64 written = 0; written < (100ll << 20); written += chunk.size())
                QVERIFY(f.write(chunk) == chunk.size());
        }
        resetPeakRss();
        const long before = peakRssKb();
        Config config(*loaded.tree);
        DiagnosticSink sink;
        std::size_t delivered = 0;
        sink.setHandler([&delivered](const Diagnostic &) { ++delivered; });
        Environment env;
        ConfigReader reader(config, env, sink);
        QVERIFY(reader.readSimple(path.toStdString()));
        config.clearAllValid();
        const long peak = peakRssKb();
        QCOMPARE(config.stringValue(loaded.tree->symbols().find("NUM")), std::string("42"));
        QVERIFY(delivered > 1000000); // garbage and overrides on every block
        QCOMPARE(sink.all().size(), DiagnosticSink::maxKept);
        QCOMPARE(sink.all().size() + sink.dropped(), delivered);
        qInfo("100 MB .config: %zu warnings, peak RSS grew by %ld MB", delivered,
              (peak - before) / 1024);
        if (before > 0 && peak > 0) QVERIFY((peak - before) < 600 * 1024);
    }

    // The CLI behaves like conf on bad Kconfig input: the message on stderr,
    // exit status 1, no .config written.
    void cliBadKconfig_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("syntax error") << QByteArray("config\n\tbool \"a\"\nfoo bar\n")
                                      << QStringLiteral("Kconfig:3: unknown statement \"foo\"");
        QTest::newRow("binary") << QByteArray("\x7f\x45\x4c\x46\x02\x01\x00\x00\n", 9)
                                << QStringLiteral("Kconfig:1:warning: ignoring unsupported");
        QTest::newRow("missing source") << QByteArray("source \"missing\"\n")
                                        << QStringLiteral("Kconfig:1: can't open file \"missing\"");
        QTest::newRow("deep if nesting")
            << QByteArray::fromStdString(nestedIfs(10000))
            << QStringLiteral("Kconfig:1003: menu, if and choice blocks nested too deeply");
        QTest::newRow("long expression")
            << QByteArray::fromStdString(longOr(100000))
            << QStringLiteral("Kconfig:7: expression too long or nested too deeply");
        QTest::newRow("deep macro nesting")
            << QByteArray::fromStdString("config A\n\tstring \"a\"\n\tdefault \"" +
                                         wrapped("$(", ")", 100000, "X") + "\"\n")
            << QStringLiteral("Kconfig:3: macro references nested too deeply");
        QTest::newRow("self-referencing macro")
            << QByteArray("X = $(X)\nconfig A\n\tbool \"$(X)\"\n")
            << QStringLiteral("Kconfig:3: Recursive variable 'X' references itself (eventually)");
        QTest::newRow("fifo") << QByteArray("source \"fifo\"\n")
                              << QStringLiteral("Kconfig:1: can't open file \"fifo\"");
        QTest::newRow("too large")
            << QByteArray("source \"big\"\n")
            << QStringLiteral("Kconfig:1: can't open file \"big\": too large");
    }
    void cliBadKconfig()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QVERIFY(writeFile(tmp.path() + QStringLiteral("/Kconfig"), text));
        QVERIFY(::mkfifo((tmp.path() + QStringLiteral("/fifo")).toLocal8Bit().constData(), 0600) ==
                0);
        {
            QFile f(tmp.path() + QStringLiteral("/big"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(100ll << 20));
        }
        const CliRun r = runCli(
            tmp.path(), {QStringLiteral("--olddefconfig"), QStringLiteral("Kconfig")}, 30000);
        QVERIFY2(!r.timedOut, "kconfig-studio-cli did not finish");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(message), qPrintable(r.err.left(2000)));
        QVERIFY(!QFile::exists(tmp.path() + QStringLiteral("/.config")));
    }

    // The kernel's conf may crash on `A!=y` with bool A; the CLI computes it.
    void cliBoolUnequalYes()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QVERIFY(writeFile(tmp.path() + QStringLiteral("/Kconfig"),
                          "config A\n\tbool \"a\"\n\tdefault y\nconfig B\n\tbool \"b\"\n"
                          "config C\n\tbool \"c\"\n\tdepends on B || !(A!=y)\n\tdefault y\n"));
        const CliRun r =
            runCli(tmp.path(), {QStringLiteral("--olddefconfig"), QStringLiteral("Kconfig")});
        QCOMPARE(r.exitCode, 0);
        const QString config = readAll(tmp.path() + QStringLiteral("/.config"));
        QVERIFY2(config.contains(QLatin1String("CONFIG_C=y\n")), qPrintable(config));
    }

    // Garbage .config input never stops the CLI: warnings with file:line,
    // exit status 0, a .config written from what could be read.
    void cliGarbageConfig_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("warning");
        QTest::newRow("garbage lines")
            << QByteArray("CONFIG_BOOL=y\njunk\nCONFIG_NUM=abc\nCONFIG_NAME=\"open\n")
            << QStringLiteral(".config:2:warning: unexpected data: junk");
        QTest::newRow("binary") << QByteArray("CONFIG_BOOL=y\n\xff\xfe\x00\x01\nCONFIG_TRI=m\n", 22)
                                << QStringLiteral(".config:2:warning: unexpected data: ");
        QTest::newRow("NUL") << QByteArray("CONFIG_BOOL=y\0rest\nCONFIG_NUM=1\0\n", 32)
                             << QString();
        QTest::newRow("no final newline") << QByteArray("CONFIG_BOOL=y\nCONFIG_NUM=9") << QString();
        QTest::newRow("CRLF") << QByteArray("CONFIG_BOOL=y\r\nCONFIG_NUM=9\r\n") << QString();
    }
    void cliGarbageConfig()
    {
        QFETCH(QByteArray, config);
        QFETCH(QString, warning);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QVERIFY(writeFile(tmp.path() + QStringLiteral("/Kconfig"), kSmallTree));
        QVERIFY(writeFile(tmp.path() + QStringLiteral("/.config"), config));
        const CliRun r =
            runCli(tmp.path(), {QStringLiteral("--olddefconfig"), QStringLiteral("Kconfig")});
        QCOMPARE(r.exitCode, 0);
        if (!warning.isEmpty()) QVERIFY2(r.err.contains(warning), qPrintable(r.err));
        QVERIFY(readAll(tmp.path() + QStringLiteral("/.config"))
                    .contains(QLatin1String("CONFIG_BOOL=y\n")));
    }

    // A 100 MB .config through the CLI.
    void cliEnormousConfig()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QVERIFY(writeFile(tmp.path() + QStringLiteral("/Kconfig"), kSmallTree));
        {
            QFile f(tmp.path() + QStringLiteral("/.config"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray chunk;
            for (int i = 0; chunk.size() < (1 << 20); ++i)
                chunk += "CONFIG_UNUSED_" + QByteArray::number(i) + "=y\n";
            for (qint64 written = 0; written < (100ll << 20); written += chunk.size())
                QVERIFY(f.write(chunk) == chunk.size());
            QVERIFY(f.write("CONFIG_BOOL=y\n") > 0);
        }
        const CliRun r = runCli(
            tmp.path(), {QStringLiteral("--olddefconfig"), QStringLiteral("Kconfig")}, 300000);
        QVERIFY(!r.timedOut);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(readAll(tmp.path() + QStringLiteral("/.config"))
                    .contains(QLatin1String("CONFIG_BOOL=y\n")));
    }
};

QTEST_GUILESS_MAIN(TestRobustness)
#include "tst_robustness.moc"
