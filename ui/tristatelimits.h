// SPDX-License-Identifier: MIT
// Why a bool/tristate symbol cannot take a value: its upper limit comes from
// the visibility of its prompts, its lower limit from the selects (reverse
// dependencies) that hold it. The text quotes core's expressions with the
// current value of every symbol, e.g. "VFIO_CONTAINER is locked at y:
// selected by VFIO [=y] && IOMMUFD [=n]=n".
#pragma once

#include <kconfig/tristate.h>

#include <QString>

namespace kconfig {
class Config;
struct Symbol;
} // namespace kconfig

class TristateLimits
{
public:
    TristateLimits(kconfig::Config &config, const kconfig::Symbol *symbol);

    // Why `requested` is refused, or an empty string when the engine accepts it.
    QString refusal(kconfig::Tristate requested) const;
    // A short note for locked or hidden entries (tooltips), or empty when free.
    QString lockNote() const;

private:
    QString name() const;
    QString selectors() const;       // "A [=y] && B [=y]; C [=y]"
    QString promptCondition() const; // the visibility expression of the prompts

    kconfig::Config &m_config;
    const kconfig::Symbol *m_sym;
};
