// SPDX-License-Identifier: MIT
// Diagnose benchmark (issue #14): `diagnose` of the 50 MB System
// Writer-style benchmark document plus a backup components document that
// lists half of its components costs at most 1.3x `validate` of the same
// inputs. Both sides load the documents, as the commands do: BM_Validate
// is load + validate(), BM_Diagnose load + diagnose() (which runs
// validate() too, for the findings it links). Prints
// `diagnose / validate: N x` from the fastest repetitions of one run.
#include <cstdio>
#include <iostream>
#include <optional>
#include <span>
#include <string>

#include <benchmark/benchmark.h>

#include "bench_util.h"
#include "generate.h"
#include "vssmeta/diagnose.h"
#include "vssmeta/parse.h"
#include "vssmeta/validate.h"

namespace {

using vssmeta::bench::FastestReporter;
using vssmeta::bench::GeneratorOptions;
using vssmeta::bench::min_of;

struct Dataset {
  std::string wmd;
  std::string bcd;
};

const Dataset& dataset() {
  static std::optional<Dataset> cache;
  if (!cache) {
    GeneratorOptions o;
    o.seed = 1;
    o.target_bytes = std::size_t{50} << 20;
    vssmeta::bench::BackupComponentsOptions b;
    b.selected_fraction = 0.5;
    auto doc = vssmeta::bench::generate_writer_metadata_document(o);
    std::string bcd = vssmeta::bench::generate_backup_components(
        std::span<const vssmeta::bench::GeneratedWriterMetadata>(&doc, 1), b);
    cache = Dataset{std::move(doc.xml), std::move(bcd)};
  }
  return *cache;
}

vssmeta::CaptureSet load(const Dataset& d) {
  vssmeta::CaptureSet set;
  set.writers.push_back(*vssmeta::parse_writer_metadata(d.wmd));
  set.backup_components.push_back(*vssmeta::parse_backup_components(d.bcd));
  return set;
}

void BM_Validate(benchmark::State& state) {
  const Dataset& d = dataset();
  std::size_t findings = 0;
  for (auto _ : state) {
    auto set = load(d);
    findings = vssmeta::validate(set).size();
    benchmark::DoNotOptimize(findings);
  }
  state.SetLabel(std::to_string(findings) + " findings");
}

void BM_Diagnose(benchmark::State& state) {
  const Dataset& d = dataset();
  std::size_t left_out = 0;
  for (auto _ : state) {
    auto set = load(d);
    const vssmeta::Diagnosis diagnosis = vssmeta::diagnose(set);
    left_out = diagnosis.counts.incomplete();
    benchmark::DoNotOptimize(left_out);
  }
  state.SetLabel(std::to_string(left_out) + " components left out");
}

void configure(benchmark::internal::Benchmark* b) {
  b->ComputeStatistics("min", min_of)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
}
BENCHMARK(BM_Validate)->Apply(configure);
BENCHMARK(BM_Diagnose)->Apply(configure);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  FastestReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  const auto validate = reporter.seconds("BM_Validate");
  const auto diagnose = reporter.seconds("BM_Diagnose");
  if (validate && diagnose) {
    std::printf(
        "diagnose / validate: %.2f x  (%.1f ms vs %.1f ms)  "
        "(target <= 1.3 x)\n",
        *diagnose / *validate, *diagnose * 1e3, *validate * 1e3);
  }
  benchmark::Shutdown();
  return 0;
}
