// SPDX-License-Identifier: MIT
// The what-if report as rich text: one line per baseline and per change for
// the report tree, the reasons of one change for the details pane, and the
// whole report as an HTML page to export (the same content as core's text
// and Markdown renderings).
#pragma once

#include <kconfig/explanationtext.h>
#include <kconfig/impact.h>

#include <QString>

struct WhatIfResult;

// "allmodconfig: 2 symbols: 0 value, 1 visibility and 1 writability changes"
QString baselineSummary(const kconfig::BaselineImpact &impact);
// "y → m", "new symbol, y", "no longer defined (was m)"
QString changeSummary(const kconfig::ImpactChange &change);
// "VFIO: 'select IOMMUFD' added (drivers/vfio/Kconfig:5)"
QString editSentence(const kconfig::DefinitionEdit &edit, const kconfig::SentenceMarkup &markup);
// The reasons of one change as nested lists (with the edits it starts from).
QString changeReasonsHtml(const kconfig::BaselineImpact &impact,
                          const kconfig::ImpactChange &change,
                          const kconfig::SentenceMarkup &markup);
// A whole HTML page: title, edits, then each baseline with its changes.
QString reportPageHtml(const WhatIfResult &result, const QString &title);
