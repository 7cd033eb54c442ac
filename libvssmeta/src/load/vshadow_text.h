// SPDX-License-Identifier: MIT
#pragma once
// vshadow's console output about writers. `vshadow -wm3` prints each
// writer's metadata document (IVssExamineWriterMetadata::SaveAsXML) on the
// lines after a `--[Writer N]--` line, and `--[end of data]--` after the
// last one, between its own banner and progress lines. `-wm` and `-wm2`
// print a summary (`* WRITER "name"`, `- WriterId = ...`) and no XML.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace vssmeta::internal {

/// One writer's XML in -wm3 output.
struct VshadowWriterXml {
  std::size_t number = 0;  ///< the N of `--[Writer N]--`
  std::string_view xml;    ///< the lines up to the next marker, trimmed
  std::size_t line = 0;    ///< 1-based line of the marker
};

struct VshadowWriterText {
  std::vector<VshadowWriterXml> writers;
  /// False when the text stops before `--[end of data]--` (cut short).
  bool complete = false;
};

/// The writers of `text` (UTF-8) when it holds at least one
/// `--[Writer N]--` line (trailing spaces and CR ignored), else nothing.
/// Linear in the size of `text`.
std::optional<VshadowWriterText> find_vshadow_writer_xml(std::string_view text);

/// True when `text` looks like `vshadow -wm` or `-wm2` output: a
/// `* WRITER "` line followed by a `- WriterId` line, and no XML markers.
bool is_vshadow_writer_summary(std::string_view text);

}  // namespace vssmeta::internal
