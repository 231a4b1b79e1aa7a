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
    if (options.treeCache && !(options.sources && !options.sources->overlays().empty())) {
        if ((result.tree = options.treeCache->load(options, diagnostics))) return result;
    }
    auto tree = std::make_unique<Tree>();
    SourceFiles diskOnly;
    const SourceFiles &sources = options.sources ? *options.sources : diskOnly;
    LoadRecord record;
    const std::size_t firstDiagnostic = diagnostics.all().size();
    if (options.treeCache) sources.setRecord(&record);
    struct Unrecord
    {
        const SourceFiles &s;
        ~Unrecord() { s.setRecord(nullptr); }
    } unrecord{sources};

    Lexer lexer(sources, options.environment, diagnostics);
    Preprocessor pp(options.environment, options.shell, diagnostics);
    pp.setLocationProvider([&lexer] {
        return Preprocessor::Location{lexer.currentFile() ? *lexer.currentFile() : std::string(),
                                      lexer.scannerLine()};
    });
    lexer.setPreprocessor(&pp);
    if (options.treeCache) pp.setRecord(&record);
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

    int errors = parser.errorCount();
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
    MenuFinalizer(*tree, diagnostics).run();
    tree->exprs().setNoticeHandler(nullptr);
    MenuFinalizer::prepareWrittenConditions(*tree);

    errors += DependencyCheck(*tree, diagnostics).run();
    if (errors) {
        result.errorCount = errors;
        return result;
    }
    if (options.treeCache) {
        record.diagnostics.assign(diagnostics.all().begin() +
                                      static_cast<std::ptrdiff_t>(firstDiagnostic),
                                  diagnostics.all().end());
        options.treeCache->store(options, *tree, record);
    }
    result.tree = std::move(tree);
    return result;
}

} // namespace kconfig
