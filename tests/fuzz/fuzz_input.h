// SPDX-License-Identifier: MIT
#pragma once
// What every fuzz target shares: the input size cap, the separator that cuts
// one input into several documents, and loading bytes the way the CLI loads
// `-` (standard input), so the fuzzer reaches the same decoding (BOM, UTF-16)
// and parsing as `vssmeta dump -`.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vssmeta/capture_set.h"
#include "vssmeta/diagnostic.h"
#include "vssmeta/result.h"

namespace vssmeta::fuzz {

/// Inputs above this size are skipped (run with -max_len no larger).
inline constexpr std::size_t kMaxInput = std::size_t{1} << 20;

/// Two 0xFF bytes cut an input into documents. Never in UTF-8, and not in
/// the UTF-16 byte order marks (FF FE, FE FF), so every encoding the loader
/// reads can appear on either side.
inline constexpr std::string_view kSeparator = "\xFF\xFF";

/// The input as a string_view, or nothing when it exceeds kMaxInput.
inline std::optional<std::string_view> input(const std::uint8_t* data,
                                             std::size_t size) {
  if (size > kMaxInput) return std::nullopt;
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

/// `bytes` cut at every separator, at most `max_parts` parts (the last one
/// keeps any further separators).
inline std::vector<std::string_view> split(std::string_view bytes,
                                           std::size_t max_parts) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < max_parts) {
    const std::size_t at = bytes.find(kSeparator);
    if (at == std::string_view::npos) break;
    parts.push_back(bytes.substr(0, at));
    bytes.remove_prefix(at + kSeparator.size());
  }
  parts.push_back(bytes);
  return parts;
}

/// Loads `bytes` as `vssmeta CMD -` does (load("-") over a stream), renders
/// its warnings and error as the CLI prints them, and returns the capture.
inline std::optional<CaptureSet> load_bytes(std::string_view bytes) {
  std::istringstream in{std::string(bytes)};
  Result<CaptureSet> loaded = load("-", {}, &in);
  std::string sink;
  for (const Diagnostic& d : loaded.warnings()) sink += to_string(d);
  if (!loaded) {
    sink += to_string(loaded.error());
    return std::nullopt;
  }
  return std::move(*loaded);
}

/// Loads the parts of `bytes` (see split) into one capture, as the CLI
/// merges its PATH arguments. Parts that do not load are left out (so one
/// broken part does not hide the others from the fuzzer); nothing when no
/// part loads.
inline std::optional<CaptureSet> load_parts(std::string_view bytes,
                                            std::size_t max_parts) {
  std::optional<CaptureSet> capture;
  for (std::string_view part : split(bytes, max_parts)) {
    std::optional<CaptureSet> one = load_bytes(part);
    if (!one) continue;
    if (!capture) capture.emplace();
    merge(*capture, std::move(*one));
  }
  return capture;
}

/// The body of a target: loads the input (load_parts) and, when it loads,
/// calls `use(capture)`. Returns what LLVMFuzzerTestOneInput returns: -1 for
/// an input above kMaxInput (kept out of the corpus), else 0.
template <typename F>
int with_capture(const std::uint8_t* data, std::size_t size,
                 std::size_t max_parts, F&& use) {
  const std::optional<std::string_view> bytes = input(data, size);
  if (!bytes) return -1;
  if (const std::optional<CaptureSet> capture = load_parts(*bytes, max_parts)) {
    use(*capture);
  }
  return 0;
}

}  // namespace vssmeta::fuzz
