// SPDX-License-Identifier: MIT
#include "kconfig/property.h"

#include "kconfig/expr.h"

namespace kconfig {

const char *propertyTypeName(PropertyType t)
{
    switch (t) {
    case PropertyType::Prompt:
        return "prompt";
    case PropertyType::Comment:
        return "comment";
    case PropertyType::Menu:
        return "menu";
    case PropertyType::Default:
        return "default";
    case PropertyType::Select:
        return "select";
    case PropertyType::Imply:
        return "imply";
    case PropertyType::Range:
        return "range";
    case PropertyType::Unknown:
        break;
    }
    return "unknown";
}

Symbol *Property::targetSymbol() const
{
    return expr && expr->type == ExprType::Symbol ? expr->sym : nullptr;
}

} // namespace kconfig
