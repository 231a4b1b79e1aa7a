// SPDX-License-Identifier: MIT
// Engine benchmark on a real kernel tree, side by side with the kernel's conf:
// load (parse + finalise + evaluate) cold and with a warm probe cache, the
// CLI's --olddefconfig, one value change with incremental recalculation, a
// full recalculation, one value change explained (change set and cause
// chains, as the why panel and `explain` get them), and peak memory. Prints
// figures; not a test.
//
// Usage: kconfig_bench --tree DIR --conf PATH_TO_KERNEL_CONF [--arch ARCH]
//                      [--config FILE] [--cli PATH] [--changes N] [--runs N]
//        kconfig_bench --tree DIR --load-only [--runs N] [--probe-dir DIR]
//                      (only the warm load, to run under a profiler)
#include <kconfig/assignment.h>
#include <kconfig/config.h>
#include <kconfig/configreader.h>
#include <kconfig/diagnostic.h>
#include <kconfig/explainer.h>
#include <kconfig/explanationtext.h>
#include <kconfig/impact.h>
#include <kconfig/kerneltree.h>
#include <kconfig/probecache.h>
#include <kconfig/shellrunner.h>
#include <kconfig/sourcefiles.h>
#include <kconfig/treecache.h>
#include <kconfig/treeloader.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace kconfig;
using Clock = std::chrono::steady_clock;

namespace {

struct Options
{
    std::string tree;
    std::string conf;
    std::string arch = "x86_64";
    std::string config;
    std::string cli;
    int changes = 1000;
    int runs = 5;
    bool memoryOnly = false;
    bool loadOnly = false; // only the warm load, --runs times (for profilers)
    std::string probeDir;  // a warm probe cache to use and keep (with its probes' objtree)
};

double ms(Clock::duration d)
{
    return std::chrono::duration<double, std::milli>(d).count();
}

// CPU time (user and system) and page faults of this process so far.
struct Usage
{
    double cpuMs = 0;
    double systemMs = 0;
    long faults = 0;
};

Usage usage()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    const auto toMs = [](const timeval &t) { return t.tv_sec * 1e3 + t.tv_usec / 1e3; };
    return Usage{toMs(u.ru_utime) + toMs(u.ru_stime), toMs(u.ru_stime), u.ru_minflt + u.ru_majflt};
}

double cpuMs()
{
    return usage().cpuMs;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<std::size_t>(p * v.size()))];
}

std::string tempDir(const char *tag)
{
    std::string t = std::string("/tmp/kconfig-bench-") + tag + ".XXXXXX";
    std::vector<char> buf(t.begin(), t.end());
    buf.push_back('\0');
    if (!mkdtemp(buf.data())) std::exit(1);
    return buf.data();
}

struct ProcessTimes
{
    double wallMs = 0;
    double ownCpuMs = 0;      // the process itself
    double childrenCpuMs = 0; // what it waited for (shell probes)
    int status = 0;
};

// Runs a program; reads its own and its children's CPU time from /proc while
// it is a zombie (waitid with WNOWAIT), before reaping it.
ProcessTimes runProgram(const std::vector<std::string> &argv, const Environment &env,
                        const std::string &cwd)
{
    std::vector<std::string> envs = env.toEnvp();
    std::vector<char *> envp;
    for (auto &s : envs)
        envp.push_back(s.data());
    envp.push_back(nullptr);
    std::vector<std::string> args = argv;
    std::vector<char *> av;
    for (auto &s : args)
        av.push_back(s.data());
    av.push_back(nullptr);
    const auto start = Clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        if (chdir(cwd.c_str()) != 0) _exit(127);
        const int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(null, 1);
        dup2(null, 2);
        execve(av[0], av.data(), envp.data());
        _exit(127);
    }
    siginfo_t info{};
    waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOWAIT);
    ProcessTimes t;
    t.wallMs = ms(Clock::now() - start);
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string content((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto close = content.rfind(')');
    std::istringstream rest(content.substr(close + 2));
    std::vector<std::string> fields;
    for (std::string f; rest >> f;)
        fields.push_back(f);
    // fields[0] is state (field 3); utime is field 14 -> index 11.
    const double tick = 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
    if (fields.size() > 14) {
        t.ownCpuMs = (std::stod(fields[11]) + std::stod(fields[12])) * tick;
        t.childrenCpuMs = (std::stod(fields[13]) + std::stod(fields[14])) * tick;
    }
    waitpid(pid, &t.status, 0);
    return t;
}

struct Loaded
{
    DiagnosticSink diag;
    std::unique_ptr<Tree> tree;
    std::unique_ptr<Config> config;
    int processes = 0;
};

// The in-process equivalent of opening the tree: parse, finalise, read the
// configuration and calculate every symbol.
std::unique_ptr<Loaded> load(const KernelTreeInfo &info, const Environment &env, const Options &o,
                             const std::string &cacheDir, bool useCache, const std::string &objtree,
                             const TreeCache *trees = nullptr)
{
    auto out = std::make_unique<Loaded>();
    ProcessShellRunner processes(objtree);
    ProbeCache cache(processes, cacheDir, objtree);
    SourceFiles sources;
    sources.setBaseDirectory(info.srctree);
    LoadOptions lo;
    lo.kconfig = "Kconfig";
    lo.environment = env;
    lo.shell = useCache ? static_cast<ShellRunner *>(&cache) : &processes;
    lo.sources = &sources;
    lo.treeCache = trees;
    LoadResult r = loadTree(lo, out->diag);
    out->processes = processes.processesStarted();
    if (!r) return nullptr;
    out->tree = std::move(r.tree);
    out->config = std::make_unique<Config>(*out->tree);
    DiagnosticSink sink;
    ConfigReader reader(*out->config, env, sink);
    if (!o.config.empty())
        reader.read(o.config);
    else
        reader.read(std::nullopt);
    for (const Symbol *s : out->tree->symbols().all())
        out->config->calc(s);
    return out;
}

long statusKb(const char *field)
{
    std::ifstream f("/proc/self/status");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind(field, 0) == 0) return std::atol(line.c_str() + std::strlen(field));
    return 0;
}

// The seed's edit (VFIO selects IOMMUFD instead of depending on it): the
// edited tree is parsed from an in-memory overlay and compared with the loaded
// one for six baselines, split into re-parse, comparison of the definitions
// and the baselines. The kernel's way to the same answer is conf run for
// every baseline on the original tree and on a patched copy, then a diff:
// its times for the original tree are shown, baseline by baseline.
void whatIf(const KernelTreeInfo &info, const Environment &env, const Options &o,
            const std::string &cacheDir, const std::string &objtree, const Tree &original)
{
    const std::string file = "drivers/vfio/Kconfig";
    auto text = readWholeFile(info.srctree + '/' + file, 1 << 20);
    const std::string from = "\tdepends on IOMMUFD || !IOMMUFD\n";
    if (!text || text->find(from) == std::string::npos) {
        std::printf("what-if: %s has no '%s' line; skipped\n", file.c_str(),
                    "depends on IOMMUFD || !IOMMUFD");
        return;
    }
    text->replace(text->find(from), from.size(), "\tselect IOMMUFD\n");
    const std::string defconfig =
        "arch/" + sourceArchitecture(o.arch) + "/configs/" + defaultDefconfig(info, o.arch);
    const std::vector<std::string> modes = {"current",      "alldefconfig", "allnoconfig",
                                            "allmodconfig", "allyesconfig", "defconfig"};
    std::vector<Baseline> baselines;
    for (const std::string &m : modes) {
        Baseline b;
        if (Baseline::parse(m, o.config, defconfig, b)) baselines.push_back(b);
    }
    std::vector<double> parseCpu, compareCpu, wall, cpu;
    std::size_t changes = 0;
    for (int i = 0; i < o.runs; ++i) {
        const auto t0 = Clock::now();
        const double c0 = cpuMs();
        ProcessShellRunner processes(objtree);
        ProbeCache cache(processes, cacheDir, objtree);
        SourceFiles sources;
        sources.setBaseDirectory(info.srctree);
        sources.setOverlay(file, *text);
        LoadOptions lo;
        lo.environment = env;
        lo.shell = &cache;
        lo.sources = &sources;
        DiagnosticSink diag;
        LoadResult edited = loadTree(lo, diag);
        if (!edited) {
            std::printf("what-if: the edited tree does not load\n");
            return;
        }
        const double c1 = cpuMs();
        const ImpactAnalysis analysis(original, *edited.tree);
        const double c2 = cpuMs();
        changes = 0;
        // As the GUI and the CLI run it: the baselines on every core.
        for (const BaselineImpact &b : analysis.analyze(baselines, env))
            changes += b.changes.size();
        wall.push_back(ms(Clock::now() - t0));
        cpu.push_back(cpuMs() - c0);
        parseCpu.push_back(c1 - c0);
        compareCpu.push_back(c2 - c1);
    }
    std::printf("what-if, one-line edit, %zu baselines  wall %8.1f ms   own CPU %7.1f ms   (median "
                "of %d; %u threads; %zu changes)\n",
                baselines.size(), median(wall), median(cpu), o.runs,
                std::min<unsigned>(std::max(1u, std::thread::hardware_concurrency()),
                                   unsigned(baselines.size())),
                changes);
    std::printf("  re-parse %.1f ms, definitions compared %.1f ms, %zu baselines %.1f ms (CPU)\n",
                median(parseCpu), median(compareCpu), baselines.size(),
                median(cpu) - median(parseCpu) - median(compareCpu));
    if (o.conf.empty()) return;
    double confCpu = 0, confWall = 0;
    std::string perMode;
    for (const std::string &m : modes) {
        const std::string dir = tempDir("conf");
        std::string arg = "--" + m;
        if (m == "current") {
            if (o.config.empty()) continue;
            std::system(("cp '" + o.config + "' '" + dir + "/.config'").c_str());
            arg = "--olddefconfig";
        } else if (m == "defconfig") {
            arg = "--defconfig=" + defconfig;
        }
        const ProcessTimes t = runProgram({o.conf, "-s", arg, "Kconfig"}, env, dir);
        confCpu += t.ownCpuMs;
        confWall += t.wallMs;
        char one[64];
        std::snprintf(one, sizeof one, "%s%s %.0f", perMode.empty() ? "" : ", ", m.c_str(),
                      t.ownCpuMs);
        perMode += one;
        std::system(("rm -rf '" + dir + "'").c_str());
    }
    std::printf("  conf, same baselines, original tree only: wall %8.1f ms   own CPU %7.1f ms   "
                "(%s ms)\n",
                confWall, confCpu, perMode.c_str());
    std::printf("  -> studio's whole what-if: %.1f%% of conf's CPU for one tree (conf needs both "
                "trees and a diff)\n",
                100.0 * median(cpu) / confCpu);
}

} // namespace

int main(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
        if (a == "--tree")
            o.tree = next();
        else if (a == "--conf")
            o.conf = std::filesystem::absolute(next()).string();
        else if (a == "--arch")
            o.arch = next();
        else if (a == "--config")
            o.config = next();
        else if (a == "--cli")
            o.cli = std::filesystem::absolute(next()).string(); // run from a scratch directory
        else if (a == "--changes")
            o.changes = std::atoi(next().c_str());
        else if (a == "--runs")
            o.runs = std::atoi(next().c_str());
        else if (a == "--memory-only")
            o.memoryOnly = true;
        else if (a == "--load-only")
            o.loadOnly = true;
        else if (a == "--probe-dir")
            o.probeDir = next();
    }
    auto info = detectKernelTree(o.tree);
    if (!info) {
        std::fprintf(stderr,
                     "usage: %s --tree LINUX_TREE --conf KERNEL_CONF [--arch ARCH] [--config FILE] "
                     "[--cli PATH]\n",
                     argv[0]);
        return 2;
    }
    const Environment base = Environment::fromProcess();
    // A given probe directory keeps its probes' working directory too, so that
    // a later run (a profiler's) finds every probe cached.
    const bool keepCaches = !o.probeDir.empty();
    const std::string objtree = keepCaches ? o.probeDir + "/objtree" : tempDir("objtree");
    if (keepCaches) ::mkdir(objtree.c_str(), 0700);
    const std::string warmCache = o.probeDir.empty() ? tempDir("probes") : o.probeDir;
    ProcessShellRunner versions(objtree);
    const Environment env = kernelEnvironment(*info, o.arch, base, &versions);

    if (o.memoryOnly) {
        auto l = load(*info, env, o, warmCache, true, objtree);
        std::printf("%ld %ld\n", statusKb("VmHWM:"), statusKb("VmRSS:"));
        if (!keepCaches) std::system(("rm -rf '" + objtree + "'").c_str());
        return l ? 0 : 1;
    }

    if (o.loadOnly) {
        load(*info, env, o, warmCache, true, objtree); // fills the probe cache
        std::vector<double> cpu, system, faults;
        for (int i = 0; i < o.runs; ++i) {
            const Usage before = usage();
            auto l = load(*info, env, o, warmCache, true, objtree);
            const Usage after = usage();
            cpu.push_back(after.cpuMs - before.cpuMs);
            system.push_back(after.systemMs - before.systemMs);
            faults.push_back(static_cast<double>(after.faults - before.faults));
        }
        std::printf("studio load, warm probe cache   own CPU %7.1f ms, of it system %5.1f ms, "
                    "%.0f page faults (medians of %d)\n",
                    median(cpu), median(system), median(faults), o.runs);
        if (!keepCaches) std::system(("rm -rf '" + objtree + "'").c_str());
        return 0;
    }

    std::printf("Kconfig Studio engine benchmark: Linux %s, ARCH=%s, %s\n", info->version.c_str(),
                o.arch.c_str(), o.config.empty() ? "defaults" : o.config.c_str());

    // --- the kernel's conf ---
    std::vector<double> confWall, confCpu, confChildren;
    if (!o.conf.empty()) {
        for (int i = 0; i < 3; ++i) {
            const std::string dir = tempDir("conf");
            if (!o.config.empty())
                std::system(("cp '" + o.config + "' '" + dir + "/.config'").c_str());
            const ProcessTimes t =
                runProgram({o.conf, "-s", "--olddefconfig", "Kconfig"}, env, dir);
            confWall.push_back(t.wallMs);
            confCpu.push_back(t.ownCpuMs);
            confChildren.push_back(t.childrenCpuMs);
            std::system(("rm -rf '" + dir + "'").c_str());
        }
        std::printf("conf --olddefconfig             wall %8.1f ms   own CPU %7.1f ms   probes CPU "
                    "%7.1f ms\n",
                    median(confWall), median(confCpu), median(confChildren));
    }

    // --- cold load: every probe runs ---
    {
        const std::string cold = tempDir("cold");
        const auto t0 = Clock::now();
        const double c0 = cpuMs();
        auto l = load(*info, env, o, cold, true, objtree);
        const double wall = ms(Clock::now() - t0);
        const double cpu = cpuMs() - c0;
        if (!l) {
            std::fprintf(stderr, "loading failed\n");
            return 1;
        }
        std::printf(
            "studio load, cold probe cache   wall %8.1f ms   own CPU %7.1f ms   %d processes\n",
            wall, cpu, l->processes);
        std::system(("rm -rf '" + cold + "'").c_str());
        // The cold run filled nothing in warmCache: fill it now.
        load(*info, env, o, warmCache, true, objtree);
    }

    // --- warm load ---
    std::unique_ptr<Loaded> loaded;
    {
        std::vector<double> wall, cpu;
        int processes = 0;
        for (int i = 0; i < o.runs; ++i) {
            loaded.reset(); // freeing the previous tree is not part of a load
            const auto t0 = Clock::now();
            const double c0 = cpuMs();
            loaded = load(*info, env, o, warmCache, true, objtree);
            wall.push_back(ms(Clock::now() - t0));
            cpu.push_back(cpuMs() - c0);
            processes = loaded->processes;
        }
        std::printf("studio load, warm probe cache   wall %8.1f ms   own CPU %7.1f ms   %d "
                    "processes  (median of %d)\n",
                    median(wall), median(cpu), processes, o.runs);
        if (!confCpu.empty())
            std::printf("  -> %.1f%% of conf's own CPU time\n",
                        100.0 * median(cpu) / median(confCpu));
        std::printf("  %zu symbols, %zu menu nodes, %zu files, %zu expressions\n",
                    loaded->tree->symbols().size(), loaded->tree->menus().size(),
                    loaded->tree->files().size(), loaded->tree->exprs().size());
    }

    // --- warm load with the tree cache: parsing replaced by a validated copy ---
    {
        const TreeCache trees(warmCache + "/trees");
        load(*info, env, o, warmCache, true, objtree, &trees); // fills it
        std::vector<double> wall, cpu;
        for (int i = 0; i < o.runs; ++i) {
            loaded.reset();
            const auto t0 = Clock::now();
            const double c0 = cpuMs();
            loaded = load(*info, env, o, warmCache, true, objtree, &trees);
            wall.push_back(ms(Clock::now() - t0));
            cpu.push_back(cpuMs() - c0);
        }
        std::printf(
            "studio load, warm tree cache    wall %8.1f ms   own CPU %7.1f ms   (median of %d)\n",
            median(wall), median(cpu), o.runs);
        if (!confCpu.empty())
            std::printf("  -> %.1f%% of conf's own CPU time\n",
                        100.0 * median(cpu) / median(confCpu));
    }

    // --- the CLI, warm ---
    if (!o.cli.empty()) {
        std::vector<double> wall;
        Environment cliEnv = env;
        cliEnv.set("XDG_CACHE_HOME", warmCache + "/xdg");
        // One working directory, like a kernel build directory: the CLI's
        // probe and tree caches are keyed by it. The first run fills them.
        const std::string dir = tempDir("cli");
        std::vector<double> cpu;
        for (int i = 0; i <= o.runs; ++i) {
            if (!o.config.empty())
                std::system(("cp '" + o.config + "' '" + dir + "/.config'").c_str());
            const ProcessTimes t =
                runProgram({o.cli, "-s", "--olddefconfig", "Kconfig"}, cliEnv, dir);
            if (t.status != 0) {
                std::printf("studio CLI --olddefconfig failed (status %d)\n", t.status);
                wall.clear();
                break;
            }
            if (i == 0) continue;
            wall.push_back(t.wallMs);
            cpu.push_back(t.ownCpuMs);
        }
        std::system(("rm -rf '" + dir + "'").c_str());
        if (!wall.empty()) {
            std::printf("studio CLI --olddefconfig, warm wall %8.1f ms   own CPU %7.1f ms   "
                        "(median of %d)\n",
                        median(wall), median(cpu), o.runs);
            if (!confCpu.empty())
                std::printf("  -> %.1f%% of conf's own CPU time\n",
                            100.0 * median(cpu) / median(confCpu));
        }
    }

    // --- one value change: incremental vs full ---
    {
        Config &cfg = *loaded->config;
        std::vector<const Symbol *> candidates;
        for (const Symbol *s : loaded->tree->symbols().all())
            if (!s->isConst() && s->isBoolOrTristate() && !s->isChoiceValue() && !s->menus.empty())
                candidates.push_back(s);
        std::mt19937 rng(12345);
        std::vector<double> times;
        std::vector<double> sizes;
        for (int i = 0; i < o.changes; ++i) {
            const Symbol *s = candidates[rng() % candidates.size()];
            std::vector<Tristate> allowed;
            for (Tristate t : {Tristate::No, Tristate::Mod, Tristate::Yes})
                if (t != cfg.tristate(s) && cfg.tristateWithinRange(s, t)) allowed.push_back(t);
            if (allowed.empty()) {
                --i;
                continue;
            }
            const Tristate t = allowed[rng() % allowed.size()];
            const auto t0 = Clock::now();
            cfg.setTristateValue(s, t);
            times.push_back(ms(Clock::now() - t0));
            sizes.push_back(static_cast<double>(cfg.lastUpdateSize()));
        }
        std::printf(
            "one value change (incremental)  median %6.3f ms   p95 %6.3f ms   max %6.1f ms   "
            "median %.0f symbols recalculated  (%d random changes)\n",
            median(times), percentile(times, 0.95), percentile(times, 1.0), median(sizes),
            o.changes);
        std::vector<double> full;
        for (int i = 0; i < 5; ++i) {
            const auto t0 = Clock::now();
            cfg.clearAllValid();
            for (const Symbol *s : loaded->tree->symbols().all())
                cfg.calc(s);
            full.push_back(ms(Clock::now() - t0));
        }
        std::printf("full recalculation of all symbols       %6.1f ms\n", median(full));
    }

    // --- one value change explained: change set plus cause chains ---
    {
        // A fresh configuration: the random changes above moved the other one.
        const Tree &tree = *loaded->tree;
        Config cfg(tree);
        DiagnosticSink quiet;
        ConfigReader reader(cfg, env, quiet);
        if (!o.config.empty())
            reader.read(o.config);
        else
            reader.read(std::nullopt);
        for (const Symbol *s : tree.symbols().all())
            cfg.calc(s);
        auto t0 = Clock::now();
        Explainer explainer(tree, cfg);
        const double setup = ms(Clock::now() - t0);
        std::vector<const Symbol *> candidates;
        for (const Symbol *s : tree.symbols().all())
            if (!s->isConst() && s->isBoolOrTristate() && !s->menus.empty())
                candidates.push_back(s);
        std::mt19937 rng(4711);
        std::vector<double> change, explain, both, text, nodes;
        // Applies one value like a front end, explains it and renders it.
        const auto run = [&](const Symbol *s, const std::string &value) {
            const auto a = Clock::now();
            const AppliedChange c = applyAssignment(cfg, s, value);
            const auto b = Clock::now();
            if (!c.ok) return false;
            const ChangeReport r = explainer.explainChanges(c.description, c.subject, c.changes,
                                                            c.userBefore, c.priorityBefore);
            const auto d = Clock::now();
            (void)renderChangeReport(r, cfg);
            const auto e = Clock::now();
            change.push_back(ms(b - a));
            explain.push_back(ms(d - b));
            both.push_back(ms(d - a));
            text.push_back(ms(e - d));
            nodes.push_back(static_cast<double>(r.nodes.size()));
            return true;
        };
        // The VFIO / IOMMUFD scenario (x86_64 defconfig + VFIO=y to start from).
        const char *steps[][2] = {{"IOMMUFD", "m"},    {"IOMMUFD", "y"},
                                  {"VFIO_GROUP", "n"}, {"VFIO_CONTAINER", "n"},
                                  {"VFIO_GROUP", "y"}, {"VFIO_CONTAINER", "y"},
                                  {"IOMMUFD", "n"}};
        bool scenario = true;
        for (int round = 0; round < 5 && scenario; ++round) {
            change.clear();
            explain.clear();
            both.clear();
            for (const auto &[name, value] : steps) {
                const Symbol *s = tree.symbols().find(name);
                if (!s || !run(s, value)) {
                    scenario = false;
                    break;
                }
            }
        }
        if (scenario) {
            std::printf("  IOMMUFD scenario (ms per step, change set + cause chains):\n    ");
            for (std::size_t i = 0; i < both.size(); ++i)
                std::printf("%s%s=%s %.2f", i ? ", " : "", steps[i][0], steps[i][1], both[i]);
            std::printf("\n");
        }
        change.clear();
        explain.clear();
        both.clear();
        text.clear();
        nodes.clear();
        const int count = std::min(o.changes, 1000);
        for (int i = 0; i < count; ++i) {
            const Symbol *s = candidates[rng() % candidates.size()];
            std::vector<const char *> allowed;
            for (auto [t, v] : {std::pair{Tristate::No, "n"}, std::pair{Tristate::Mod, "m"},
                                std::pair{Tristate::Yes, "y"}})
                if (t != cfg.tristate(s) &&
                    (s->isChoiceValue() ? t == Tristate::Yes : cfg.tristateWithinRange(s, t)))
                    allowed.push_back(v);
            if (allowed.empty() || !run(s, allowed[rng() % allowed.size()])) {
                --i;
                continue;
            }
        }
        std::printf("one value change explained       change set median %6.3f ms, cause chains "
                    "median %6.3f ms (Explainer set up once: %.1f ms; %d random changes)\n",
                    median(change), median(explain), setup, count);
        std::printf("  change set + cause chains      median %6.3f ms   p95 %6.3f ms   max %6.1f "
                    "ms   median %.0f changed symbols, max %.0f\n",
                    median(both), percentile(both, 0.95), percentile(both, 1.0), median(nodes),
                    percentile(nodes, 1.0));
        std::printf("  e-mail text of the explanation median %6.3f ms   p95 %6.3f ms\n",
                    median(text), percentile(text, 0.95));
        // The widest toggles.
        for (const char *name : {"MODULES", "PCI", "NET", "EXPERT"}) {
            const Symbol *s = tree.symbols().find(name);
            if (!s) continue;
            change.clear();
            explain.clear();
            both.clear();
            nodes.clear();
            const std::string old = cfg.stringValue(s);
            const std::string other = old == "n" ? "y" : "n";
            if (!run(s, other) || !run(s, old)) continue;
            std::printf("  %-8s %s -> %s -> %s          %.1f ms and %.1f ms (%.0f and %.0f changed "
                        "symbols; cause chains %.1f and %.1f ms)\n",
                        name, old.c_str(), other.c_str(), old.c_str(), both[0], both[1], nodes[0],
                        nodes[1], explain[0], explain[1]);
        }
    }

    // --- what-if: a one-line Kconfig edit across six baselines ---
    whatIf(*info, env, o, warmCache, objtree, *loaded->tree);

    // --- memory, in a fresh process ---
    {
        const std::string self = "/proc/self/exe";
        int fds[2];
        if (pipe(fds) == 0) {
            const pid_t pid = fork();
            if (pid == 0) {
                dup2(fds[1], 1);
                std::vector<std::string> a = {argv[0],  "--memory-only", "--tree",      o.tree,
                                              "--arch", o.arch,          "--probe-dir", warmCache};
                if (!o.config.empty()) {
                    a.push_back("--config");
                    a.push_back(o.config);
                }
                std::vector<char *> av;
                for (auto &s : a)
                    av.push_back(s.data());
                av.push_back(nullptr);
                setenv("XDG_CACHE_HOME", (warmCache + "/xdg").c_str(), 1);
                execv("/proc/self/exe", av.data());
                _exit(127);
            }
            close(fds[1]);
            char buf[128] = {};
            const ssize_t n = read(fds[0], buf, sizeof buf - 1);
            close(fds[0]);
            waitpid(pid, nullptr, 0);
            long hwm = 0, rss = 0;
            if (n > 0 && std::sscanf(buf, "%ld %ld", &hwm, &rss) == 2)
                std::printf("peak memory with the tree loaded      %6.1f MB (VmHWM; %.1f MB "
                            "resident after)\n",
                            hwm / 1024.0, rss / 1024.0);
        }
    }
    if (!keepCaches) std::system(("rm -rf '" + objtree + "' '" + warmCache + "'").c_str());
    return 0;
}
