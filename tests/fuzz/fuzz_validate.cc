// SPDX-License-Identifier: MIT
// Fuzz target: load up to eight documents (cut at fuzz::kSeparator) into one
// capture, as `vssmeta validate a.xml b.xml ...` does, run every rule and
// render the findings as text and as JSON or SARIF.

#include <cstddef>
#include <cstdint>
#include <sstream>

#include "fuzz_input.h"
#include "vssmeta/report.h"
#include "vssmeta/validate.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace vssmeta;
  return fuzz::with_capture(data, size, 8, [size](const CaptureSet& capture) {
    const Findings findings = validate(capture);
    std::ostringstream out;
    write_findings(findings, out, {.color = true});
    // SARIF repeats every rule's description: one of JSON and SARIF per
    // input (by the parity of its size) keeps the target fast.
    write_findings(findings, out,
                   {.format = size % 2 == 0 ? FindingsFormat::kJson
                                            : FindingsFormat::kSarif});
  });
}
