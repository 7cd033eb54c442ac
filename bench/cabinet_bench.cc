// SPDX-License-Identifier: MIT
// Cabinet benchmark: vssmeta::load() of a diskshadow-style metadata cab
// against load() of the folder it extracts to, in one run. The capture is
// generated: one System Writer-style document (~2 MiB, about the real
// one's size), 40 smaller writers and a backup components document. The
// cabinet is made with gcab -z (MSZIP, as diskshadow writes it) when gcab
// is installed, else stored uncompressed. The target is
// time(cab) / time(folder) <= 1.5; ratios compare the fastest repetitions.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench_util.h"
#include "generate.h"
#include "support/cab_builder.h"
#include "vssmeta/capture_set.h"

namespace {

namespace fs = std::filesystem;
using vssmeta::bench::FastestReporter;
using vssmeta::bench::GeneratorOptions;
using vssmeta::bench::min_of;

struct Capture {
  fs::path root;
  fs::path folder;
  fs::path cab;
  bool compressed = false;
  std::size_t folder_bytes = 0;
  ~Capture() {
    std::error_code ec;
    if (!root.empty()) fs::remove_all(root, ec);
  }
};

const Capture& capture() {
  static Capture c = [] {
    Capture out;
    out.root = fs::temp_directory_path() /
               ("vssmeta-cabinet-bench-" + std::to_string(std::rand()));
    out.folder = out.root / "capture";
    out.cab = out.root / "capture.cab";
    fs::create_directories(out.folder);
    std::vector<vssmeta::testing::CabEntry> entries;
    auto add = [&](const std::string& name, const std::string& bytes) {
      std::ofstream(out.folder / name, std::ios::binary) << bytes;
      out.folder_bytes += bytes.size();
      entries.push_back({name, bytes});
    };
    GeneratorOptions system;
    system.seed = 1;
    system.target_bytes = std::size_t{2} << 20;
    add("WM0.xml", vssmeta::bench::generate_writer_metadata(system));
    for (int i = 1; i <= 40; ++i) {
      GeneratorOptions small;
      small.seed = static_cast<unsigned>(i + 1);
      small.target_bytes = std::size_t{40} << 10;
      add("WM" + std::to_string(i) + ".xml",
          vssmeta::bench::generate_writer_metadata(small));
    }
    GeneratorOptions bcd;
    bcd.seed = 99;
    add("BCDocument.xml", vssmeta::bench::generate_backup_components(bcd));
    const std::string command = "cd '" + out.folder.string() +
                                "' && gcab -c -z ../capture.cab *.xml "
                                ">/dev/null 2>&1";
    out.compressed = std::system(command.c_str()) == 0 && fs::exists(out.cab);
    if (!out.compressed) {
      std::ofstream(out.cab, std::ios::binary)
          << vssmeta::testing::make_cab(entries);
    }
    return out;
  }();
  return c;
}

void load_path(benchmark::State& state, const fs::path& path) {
  std::size_t writers = 0;
  for (auto _ : state) {
    auto set = vssmeta::load(path.string());
    if (!set) {
      state.SkipWithError(vssmeta::to_string(set.error()).c_str());
      return;
    }
    writers = set->writers.size();
    benchmark::DoNotOptimize(writers);
  }
  state.SetLabel(std::to_string(writers) + " writers");
}

void BM_LoadFolder(benchmark::State& state) {
  load_path(state, capture().folder);
}
void BM_LoadCabinet(benchmark::State& state) {
  load_path(state, capture().cab);
}

BENCHMARK(BM_LoadFolder)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ComputeStatistics("min", min_of);
BENCHMARK(BM_LoadCabinet)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ComputeStatistics("min", min_of);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  FastestReporter reporter(vssmeta::bench::console_options());
  benchmark::RunSpecifiedBenchmarks(&reporter);
  const auto folder = reporter.seconds("BM_LoadFolder");
  const auto cab = reporter.seconds("BM_LoadCabinet");
  if (folder && cab && *folder > 0) {
    std::printf(
        "\ncabinet (%s, %zu bytes) / folder (%zu bytes): %.2f (target <= "
        "1.5)\n",
        capture().compressed ? "MSZIP, gcab" : "stored",
        static_cast<std::size_t>(fs::file_size(capture().cab)),
        capture().folder_bytes, *cab / *folder);
  } else {
    std::printf("\nno ratio: run BM_LoadFolder and BM_LoadCabinet together\n");
  }
  benchmark::Shutdown();
  return 0;
}
