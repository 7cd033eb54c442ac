// SPDX-License-Identifier: MIT
// plan_restore(): the documents' roles, the selection, then per writer its
// components' restore sets and destinations, events, services and reboot,
// and last the ordered steps.
#include "vssmeta/restore_plan.h"

#include <algorithm>
#include <map>

#include "restore/plan_internal.h"

namespace vssmeta {

const char* to_string(WriterEvents events) {
  switch (events) {
    case WriterEvents::kNone:
      return "none";
    case WriterEvents::kPreRestoreIfFailure:
      return "pre-restore, post-restore if replacing fails";
    case WriterEvents::kBoth:
      return "pre-restore and post-restore";
    case WriterEvents::kUnknown:
      break;
  }
  return "unknown";
}

const char* to_string(FileDestination destination) {
  switch (destination) {
    case FileDestination::kOriginal:
      return "original";
    case FileDestination::kOriginalIfAbsent:
      return "original-if-absent";
    case FileDestination::kOriginalIfReplaceable:
      return "original-if-replaceable";
    case FileDestination::kAlternateLocation:
      return "alternate-location";
    case FileDestination::kNewTarget:
      return "new-target";
    case FileDestination::kDirected:
      return "directed";
    case FileDestination::kAtReboot:
      return "at-reboot";
    case FileDestination::kAtRebootIfInUse:
      return "at-reboot-if-in-use";
    case FileDestination::kCustom:
      return "custom";
    case FileDestination::kUnmapped:
      break;
  }
  return "unmapped";
}

Result<RestorePlan> plan_restore(const CaptureSet& capture,
                                 const RestorePlanOptions& options) {
  using namespace internal::restore;  // NOLINT(google-build-using-namespace)
  const Inputs in = classify(capture);
  FindingSink sink;
  std::optional<Error> error;
  const std::vector<Selected> selected = select(in, options, sink, error);
  if (error) return *error;

  RestorePlan plan;
  for (const Inputs::Step& s : in.chain) {
    plan.backup_documents.push_back(name_of(s.any()));
  }
  if (in.restore) plan.restore_document = name_of(*in.restore);

  // One plan per writer, its components in document order.
  std::map<std::size_t, std::vector<const Selected*>> by_writer;
  for (const Selected& s : selected) by_writer[s.writer].push_back(&s);
  const Restored restored = restored_components(in, selected);
  for (auto& [w, list] : by_writer) {
    std::sort(list.begin(), list.end(),
              [](const Selected* a, const Selected* b) {
                return a->component < b->component;
              });
    list.erase(std::unique(list.begin(), list.end(),
                           [](const Selected* a, const Selected* b) {
                             return a->component == b->component;
                           }),
               list.end());
    WriterPlan& wp = plan.writers.emplace_back();
    wp.writer = w;
    const WriterMetadata& wmd = capture.writers[w];
    for (const Selected* s : list) {
      ComponentPlan& cp = wp.components.emplace_back();
      cp.component = s->component;
      cp.path = wmd.components[s->component].full_path();
      cp.selected_as = s->as;
      if (s->parent) {
        cp.parent_component = s->parent;
        cp.parent = wmd.components[*s->parent].full_path();
      }
    }
    plan_sets(in, restored, wp, sink);
    plan_writer(in, options, wp, sink);
  }
  check_asr(in, restored, sink);
  std::stable_sort(
      plan.writers.begin(), plan.writers.end(),
      [](const WriterPlan& a, const WriterPlan& b) { return a.name < b.name; });
  plan_steps(in, plan);
  plan.findings = sink.take();
  return plan;
}

}  // namespace vssmeta
