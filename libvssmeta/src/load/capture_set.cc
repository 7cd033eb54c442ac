// SPDX-License-Identifier: MIT
#include "vssmeta/capture_set.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "load/cabinet.h"
#include "load/content_kind.h"
#include "load/decode.h"
#include "load/line_counter.h"
#include "load/model_reader.h"
#include "load/read_input.h"
#include "load/text_capture.h"
#include "load/vshadow_text.h"
#include "load/xml_document.h"
#include "text/ascii.h"

namespace vssmeta {
namespace fs = std::filesystem;
namespace {

using internal::classify_content;
using internal::Content;
using internal::ContentKind;
using internal::io_error;
using internal::Kind;
using internal::kind_of;
using internal::read_file;
using internal::read_stream;
using internal::starts_like_xml;

bool has_xml_extension(const fs::path& p) {
  return internal::iequals(p.extension().string(), ".xml");
}

std::string decode_manifest_name(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 1 < s.size() && s[i + 1] == 's') {
      out.push_back(' ');
      ++i;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

void append(Diagnostics& into, Diagnostics&& more) {
  into.insert(into.end(), std::make_move_iterator(more.begin()),
              std::make_move_iterator(more.end()));
}

void add_document(CaptureSet& set, Document&& doc) {
  if (auto* w = std::get_if<WriterMetadata>(&doc)) {
    set.writers.push_back(std::move(*w));
  } else {
    set.backup_components.push_back(std::get<BackupComponents>(std::move(doc)));
  }
}

// With options.keep_going, records `error` as an `unreadable-file`
// diagnostic and returns true (go on); else returns false (stop).
bool keep_going(const LoadOptions& options, const Error& error,
                const std::string& name, Diagnostics& warnings) {
  if (!options.keep_going) return false;
  warnings.push_back(Diagnostic{Severity::kError, "unreadable-file",
                                error.message,
                                error.where.value_or(Location{name, 0, 0})});
  return true;
}

// Reads a file's bytes again (see parse_owned); empty for bytes that
// cannot be (a stream, a cabinet's member).
using Reread = std::function<Result<std::string>()>;

// parse_owned_document(), without a copy of the bytes when they can be read
// again: then a file with an error or without a VSS document is read a
// second time, for the usual result and messages.
Result<Document> parse_owned(std::string& bytes, const ParseOptions& po,
                             const Reread& reread) {
  if (reread) {
    if (auto doc = internal::parse_owned_document_in_place(bytes, po)) {
      return std::move(*doc);
    }
    if (bytes.empty()) {
      auto again = reread();
      if (!again) return std::move(again).error();
      bytes = std::move(*again);
    }
  }
  return internal::parse_owned_document(bytes, po);
}

// One file of a capture (from a folder or a cabinet), named `file_name`:
// a VSS document is added, a manifest kept, other XML skipped with a
// warning. Errors: the file's, when it cannot be read as XML.
// `bytes` are freed as soon as a VSS document is parsed from them.
Status add_file(std::string& bytes, const std::string& file_name,
                const LoadOptions& options, CaptureSet& set,
                Diagnostics& warnings, const Reread& reread = {}) {
  ParseOptions po = options.parse;
  po.source_name = file_name;
  auto doc = parse_owned(bytes, po, reread);
  append(warnings, std::move(doc).warnings());
  if (doc) {
    add_document(set, std::move(*doc));
    return {};
  }
  if (doc.error().code != ErrorCode::kUnexpectedRoot) {
    return std::move(doc).error();
  }
  if (auto manifest = parse_cab_manifest(bytes, po);
      manifest && !set.manifest) {
    set.manifest = std::move(*manifest);
    return {};
  }
  warnings.push_back(Diagnostic{
      Severity::kWarning, "skipped-file", "skipped: " + doc.error().message,
      doc.error().where.value_or(Location{file_name, 0, 0})});
  return {};
}

// The checks on a whole capture named `name`, after its files are read;
// `looked_for` says what it could have held.
Status finish_capture(const CaptureSet& set, const std::string& name,
                      const char* what, Diagnostics& warnings,
                      const char* looked_for =
                          "writer metadata or backup "
                          "components document (*.xml)") {
  if (set.writers.empty() && set.backup_components.empty() &&
      set.statuses.empty()) {
    return io_error(name, fmt::format("{} holds no {}", what, looked_for));
  }
  if (set.manifest && set.manifest->writers.size() != set.writers.size()) {
    warnings.push_back(Diagnostic{
        Severity::kWarning, "manifest-mismatch",
        fmt::format("the manifest lists {} writers but the {} holds {} "
                    "writer metadata documents",
                    set.manifest->writers.size(), what, set.writers.size()),
        Location{set.manifest->file, 0, 0}});
  }
  return {};
}

Status add_text_file(const fs::path& path, const std::string& file_name,
                     const LoadOptions& options, CaptureSet& set,
                     Diagnostics& warnings);

// Reads the folder's documents into `set`, collecting warnings; stops at
// the first file that cannot be read or parsed (unless keep_going).
Status read_folder(const fs::path& dir, const std::string& name,
                   const LoadOptions& options, CaptureSet& set,
                   Diagnostics& warnings) {
  std::error_code ec;
  // Every regular file (the *.xml ones as documents, the others as
  // possible text evidence), and every entry that is no file nor folder
  // (said once each, in order, and skipped: a FIFO would block, a loop
  // fail).
  struct Entry {
    std::string file;
    std::string special;
    bool xml = false;
  };
  std::vector<Entry> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    Kind kind = kind_of(it->path());
    if (kind.type == fs::file_type::regular || !kind.special.empty()) {
      entries.push_back(Entry{it->path().filename().string(),
                              std::move(kind.special),
                              kind.type == fs::file_type::regular &&
                                  has_xml_extension(it->path())});
    }
  }
  if (ec) return io_error(name, "cannot list folder: " + ec.message());
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return internal::natural_less(a.file, b.file);
  });
  for (const Entry& entry : entries) {
    const std::string file_name =
        (fs::path(name) / entry.file).generic_string();
    if (!entry.special.empty()) {
      warnings.push_back(Diagnostic{Severity::kWarning, "skipped-file",
                                    "skipped: " + entry.special,
                                    Location{file_name, 0, 0}});
      continue;
    }
    Status added = [&]() -> Status {
      if (!entry.xml) {
        return add_text_file(dir / entry.file, file_name, options, set,
                             warnings);
      }
      const fs::path path = dir / entry.file;
      auto bytes = read_file(path, file_name, options);
      if (!bytes) return std::move(bytes).error();
      return add_file(*bytes, file_name, options, set, warnings,
                      [&] { return read_file(path, file_name, options); });
    }();
    if (!added && !keep_going(options, added.error(), file_name, warnings)) {
      return std::move(added).error();
    }
  }
  return finish_capture(set, name, "folder", warnings,
                        "writer metadata or backup components document "
                        "(*.xml), writer status text or writer metadata text");
}

// Whether `dir` holds a regular *.xml file of its own.
bool holds_xml_file(const fs::path& dir) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (has_xml_extension(it->path()) &&
        kind_of(it->path()).type == fs::file_type::regular) {
      return true;
    }
  }
  return false;
}

// Windows Server Backup keeps a backup's VSS documents in
// WindowsImageBackup\<computer>\Backup <date time>\ (next to the volume
// images). The `Backup ...` folders with XML files at or one level below
// `dir`, as names relative to it.
std::vector<std::string> backup_folders(const fs::path& dir) {
  std::vector<std::string> found;
  auto scan = [](const fs::path& folder) {
    std::error_code ec;
    std::vector<std::pair<std::string, fs::path>> subs;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end;
         it.increment(ec)) {
      if (kind_of(it->path()).type == fs::file_type::directory) {
        subs.emplace_back(it->path().filename().string(), it->path());
      }
    }
    std::sort(subs.begin(), subs.end(), [](const auto& a, const auto& b) {
      return internal::natural_less(a.first, b.first);
    });
    return subs;
  };
  for (const auto& [sub, sub_path] : scan(dir)) {
    if (internal::istarts_with(sub, "Backup ") && holds_xml_file(sub_path)) {
      found.push_back(sub);
      continue;
    }
    for (const auto& [inner, inner_path] : scan(sub_path)) {
      if (internal::istarts_with(inner, "Backup ") &&
          holds_xml_file(inner_path)) {
        found.push_back(sub + "/" + inner);
      }
    }
  }
  return found;
}

Result<CaptureSet> load_folder(const fs::path& dir, const std::string& name,
                               const LoadOptions& options) {
  if (!holds_xml_file(dir)) {
    const std::vector<std::string> backups = backup_folders(dir);
    if (backups.size() == 1) {
      const std::string sub = (fs::path(name) / backups[0]).generic_string();
      return load_folder(dir / fs::path(backups[0]), sub, options);
    }
    if (backups.size() > 1) {
      std::string list;
      for (std::size_t i = 0; i < backups.size() && i < 5; ++i) {
        list += (i ? ", '" : "'") + backups[i] + "'";
      }
      if (backups.size() > 5) list += ", ...";
      return Error{ErrorCode::kUnsupported,
                   fmt::format("this Windows Server Backup folder holds {} "
                               "backups ({}): load the one you want",
                               backups.size(), list),
                   Location{name, 0, 0}};
    }
  }
  CaptureSet set;
  Diagnostics warnings;
  Status read = read_folder(dir, name, options, set, warnings);
  Result<CaptureSet> result =
      read ? Result<CaptureSet>(std::move(set)) : std::move(read).error();
  return std::move(result).with_warnings(std::move(warnings));
}

// One document from `bytes` (freed early), named `name`.
Result<CaptureSet> load_document(std::string& bytes, const std::string& name,
                                 const LoadOptions& options,
                                 const Reread& reread) {
  // Writer status or metadata text (vssadmin, diskshadow, vshadow -ws).
  if (auto text = internal::load_text_capture(bytes, name)) {
    return std::move(*text);
  }
  ParseOptions po = options.parse;
  po.source_name = name;
  auto doc = parse_owned(bytes, po, reread);
  Diagnostics warnings = std::move(doc).warnings();
  Result<CaptureSet> result = [&]() -> Result<CaptureSet> {
    if (!doc) return std::move(doc).error();
    CaptureSet set;
    add_document(set, std::move(*doc));
    return set;
  }();
  return std::move(result).with_warnings(std::move(warnings));
}

// A diskshadow metadata cab: its top-level *.xml members, in natural name
// order, exactly as the folder it extracts to.
Result<CaptureSet> load_cabinet(std::string_view bytes, const std::string& name,
                                const LoadOptions& options) {
  internal::CabinetLimits limits;
  limits.max_member_bytes =
      std::min(limits.max_member_bytes, options.parse.max_bytes);
  auto members = internal::read_cabinet(bytes, name, limits);
  if (!members) return std::move(members).error();
  std::sort(members->begin(), members->end(), [](const auto& a, const auto& b) {
    return internal::natural_less(a.name, b.name);
  });
  CaptureSet set;
  Diagnostics warnings;
  Status read = [&]() -> Status {
    for (internal::CabinetMember& member : *members) {
      const std::string member_name = name + "#" + member.name;
      Status added =
          add_file(member.bytes, member_name, options, set, warnings);
      std::string().swap(member.bytes);
      if (!added &&
          !keep_going(options, added.error(), member_name, warnings)) {
        return std::move(added).error();
      }
    }
    return finish_capture(set, name, "cabinet", warnings);
  }();
  Result<CaptureSet> result =
      read ? Result<CaptureSet>(std::move(set)) : std::move(read).error();
  return std::move(result).with_warnings(std::move(warnings));
}

// `vshadow -wm3` output: every writer's document, named FILE#writer-N.
Result<CaptureSet> load_vshadow_text(std::string_view bytes,
                                     const std::string& name,
                                     const LoadOptions& options) {
  auto decoded = internal::decode_input(bytes, name);
  if (!decoded) return std::move(decoded).error();
  auto found = internal::find_vshadow_writer_xml(decoded->text());
  if (!found) return io_error(name, "no vshadow --[Writer N]-- line");
  CaptureSet set;
  Diagnostics warnings;
  Status read = [&]() -> Status {
    for (const internal::VshadowWriterXml& w : found->writers) {
      const std::string doc_name = fmt::format("{}#writer-{}", name, w.number);
      ParseOptions po = options.parse;
      po.source_name = doc_name;
      auto doc = parse_document(w.xml, po);
      append(warnings, std::move(doc).warnings());
      if (doc) {
        add_document(set, std::move(*doc));
        continue;
      }
      Error error = std::move(doc).error();
      if (w.xml.empty()) {
        error = Error{ErrorCode::kMalformedXml,
                      fmt::format("no XML after vshadow's --[Writer {}]-- "
                                  "line (line {})",
                                  w.number, w.line),
                      Location{doc_name, 0, 0}};
      }
      if (!keep_going(options, error, doc_name, warnings)) return error;
    }
    if (!found->complete) {
      warnings.push_back(Diagnostic{
          Severity::kWarning, "truncated-text",
          "no --[end of data]-- line: vshadow's output may be cut short",
          Location{name, 0, 0}});
    }
    return finish_capture(set, name, "vshadow output", warnings);
  }();
  Result<CaptureSet> result =
      read ? Result<CaptureSet>(std::move(set)) : std::move(read).error();
  return std::move(result).with_warnings(std::move(warnings));
}

constexpr const char* kVshadowSummary =
    "this is vshadow -wm or -wm2 output, a summary without the writers' XML: "
    "run 'vshadow -wm3 > writers.txt' and load that";

// A file of a capture folder that is not *.xml, read for the text forms
// only, decided by content: writer status text, diskshadow's metadata text
// and vshadow -wm3 output are merged into `set` as when named on the
// command line (a -wm3 output that fails is the file's error). Skipped
// with a warning and its reason: a file over the size limit or that
// cannot be opened, a cabinet, vshadow's -wm/-wm2 summary, and a text
// taken for status or metadata text that holds no complete block. Skipped
// silently, so that a support folder's other files cost no noise: any
// other text, XML under another name (documents are read from *.xml only),
// and binary files; the formats of kForeignFormats are told by their first
// bytes, whatever their size, without reading them.
Status add_text_file(const fs::path& path, const std::string& file_name,
                     const LoadOptions& options, CaptureSet& set,
                     Diagnostics& warnings) {
  auto skipped = [&](const std::string& why,
                     const std::optional<Location>& where = std::nullopt) {
    warnings.push_back(Diagnostic{Severity::kWarning, "skipped-file",
                                  "skipped: " + why,
                                  where.value_or(Location{file_name, 0, 0})});
    return Status{};
  };
  // A known binary format is told by its first bytes, before anything
  // else is read: a backup folder's VHDX images run to gigabytes.
  {
    char head[16] = {};
    std::ifstream in(path, std::ios::binary);
    in.read(head, sizeof head);
    const auto kind =
        classify_content(
            std::string_view(head, static_cast<std::size_t>(in.gcount())))
            .kind;
    if (kind == ContentKind::kForeign) return {};
  }
  auto bytes = read_file(path, file_name, options);
  if (!bytes) return skipped(bytes.error().message);
  switch (classify_content(*bytes).kind) {
    case ContentKind::kCabinet:
      return skipped(
          "a cabinet (.cab), which a capture folder does not read: load it "
          "on its own");
    case ContentKind::kVshadowSummary:
      return skipped(kVshadowSummary);
    case ContentKind::kForeign:
      return {};
    case ContentKind::kVshadowWriterXml: {
      auto more = load_vshadow_text(*bytes, file_name, options);
      append(warnings, std::move(more).warnings());
      if (!more) return std::move(more).error();
      merge(set, std::move(*more));
      return {};
    }
    case ContentKind::kDocument:
      break;
  }
  if (starts_like_xml(*bytes)) return {};
  auto text = internal::load_text_capture(*bytes, file_name);
  if (!text) return {};
  append(warnings, std::move(*text).warnings());
  if (!*text) return skipped(text->error().message, text->error().where);
  merge(set, std::move(**text));
  return {};
}

// Loads a file's (or stream's) bytes by what they hold.
Result<CaptureSet> load_bytes(std::string& bytes, const std::string& name,
                              const LoadOptions& options,
                              const Reread& reread = {}) {
  const Content content = classify_content(bytes);
  switch (content.kind) {
    case ContentKind::kCabinet:
      return load_cabinet(bytes, name, options);
    case ContentKind::kVshadowWriterXml:
      return load_vshadow_text(bytes, name, options);
    case ContentKind::kVshadowSummary:
      return Error{ErrorCode::kUnsupported, kVshadowSummary,
                   Location{name, 0, 0}};
    case ContentKind::kForeign:
      return Error{ErrorCode::kUnsupported,
                   fmt::format("this is {}, which holds no VSS document "
                               "vssmeta can read: {}",
                               content.foreign->what, content.foreign->advice),
                   Location{name, 0, 0}};
    case ContentKind::kDocument:
      break;
  }
  return load_document(bytes, name, options, reread);
}

}  // namespace

Result<CabManifest> parse_cab_manifest(std::string_view bytes,
                                       const ParseOptions& options) {
  auto decoded = internal::decode_input(bytes, options.source_name);
  if (!decoded) return std::move(decoded).error();
  const std::string_view text = decoded->text();
  internal::XmlDocument xml(text, options.max_depth);
  internal::LineCounter lines(text);
  auto where = [&](std::size_t offset) {
    const Origin o = lines.at(offset);
    return Location{options.source_name, o.line, o.column};
  };
  if (const auto& e = xml.error()) {
    return Error{ErrorCode::kMalformedXml, e->message, where(e->offset)};
  }
  const pugi::xml_node root = xml.root();
  if (internal::local_name(root.name()) != "Manifest") {
    return Error{ErrorCode::kUnexpectedRoot,
                 fmt::format("<{}> is not a diskshadow manifest", root.name()),
                 where(xml.offset(root))};
  }
  CabManifest m;
  m.file = options.source_name;
  auto attr = [](pugi::xml_node e,
                 const char* n) -> std::optional<std::string> {
    if (pugi::xml_attribute a = e.attribute(n)) return std::string(a.value());
    return std::nullopt;
  };
  // Every element in document order (the depth is bounded by XmlDocument).
  for (pugi::xml_node e = root; e;) {
    const std::string_view n = internal::local_name(e.name());
    if (n == "ShadowCopySet") {
      m.machine_name = attr(e, "MachineName");
      if (auto g = attr(e, "GUID")) {
        if (auto id = Guid::parse(*g)) m.shadow_copy_set_id = *id;
      }
    } else if (n == "ShadowCopy") {
      ManifestShadowCopy& copy = m.shadow_copies.emplace_back();
      if (auto g = attr(e, "GUID")) copy.id = Guid::parse(*g);
      copy.original_volume = attr(e, "OriginalVolume").value_or("");
      copy.where = lines.at(xml.offset(e));
    } else if (n == "BackupComponents") {
      m.backup_components_file = attr(e, "File");
    } else if (n == "Writer") {
      m.writers.push_back(
          ManifestWriter{decode_manifest_name(attr(e, "Name").value_or("")),
                         attr(e, "MetadataFile").value_or("")});
    }
    e = internal::next_element(e, root);
  }
  return m;
}

Result<CaptureSet> load(const std::string& path, const LoadOptions& options,
                        std::istream* stdin_stream) {
  if (path == "-") {
    auto bytes =
        read_stream(stdin_stream ? *stdin_stream : std::cin, "-", options);
    if (!bytes) return std::move(bytes).error();
    return load_bytes(*bytes, "-", options);
  }
  const fs::path p(path);
  if (kind_of(p).type == fs::file_type::directory) {
    return load_folder(p, path, options);
  }
  auto bytes = read_file(p, path, options);
  if (!bytes) return std::move(bytes).error();
  // Only a regular file can be read again: a pipe gives its bytes once.
  std::error_code ec;
  Reread reread;
  if (fs::is_regular_file(p, ec)) {
    reread = [&] { return read_file(p, path, options); };
  }
  return load_bytes(*bytes, path, options, reread);
}

void merge(CaptureSet& into, CaptureSet&& more) {
  for (auto& w : more.writers) into.writers.push_back(std::move(w));
  for (auto& b : more.backup_components) {
    into.backup_components.push_back(std::move(b));
  }
  if (!into.manifest && more.manifest) into.manifest = std::move(more.manifest);
  for (auto& s : more.statuses) into.statuses.push_back(std::move(s));
}

}  // namespace vssmeta
