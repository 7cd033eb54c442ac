// SPDX-License-Identifier: MIT
// Fuzz target: load any bytes, then render them as `vssmeta dump` does, as
// text (plain and styled, with files), JSON and XML. The bytes are also read
// as a diskshadow manifest (capture folders hold one).

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string_view>

#include "fuzz_input.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/dump.h"
#include "vssmeta/serialize.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace vssmeta;
  const int result =
      fuzz::with_capture(data, size, 1, [](const CaptureSet& capture) {
        std::ostringstream out;
        write_dump(capture, out);
        write_dump(capture, out,
                   {.format = DumpFormat::kText, .files = true, .color = true});
        write_dump(
            capture, out,
            {.format = DumpFormat::kText, .files = true, .max_files = 1});
        write_dump(capture, out, {.format = DumpFormat::kJson});
        write_dump(capture, out, {.format = DumpFormat::kJson, .files = true});
        for (const WriterMetadata& w : capture.writers) out << to_xml(w);
        for (const BackupComponents& b : capture.backup_components) {
          out << to_xml(b);
        }
      });
  if (result == 0) {
    (void)parse_cab_manifest(
        std::string_view(reinterpret_cast<const char*>(data), size));
  }
  return result;
}
