// SPDX-License-Identifier: MIT
// Fuzz target: load up to eight documents (cut at fuzz::kSeparator) into one
// capture, as `vssmeta validate a.xml b.xml ...` does, run every rule (for
// the writer authors' audience, or for one input in four the operators',
// the CLI's default, which skips author rules' work on Microsoft's writers)
// and render the findings as text and as JSON or SARIF.

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
    ValidateOptions options;
    if (size % 4 == 1) options.audience = Audience::kOperator;
    const Findings findings = validate(capture, options);
    std::ostringstream out;
    write_findings(findings, out, {.color = true});
    // SARIF repeats the description of every rule, whatever the input: it
    // costs nine tenths of an execution, so it is written for one input in
    // 32 (by its size) and JSON for the others.
    write_findings(findings, out,
                   {.format = size % 32 == 0 ? FindingsFormat::kSarif
                                             : FindingsFormat::kJson});
  });
}
