// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// Renderers for validation findings: the GCC-style text form editors and
/// CI annotators parse, a JSON form with a schema
/// (schemas/validate.schema.json) and SARIF 2.1.0 for code-scanning tools. None
/// writes anywhere but the given stream.

#include <ostream>
#include <vector>

#include "vssmeta/export.h"
#include "vssmeta/validate.h"

namespace vssmeta {

/// Counts per severity.
struct FindingCounts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
};
VSSMETA_EXPORT FindingCounts count_findings(const std::vector<Finding>& f);

/// `file:line:col: severity: message [RULE]`, then `    hint: ...`, one
/// finding after the other, and a summary line.
VSSMETA_EXPORT void write_findings_text(const std::vector<Finding>& findings,
                                        std::ostream& out, bool color = false);

/// `{"format": "vssmeta-validate", "version": 1, "findings": [...],
/// "summary": {...}}`.
VSSMETA_EXPORT void write_findings_json(const std::vector<Finding>& findings,
                                        std::ostream& out);

/// A SARIF 2.1.0 log with one run, the rule table as the driver's rules and
/// one result per finding.
VSSMETA_EXPORT void write_findings_sarif(const std::vector<Finding>& findings,
                                         std::ostream& out);

/// The `--list-rules` table: id, severity, scope, summary.
VSSMETA_EXPORT void write_rule_list(std::ostream& out);

/// The `--explain RULE` text. REQUIRES: rule is from rules().
VSSMETA_EXPORT void write_rule_explanation(const RuleInfo& rule,
                                           std::ostream& out);

}  // namespace vssmeta
