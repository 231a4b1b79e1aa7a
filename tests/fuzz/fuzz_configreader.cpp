// SPDX-License-Identifier: MIT
// Fuzz target: .config text read into a fixed small tree (ConfigReader, both
// as user values and as include/config/auto.conf), then everything computed
// and written back.
#include "fuzzsupport.h"

#include <kconfig/autoconfwriter.h>
#include <kconfig/config.h>
#include <kconfig/configreader.h>
#include <kconfig/configwriter.h>
#include <kconfig/tree.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

// One symbol of every type, ranges with symbol bounds, a choice, selects,
// implies, MODULES, a transitional symbol and a menu with `visible if`.
// NUM_LO has a range of its own: with a low bound above the high one, conf
// clamps a value differently on every read, and so does Config (a .config
// written then would not read back to the same value).
constexpr const char *kTree = R"(mainmenu "Fuzz tree"
config MODULES
	bool "Modules"
	modules
	default y
config BOOL_A
	bool "A"
	default y
config BOOL_B
	bool "B"
	depends on BOOL_A
	select TRI_SEL
config TRI_X
	tristate "X"
	imply TRI_SEL
config TRI_SEL
	tristate "Selected"
config TRI_M
	def_tristate m
	depends on TRI_X
config NUM_LO
	int "Low bound"
	range 0 50
	default 2
config NUM
	int "Number"
	range NUM_LO 100
	default 7
config ADDR
	hex "Address"
	range 0x1000 0xffff
	default 0x2000
config NAME
	string "Name"
	default "kconfig"
config OLD_NAME
	string
	transitional
choice
	prompt "Mode"
	default MODE_B
config MODE_A
	bool "Mode A"
config MODE_B
	bool "Mode B"
	depends on BOOL_A
endchoice
menu "Hidden menu"
	visible if BOOL_B
config INSIDE
	bool "Inside"
	default BOOL_A
endmenu
)";

const kconfig::Tree &fixedTree()
{
    static const std::unique_ptr<kconfig::Tree> tree = [] {
        kconfig::DiagnosticSink diagnostics;
        auto t = kcsfuzz::loadFromMemory({{"Kconfig", kTree}}, diagnostics);
        if (!t) std::abort();
        return t;
    }();
    return *tree;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace kconfig;
    if (size > 256 * 1024) return -1;
    const std::string text(reinterpret_cast<const char *>(data), size);
    const Tree &tree = fixedTree();

    Environment env = kcsfuzz::fuzzEnvironment();
    env.set("KCONFIG_WARN_UNKNOWN_SYMBOLS", "1");
    DiagnosticSink diagnostics;
    Config config(tree);
    ConfigReader reader(config, env, diagnostics);
    reader.readText(".config", text);
    config.clearAllValid();
    kcsfuzz::evaluateEverything(config);
    ConfigWriter writer(config, env);
    const std::string written = writer.dotConfigText();

    // What was written must read back to the same values (conf_read after
    // conf_write is the round trip every kernel build relies on).
    Config again(tree);
    ConfigReader reader2(again, env, diagnostics);
    reader2.readText(".config", written);
    again.clearAllValid();
    for (const Symbol *sym : tree.symbols().all()) {
        // A transitional symbol is read but never written: its value is
        // expected to be gone (nothing in the tree reads it).
        if (sym->isConst() || sym->isTransitional()) continue;
        if (config.snapshot(sym) != again.snapshot(sym)) {
            std::fprintf(stderr, "%s differs after writing and reading .config back\n",
                         sym->name.c_str());
            std::abort();
        }
    }

    // The same text as auto.conf: values for syncconfig's change detection.
    ConfigReader autoReader(config, env, diagnostics);
    autoReader.readText("include/config/auto.conf", text, ConfigReader::Target::Auto);
    AutoconfWriter autoconf(config, env, diagnostics);
    autoconf.autoConfText();
    autoconf.autoconfHeaderText();
    return 0;
}
