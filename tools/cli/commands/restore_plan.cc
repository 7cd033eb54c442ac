// SPDX-License-Identifier: MIT
// `vssmeta restore-plan PATH...`: an offline dry run of a VSS restore from
// the backup's own documents (vssmeta/restore_plan.h).

#include "vssmeta/restore_plan.h"

#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands/commands.h"
#include "cli/commands/rendered.h"
#include "cli/exit_code.h"
#include "cli/inputs.h"
#include "cli/options.h"
#include "cli/output.h"

namespace vssmeta::cli {
namespace {

struct RestorePlanCommand {
  std::vector<std::string> paths;
  std::vector<std::string> select;
  std::string target_status;
  std::string format = "text";
  std::string color = "auto";
  std::string output;
  bool quiet = false;
  std::size_t max_input_size = ParseOptions{}.max_bytes;
  bool keep_going = false;
};

// Reads a status.json; prints the error and returns nothing on failure.
std::optional<std::vector<WriterStatus>> read_status(
    const RestorePlanCommand& cmd, Io& io) {
  std::ifstream in(cmd.target_status, std::ios::binary);
  if (!in) {
    io.err << fmt::format("{}: error: cannot open the target status\n",
                          cmd.target_status);
    return std::nullopt;
  }
  std::string bytes;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > cmd.max_input_size) {
      io.err << fmt::format(
          "{}: error: larger than the input limit (--max-input-size raises "
          "it)\n",
          cmd.target_status);
      return std::nullopt;
    }
  }
  auto parsed = parse_status_json(bytes, cmd.target_status);
  if (!parsed) {
    io.err << to_string(parsed.error()) << '\n';
    return std::nullopt;
  }
  return std::move(*parsed);
}

int run_restore_plan(const RestorePlanCommand& cmd, Io& io) {
  if (cmd.paths.empty()) return usage_error(io, "PATH is required");
  std::vector<std::string> inputs = cmd.paths;
  if (!cmd.target_status.empty()) inputs.push_back(cmd.target_status);
  if (int rc = check_output(cmd.output, inputs, io); rc != kExitOk) return rc;
  RestorePlanOptions options;
  options.select = cmd.select;
  if (!cmd.target_status.empty()) {
    options.target_status = read_status(cmd, io);
    if (!options.target_status) return kExitError;
  }
  std::optional<CaptureSet> loaded =
      load_inputs(cmd.paths, cmd.quiet, io, cmd.max_input_size, cmd.keep_going);
  if (!loaded) return kExitError;
  const CaptureSet& capture = keep_until_exit(io, std::move(*loaded));
  Result<RestorePlan> plan = plan_restore(capture, options);
  if (!plan) return usage_error(io, plan.error().message);

  RestorePlanRenderOptions render;
  render.format = cmd.format == "json" ? RestorePlanFormat::kJson
                                       : RestorePlanFormat::kText;
  render.color = render.format == RestorePlanFormat::kText &&
                 cmd.output.empty() &&
                 want_color(cmd.color, io.out_is_terminal);
  RenderedOutput text;
  write_restore_plan(*plan, text.stream(), render);
  if (int rc = text.write(cmd.output, io); rc != kExitOk) return rc;
  const FindingCounts counts = plan->findings.counts();
  int status = counts.errors != 0 ? kExitSevere : kExitOk;
  if (counts.warnings != 0) status |= kExitFindings;
  keep_until_exit(io, std::move(*plan));
  return status;
}

}  // namespace

void register_restore_plan(CLI::App& app, Action& action) {
  auto cmd = std::make_shared<RestorePlanCommand>();
  CLI::App* sub = app.add_subcommand(
      "restore-plan",
      "Plan a VSS restore offline from a capture (WMDs + BCD): where files "
      "go, services, writer events, reboot, ordered steps, and what would "
      "make it fail.");
  sub->add_option("PATH", cmd->paths,
                  "Files, folders or - (stdin): the backup's WMDs and BCD, "
                  "optionally a restore-time BCD and the BCDs of a chain");
  sub->add_option("--select", cmd->select,
                  "Restore only this: 'Writer:\\path\\name', or 'Writer' for "
                  "its top-level components (repeatable; default: what a "
                  "restore-time BCD selects, else the whole backup)")
      ->allow_extra_args(false);
  sub->add_option("--target-status", cmd->target_status,
                  "The target machine's writers: a status.json (vssmeta "
                  "capture, vssmeta status --format json)")
      ->option_text("FILE");
  sub->add_option("--format", cmd->format,
                  "text (default) or json (schemas/restore-plan.schema.json)")
      ->check(CLI::IsMember({"text", "json"}));
  add_color_option(*sub, cmd->color);
  add_output_option(*sub, cmd->output);
  add_input_limit_option(*sub, cmd->max_input_size);
  add_keep_going_option(*sub, cmd->keep_going);
  add_quiet_option(*sub, cmd->quiet);
  sub->footer(kExitCodeHelp);
  sub->callback([cmd, &action] {
    action = [cmd](Io& io) { return run_restore_plan(*cmd, io); };
  });
}

}  // namespace vssmeta::cli
