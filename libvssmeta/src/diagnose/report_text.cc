// SPDX-License-Identifier: MIT
// The text form of a diagnosis: answer first, evidence after, 80 columns.
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "diagnose/report.h"
#include "render/style.h"
#include "vssmeta/hresult.h"

namespace vssmeta::internal {
namespace {

constexpr std::size_t kWidth = 80;

// Writes `label` (painted) and `text` word-wrapped to kWidth: the first
// line starts with `indent` + label, the others with `indent` plus
// `hang` spaces.
void emit(std::ostream& out, const Painter& paint, std::size_t indent,
          std::string_view label, Style style, std::string_view text,
          std::size_t hang) {
  std::string line(indent, ' ');
  line += paint(style, label);
  std::size_t width = indent + label.size();
  bool first_word = label.empty();
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(i, end - i);
    i = end + 1;
    if (word.empty()) continue;
    if (!first_word && width + 1 + word.size() > kWidth &&
        width > indent + hang) {
      out << line << '\n';
      line.assign(indent + hang, ' ');
      width = indent + hang;
      first_word = true;
    }
    if (!first_word) {
      line += ' ';
      ++width;
    }
    line += word;
    width += word.size();
    first_word = false;
  }
  out << line << '\n';
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

std::string verdict_text(const Diagnosis& d) {
  const ProblemCounts& c = d.counts;
  std::vector<std::string> kinds;
  if (c.volume_not_shadowed) {
    kinds.push_back(
        fmt::format("{} on volumes not shadowed", c.volume_not_shadowed));
  }
  if (c.split_across_volumes) {
    kinds.push_back(
        fmt::format("{} split across volumes", c.split_across_volumes));
  }
  if (c.not_selectable) {
    kinds.push_back(fmt::format("{} not selectable", c.not_selectable));
  }
  if (c.dependency_not_in_backup) {
    kinds.push_back(fmt::format("{} with a dependency not in the backup",
                                c.dependency_not_in_backup));
  }
  if (c.not_selected) {
    kinds.push_back(fmt::format("{} not selected", c.not_selected));
  }
  std::vector<std::string> parts;
  if (c.failures) parts.push_back(plural(c.failures, "failure", "failures"));
  if (c.incomplete()) {
    parts.push_back(
        fmt::format("{} not covered ({})",
                    plural(c.incomplete(), "component", "components"),
                    fmt::join(kinds, ", ")));
  }
  if (c.findings) parts.push_back(plural(c.findings, "finding", "findings"));
  switch (d.verdict) {
    case Verdict::kNothingToJudge:
      if (parts.empty()) return "no backup components document";
      break;
    case Verdict::kSucceeded:
      parts.insert(parts.begin(),
                   "nothing recorded failed and every "
                   "component of the writers in the backup "
                   "is covered");
      break;
    default:
      break;
  }
  return fmt::format("{}", fmt::join(parts, "; "));
}

std::string verdict_who(const Diagnosis& d) {
  if (d.verdict_writers.empty() ||
      (d.verdict != Verdict::kFailed && d.verdict != Verdict::kIncomplete)) {
    return {};
  }
  return fmt::format(" for {}", fmt::join(d.verdict_writers, ", "));
}

namespace {

Style verdict_style(Verdict v) {
  switch (v) {
    case Verdict::kSucceeded:
      return Style::kAdded;
    case Verdict::kIncomplete:
      return Style::kWarning;
    case Verdict::kFailed:
      return Style::kError;
    case Verdict::kNothingToJudge:
      return Style::kMuted;
  }
  return Style::kHeading;
}

void write_failures(const Diagnosis& d, std::ostream& out,
                    const Painter& paint) {
  out << '\n' << paint(Style::kHeading, "Failures") << '\n';
  if (d.failures.empty()) {
    out << "  none recorded\n";
    return;
  }
  for (const Failure& f : d.failures) {
    std::string head = f.writer;
    if (!f.component.empty()) head += ":\\" + f.component;
    std::string what = f.what;
    if (f.hresult) {
      what += ", " + format_hresult(*f.hresult);
    }
    emit(out, paint, 2, "", Style::kHeading,
         fmt::format("{}: {} ({})", head, to_string(f.kind), what), 4);
    if (!f.message.empty())
      emit(out, paint, 4, "", Style::kHeading, "\"" + f.message + "\"", 1);
    emit(out, paint, 4, "cause:", Style::kCaution, f.cause, 7);
    emit(out, paint, 4, "action:", Style::kAdded, f.action, 8);
    if (f.where.line != 0) {
      emit(out, paint, 4, "at", Style::kMuted, to_string(f.where), 3);
    }
  }
}

void write_writer(const WriterCoverage& w, std::ostream& out,
                  const Painter& paint) {
  std::string name = w.name;
  if (w.instance_name && !w.instance_name->empty()) {
    name += fmt::format(" ({})", *w.instance_name);
  }
  // Said right under the writer's line, whatever its role.
  const auto text_note = [&] {
    if (w.from_text) {
      emit(out, paint, 4, "note:", Style::kCaution,
           "writer " + reconstructed_from_text_note(*w.from_text), 4);
    }
  };
  if (w.role != WriterRole::kInBackup) {
    emit(out, paint, 2, name + ":", Style::kHeading, w.note, 4);
    text_note();
    return;
  }
  std::vector<std::string> counts;
  if (w.explicit_count)
    counts.push_back(fmt::format("{} selected", w.explicit_count));
  if (w.implicit_count) {
    counts.push_back(fmt::format("{} included implicitly", w.implicit_count));
  }
  if (w.left_out_count) {
    counts.push_back(fmt::format("{} left out", w.left_out_count));
  }
  emit(out, paint, 2, name + ":", Style::kHeading,
       fmt::format("in the backup, {}", fmt::join(counts, ", ")), 4);
  text_note();
  for (const ComponentCoverage& c : w.components) {
    switch (c.inclusion) {
      case Inclusion::kExplicit:
        emit(out, paint, 4, "selected ", Style::kAdded,
             c.reason ? c.path + ": " + c.reason_text : c.path, 10);
        break;
      case Inclusion::kImplicit:
        emit(out, paint, 4, "implicit ", Style::kAdded,
             fmt::format("{} (through {}){}", c.path, c.through,
                         c.reason ? ": " + c.reason_text : ""),
             10);
        break;
      case Inclusion::kNone:
        emit(out, paint, 4, "left out ", Style::kProblem,
             c.path + ": " + c.reason_text, 10);
        break;
    }
  }
}

void write_volumes(const Diagnosis& d, std::ostream& out,
                   const Painter& paint) {
  out << '\n' << paint(Style::kHeading, "Volumes") << '\n';
  const ShadowCopySet& set = d.shadow_copy_set;
  std::string id = set.id ? set.id->to_braced_string() + " " : "";
  if (set.known()) {
    emit(out, paint, 2, "shadow copy set", Style::kHeading,
         fmt::format("{}(from {}): {}", id, set.source,
                     set.volumes.empty()
                         ? std::string("no volume")
                         : fmt::format("{}", fmt::join(set.volumes, ", "))),
         4);
  } else {
    emit(out, paint, 2, "shadow copy set", Style::kHeading,
         id + "(its volumes are not recorded in the capture)", 4);
  }
  if (!d.system_volume.empty()) {
    emit(out, paint, 2, "system volume", Style::kHeading,
         fmt::format("{} (from {})", d.system_volume, d.system_volume_source),
         4);
  }
  for (const VolumeUse& v : d.volumes) {
    std::string state;
    switch (v.volume.kind) {
      case VolumeKind::kUnresolved:
        state = "unresolved (the system volume is unknown)";
        break;
      case VolumeKind::kNetworkShare:
        state = v.in_set ? "network share, shadowed"
                         : "network share, not a local volume; not shadowed";
        break;
      default:
        state = !set.known() ? "not known whether shadowed"
                : v.in_set   ? "shadowed"
                             : "not shadowed";
        break;
    }
    std::string needed =
        v.needed_by.empty()
            ? std::string("needed by no writer's components")
            : fmt::format("needed by {}", fmt::join(v.needed_by, ", "));
    emit(out, paint, 2, v.volume.name, Style::kHeading,
         fmt::format("{}; {}", state, needed), 4);
  }
}

void write_finding(const LinkedFinding& f, std::ostream& out,
                   const Painter& paint) {
  const Style style =
      f.severity == Severity::kError ? Style::kError : Style::kWarning;
  emit(out, paint, 4, to_string(f.severity), style,
       fmt::format("{} [{}] at {}", f.message, f.rule, to_string(f.where)), 6);
}

void write_findings(const Diagnosis& d, std::ostream& out,
                    const Painter& paint) {
  if (d.counts.findings == 0) return;
  out << '\n' << paint(Style::kHeading, "Findings") << '\n';
  if (!d.backup_findings.empty()) {
    out << "  " << paint(Style::kHeading, d.backup_source) << '\n';
    for (const LinkedFinding& f : d.backup_findings)
      write_finding(f, out, paint);
  }
  for (const WriterCoverage& w : d.writers) {
    if (w.findings.empty()) continue;
    out << "  " << paint(Style::kHeading, w.name) << '\n';
    for (const LinkedFinding& f : w.findings) write_finding(f, out, paint);
  }
}

}  // namespace

void write_diagnosis_text(const Diagnosis& d, std::ostream& out, bool color) {
  const Painter paint(color);
  if (!d.backup_source.empty()) {
    std::vector<std::string> facts;
    if (d.backup_type) facts.push_back(std::string(to_xml(*d.backup_type)));
    if (d.bootable_system_state) facts.emplace_back("bootable system state");
    emit(out, paint, 0, "Backup:", Style::kHeading,
         facts.empty()
             ? d.backup_source
             : fmt::format("{} ({})", d.backup_source, fmt::join(facts, ", ")),
         2);
  }
  emit(out, paint, 0, "Verdict:", Style::kHeading,
       fmt::format("{}{}: {}",
                   paint(verdict_style(d.verdict), to_string(d.verdict)),
                   verdict_who(d), verdict_text(d)),
       2);
  for (const std::string& note : d.notes) {
    emit(out, paint, 2, "note:", Style::kMuted, note, 4);
  }
  if (!d.backup_source.empty() || !d.failures.empty()) {
    write_failures(d, out, paint);
  }
  out << '\n' << paint(Style::kHeading, "Coverage") << '\n';
  if (d.writers.empty()) out << "  no writers\n";
  for (const WriterCoverage& w : d.writers) write_writer(w, out, paint);
  write_volumes(d, out, paint);
  write_findings(d, out, paint);
}

}  // namespace vssmeta::internal
