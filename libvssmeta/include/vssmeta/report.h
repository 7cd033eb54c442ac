// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// Renderers for validation: the findings in the GCC-style text form
/// editors and CI annotators parse, a JSON form with a schema
/// (schemas/validate.schema.json) or SARIF 2.1.0 for code-scanning tools;
/// and the rule table. None writes anywhere but the given stream.

#include <ostream>
#include <span>

#include "vssmeta/export.h"
#include "vssmeta/validate.h"

namespace vssmeta {

/// The forms of write_findings().
enum class FindingsFormat {
  /// `file:line:col: severity: message [RULE]`, then `    hint: ...`, one
  /// finding after the other, and a summary line.
  kText,
  /// `{"format": "vssmeta-validate", "version": 1, "findings": [...],
  /// "summary": {...}}`.
  kJson,
  /// A SARIF 2.1.0 log with one run, the rule table as the driver's rules
  /// and one result per finding.
  kSarif,
};

struct FindingsOptions {
  FindingsFormat format = FindingsFormat::kText;
  /// ANSI colour of the severity in text output.
  bool color = false;
};

/// Writes `findings` in `options.format`.
VSSMETA_EXPORT void write_findings(const Findings& findings, std::ostream& out,
                                   const FindingsOptions& options = {});

/// One line per rule: id, severity, scope, summary.
VSSMETA_EXPORT void write_rule_list(std::span<const RuleInfo> rules,
                                    std::ostream& out);

/// A rule's id, severity and scope, summary, explanation and reference.
VSSMETA_EXPORT void write_rule_explanation(const RuleInfo& rule,
                                           std::ostream& out);

}  // namespace vssmeta
