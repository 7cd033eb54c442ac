// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// Selectability and logical-path semantics: which components are ancestors
/// of which, the backup class of every component, and which components a
/// backup includes explicitly or implicitly. A component is an ancestor of
/// another when its `logical path\name` is that one's logical path or a
/// prefix of it ending at a `\`. A nonselectable component without a
/// selectable ancestor is required (added explicitly whenever its writer
/// takes part); a selectable one without such an ancestor may be added; a
/// component below a selectable one is a subcomponent, included implicitly
/// when that ancestor is included. Paths and names match case-insensitively,
/// as Windows does;
/// undeclared intermediate path elements are allowed.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vssmeta/export.h"
#include "vssmeta/writer_metadata.h"

namespace vssmeta {

namespace internal {
class PathTree;
}  // namespace internal

/// How a component can take part in a backup (§3.2).
enum class BackupClass {
  kRequired,          ///< R: not selectable, no selectable ancestor
  kOptionalTop,       ///< O: selectable, no selectable ancestor
  kNonselectableSub,  ///< N: not selectable, has a selectable ancestor
  kSelectableSub,     ///< S: selectable, has a selectable ancestor
};

/// "required", "optional", "nonselectable subcomponent",
/// "selectable subcomponent".
VSSMETA_EXPORT const char* to_string(BackupClass c);

/// An index over one writer's components, built in time linear in the
/// total length of their paths (plus the number of ancestor links).
/// REQUIRES: the WriterMetadata outlives the index.
class VSSMETA_EXPORT ComponentIndex {
 public:
  explicit ComponentIndex(const WriterMetadata& wmd);

  const WriterMetadata& writer() const { return *wmd_; }
  std::size_t size() const { return ancestors_.size(); }

  /// Indices of the components at (logical path, name), case-insensitive;
  /// an absent and an empty logical path are the same. Several only in an
  /// invalid document.
  std::vector<std::size_t> find(const std::optional<std::string>& logical_path,
                                std::string_view name) const;

  /// Declared ancestors of component i (components whose full path is a
  /// prefix of i's logical path at an element boundary), nearest first.
  const std::vector<std::size_t>& ancestors(std::size_t i) const {
    return ancestors_[i];
  }
  /// The nearest ancestor selectable for backup, if any.
  std::optional<std::size_t> nearest_selectable_ancestor(std::size_t i) const;
  /// The nearest ancestor selectable for restore, if any.
  std::optional<std::size_t> nearest_restorable_ancestor(std::size_t i) const;
  BackupClass backup_class(std::size_t i) const { return classes_[i]; }
  /// Descendants of component i (all components having i as an ancestor).
  /// O(n · depth) per call: do not call it for every component.
  std::vector<std::size_t> descendants(std::size_t i) const;

 private:
  const WriterMetadata* wmd_;
  // The keys of every component's full path; per node of that tree the
  // first component there, and per component the next one at its node.
  std::shared_ptr<const internal::PathTree> paths_;
  std::vector<std::size_t> first_at_;
  std::vector<std::size_t> next_at_;
  std::vector<std::vector<std::size_t>> ancestors_;
  std::vector<BackupClass> classes_;
};

/// How a backup includes a component.
enum class Inclusion { kNone, kExplicit, kImplicit };

/// The inclusion closure of a set of explicitly added components (§3.2):
/// included(c) = explicit(c) or some selectable ancestor is included.
struct InclusionResult {
  std::vector<Inclusion> inclusion;  ///< per component
  /// For implicit components, the closest explicitly included ancestor
  /// (the "defining component").
  std::vector<std::optional<std::size_t>> defining;

  std::size_t count(Inclusion which) const;
};

/// Computes the closure for one writer. Explicit indices out of range are
/// ignored.
VSSMETA_EXPORT InclusionResult compute_inclusion(
    const ComponentIndex& index, const std::vector<std::size_t>& explicit_ids);

/// Parses `Writer:\logical\path\name` (the form the Windows tools print) into
/// a writer part and a component full path. The writer part may be a name or
/// a GUID; without a colon the whole text is the component path.
struct ComponentRef {
  std::string writer;
  std::string path;  ///< `logical\path\name`, no leading backslash
};
VSSMETA_EXPORT ComponentRef parse_component_ref(std::string_view text);

/// One component a reference names: indices into the writers resolved
/// against and into that writer's components.
struct ReferencedComponent {
  std::size_t writer = 0;
  std::size_t component = 0;
  BackupClass backup_class = BackupClass::kRequired;
  friend bool operator==(const ReferencedComponent&,
                         const ReferencedComponent&) = default;
};

/// Why a reference named nothing.
enum class ReferenceProblem {
  kNone,         ///< it named at least one component
  kNoWriter,     ///< no writer matches its writer part
  kNoComponent,  ///< writers match, none has the component
};

/// What one component reference resolved to.
struct ResolvedReference {
  std::string text;    ///< as given
  std::string writer;  ///< the writer part (the whole text without `:\\`)
  std::string path;    ///< the component's full path; empty: whole writer
  std::vector<std::size_t> writers;  ///< every writer the writer part names
  std::vector<ReferencedComponent> components;  ///< in writer order
  ReferenceProblem problem = ReferenceProblem::kNone;
  /// The path named no component but an organising node (ASR's `Volumes`):
  /// `components` are the topmost components below it.
  bool subtree = false;
  /// When the reference named nothing: the closest writer names
  /// (kNoWriter) or component full paths (kNoComponent), nearest first, at
  /// most three, only those a typo away.
  std::vector<std::string> candidates;
};

/// The selection of one writer: its explicit components and what they
/// include (InclusionResult says which are implicit and through which
/// ancestor).
struct WriterSelection {
  std::size_t writer = 0;                 ///< index into the writers
  std::vector<std::size_t> explicit_ids;  ///< sorted, unique
  InclusionResult inclusion;
  /// Backup classes and ancestors; refers to the writer's WriterMetadata,
  /// which must outlive it.
  ComponentIndex index;
};

/// A selection resolved against a capture's writers.
struct ResolvedSelection {
  /// Writers left with explicit components, in writer order.
  std::vector<WriterSelection> writers;
  /// The select references, then the exclude ones, in the order given.
  std::vector<ResolvedReference> references;

  /// The first reference that named nothing, or null.
  const ResolvedReference* first_unmatched() const;
};

/// Resolves component references against `writers` (null entries are
/// skipped: writers without metadata): `Writer:\logical\path\name`
/// names that component (paths and names compare case-insensitively,
/// empty path elements are ignored) in every writer the writer part
/// matches (writer_matches(): friendly or instance name, class or instance
/// id); `Writer` alone names its top-level components that a backup adds
/// explicitly (required and optional ones, BackupClass kRequired and
/// kOptionalTop). The `exclude` references remove components from what
/// `select` named. Unmatched references are reported, never fatal: the
/// caller decides (resolve_selection() for a live capture and the CLI's
/// simulated selections both start here).
VSSMETA_EXPORT ResolvedSelection
resolve_references(const std::vector<const WriterMetadata*>& writers,
                   const std::vector<std::string>& select,
                   const std::vector<std::string>& exclude = {});
/// The same over every writer of a capture.
VSSMETA_EXPORT ResolvedSelection
resolve_references(const std::vector<WriterMetadata>& writers,
                   const std::vector<std::string>& select,
                   const std::vector<std::string>& exclude = {});

/// The candidates every "no such name" message offers: the `names` a typo
/// away from `wanted` (edit distance ignoring ASCII case, a swap of two
/// neighbours one edit, at most a third of the length of its last `\`
/// element, at least one), then those that hold it written another way, as
/// at least half of their letters and digits, ignoring case ("SQL Server"
/// for SqlServerWriter), nearest first, at most three, each once.
VSSMETA_EXPORT std::vector<std::string> closest_names(
    const std::vector<std::string>& names, std::string_view wanted);

/// How every command words a reference that named nothing: "no writer 'X'
/// in the capture", "no component 'P' in writer 'W'" ("no component or path
/// 'P' in the capture" when it names no writer), followed by
/// " (closest: A, B)" when there are candidates.
VSSMETA_EXPORT std::string describe_unmatched(const ResolvedReference& r);

}  // namespace vssmeta
