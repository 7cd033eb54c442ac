// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// Renderers for validation: the findings in the GCC-style text form
/// editors and CI annotators parse, a JSON form with a schema
/// (schemas/validate.schema.json) or SARIF 2.1.0 for code-scanning tools;
/// and the rule table. None writes anywhere but the given stream.

#include <ostream>
#include <span>
#include <string>

#include "vssmeta/export.h"
#include "vssmeta/validate.h"

namespace vssmeta {

/// The forms of write_findings().
enum class FindingsFormat {
  /// `file:line:col: severity: message [RULE]`, then `    hint: ...`, one
  /// finding after the other, and a summary line.
  kText,
  /// `{"format": "vssmeta-validate", "version": 1, "findings": [...],
  /// "summary": {..., "hidden": {...}}}`.
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

/// The text form's last line: `N errors, N warnings, N infos`, and when
/// findings were hidden (Findings::hidden) how many and how to show them,
/// e.g. `0 errors, 0 warnings (3 infos not shown: --show info or
/// --min-severity info)`; the infos count is left out while infos are
/// hidden.
VSSMETA_EXPORT std::string summary_line(const Findings& findings);

/// One line per rule: id, severity, audience, scope, summary.
VSSMETA_EXPORT void write_rule_list(std::span<const RuleInfo> rules,
                                    std::ostream& out);

/// A rule's id, severity, scope and audience, summary, explanation, the
/// evidence for its severity and its documentation (Learn addresses).
VSSMETA_EXPORT void write_rule_explanation(const RuleInfo& rule,
                                           std::ostream& out);

}  // namespace vssmeta
