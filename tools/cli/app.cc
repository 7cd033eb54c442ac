// SPDX-License-Identifier: MIT
#include "cli/app.h"

#include <ostream>

#include <CLI/CLI.hpp>

#include "cli/commands/commands.h"
#include "cli/exit_code.h"
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
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e, io.out, io.err);
    return code == 0 ? kExitOk : kExitUsage;
  }
  return action ? action(io) : kExitUsage;
}

}  // namespace vssmeta::cli
