// SPDX-License-Identifier: MIT
// diagnose(): the verdict, the failures and the findings, around the
// coverage (coverage.cc) and the volumes (volumes.cc).
#include "vssmeta/diagnose.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "diagnose/coverage.h"
#include "diagnose/volumes.h"
#include "paths/windows_path.h"
#include "text/ascii.h"
#include "vssmeta/hresult.h"
#include "vssmeta/validate.h"

namespace vssmeta {
namespace {

using internal::VolumeContext;

std::string writer_name_of(const CaptureSet& capture,
                           const WriterComponents& e) {
  if (auto m = resolve_writer_entry(capture.writers, e)) {
    return capture.writers[m->writer].display_name();
  }
  return e.writer_id.to_braced_string();
}

void bcd_failures(const CaptureSet& capture, const BackupComponents& bcd,
                  std::vector<Failure>& out) {
  for (const WriterComponents& e : bcd.writers) {
    const std::string writer = writer_name_of(capture, e);
    for (const BcdComponent& c : e.components) {
      const Location where = locate(bcd.source.name, c.where);
      if (c.backup_succeeded == false) {
        Failure& f = out.emplace_back();
        f.kind = FailureKind::kBackupFailed;
        f.writer = writer;
        f.component = c.full_path();
        f.what = "backupSucceeded=\"no\"";
        f.message = "the requester recorded that its backup did not succeed";
        f.cause =
            "the writer or the copy of its files failed during the backup "
            "(SetBackupSucceeded was called with false)";
        f.action =
            "do not rely on this component's backup: fix the cause given in "
            "its failure message or the writer's status, then back it up "
            "again";
        f.where = where;
      }
      const std::pair<const char*, const std::optional<std::string>*>
          messages[] = {
              {"prepareForBackupFailureMsg",
               &c.prepare_for_backup_failure_message},
              {"postSnapshotFailureMsg", &c.post_snapshot_failure_message},
              {"preRestoreFailureMsg", &c.pre_restore_failure_message},
              {"postRestoreFailureMsg", &c.post_restore_failure_message},
          };
      for (const auto& [attribute, text] : messages) {
        if (!*text || (*text)->empty()) continue;
        Failure& f = out.emplace_back();
        f.kind = FailureKind::kFailureMessage;
        f.writer = writer;
        f.component = c.full_path();
        f.what = attribute;
        f.message = **text;
        f.cause =
            "the writer set this message on the component when it "
            "failed (IVssComponentEx::Set*FailureMsg)";
        f.action =
            "act on the message; the writer's event log entries of the same "
            "time say more";
        f.where = where;
      }
    }
  }
}

void status_failures(const std::vector<WriterStatus>& status,
                     std::vector<Failure>& out) {
  for (const WriterStatus& s : status) {
    if (!is_failed(s)) continue;
    Failure& f = out.emplace_back();
    f.kind = FailureKind::kWriterFailed;
    f.writer = s.writer_name;
    f.what = state_id(s.state);
    f.message = to_string(s.state);
    if (s.application_error && *s.application_error != 0) {
      f.message += fmt::format("; application error {}",
                               format_hresult(*s.application_error));
      if (!s.application_message.empty()) {
        f.message += ": " + s.application_message;
      }
    }
    const WriterStateInfo state = describe_writer_state(s.state);
    f.cause = std::string(state.cause);
    f.action = std::string(state.action);
    if (s.failure != 0) {
      f.hresult = s.failure;
      const HresultInfo info = describe_hresult(s.failure);
      f.code_name = std::string(info.name);
      if (!info.cause.empty()) f.cause = std::string(info.cause);
      if (!info.advice.empty()) f.action = std::string(info.advice);
    }
    if (f.cause.empty()) f.cause = "the writer reported a failure";
    if (f.action.empty()) {
      f.action = "see the Application event log entries of this writer";
    }
  }
}

std::string writer_label(const WriterCoverage& w) {
  return fmt::format("{} {}", w.name, w.writer_id.to_braced_string());
}

void link_findings(const CaptureSet& capture, const BackupComponents* bcd,
                   Diagnosis& d) {
  ValidateOptions options;
  options.min_severity = Severity::kWarning;
  options.audience = Audience::kOperator;  // what bears on this backup
  const Findings findings = validate(capture, options);
  // Rules whose fact the diagnosis states in its own words: the failed
  // backup (Failures), the missing writer metadata (a note), ASR left out
  // of a system-state backup (the writer's line).
  auto stated = [](std::string_view code) {
    return code == "BCD023" || code == "XREF001" || code == "XREF024";
  };
  std::map<std::string, std::size_t, std::less<>> by_label;
  for (std::size_t i = 0; i < d.writers.size(); ++i) {
    by_label.emplace(writer_label(d.writers[i]), i);
  }
  for (const Finding& f : findings) {
    if (stated(f.diagnostic.code)) continue;
    const RuleInfo* rule = find_rule(f.diagnostic.code);
    const bool about_backup =
        rule != nullptr && (rule->scope == RuleScope::kBackup ||
                            rule->scope == RuleScope::kCrossDocument);
    if (about_backup &&
        (bcd == nullptr || f.diagnostic.where.file != bcd->source.name)) {
      continue;
    }
    LinkedFinding lf{f.diagnostic.severity, f.diagnostic.code,
                     f.diagnostic.message, std::string(f.component()),
                     f.diagnostic.where};
    auto it = by_label.find(f.writer());
    if (it == by_label.end()) {
      if (about_backup) d.backup_findings.push_back(std::move(lf));
      continue;
    }
    WriterCoverage& w = d.writers[it->second];
    // Authoring findings matter for the writers this backup used.
    if (!about_backup && w.role != WriterRole::kInBackup) continue;
    w.findings.push_back(std::move(lf));
  }
}

std::vector<VolumeUse> volume_uses(const std::vector<WriterCoverage>& writers,
                                   const VolumeContext& context) {
  std::map<std::string, VolumeUse> uses;
  for (const WriterCoverage& w : writers) {
    std::map<std::string, std::size_t> per_volume;
    for (const ComponentCoverage& c : w.components) {
      for (const VolumeRef& v : c.volumes) {
        auto [it, added] = uses.try_emplace(v.name);
        if (added) {
          it->second.volume = v;
          it->second.volume.via.clear();
          it->second.in_set = v.shadowed;
        }
        ++per_volume[v.name];
      }
    }
    for (const auto& [name, n] : per_volume) {
      uses[name].needed_by.push_back(
          fmt::format("{} ({} component{})", w.name, n, n == 1 ? "" : "s"));
    }
  }
  for (const std::string& v : context.set.volumes) {
    const internal::PathVolume pv = internal::volume_of(v);
    const std::string name =
        pv.root.empty() ? v : internal::display_volume(pv.root);
    auto [it, added] = uses.try_emplace(name);
    if (added) {
      it->second.volume.name = name;
      it->second.volume.kind =
          pv.kind == internal::PathVolume::Kind::kVolumeGuid
              ? VolumeKind::kVolumeGuid
          : pv.kind == internal::PathVolume::Kind::kNetworkShare
              ? VolumeKind::kNetworkShare
              : VolumeKind::kDrive;
    }
    it->second.in_set = true;
    it->second.volume.shadowed = true;
  }
  std::vector<VolumeUse> out;
  out.reserve(uses.size());
  for (auto& [name, use] : uses) {
    std::sort(use.needed_by.begin(), use.needed_by.end());
    out.push_back(std::move(use));
  }
  return out;
}

void count_and_judge(Diagnosis& d) {
  d.counts.failures = d.failures.size();
  std::vector<std::string> blamed;
  for (const Failure& f : d.failures) blamed.push_back(f.writer);
  for (const WriterCoverage& w : d.writers) {
    d.counts.findings += w.findings.size();
    if (w.role != WriterRole::kInBackup || w.problem_count == 0) continue;
    blamed.push_back(w.name);
    for (const ComponentCoverage& c : w.components) {
      if (!c.reason) continue;
      switch (*c.reason) {
        case LeftOutReason::kVolumeNotShadowed:
          ++d.counts.volume_not_shadowed;
          break;
        case LeftOutReason::kSplitAcrossVolumes:
          ++d.counts.split_across_volumes;
          break;
        case LeftOutReason::kNotSelectable:
          ++d.counts.not_selectable;
          break;
        case LeftOutReason::kDependencyNotInBackup:
          ++d.counts.dependency_not_in_backup;
          break;
        case LeftOutReason::kNotSelected:
          ++d.counts.not_selected;
          break;
      }
    }
  }
  d.counts.findings += d.backup_findings.size();
  std::sort(blamed.begin(), blamed.end());
  blamed.erase(std::unique(blamed.begin(), blamed.end()), blamed.end());
  d.verdict_writers = std::move(blamed);
  if (d.backup_source.empty()) {
    d.verdict =
        d.failures.empty() ? Verdict::kNothingToJudge : Verdict::kFailed;
  } else if (!d.failures.empty()) {
    d.verdict = Verdict::kFailed;
  } else if (d.counts.incomplete() != 0) {
    d.verdict = Verdict::kIncomplete;
  } else {
    d.verdict = Verdict::kSucceeded;
  }
}

}  // namespace

const char* to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::kSucceeded:
      return "succeeded";
    case Verdict::kIncomplete:
      return "incomplete";
    case Verdict::kFailed:
      return "failed";
    case Verdict::kNothingToJudge:
      return "nothing to judge";
  }
  return "?";
}

const char* to_string(FailureKind kind) {
  switch (kind) {
    case FailureKind::kBackupFailed:
      return "backup failed";
    case FailureKind::kFailureMessage:
      return "failure message";
    case FailureKind::kWriterFailed:
      return "writer failed";
  }
  return "?";
}

const char* to_string(LeftOutReason reason) {
  switch (reason) {
    case LeftOutReason::kVolumeNotShadowed:
      return "volume not shadowed";
    case LeftOutReason::kSplitAcrossVolumes:
      return "split across volumes";
    case LeftOutReason::kNotSelectable:
      return "not selectable";
    case LeftOutReason::kDependencyNotInBackup:
      return "dependency not in backup";
    case LeftOutReason::kNotSelected:
      return "not selected";
  }
  return "?";
}

const char* to_string(VolumeKind kind) {
  switch (kind) {
    case VolumeKind::kDrive:
      return "drive";
    case VolumeKind::kVolumeGuid:
      return "volume GUID";
    case VolumeKind::kNetworkShare:
      return "network share";
    case VolumeKind::kUnresolved:
      return "unresolved";
  }
  return "?";
}

const char* to_string(WriterRole role) {
  switch (role) {
    case WriterRole::kInBackup:
      return "in backup";
    case WriterRole::kNotInBackup:
      return "not in backup";
    case WriterRole::kExcludeListsOnly:
      return "exclude lists only";
    case WriterRole::kNoMetadata:
      return "no metadata";
  }
  return "?";
}

Diagnosis diagnose(const CaptureSet& capture,
                   const std::vector<WriterStatus>& status,
                   const DiagnoseOptions& options) {
  Diagnosis d;
  const BackupComponents* bcd =
      options.backup < capture.backup_components.size()
          ? &capture.backup_components[options.backup]
          : nullptr;
  const VolumeContext volumes =
      internal::volume_context(capture, bcd, options.system_volume);
  d.shadow_copy_set = volumes.set;
  d.system_volume = internal::display_volume(volumes.system_volume);
  d.system_volume_source = volumes.system_volume_source;
  if (bcd != nullptr) {
    d.backup_source = bcd->source.name;
    d.backup_type = bcd->backup_type;
    d.bootable_system_state = bcd->bootable_system_state_backup.value_or(false);
    bcd_failures(capture, *bcd, d.failures);
  }
  status_failures(status, d.failures);
  std::stable_sort(d.failures.begin(), d.failures.end(),
                   [](const Failure& a, const Failure& b) {
                     return std::tie(a.kind, a.writer, a.component) <
                            std::tie(b.kind, b.writer, b.component);
                   });
  d.writers = internal::coverage(capture, bcd, volumes);
  d.volumes = volume_uses(d.writers, volumes);
  if (options.findings) link_findings(capture, bcd, d);
  std::stable_sort(d.writers.begin(), d.writers.end(),
                   [](const WriterCoverage& a, const WriterCoverage& b) {
                     const std::string fa = internal::fold(a.name);
                     const std::string fb = internal::fold(b.name);
                     return std::tie(fa, a.writer_id) <
                            std::tie(fb, b.writer_id);
                   });
  if (bcd == nullptr) {
    d.notes.emplace_back(
        "the capture has no backup components document: there is no backup "
        "to judge; the writers and the volumes they need are listed");
  } else if (capture.writers.empty()) {
    d.notes.emplace_back(
        "the capture has no writer metadata documents: coverage needs the "
        "writers' metadata (diskshadow's WM*.xml or a vssmeta capture); "
        "only what the backup components document records is shown");
  }
  if (bcd != nullptr && !volumes.set.known()) {
    d.notes.emplace_back(
        "the volumes of the shadow copy set are unknown (no diskshadow "
        "Manifest.xml in the capture): whether each volume was shadowed is "
        "not judged");
  }
  if (volumes.system_volume.empty()) {
    const bool unresolved =
        std::any_of(d.volumes.begin(), d.volumes.end(), [](const VolumeUse& v) {
          return v.volume.kind == VolumeKind::kUnresolved;
        });
    if (unresolved) {
      d.notes.emplace_back(
          "the system volume is unknown (no System Writer metadata, no "
          "--system-volume): paths such as %SystemRoot% stay unresolved");
    }
  }
  count_and_judge(d);
  return d;
}

std::vector<std::vector<std::string>> left_out_reasons(
    const CaptureSet& capture, std::size_t backup) {
  std::vector<std::vector<std::string>> out(capture.writers.size());
  if (backup >= capture.backup_components.size()) {
    for (std::size_t w = 0; w < capture.writers.size(); ++w) {
      out[w].resize(capture.writers[w].components.size());
    }
    return out;
  }
  const BackupComponents& bcd = capture.backup_components[backup];
  const VolumeContext volumes = internal::volume_context(capture, &bcd, {});
  for (WriterCoverage& w : internal::coverage(capture, &bcd, volumes)) {
    if (!w.writer) continue;
    std::vector<std::string>& reasons = out[*w.writer];
    reasons.resize(w.components.size());
    for (ComponentCoverage& c : w.components) {
      if (c.inclusion == Inclusion::kNone) {
        reasons[c.component] = std::move(c.short_reason);
      }
    }
  }
  return out;
}

}  // namespace vssmeta
