// SPDX-License-Identifier: MIT
#include "cli/options.h"

namespace vssmeta::cli {

CLI::Option* add_color_option(CLI::App& sub, std::string& color) {
  return sub.add_option("--color", color, "auto (default), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

CLI::Option* add_output_option(CLI::App& sub, std::string& output) {
  return sub.add_option("-o,--output", output,
                        "Write to this file (atomically) instead of stdout");
}

}  // namespace vssmeta::cli
