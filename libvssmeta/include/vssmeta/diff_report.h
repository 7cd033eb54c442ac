// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// The renderer of a `MetadataDiff`: the human report (grouped by writer,
/// then component), one line per change, counts only, or JSON
/// (schemas/diff.schema.json). It writes nowhere but the given stream.

#include <iosfwd>
#include <string>

#include "vssmeta/diff.h"
#include "vssmeta/export.h"

namespace vssmeta {

/// The forms of write_diff(). Every text form ends with the summary line:
/// `N changes: B breaking, N notable, C cosmetic` or `identical`, with the
/// number of hidden and ignored changes.
enum class DiffFormat {
  /// The human report: a header per writer (`writer "Name"`, `backup
  /// components` for BCD changes), then per component (`Writer:\path\name`),
  /// one line per change (`+`, `-`, `~`, `>` marker, the field, before →
  /// after and the impact), and the summary line. Writes `identical` plus
  /// the summary when there are no changes.
  kText,
  /// One line per change: `<marker> [bcd ]<path> <field>: <before> →
  /// <after> [<impact>]`, then the summary line (no header: made for grep).
  kBrief,
  /// Counts only: one line per writer (changes per impact class), then the
  /// summary line. With `StatDetail::kComponent`, each writer's line is
  /// followed by one per component (`  Writer:\path: N changes: ...`;
  /// `  (writer)` or `  (document)` for changes to the writer or the BCD
  /// itself) and, below a component, one per directory its file changes
  /// are in (`    C:\Windows\Fonts: 70 added, 2 removed`).
  kStat,
  /// JSON per schemas/diff.schema.json: `{"format": "vssmeta-diff",
  /// "version": 1, "before", "after", "identical", "summary": {...},
  /// "changes": [...]}`. Absent before/after values are left out.
  kJson,
};

/// How far `DiffFormat::kStat` breaks its counts down.
enum class StatDetail {
  kWriter,     ///< one line per writer (`--stat`, `--stat=writer`)
  kComponent,  ///< and per component and directory (`--stat=component`)
};

struct DiffReportOptions {
  DiffFormat format = DiffFormat::kText;
  /// For `DiffFormat::kStat` only.
  StatDetail stat_detail = StatDetail::kWriter;
  /// ANSI colours in text forms: + green, - red, ~ yellow, > cyan, breaking
  /// in bold red.
  bool color = false;
  /// Names of the two inputs, for the JSON `before`/`after` members and the
  /// text header line (`--- OLD` / `+++ NEW`, omitted when both are empty).
  std::string before_name;
  std::string after_name;
  /// Words added to the summary's count of hidden changes, after `instance
  /// and snapshot set ids` (e.g. how the caller's user shows them); none
  /// when empty.
  std::string hidden_note;
  /// Words added in parentheses to the summary's count of ignored changes;
  /// none when empty.
  std::string ignored_note;
};

/// Writes `diff` in `options.format`.
VSSMETA_EXPORT void write_diff(const MetadataDiff& diff, std::ostream& out,
                               const DiffReportOptions& options = {});

}  // namespace vssmeta
