// SPDX-License-Identifier: MIT
#include "cli/inputs.h"

#include <optional>
#include <ostream>
#include <utility>

#include "cli/output.h"

namespace vssmeta::cli {

namespace {

// Loads every path in order into one capture; the diagnostics go to
// `warnings`, --keep-going's failures (errors) are handed to `failed` as
// they come. Nothing when a path cannot be loaded: its error is in `error`.
template <typename OnFailure>
std::optional<CaptureSet> load_all(const std::vector<std::string>& paths,
                                   Io& io, std::size_t max_bytes,
                                   bool keep_going, Diagnostics& warnings,
                                   OnFailure&& failed,
                                   std::optional<Error>& error) {
  LoadOptions options;
  options.parse.max_bytes = max_bytes;
  options.size_limit_note = "--max-input-size raises it";
  options.keep_going = keep_going;
  CaptureSet capture;
  for (const std::string& path : paths) {
    auto loaded = load(path, options, &io.in);
    for (const Diagnostic& d : loaded.warnings()) {
      if (d.severity == Severity::kError) {
        io.input_failed = true;
        if (failed(d)) continue;
      }
      warnings.push_back(d);
    }
    if (!loaded) {
      error = std::move(loaded).error();
      return std::nullopt;
    }
    merge(capture, std::move(*loaded));
  }
  return capture;
}

}  // namespace

std::optional<CaptureSet> load_inputs(const std::vector<std::string>& paths,
                                      bool quiet, Io& io, std::size_t max_bytes,
                                      bool keep_going) {
  Diagnostics warnings;
  std::optional<Error> error;
  // --keep-going's failures: reported whatever -q says, in order with the
  // warnings otherwise.
  auto failed = [&](const Diagnostic& d) {
    if (quiet) io.err << to_string(d) << '\n';
    return false;
  };
  auto capture =
      load_all(paths, io, max_bytes, keep_going, warnings, failed, error);
  if (!quiet) print_diagnostics(warnings, io.err);
  if (error) io.err << to_string(*error) << '\n';
  return capture;
}

std::optional<CaptureSet> load_inputs(const std::vector<std::string>& paths,
                                      Diagnostics& warnings, Io& io,
                                      std::size_t max_bytes, bool keep_going) {
  std::optional<Error> error;
  auto failed = [&](const Diagnostic& d) {
    io.err << to_string(d) << '\n';
    return true;  // not a finding: printed here
  };
  auto capture =
      load_all(paths, io, max_bytes, keep_going, warnings, failed, error);
  if (error) {
    print_diagnostics(warnings, io.err);
    io.err << to_string(*error) << '\n';
  }
  return capture;
}

}  // namespace vssmeta::cli
