// SPDX-License-Identifier: MIT
// The requester's ordered steps, after "Overview of Processing a Restore
// Under VSS" (https://learn.microsoft.com/en-us/windows/win32/vss/
// overview-of-processing-a-restore-under-vss) and its pages on restore
// initialisation, preparing for restore, actual file restoration and clean
// up; services as "Stopping Services for Restore by Requestors" orders them.
#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "restore/plan_internal.h"

namespace vssmeta::internal::restore {
namespace {

constexpr std::size_t kListed = 10;  // components named per writer and step

std::string list_components(const WriterPlan& w, bool subcomponents) {
  std::vector<std::string> names;
  for (const ComponentPlan& c : w.components) {
    if ((c.selected_as == SelectedAs::kSubcomponent) != subcomponents) continue;
    names.push_back(subcomponents
                        ? fmt::format("\\{} (under \\{})", c.path, c.parent)
                        : "\\" + c.path);
  }
  if (names.empty()) return {};
  std::string out = fmt::format("{}: ", w.name);
  for (std::size_t i = 0; i < names.size() && i < kListed; ++i) {
    if (i != 0) out += ", ";
    out += names[i];
  }
  if (names.size() > kListed) {
    out += fmt::format(" ... and {} more", names.size() - kListed);
  }
  return out;
}

std::string how_copied(const WriterPlan& w) {
  if (!w.method) return "no restore method: copy to the original paths";
  switch (*w.method) {
    case RestoreMethodType::kRestoreIfNotThere:
      return "only where none of the files exists (else the alternate "
             "location, if mapped)";
    case RestoreMethodType::kRestoreIfCanReplace:
      return "replacing the files only if every one can be replaced (else "
             "the alternate location, if mapped)";
    case RestoreMethodType::kStopRestoreStart:
      return "with its service stopped";
    case RestoreMethodType::kRestoreToAlternateLocation:
      return "to the alternate location mappings";
    case RestoreMethodType::kRestoreAtReboot:
      return "staged; they replace the originals at the next reboot";
    case RestoreMethodType::kRestoreAtRebootIfCannotReplace:
      return "replacing the originals, or staged until the next reboot "
             "where they are in use";
    case RestoreMethodType::kCustom:
      return "by the writer's own procedure, not by copying";
    case RestoreMethodType::kRestoreStopStart:
      return "to the original paths; the service restarts after PostRestore";
    default:
      return "method undefined: copy to the original paths";
  }
}

std::size_t file_count(const WriterPlan& w) {
  std::size_t n = 0;
  for (const ComponentPlan& c : w.components) n += c.files.size();
  return n;
}

}  // namespace

void plan_steps(const Inputs& in, RestorePlan& plan) {
  std::vector<std::string> pre, post, post_if, service_before, service_after;
  for (const WriterPlan& w : plan.writers) {
    if (w.reboot_required) plan.reboot_required = true;
    if (!w.reboot_reasons.empty()) plan.reboot_possible = true;
    if (w.events == WriterEvents::kNone) plan.without_events.push_back(w.name);
    if (w.events == WriterEvents::kBoth || w.events == WriterEvents::kUnknown) {
      pre.push_back(w.name);
      post.push_back(w.name);
    } else if (w.events == WriterEvents::kPreRestoreIfFailure) {
      pre.push_back(w.name);
      post_if.push_back(w.name);
    }
    if (w.service_timing != ServiceTiming::kNone) {
      plan.services.push_back(
          ServiceStop{w.service.value_or(""), w.name, w.service_timing});
      (w.service_timing == ServiceTiming::kAroundCopy ? service_before
                                                      : service_after)
          .push_back(fmt::format(
              "{} ({})", w.service.value_or("<no service named>"), w.name));
    }
  }
  auto joined = [](const std::vector<std::string>& v) {
    return fmt::format("{}", fmt::join(v, ", "));
  };
  auto& steps = plan.steps;

  RestoreStep init{"Initialise for restore", {}};
  init.details.push_back(fmt::format(
      "InitializeForRestore with the saved backup components document{}",
      plan.backup_documents.empty()
          ? std::string(" (none given: the selection is the backup)")
          : " " + plan.backup_documents.front()));
  init.details.emplace_back(
      "GatherWriterMetadata: the target's writers identify themselves; "
      "compare them with the saved writer metadata");
  if (in.chain.size() > 1) {
    std::vector<std::string> order;
    for (const Inputs::Step& s : in.chain) {
      order.push_back(fmt::format(
          "{} ({})", name_of(s.any()),
          to_xml(s.any().backup_type.value_or(BackupType::kUndefined))));
    }
    init.details.push_back(fmt::format(
        "{} backups are restored in this order, steps 2 to the copy and "
        "PostRestore once each: {}",
        in.chain.size(), joined(order)));
  }
  steps.push_back(std::move(init));

  RestoreStep sel{"Select components", {}};
  std::vector<std::string> custom;
  for (const WriterPlan& w : plan.writers) {
    if (w.events == WriterEvents::kNone) continue;
    if (w.method == RestoreMethodType::kCustom) {
      const auto& rm = in.capture->writers[w.writer].restore_method;
      custom.push_back(
          rm && rm->user_procedure && !rm->user_procedure->empty()
              ? fmt::format("{} (procedure: {})", w.name, *rm->user_procedure)
              : w.name);
      continue;
    }
    if (std::string s = list_components(w, false); !s.empty()) {
      sel.details.push_back("SetSelectedForRestore " + s);
    }
    if (std::string s = list_components(w, true); !s.empty()) {
      sel.details.push_back("AddRestoreSubcomponent " + s);
    }
  }
  if (!plan.without_events.empty()) {
    sel.details.push_back(
        fmt::format("do not select (restored without writer participation): {}",
                    joined(plan.without_events)));
  }
  if (!custom.empty()) {
    sel.details.push_back(fmt::format(
        "restored by the writer's own procedure (CUSTOM), not by this "
        "sequence: {}",
        joined(custom)));
  }
  steps.push_back(std::move(sel));

  RestoreStep opts{"Set restore options", {}};
  opts.details.emplace_back("SetRestoreState(VSS_RTYPE_BY_COPY)");
  for (const WriterPlan& w : plan.writers) {
    for (const ComponentPlan& c : w.components) {
      if (c.chain.size() > 1) {
        opts.details.push_back(fmt::format(
            "SetAdditionalRestores {}:\\{}: true on every restore but the "
            "last ({})",
            w.name, c.path, c.chain.back().document));
      }
      std::size_t nt = 0;
      for (const FileSetPlan& f : c.files) {
        if (f.destination == FileDestination::kNewTarget) ++nt;
      }
      if (nt != 0) {
        opts.details.push_back(
            fmt::format("AddNewTarget {}:\\{}: {} file set{}", w.name, c.path,
                        nt, nt == 1 ? "" : "s"));
      }
      if (c.restore_options) {
        opts.details.push_back(fmt::format("SetRestoreOptions {}:\\{}: {}",
                                           w.name, c.path, *c.restore_options));
      }
    }
  }
  steps.push_back(std::move(opts));

  if (!pre.empty()) {
    steps.push_back(RestoreStep{
        "PreRestore",
        {fmt::format("writers: {}", joined(pre)),
         "then read each component's restore target and directed targets "
         "(GetRestoreTarget): a writer may redirect its files"}});
  }
  if (!service_before.empty()) {
    steps.push_back(RestoreStep{"Stop services",
                                {fmt::format("{}", joined(service_before))}});
  }
  RestoreStep copy{"Copy files", {}};
  for (const WriterPlan& w : plan.writers) {
    copy.details.push_back(
        fmt::format("{}: {} file set{}, {}", w.name, file_count(w),
                    file_count(w) == 1 ? "" : "s", how_copied(w)));
  }
  steps.push_back(std::move(copy));
  if (!service_before.empty()) {
    steps.push_back(RestoreStep{"Start services",
                                {fmt::format("{}", joined(service_before))}});
  }
  RestoreStep done{"PostRestore", {}};
  done.details.emplace_back(
      "SetFileRestoreStatus for every selected component");
  if (!post.empty()) done.details.push_back("writers: " + joined(post));
  if (!post_if.empty()) {
    done.details.push_back("only if replacing their files failed: " +
                           joined(post_if));
  }
  steps.push_back(std::move(done));
  if (!service_after.empty()) {
    steps.push_back(RestoreStep{"Stop and restart services",
                                {fmt::format("{}", joined(service_after))}});
  }
  if (plan.reboot_possible) {
    RestoreStep reboot{plan.reboot_required ? "Reboot" : "Reboot if needed",
                       {}};
    for (const WriterPlan& w : plan.writers) {
      for (const std::string& r : w.reboot_reasons) {
        reboot.details.push_back(fmt::format("{}: {}", w.name, r));
      }
    }
    steps.push_back(std::move(reboot));
  }
}

}  // namespace vssmeta::internal::restore
