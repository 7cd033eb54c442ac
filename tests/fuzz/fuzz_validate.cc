// SPDX-License-Identifier: MIT
// Fuzz target: load up to eight documents (cut at fuzz::kSeparator) into one
// capture, as `vssmeta validate a.xml b.xml ...` does, run every rule and
// render the findings as text, JSON and SARIF.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>

#include "fuzz_input.h"
#include "vssmeta/report.h"
#include "vssmeta/validate.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace vssmeta;
  const auto bytes = fuzz::input(data, size);
  if (!bytes) return -1;
  const std::optional<CaptureSet> capture = fuzz::load_parts(*bytes, 8);
  if (!capture) return 0;

  const Findings findings = validate(*capture);
  std::ostringstream out;
  write_findings(findings, out);
  write_findings(findings, out,
                 {.format = FindingsFormat::kText, .color = true});
  write_findings(findings, out, {.format = FindingsFormat::kJson});
  write_findings(findings, out, {.format = FindingsFormat::kSarif});
  return 0;
}
