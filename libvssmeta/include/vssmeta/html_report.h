// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// The self-contained HTML report behind `vssmeta report` (and `diagnose
/// --format html`, `diff --format html`): one page a support engineer can
/// attach to a ticket. It holds no reference to anything outside itself
/// (inline CSS, inline SVG, a little inline script for sorting and
/// collapsing that the content never depends on), sets a Content-Security-
/// Policy `<meta>` that allows only that CSS and script (by hash), prints
/// readably and escapes every piece of document text.
///
/// Sections, in this order, each an element with a stable `id`:
/// `verdict`, `writers`, `failures`, `coverage`, `findings`, `hierarchy`,
/// `diff`. A section whose input is not given is left out (the page of
/// `diff --format html` has only `diff`). The renderer is pure: it reads
/// the values it is given and writes to the stream.

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "vssmeta/capture.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/diagnose.h"
#include "vssmeta/diff.h"
#include "vssmeta/export.h"
#include "vssmeta/result.h"
#include "vssmeta/validate.h"

namespace vssmeta {

/// Where the page's data come from. Pointers may be null: a section whose
/// data are missing is left out. The pointees must outlive the call.
struct HtmlReportInput {
  /// The capture diagnosed (writers table, hierarchy). Needed by the
  /// `writers` and `hierarchy` sections.
  const CaptureSet* capture = nullptr;
  /// diagnose() of `capture`: sections `verdict`, `failures`, `coverage`
  /// (and the failures and findings counts of `writers`).
  const Diagnosis* diagnosis = nullptr;
  /// Writer states and last errors, when known (status.json, status text).
  std::vector<WriterStatus> status;
  /// validate() findings for section `findings` (the caller chooses the
  /// audience and the minimum severity; Findings::hidden is reported).
  const Findings* findings = nullptr;
  /// The semantic diff of OLD and NEW: section `diff`.
  const MetadataDiff* diff = nullptr;
  std::string diff_before;  ///< the OLD input's name
  std::string diff_after;   ///< the NEW input's name
  /// The machine and time of a `vssmeta capture` folder (its
  /// manifest.json), when known; the host name also comes from a
  /// diskshadow manifest (CabManifest::machine_name).
  std::optional<HostManifest> host;
  /// The inputs as named on the command line, shown in the summary.
  std::vector<std::string> inputs;
};

struct HtmlReportOptions {
  /// The page title; empty: "VSS backup report" plus the host, if known.
  std::string title;
  /// Draw section `hierarchy`: one inline SVG per writer with components
  /// (Graphviz, as `vssmeta graph --format svg`), or a nested list when
  /// the library has no Graphviz or `use_graphviz` is false.
  bool hierarchy = true;
  bool use_graphviz = true;
  /// Children of one node beyond this many collapse into "+N more", as in
  /// GraphOptions::max_siblings (0 keeps all).
  std::size_t max_siblings = 50;
  /// Words added to the count of findings below the minimum severity, e.g.
  /// how the caller's user lists them ("--show info lists them"); none
  /// when empty.
  std::string hidden_note;
  /// The same for the diff's hidden instance and snapshot set id changes
  /// ("--all shows them").
  std::string diff_hidden_note;
  /// Shown in the page footer: `vssmeta 1.2.3`.
  std::string generator = "vssmeta";
};

/// Writes the report page.
VSSMETA_EXPORT void write_html_report(const HtmlReportInput& input,
                                      std::ostream& out,
                                      const HtmlReportOptions& options = {});

/// Reads the `manifest.json` that `vssmeta capture` writes beside the
/// documents (schemas/capture-manifest.schema.json): the host, OS, time,
/// tool version and context. Errors: kMalformedXml for text that is not
/// JSON, kUnexpectedRoot for another JSON document, naming `source_name`.
VSSMETA_EXPORT Result<HostManifest> parse_host_manifest_json(
    std::string_view bytes, const std::string& source_name);

}  // namespace vssmeta
