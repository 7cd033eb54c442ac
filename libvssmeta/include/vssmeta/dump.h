// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// The dump renderer: a sorted, human-readable text view of a capture
/// (writers, component hierarchy, flags, file counts; BCD state and selected
/// components) or a JSON view with a versioned, documented shape
/// (schemas/dump.schema.json). It writes nowhere but the given stream.

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "vssmeta/capture_set.h"
#include "vssmeta/export.h"

namespace vssmeta {

/// The version of the JSON shape; bumped on incompatible changes.
inline constexpr int kDumpJsonVersion = 1;

/// The forms of write_dump().
enum class DumpFormat {
  /// Text. Control characters in names and captions are escaped (`\r`,
  /// `\n`, `\t`, `\xNN`), so one line stays one line.
  kText,
  /// JSON (UTF-8, one object, trailing newline).
  kJson,
};

struct DumpOptions {
  DumpFormat format = DumpFormat::kText;
  /// List file descriptors (otherwise only counts are shown).
  bool files = false;
  /// With `files`, at most this many descriptors per component in text
  /// output (0 = no limit); the rest are summarised in one line.
  std::size_t max_files = 0;
  /// Keep writers whose friendly name, instance name or class/instance id
  /// matches one of these (case-insensitive; GUIDs with or without braces).
  std::vector<std::string> writers;
  /// Keep components whose full path (`logical\path\name`) equals one of
  /// these or lies below it (case-insensitive; a leading `\` is ignored);
  /// `Writer:\logical\path\name` (the form validate, diff and graph print)
  /// looks only in the writers its writer part names.
  std::vector<std::string> components;
  /// ANSI colour in text output.
  bool color = false;
};

/// Applies the writer and component filters of `options` to a capture.
VSSMETA_EXPORT CaptureSet filter_capture(const CaptureSet& capture,
                                         const DumpOptions& options);

/// The first writer or component filter of `options` that matches nothing
/// in `capture`, worded as describe_unmatched() words it (with the closest
/// names), or nothing when each matches. A writer filter matches a WMD, a
/// BCD entry or a status; a component filter a component of the writers
/// the writer filters keep.
VSSMETA_EXPORT std::optional<std::string> unmatched_filter(
    const CaptureSet& capture, const DumpOptions& options);

/// Writes `capture` in `options.format`, after applying the writer and
/// component filters of `options` (as filter_capture() does).
VSSMETA_EXPORT void write_dump(const CaptureSet& capture, std::ostream& out,
                               const DumpOptions& options = {});

}  // namespace vssmeta
