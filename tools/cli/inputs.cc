// SPDX-License-Identifier: MIT
#include "cli/inputs.h"

#include <ostream>
#include <utility>

#include "cli/output.h"

namespace vssmeta::cli {

std::optional<CaptureSet> load_inputs(const std::vector<std::string>& paths,
                                      bool quiet, Io& io,
                                      std::size_t max_bytes) {
  LoadOptions options;
  options.parse.max_bytes = max_bytes;
  options.size_limit_note = "--max-input-size raises it";
  Diagnostics warnings;
  CaptureSet capture;
  for (const std::string& path : paths) {
    auto loaded = load(path, options, &io.in);
    warnings.insert(warnings.end(), loaded.warnings().begin(),
                    loaded.warnings().end());
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

std::optional<CaptureSet> load_inputs(const std::vector<std::string>& paths,
                                      Diagnostics& warnings, Io& io,
                                      std::size_t max_bytes) {
  LoadOptions options;
  options.parse.max_bytes = max_bytes;
  options.size_limit_note = "--max-input-size raises it";
  CaptureSet capture;
  for (const std::string& path : paths) {
    auto loaded = load(path, options, &io.in);
    warnings.insert(warnings.end(), loaded.warnings().begin(),
                    loaded.warnings().end());
    if (!loaded) {
      print_diagnostics(warnings, io.err);
      io.err << to_string(loaded.error()) << '\n';
      return std::nullopt;
    }
    merge(capture, std::move(*loaded));
  }
  return capture;
}

}  // namespace vssmeta::cli
