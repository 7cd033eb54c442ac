// SPDX-License-Identifier: MIT
// Graph benchmark (issue #4): a 5,000-component writer (many-components
// style, with a BCD selecting half of them) rendered to SVG must take under
// 10 s. Measures, on the same in-memory documents:
//   BM_Load             parse the WMD and BCD (the baseline)
//   BM_GraphDot         load + build_component_graph + to_dot
//   BM_GraphSvg         load + graph + render_component_graph(svg)
//   BM_PlainLayout      render_graphviz(svg) of a bare DOT with the same
//                       nodes and edges (no labels, styles or clusters):
//                       what Graphviz alone costs for that shape
// each with collapse:1 (the default, "+N more" after 50 siblings) and
// collapse:0 (`--all`). Prints the fastest SVG time against the target and
// its ratios to the load and to the plain layout.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "generate.h"
#include "vssmeta/dot.h"
#include "vssmeta/graph.h"
#include "vssmeta/graphviz.h"
#include "vssmeta/parse.h"

namespace {

struct Dataset {
  std::string wmd;
  std::string bcd;
};

const Dataset& dataset() {
  static std::optional<Dataset> slot;
  if (!slot) {
    vssmeta::bench::GeneratorOptions o;
    o.seed = 1;
    o.style = vssmeta::bench::DocumentStyle::kManyComponents;
    o.component_count = 5000;
    auto doc = vssmeta::bench::generate_writer_metadata_document(o);
    vssmeta::bench::BackupComponentsOptions b;
    b.selected_fraction = 0.5;
    std::string bcd = vssmeta::bench::generate_backup_components(
        std::span<const vssmeta::bench::GeneratedWriterMetadata>(&doc, 1), b);
    slot = Dataset{doc.xml, std::move(bcd)};
  }
  return *slot;
}

vssmeta::CaptureSet load() {
  const Dataset& d = dataset();
  vssmeta::CaptureSet set;
  set.writers.push_back(*vssmeta::parse_writer_metadata(d.wmd));
  set.backup_components.push_back(*vssmeta::parse_backup_components(d.bcd));
  return set;
}

vssmeta::GraphOptions options(const benchmark::State& state) {
  vssmeta::GraphOptions o;
  if (state.range(0) == 0) o.max_siblings = 0;
  return o;
}

vssmeta::ComponentGraph graph(const benchmark::State& state) {
  return *vssmeta::build_component_graph(load(), options(state));
}

double min_of(const std::vector<double>& v) {
  return v.empty() ? 0.0 : *std::min_element(v.begin(), v.end());
}

void BM_Load(benchmark::State& state) {
  for (auto _ : state) {
    auto set = load();
    benchmark::DoNotOptimize(set);
  }
}

void BM_GraphDot(benchmark::State& state) {
  std::size_t nodes = 0;
  for (auto _ : state) {
    const vssmeta::ComponentGraph g = graph(state);
    nodes = g.nodes.size();
    std::string dot = vssmeta::to_dot(g);
    benchmark::DoNotOptimize(dot);
  }
  state.SetLabel(std::to_string(nodes) + " nodes");
}

void BM_GraphSvg(benchmark::State& state) {
  if (!vssmeta::have_graphviz()) {
    state.SkipWithError("built without Graphviz");
    return;
  }
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto svg = vssmeta::render_component_graph(graph(state), "svg");
    bytes = svg ? svg->size() : 0;
    benchmark::DoNotOptimize(svg);
  }
  state.SetLabel(std::to_string(bytes) + " bytes");
}

void BM_PlainLayout(benchmark::State& state) {
  if (!vssmeta::have_graphviz()) {
    state.SkipWithError("built without Graphviz");
    return;
  }
  const vssmeta::ComponentGraph g = graph(state);
  std::map<std::string, std::size_t> ids;
  std::string dot = "digraph {\n";
  for (const vssmeta::GraphNode& n : g.nodes) {
    ids.emplace(n.id, ids.size());
    dot += "  n" + std::to_string(ids.size()) + ";\n";
  }
  for (const vssmeta::GraphEdge& e : g.edges) {
    dot += "  n" + std::to_string(ids.at(e.from) + 1) + " -> n" +
           std::to_string(ids.at(e.to) + 1) + ";\n";
  }
  dot += "}\n";
  for (auto _ : state) {
    auto svg = vssmeta::render_graphviz(dot, "svg");
    benchmark::DoNotOptimize(svg);
  }
}

void configure(benchmark::internal::Benchmark* b) {
  b->ArgName("collapse")
      ->Arg(1)
      ->Arg(0)
      ->ComputeStatistics("min", min_of)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
}
BENCHMARK(BM_Load)
    ->ComputeStatistics("min", min_of)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_GraphDot)->Apply(configure);
BENCHMARK(BM_GraphSvg)->Apply(configure)->Iterations(1);
BENCHMARK(BM_PlainLayout)->Apply(configure)->Iterations(1);

class GraphReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.error_occurred) continue;
      const bool aggregate = run.run_type == Run::RT_Aggregate;
      if (aggregate && run.aggregate_name != "min") continue;
      std::string key = run.run_name.function_name;
      if (!run.run_name.args.empty()) key += "/" + run.run_name.args;
      double& slot = best_[key];
      const double t = run.GetAdjustedRealTime();
      if (slot == 0.0 || t < slot) slot = t;
    }
  }
  void print(std::ostream& out) const {
    const auto load = best_.find("BM_Load");
    for (const char* arg : {"collapse:1", "collapse:0"}) {
      const auto svg = best_.find(std::string("BM_GraphSvg/") + arg);
      const auto plain = best_.find(std::string("BM_PlainLayout/") + arg);
      if (svg == best_.end() || plain == best_.end() || load == best_.end()) {
        continue;
      }
      char line[256];
      std::snprintf(line, sizeof line,
                    "graph svg 5000 components (%s): %.0f ms (target < 10000 "
                    "ms); ratio to plain layout %.2f, to load %.1f\n",
                    arg, svg->second, svg->second / plain->second,
                    svg->second / load->second);
      out << line;
    }
  }

 private:
  std::map<std::string, double> best_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  GraphReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.print(std::cout);
  benchmark::Shutdown();
  return 0;
}
