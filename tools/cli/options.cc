// SPDX-License-Identifier: MIT
#include "cli/options.h"

#include <cstdint>

#include <fmt/format.h>

namespace vssmeta::cli {

CLI::Option* add_color_option(CLI::App& sub, std::string& color) {
  return sub.add_option("--color", color, "auto (default), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

CLI::Option* add_output_option(CLI::App& sub, std::string& output) {
  return sub.add_option("-o,--output", output,
                        "Write to this file instead of stdout (replaced "
                        "atomically, keeping its permissions; never an input)");
}

CLI::Option* add_input_limit_option(CLI::App& sub, std::size_t& bytes) {
  // Positions in a document are 32-bit (vssmeta/location.h).
  constexpr std::uint64_t kMax = std::uint64_t{2} << 30;
  return sub
      .add_option("--max-input-size", bytes,
                  "Refuse a file or stream larger than SIZE (default 256M; "
                  "K, M, G are powers of 1024; at most 2G)")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::Range(std::uint64_t{1}, kMax))
      ->option_text("SIZE");
}

CLI::Option* add_keep_going_option(CLI::App& sub, bool& keep_going) {
  return sub.add_flag(
      "--keep-going", keep_going,
      "Load the rest of a capture (folder, cabinet, vshadow -wm3 text) when "
      "one of its documents cannot be read; each failure is reported and "
      "the exit status has bit 1 set");
}

CLI::Option* add_quiet_option(CLI::App& sub, bool& quiet,
                              std::string_view also) {
  std::string help = "Do not print warnings: errors and results only";
  if (!also.empty()) help += fmt::format(" ({})", also);
  return sub.add_flag("-q,--quiet", quiet, help);
}

}  // namespace vssmeta::cli
