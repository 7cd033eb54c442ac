// SPDX-License-Identifier: MIT
// Restore-plan benchmark (issue #16): on the 5,000-component benchmark
// writer with a backup components document, `plan_restore()` plus its text
// rendering costs at most 1.5x `validate()` plus its text rendering. The
// documents are parsed once, outside the timed region; both sides work on
// the same capture. Prints `ratio restore-plan/validate: R` from the
// fastest repetition of each side.
#include <cstdio>
#include <iostream>
#include <optional>
#include <span>
#include <sstream>
#include <string>

#include <benchmark/benchmark.h>

#include "bench_util.h"
#include "generate.h"
#include "vssmeta/parse.h"
#include "vssmeta/report.h"
#include "vssmeta/restore_plan.h"
#include "vssmeta/validate.h"

namespace {

using vssmeta::bench::DocumentStyle;
using vssmeta::bench::FastestReporter;
using vssmeta::bench::GeneratorOptions;
using vssmeta::bench::min_of;

const vssmeta::CaptureSet& capture() {
  static std::optional<vssmeta::CaptureSet> set;
  if (!set) {
    GeneratorOptions o;
    o.seed = 1;
    o.style = DocumentStyle::kManyComponents;
    o.component_count = 5000;
    auto doc = vssmeta::bench::generate_writer_metadata_document(o);
    vssmeta::bench::BackupComponentsOptions b;
    b.selected_fraction = 0.5;
    const std::string bcd = vssmeta::bench::generate_backup_components(
        std::span<const vssmeta::bench::GeneratedWriterMetadata>(&doc, 1), b);
    set.emplace();
    set->writers.push_back(*vssmeta::parse_writer_metadata(doc.xml));
    set->backup_components.push_back(*vssmeta::parse_backup_components(bcd));
  }
  return *set;
}

void BM_Validate(benchmark::State& state) {
  const vssmeta::CaptureSet& set = capture();
  for (auto _ : state) {
    std::ostringstream out;
    vssmeta::write_findings(vssmeta::validate(set), out);
    benchmark::DoNotOptimize(out);
  }
}

void BM_RestorePlan(benchmark::State& state) {
  const vssmeta::CaptureSet& set = capture();
  std::size_t components = 0;
  for (auto _ : state) {
    std::ostringstream out;
    auto plan = vssmeta::plan_restore(set);
    components = plan->writers.empty() ? 0 : plan->writers[0].components.size();
    vssmeta::write_restore_plan(*plan, out);
    benchmark::DoNotOptimize(out);
  }
  state.SetLabel(std::to_string(components) + " components planned");
}

void configure(benchmark::internal::Benchmark* b) {
  b->ComputeStatistics("min", min_of)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
}
BENCHMARK(BM_Validate)->Apply(configure);
BENCHMARK(BM_RestorePlan)->Apply(configure);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  FastestReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  const auto validate = reporter.seconds("BM_Validate");
  const auto plan = reporter.seconds("BM_RestorePlan");
  if (validate && plan) {
    std::printf(
        "ratio restore-plan/validate (5,000 components + BCD): %.2f  (%.1f ms "
        "vs %.1f ms)  (target <= 1.5)\n",
        *plan / *validate, *plan * 1e3, *validate * 1e3);
  }
  benchmark::Shutdown();
  return 0;
}
