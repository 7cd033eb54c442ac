// SPDX-License-Identifier: MIT
#pragma once
// What the benchmarks share: the "min" statistic, and a console reporter
// that remembers the fastest repetition of each benchmark so that main()
// can print ratios between benchmarks measured in the same run. On a shared
// 2-core VM slower repetitions measure the neighbours, not the code, so
// every ratio compares the fastest run of each side.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

namespace vssmeta::bench {

/// The smallest value, 0 for none: `ComputeStatistics("min", min_of)`.
double min_of(const std::vector<double>& values);

/// The usual console table; also keeps, per benchmark, the fastest real
/// time per iteration (of its runs and its "min" aggregate) and its label.
/// Runs that failed or were skipped are left out.
class FastestReporter : public benchmark::ConsoleReporter {
 public:
  using benchmark::ConsoleReporter::ConsoleReporter;

  void ReportRuns(const std::vector<Run>& runs) override;

  /// The fastest real time per iteration in seconds of `name`
  /// ("function/args", or "function" for a benchmark without arguments).
  std::optional<double> seconds(const std::string& name) const;

  /// The label the benchmark set (SetLabel), or "" for none.
  std::string label(const std::string& name) const;

  /// Every benchmark name seen, in name order.
  std::vector<std::string> names() const;

 private:
  struct Fastest {
    double seconds = 0.0;
    std::string label;
  };
  std::map<std::string, Fastest> fastest_;
};

/// Coloured tables on a terminal, plain ones otherwise.
benchmark::ConsoleReporter::OutputOptions console_options();

}  // namespace vssmeta::bench
