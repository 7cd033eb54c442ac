// SPDX-License-Identifier: MIT
#include "cli/app.h"

#include <ostream>

#include <CLI/CLI.hpp>

#include "cli/commands/commands.h"
#include "cli/exit_code.h"
#include "cli/output.h"
#include "vssmeta/version.h"

namespace vssmeta::cli {

int run(int argc, const char* const* argv, Io& io) {
  CLI::App app{
      "vssmeta: read, check and compare VSS writer metadata (WMD) and backup "
      "components documents (BCD) offline.",
      "vssmeta"};
  app.footer(kExitCodeHelp);
  app.set_version_flag("--version",
                       std::string("vssmeta ") + VSSMETA_VERSION_STRING);
  app.require_subcommand(1);
  // Options start with - everywhere: CLI11 would take /dev/null (git's
  // "no file") or /path arguments for options on Windows.
  app.allow_windows_style_options(false);
  Action action;
  register_dump(app, action);
  register_diff(app, action);
  register_validate(app, action);
  register_graph(app, action);
  register_capture(app, action);
  register_status(app, action);
  register_diagnose(app, action);
  register_restore_plan(app, action);
  register_report(app, action);
  int status = kExitUsage;
  try {
    app.parse(argc, argv);
    if (action) status = action(io);
    if (io.input_failed) status |= kExitError;
  } catch (const CLI::ParseError& e) {
    status = app.exit(e, io.out, io.err) == 0 ? kExitOk : kExitUsage;
  }
  // Output that did not reach standard output is an error, whatever the
  // command found (--help and --version included).
  return flush_output(io) == kExitOk ? status : kExitError;
}

}  // namespace vssmeta::cli
