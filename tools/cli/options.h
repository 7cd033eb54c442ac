// SPDX-License-Identifier: MIT
#pragma once
// Options several subcommands register with the same name, values and help.

#include <cstddef>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

namespace vssmeta::cli {

/// `--color auto|always|never` into `color` (see want_color()).
CLI::Option* add_color_option(CLI::App& sub, std::string& color);

/// `-o,--output FILE` into `output` (see write_output()).
CLI::Option* add_output_option(CLI::App& sub, std::string& output);

/// `--max-input-size SIZE` into `bytes`: the largest file or stream read
/// (see load_inputs()); K, M, G suffixes are powers of 1024.
CLI::Option* add_input_limit_option(CLI::App& sub, std::size_t& bytes);

/// `--keep-going` into `keep_going` (see load_inputs()).
CLI::Option* add_keep_going_option(CLI::App& sub, bool& keep_going);

/// `-q,--quiet` into `quiet`, meaning the same in every command: no
/// warnings (the loader's, and warning-severity findings), errors and
/// results only; `also` adds what it means for this command.
CLI::Option* add_quiet_option(CLI::App& sub, bool& quiet,
                              std::string_view also = {});

}  // namespace vssmeta::cli
