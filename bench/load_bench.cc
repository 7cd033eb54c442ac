// SPDX-License-Identifier: MIT
// Load benchmark: vssmeta::parse_writer_metadata against a bare pugixml
// parse of the same bytes, on generated documents. After the run it prints
// time(parse)/time(pugixml) per document; the target for the 50 MB System
// Writer-style document is <= 1.5, for loading (free:0: the result is freed
// outside the timed region, on both sides); free:1 times parse + free.
// Ratios compare the fastest repetition of each side.
#include <benchmark/benchmark.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "bench_util.h"
#include "generate.h"
#include "vssmeta/parse.h"

namespace {

using vssmeta::bench::DocumentStyle;
using vssmeta::bench::FastestReporter;
using vssmeta::bench::GeneratedWriterMetadata;
using vssmeta::bench::GeneratorOptions;
using vssmeta::bench::min_of;

enum class Dataset { kSystem50Mb, kSystem2Mb, kComponents5000 };

constexpr std::size_t kDatasetCount = 3;

GeneratorOptions options_for(Dataset dataset) {
  GeneratorOptions o;
  o.seed = 1;
  switch (dataset) {
    case Dataset::kSystem50Mb:  // ~450,000 FILE_LIST entries
      o.target_bytes = std::size_t{50} << 20;
      break;
    case Dataset::kSystem2Mb:  // about the real System Writer's size
      o.target_bytes = std::size_t{2} << 20;
      break;
    case Dataset::kComponents5000:
      o.style = DocumentStyle::kManyComponents;
      o.component_count = 5000;
      o.exclude_count = 4;
      break;
  }
  return o;
}

// Generated once per process, on first use (outside the timed loops).
const GeneratedWriterMetadata& document(Dataset dataset) {
  static std::optional<GeneratedWriterMetadata> cache[kDatasetCount];
  auto& slot = cache[static_cast<std::size_t>(dataset)];
  if (!slot)
    slot =
        vssmeta::bench::generate_writer_metadata_document(options_for(dataset));
  return *slot;
}

std::string describe(const GeneratedWriterMetadata& doc) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "%.1f MiB, %zu components, %zu FILE_LIST",
                static_cast<double>(doc.xml.size()) / 1048576.0,
                doc.components.size(), doc.file_count);
  return buf;
}

void set_throughput(benchmark::State& state,
                    const GeneratedWriterMetadata& doc) {
  state.SetBytesProcessed(state.iterations() *
                          static_cast<std::int64_t>(doc.xml.size()));
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(doc.file_count));
  state.SetLabel(describe(doc));
}

// An empty string when the parse agrees with what was generated.
std::string check_parse(const GeneratedWriterMetadata& doc) {
  const auto result = vssmeta::parse_writer_metadata(doc.xml);
  if (!result) return "parse failed: " + vssmeta::to_string(result.error());
  if (result->components.size() != doc.components.size()) {
    return "component count differs from the generator's";
  }
  std::size_t files = 0;
  for (const auto& c : result->components) files += c.files.size();
  if (files != doc.file_count)
    return "FILE_LIST count differs from the generator's";
  return {};
}

// With free:0, the result is freed outside the timed region, and the heap
// is then consolidated there too: otherwise glibc defers the work of those
// frees to the next iteration's first large allocation, and the timed parse
// would pay for the previous iteration's free. A real load runs on a fresh
// heap, which is what this reproduces. free:1 times parse + free as one.
void settle_heap() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

void BM_PugixmlParse(benchmark::State& state, Dataset dataset) {
  const GeneratedWriterMetadata& doc = document(dataset);
  {
    pugi::xml_document check;
    if (!check.load_buffer(doc.xml.data(), doc.xml.size())) {
      state.SkipWithError("pugixml rejected the generated document");
      return;
    }
  }
  const bool with_free = state.range(0) != 0;
  for (auto _ : state) {
    pugi::xml_document xml;
    pugi::xml_parse_result result =
        xml.load_buffer(doc.xml.data(), doc.xml.size());
    benchmark::DoNotOptimize(result);
    benchmark::DoNotOptimize(xml);
    if (!with_free) {
      state.PauseTiming();
      xml.reset();
      settle_heap();
      state.ResumeTiming();
    }
  }
  set_throughput(state, doc);
}

void BM_ParseWriterMetadata(benchmark::State& state, Dataset dataset) {
  const GeneratedWriterMetadata& doc = document(dataset);
  static std::optional<std::string> checked[kDatasetCount];
  auto& problem = checked[static_cast<std::size_t>(dataset)];
  if (!problem) problem = check_parse(doc);  // also warms up
  if (!problem->empty()) {
    state.SkipWithError(problem->c_str());
    return;
  }
  const bool with_free = state.range(0) != 0;
  for (auto _ : state) {
    std::optional<vssmeta::Result<vssmeta::WriterMetadata>> result;
    result.emplace(vssmeta::parse_writer_metadata(doc.xml));
    benchmark::DoNotOptimize(result);
    if (!with_free) {
      state.PauseTiming();
      result.reset();
      settle_heap();
      state.ResumeTiming();
    }
  }
  set_throughput(state, doc);
}

// Every benchmark runs twice (free:0 load alone, free:1 load + free) and
// reports the fastest repetition as "min".
void both_modes(benchmark::internal::Benchmark* b) {
  b->ArgName("free")
      ->Arg(0)
      ->Arg(1)
      ->ComputeStatistics("min", min_of)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
}

BENCHMARK_CAPTURE(BM_PugixmlParse, system_50mb, Dataset::kSystem50Mb)
    ->Apply(both_modes);
BENCHMARK_CAPTURE(BM_ParseWriterMetadata, system_50mb, Dataset::kSystem50Mb)
    ->Apply(both_modes);
BENCHMARK_CAPTURE(BM_PugixmlParse, system_2mb, Dataset::kSystem2Mb)
    ->Apply(both_modes);
BENCHMARK_CAPTURE(BM_ParseWriterMetadata, system_2mb, Dataset::kSystem2Mb)
    ->Apply(both_modes);
BENCHMARK_CAPTURE(BM_PugixmlParse, components_5000, Dataset::kComponents5000)
    ->Apply(both_modes);
BENCHMARK_CAPTURE(BM_ParseWriterMetadata, components_5000,
                  Dataset::kComponents5000)
    ->Apply(both_modes);

// Prints one ratio per document both benchmarks ran on; returns the number
// of ratios printed.
int print_ratios(const FastestReporter& reporter, std::ostream& out) {
  int printed = 0;
  const std::string prefix = "BM_ParseWriterMetadata/";
  for (const std::string& name : reporter.names()) {
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string dataset = name.substr(prefix.size());
    const auto parse = reporter.seconds(name);
    const auto base = reporter.seconds("BM_PugixmlParse/" + dataset);
    if (!parse || !base || *parse <= 0.0 || *base <= 0.0) continue;
    const double p = *parse;
    const double b = *base;
    char line[160];
    std::snprintf(line, sizeof line,
                  "ratio parse/pugixml (%s): %.2f  (%.1f ms / %.1f ms)%s\n",
                  dataset.c_str(), p / b, p * 1e3, b * 1e3,
                  dataset == "system_50mb/free:0" ? "  (target <= 1.5)" : "");
    out << line;
    ++printed;
  }
  return printed;
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  FastestReporter reporter(vssmeta::bench::console_options());
  benchmark::RunSpecifiedBenchmarks(&reporter);
  std::cout << "\n";
  if (print_ratios(reporter, std::cout) == 0) {
    std::cout
        << "no ratio: run both BM_PugixmlParse and BM_ParseWriterMetadata "
           "on the same document\n";
  }
  benchmark::Shutdown();
  return 0;
}
