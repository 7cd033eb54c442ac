// SPDX-License-Identifier: MIT
#pragma once
// The HTML page of `report`, also written by `diagnose --format html`
// (defined in report.cc).

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/app.h"
#include "vssmeta/capture.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/diagnose.h"
#include "vssmeta/diff.h"
#include "vssmeta/validate.h"

namespace vssmeta::cli {

/// What the page shows; null pointers leave their sections out.
struct ReportPage {
  const CaptureSet* capture = nullptr;
  const Diagnosis* diagnosis = nullptr;
  std::vector<WriterStatus> status;
  const Findings* findings = nullptr;
  const MetadataDiff* diff = nullptr;
  std::string diff_before;
  std::string diff_after;
  std::optional<HostManifest> host;
  std::vector<std::string> inputs;
  std::string title;
  std::string hierarchy = "svg";  ///< svg, list or none
  std::size_t max_siblings = 50;
  /// How the user lists the findings below the minimum severity.
  std::string hidden_note;
  /// How the user shows the diff's hidden id changes.
  std::string diff_hidden_note;
};

/// Writes the page (write_html_report(), this vssmeta as its generator).
void write_report_page(const ReportPage& page, std::ostream& out);

/// The host and time of the `vssmeta capture` folder `path` (its
/// manifest.json); nothing when `path` is not such a folder. A manifest
/// that cannot be read is a warning on `io.err`, never an error.
std::optional<HostManifest> read_host_manifest(const std::string& path, Io& io);

/// diagnose's exit status for `diagnosis`: 8 failed (| 4 when also
/// incomplete or with findings), 4 incomplete or findings, else 0.
int verdict_status(const Diagnosis& diagnosis);

}  // namespace vssmeta::cli
