// SPDX-License-Identifier: MIT
#include "cli/app.h"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/commands/commands.h"
#include "cli/exit_code.h"
#include "cli/output.h"
#include "vssmeta/selection.h"
#include "vssmeta/version.h"

namespace vssmeta::cli {
namespace {

bool any_command(const CLI::App*) { return true; }

// " (did you mean X?)" for the closest of `names`, or "".
std::string did_you_mean(const std::vector<std::string>& names,
                         std::string_view wanted) {
  const std::vector<std::string> near = closest_names(names, wanted);
  if (near.empty()) return {};
  return fmt::format(" (did you mean {}?)", fmt::join(near, " or "));
}

// The first word of the command line that is not an option: the command.
const CLI::App* chosen_command(const CLI::App& app, int argc,
                               const char* const* argv, std::string& word) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.empty() || arg.front() == '-') continue;
    word = arg;
    for (const CLI::App* sub : app.get_subcommands(any_command)) {
      if (sub->check_name(word)) return sub;
    }
    return nullptr;
  }
  return nullptr;
}

// An option `sub` does not know, as typed (up to a `=`), or "".
std::string unknown_option(const CLI::App& sub, int argc,
                           const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg.size() < 2 || arg.front() != '-') continue;
    const std::string name(arg.substr(0, arg.find('=')));
    if (sub.get_option_no_throw(name) == nullptr && name != "-h" &&
        name != "--help") {
      return name;
    }
  }
  return {};
}

// Every argument error, worded in one place: "vssmeta: error: ...", with
// did-you-mean for commands and options, then where to read more.
int report_parse_error(const CLI::App& app, const CLI::ParseError& e, int argc,
                       const char* const* argv, Io& io) {
  std::string word;
  const CLI::App* sub = chosen_command(app, argc, argv, word);
  std::vector<std::string> commands;
  for (const CLI::App* c : app.get_subcommands(any_command)) {
    commands.push_back(c->get_name());
  }
  std::string message = e.what();
  if (sub == nullptr && word.empty() &&
      dynamic_cast<const CLI::RequiredError*>(&e)) {
    message = fmt::format("no command given (commands: {})",
                          fmt::join(commands, ", "));
  } else if (sub == nullptr && !word.empty()) {
    std::string hint = did_you_mean(commands, word);
    if (hint.empty()) {
      hint = fmt::format(" (commands: {})", fmt::join(commands, ", "));
    }
    message = fmt::format("unknown command '{}'{}", word, hint);
  } else if (sub != nullptr && dynamic_cast<const CLI::ExtrasError*>(&e)) {
    if (const std::string option = unknown_option(*sub, argc, argv);
        !option.empty()) {
      std::vector<std::string> names;
      for (const CLI::Option* o : sub->get_options()) {
        for (const std::string& n : o->get_lnames()) names.push_back("--" + n);
      }
      message = fmt::format("unknown option '{}' for 'vssmeta {}'{}", option,
                            sub->get_name(), did_you_mean(names, option));
    }
  }
  usage_error(io, message);
  io.err << fmt::format("Run 'vssmeta {}--help' for usage.\n",
                        sub != nullptr ? sub->get_name() + " " : "");
  return kExitUsage;
}

}  // namespace

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
  } catch (const CLI::Success& e) {  // --help, --version
    status = app.exit(e, io.out, io.err) == 0 ? kExitOk : kExitUsage;
  } catch (const CLI::ParseError& e) {
    status = report_parse_error(app, e, argc, argv, io);
  }
  // Output that did not reach standard output is an error, whatever the
  // command found (--help and --version included).
  return flush_output(io) == kExitOk ? status : kExitError;
}

}  // namespace vssmeta::cli
