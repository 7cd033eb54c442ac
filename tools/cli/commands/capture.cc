// SPDX-License-Identifier: MIT
// `vssmeta capture` (a capture folder from the live VSS writers) and
// `vssmeta status` (writer states, like `vssadmin list writers`). Both exist
// on every system; without VSS they exit 1 saying capture requires Windows.

#include "vssmeta/capture.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands/commands.h"
#include "cli/commands/rendered.h"
#include "cli/exit_code.h"
#include "cli/inputs.h"
#include "cli/options.h"
#include "cli/output.h"
#include "vssmeta/version.h"

namespace vssmeta::cli {
namespace {

struct CaptureCommand {
  std::string output = "vssmeta-capture";
  unsigned timeout = 120;
  std::string context = "backup";
  bool bcd = false;
  bool bootable = false;
  std::vector<std::string> select;
};

struct StatusCommand {
  std::string format = "text";
  unsigned timeout = 120;
  std::string from;
  std::string output;
  bool quiet = false;
  std::size_t max_input_size = ParseOptions{}.max_bytes;
};

CaptureContext parse_context(const std::string& s) {
  if (s == "file-share-backup") return CaptureContext::kFileShareBackup;
  if (s == "app-rollback") return CaptureContext::kAppRollback;
  return CaptureContext::kBackup;
}

int fail(Io& io, const Error& error) {
  io.err << "vssmeta: error: " << error.message << "\n";
  return kExitError;
}

void warn_to(Io& io, CaptureOptions& options) {
  options.on_warning = [&io](const std::string& text) {
    io.err << "vssmeta: warning: " << text << "\n";
  };
}

int run_capture(const CaptureCommand& cmd, Io& io) {
  if (!cmd.select.empty() && !cmd.bcd) {
    return usage_error(io, "--select needs --bcd");
  }
  if (cmd.bootable && !cmd.bcd) {
    return usage_error(io, "--bootable-system-state needs --bcd");
  }
  CaptureOptions options;
  options.timeout_seconds = cmd.timeout;
  options.context = parse_context(cmd.context);
  options.save_bcd = cmd.bcd;
  options.bootable_system_state = cmd.bootable;
  options.select = cmd.select;
  options.tool_version = VSSMETA_VERSION_STRING;
  warn_to(io, options);
  if (!capture_supported()) return fail(io, capture(options).error());
  // Before the writers are asked (which can take minutes): the folder is
  // validated and its parents and temporary sibling created, so that
  // nothing captured is lost to a bad --output.
  auto folder = prepare_capture_folder(cmd.output);
  if (!folder) {
    io.err << to_string(folder.error()) << "\n";
    return kExitError;
  }
  auto captured = capture(options);
  if (!captured) {
    discard_capture_folder(*folder);
    return fail(io, captured.error());
  }
  auto written = write_capture_folder(*captured, *folder);
  if (!written) {
    io.err << to_string(written.error()) << "\n";
    return kExitError;
  }
  const auto failed =
      std::count_if(captured->status.begin(), captured->status.end(),
                    [](const WriterStatus& s) { return is_failed(s); });
  io.out << fmt::format("{}: {} writers, {} failed, {} files\n", cmd.output,
                        captured->writers.size(), failed, written->size());
  for (const CapturedWriter& w : captured->writers) {
    if (!w.parse_error.empty()) {
      io.err << "vssmeta: warning: " << w.parse_error << "\n";
    }
    if (!w.capture_error.empty()) {
      io.err << fmt::format("vssmeta: warning: writer {} ({}): {}\n",
                            w.writer_name.empty() ? "?" : w.writer_name,
                            w.instance_id.to_string(), w.capture_error);
    }
  }
  // A writer whose metadata could not be read is a finding: the folder is
  // complete otherwise (manifest.json names what failed).
  return any_capture_error(captured->writers) ? kExitFindings : kExitOk;
}

// The statuses of the status text `cmd.from` (load() recognises it by
// content), or nothing after printing why.
std::optional<std::vector<WriterStatus>> status_from(const StatusCommand& cmd,
                                                     Io& io) {
  std::optional<CaptureSet> loaded =
      load_inputs({cmd.from}, cmd.quiet, io, cmd.max_input_size);
  if (!loaded) return std::nullopt;
  if (loaded->statuses.empty()) {
    io.err << fmt::format(
        "{}: error: no writer status text here ({} writer metadata and {} "
        "backup components documents): --from reads what `vssadmin list "
        "writers`, diskshadow `list writers status` or `vshadow -ws` "
        "printed\n",
        cmd.from, loaded->writers.size(), loaded->backup_components.size());
    return std::nullopt;
  }
  return std::move(loaded->statuses);
}

int run_status(const StatusCommand& cmd, Io& io) {
  const std::vector<std::string> inputs =
      cmd.from.empty() ? std::vector<std::string>{}
                       : std::vector<std::string>{cmd.from};
  if (int rc = check_output(cmd.output, inputs, io); rc != kExitOk) {
    return rc;
  }
  std::vector<WriterStatus> status;
  if (!cmd.from.empty()) {
    auto read = status_from(cmd, io);
    if (!read) return kExitError;
    status = std::move(*read);
  } else {
    CaptureOptions options;
    options.timeout_seconds = cmd.timeout;
    warn_to(io, options);
    auto live = capture_writer_status(options);
    if (!live) return fail(io, live.error());
    status = std::move(*live);
  }
  StatusOptions report;
  report.format =
      cmd.format == "json" ? StatusFormat::kJson : StatusFormat::kText;
  RenderedOutput text;
  write_status(status, text.stream(), report);
  if (int rc = text.write(cmd.output, io); rc != kExitOk) return rc;
  const bool any_failed =
      std::any_of(status.begin(), status.end(),
                  [](const WriterStatus& s) { return is_failed(s); });
  return any_failed ? kExitFindings : kExitOk;
}

}  // namespace

void register_capture(CLI::App& app, Action& action) {
  auto cmd = std::make_shared<CaptureCommand>();
  CLI::App* sub = app.add_subcommand(
      "capture",
      "Capture the live writer metadata and status of this machine through "
      "the VSS requester API (Windows, run as administrator) into a folder "
      "that every other subcommand reads. No shadow copy is created.");
  sub->add_option("-o,--output", cmd->output,
                  "The capture folder to create (must not exist; default "
                  "vssmeta-capture)");
  sub->add_option("--timeout", cmd->timeout,
                  "Seconds to wait for the writers at each step (default 120)")
      ->check(CLI::Range(1U, 3600U));
  sub->add_option("--context", cmd->context,
                  "VSS context: backup (default), file-share-backup or "
                  "app-rollback")
      ->check(CLI::IsMember({"backup", "file-share-backup", "app-rollback"}));
  sub->add_flag("--bcd", cmd->bcd,
                "Also save the backup components document of a backup of the "
                "--select components, as it stands after PrepareForBackup "
                "(no volume added, no shadow copy; the backup is aborted)");
  sub->add_flag("--bootable-system-state", cmd->bootable,
                "With --bcd: the backup is a bootable system state backup "
                "(SetBackupState)");
  sub->add_option("--select", cmd->select,
                  "With --bcd: a component, 'Writer:\\logical\\path\\name' "
                  "(repeatable)")
      ->allow_extra_args(false);
  sub->footer(kExitCodeHelp);
  sub->callback([cmd, &action] {
    action = [cmd](Io& io) { return run_capture(*cmd, io); };
  });
}

void register_status(CLI::App& app, Action& action) {
  auto cmd = std::make_shared<StatusCommand>();
  CLI::App* sub = app.add_subcommand(
      "status",
      "Show the live state of every VSS writer, like `vssadmin list writers`, "
      "with failures decoded (Windows, run as administrator), or, with "
      "--from, the states a saved status text shows (any system). Exit 4 "
      "when a writer has failed.");
  sub->add_option("--format", cmd->format,
                  "text (default) or json (schemas/capture-status.schema.json)")
      ->check(CLI::IsMember({"text", "json"}));
  sub->add_option("--timeout", cmd->timeout,
                  "Seconds to wait for the writers (default 120)")
      ->check(CLI::Range(1U, 3600U));
  sub->add_option("--from", cmd->from,
                  "Read the status from FILE (- for standard input): the "
                  "saved output of `vssadmin list writers` (any language), "
                  "diskshadow `list writers status` or `vshadow -ws`, UTF-8 "
                  "or UTF-16")
      ->type_name("FILE");
  add_output_option(*sub, cmd->output);
  add_input_limit_option(*sub, cmd->max_input_size);
  add_quiet_option(*sub, cmd->quiet, "with --from: incomplete blocks");
  sub->footer(kExitCodeHelp);
  sub->callback([cmd, &action] {
    action = [cmd](Io& io) { return run_status(*cmd, io); };
  });
}

}  // namespace vssmeta::cli
