// SPDX-License-Identifier: MIT
// Graph benchmark (issue #4): a 5,000-component writer (many-components
// style, with a BCD selecting half of them) rendered to SVG must take under
// 10 s. Measures, on the same in-memory documents:
//   BM_Load             parse the WMD and BCD (the baseline)
//   BM_GraphDot         load + build_component_graph + write_graph (DOT)
//   BM_GraphSvg         load + graph + render_component_graph(svg)
//   BM_PlainLayout      render_graphviz(svg) of a bare DOT with the same
//                       nodes and edges (no labels, styles or clusters):
//                       what Graphviz alone costs for that shape
// each with collapse:1 (the default, "+N more" after 50 siblings) and
// collapse:0 (`--all`). Prints the fastest SVG time against the target and
// its ratios to the load and to the plain layout.
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench_util.h"
#include "generate.h"
#include "vssmeta/dot.h"
#include "vssmeta/graph.h"
#include "vssmeta/graphviz.h"
#include "vssmeta/parse.h"

namespace {

using vssmeta::bench::FastestReporter;
using vssmeta::bench::min_of;

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
    std::ostringstream dot;
    vssmeta::write_graph(g, dot);
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

// The fastest SVG time against the target, and its ratios to the plain
// layout and to the load.
void print_ratios(const FastestReporter& reporter, std::ostream& out) {
  const auto load = reporter.seconds("BM_Load");
  for (const std::string arg : {"collapse:1", "collapse:0"}) {
    const auto svg = reporter.seconds("BM_GraphSvg/" + arg);
    const auto plain = reporter.seconds("BM_PlainLayout/" + arg);
    if (!svg || !plain || !load) continue;
    char line[256];
    std::snprintf(line, sizeof line,
                  "graph svg 5000 components (%s): %.0f ms (target < 10000 "
                  "ms); ratio to plain layout %.2f, to load %.1f\n",
                  arg.c_str(), *svg * 1e3, *svg / *plain, *svg / *load);
    out << line;
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  FastestReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  print_ratios(reporter, std::cout);
  benchmark::Shutdown();
  return 0;
}
