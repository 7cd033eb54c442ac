// SPDX-License-Identifier: MIT
// `vssmeta diff OLD NEW`: semantic diff of two WMDs, BCDs or captures; also
// a git external diff driver (seven positional arguments, as git passes
// them: path old-file old-hex old-mode new-file new-hex new-mode).

#include "vssmeta/diff.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands/commands.h"
#include "cli/commands/rendered.h"
#include "cli/commands/report_page.h"
#include "cli/exit_code.h"
#include "cli/inputs.h"
#include "cli/options.h"
#include "cli/output.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/diff_report.h"

namespace vssmeta::cli {
namespace {

struct DiffCommand {
  std::vector<std::string> paths;
  std::string format = "text";
  bool brief = false;
  std::string stat_detail;  // --stat=writer|component; empty: no --stat
  std::vector<std::string> ignore;
  bool all = false;
  std::string color = "auto";
  std::string output;
  bool quiet = false;
  std::size_t max_input_size = ParseOptions{}.max_bytes;
  bool keep_going = false;
};

// git's external diff arguments: path old-file old-hex old-mode new-file
// new-hex new-mode, plus new-path and a message for a rename. A side that
// does not exist is /dev/null.
constexpr std::size_t kGitArgs = 7;
constexpr std::size_t kGitRenameArgs = 9;
constexpr const char* kNoFile = "/dev/null";

int load_side(const std::string& path, const DiffCommand& cmd, Io& io,
              CaptureSet& into) {
  if (path == kNoFile) return kExitOk;  // git: the file is new or deleted
  std::optional<CaptureSet> loaded =
      load_inputs({path}, cmd.quiet, io, cmd.max_input_size, cmd.keep_going);
  if (!loaded) return kExitError;
  into = std::move(*loaded);
  return kExitOk;
}

int run_diff(const DiffCommand& cmd, Io& io) {
  const bool git =
      cmd.paths.size() == kGitArgs || cmd.paths.size() == kGitRenameArgs;
  if (cmd.paths.size() != 2 && !git) {
    return usage_error(
        io, fmt::format("diff wants OLD NEW (or git's 7 or 9 external-diff "
                        "arguments), got {} {}",
                        cmd.paths.size(),
                        cmd.paths.size() == 1 ? "path" : "paths"));
  }
  const bool stat = !cmd.stat_detail.empty();
  if (cmd.brief && stat) {
    return usage_error(io, "--brief and --stat exclude each other");
  }
  if (cmd.format != "text" && (cmd.brief || stat)) {
    return usage_error(
        io, fmt::format("--brief and --stat are text layouts; {} has one",
                        cmd.format == "json" ? "JSON" : "HTML"));
  }
  const std::string& old_path = cmd.paths[git ? 1 : 0];
  const std::string& new_path = cmd.paths[git ? 4 : 1];
  if (old_path == "-" && new_path == "-") {
    return usage_error(io, "only one side can be - (standard input)");
  }
  if (int rc = check_output(cmd.output, {old_path, new_path}, io);
      rc != kExitOk) {
    return rc;
  }
  CaptureSet& before = keep_until_exit(io, CaptureSet{});
  CaptureSet& after = keep_until_exit(io, CaptureSet{});
  if (int rc = load_side(old_path, cmd, io, before); rc != kExitOk) return rc;
  if (int rc = load_side(new_path, cmd, io, after); rc != kExitOk) return rc;
  // A WMD against a BCD is no change of either: say so instead of one
  // document removed and another added. (git's /dev/null side is empty.)
  auto kind = [](const CaptureSet& c) -> const char* {
    const bool wmd = !c.writers.empty(), bcd = !c.backup_components.empty();
    return wmd && !bcd   ? "writer metadata"
           : bcd && !wmd ? "backup components"
                         : nullptr;
  };
  if (const char* a = kind(before), *b = kind(after);
      a && b && std::string_view(a) != b) {
    return usage_error(
        io, fmt::format("{} holds only {} documents and {} only {} documents: "
                        "diff compares documents of one kind",
                        old_path, a, new_path, b));
  }

  DiffOptions options;
  options.show_all = cmd.all;
  options.ignore = cmd.ignore;
  const MetadataDiff& result =
      keep_until_exit(io, diff(before, after, options));
  int status = kExitOk;
  if (!result.empty()) status |= kExitFindings;
  if (result.has_breaking()) status |= kExitSevere;
  // git treats a nonzero status of an external diff as a failure.
  if (git) status = kExitOk;

  if (cmd.format == "html") {
    ReportPage page;
    page.diff = &result;
    page.diff_before = old_path;
    page.diff_after = new_path;
    page.inputs = {old_path, new_path};
    page.diff_hidden_note = "--all shows them";
    RenderedOutput html;
    write_report_page(page, html.stream());
    if (int rc = html.write(cmd.output, io); rc != kExitOk) return rc;
    return status;
  }
  DiffReportOptions report;
  report.before_name = git ? "a/" + cmd.paths[0] : old_path;
  report.after_name =
      git ? "b/" + cmd.paths[cmd.paths.size() == kGitRenameArgs ? 7 : 0]
          : new_path;
  report.stat_detail = cmd.stat_detail == "component" ? StatDetail::kComponent
                                                      : StatDetail::kWriter;
  report.color = cmd.output.empty() && cmd.format == "text" &&
                 want_color(cmd.color, io.out_is_terminal);
  report.format = cmd.format == "json" ? DiffFormat::kJson
                  : stat               ? DiffFormat::kStat
                  : cmd.brief          ? DiffFormat::kBrief
                                       : DiffFormat::kText;
  // The summary names the flags that show hidden and ignored changes.
  report.hidden_note = "--all shows them";
  report.ignored_note = "--ignore";
  RenderedOutput text;
  write_diff(result, text.stream(), report);
  if (int rc = text.write(cmd.output, io); rc != kExitOk) {
    return rc;
  }
  return status;
}

}  // namespace

void register_diff(CLI::App& app, Action& action) {
  auto cmd = std::make_shared<DiffCommand>();
  CLI::App* sub = app.add_subcommand(
      "diff",
      "Compare two WMDs, BCDs or captures (files or folders) by meaning: "
      "writers, components, file sets, dependencies and backup settings, "
      "each change classed breaking, notable or cosmetic. With git's 7 "
      "(or 9, for a rename) external-diff arguments it works as a git diff "
      "driver (exit 0).");
  sub->add_option("OLD NEW", cmd->paths,
                  "The two sides: files, folders or - (stdin, one side)");
  sub->add_option("--format", cmd->format,
                  "text (default), json (schemas/diff.schema.json) or html "
                  "(a self-contained page, as vssmeta report draws changes)")
      ->check(CLI::IsMember({"text", "json", "html"}));
  sub->add_flag("--brief", cmd->brief, "One line per change");
  sub->add_flag("--stat{writer}", cmd->stat_detail,
                "Counts only: per writer and impact (--stat, --stat=writer), "
                "or also per component and per directory of its file sets "
                "(--stat=component)")
      ->check(CLI::IsMember({"writer", "component"}));
  sub->add_option("--ignore", cmd->ignore,
                  "Leave out changes whose field, Writer:\\path or writer "
                  "matches this name or glob (* ?), ignoring case "
                  "(repeatable)")
      ->allow_extra_args(false);
  sub->add_flag("--all", cmd->all,
                "Also report instance ids and snapshot set ids");
  add_color_option(*sub, cmd->color);
  add_output_option(*sub, cmd->output);
  add_input_limit_option(*sub, cmd->max_input_size);
  add_keep_going_option(*sub, cmd->keep_going);
  add_quiet_option(*sub, cmd->quiet);
  sub->footer(kExitCodeHelp);
  sub->callback([cmd, &action] {
    action = [cmd](Io& io) { return run_diff(*cmd, io); };
  });
}

}  // namespace vssmeta::cli
