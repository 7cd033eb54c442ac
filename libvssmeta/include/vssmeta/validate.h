// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// The rule checker behind `vssmeta validate`. Every rule has a stable id, a
/// default severity, a one-line summary, an explanation citing the VSS
/// documentation, and a pure check function; all rules live in one table
/// (catalogue: docs/rules.md, `--list-rules`). validate() never fails
/// because the content is bad: findings are data.

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
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
  /// How a file reads: the loader's warnings (guid-case, unknown-element,
  /// skipped-file, ...), given to validate() with the capture.
  kDocument,
};

/// "writer", "writer-set", "backup", "cross-document", "document".
VSSMETA_EXPORT const char* to_string(RuleScope scope);

/// Whom a rule's findings address.
enum class Audience {
  /// The backup operator: what was loaded and selected, what the backup
  /// did (BCD, cross-document and document rules).
  kOperator,
  /// A writer's author: how a writer describes itself (WMD and writer-set
  /// rules).
  kAuthor,
};

/// "operator", "author".
VSSMETA_EXPORT const char* to_string(Audience audience);

/// Everything about a rule except its check.
struct RuleInfo {
  std::string_view id;  ///< stable, e.g. "WMD013"
  Severity severity;    ///< default
  RuleScope scope;
  std::string_view summary;      ///< one line
  std::string_view explanation;  ///< a paragraph, in plain words
  /// The documentation it rests on: full Microsoft Learn addresses,
  /// separated by "; ", or a note where no page says it (tool policy).
  std::string_view reference;
  Audience audience = Audience::kOperator;
  /// Why the rule has its severity: what the real captures and the
  /// documented behaviour of Microsoft's writers show about false positives.
  std::string_view evidence{};
  /// The first Microsoft Learn address of `reference`, or empty.
  std::string_view help_uri{};
};

/// The rule table, sorted by id.
VSSMETA_EXPORT std::span<const RuleInfo> rules();

/// The rule with this id (case-insensitive), or nullptr.
VSSMETA_EXPORT const RuleInfo* find_rule(std::string_view id);

namespace internal {
struct FindingLabels;
}  // namespace internal

/// One finding: a Diagnostic (rule id as code, severity after overrides,
/// message, file:line:col) plus who it is about and what to do. The writer
/// and component labels and the hint are read as views into text the
/// finding owns; findings about the same writer or component, and copies
/// of a finding, share that text instead of copying it. A moved-from
/// finding has empty labels and hint.
class VSSMETA_EXPORT Finding {
 public:
  Finding() = default;
  /// A finding with its own copies of the labels and the hint.
  explicit Finding(Diagnostic d, std::string_view writer = {},
                   std::string_view component = {}, std::string_view hint = {});

  Diagnostic diagnostic;
  /// Set when the finding is about a writer rebuilt from text: where that
  /// writer starts in the text (its `from_text->where`). Outputs add
  /// reconstructed_from_text_note(); rules that read a field the text
  /// never carries (unknown_from_text()) make no finding about such a
  /// writer.
  std::optional<Location> writer_from_text;

  /// "Name {class-id}", empty for document rules.
  std::string_view writer() const { return writer_.view; }
  /// `Writer:\logical\path\name`, or empty.
  std::string_view component() const { return component_.view; }
  /// What to do about it, or empty.
  std::string_view hint() const { return hint_.view; }

  /// By content: the diagnostic, the labels and the hint.
  friend bool operator==(const Finding& a, const Finding& b) {
    return a.diagnostic == b.diagnostic &&
           a.writer_from_text == b.writer_from_text &&
           a.writer() == b.writer() && a.component() == b.component() &&
           a.hint() == b.hint();
  }

 private:
  friend struct internal::FindingLabels;
  // A view kept valid by `owner` (null when the text is static).
  struct Text {
    std::shared_ptr<const void> owner;
    std::string_view view;

    Text() = default;
    Text(std::shared_ptr<const void> o, std::string_view v)
        : owner(std::move(o)), view(v) {}
    Text(const Text&) = default;
    Text& operator=(const Text&) = default;
    Text(Text&& other) noexcept
        : owner(std::move(other.owner)), view(std::exchange(other.view, {})) {}
    Text& operator=(Text&& other) noexcept {
      owner = std::move(other.owner);
      view = std::exchange(other.view, {});
      return *this;
    }
    ~Text() = default;
  };
  Text writer_;
  Text component_;
  Text hint_;
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

/// What validate() found, sorted by severity (errors first), then file,
/// line, column and rule id; read it like a vector, or ask the questions
/// MetadataDiff answers the same way.
struct Findings {
  std::vector<Finding> items;
  /// Findings below ValidateOptions::min_severity: counted, not returned
  /// (no finding is built for them).
  FindingCounts hidden;

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
  /// Findings below this severity are not returned, only counted
  /// (Findings::hidden).
  Severity min_severity = Severity::kInfo;
  /// kAuthor runs every rule. kOperator runs the operator rules, and the
  /// author rules only at warning and above and only for writers that are
  /// not Microsoft's own (known_writers.h): what those writers say of
  /// themselves is not the operator's to change. Author findings left out
  /// so are not counted.
  Audience audience = Audience::kAuthor;
};

/// Runs every enabled rule over the capture: WMD rules on each writer, set
/// rules on all writers, BCD rules on each BCD, cross-document rules on each
/// BCD with the capture's writers. Findings are sorted by severity (errors
/// first), then file, line, column, rule id. Linear or n log n in
/// components and files.
VSSMETA_EXPORT Findings validate(const CaptureSet& capture,
                                 const ValidateOptions& options = {});

/// The same, with the warnings load() gave for the capture: each becomes a
/// finding of the document rule named by its code (guid-case,
/// unknown-value, skipped-file, ...; an unlisted code is reported under
/// `load-warning`), with that rule's severity and subject to `disabled`,
/// `severity` and `min_severity`. Unknown enumeration spellings are then
/// left to `unknown-value` rather than reported again by WMD004/005/007/011.
VSSMETA_EXPORT Findings validate(const CaptureSet& capture,
                                 const ValidateOptions& options,
                                 std::span<const Diagnostic> load_warnings);

}  // namespace vssmeta
