// SPDX-License-Identifier: MIT
// `vssmeta dump PATH...`: load files, folders or stdin and print them as
// text, JSON or the lossless XML re-serialisation.

#include "vssmeta/dump.h"

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
#include "vssmeta/capture_set.h"
#include "vssmeta/serialize.h"

namespace vssmeta::cli {
namespace {

struct DumpCommand {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string color = "auto";
  std::string output;
  bool files = false;
  bool indent = false;
  std::size_t max_files = 0;
  bool quiet = false;
  std::vector<std::string> writers;
  std::vector<std::string> components;
  std::size_t max_input_size = ParseOptions{}.max_bytes;
  bool keep_going = false;
};

// For --format xml, filters choose a document instead of cutting one down:
// the WMDs that match them, and the BCDs only when no filter is given.
std::vector<const WriterMetadata*> matching_writers(
    const CaptureSet& capture, const DumpOptions& options) {
  std::vector<const WriterMetadata*> out;
  for (const WriterMetadata& w : capture.writers) {
    CaptureSet one;
    one.writers.push_back(w);
    if (!filter_capture(one, options).writers.empty()) out.push_back(&w);
  }
  return out;
}

bool has_filters(const DumpOptions& options) {
  return !options.writers.empty() || !options.components.empty();
}

std::size_t count_documents(const CaptureSet& capture,
                            const DumpOptions& options) {
  return matching_writers(capture, options).size() +
         (has_filters(options) ? 0 : capture.backup_components.size());
}

// The one selected document as XML, or "" when not exactly one is selected.
std::string select_one_document(const CaptureSet& capture,
                                const DumpOptions& options,
                                const XmlLayout& layout) {
  if (count_documents(capture, options) != 1) return {};
  auto writers = matching_writers(capture, options);
  return writers.empty() ? to_xml(capture.backup_components.front(), layout)
                         : to_xml(*writers.front(), layout);
}

int run_dump(const DumpCommand& cmd, Io& io) {
  if (cmd.indent && cmd.format != "xml") {
    return usage_error(io, "--indent lays out XML: it needs --format xml");
  }
  if (int rc = check_output(cmd.output, cmd.paths, io); rc != kExitOk) {
    return rc;
  }
  std::optional<CaptureSet> loaded =
      load_inputs(cmd.paths, cmd.quiet, io, cmd.max_input_size, cmd.keep_going);
  if (!loaded) return kExitError;
  const CaptureSet& capture = keep_until_exit(io, std::move(*loaded));

  DumpOptions options;
  options.files = cmd.files;
  options.max_files = cmd.max_files;
  options.writers = cmd.writers;
  options.components = cmd.components;
  options.color = cmd.output.empty() && cmd.format == "text" &&
                  want_color(cmd.color, io.out_is_terminal);
  // A filter that matches nothing is a mistake (a misspelt name), not an
  // empty answer.
  if (auto miss = unmatched_filter(capture, options)) {
    return usage_error(io, *miss);
  }

  RenderedOutput text;
  if (cmd.format == "xml") {
    // A writer rebuilt from diskshadow's text is no document: XML would
    // hide that (text and JSON say it).
    for (const WriterMetadata* w : matching_writers(capture, options)) {
      if (w->from_text) {
        return usage_error(
            io, fmt::format("writer {} was reconstructed from text ({}): "
                            "--format xml would pass it off as its document; "
                            "use text or json",
                            w->display_name(), to_string(w->from_text->where)));
      }
    }
    XmlLayout layout;
    if (cmd.indent) layout.indent = 2;
    const std::string xml = select_one_document(capture, options, layout);
    if (xml.empty()) {
      return usage_error(
          io, fmt::format("--format xml writes exactly one whole document, "
                          "and {} are selected; pick one with --writer or "
                          "pass a single file",
                          count_documents(capture, options)));
    }
    text.stream() << xml << '\n';
  } else {
    options.format =
        cmd.format == "json" ? DumpFormat::kJson : DumpFormat::kText;
    write_dump(capture, text.stream(), options);
  }
  // Everything is rendered before anything is written: no half output.
  return text.write(cmd.output, io);
}

}  // namespace

void register_dump(CLI::App& app, Action& action) {
  auto cmd = std::make_shared<DumpCommand>();
  CLI::App* sub = app.add_subcommand(
      "dump",
      "Show writers, their component hierarchy and backup documents. PATH is "
      "a WMD or BCD file, a capture folder (e.g. diskshadow's metadata cab "
      "contents, a WindowsImageBackup folder), a metadata .cab, vshadow "
      "-wm3 output or - for standard input.");
  sub->add_option("PATH", cmd->paths, "Files, folders or - (stdin)")
      ->required();
  sub->add_option("--format", cmd->format,
                  "text (default), json (schemas/dump.schema.json) or xml "
                  "(lossless re-serialisation of one document)")
      ->check(CLI::IsMember({"text", "json", "xml"}));
  sub->add_flag("--files", cmd->files, "List every file descriptor");
  sub->add_flag("--indent", cmd->indent,
                "With --format xml: one element a line, indented, for people "
                "to read (the default is one line, as Windows writes it)");
  sub->add_option("--max-files", cmd->max_files,
                  "With --files: at most N per component in text output")
      ->check(CLI::NonNegativeNumber);
  sub->add_option("--writer", cmd->writers,
                  "Only writers with this name, instance name or GUID "
                  "(repeatable)")
      ->allow_extra_args(false);
  sub->add_option("--component", cmd->components,
                  "Only components at or below this path, e.g. "
                  "'Volumes\\Volume{...}' or 'ASR Writer:\\Volumes' "
                  "(repeatable)")
      ->allow_extra_args(false);
  add_color_option(*sub, cmd->color);
  add_output_option(*sub, cmd->output);
  add_input_limit_option(*sub, cmd->max_input_size);
  add_keep_going_option(*sub, cmd->keep_going);
  add_quiet_option(*sub, cmd->quiet);
  sub->footer(kExitCodeHelp);
  sub->callback([cmd, &action] {
    action = [cmd](Io& io) { return run_dump(*cmd, io); };
  });
}

}  // namespace vssmeta::cli
