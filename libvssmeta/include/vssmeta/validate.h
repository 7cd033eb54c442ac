// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// The rule checker behind `vssmeta validate`. Every rule has a stable id, a
/// default severity, a one-line summary, an explanation citing the VSS
/// documentation, and a pure check function; all rules live in one table
/// (catalogue: ../shared/docs/vss-domain.md §4). validate() never fails
/// because the content is bad: findings are data.

#include <cstddef>
#include <map>
#include <memory>
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

/// An immutable string that findings share: the label of a writer or a
/// component is the same in all of its findings, and most hints are
/// constant text, so copying one copies a pointer, not the characters.
/// Read it as a std::string_view (view(), or the implicit conversion); a
/// moved-from SharedString is empty.
class VSSMETA_EXPORT SharedString {
 public:
  SharedString() = default;
  /// Owns `text`; copies share it.
  SharedString(std::string text);  // NOLINT: implicit, as std::string's
  SharedString(const char* text) : SharedString(std::string(text)) {}
  /// Shares `text` (null: empty).
  explicit SharedString(std::shared_ptr<const std::string> text);
  /// Refers to `text` without copying it: only for text of static storage
  /// duration (string literals), which outlives every copy.
  static SharedString literal(std::string_view text);

  SharedString(const SharedString&) = default;
  SharedString& operator=(const SharedString&) = default;
  SharedString(SharedString&& other) noexcept;
  SharedString& operator=(SharedString&& other) noexcept;
  ~SharedString() = default;

  std::string_view view() const { return view_; }
  operator std::string_view() const { return view_; }  // NOLINT
  std::string str() const { return std::string(view_); }
  bool empty() const { return view_.empty(); }

  friend bool operator==(const SharedString& a, const SharedString& b) {
    return a.view_ == b.view_;
  }
  friend bool operator==(const SharedString& a, std::string_view b) {
    return a.view_ == b;
  }
  friend bool operator==(const SharedString& a, const std::string& b) {
    return a.view_ == b;
  }
  friend bool operator==(const SharedString& a, const char* b) {
    return a.view_ == b;
  }

 private:
  std::shared_ptr<const std::string> owner_;  // null for literals
  std::string_view view_;
};

/// One finding: a Diagnostic (rule id as code, severity after overrides,
/// message, file:line:col) plus who it is about and what to do.
struct Finding {
  Diagnostic diagnostic;
  SharedString writer;     ///< "Name {class-id}", empty for document rules
  SharedString component;  ///< `Writer:\logical\path\name`, or empty
  SharedString hint;       ///< what to do about it

  friend bool operator==(const Finding&, const Finding&) = default;
};

/// Findings per severity.
struct FindingCounts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;

  std::size_t total() const { return errors + warnings + infos; }
  /// Findings of `severity` or more severe.
  VSSMETA_EXPORT std::size_t at_least(Severity severity) const;
};

/// What validate() found, sorted by file, line, column and rule id; read it
/// like a vector, or ask the questions MetadataDiff answers the same way.
struct Findings {
  std::vector<Finding> items;

  bool empty() const { return items.empty(); }
  std::size_t size() const { return items.size(); }
  const Finding& operator[](std::size_t i) const { return items[i]; }
  std::vector<Finding>::const_iterator begin() const { return items.begin(); }
  std::vector<Finding>::const_iterator end() const { return items.end(); }

  /// The number of findings of one severity.
  VSSMETA_EXPORT std::size_t count(Severity severity) const;
  /// The numbers of findings per severity.
  VSSMETA_EXPORT FindingCounts counts() const;
  /// True when some finding is an error.
  bool has_errors() const { return count(Severity::kError) != 0; }
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
VSSMETA_EXPORT Findings validate(const CaptureSet& capture,
                                 const ValidateOptions& options = {});

}  // namespace vssmeta
