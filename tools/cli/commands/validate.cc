// SPDX-License-Identifier: MIT
// `vssmeta validate PATH...`: run the rule table over WMDs, BCDs and
// captures; or, with --select, over a proposed selection of components.

#include "vssmeta/validate.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands/commands.h"
#include "cli/commands/rendered.h"
#include "cli/exit_code.h"
#include "cli/inputs.h"
#include "cli/options.h"
#include "cli/output.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/report.h"
#include "vssmeta/selection.h"

namespace vssmeta::cli {
namespace {

struct ValidateCommand {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string min_severity = "warning";
  std::string audience = "operator";
  std::string show = "warning";
  bool quiet = false;
  std::vector<std::string> disable;
  std::vector<std::string> enable;
  std::vector<std::string> severity;  // RULE=LEVEL
  std::vector<std::string> select;
  std::vector<std::string> exclude;
  std::string color = "auto";
  std::string output;
  bool list_rules = false;
  std::string explain;
  std::size_t max_input_size = ParseOptions{}.max_bytes;
  bool keep_going = false;
};

std::optional<Severity> parse_severity(const std::string& s) {
  if (s == "info") return Severity::kInfo;
  if (s == "warning") return Severity::kWarning;
  if (s == "error") return Severity::kError;
  return std::nullopt;
}

// A usage problem: printed as `vssmeta: error: ...`, exit 2.
struct UsageError {
  std::string message;
};

std::string canonical_rule(const std::string& id) {
  const RuleInfo* r = find_rule(id);
  if (r == nullptr)
    throw UsageError{fmt::format("no rule '{}' (see --list-rules)", id)};
  return std::string(r->id);
}

// Builds the BCD a backup of the selection would start with (the library
// resolves it), and a report of what it includes.
BackupComponents simulate(const CaptureSet& capture, const ValidateCommand& cmd,
                          std::ostream& report) {
  const ResolvedSelection selection =
      resolve_references(capture.writers, cmd.select, cmd.exclude);
  if (const ResolvedReference* r = selection.first_unmatched()) {
    throw UsageError{describe_unmatched(*r)};
  }
  BackupComponents bcd;
  bcd.source.name = "<selection>";
  bcd.backup_type = BackupType::kFull;
  bcd.select_components = true;
  for (const WriterSelection& s : selection.writers) {
    const WriterMetadata& wmd = capture.writers[s.writer];
    WriterComponents& entry = bcd.writers.emplace_back();
    entry.writer_id = wmd.identity.writer_id;
    entry.instance_id = wmd.identity.instance_id;
    entry.instance_name = wmd.identity.instance_name;
    entry.backup_schema = wmd.backup_schema_or_default();
    report << fmt::format("Writer \"{}\" {}\n", wmd.display_name(),
                          wmd.identity.writer_id.to_braced_string());
    for (std::size_t i = 0; i < wmd.components.size(); ++i) {
      const Component& c = wmd.components[i];
      if (s.inclusion.inclusion[i] == Inclusion::kExplicit) {
        BcdComponent& bc = entry.components.emplace_back();
        bc.logical_path = c.logical_path;
        bc.name = c.name;
        bc.type = c.type;
        report << fmt::format("  explicit  \\{}  ({})\n", c.full_path(),
                              to_string(s.index.backup_class(i)));
      } else if (s.inclusion.inclusion[i] == Inclusion::kImplicit) {
        report << fmt::format(
            "  implicit  \\{}  (through \\{})\n", c.full_path(),
            wmd.components[*s.inclusion.defining[i]].full_path());
      }
    }
  }
  report << '\n';
  return bcd;
}

// The rule table as this command line would run it: --severity applied.
std::vector<RuleInfo> rules_as_run(const ValidateOptions& options) {
  std::vector<RuleInfo> out(rules().begin(), rules().end());
  for (RuleInfo& r : out) {
    if (auto hit = options.severity.find(r.id); hit != options.severity.end()) {
      r.severity = hit->second;
    }
  }
  return out;
}

int run_validate(const ValidateCommand& cmd, Io& io) {
  try {
    ValidateOptions options;
    for (const auto& id : cmd.disable)
      options.disabled.insert(canonical_rule(id));
    for (const auto& id : cmd.enable)
      options.disabled.erase(canonical_rule(id));
    for (const auto& pair : cmd.severity) {
      const auto eq = pair.find('=');
      auto level = eq == std::string::npos
                       ? std::nullopt
                       : parse_severity(pair.substr(eq + 1));
      if (!level) {
        throw UsageError{fmt::format(
            "--severity wants RULE=info|warning|error, got '{}'", pair)};
      }
      options.severity[canonical_rule(pair.substr(0, eq))] = *level;
    }
    if (cmd.list_rules) {
      write_rule_list(rules_as_run(options), io.out);
      return kExitOk;
    }
    if (!cmd.explain.empty()) {
      const std::string id = canonical_rule(cmd.explain);
      for (const RuleInfo& r : rules_as_run(options)) {
        if (r.id == id) write_rule_explanation(r, io.out);
      }
      return kExitOk;
    }
    if (cmd.paths.empty()) throw UsageError{"PATH is required"};
    // --min-severity sets the exit threshold and shows what it counts;
    // --show only what is printed; -q prints errors only.
    const Severity threshold = *parse_severity(cmd.min_severity);
    options.min_severity = cmd.quiet
                               ? Severity::kError
                               : std::min(*parse_severity(cmd.show), threshold);
    options.audience =
        cmd.audience == "author" ? Audience::kAuthor : Audience::kOperator;

    if (int rc = check_output(cmd.output, cmd.paths, io); rc != kExitOk) {
      return rc;
    }
    // The parser's warnings are findings here (document rules), not
    // stderr lines.
    Diagnostics& load_warnings = keep_until_exit(io, Diagnostics());
    std::optional<CaptureSet> loaded = load_inputs(
        cmd.paths, load_warnings, io, cmd.max_input_size, cmd.keep_going);
    if (!loaded) return kExitError;
    CaptureSet& capture = keep_until_exit(io, std::move(*loaded));

    RenderedOutput text;
    if (!cmd.select.empty()) {
      std::ostringstream report;
      BackupComponents proposal = simulate(capture, cmd, report);
      capture.backup_components.clear();
      capture.backup_components.push_back(std::move(proposal));
      if (cmd.format == "text") text.stream() << report.str();
    } else if (!cmd.exclude.empty()) {
      throw UsageError{"--exclude needs --select"};
    }
    const Findings& findings =
        keep_until_exit(io, validate(capture, options, load_warnings));
    FindingsOptions report;
    report.format = cmd.format == "json"    ? FindingsFormat::kJson
                    : cmd.format == "sarif" ? FindingsFormat::kSarif
                                            : FindingsFormat::kText;
    report.color = report.format == FindingsFormat::kText &&
                   cmd.output.empty() &&
                   want_color(cmd.color, io.out_is_terminal);
    write_findings(findings, text.stream(), report);
    if (int rc = text.write(cmd.output, io); rc != kExitOk) {
      return rc;
    }
    // Errors set the severe bit; findings below them at or above the
    // threshold set the findings bit, whether printed or not.
    FindingCounts counts = findings.counts();
    counts.errors += findings.hidden.errors;
    counts.warnings += findings.hidden.warnings;
    counts.infos += findings.hidden.infos;
    int status = counts.errors != 0 ? kExitSevere : kExitOk;
    if (counts.at_least(threshold) > counts.errors) status |= kExitFindings;
    return status;
  } catch (const UsageError& e) {
    return usage_error(io, e.message);
  }
}

}  // namespace

void register_validate(CLI::App& app, Action& action) {
  auto cmd = std::make_shared<ValidateCommand>();
  CLI::App* sub = app.add_subcommand(
      "validate",
      "Check WMDs, BCDs and captures against the VSS selectability, "
      "logical-path and cross-document rules (see --list-rules).");
  sub->add_option("PATH", cmd->paths, "Files, folders or - (stdin)");
  sub->add_option("--format", cmd->format,
                  "text (default), json (schemas/validate.schema.json) or "
                  "sarif (SARIF 2.1.0)")
      ->check(CLI::IsMember({"text", "json", "sarif"}));
  sub->add_option("--for", cmd->audience,
                  "Whose findings: operator (default: what was selected and "
                  "what the backup did, plus warnings and errors about how "
                  "writers that are not Microsoft's describe themselves) or "
                  "author (every rule, for writer authors)")
      ->check(CLI::IsMember({"operator", "author"}));
  sub->add_option("--min-severity", cmd->min_severity,
                  "Lowest severity that sets an exit bit: info, warning "
                  "(default) or error; findings at or above it are printed")
      ->check(CLI::IsMember({"info", "warning", "error"}));
  sub->add_option("--show", cmd->show,
                  "Lowest severity printed: info, warning (default) or "
                  "error; the summary line counts what is not shown")
      ->check(CLI::IsMember({"info", "warning", "error"}));
  sub->add_option("--disable", cmd->disable,
                  "Do not run this rule (repeatable)")
      ->allow_extra_args(false);
  sub->add_option("--enable", cmd->enable, "Run this rule even if disabled")
      ->allow_extra_args(false);
  sub->add_option("--severity", cmd->severity,
                  "Override a rule's severity: RULE=info|warning|error")
      ->allow_extra_args(false);
  sub->add_option("--select", cmd->select,
                  "Check a proposed selection instead of the capture's BCDs: "
                  "'Writer:\\path\\name', or 'Writer' for its top-level "
                  "components (repeatable)")
      ->allow_extra_args(false);
  sub->add_option("--exclude", cmd->exclude,
                  "Remove components (or a whole writer) from --select")
      ->allow_extra_args(false);
  sub->add_flag("--list-rules", cmd->list_rules, "List every rule and exit");
  sub->add_option("--explain", cmd->explain, "Explain one rule and exit");
  add_color_option(*sub, cmd->color);
  add_output_option(*sub, cmd->output);
  add_input_limit_option(*sub, cmd->max_input_size);
  add_keep_going_option(*sub, cmd->keep_going);
  add_quiet_option(*sub, cmd->quiet,
                   "warning findings are counted in the summary line and the "
                   "exit status, not listed");
  sub->footer(kExitCodeHelp);
  sub->callback([cmd, &action] {
    action = [cmd](Io& io) { return run_validate(*cmd, io); };
  });
}

}  // namespace vssmeta::cli
