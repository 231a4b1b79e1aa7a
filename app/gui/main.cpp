// SPDX-License-Identifier: MIT
// kconfig-studio: the desktop configurator.
//
//   kconfig-studio [--arch ARCH] [--config FILE] [PATH]
//   kconfig-studio --screenshot FILE.png [--select SYMBOL] [--tab PAGE] [--set SYM=VALUE ...]
//                  [--size WxH] [--patch FILE [--baseline NAME ...]] [PATH]
//   --trust-shell / --no-shell: run the tree's $(shell,...) probes without
//   asking / run none (by default only those the user agreed to run).
//
// PATH is a kernel source tree or a Kconfig file; without it the bundled demo
// tree opens. --screenshot renders the window offscreen (when there is no
// display), applies the values, selects the symbol and writes a PNG.
// --patch applies a patch to the Kconfig files in memory and shows its
// what-if report (a screenshot waits for the report).
#include "configdocument.h"
#include "mainwindow.h"
#include "menutreeview.h"
#include "shellconsentbanner.h"
#include "tristatelimits.h"
#include "whatifbaselines.h"
#include "whatifmode.h"
#include "whatifpanel.h"

#include <kconfig/config.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QIcon>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <string>

#ifdef KCS_HAVE_KSYNTAXHIGHLIGHTING
#include <ksyntaxhighlighting_version.h>
#endif

namespace {

struct Options
{
    OpenRequest request;
    QString screenshot;
    QString select;
    QString tab;             // page shown next to the tree: symbol, source or graph
    QStringList assignments; // SYM=VALUE
    QSize size;
    QString patch;
    QStringList baselines;
};

void fail(const QString &message)
{
    std::fprintf(stderr, "kconfig-studio: %s\n", qPrintable(message));
}

bool hasOption(int argc, char **argv, const char *name)
{
    const std::size_t n = std::strlen(name);
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--") == 0) break;
        if (std::strncmp(argv[i], name, n) == 0 && (argv[i][n] == '\0' || argv[i][n] == '='))
            return true;
    }
    return false;
}

bool wantsScreenshot(int argc, char **argv)
{
    return hasOption(argc, argv, "--screenshot");
}

// --help and --version print text and exit: they need no display either.
bool onlyPrints(int argc, char **argv)
{
    for (const char *name : {"-h", "--help", "--help-all", "-v", "--version"})
        if (hasOption(argc, argv, name)) return true;
    return false;
}

// The Graphviz library this process uses for graph layout, asked from the
// process itself so that the answer stays true whichever part links libgvc.
std::string graphvizVersion()
{
    using Context = void *(*)();
    using Version = char *(*)(void *);
    using Free = int (*)(void *);
    auto context = reinterpret_cast<Context>(::dlsym(RTLD_DEFAULT, "gvContext"));
    auto version = reinterpret_cast<Version>(::dlsym(RTLD_DEFAULT, "gvcVersion"));
    auto release = reinterpret_cast<Free>(::dlsym(RTLD_DEFAULT, "gvFreeContext"));
    if (!context || !version || !release) return {};
    void *gvc = context();
    if (!gvc) return {};
    const char *v = version(gvc);
    std::string text = v ? v : "";
    release(gvc);
    return text;
}

void printVersion()
{
    std::printf("kconfig-studio %s\n", KCS_VERSION);
    std::printf("Qt %s (built with Qt %s)\n", qVersion(), QT_VERSION_STR);
    const std::string graphviz = graphvizVersion();
    if (graphviz.empty())
        std::printf("Graphviz: not linked (no graph layout in this build)\n");
    else
        std::printf("Graphviz %s (libgvc)\n", graphviz.c_str());
#ifdef KCS_HAVE_KSYNTAXHIGHLIGHTING
    std::printf("Syntax highlighting: KSyntaxHighlighting %s\n",
                KSYNTAXHIGHLIGHTING_VERSION_STRING);
#else
    std::printf("Syntax highlighting: built-in highlighter (KSyntaxHighlighting was not found at "
                "build time)\n");
#endif
}

bool parse(const QApplication &app, Options &options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "A configurator for Linux kernel Kconfig trees."));
    parser.addHelpOption();
    const QCommandLineOption version(
        {QStringLiteral("v"), QStringLiteral("version")},
        QCoreApplication::translate("main", "Displays version information: Kconfig Studio, Qt, "
                                            "Graphviz and the syntax highlighter."));
    parser.addOption(version);
    parser.addPositionalArgument(QStringLiteral("path"),
                                 QCoreApplication::translate("main",
                                                             "A kernel source tree or a Kconfig "
                                                             "file (default: the demo tree)."),
                                 QStringLiteral("[PATH]"));
    const QCommandLineOption arch(
        QStringLiteral("arch"),
        QCoreApplication::translate("main", "Architecture (ARCH) of a kernel tree."),
        QStringLiteral("ARCH"));
    const QCommandLineOption config(
        QStringLiteral("config"),
        QCoreApplication::translate("main", "The .config to load and save."),
        QStringLiteral("FILE"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Write an image of the window to FILE (PNG) and exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption select(
        QStringLiteral("select"),
        QCoreApplication::translate("main", "Select SYMBOL in the menu tree."),
        QStringLiteral("SYMBOL"));
    const QCommandLineOption tab(
        QStringLiteral("tab"),
        QCoreApplication::translate("main", "Show the Symbol, Source or Graph page."),
        QStringLiteral("PAGE"));
    const QCommandLineOption set(QStringLiteral("set"),
                                 QCoreApplication::translate("main",
                                                             "Set a value after loading "
                                                             "(repeatable), e.g. IOMMUFD=m."),
                                 QStringLiteral("SYM=VALUE"));
    const QCommandLineOption size(
        QStringLiteral("size"), QCoreApplication::translate("main", "Window size, e.g. 1366x768."),
        QStringLiteral("WxH"));
    const QCommandLineOption patch(
        QStringLiteral("patch"),
        QCoreApplication::translate("main", "Apply a patch to the Kconfig files in memory and "
                                            "show what it changes (what-if)."),
        QStringLiteral("FILE"));
    const QCommandLineOption baseline(
        QStringLiteral("baseline"),
        QCoreApplication::translate("main", "A baseline of the what-if report (repeatable): "
                                            "current, alldefconfig, allnoconfig, allmodconfig, "
                                            "allyesconfig or a defconfig's file name."),
        QStringLiteral("NAME"));
    const QCommandLineOption trustShell(
        QStringLiteral("trust-shell"),
        QCoreApplication::translate("main", "Run the tree's $(shell,...) probes without asking "
                                            "and remember the consent."));
    const QCommandLineOption noShell(
        QStringLiteral("no-shell"),
        QCoreApplication::translate("main", "Run no $(shell,...) probe, not even those agreed "
                                            "to before (they count as failed)."));
    parser.addOptions(
        {arch, config, screenshot, select, tab, set, size, patch, baseline, trustShell, noShell});
    parser.process(app);
    if (parser.isSet(version)) {
        printVersion();
        std::exit(0);
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        fail(QCoreApplication::translate("main", "only one PATH may be given"));
        return false;
    }
    options.request.path = positional.value(0);
    options.request.arch = parser.value(arch);
    options.request.configFile = parser.value(config);
    if (parser.isSet(trustShell) && parser.isSet(noShell)) {
        fail(
            QCoreApplication::translate("main", "--trust-shell and --no-shell exclude each other"));
        return false;
    }
    options.request.trustShell = parser.isSet(trustShell);
    options.request.runShell = !parser.isSet(noShell);
    options.screenshot = parser.value(screenshot);
    options.select = parser.value(select);
    options.tab = parser.value(tab);
    options.assignments = parser.values(set);
    options.patch = parser.value(patch);
    options.baselines = parser.values(baseline);
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        const int w = wh.value(0).toInt(), h = wh.value(1).toInt();
        if (wh.size() != 2 || w < 200 || h < 150 || w > 10000 || h > 10000) {
            fail(QCoreApplication::translate("main", "--size wants WIDTHxHEIGHT, e.g. 1366x768"));
            return false;
        }
        options.size = QSize(w, h);
    }
    return true;
}

const kconfig::Symbol *findSymbol(ConfigDocument *doc, QString name)
{
    if (name.startsWith(QLatin1String("CONFIG_"))) name = name.mid(7);
    return doc->tree()->symbols().find(name.toStdString());
}

// Applies --set and --select to a loaded tree; false (with a message) on errors.
bool applyOptions(MainWindow &window, const Options &options)
{
    ConfigDocument *doc = window.document();
    for (const QString &assignment : options.assignments) {
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            fail(QCoreApplication::translate("main", "--set wants SYM=VALUE, not '%1'")
                     .arg(assignment));
            return false;
        }
        const QString name = assignment.left(eq);
        const QString value = assignment.mid(eq + 1);
        const kconfig::Symbol *sym = findSymbol(doc, name);
        if (!sym) {
            fail(QCoreApplication::translate("main", "unknown symbol %1").arg(name));
            return false;
        }
        QString error;
        if (sym->isBoolOrTristate()) {
            const QString v = value.toLower();
            if (v != QLatin1String("y") && v != QLatin1String("m") && v != QLatin1String("n")) {
                fail(QCoreApplication::translate("main", "%1 is %2: the value must be y, m or n")
                         .arg(name, QString::fromLatin1(kconfig::symbolTypeName(sym->type))));
                return false;
            }
            const kconfig::Tristate t = v == QLatin1String("y")   ? kconfig::Tristate::Yes
                                        : v == QLatin1String("m") ? kconfig::Tristate::Mod
                                                                  : kconfig::Tristate::No;
            if (!doc->setTristate(sym, t)) {
                fail(TristateLimits(*doc->config(), sym).refusal(t));
                return false;
            }
        } else if (!doc->setString(sym, value, &error)) {
            fail(error.isEmpty()
                     ? QCoreApplication::translate("main", "cannot set %1").arg(assignment)
                     : error);
            return false;
        }
    }
    if (!options.select.isEmpty()) {
        const kconfig::Symbol *sym = findSymbol(doc, options.select);
        if (!sym || !window.navigateTo(sym)) {
            fail(QCoreApplication::translate("main", "unknown symbol %1").arg(options.select));
            return false;
        }
    }
    if (!options.tab.isEmpty()) {
        QTabWidget *tabs = window.tabs();
        int found = -1;
        for (int i = 0; i < tabs->count(); ++i)
            if (tabs->tabText(i)
                    .remove(QLatin1Char('&'))
                    .compare(options.tab, Qt::CaseInsensitive) == 0)
                found = i;
        if (found < 0) {
            fail(
                QCoreApplication::translate("main", "--tab wants symbol, source or graph, not '%1'")
                    .arg(options.tab));
            return false;
        }
        tabs->setCurrentIndex(found);
    }
    if (!options.baselines.isEmpty() &&
        !window.whatIf()->panel()->baselines()->setChecked(options.baselines)) {
        fail(QCoreApplication::translate("main", "unknown baseline in %1")
                 .arg(options.baselines.join(QLatin1Char(' '))));
        return false;
    }
    if (!options.patch.isEmpty()) {
        QString message;
        if (!window.whatIf()->applyPatchFile(options.patch, &message)) {
            fail(message);
            return false;
        }
    }
    return true;
}

int takeScreenshot(MainWindow &window, const Options &options)
{
    ConfigDocument *doc = window.document();
    QEventLoop loop;
    QObject::connect(doc, &ConfigDocument::loaded, &loop, [&loop] { loop.exit(0); });
    QObject::connect(doc, &ConfigDocument::loadFailed, &loop, [&loop](const QString &message) {
        fail(message);
        loop.exit(1);
    });
    window.open(options.request);
    if (loop.exec() != 0) {
        for (const kconfig::Diagnostic &d : doc->diagnostics())
            std::fprintf(stderr, "%s\n", d.text.c_str());
        return 1;
    }
    if (!applyOptions(window, options)) return 2;
    if (!options.patch.isEmpty()) {
        // The edited tree is parsed after a pause, then the report runs.
        QObject::connect(window.whatIf()->panel(), &WhatIfPanel::finished, &loop,
                         [&loop] { loop.exit(0); });
        loop.exec();
    }
    // Let queued layout and paint requests settle before grabbing.
    QTimer::singleShot(200, &loop, [&loop] { loop.exit(0); });
    loop.exec();
    const QImage image = window.screenshot();
    if (image.isNull() || !image.save(options.screenshot, "PNG")) {
        fail(QCoreApplication::translate("main", "cannot write %1").arg(options.screenshot));
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    const bool screenshot = wantsScreenshot(argc, argv);
    if ((screenshot || onlyPrints(argc, argv)) && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("kconfig-studio"));
    QCoreApplication::setApplicationName(QStringLiteral("kconfig-studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KCS_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Kconfig Studio"));
    // The id of the installed .desktop file, AppStream metainfo and icons.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.kconfigstudio.KconfigStudio"));
    QGuiApplication::setWindowIcon(
        QIcon::fromTheme(QStringLiteral("org.kconfigstudio.KconfigStudio"),
                         QIcon(QStringLiteral(":/icons/org.kconfigstudio.KconfigStudio.svg"))));

    Options options;
    if (!parse(app, options)) return 2;

    // Screenshots look the same for everybody: no saved window layout.
    QTemporaryDir settingsDir;
    if (screenshot) {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    }

    MainWindow window;
    if (screenshot) {
        window.menuTree()->menuModel()->setFlashDuration(0); // the picture shows values, not motion
        window.setAttribute(Qt::WA_DontShowOnScreen);
        window.resize(options.size.isValid() ? options.size : QSize(1366, 768));
        window.show();
        return takeScreenshot(window, options);
    }
    if (options.size.isValid()) window.resize(options.size);
    window.shellConsentBanner()->setAskOnFirstOpen(true);
    window.setOfferJournalRestore(true); // crash recovery: not for screenshots
    window.show();
    if (!options.assignments.isEmpty() || !options.select.isEmpty() || !options.tab.isEmpty() ||
        !options.patch.isEmpty() || !options.baselines.isEmpty()) {
        QObject::connect(
            window.document(), &ConfigDocument::loaded, &window,
            [&window, &options] { applyOptions(window, options); }, Qt::SingleShotConnection);
    }
    window.open(options.request);
    return app.exec();
}
