// SPDX-License-Identifier: MIT
// Diff benchmark (issue #3): diffing two generated ~50 MB documents with
// thousands of changes takes at most 2x the time needed to load both.
// BM_LoadBoth parses the old and the new document; BM_Diff diffs the two
// already-parsed models (and renders nothing). Prints
// `ratio diff/load (...): R` per document pair from the fastest repetitions
// of each side, measured in the same run.
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench_util.h"
#include "generate.h"
#include "vssmeta/diff.h"
#include "vssmeta/parse.h"

namespace {

using vssmeta::bench::DocumentStyle;
using vssmeta::bench::FastestReporter;
using vssmeta::bench::GeneratorOptions;
using vssmeta::bench::min_of;

struct Pair {
  std::string before;
  std::string after;
  std::optional<vssmeta::CaptureSet> parsed_before;
  std::optional<vssmeta::CaptureSet> parsed_after;
};

// doc 0: System Writer style, 50 MiB, 1 % of ~450,000 FILE_LIST entries
// dropped, changed or added. doc 1: 5,000 SQL-like components, 5 % mutated.
GeneratorOptions options(int which, double mutation) {
  GeneratorOptions o;
  o.seed = 1;
  o.mutation_fraction = mutation;
  o.mutation_seed = 7;
  if (which == 0) {
    o.target_bytes = std::size_t{50} << 20;
  } else {
    o.style = DocumentStyle::kManyComponents;
    o.component_count = 5000;
  }
  return o;
}

vssmeta::CaptureSet load(const std::string& xml) {
  vssmeta::CaptureSet set;
  set.writers.push_back(*vssmeta::parse_writer_metadata(xml));
  return set;
}

Pair& dataset(int which) {
  static std::optional<Pair> cache[2];
  auto& slot = cache[which];
  if (!slot) {
    const double mutation = which == 0 ? 0.01 : 0.05;
    slot.emplace();
    slot->before = vssmeta::bench::generate_writer_metadata(options(which, 0));
    slot->after =
        vssmeta::bench::generate_writer_metadata(options(which, mutation));
  }
  return *slot;
}

void BM_LoadBoth(benchmark::State& state) {
  const Pair& d = dataset(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto a = load(d.before);
    auto b = load(d.after);
    benchmark::DoNotOptimize(a);
    benchmark::DoNotOptimize(b);
  }
  state.SetBytesProcessed(
      state.iterations() *
      static_cast<std::int64_t>(d.before.size() + d.after.size()));
}

void BM_Diff(benchmark::State& state) {
  Pair& d = dataset(static_cast<int>(state.range(0)));
  if (!d.parsed_before) {
    d.parsed_before = load(d.before);
    d.parsed_after = load(d.after);
  }
  std::size_t changes = 0;
  for (auto _ : state) {
    auto result = vssmeta::diff(*d.parsed_before, *d.parsed_after);
    changes = result.changes.size();
    benchmark::DoNotOptimize(result);
  }
  state.SetLabel(std::to_string(changes) + " changes");
}

void configure(benchmark::internal::Benchmark* b) {
  b->ArgName("doc")
      ->Arg(0)
      ->Arg(1)
      ->ComputeStatistics("min", min_of)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
}
BENCHMARK(BM_LoadBoth)->Apply(configure);
BENCHMARK(BM_Diff)->Apply(configure);

// `ratio diff/load (doc:N): R  (diff D ms vs load both L ms, C changes)`.
void print_ratios(const FastestReporter& reporter, std::ostream& out) {
  for (const std::string doc : {"doc:0", "doc:1"}) {
    const auto load = reporter.seconds("BM_LoadBoth/" + doc);
    const auto diff = reporter.seconds("BM_Diff/" + doc);
    if (!load || !diff) continue;
    const std::string label = reporter.label("BM_Diff/" + doc);
    char line[200];
    std::snprintf(line, sizeof line,
                  "ratio diff/load (%s): %.2f  (diff %.1f ms vs load both "
                  "%.1f ms, %s)%s\n",
                  doc.c_str(), *diff / *load, *diff * 1e3, *load * 1e3,
                  label.empty() ? "?" : label.c_str(),
                  doc == "doc:0" ? "  (target <= 2)" : "");
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
