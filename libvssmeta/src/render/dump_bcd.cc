// SPDX-License-Identifier: MIT
// dump's text form of a backup components document.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "paths/windows_path.h"
#include "render/dump_printer.h"
#include "render/dump_text.h"
#include "text/escape.h"
#include "vssmeta/known_writers.h"

namespace vssmeta::internal {

using namespace dump_text;  // NOLINT(google-build-using-namespace)

void DumpPrinter::backup_components(const BackupComponents& b) {
  std::string head = "Backup components document";
  if (!b.source.name.empty())
    head += " (" + escape_control(b.source.name) + ")";
  line(0, paint(Style::kHeading, head));
  std::vector<std::string> parts;
  if (auto v = enum_field(b.backup_type, b.extras, "backupType")) {
    parts.push_back("backup type: " + *v);
  }
  if (auto v = enum_field(b.restore_type, b.extras, "restoreType")) {
    parts.push_back("restore type: " + *v);
  }
  if (b.select_components) {
    parts.push_back(
        fmt::format("select components: {}", yes_no(*b.select_components)));
  }
  if (b.bootable_system_state_backup) {
    parts.push_back(fmt::format("bootable system state: {}",
                                yes_no(*b.bootable_system_state_backup)));
  }
  if (b.partial_file_support) {
    parts.push_back(fmt::format("partial file support: {}",
                                yes_no(*b.partial_file_support)));
  }
  if (b.is_restore_time()) parts.emplace_back("(restore time)");
  if (!parts.empty()) line(2, join(parts, "  "));
  if (b.snapshot_set_id) line(2, "snapshot set: " + braced(*b.snapshot_set_id));
  std::size_t components = 0;
  for (const WriterComponents& wc : b.writers)
    components += wc.components.size();
  line(2, fmt::format("writers: {}, components: {}", b.writers.size(),
                      components));
  extras(without_shown(b.extras, {"backupType", "restoreType"}), 2, "",
         "BACKUP_COMPONENTS");
  for (const WriterComponents& wc : b.writers) bcd_writer(wc);
}

// The BCD names writers by class id only; the friendly name comes from the
// WMD the entry refers to (resolve_writer_entry).
std::string DumpPrinter::writer_name(const WriterComponents& wc) const {
  const auto match = resolve_writer_entry(capture_.writers, wc);
  if (!match) {
    const KnownWriter* known = find_known_writer(wc.writer_id);
    return (known ? quoted(std::string(known->name)) + " " : std::string()) +
           paint(Style::kMuted, "(no WMD in this capture)");
  }
  return quoted(capture_.writers[match->writer].display_name());
}

void DumpPrinter::bcd_writer(const WriterComponents& wc) {
  std::vector<std::string> parts{
      paint(Style::kHeading, "Writer " + braced(wc.writer_id)) + " " +
      writer_name(wc)};
  if (wc.instance_id) parts.push_back("instance: " + braced(*wc.instance_id));
  if (wc.instance_name) parts.push_back("name: " + quoted(*wc.instance_name));
  if (wc.backup_schema) {
    parts.push_back("backup schema: " +
                    describe_bits(*wc.backup_schema, backup_schema_bits()));
  }
  line(2, join(parts, "  "));
  extras(wc.extras, 4, "- ", "");
  for (const BcdComponent& c : wc.components) bcd_component(c, 4);
}

void DumpPrinter::bcd_component(const BcdComponent& c, std::size_t indent) {
  std::string head = escape_control(slash_path(c.logical_path, c.name));
  if (c.type) head += "  [" + enum_text(*c.type) + "]";
  if (c.caption) head += "  " + quoted(*c.caption);
  line(indent, head);
  const std::size_t d = indent + 2;
  auto text = [&](std::string_view label, const std::optional<std::string>& v,
                  std::optional<Style> style = std::nullopt) {
    if (!v) return;
    std::string s = fmt::format("- {}: {}", label, quoted(*v));
    line(d, style ? paint(*style, s) : s);
  };
  auto flag = [&](std::string_view label, const std::optional<bool>& v) {
    if (v) line(d, fmt::format("- {}: {}", label, yes_no(*v)));
  };
  auto choice = [&](std::string_view label, const auto& v) {
    if (v) line(d, fmt::format("- {}: {}", label, enum_text(*v)));
  };
  auto blob = [&](std::string_view label,
                  const std::optional<MetadataBlob>& v) {
    if (!v) return;
    line(d,
         fmt::format("- {}: {} chars", label, with_thousands(v->value.size())));
    extras(v->extras, d + 2, "- ", "");
  };
  text("backup stamp", c.backup_stamp);
  text("previous backup stamp", c.previous_backup_stamp);
  text("backup options", c.backup_options);
  text("restore options", c.restore_options);
  flag("backup succeeded", c.backup_succeeded);
  flag("selected for restore", c.selected_for_restore);
  flag("additional restores", c.additional_restores);
  choice("restore target", c.restore_target);
  choice("file restore status", c.file_restore_status);
  text("restore name", c.restore_name);
  flag("authoritative restore", c.authoritative_restore);
  choice("roll forward type", c.roll_forward_type);
  text("roll forward point", c.roll_forward_point);
  text("prepare for backup failure", c.prepare_for_backup_failure_message,
       Style::kProblem);
  text("post snapshot failure", c.post_snapshot_failure_message,
       Style::kProblem);
  text("pre restore failure", c.pre_restore_failure_message, Style::kProblem);
  text("post restore failure", c.post_restore_failure_message, Style::kProblem);
  blob("BACKUP_METADATA", c.backup_metadata);
  blob("RESTORE_METADATA", c.restore_metadata);
  for (const PartialFile& p : c.partial_files) {
    std::string s =
        "- PARTIAL_FILE " + escape_control(file_pattern(p.path, p.filename));
    if (p.ranges) s += " ranges " + quoted(*p.ranges);
    if (p.metadata)
      s += " metadata " + with_thousands(p.metadata->size()) + " chars";
    line(d, s);
    extras(p.extras, d + 2, "- ", "");
  }
  for (const DifferencedFile& f : c.differenced_files) {
    std::string s = "- DIFFERENCED_FILE " +
                    escape_control(file_pattern(f.path, f.filespec));
    if (f.recursive.value_or(false)) s += " (recursive)";
    if (f.lsn) s += " lsn " + quoted(*f.lsn);
    if (f.last_modify_time)
      s += " last modified " + quoted(*f.last_modify_time);
    line(d, s);
    extras(f.extras, d + 2, "- ", "");
  }
  for (const DirectedTarget& t : c.directed_targets) {
    line(d, fmt::format(
                "- DIRECTED_TARGET {} ranges {} -> {} ranges {}",
                escape_control(file_pattern(t.source_path, t.source_filename)),
                quoted(t.source_ranges),
                escape_control(
                    file_pattern(t.destination_path, t.destination_filename)),
                quoted(t.destination_ranges)));
    extras(t.extras, d + 2, "- ", "");
  }
  // BCD lists are short and are the point of a restore review: always shown.
  for (const auto* list : {&c.new_targets, &c.alternate_location_mappings}) {
    for (const FileDescriptor& f : *list) {
      line(d, "- " + describe(f));
      extras(f.extras, d + 2, "- ", "");
    }
  }
  for (const RestoreSubcomponent& s : c.restore_subcomponents) {
    std::string t =
        "- RESTORE_SUBCOMPONENT " +
        escape_control(slash_path(s.logical_path, s.component_name));
    if (s.repair) t += fmt::format(" (repair: {})", yes_no(*s.repair));
    line(d, t);
    extras(s.extras, d + 2, "- ", "");
  }
  extras(c.extras, d, "- ", "");
}

}  // namespace vssmeta::internal
