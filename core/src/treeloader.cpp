// SPDX-License-Identifier: MIT
#include "kconfig/treeloader.h"

#include "kconfig/dependencycheck.h"
#include "kconfig/diagnostic.h"
#include "kconfig/lexer.h"
#include "kconfig/loadrecord.h"
#include "kconfig/menufinalizer.h"
#include "kconfig/parser.h"
#include "kconfig/preprocessor.h"
#include "kconfig/sourcefiles.h"
#include "kconfig/treecache.h"

namespace kconfig {

namespace {

struct Cancelled
{
};

void reportFatal(DiagnosticSink &diag, const std::string &text)
{
    Diagnostic d;
    d.severity = Diagnostic::Severity::Error;
    d.message = text;
    d.text = text + '\n';
    diag.report(std::move(d));
}

} // namespace

LoadResult loadTree(const LoadOptions &options, DiagnosticSink &diagnostics)
{
    LoadResult result;
    // A tree with in-memory edits is neither served from nor stored in the
    // cache: its identity is the files on disk.
    const TreeCache *cache =
        options.sources && !options.sources->overlays().empty() ? nullptr : options.treeCache;
    if (cache) {
        if ((result.tree = cache->load(options, diagnostics))) return result;
    }
    auto tree = std::make_unique<Tree>();
    SourceFiles diskOnly;
    const SourceFiles &sources = options.sources ? *options.sources : diskOnly;
    LoadRecord record;
    const std::size_t firstDiagnostic = diagnostics.all().size();
    const int errorsBefore = diagnostics.errorCount();
    if (cache) sources.setRecord(&record);
    struct Unrecord
    {
        const SourceFiles &s;
        ~Unrecord() { s.setRecord(nullptr); }
    } unrecord{sources};

    Lexer lexer(sources, options.environment, diagnostics);
    Preprocessor pp(options.environment, options.shell, diagnostics);
    pp.setLocationProvider([&lexer] {
        return Preprocessor::Location{lexer.currentFile() ? *lexer.currentFile() : std::string(),
                                      lexer.scannerLine(), lexer.currentFile()};
    });
    lexer.setPreprocessor(&pp);
    pp.setErrorIfIsFatal(!options.keepGoing);
    if (cache) pp.setRecord(&record);
    if (options.progress) {
        lexer.setFileOpenedCallback([&](int count) {
            if (!options.progress(count)) throw Cancelled{};
        });
    }

    Parser parser(*tree, lexer, pp, diagnostics);
    try {
        lexer.start(options.kconfig);
        parser.parse();
    } catch (const FatalError &e) {
        reportFatal(diagnostics, e.what());
        result.errorCount = parser.errorCount() + 1;
        return result;
    } catch (const Cancelled &) {
        result.cancelled = true;
        return result;
    }
    tree->setEnvironmentDependencies(pp.environmentDependencies());
    tree->adoptFiles(lexer.takeFileNames(), lexer.files());
    tree->adoptSources(lexer.takeSources());

    const int toleratedErrors = options.keepGoing ? parser.errorCount() : 0;
    int errors = parser.errorCount() - toleratedErrors;
    if (errors) {
        result.errorCount = errors;
        return result;
    }
    if (!tree->rootMenu()->prompt) {
        Property *p = tree->newProperty(PropertyType::Menu);
        p->text = "Main menu";
        p->menu = tree->rootMenu();
        p->location = SourceLocation{lexer.currentFile(), lexer.currentLine()};
        tree->rootMenu()->prompt = p;
    }

    tree->exprs().setNoticeHandler([&diagnostics](const std::string &msg) {
        Diagnostic d;
        d.severity = Diagnostic::Severity::Warning;
        d.message = msg;
        d.text = msg + '\n';
        d.toStdout = true;
        diagnostics.report(std::move(d));
    });
    errors += MenuFinalizer(*tree, diagnostics).run();
    tree->exprs().setNoticeHandler(nullptr);
    tree->freezeMenus();
    MenuFinalizer::prepareWrittenConditions(*tree);

    if (!errors) errors += DependencyCheck(*tree, diagnostics).run();
    if (errors) {
        result.errorCount = errors;
        return result;
    }
    if (cache && diagnostics.errorCount() == errorsBefore) {
        record.diagnostics.assign(diagnostics.all().begin() +
                                      static_cast<std::ptrdiff_t>(firstDiagnostic),
                                  diagnostics.all().end());
        cache->store(options, *tree, record);
    }
    result.tree = std::move(tree);
    result.errorCount = diagnostics.errorCount() - errorsBefore; // kept despite these
    return result;
}

} // namespace kconfig
