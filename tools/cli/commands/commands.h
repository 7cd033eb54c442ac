// SPDX-License-Identifier: MIT
#pragma once
// One registration function per subcommand (one file each, as in CLI11's
// subcom_in_files example). A callback only records the chosen action; app.cc
// runs it after parsing, so usage errors and command errors stay apart.

#include <functional>

#include <CLI/CLI.hpp>

#include "cli/app.h"

namespace vssmeta::cli {

/// The action chosen on the command line, run after parsing.
using Action = std::function<int(Io&)>;

void register_dump(CLI::App& app, Action& action);
void register_diff(CLI::App& app, Action& action);
void register_validate(CLI::App& app, Action& action);
void register_graph(CLI::App& app, Action& action);
void register_capture(CLI::App& app, Action& action);
void register_status(CLI::App& app, Action& action);
void register_diagnose(CLI::App& app, Action& action);
void register_restore_plan(CLI::App& app, Action& action);
void register_report(CLI::App& app, Action& action);

}  // namespace vssmeta::cli
