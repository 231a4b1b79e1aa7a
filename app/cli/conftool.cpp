// SPDX-License-Identifier: MIT
#include "conftool.h"

#include "cliloading.h"
#include "lineprompt.h"

#include <kconfig/autoconfwriter.h>
#include <kconfig/config.h>
#include <kconfig/configreader.h>
#include <kconfig/configwriter.h>
#include <kconfig/confmodes.h>
#include <kconfig/diagnostic.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <getopt.h>
#include <sys/time.h>

using namespace kconfig;

namespace {

enum class InputMode
{
    OldAsk,
    Sync,
    Old,
    AllNo,
    AllYes,
    AllMod,
    AllDef,
    Rand,
    Def,
    SaveDef,
    ListNew,
    HelpNew,
    OldDef,
    Yes2Mod,
    Mod2Yes,
    Mod2No,
};

void usage(const char *progname)
{
    std::printf("Usage: %s [options] <kconfig-file>\n", progname);
    std::printf("\n");
    std::printf("Generic options:\n");
    std::printf("  -h, --help              Print this message and exit.\n");
    std::printf("  -s, --silent            Do not print log.\n");
    std::printf("\n");
    std::printf("Mode options:\n");
    std::printf("  --listnewconfig         List new options\n");
    std::printf("  --helpnewconfig         List new options and help text\n");
    std::printf(
        "  --oldaskconfig          Start a new configuration using a line-oriented program\n");
    std::printf(
        "  --oldconfig             Update a configuration using a provided .config as base\n");
    std::printf("  --syncconfig            Similar to oldconfig but generates configuration in\n"
                "                          include/{generated/,config/}\n");
    std::printf("  --olddefconfig          Same as oldconfig but sets new symbols to their default "
                "value\n");
    std::printf("  --defconfig <file>      New config with default defined in <file>\n");
    std::printf("  --savedefconfig <file>  Save the minimal current configuration to <file>\n");
    std::printf("  --allnoconfig           New config where all options are answered with no\n");
    std::printf("  --allyesconfig          New config where all options are answered with yes\n");
    std::printf("  --allmodconfig          New config where all options are answered with mod\n");
    std::printf("  --alldefconfig          New config with all symbols set to default\n");
    std::printf("  --randconfig            New config with random answer to all options\n");
    std::printf("  --yes2modconfig         Change answers from yes to mod if possible\n");
    std::printf("  --mod2yesconfig         Change answers from mod to yes if possible\n");
    std::printf("  --mod2noconfig          Change answers from mod to no if possible\n");
    std::printf("  (If none of the above is given, --oldaskconfig is the default)\n");
    std::printf("\n");
    std::printf("Kconfig Studio options:\n");
    std::printf(
        "  --no-shell              Do not run $(shell,...) commands; they expand to nothing\n");
    std::printf("  --no-probe-cache        Run every $(shell,...) command (also: "
                "KCONFIG_STUDIO_NO_PROBE_CACHE=1)\n");
    std::printf("  --version               Print version information and exit\n");
    std::printf("\n");
    std::printf("Analysis commands: %s why|explain|graph|impact|diff ... (see '%s help')\n",
                progname, progname);
}

// glibc's rand(), seeded like conf, so that a KCONFIG_SEED reproduces conf's choices.
void setRandomSeed()
{
    unsigned int seed = 0;
    bool seedSet = false;
    const char *env = std::getenv("KCONFIG_SEED");
    if (env && *env) {
        char *endp = nullptr;
        seed = static_cast<unsigned int>(std::strtol(env, &endp, 0));
        if (*endp == '\0') seedSet = true;
    }
    if (!seedSet) {
        timeval now{};
        ::gettimeofday(&now, nullptr);
        seed = static_cast<unsigned int>((now.tv_sec + 1) * (now.tv_usec + 1));
    }
    std::printf("KCONFIG_SEED=0x%X\n", seed);
    std::srand(seed);
}

} // namespace

int runConfTool(int argc, char **argv)
{
    const char *progname = argv[0];
    enum StudioOption
    {
        NoShell = 1000,
        NoProbeCache,
        Version
    };
    static int inputModeOpt;
    bool noShell = false;
    bool noProbeCache = false;
    const option longOpts[] = {
        {"help", no_argument, nullptr, 'h'},
        {"silent", no_argument, nullptr, 's'},
        {"oldaskconfig", no_argument, &inputModeOpt, static_cast<int>(InputMode::OldAsk)},
        {"oldconfig", no_argument, &inputModeOpt, static_cast<int>(InputMode::Old)},
        {"syncconfig", no_argument, &inputModeOpt, static_cast<int>(InputMode::Sync)},
        {"defconfig", required_argument, &inputModeOpt, static_cast<int>(InputMode::Def)},
        {"savedefconfig", required_argument, &inputModeOpt, static_cast<int>(InputMode::SaveDef)},
        {"allnoconfig", no_argument, &inputModeOpt, static_cast<int>(InputMode::AllNo)},
        {"allyesconfig", no_argument, &inputModeOpt, static_cast<int>(InputMode::AllYes)},
        {"allmodconfig", no_argument, &inputModeOpt, static_cast<int>(InputMode::AllMod)},
        {"alldefconfig", no_argument, &inputModeOpt, static_cast<int>(InputMode::AllDef)},
        {"randconfig", no_argument, &inputModeOpt, static_cast<int>(InputMode::Rand)},
        {"listnewconfig", no_argument, &inputModeOpt, static_cast<int>(InputMode::ListNew)},
        {"helpnewconfig", no_argument, &inputModeOpt, static_cast<int>(InputMode::HelpNew)},
        {"olddefconfig", no_argument, &inputModeOpt, static_cast<int>(InputMode::OldDef)},
        {"yes2modconfig", no_argument, &inputModeOpt, static_cast<int>(InputMode::Yes2Mod)},
        {"mod2yesconfig", no_argument, &inputModeOpt, static_cast<int>(InputMode::Mod2Yes)},
        {"mod2noconfig", no_argument, &inputModeOpt, static_cast<int>(InputMode::Mod2No)},
        {"no-shell", no_argument, nullptr, NoShell},
        {"no-probe-cache", no_argument, nullptr, NoProbeCache},
        {"version", no_argument, nullptr, Version},
        {nullptr, 0, nullptr, 0},
    };

    InputMode inputMode = InputMode::OldAsk;
    bool silent = false;
    bool syncKconfig = false;
    std::string defconfigFile;
    int opt;
    while ((opt = getopt_long(argc, argv, "hs", longOpts, nullptr)) != -1) {
        switch (opt) {
        case 'h':
            usage(progname);
            std::exit(1);
        case 's':
            silent = true;
            break;
        case NoShell:
            noShell = true;
            break;
        case NoProbeCache:
            noProbeCache = true;
            break;
        case Version:
            printVersion();
            return 0;
        case 0:
            inputMode = static_cast<InputMode>(inputModeOpt);
            switch (inputMode) {
            case InputMode::Sync:
                // syncconfig runs during the build: no "configuration written".
                silent = true;
                syncKconfig = true;
                break;
            case InputMode::Def:
            case InputMode::SaveDef:
                defconfigFile = optarg;
                break;
            case InputMode::Rand:
                setRandomSeed();
                break;
            default:
                break;
            }
            break;
        default:
            break;
        }
    }
    if (argc == optind) {
        std::fprintf(stderr, "%s: Kconfig file missing\n", argv[0]);
        usage(progname);
        std::exit(1);
    }

    const Environment env = Environment::fromProcess();
    CliLoadOptions options;
    options.kconfig = argv[optind];
    options.environment = env;
    options.noShell = noShell;
    options.noProbeCache = noProbeCache || env.isSet("KCONFIG_STUDIO_NO_PROBE_CACHE");
    CliLoad load = loadForCli(options);
    if (!load.tree) std::exit(1);
    Config &config = *load.config;
    DiagnosticSink &diag = load.diagnostics;

    const auto message = [silent](const std::string &s) {
        if (!silent) std::printf("#\n# %s\n#\n", s.c_str());
    };
    ConfigReader reader(config, env, diag);
    reader.setMessageHandler(message);

    switch (inputMode) {
    case InputMode::Def:
        if (!reader.read(defconfigFile)) {
            std::fprintf(stderr, "***\n*** Can't find default configuration \"%s\"!\n***\n",
                         defconfigFile.c_str());
            std::exit(1);
        }
        break;
    case InputMode::SaveDef:
    case InputMode::Sync:
    case InputMode::OldAsk:
    case InputMode::Old:
    case InputMode::ListNew:
    case InputMode::HelpNew:
    case InputMode::OldDef:
    case InputMode::Yes2Mod:
    case InputMode::Mod2Yes:
    case InputMode::Mod2No:
        reader.read(std::nullopt);
        break;
    case InputMode::AllNo:
    case InputMode::AllYes:
    case InputMode::AllMod:
    case InputMode::AllDef:
    case InputMode::Rand: {
        const auto allconfig = env.get("KCONFIG_ALLCONFIG");
        if (!allconfig) break;
        if (!allconfig->empty() && *allconfig != "1") {
            if (!reader.readSimple(*allconfig)) {
                std::fprintf(stderr, "*** Can't read seed configuration \"%s\"!\n",
                             allconfig->c_str());
                std::exit(1);
            }
            break;
        }
        const char *name = inputMode == InputMode::AllNo    ? "allno.config"
                           : inputMode == InputMode::AllYes ? "allyes.config"
                           : inputMode == InputMode::AllMod ? "allmod.config"
                           : inputMode == InputMode::AllDef ? "alldef.config"
                                                            : "allrandom.config";
        if (!reader.readSimple(std::string(name)) &&
            !reader.readSimple(std::string("all.config"))) {
            std::fprintf(stderr,
                         "*** KCONFIG_ALLCONFIG set, but no \"%s\" or \"all.config\" file found\n",
                         name);
            std::exit(1);
        }
        break;
    }
    }

    if (reader.warnings() && env.isSet("KCONFIG_WERROR")) std::exit(1);

    bool noConfWrite = false;
    if (syncKconfig) {
        const std::string v = env.value("KCONFIG_NOSILENTUPDATE");
        if (!v.empty()) {
            if (config.isChanged()) {
                std::fprintf(stderr, "\n*** The configuration requires explicit update.\n\n");
                return 1;
            }
            noConfWrite = true;
        }
    }

    const std::string prefix = env.value("CONFIG_", "CONFIG_");
    switch (inputMode) {
    case InputMode::AllNo:
        setAllNewSymbols(config, NewSymbolMode::No);
        break;
    case InputMode::AllYes:
        setAllNewSymbols(config, NewSymbolMode::Yes);
        break;
    case InputMode::AllMod:
        setAllNewSymbols(config, NewSymbolMode::Mod);
        break;
    case InputMode::AllDef:
    case InputMode::Def:
        setAllNewSymbols(config, NewSymbolMode::Default);
        break;
    case InputMode::Rand: {
        RandomProbabilities p;
        if (const auto spec = env.get("KCONFIG_PROBABILITY")) {
            const auto parsed = parseProbabilities(*spec);
            if (!parsed) {
                errno = ERANGE;
                std::perror("KCONFIG_PROBABILITY");
                std::exit(1);
            }
            p = *parsed;
        }
        setAllNewSymbols(config, NewSymbolMode::Random, p, [] { return std::rand(); });
        break;
    }
    case InputMode::SaveDef:
        break;
    case InputMode::Yes2Mod:
        rewriteTristates(config, Tristate::Yes, Tristate::Mod);
        break;
    case InputMode::Mod2Yes:
        rewriteTristates(config, Tristate::Mod, Tristate::Yes);
        break;
    case InputMode::Mod2No:
        rewriteTristates(config, Tristate::Mod, Tristate::No);
        break;
    case InputMode::OldAsk: {
        LinePrompt prompt(config, LinePrompt::Mode::OldAsk, prefix);
        prompt.askAll();
        prompt.askNewUntilStable();
        break;
    }
    case InputMode::Old:
    case InputMode::ListNew:
    case InputMode::HelpNew:
    case InputMode::Sync: {
        const auto mode = inputMode == InputMode::Old       ? LinePrompt::Mode::Old
                          : inputMode == InputMode::ListNew ? LinePrompt::Mode::ListNew
                          : inputMode == InputMode::HelpNew ? LinePrompt::Mode::HelpNew
                                                            : LinePrompt::Mode::Sync;
        LinePrompt prompt(config, mode, prefix);
        prompt.askNewUntilStable();
        break;
    }
    case InputMode::OldDef:
        break;
    }

    if (config.unmetDependencyWarnings() && env.isSet("KCONFIG_WERROR")) std::exit(1);

    ConfigWriter writer(config, env);
    writer.setMessageHandler(message);
    writer.setErrorHandler([](const std::string &s) { std::fprintf(stderr, "%s\n", s.c_str()); });
    if (inputMode == InputMode::SaveDef) {
        if (writer.writeDefconfig(defconfigFile)) {
            std::fprintf(stderr, "n*** Error while saving defconfig to: %s\n\n",
                         defconfigFile.c_str());
            return 1;
        }
    } else if (inputMode != InputMode::ListNew && inputMode != InputMode::HelpNew) {
        if (!noConfWrite && writer.writeDotConfig()) {
            std::fprintf(stderr, "\n*** Error during writing of the configuration.\n\n");
            std::exit(1);
        }
        // auto.conf is created when missing, and always refreshed by syncconfig.
        AutoconfWriter autoconf(config, env, diag);
        if (autoconf.write(syncKconfig) && syncKconfig) {
            std::fprintf(stderr, "\n*** Error during sync of the configuration.\n\n");
            return 1;
        }
    }
    return 0;
}
