// SPDX-License-Identifier: MIT
// `vssmeta report PATH... -o report.html`: one self-contained HTML page for
// a ticket: the diagnose verdict, the writers, failures, coverage, findings,
// the component hierarchy and, given OLD and NEW captures, what changed.

#include <filesystem>
#include <fstream>
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
#include "vssmeta/diagnose.h"
#include "vssmeta/diff.h"
#include "vssmeta/html_report.h"
#include "vssmeta/validate.h"
#include "vssmeta/version.h"

namespace vssmeta::cli {

std::optional<HostManifest> read_host_manifest(const std::string& path,
                                               Io& io) {
  std::error_code ec;
  const std::filesystem::path file =
      std::filesystem::path(path) / "manifest.json";
  if (!std::filesystem::is_directory(path, ec) ||
      !std::filesystem::is_regular_file(file, ec)) {
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  std::string bytes;
  char buffer[65536];
  // A manifest is a few KiB; more than 16 MiB is not one.
  constexpr std::size_t kLimit = std::size_t{16} << 20;
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > kLimit) break;
  }
  if (!in.eof() || bytes.size() > kLimit) {
    io.err << fmt::format(
        "{}: warning: cannot read the capture manifest; the report leaves "
        "out the host and time\n",
        file.string());
    return std::nullopt;
  }
  auto host = parse_host_manifest_json(bytes, file.string());
  if (!host) {
    std::string message = to_string(host.error());
    if (const auto at = message.find("error:"); at != std::string::npos) {
      message.replace(at, 6, "warning:");
    }
    io.err << message << "; the report leaves out the host and time\n";
    return std::nullopt;
  }
  return std::move(*host);
}

void write_report_page(const ReportPage& page, std::ostream& out) {
  HtmlReportInput input;
  input.capture = page.capture;
  input.diagnosis = page.diagnosis;
  input.status = page.status;
  input.findings = page.findings;
  input.diff = page.diff;
  input.diff_before = page.diff_before;
  input.diff_after = page.diff_after;
  input.host = page.host;
  input.inputs = page.inputs;
  HtmlReportOptions options;
  options.title = page.title;
  options.hierarchy = page.hierarchy != "none";
  options.use_graphviz = page.hierarchy == "svg";
  options.max_siblings = page.max_siblings;
  options.hidden_note = page.hidden_note;
  options.diff_hidden_note = page.diff_hidden_note;
  options.generator = std::string("vssmeta ") + VSSMETA_VERSION_STRING;
  write_html_report(input, out, options);
}

int verdict_status(const Diagnosis& diagnosis) {
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

namespace {

struct ReportCommand {
  std::vector<std::string> paths;
  std::string output;
  std::string status;
  std::string system_volume;
  std::size_t bcd = 1;
  std::string compare = "auto";
  std::string audience = "operator";
  std::string show = "warning";
  std::string hierarchy = "svg";
  std::size_t max_siblings = 50;
  std::string title;
  std::size_t max_input_size = ParseOptions{}.max_bytes;
  bool keep_going = false;
};

// A path that is a capture on its own: a folder, or a cabinet (by its
// content, as load() tells).
bool is_capture(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return true;
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  return in.read(magic, sizeof magic) && magic[0] == 'M' && magic[1] == 'S' &&
         magic[2] == 'C' && magic[3] == 'F';
}

Severity severity_named(const std::string& name) {
  return name == "info"    ? Severity::kInfo
         : name == "error" ? Severity::kError
                           : Severity::kWarning;
}

int run_report(const ReportCommand& cmd, Io& io) {
  const bool compare = cmd.compare == "yes" ||
                       (cmd.compare == "auto" && cmd.paths.size() == 2 &&
                        is_capture(cmd.paths[0]) && is_capture(cmd.paths[1]));
  if (compare && cmd.paths.size() != 2) {
    return usage_error(
        io,
        fmt::format("--compare yes wants OLD NEW, got {} {}", cmd.paths.size(),
                    cmd.paths.size() == 1 ? "path" : "paths"));
  }
  if (int rc = check_system_volume(cmd.system_volume, io); rc != kExitOk) {
    return rc;
  }
  // What the page is about: all paths, or NEW.
  const std::vector<std::string> about =
      compare ? std::vector<std::string>{cmd.paths[1]} : cmd.paths;
  std::vector<std::string> inputs = cmd.paths;
  if (!cmd.status.empty()) inputs.push_back(cmd.status);
  if (int rc = check_output(cmd.output, inputs, io); rc != kExitOk) return rc;

  std::vector<WriterStatus> status;
  if (const std::string file = status_file(cmd.status, about); !file.empty()) {
    auto read = read_status(file, cmd.max_input_size, io);
    if (!read) return kExitError;
    status = std::move(*read);
  }
  const CaptureSet* before = nullptr;
  if (compare) {
    std::optional<CaptureSet> old_side = load_inputs(
        {cmd.paths[0]}, /*quiet=*/true, io, cmd.max_input_size, cmd.keep_going);
    if (!old_side) return kExitError;
    before = &keep_until_exit(io, std::move(*old_side));
  }
  // The parser's warnings become findings (document rules), as in validate.
  Diagnostics& load_warnings = keep_until_exit(io, Diagnostics());
  std::optional<CaptureSet> loaded =
      load_inputs(about, load_warnings, io, cmd.max_input_size, cmd.keep_going);
  if (!loaded) return kExitError;
  const CaptureSet& capture = keep_until_exit(io, std::move(*loaded));
  status.insert(status.end(), capture.statuses.begin(), capture.statuses.end());
  if (int rc = check_bcd_number(cmd.bcd, capture, io); rc != kExitOk) {
    return rc;
  }

  DiagnoseOptions diagnose_options;
  diagnose_options.backup = cmd.bcd - 1;
  diagnose_options.system_volume = cmd.system_volume;
  const Diagnosis& diagnosis =
      keep_until_exit(io, diagnose(capture, status, diagnose_options));
  ValidateOptions validate_options;
  validate_options.audience =
      cmd.audience == "author" ? Audience::kAuthor : Audience::kOperator;
  validate_options.min_severity = severity_named(cmd.show);
  const Findings& findings =
      keep_until_exit(io, validate(capture, validate_options, load_warnings));

  ReportPage page;
  page.capture = &capture;
  page.diagnosis = &diagnosis;
  page.status = status;
  page.findings = &findings;
  page.inputs = cmd.paths;
  if (!cmd.status.empty()) page.inputs.push_back(cmd.status);
  page.title = cmd.title;
  page.hierarchy = cmd.hierarchy;
  page.max_siblings = cmd.max_siblings;
  page.hidden_note = "--show info lists them";
  if (about.size() == 1) page.host = read_host_manifest(about.front(), io);
  int result = verdict_status(diagnosis);
  if (before != nullptr) {
    const MetadataDiff& changes =
        keep_until_exit(io, diff(*before, capture, DiffOptions{}));
    page.diff = &changes;
    page.diff_before = cmd.paths[0];
    page.diff_after = cmd.paths[1];
    page.diff_hidden_note = "vssmeta diff --all OLD NEW shows them";
    if (!changes.empty()) result |= kExitFindings;
    if (changes.has_breaking()) result |= kExitSevere;
  }
  RenderedOutput html;
  write_report_page(page, html.stream());
  if (int rc = html.write(cmd.output, io); rc != kExitOk) return rc;
  return result;
}

}  // namespace

void register_report(CLI::App& app, Action& action) {
  auto cmd = std::make_shared<ReportCommand>();
  CLI::App* sub = app.add_subcommand(
      "report",
      "One self-contained HTML page for a ticket: the diagnose verdict, the "
      "writers, failures with cause and action, coverage, findings, the "
      "component hierarchy and, given OLD and NEW captures, what changed. "
      "It loads nothing from anywhere and reads the same without scripts "
      "and on paper.");
  sub->add_option("PATH", cmd->paths,
                  "Files, folders (a capture) or - (stdin); two captures "
                  "(folders or cabinets) are OLD and NEW")
      ->required();
  add_output_option(*sub, cmd->output);
  sub->add_option("--compare", cmd->compare,
                  "auto (default: two PATHs that are both folders or "
                  "cabinets are OLD and NEW), yes (two PATHs are OLD and NEW) "
                  "or no (every PATH is part of one capture)")
      ->check(CLI::IsMember({"auto", "yes", "no"}));
  sub->add_option("--status", cmd->status,
                  "Writer states and failures, as for diagnose (default: "
                  "the status.json of a capture folder PATH)");
  sub->add_option("--bcd", cmd->bcd,
                  "Report on the Nth backup components document (default 1)");
  sub->add_option("--system-volume", cmd->system_volume,
                  "The drive %SystemRoot%-style paths lie on (e.g. C:), as "
                  "for diagnose");
  sub->add_option("--for", cmd->audience,
                  "Whose findings, as for validate: operator (default) or "
                  "author")
      ->check(CLI::IsMember({"operator", "author"}));
  sub->add_option("--show", cmd->show,
                  "Lowest severity of the findings listed: info, warning "
                  "(default) or error; the page counts the others")
      ->check(CLI::IsMember({"info", "warning", "error"}));
  sub->add_option("--hierarchy", cmd->hierarchy,
                  "svg (default: Graphviz pictures, a nested list without "
                  "Graphviz), list or none")
      ->check(CLI::IsMember({"svg", "list", "none"}));
  sub->add_option("--max-siblings", cmd->max_siblings,
                  "Children drawn per node in the hierarchy before the rest "
                  "collapse into '+N more' (default 50; 0 = all)")
      ->check(CLI::Range(0, 1000000));
  sub->add_option("--title", cmd->title,
                  "The page title (default: VSS backup report, and the host)");
  add_input_limit_option(*sub, cmd->max_input_size);
  add_keep_going_option(*sub, cmd->keep_going);
  sub->footer(
      "Exit status (bits combine), as for diagnose: 0 the backup succeeded "
      "and nothing was found; 4 incomplete, findings or (OLD NEW) "
      "differences; 8 failed or breaking differences; 1 error (I/O, "
      "malformed input); 2 usage.");
  sub->callback([cmd, &action] {
    action = [cmd](Io& io) { return run_report(*cmd, io); };
  });
}

}  // namespace vssmeta::cli
