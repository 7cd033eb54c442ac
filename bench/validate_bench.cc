// SPDX-License-Identifier: MIT
// Validation benchmark: how much `validate()` adds to loading. Target
// (issue #6): validating the 50 MB benchmark document adds at most 25 % to
// loading it. BM_Load parses; BM_LoadAndValidate parses and validates the
// same document (with a matching backup components document for the
// many-components case, so the cross-document rules run too) with the
// library's defaults (every rule, every finding); BM_LoadAndValidateOperator
// as the CLI does by default (operator audience, findings from warning up).
// Prints `overhead validate (...): N %` per document and audience from the
// fastest repetitions.
// Documents: doc:0 the 50 MB System Writer-style document of load_bench
// (its random picks repeat 29,719 file sets, so WMD023 reports each);
// doc:1 5,000 SQL-like components + BCD; doc:2 the 50 MB document with
// distinct file sets (GeneratorOptions::distinct_file_sets), as real
// System Writer documents are.
#include <cstdio>
#include <iostream>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench_util.h"
#include "generate.h"
#include "vssmeta/parse.h"
#include "vssmeta/validate.h"

namespace {

using vssmeta::bench::DocumentStyle;
using vssmeta::bench::FastestReporter;
using vssmeta::bench::GeneratorOptions;
using vssmeta::bench::min_of;

struct Dataset {
  std::string wmd;
  std::string bcd;  // empty: WMD rules only
};

const Dataset& dataset(int which) {
  static std::optional<Dataset> cache[3];
  auto& slot = cache[which];
  if (!slot) {
    GeneratorOptions o;
    o.seed = 1;
    if (which != 1) {
      o.target_bytes = std::size_t{50} << 20;
      o.distinct_file_sets = which == 2;
      slot = Dataset{vssmeta::bench::generate_writer_metadata(o), {}};
    } else {
      o.style = DocumentStyle::kManyComponents;
      o.component_count = 5000;
      auto doc = vssmeta::bench::generate_writer_metadata_document(o);
      vssmeta::bench::BackupComponentsOptions b;
      b.selected_fraction = 0.5;
      std::string bcd = vssmeta::bench::generate_backup_components(
          std::span<const vssmeta::bench::GeneratedWriterMetadata>(&doc, 1), b);
      slot = Dataset{doc.xml, std::move(bcd)};
    }
  }
  return *slot;
}

vssmeta::CaptureSet load(const Dataset& d) {
  vssmeta::CaptureSet set;
  set.writers.push_back(*vssmeta::parse_writer_metadata(d.wmd));
  if (!d.bcd.empty()) {
    set.backup_components.push_back(*vssmeta::parse_backup_components(d.bcd));
  }
  return set;
}

void BM_Load(benchmark::State& state) {
  const Dataset& d = dataset(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto set = load(d);
    benchmark::DoNotOptimize(set);
  }
}

void BM_LoadAndValidate(benchmark::State& state) {
  const Dataset& d = dataset(static_cast<int>(state.range(0)));
  std::size_t findings = 0;
  for (auto _ : state) {
    auto set = load(d);
    findings = vssmeta::validate(set).size();
    benchmark::DoNotOptimize(findings);
  }
  state.SetLabel(std::to_string(findings) + " findings");
}

// What `vssmeta validate` runs by default: the operator's rules (author
// rules at warning and above, for writers that are not Microsoft's), and
// findings built from warning severity up (infos counted only).
void BM_LoadAndValidateOperator(benchmark::State& state) {
  const Dataset& d = dataset(static_cast<int>(state.range(0)));
  vssmeta::ValidateOptions options;
  options.audience = vssmeta::Audience::kOperator;
  options.min_severity = vssmeta::Severity::kWarning;
  std::size_t findings = 0;
  for (auto _ : state) {
    auto set = load(d);
    findings = vssmeta::validate(set, options).size();
    benchmark::DoNotOptimize(findings);
  }
  state.SetLabel(std::to_string(findings) + " findings");
}

void configure(benchmark::internal::Benchmark* b) {
  b->ArgName("doc")
      ->Arg(0)  // 50 MB system-writer style
      ->Arg(1)  // 5,000 components + BCD
      ->Arg(2)  // 50 MB system-writer style, distinct file sets
      ->ComputeStatistics("min", min_of)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
}
BENCHMARK(BM_Load)->Apply(configure);
BENCHMARK(BM_LoadAndValidate)->Apply(configure);
BENCHMARK(BM_LoadAndValidateOperator)->Apply(configure);

// One line per document: the fastest load + validate against the fastest
// load of the same run.
void print_overheads(const FastestReporter& reporter, std::ostream& out) {
  for (const char* doc : {"doc:0", "doc:1", "doc:2"}) {
    const auto load = reporter.seconds(std::string("BM_Load/") + doc);
    const auto both =
        reporter.seconds(std::string("BM_LoadAndValidate/") + doc);
    if (!load || !both) continue;
    char line[160];
    std::snprintf(line, sizeof line,
                  "overhead validate (%s): %.1f %%  (%.1f ms vs %.1f ms)%s\n",
                  doc, (*both / *load - 1.0) * 100.0, *both * 1e3, *load * 1e3,
                  std::string(doc) != "doc:1" ? "  (target <= 25 %)" : "");
    out << line;
    const auto op =
        reporter.seconds(std::string("BM_LoadAndValidateOperator/") + doc);
    if (!op) continue;
    std::snprintf(line, sizeof line,
                  "overhead validate --for operator (%s): %.1f %%  (%.1f ms vs "
                  "%.1f ms)%s\n",
                  doc, (*op / *load - 1.0) * 100.0, *op * 1e3, *load * 1e3,
                  std::string(doc) == "doc:1" ? "  (target <= 50 %)" : "");
    out << line;
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  FastestReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  print_overheads(reporter, std::cout);
  benchmark::Shutdown();
  return 0;
}
