// SPDX-License-Identifier: MIT
#include "cli/inputs.h"

#include <ostream>
#include <utility>

#include "cli/output.h"

namespace vssmeta::cli {

std::optional<CaptureSet> load_inputs(const std::vector<std::string>& paths,
                                      bool quiet, Io& io, std::size_t max_bytes,
                                      bool keep_going) {
  LoadOptions options;
  options.parse.max_bytes = max_bytes;
  options.size_limit_note = "--max-input-size raises it";
  options.keep_going = keep_going;
  Diagnostics warnings;
  CaptureSet capture;
  for (const std::string& path : paths) {
    auto loaded = load(path, options, &io.in);
    for (const Diagnostic& d : loaded.warnings()) {
      // --keep-going's failures: reported whatever -q says.
      if (d.severity == Severity::kError) {
        io.input_failed = true;
        if (quiet) io.err << to_string(d) << '\n';
      }
      warnings.push_back(d);
    }
    if (!loaded) {
      if (!quiet) print_diagnostics(warnings, io.err);
      io.err << to_string(loaded.error()) << '\n';
      return std::nullopt;
    }
    merge(capture, std::move(*loaded));
  }
  if (!quiet) print_diagnostics(warnings, io.err);
  return capture;
}

}  // namespace vssmeta::cli
