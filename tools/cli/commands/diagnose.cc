// SPDX-License-Identifier: MIT
// `vssmeta diagnose PATH... [--status FILE]`: a backup post-mortem: the
// verdict, the failures, per writer what the backup covered and why the
// rest was left out, the volumes against the shadow copy set, and the
// findings that bear on the backup.

#include "vssmeta/diagnose.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands/commands.h"
#include "cli/commands/rendered.h"
#include "cli/commands/report_page.h"
#include "cli/commands/status_input.h"
#include "cli/exit_code.h"
#include "cli/inputs.h"
#include "cli/options.h"
#include "cli/output.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/status_text.h"
#include "vssmeta/validate.h"

namespace vssmeta::cli {
namespace {

struct DiagnoseCommand {
  std::vector<std::string> paths;
  std::string status;
  std::string format = "text";
  std::string color = "auto";
  std::string output;
  std::string system_volume;
  std::size_t bcd = 1;
  bool quiet = false;
  std::size_t max_input_size = ParseOptions{}.max_bytes;
  bool keep_going = false;
};

}  // namespace

// The status file: --status, else the status.json of the one capture
// folder given (what `vssmeta capture` writes beside the documents).
std::string status_file(const std::string& status,
                        const std::vector<std::string>& paths) {
  if (!status.empty() || paths.size() != 1) return status;
  std::error_code ec;
  const std::filesystem::path dir(paths.front());
  if (!std::filesystem::is_directory(dir, ec)) return {};
  const std::filesystem::path file = dir / "status.json";
  return std::filesystem::is_regular_file(file, ec) ? file.string()
                                                    : std::string();
}

// Reads a status.json; prints the error and returns nothing on failure.
std::optional<std::vector<WriterStatus>> read_status(const std::string& path,
                                                     std::size_t max_bytes,
                                                     Io& io) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    io.err << fmt::format("{}: error: cannot open the status file\n", path);
    return std::nullopt;
  }
  std::string bytes;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > max_bytes) {
      io.err << fmt::format(
          "{}: error: larger than {} bytes (--max-input-size raises it)\n",
          path, max_bytes);
      return std::nullopt;
    }
  }
  // status.json, or the status text of vssadmin, diskshadow or vshadow.
  auto parsed = [&] {
    if (!is_status_text(bytes)) return parse_status_json(bytes, path);
    ParseOptions options;
    options.source_name = path;
    return parse_status_text(bytes, options);
  }();
  if (!parsed) {
    io.err << to_string(parsed.error()) << '\n';
    return std::nullopt;
  }
  return std::move(*parsed);
}

int check_system_volume(const std::string& v, Io& io) {
  if (v.empty()) return kExitOk;
  const bool drive =
      (v.size() == 2 || (v.size() == 3 && v[2] == '\\')) &&
      ((v[0] >= 'A' && v[0] <= 'Z') || (v[0] >= 'a' && v[0] <= 'z')) &&
      v[1] == ':';
  if (drive) return kExitOk;
  return usage_error(
      io, fmt::format("--system-volume wants a drive such as C: or C:\\, "
                      "got '{}'",
                      v));
}

int check_bcd_number(std::size_t bcd, const CaptureSet& capture, Io& io) {
  // #1 is the default and stands for "the first, if any".
  if (bcd != 0 && (bcd == 1 || bcd <= capture.backup_components.size())) {
    return kExitOk;
  }
  return usage_error(io, fmt::format("no backup components document #{} (the "
                                     "input holds {})",
                                     bcd, capture.backup_components.size()));
}

namespace {

int run_diagnose(const DiagnoseCommand& cmd, Io& io) {
  std::vector<std::string> inputs = cmd.paths;
  if (!cmd.status.empty()) inputs.push_back(cmd.status);
  if (int rc = check_output(cmd.output, inputs, io); rc != kExitOk) {
    return rc;
  }
  if (int rc = check_system_volume(cmd.system_volume, io); rc != kExitOk) {
    return rc;
  }
  std::vector<WriterStatus> status;
  if (const std::string file = status_file(cmd.status, cmd.paths);
      !file.empty()) {
    auto read = read_status(file, cmd.max_input_size, io);
    if (!read) return kExitError;
    status = std::move(*read);
  }
  std::optional<CaptureSet> loaded =
      load_inputs(cmd.paths, cmd.quiet, io, cmd.max_input_size, cmd.keep_going);
  if (!loaded) return kExitError;
  const CaptureSet& capture = keep_until_exit(io, std::move(*loaded));
  // Status text given among the inputs counts as well.
  status.insert(status.end(), capture.statuses.begin(), capture.statuses.end());
  if (int rc = check_bcd_number(cmd.bcd, capture, io); rc != kExitOk) {
    return rc;
  }
  DiagnoseOptions options;
  options.backup = cmd.bcd - 1;
  options.system_volume = cmd.system_volume;
  const Diagnosis& diagnosis =
      keep_until_exit(io, diagnose(capture, status, options));

  if (cmd.format == "html") {
    // The page of `vssmeta report` for this capture.
    ValidateOptions validate_options;
    validate_options.audience = Audience::kOperator;
    validate_options.min_severity = Severity::kWarning;
    ReportPage page;
    page.capture = &capture;
    page.diagnosis = &diagnosis;
    page.status = status;
    page.findings = &keep_until_exit(io, validate(capture, validate_options));
    page.inputs = inputs;
    if (cmd.paths.size() == 1) {
      page.host = read_host_manifest(cmd.paths.front(), io);
    }
    RenderedOutput html;
    write_report_page(page, html.stream());
    if (int rc = html.write(cmd.output, io); rc != kExitOk) return rc;
    return verdict_status(diagnosis);
  }
  DiagnosisOptions render;
  render.format =
      cmd.format == "json" ? DiagnosisFormat::kJson : DiagnosisFormat::kText;
  render.color = render.format == DiagnosisFormat::kText &&
                 cmd.output.empty() &&
                 want_color(cmd.color, io.out_is_terminal);
  RenderedOutput text;
  write_diagnosis(diagnosis, text.stream(), render);
  if (int rc = text.write(cmd.output, io); rc != kExitOk) return rc;
  switch (diagnosis.verdict) {
    case Verdict::kFailed:
      return kExitSevere | (diagnosis.counts.incomplete() != 0 ||
                                    diagnosis.counts.findings != 0
                                ? kExitFindings
                                : kExitOk);
    case Verdict::kIncomplete:
      return kExitFindings;
    case Verdict::kSucceeded:
    case Verdict::kNothingToJudge:
      return diagnosis.counts.findings != 0 ? kExitFindings : kExitOk;
  }
  return kExitOk;
}

}  // namespace

void register_diagnose(CLI::App& app, Action& action) {
  auto cmd = std::make_shared<DiagnoseCommand>();
  CLI::App* sub = app.add_subcommand(
      "diagnose",
      "Backup post-mortem: the verdict, the failures (decoded, with cause "
      "and action), what each writer's backup covered and why the rest was "
      "left out, and the volumes against the shadow copy set.");
  sub->add_option("PATH", cmd->paths,
                  "Files, folders (a capture, e.g. diskshadow's metadata cab "
                  "contents with Manifest.xml) or - (stdin)")
      ->required();
  sub->add_option("--status", cmd->status,
                  "Writer states and failures: a capture's status.json "
                  "(vssmeta capture, vssmeta status --format json) or the "
                  "text of vssadmin list writers, diskshadow list writers "
                  "status or vshadow -ws (also accepted among the PATHs); "
                  "default: the status.json of a capture folder PATH");
  sub->add_option("--format", cmd->format,
                  "text (default), json (schemas/diagnose.schema.json) or "
                  "html (the page of vssmeta report)")
      ->check(CLI::IsMember({"text", "json", "html"}));
  sub->add_option("--bcd", cmd->bcd,
                  "Diagnose the Nth backup components document of the input "
                  "(default 1)");
  sub->add_option("--system-volume", cmd->system_volume,
                  "The drive %SystemRoot%-style paths lie on (e.g. C:), when "
                  "the capture has no System Writer metadata that names it");
  add_color_option(*sub, cmd->color);
  add_output_option(*sub, cmd->output);
  add_input_limit_option(*sub, cmd->max_input_size);
  add_keep_going_option(*sub, cmd->keep_going);
  add_quiet_option(*sub, cmd->quiet);
  sub->footer(
      "Exit status (bits combine): 0 the backup succeeded and nothing was "
      "found; 4 incomplete (components not covered) or findings; 8 failed "
      "(a failure is recorded); 1 error (I/O, malformed input); 2 usage.");
  sub->callback([cmd, &action] {
    action = [cmd](Io& io) { return run_diagnose(*cmd, io); };
  });
}

}  // namespace vssmeta::cli
