// SPDX-License-Identifier: MIT
#include "kconfig/exprprinter.h"

#include "kconfig/config.h"
#include "kconfig/expr.h"
#include "kconfig/symbol.h"

namespace kconfig {

namespace {

// expr_compare_type: does an operand of type `inner` need parentheses below `outer`?
bool needsParens(ExprType outer, ExprType inner)
{
    if (outer == inner)
        return false;
    switch (outer) {
    case ExprType::LessEqual:
    case ExprType::Less:
    case ExprType::GreaterEqual:
    case ExprType::Greater:
        if (inner == ExprType::Equal || inner == ExprType::Unequal)
            return true;
        [[fallthrough]];
    case ExprType::Equal:
    case ExprType::Unequal:
        if (inner == ExprType::Not)
            return true;
        [[fallthrough]];
    case ExprType::Not:
        if (inner == ExprType::And)
            return true;
        [[fallthrough]];
    case ExprType::And:
        if (inner == ExprType::Or)
            return true;
        [[fallthrough]];
    default:
        return false;
    }
}

void printOperand(const Symbol *sym, const ExprSink &sink)
{
    if (sym->isChoice())
        sink(nullptr, "<choice>");
    else
        sink(sym, sym->name);
}

void print(const Expr *e, const ExprSink &sink, ExprType prev)
{
    if (!e) {
        sink(nullptr, "y");
        return;
    }
    const bool parens = needsParens(prev, e->type);
    if (parens)
        sink(nullptr, "(");
    switch (e->type) {
    case ExprType::Symbol:
        printOperand(e->sym, sink);
        break;
    case ExprType::Not:
        sink(nullptr, "!");
        print(e->left, sink, ExprType::Not);
        break;
    case ExprType::Equal:
    case ExprType::Unequal:
    case ExprType::Less:
    case ExprType::LessEqual:
    case ExprType::Greater:
    case ExprType::GreaterEqual: {
        printOperand(e->sym, sink);
        const char *op = e->type == ExprType::Equal       ? "="
                         : e->type == ExprType::Unequal   ? "!="
                         : e->type == ExprType::Less      ? "<"
                         : e->type == ExprType::LessEqual ? "<="
                         : e->type == ExprType::Greater   ? ">"
                                                          : ">=";
        sink(nullptr, op);
        sink(e->rightSym, e->rightSym->name);
        break;
    }
    case ExprType::Or:
        print(e->left, sink, ExprType::Or);
        sink(nullptr, " || ");
        print(e->right, sink, ExprType::Or);
        break;
    case ExprType::And:
        print(e->left, sink, ExprType::And);
        sink(nullptr, " && ");
        print(e->right, sink, ExprType::And);
        break;
    case ExprType::Range:
        sink(nullptr, "[");
        sink(e->sym, e->sym->name);
        sink(nullptr, " ");
        sink(e->rightSym, e->rightSym->name);
        sink(nullptr, "]");
        break;
    default:
        sink(nullptr, "<unknown type " + std::to_string(static_cast<int>(e->type)) + ">");
        break;
    }
    if (parens)
        sink(nullptr, ")");
}

ExprSink valueSink(std::string &out, const Config &config)
{
    return [&out, &config](const Symbol *sym, std::string_view text) {
        out += text;
        if (sym && sym->type != SymbolType::Unknown)
            out += " [=" + config.currentString(sym) + ']';
    };
}

void collectTerms(const Expr *e, std::vector<const Expr *> &out)
{
    if (e->type == ExprType::Or) {
        collectTerms(e->left, out);
        collectTerms(e->right, out);
        return;
    }
    out.push_back(e);
}

void revDep(const Expr *e, Config &config, Tristate value, const std::string &title,
            bool &titled, std::string &out)
{
    if (e->type == ExprType::Or) {
        revDep(e->left, config, value, title, titled, out);
        revDep(e->right, config, value, title, titled, out);
        return;
    }
    if (config.exprValue(e) != value)
        return;
    if (!titled) {
        out += title;
        titled = true;
    }
    out += "  - ";
    print(e, valueSink(out, config), ExprType::None);
    out += '\n';
}

} // namespace

void printExpr(const Expr *e, const ExprSink &sink) { print(e, sink, ExprType::None); }

std::string exprToString(const Expr *e)
{
    std::string out;
    print(e, [&out](const Symbol *, std::string_view t) { out += t; }, ExprType::None);
    return out;
}

std::string exprToStringWithValues(const Expr *e, const Config &config)
{
    std::string out;
    print(e, valueSink(out, config), ExprType::None);
    return out;
}

std::string revDepTermsWithValues(const Expr *e, Config &config, Tristate value,
                                  const std::string &title)
{
    std::string out;
    bool titled = false;
    if (e)
        revDep(e, config, value, title, titled, out);
    return out;
}

std::vector<const Expr *> revDepTerms(const Expr *e)
{
    std::vector<const Expr *> out;
    if (e)
        collectTerms(e, out);
    return out;
}

} // namespace kconfig
