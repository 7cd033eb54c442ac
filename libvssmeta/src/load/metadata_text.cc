// SPDX-License-Identifier: MIT
#include "vssmeta/metadata_text.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "load/decode.h"
#include "load/text_capture.h"
#include "load/text_lines.h"
#include "text/ascii.h"

namespace vssmeta {
namespace {

using internal::trim_text;

enum class Key {
  kWriterId,
  kInstanceId,
  kInstanceName,
  kExcludedFiles,
  kExclude,
  kName,
  kLogicalPath,
  kFullPath,
  kCaption,
  kType,
  kSelectable,
  kTopLevel,
  kNotify,
  kComponents,
  kFileList,
  kDatabaseFiles,
  kLogFiles,
  kPaths,
  kVolumes,
  kDependencies,
  kRestoreMethod,
  kWriterRestore,
  kReboot,
  kOther,  // a writer property the model keeps elsewhere or not at all
};

struct Label {
  std::string_view text;  // lower case
  Key key;
};

// diskshadow's labels (it is not localised), in both spellings seen:
// `Logical Path:` and `Logical path:`, `Affected paths by this component`
// and `Paths affected by this component`. Longer labels first where one
// starts another.
constexpr std::array<Label, 27> kLabels = {{
    {"writer instance id", Key::kInstanceId},
    {"writer instance name", Key::kInstanceName},
    {"writer id", Key::kWriterId},
    {"excluded files", Key::kExcludedFiles},
    {"exclude", Key::kExclude},
    {"name", Key::kName},
    {"logical path", Key::kLogicalPath},
    {"full path", Key::kFullPath},
    {"caption", Key::kCaption},
    {"type", Key::kType},
    {"is selectable", Key::kSelectable},
    {"is top level", Key::kTopLevel},
    {"notify on backup complete", Key::kNotify},
    {"components", Key::kComponents},
    {"file list", Key::kFileList},
    {"database files", Key::kDatabaseFiles},
    {"database log files", Key::kLogFiles},
    {"paths affected by this component", Key::kPaths},
    {"affected paths by this component", Key::kPaths},
    {"volumes affected by this component", Key::kVolumes},
    {"affected volumes by this component", Key::kVolumes},
    {"component dependencies", Key::kDependencies},
    {"supports restore events", Key::kOther},
    {"writer restore conditions", Key::kWriterRestore},
    {"restore method", Key::kRestoreMethod},
    {"requires reboot after restore", Key::kReboot},
    {"usage type", Key::kOther},
}};

struct Field {
  Key key;
  std::string_view value;
};

// `label: value` or `label = value` for a known label (blanks may stand
// before the separator: `Writer ID   = {...}`).
std::optional<Field> field(std::string_view line) {
  for (const Label& l : kLabels) {
    if (line.size() < l.text.size() ||
        !internal::iequals(line.substr(0, l.text.size()), l.text)) {
      continue;
    }
    const std::string_view rest = trim_text(line.substr(l.text.size()));
    if (rest.empty() || (rest.front() != ':' && rest.front() != '=')) {
      continue;
    }
    return Field{l.key, trim_text(rest.substr(1))};
  }
  return std::nullopt;
}

// diskshadow quotes some values: 'TRUE', 'SYSVOL', ''.
std::string_view unquote(std::string_view v) {
  if (v.size() >= 2 && v.front() == '\'' && v.back() == '\'') {
    return v.substr(1, v.size() - 2);
  }
  return v;
}

// A list item: `- x` or `+ x` (diskshadow's markers), without the marker.
std::optional<std::string_view> list_item(std::string_view line) {
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '+') &&
      (line[1] == ' ' || line[1] == '\t')) {
    return trim_text(line.substr(2));
  }
  return std::nullopt;
}

// `Writer:\logical\path\name` of a component header line: after the last
// `Component "`, or a line that is only a quoted `Writer:\...`.
std::optional<std::string_view> component_header(std::string_view line) {
  constexpr std::string_view kOpen = "Component \"";
  std::string_view quoted;
  if (const std::size_t at = line.rfind(kOpen); at != std::string_view::npos) {
    quoted = line.substr(at + kOpen.size());
    const std::size_t close = quoted.find('"');
    if (close == std::string_view::npos) return std::nullopt;
    quoted = quoted.substr(0, close);
  } else if (line.size() >= 2 && line.front() == '"' && line.back() == '"') {
    quoted = line.substr(1, line.size() - 2);
  } else {
    return std::nullopt;
  }
  if (quoted.find(":\\") == std::string_view::npos) return std::nullopt;
  return quoted;
}

std::optional<bool> true_false(std::string_view v) {
  v = unquote(v);
  if (internal::iequals(v, "TRUE")) return true;
  if (internal::iequals(v, "FALSE")) return false;
  return std::nullopt;
}

// `Path = x, Filespec = y[, Recursive = TRUE]`.
std::optional<FileDescriptor> file_spec(std::string_view v,
                                        FileDescriptorKind kind) {
  constexpr std::string_view kPath = "path = ";
  constexpr std::string_view kSpec = ", filespec = ";
  constexpr std::string_view kRecursive = ", recursive = ";
  if (v.size() < kPath.size() ||
      !internal::iequals(v.substr(0, kPath.size()), kPath)) {
    return std::nullopt;
  }
  const std::string folded = internal::fold(v);
  const std::size_t spec = folded.find(kSpec);
  if (spec == std::string::npos) return std::nullopt;
  FileDescriptor d;
  d.kind = kind;
  d.path = std::string(trim_text(v.substr(kPath.size(), spec - kPath.size())));
  std::string_view rest = v.substr(spec + kSpec.size());
  if (const std::size_t r = folded.find(kRecursive, spec);
      r != std::string::npos) {
    d.recursive = true_false(trim_text(v.substr(r + kRecursive.size())));
    rest = v.substr(spec + kSpec.size(), r - spec - kSpec.size());
  }
  d.filespec = std::string(trim_text(rest));
  return d;
}

// `{writer id}:\logical\path\name` (quotes and text around allowed).
std::optional<Dependency> dependency(std::string_view v) {
  const std::size_t open = v.find('{');
  if (open == std::string_view::npos || v.size() - open < 38) {
    return std::nullopt;
  }
  auto id = Guid::parse(v.substr(open, 38));
  if (!id) return std::nullopt;
  std::string_view path = v.substr(open + 38);
  if (path.size() < 2 || path[0] != ':' || path[1] != '\\') return std::nullopt;
  path = path.substr(1);
  while (!path.empty() && (path.back() == '"' || path.back() == '\'')) {
    path.remove_suffix(1);
  }
  const std::size_t last = path.rfind('\\');
  Dependency d;
  d.writer_id = *id;
  d.component_name = std::string(path.substr(last + 1));
  const std::string_view logical = path.substr(1, last == 0 ? 0 : last - 1);
  if (!logical.empty()) d.logical_path = std::string(logical);
  if (d.component_name.empty()) return std::nullopt;
  return d;
}

struct Named {
  std::string_view name;
  int value;
};

// VSS_RESTOREMETHOD_ENUM and VSS_WRITERRESTORE_ENUM as diskshadow prints
// them.
constexpr std::array<Named, 9> kRestoreMethods = {{
    {"VSS_RME_UNDEFINED", static_cast<int>(RestoreMethodType::kUndefined)},
    {"VSS_RME_RESTORE_IF_NOT_THERE",
     static_cast<int>(RestoreMethodType::kRestoreIfNotThere)},
    {"VSS_RME_RESTORE_IF_CAN_REPLACE",
     static_cast<int>(RestoreMethodType::kRestoreIfCanReplace)},
    {"VSS_RME_STOP_RESTORE_START",
     static_cast<int>(RestoreMethodType::kStopRestoreStart)},
    {"VSS_RME_RESTORE_TO_ALTERNATE_LOCATION",
     static_cast<int>(RestoreMethodType::kRestoreToAlternateLocation)},
    {"VSS_RME_RESTORE_AT_REBOOT",
     static_cast<int>(RestoreMethodType::kRestoreAtReboot)},
    {"VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE",
     static_cast<int>(RestoreMethodType::kRestoreAtRebootIfCannotReplace)},
    {"VSS_RME_CUSTOM", static_cast<int>(RestoreMethodType::kCustom)},
    {"VSS_RME_RESTORE_STOP_START",
     static_cast<int>(RestoreMethodType::kRestoreStopStart)},
}};

constexpr std::array<Named, 4> kWriterRestores = {{
    {"VSS_WRE_UNDEFINED", static_cast<int>(WriterRestore::kUndefined)},
    {"VSS_WRE_NEVER", static_cast<int>(WriterRestore::kNever)},
    {"VSS_WRE_IF_REPLACE_FAILS",
     static_cast<int>(WriterRestore::kIfReplaceFails)},
    {"VSS_WRE_ALWAYS", static_cast<int>(WriterRestore::kAlways)},
}};

template <std::size_t N>
std::optional<int> named(const std::array<Named, N>& table,
                         std::string_view v) {
  for (const Named& n : table) {
    if (n.name == v) return n.value;
  }
  return std::nullopt;
}

enum class Section { kNone, kExcluded, kFiles, kPaths, kVolumes, kDeps };

class Reader {
 public:
  Reader(const std::string& source, std::size_t max_depth)
      : source_(source), max_depth_(max_depth) {}
  void line(std::string_view text, std::size_t number);
  Result<std::vector<WriterMetadata>> finish() &&;
  bool found() const { return found_; }

 private:
  WriterMetadata& writer(std::string_view name, std::size_t number);
  void start_component(std::string_view header, std::size_t number);
  void component_field(const Field& f, std::size_t number);
  void value(std::string_view item, std::size_t number);
  void warn(std::size_t number, std::string message) {
    warnings_.push_back(Diagnostic{Severity::kWarning, "text-metadata-value",
                                   std::move(message),
                                   Location{source_, number, 0}});
  }
  Component* component() {
    if (writers_.empty() || !in_component_) return nullptr;
    return &writers_.back().components.back();
  }
  TextComponentFacts& facts() {
    return writers_.back().from_text->components.back();
  }

  const std::string& source_;
  std::size_t max_depth_;  // logical path levels, as for XML (ParseOptions)
  std::vector<WriterMetadata> writers_;
  Diagnostics warnings_;
  bool in_component_ = false;
  bool found_ = false;  // a component, or a writer with its id
  Section section_ = Section::kNone;
};

WriterMetadata& Reader::writer(std::string_view name, std::size_t number) {
  WriterMetadata w;
  w.source.name = source_;
  w.identity.friendly_name = std::string(name);
  w.where = Origin{static_cast<std::uint32_t>(number), 1};
  w.from_text = TextReconstruction{Location{source_, number, 0}, false, {}};
  writers_.push_back(std::move(w));
  in_component_ = false;
  section_ = Section::kNone;
  return writers_.back();
}

void Reader::start_component(std::string_view header, std::size_t number) {
  const std::size_t split = header.find(":\\");
  const std::string_view writer_name = header.substr(0, split);
  const std::string_view full_path = header.substr(split + 1);
  // A component names its writer: a new one when the text has not shown
  // that writer's `* WRITER` block right before.
  if (writers_.empty() ||
      writers_.back().identity.friendly_name.value_or("") != writer_name) {
    writer(writer_name, number);
  }
  WriterMetadata& w = writers_.back();
  Component c;
  c.where = Origin{static_cast<std::uint32_t>(number), 1};
  // What the header says, until the Name and Logical path lines say it.
  const std::size_t last = full_path.rfind('\\');
  c.name = std::string(full_path.substr(last + 1));
  if (last > 1) c.logical_path = std::string(full_path.substr(1, last - 1));
  w.components.push_back(std::move(c));
  TextComponentFacts f;
  f.full_path = std::string(full_path);
  w.from_text->components.push_back(std::move(f));
  in_component_ = true;
  section_ = Section::kNone;
  found_ = true;
}

void Reader::component_field(const Field& f, std::size_t number) {
  Component& c = *component();
  const std::string_view v = unquote(f.value);
  auto flag = [&](std::optional<bool>& into, const char* what) {
    into = true_false(v);
    if (!into) {
      warn(number,
           fmt::format("{}: '{}' is not TRUE or FALSE: left unknown", what, v));
    }
  };
  switch (f.key) {
    case Key::kName:
      c.name = std::string(v);
      break;
    case Key::kLogicalPath:
      c.logical_path =
          v.empty() ? std::nullopt : std::optional<std::string>(std::string(v));
      break;
    case Key::kFullPath:
      facts().full_path = std::string(v);
      break;
    case Key::kCaption:
      c.caption =
          v.empty() ? std::nullopt : std::optional<std::string>(std::string(v));
      break;
    case Key::kType:
      if (v.find("VSS_CT_DATABASE") != std::string_view::npos) {
        c.type = ComponentType::kDatabase;
      } else if (v.find("VSS_CT_FILEGROUP") != std::string_view::npos) {
        c.type = ComponentType::kFileGroup;
      } else {
        c.type = ComponentType::kUndefined;
        warn(number, fmt::format("component type '{}' is unknown", v));
      }
      break;
    case Key::kSelectable:
      flag(c.selectable, "Is selectable");
      break;
    case Key::kTopLevel:
      flag(facts().top_level, "Is top level");
      break;
    case Key::kNotify:
      flag(c.notify_on_backup_complete, "Notify on backup complete");
      break;
    case Key::kFileList:
    case Key::kDatabaseFiles:
    case Key::kLogFiles: {
      const FileDescriptorKind kind =
          f.key == Key::kFileList ? FileDescriptorKind::kFileList
          : f.key == Key::kDatabaseFiles
              ? FileDescriptorKind::kDatabaseFiles
              : FileDescriptorKind::kDatabaseLogFiles;
      if (auto d = file_spec(f.value, kind)) {
        d->where = Origin{static_cast<std::uint32_t>(number), 1};
        c.files.push_back(std::move(*d));
      } else {
        warn(number, fmt::format("file list '{}' is not 'Path = ..., "
                                 "Filespec = ...': skipped",
                                 f.value));
      }
      break;
    }
    case Key::kComponents:
      section_ = Section::kFiles;
      break;
    case Key::kPaths:
      section_ = Section::kPaths;
      break;
    case Key::kVolumes:
      section_ = Section::kVolumes;
      break;
    case Key::kDependencies:
      section_ = Section::kDeps;
      break;
    default:
      break;
  }
}

void Reader::value(std::string_view item, std::size_t number) {
  switch (section_) {
    case Section::kPaths:
      facts().paths_affected.emplace_back(item);
      break;
    case Section::kVolumes:
      facts().volumes_affected.emplace_back(item);
      break;
    case Section::kDeps:
      if (auto d = dependency(item)) {
        d->where = Origin{static_cast<std::uint32_t>(number), 1};
        component()->dependencies.push_back(std::move(*d));
      } else {
        warn(number, fmt::format("dependency '{}' names no {{writer id}}:"
                                 "\\path: skipped",
                                 item));
      }
      break;
    default:
      break;
  }
}

void Reader::line(std::string_view text, std::size_t number) {
  if (text.empty()) return;
  constexpr std::string_view kWriter = "* WRITER ";
  if (text.substr(0, kWriter.size()) == kWriter) {
    if (auto name = internal::quoted_writer_name(text)) {
      writer(*name, number);
    }
    return;
  }
  if (auto header = component_header(text)) {
    start_component(*header, number);
    return;
  }
  const std::optional<std::string_view> item = list_item(text);
  const std::optional<Field> f = field(item.value_or(text));
  if (!f) {
    // A bare list item belongs to the open section; any other line ends it.
    if (item && component() != nullptr) {
      value(*item, number);
    } else if (item && section_ == Section::kExcluded) {
      // `- Exclude: ...` is a field; nothing else is listed there.
    } else if (!item) {
      section_ = Section::kNone;
    }
    return;
  }
  if (writers_.empty()) return;
  WriterMetadata& w = writers_.back();
  switch (f->key) {
    case Key::kWriterId:
    case Key::kInstanceId: {
      auto id = Guid::parse(trim_text(f->value));
      if (!id) {
        warn(number, fmt::format("'{}' is not a GUID: left unknown", f->value));
      } else if (f->key == Key::kWriterId) {
        w.identity.writer_id = *id;
        w.from_text->writer_id_known = true;
        found_ = true;
      } else {
        w.identity.instance_id = *id;
      }
      return;
    }
    case Key::kInstanceName:
      w.identity.instance_name = std::string(unquote(f->value));
      return;
    case Key::kExcludedFiles:
      in_component_ = false;
      section_ = Section::kExcluded;
      return;
    case Key::kExclude:
      if (auto d = file_spec(f->value, FileDescriptorKind::kExclude)) {
        d->where = Origin{static_cast<std::uint32_t>(number), 1};
        w.exclude_files.push_back(std::move(*d));
      }
      return;
    case Key::kRestoreMethod:
    case Key::kWriterRestore:
    case Key::kReboot: {
      const std::string_view v = unquote(f->value);
      if (!w.restore_method) w.restore_method = RestoreMethod{};
      RestoreMethod& m = *w.restore_method;
      if (f->key == Key::kReboot) {
        m.reboot_required = true_false(v);
      } else if (f->key == Key::kRestoreMethod) {
        if (auto n = named(kRestoreMethods, v)) {
          m.method = static_cast<RestoreMethodType>(*n);
        }
      } else if (auto n = named(kWriterRestores, v)) {
        m.writer_restore = static_cast<WriterRestore>(*n);
      }
      const bool read = f->key == Key::kReboot ? m.reboot_required.has_value()
                        : f->key == Key::kRestoreMethod
                            ? m.method.has_value()
                            : m.writer_restore.has_value();
      if (!read) {
        warn(number,
             fmt::format("'{}' is not a value we know: left unknown", v));
      }
      return;
    }
    case Key::kOther:
      return;
    default:
      if (component() != nullptr) component_field(*f, number);
      return;
  }
}

Result<std::vector<WriterMetadata>> Reader::finish() && {
  // Components live in BACKUP_LOCATIONS: a writer showing some had one.
  for (WriterMetadata& w : writers_) {
    w.has_backup_locations = !w.components.empty();
    // Bounded as the XML reader bounds them (model_reader.cc), for the same
    // reason (every command walks the hierarchy); and so that a writer
    // rebuilt from text can always be written as a WMD that loads again.
    for (const Component& c : w.components) {
      if (!c.logical_path) continue;
      const std::size_t levels =
          1 + static_cast<std::size_t>(std::count(c.logical_path->begin(),
                                                  c.logical_path->end(), '\\'));
      if (levels > max_depth_) {
        return Error{ErrorCode::kUnsupported,
                     fmt::format("component '{}' has a logical path of {} "
                                 "levels; more than {} are refused",
                                 c.name, levels, max_depth_),
                     Location{source_, c.where.line, 1}};
      }
    }
  }
  Result<std::vector<WriterMetadata>> result =
      found_ ? Result<std::vector<WriterMetadata>>(std::move(writers_))
             : Result<std::vector<WriterMetadata>>(Error{
                   ErrorCode::kInvalidValue,
                   "no writer metadata text: expected diskshadow's `list "
                   "writers metadata` or `list writers detailed` output (`* "
                   "WRITER` blocks with their ids, `Component \"...\"` "
                   "blocks)",
                   Location{source_, 1, 1}});
  return std::move(result).with_warnings(std::move(warnings_));
}

Reader read_lines(std::string_view text, const std::string& name,
                  std::size_t max_depth) {
  Reader reader(name, max_depth);
  internal::for_each_clean_line(text,
                                [&](std::string_view line, std::size_t number) {
                                  reader.line(line, number);
                                });
  return reader;
}

}  // namespace

Result<std::vector<WriterMetadata>> parse_metadata_text(
    std::string_view bytes, const ParseOptions& options) {
  auto decoded = internal::decode_input(bytes, options.source_name);
  if (!decoded) return std::move(decoded).error();
  return std::move(read_lines(decoded->text(), options.source_name,
                              options.max_depth))
      .finish();
}

namespace internal {

std::optional<Result<std::vector<WriterMetadata>>> metadata_from_text(
    std::string_view text, const std::string& name) {
  Reader reader = read_lines(text, name, ParseOptions{}.max_depth);
  if (!reader.found()) return std::nullopt;
  return std::move(reader).finish();
}

}  // namespace internal
}  // namespace vssmeta
