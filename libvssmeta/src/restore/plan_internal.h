// SPDX-License-Identifier: MIT
#pragma once
// The pieces plan_restore() is made of, one file per concept:
//   inputs.cc        which BCD is the backup, which the restore, the chain
//   selection.cc     what is restored, restore sets, dependencies, chains
//   destinations.cc  where each file set goes (methods, targets, mappings)
//   writer_events.cc services, writer events, reboot
//   steps.cc         the requester's ordered steps
//   rules.cc         the rule table and the finding sink
//   restore_plan.cc  plan_restore() itself

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "vssmeta/restore_plan.h"
#include "vssmeta/selection.h"

namespace vssmeta::internal::restore {

/// Rule ids, in table order.
enum class RuleId {
  kNoWriterEvents,        // RST001
  kUnmappedAlternate,     // RST002
  kTargetMatchesNothing,  // RST003
  kNewTargetUnsupported,  // RST004
  kMoveUnsupported,       // RST005
  kRestoreFieldSchema,    // RST006
  kChainUnsupported,      // RST007
  kChainFlag,             // RST008
  kImplicitSelected,      // RST009
  kNotInBackup,           // RST010
  kDependencyLeftOut,     // RST011
  kServiceWithoutName,    // RST012
  kWriterAbsent,          // RST013
  kAsrCriticalVolume,     // RST014
};

const RuleInfo& rule(RuleId id);

/// Collects findings; sorted once at the end.
class FindingSink {
 public:
  void add(RuleId id, const std::string& file, Origin where,
           const std::string& writer, const std::string& component,
           std::string message, std::string hint);
  Findings take();

 private:
  std::vector<Finding> items_;
};

/// `Name {class-id}`, `Name:\path\name`.
std::string writer_label(const WriterMetadata& w);
std::string component_label(const WriterMetadata& w, const std::string& path);

/// A BCD component found in the capture's WMDs.
struct BcdRef {
  const BackupComponents* document = nullptr;
  const WriterComponents* entry = nullptr;
  const BcdComponent* component = nullptr;
};

/// The documents' roles and the per-writer facts every part reads.
struct Inputs {
  const CaptureSet* capture = nullptr;
  /// One backup (BCDs with the same snapshot set id, or a BCD without
  /// one): the backup-time document and the restore-time one
  /// (BackupComponents::is_restore_time()), either may be null.
  struct Step {
    const BackupComponents* backup = nullptr;
    const BackupComponents* restore = nullptr;
    const BackupComponents& any() const { return backup ? *backup : *restore; }
  };
  /// The backups, full (or copy) first, then the rest in input order.
  std::vector<Step> chain;
  /// The restore-time BCD of the last step that has one: the restore's
  /// selection and settings.
  const BackupComponents* restore = nullptr;
  /// One index per writer of the capture.
  std::vector<ComponentIndex> indexes;
  /// Per writer: the components some backup BCD lists explicitly, with
  /// the (last) BCD component naming it.
  std::vector<std::map<std::size_t, BcdRef>> in_backup;
  /// Per writer: the components the restore BCD lists.
  std::vector<std::map<std::size_t, BcdRef>> in_restore;
  /// Per writer and chain step: the step's entry for the writer (restore
  /// document first), null when the step lacks the writer.
  std::vector<std::vector<const WriterComponents*>> chain_entries;
  /// Per writer: per component some step lists, the steps (ascending)
  /// and that step's BCD component (restore document first).
  std::vector<std::map<
      std::size_t, std::vector<std::pair<std::size_t, const BcdComponent*>>>>
      steps_of;
};

/// Sorts the documents into roles and resolves every BCD component.
Inputs classify(const CaptureSet& capture);

/// A component the plan restores.
struct Selected {
  std::size_t writer = 0;
  std::size_t component = 0;
  SelectedAs as = SelectedAs::kExplicit;
  std::optional<std::size_t> parent;  // for kSubcomponent
};

/// What is restored: from options.select, else the restore BCD's
/// selected-for-restore components (and their restore subcomponents),
/// else everything the backup holds. Reports RST009/RST010 and fills
/// `error` for references that name nothing.
std::vector<Selected> select(const Inputs& in, const RestorePlanOptions& opt,
                             FindingSink& sink, std::optional<Error>& error);

/// Per writer: what the selection restores (explicit = selected or added
/// as restore subcomponent; implicit = restored with one of those), or
/// nullopt for writers not in the plan.
using Restored = std::vector<std::optional<InclusionResult>>;
Restored restored_components(const Inputs& in,
                             const std::vector<Selected>& all);

/// Fills the restore sets, dependencies and chains of a writer plan's
/// components, and reports RST007, RST008, RST011.
void plan_sets(const Inputs& in, const Restored& restored, WriterPlan& out,
               FindingSink& sink);

/// Fills `out.files` (of the components `set` of writer `w`) and the
/// restore settings the restore BCD has for component `listed`, and
/// reports RST002..RST004 and RST006.
void plan_destinations(const Inputs& in, std::size_t w,
                       const std::vector<std::size_t>& set, std::size_t listed,
                       ComponentPlan& out, FindingSink& sink);

/// Fills events, services and reboot of a writer plan (components set),
/// reporting RST001, RST003 (the WMD's mappings), RST005, RST012, RST013.
void plan_writer(const Inputs& in, const RestorePlanOptions& opt,
                 WriterPlan& out, FindingSink& sink);

/// RST014 over the whole selection.
void check_asr(const Inputs& in, const Restored& restored, FindingSink& sink);

/// The requester's steps and the plan's summary lists.
void plan_steps(const Inputs& in, RestorePlan& plan);

/// The document's name for findings and the plan.
inline const std::string& name_of(const BackupComponents& b) {
  return b.source.name;
}

}  // namespace vssmeta::internal::restore
