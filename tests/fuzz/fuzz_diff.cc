// SPDX-License-Identifier: MIT
// Fuzz target: cut the input at the first fuzz::kSeparator, load each half as
// one document, diff them as `vssmeta diff old.xml new.xml` does (with and
// without --all) and render the diff in every format.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string_view>
#include <vector>

#include "fuzz_input.h"
#include "vssmeta/diff.h"
#include "vssmeta/diff_report.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace vssmeta;
  const auto bytes = fuzz::input(data, size);
  if (!bytes) return -1;
  const std::vector<std::string_view> halves = fuzz::split(*bytes, 2);
  if (halves.size() != 2) return 0;
  const std::optional<CaptureSet> before = fuzz::load_bytes(halves[0]);
  if (!before) return 0;
  const std::optional<CaptureSet> after = fuzz::load_bytes(halves[1]);
  if (!after) return 0;

  std::ostringstream out;
  for (const bool all : {false, true}) {
    const MetadataDiff d = diff(*before, *after, {.show_all = all});
    for (const DiffFormat format : {DiffFormat::kText, DiffFormat::kBrief,
                                    DiffFormat::kStat, DiffFormat::kJson}) {
      write_diff(d, out,
                 {.format = format,
                  .color = format == DiffFormat::kText,
                  .before_name = "old.xml",
                  .after_name = "new.xml"});
    }
  }
  return 0;
}
