// SPDX-License-Identifier: MIT
#include "kconfig/treeloader.h"

#include "kconfig/dependencycheck.h"
#include "kconfig/diagnostic.h"
#include "kconfig/lexer.h"
#include "kconfig/menufinalizer.h"
#include "kconfig/parser.h"
#include "kconfig/preprocessor.h"
#include "kconfig/sourcefiles.h"

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
    auto tree = std::make_unique<Tree>();
    SourceFiles diskOnly;
    const SourceFiles &sources = options.sources ? *options.sources : diskOnly;

    Lexer lexer(sources, options.environment, diagnostics);
    Preprocessor pp(options.environment, options.shell, diagnostics);
    pp.setLocationProvider([&lexer] {
        return Preprocessor::Location{lexer.currentFile() ? *lexer.currentFile() : std::string(),
                                      lexer.scannerLine()};
    });
    lexer.setPreprocessor(&pp);
    if (options.progress) {
        lexer.setFileOpenedCallback([&](int count) {
            if (!options.progress(count))
                throw Cancelled{};
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
    result.tree = std::move(tree);
    return result;
}

} // namespace kconfig
