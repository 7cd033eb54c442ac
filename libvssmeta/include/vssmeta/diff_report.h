// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// Renderers for a `MetadataDiff`: the human report (grouped by writer,
/// then component), one line per change, counts only, and JSON
/// (schemas/diff.schema.json). None of them writes to stdout.

#include <iosfwd>
#include <string>

#include "vssmeta/diff.h"
#include "vssmeta/export.h"

namespace vssmeta {

/// Options of the text renderers.
struct DiffReportOptions {
  /// ANSI colours: + green, - red, ~ yellow, > cyan, breaking in bold red.
  bool color = false;
  /// Names of the two inputs, for the JSON `before`/`after` members and the
  /// text header line (`--- OLD` / `+++ NEW`, omitted when both are empty).
  std::string before_name;
  std::string after_name;
};

/// The human report: a header per writer (`writer "Name"`, `backup
/// components` for BCD changes), then per component (`Writer:\path\name`),
/// one line per change (`+`, `-`, `~`, `>` marker, the field, before → after
/// and the impact), and a summary line of counts per impact class. Writes
/// `identical` plus the summary when there are no changes.
VSSMETA_EXPORT void write_diff_text(const MetadataDiff& diff, std::ostream& out,
                                    const DiffReportOptions& options = {});

/// One line per change: `<marker> [bcd ]<path> <field>: <before> → <after>
/// [<impact>]`, then the summary line (no header: made for grep).
VSSMETA_EXPORT void write_diff_brief(const MetadataDiff& diff,
                                     std::ostream& out,
                                     const DiffReportOptions& options = {});

/// Counts only: one line per writer (changes per impact class), then the
/// summary line.
VSSMETA_EXPORT void write_diff_stat(const MetadataDiff& diff, std::ostream& out,
                                    const DiffReportOptions& options = {});

/// The summary line alone: `N changes: B breaking, N notable, C cosmetic`
/// or `identical`, with the number of hidden and ignored changes.
VSSMETA_EXPORT std::string diff_summary(const MetadataDiff& diff);

/// JSON per schemas/diff.schema.json: `{"format": "vssmeta-diff",
/// "version": 1, "before", "after", "identical", "summary": {...},
/// "changes": [...]}`. Absent before/after values are left out.
VSSMETA_EXPORT void write_diff_json(const MetadataDiff& diff, std::ostream& out,
                                    const DiffReportOptions& options = {});

}  // namespace vssmeta
