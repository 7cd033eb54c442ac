// SPDX-License-Identifier: MIT
// dump's text form of a cabinet's manifest and of writer status texts.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "render/dump_printer.h"
#include "render/dump_text.h"
#include "text/escape.h"
#include "vssmeta/hresult.h"

namespace vssmeta::internal {

using namespace dump_text;  // NOLINT(google-build-using-namespace)

void DumpPrinter::manifest(const CabManifest& m) {
  std::vector<std::string> parts;
  if (m.machine_name) parts.push_back("machine " + quoted(*m.machine_name));
  if (m.shadow_copy_set_id) {
    parts.push_back("shadow copy set " + braced(*m.shadow_copy_set_id));
  }
  if (m.backup_components_file) {
    parts.push_back("backup components " + quoted(*m.backup_components_file));
  }
  parts.push_back(counted(m.writers.size(), "writer", "writers"));
  line(0, fmt::format("Manifest ({}): {}", escape_control(m.file),
                      join(parts, ", ")));
}

// One heading per status text, then a line per writer.
void DumpPrinter::statuses(const std::vector<WriterStatus>& list) {
  std::size_t i = 0;
  while (i < list.size()) {
    const std::string& file =
        list[i].printed ? list[i].printed->where.file : std::string();
    std::size_t end = i;
    std::size_t failed = 0;
    while (end < list.size() &&
           (list[end].printed ? list[end].printed->where.file
                              : std::string()) == file) {
      if (is_failed(list[end])) ++failed;
      ++end;
    }
    if (i > 0) buffer_ += '\n';
    line(0, paint(Style::kHeading,
                  fmt::format("Writer status ({}): {}, {} failed",
                              escape_control(file),
                              counted(end - i, "writer", "writers"), failed)));
    for (; i < end; ++i) {
      const WriterStatus& s = list[i];
      std::string text =
          fmt::format("- {} {} (instance {}): [{}] {}", quoted(s.writer_name),
                      braced(s.writer_id), braced(s.instance_id),
                      static_cast<std::uint32_t>(s.state), to_string(s.state));
      if (s.printed && !s.printed->failure_known) {
        text += ", last error " + quoted(s.printed->last_error) +
                " (as printed; failure code unknown)";
      } else {
        text += ", last error " + (s.failure == 0 ? std::string("none")
                                                  : format_hresult(s.failure));
      }
      if (s.printed) {
        text += fmt::format(" [line {}]", s.printed->where.line);
      }
      line(2, is_failed(s) ? paint(Style::kProblem, text) : text);
    }
  }
}

}  // namespace vssmeta::internal
