// SPDX-License-Identifier: MIT
// Fuzz target: load up to eight documents (cut at fuzz::kSeparator) into one
// capture, as `vssmeta validate a.xml b.xml ...` does, run every rule and
// render the findings as text, JSON and SARIF.

#include <cstddef>
#include <cstdint>
#include <sstream>

#include "fuzz_input.h"
#include "vssmeta/report.h"
#include "vssmeta/validate.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace vssmeta;
  return fuzz::with_capture(data, size, 8, [](const CaptureSet& capture) {
    const Findings findings = validate(capture);
    std::ostringstream out;
    for (const FindingsFormat format :
         {FindingsFormat::kText, FindingsFormat::kJson,
          FindingsFormat::kSarif}) {
      write_findings(
          findings, out,
          {.format = format, .color = format == FindingsFormat::kText});
    }
  });
}
