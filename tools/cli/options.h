// SPDX-License-Identifier: MIT
#pragma once
// Options several subcommands register with the same name, values and help.

#include <string>

#include <CLI/CLI.hpp>

namespace vssmeta::cli {

/// `--color auto|always|never` into `color` (see want_color()).
CLI::Option* add_color_option(CLI::App& sub, std::string& color);

/// `-o,--output FILE` into `output` (see write_output()).
CLI::Option* add_output_option(CLI::App& sub, std::string& output);

}  // namespace vssmeta::cli
