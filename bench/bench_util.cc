// SPDX-License-Identifier: MIT
#include "bench_util.h"

#include <algorithm>
#include <cstdio>

#ifndef _WIN32
#include <unistd.h>
#endif

namespace vssmeta::bench {

double min_of(const std::vector<double>& values) {
  return values.empty() ? 0.0 : *std::min_element(values.begin(), values.end());
}

void FastestReporter::ReportRuns(const std::vector<Run>& runs) {
  benchmark::ConsoleReporter::ReportRuns(runs);
  for (const Run& run : runs) {
    if (run.error_occurred) continue;
    const bool aggregate = run.run_type == Run::RT_Aggregate;
    if (aggregate && run.aggregate_name != "min") continue;
    std::string name = run.run_name.function_name;
    if (!run.run_name.args.empty()) name += "/" + run.run_name.args;
    const double s = run.GetAdjustedRealTime() /
                     benchmark::GetTimeUnitMultiplier(run.time_unit);
    auto [it, added] = fastest_.try_emplace(name, Fastest{s, {}});
    if (s < it->second.seconds) it->second.seconds = s;
    if (!run.report_label.empty()) it->second.label = run.report_label;
  }
}

std::optional<double> FastestReporter::seconds(const std::string& name) const {
  const auto it = fastest_.find(name);
  if (it == fastest_.end()) return std::nullopt;
  return it->second.seconds;
}

std::string FastestReporter::label(const std::string& name) const {
  const auto it = fastest_.find(name);
  return it == fastest_.end() ? std::string() : it->second.label;
}

std::vector<std::string> FastestReporter::names() const {
  std::vector<std::string> out;
  out.reserve(fastest_.size());
  for (const auto& entry : fastest_) out.push_back(entry.first);
  return out;
}

benchmark::ConsoleReporter::OutputOptions console_options() {
#ifndef _WIN32
  if (isatty(fileno(stdout)) != 0)
    return benchmark::ConsoleReporter::OO_ColorTabular;
#endif
  return benchmark::ConsoleReporter::OO_Tabular;
}

}  // namespace vssmeta::bench
