// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// The rule checker behind `vssmeta validate`. Every rule has a stable id, a
/// default severity, a one-line summary, an explanation citing the VSS
/// documentation, and a pure check function; all rules live in one table
/// (catalogue: ../shared/docs/vss-domain.md §4). validate() never fails
/// because the content is bad: findings are data.

#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vssmeta/capture_set.h"
#include "vssmeta/diagnostic.h"
#include "vssmeta/export.h"

namespace vssmeta {

/// What a rule looks at.
enum class RuleScope {
  kWriter,         ///< one WMD (WMDxxx)
  kWriterSet,      ///< several WMDs captured together (SETxxx)
  kBackup,         ///< one BCD alone (BCDxxx)
  kCrossDocument,  ///< a BCD and the WMDs of the same capture (XREFxxx)
};

/// "writer", "writer-set", "backup", "cross-document".
VSSMETA_EXPORT const char* to_string(RuleScope scope);

/// Everything about a rule except its check.
struct RuleInfo {
  std::string_view id;  ///< stable, e.g. "WMD013"
  Severity severity;    ///< default
  RuleScope scope;
  std::string_view summary;      ///< one line
  std::string_view explanation;  ///< a paragraph, in plain words
  std::string_view reference;    ///< documentation page(s) it rests on
};

/// The rule table, sorted by id.
VSSMETA_EXPORT std::span<const RuleInfo> rules();

/// The rule with this id (case-insensitive), or nullptr.
VSSMETA_EXPORT const RuleInfo* find_rule(std::string_view id);

/// One finding: a Diagnostic (rule id as code, severity after overrides,
/// message, file:line:col) plus who it is about and what to do.
struct Finding {
  Diagnostic diagnostic;
  std::string writer;     ///< "Name {class-id}", empty for document rules
  std::string component;  ///< `Writer:\logical\path\name`, or empty
  std::string hint;       ///< what to do about it

  friend bool operator==(const Finding&, const Finding&) = default;
};

struct ValidateOptions {
  /// Rules not to run.
  std::set<std::string, std::less<>> disabled;
  /// Per-rule severity overrides.
  std::map<std::string, Severity, std::less<>> severity;
  /// Findings below this severity are not returned.
  Severity min_severity = Severity::kInfo;
};

/// Runs every enabled rule over the capture: WMD rules on each writer, set
/// rules on all writers, BCD rules on each BCD, cross-document rules on each
/// BCD with the capture's writers. Findings are sorted by file, line,
/// column, rule id. Linear or n log n in components and files.
VSSMETA_EXPORT std::vector<Finding> validate(
    const CaptureSet& capture, const ValidateOptions& options = {});

}  // namespace vssmeta
