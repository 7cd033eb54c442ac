// SPDX-License-Identifier: MIT
#pragma once
// The machinery every validation rule uses: the context a check reads (the
// capture and per-writer component indexes) and the reporter it writes to.
// Rules live in rules_wmd.cc, rules_set.cc, rules_bcd.cc and rules_xref.cc,
// one table each; validate.cc joins the tables and runs them.

#include <any>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <typeindex>
#include <unordered_map>
#include <vector>

#include "validate/shared_string.h"
#include "vssmeta/selection.h"
#include "vssmeta/validate.h"

namespace vssmeta::internal {

/// Read-only facts shared by all rules, computed once per validate() call.
class CheckContext {
 public:
  /// `load_warnings`: what load() said of the capture's files, or nullptr
  /// when the caller gave none (a capture built in code).
  CheckContext(const CaptureSet& capture,
               const std::span<const Diagnostic>* load_warnings = nullptr);

  const CaptureSet& capture() const { return *capture_; }
  /// The loader's warnings; empty when none were given.
  std::span<const Diagnostic> load_warnings() const {
    return load_warnings_ ? *load_warnings_ : std::span<const Diagnostic>();
  }
  /// Whether the caller gave the loader's warnings (even none): then the
  /// document rules report unknown spellings, and the WMD rules leave them.
  bool has_load_warnings() const { return load_warnings_ != nullptr; }
  /// The component index of capture().writers[i].
  const ComponentIndex& index(std::size_t writer) const {
    return indexes_[writer];
  }
  /// Indices into capture().writers of the WMDs of one writer class.
  const std::vector<std::size_t>& writers_of_class(const Guid& id) const;
  /// The WMD a BCD writer entry refers to: same class, and the same
  /// instance id or instance name when the class has several WMDs; nullopt
  /// when the capture has no WMD of that class.
  std::optional<std::size_t> writer_for(const WriterComponents& entry) const;

  /// Facts several rules derive from the same object (e.g. a BCD's entries
  /// resolved in the WMDs), computed once per validate() call: returns
  /// make()'s result, remembered under (`key`, T).
  template <typename T, typename Make>
  const T& memo(const void* key, Make&& make) const {
    std::any& slot = memo_[{key, std::type_index(typeid(T))}];
    if (!slot.has_value()) slot = T(make());
    return std::any_cast<const T&>(slot);
  }

 private:
  mutable std::map<std::pair<const void*, std::type_index>, std::any> memo_;
  const CaptureSet* capture_;
  const std::span<const Diagnostic>* load_warnings_;
  std::vector<ComponentIndex> indexes_;
  std::map<Guid, std::vector<std::size_t>> by_class_;
};

/// A finding's hint as a rule writes it: a string literal is referred to
/// (SharedString::literal), not copied; formatted text is owned.
struct Hint {
  template <std::size_t N>
  Hint(const char (&literal)[N])  // NOLINT: implicit, for literals only
      : text(SharedString::literal(std::string_view(literal, N - 1))) {}
  Hint(std::string owned) : text(std::move(owned)) {}  // NOLINT: implicit
  SharedString text;
};

/// Collects findings for the rule being run.
class Reporter {
 public:
  Reporter(std::vector<Finding>& out, FindingCounts& hidden,
           const ValidateOptions& options)
      : out_(out), hidden_(hidden), options_(options) {}

  /// Called by the engine before each rule.
  void begin(const RuleInfo& rule);

  /// Whether a finding at `severity` would be counted at all (returned or
  /// hidden): false for author findings below warning under
  /// Audience::kOperator. Rules with a finding on every component may ask
  /// before building the message.
  bool wanted(Severity severity) const {
    return !(author_filtered_ &&
             override_.value_or(severity) < Severity::kWarning);
  }

  /// Whether every finding of the current rule about `w` would be dropped
  /// uncounted, whatever its severity: an author rule under
  /// Audience::kOperator about one of Microsoft's writers, or a rule blind
  /// to what `w` lacks for being rebuilt from text. Rules whose work grows
  /// with a writer's size skip such writers (the file-set rules, over the
  /// ~450,000 file lists of a System Writer).
  bool silent_about(const WriterMetadata& w) const;

  /// A finding about a WMD, optionally about one of its components, at the
  /// rule's severity. `where` is the position of the offending element.
  void writer(const WriterMetadata& w, const Component* c, Origin where,
              std::string message, Hint hint);
  /// The same at a severity the rule chose from context (vss-domain.md §4:
  /// "info when ...", "unknown value: error"). A user override of the
  /// rule's severity still applies.
  void writer(Severity severity, const WriterMetadata& w, const Component* c,
              Origin where, std::string message, Hint hint);
  /// A finding about a BCD, optionally about one writer entry and one of
  /// its components, at the rule's severity. `wmd` names the writer when the
  /// capture has its WMD.
  void backup(const BackupComponents& b, const WriterComponents* entry,
              const BcdComponent* c, const WriterMetadata* wmd, Origin where,
              std::string message, Hint hint);
  /// The same at a severity chosen from context, as writer() above.
  void backup(Severity severity, const BackupComponents& b,
              const WriterComponents* entry, const BcdComponent* c,
              const WriterMetadata* wmd, Origin where, std::string message,
              Hint hint);
  /// A loader warning as a finding of the current (document) rule, at the
  /// rule's severity; `hint` may be empty.
  void document(const Diagnostic& d, std::string message, Hint hint);

  /// component_label(w, c), made once per component: rules with many
  /// findings on the same components use it in their messages.
  const std::string& label(const WriterMetadata& w, const Component& c);

  /// Sorts the findings by file, line, column and rule id, keeping the
  /// order of equal ones. O(n log n) over small keys, then one move each.
  void sort();

 private:
  // Whether a finding at `severity` (after the user's override) is kept;
  // counts it in hidden_ when it is only counted.
  bool keep(Severity severity, const WriterMetadata* w);

  struct Key {
    std::uint32_t severity;  // 0 error, 1 warning, 2 info: errors first
    std::uint32_t file;      // index into files_
    std::uint32_t line;
    std::uint32_t column;
    std::uint32_t rule;  // position of the rule id in rules()
  };

  void add(Severity severity, const std::string& file, Origin where,
           SharedString writer, SharedString component, std::string message,
           Hint hint);
  void add(Severity severity, const std::string& file, Location where,
           SharedString writer, SharedString component, std::string message,
           Hint hint);
  // The label of `key` (a writer or component), made by make() once.
  template <typename Make>
  const std::shared_ptr<const std::string>& cached(const void* key,
                                                   Make&& make);

  std::vector<Finding>& out_;
  FindingCounts& hidden_;
  const ValidateOptions& options_;
  const RuleInfo* rule_ = nullptr;
  std::optional<Severity> override_;  // the user's, for the current rule
  // An author rule under Audience::kOperator: warnings and errors about
  // writers that are not Microsoft's only.
  bool author_filtered_ = false;
  std::uint32_t rule_order_ = 0;
  std::vector<Key> keys_;  // one per finding in out_
  std::vector<const std::string*> files_;
  std::unordered_map<const std::string*, std::uint32_t> file_ids_;
  // Labels of writers and components, keyed by the object's address.
  std::unordered_map<const void*, std::shared_ptr<const std::string>> labels_;
  // The last writer, component and file reported about, to skip the
  // lookups above.
  const WriterMetadata* last_writer_ = nullptr;
  const std::shared_ptr<const std::string>* last_writer_label_ = nullptr;
  const Component* last_component_ = nullptr;
  const std::shared_ptr<const std::string>* last_component_label_ = nullptr;
  // The same for BCD writer entries: the label depends on the entry and
  // on whether the capture has its WMD.
  const WriterComponents* last_entry_ = nullptr;
  const WriterMetadata* last_entry_wmd_ = nullptr;
  SharedString last_entry_label_;
  const std::string* last_file_ = nullptr;
  std::uint32_t last_file_id_ = 0;
};

/// The parts joined, in one allocation: for messages of rules that may
/// report on every component (cheaper than fmt::format there).
std::string concat(std::initializer_list<std::string_view> parts);

/// `Name {class-id}` for messages.
std::string writer_label(const WriterMetadata& w);
/// `Name:\logical\path\name` (the Windows tools' form).
std::string component_label(const WriterMetadata& w, const Component& c);

/// Whether component `c` of writer entry `e` has a backup stamp while the
/// entry records a backup schema without VSS_BS_TIMESTAMPED: BCD028's case.
/// The schema recorded with the backup is the one the stamp was made under,
/// so XREF010 (the WMD's schema) leaves these stamps to BCD028.
inline bool stamp_without_recorded_timestamps(const WriterComponents& e,
                                              const BcdComponent& c) {
  return c.backup_stamp && e.backup_schema &&
         !has_schema_bit(*e.backup_schema, BackupSchema::kTimestamped);
}

/// A rule: its description and its check.
struct Rule {
  RuleInfo info;
  void (*check)(const CheckContext&, Reporter&);
};

std::span<const Rule> wmd_rules();           // WMD001..WMD022
std::span<const Rule> wmd_file_set_rules();  // WMD023
std::span<const Rule> wmd_more_rules();      // WMD024..WMD044
std::span<const Rule> set_rules();
std::span<const Rule> bcd_rules();          // BCD001..BCD017
std::span<const Rule> bcd_restore_rules();  // BCD018..BCD028
std::span<const Rule> xref_rules();         // XREF001..008, 023, 024, CASE
std::span<const Rule> xref_file_rules();    // XREF009..022, 025, 027
std::span<const Rule> document_rules();     // the loader's codes

/// The audience and the evidence for the severity of rule `id`
/// (rules_evidence.cc); every rule has a row.
struct RuleNotes {
  std::string_view id;
  Audience audience;
  std::string_view evidence;
};
const RuleNotes* find_notes(std::string_view id);

}  // namespace vssmeta::internal
