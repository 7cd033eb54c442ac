// SPDX-License-Identifier: MIT
// `vssmeta graph PATH...`: the component hierarchy and dependencies of a
// capture as DOT, Mermaid, or (with Graphviz) SVG, PNG or PDF.

#include "vssmeta/graph.h"

#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands/commands.h"
#include "cli/exit_code.h"
#include "cli/inputs.h"
#include "cli/options.h"
#include "cli/output.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/dot.h"
#include "vssmeta/graphviz.h"
#include "vssmeta/hierarchy.h"

namespace vssmeta::cli {
namespace {

struct GraphCommand {
  std::vector<std::string> paths;
  std::string output;
  std::string format;
  std::vector<std::string> writers;
  std::string component;
  int depth = -1;
  bool dependencies = false;
  std::string dependers;
  bool files = false;
  std::size_t max_files = GraphOptions{}.max_files;
  bool all = false;
  std::size_t max_siblings = 50;
  bool no_legend = false;
  bool no_selection = false;
  std::size_t bcd = 0;  // 1-based; 0 = the first, if any
  std::string rankdir = "LR";
  std::size_t max_input_size = ParseOptions{}.max_bytes;
  bool keep_going = false;
  bool quiet = false;
};

// The format an output file name asks for, or "" when it says nothing.
std::string format_of(const std::string& path) {
  const auto dot = path.rfind('.');
  if (dot == std::string::npos) return {};
  // File extensions ignore the case of A-Z ("graph.SVG").
  std::string ext = path.substr(dot + 1);
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (ext == "gv") return "dot";
  if (ext == "mmd" || ext == "mermaid") return "mermaid";
  if (ext == "dot" || ext == "svg" || ext == "png" || ext == "pdf") return ext;
  return {};
}

int run_graph(const GraphCommand& cmd, Io& io) {
  const bool to_stdout = is_stdout(cmd.output);
  std::string format = cmd.format;
  if (format.empty()) format = to_stdout ? "dot" : format_of(cmd.output);
  if (format.empty()) {
    return usage_error(io, fmt::format("cannot tell the format from '{}'; use "
                                       "--format dot|svg|png|pdf|mermaid",
                                       cmd.output));
  }
  const bool binary = format == "png" || format == "pdf";
  if (binary && to_stdout && io.out_is_terminal) {
    return usage_error(io,
                       fmt::format("refusing to write {} to a terminal; use -o "
                                   "FILE or redirect standard output",
                                   format));
  }
  if (format != "dot" && format != "mermaid" && !have_graphviz()) {
    io.err << fmt::format(
        "vssmeta: error: this vssmeta was built without Graphviz and cannot "
        "write {0}; write DOT instead (--format dot, or -o graph.dot) and "
        "render it with: dot -T{0} graph.dot -o graph.{0}\n",
        format);
    return kExitError;
  }
  if (!cmd.dependers.empty() && !cmd.component.empty()) {
    return usage_error(io, "--dependers and --component cannot be combined");
  }

  if (int rc = check_output(cmd.output, cmd.paths, io); rc != kExitOk) {
    return rc;
  }
  std::optional<CaptureSet> capture =
      load_inputs(cmd.paths, cmd.quiet, io, cmd.max_input_size, cmd.keep_going);
  if (!capture) return kExitError;

  GraphOptions options;
  options.writers = cmd.writers;
  if (!cmd.component.empty()) options.component = cmd.component;
  if (cmd.depth >= 0) options.depth = static_cast<std::size_t>(cmd.depth);
  options.dependencies_only = cmd.dependencies;
  if (!cmd.dependers.empty()) options.dependers = cmd.dependers;
  options.max_siblings = cmd.all ? 0 : cmd.max_siblings;
  options.show_files = cmd.files;
  options.max_files = cmd.max_files;
  options.ignore_backup = cmd.no_selection;
  if (cmd.bcd > 0) options.backup = cmd.bcd - 1;
  auto graph = build_component_graph(*capture, options);
  if (!graph) return usage_error(io, graph.error().message);

  DotOptions dot_options;
  dot_options.legend = !cmd.no_legend;
  dot_options.rankdir = cmd.rankdir;
  dot_options.comment =
      "vssmeta graph. Render with: dot -Tsvg graph.dot -o graph.svg";
  std::string content;
  if (format == "mermaid" || format == "dot") {
    std::ostringstream text;
    if (format == "mermaid") dot_options.format = GraphFormat::kMermaid;
    write_graph(*graph, text, dot_options);
    content = std::move(text).str();
  } else {
    std::vector<std::string> warnings;
    auto rendered =
        render_component_graph(*graph, format, dot_options, &warnings);
    if (!rendered) {
      io.err << "vssmeta: error: " << rendered.error().message << '\n';
      return kExitError;
    }
    if (!cmd.quiet) {
      const std::string where =
          to_stdout ? std::string("standard output") : cmd.output;
      for (const std::string& w : warnings) {
        io.err << fmt::format("vssmeta: warning: Graphviz: {} (writing {})\n",
                              w, where);
      }
    }
    content = std::move(*rendered);
  }
  return write_output(cmd.output, content, io);
}

}  // namespace

// The upper bound of the numeric options, so that a range error reads well.
constexpr int kMaxCount = 1000000;

void register_graph(CLI::App& app, Action& action) {
  auto cmd = std::make_shared<GraphCommand>();
  CLI::App* sub = app.add_subcommand(
      "graph",
      "Draw writers, the logical-path hierarchy of their components, "
      "dependencies and (with a BCD) the selection, as DOT, Mermaid, SVG, "
      "PNG or PDF.");
  sub->add_option("PATH", cmd->paths, "Files, folders or - (stdin)")
      ->required();
  sub->add_option(
      "-o,--output", cmd->output,
      "Write to this file (as for dump -o); the extension (.dot, .gv, "
      ".svg, .png, .pdf, .mmd) sets the format");
  sub->add_option("--format", cmd->format,
                  "dot (default on stdout), svg, png, pdf (these three need "
                  "Graphviz) or mermaid")
      ->check(CLI::IsMember({"dot", "svg", "png", "pdf", "mermaid"}));
  sub->add_option("--writer", cmd->writers,
                  "Only this writer: name, instance name or class GUID "
                  "(repeatable)")
      ->allow_extra_args(false);
  sub->add_option("--component", cmd->component,
                  "Focus on this component or path ('Writer:\\path\\name' or "
                  "'path\\name') and what it depends on");
  sub->add_option("--depth", cmd->depth,
                  "Levels shown below the focus (or below each writer)")
      ->check(CLI::Range(0, kMaxCount));
  sub->add_flag("--dependencies", cmd->dependencies,
                "Only components on dependency edges, and those edges");
  sub->add_option("--dependers", cmd->dependers,
                  "Only this component and what depends on it, transitively "
                  "(not with --component)");
  sub->add_flag("--files", cmd->files,
                "Show each component's file descriptors, one node per "
                "directory with their count and filespecs");
  sub->add_option("--max-files", cmd->max_files,
                  "With --files: at most N directory nodes per component, "
                  "the rest in one '+K more' node (default 20; 0 = all)")
      ->check(CLI::Range(0, kMaxCount));
  sub->add_flag("--all", cmd->all,
                "Never collapse siblings into a '+N more' node");
  sub->add_option("--max-siblings", cmd->max_siblings,
                  "Children shown per node before the rest collapse into "
                  "'+N more' (default 50; 0 = all)")
      ->check(CLI::Range(0, kMaxCount));
  sub->add_flag("--no-legend", cmd->no_legend, "Leave the legend out");
  sub->add_flag("--no-selection", cmd->no_selection,
                "Ignore backup components documents in the input");
  sub->add_option("--bcd", cmd->bcd,
                  "Draw the selection of the Nth backup components document "
                  "of the input (default: the first)")
      ->check(CLI::Range(1, kMaxCount));
  sub->add_option("--rankdir", cmd->rankdir, "LR (default) or TB")
      ->check(CLI::IsMember({"LR", "TB"}));
  add_input_limit_option(*sub, cmd->max_input_size);
  add_keep_going_option(*sub, cmd->keep_going);
  add_quiet_option(*sub, cmd->quiet);
  sub->footer(kExitCodeHelp);
  sub->callback([cmd, &action] {
    action = [cmd](Io& io) { return run_graph(*cmd, io); };
  });
}

}  // namespace vssmeta::cli
