// SPDX-License-Identifier: MIT
// Fuzz target: load any bytes, then render them as `vssmeta dump` does, as
// text (plain and styled, with files), JSON and XML. Bytes that are no
// document are also read as a diskshadow manifest (capture folders hold one).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>

#include "fuzz_input.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/dump.h"
#include "vssmeta/serialize.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace vssmeta;
  const auto bytes = fuzz::input(data, size);
  if (!bytes) return -1;
  const std::optional<CaptureSet> capture = fuzz::load_bytes(*bytes);
  if (!capture) {
    (void)parse_cab_manifest(*bytes);
    return 0;
  }

  std::ostringstream out;
  write_dump(*capture, out);
  write_dump(*capture, out,
             {.format = DumpFormat::kText, .files = true, .color = true});
  write_dump(*capture, out,
             {.format = DumpFormat::kText, .files = true, .max_files = 1});
  write_dump(*capture, out, {.format = DumpFormat::kJson});
  write_dump(*capture, out, {.format = DumpFormat::kJson, .files = true});
  for (const WriterMetadata& w : capture->writers) out << to_xml(w);
  for (const BackupComponents& b : capture->backup_components) {
    out << to_xml(b);
  }
  return 0;
}
