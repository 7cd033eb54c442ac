// SPDX-License-Identifier: MIT
#include "vssmeta/writer_metadata.h"

#include <fmt/format.h>

#include "text/ascii.h"

namespace vssmeta {

const char* element_name(FileDescriptorKind kind) {
  switch (kind) {
    case FileDescriptorKind::kFileList:
      return "FILE_LIST";
    case FileDescriptorKind::kDatabaseFiles:
      return "DATABASE_FILES";
    case FileDescriptorKind::kDatabaseLogFiles:
      return "DATABASE_LOGFILES";
    case FileDescriptorKind::kExclude:
      return "EXCLUDE_FILES";
    case FileDescriptorKind::kExcludeFromSnapshot:
      return "EXCLUDE_FILES_FROM_SNAPSHOT";
    case FileDescriptorKind::kAlternateLocationMapping:
      return "ALTERNATE_LOCATION_MAPPING";
    case FileDescriptorKind::kNewTarget:
      return "NEW_TARGET";
  }
  return "FILE_LIST";
}

std::string join_component_path(const std::optional<std::string>& logical_path,
                                const std::string& name) {
  if (!logical_path || logical_path->empty()) return name;
  std::string out;
  out.reserve(logical_path->size() + 1 + name.size());
  out += *logical_path;
  if (out.back() != '\\') out.push_back('\\');
  out += name;
  return out;
}

std::string Component::full_path() const {
  return join_component_path(logical_path, name);
}

bool unknown_from_text(const WriterMetadata& w, TextUnknown field) {
  if (!w.from_text) return false;
  switch (field) {
    case TextUnknown::kWriterId:
      return !w.from_text->writer_id_known;
    case TextUnknown::kInstanceId:
      return !w.from_text->writer_id_known || !w.identity.instance_id;
    case TextUnknown::kRestoreMethod:
      return !w.restore_method;
    case TextUnknown::kComponents:
      return w.components.empty();
    default:
      return true;  // never printed
  }
}

std::string writer_id_text(const WriterMetadata& w) {
  return unknown_from_text(w, TextUnknown::kWriterId)
             ? std::string("{writer id not in the text}")
             : w.identity.writer_id.to_braced_string();
}

std::string reconstructed_from_text_note(const Location& t) {
  return fmt::format(
      "reconstructed from text (line {}): only what diskshadow printed is "
      "known",
      t.line);
}

std::string WriterMetadata::display_name() const {
  if (identity.friendly_name && !identity.friendly_name->empty()) {
    return *identity.friendly_name;
  }
  return identity.writer_id.to_braced_string();
}

bool writer_matches(const WriterMetadata& w, const std::string& name) {
  if (name.empty()) return false;
  const WriterIdentity& id = w.identity;
  if (id.friendly_name && internal::iequals(*id.friendly_name, name)) {
    return true;
  }
  if (id.instance_name && internal::iequals(*id.instance_name, name)) {
    return true;
  }
  const std::optional<Guid> guid = Guid::parse(name);
  return guid && (id.writer_id == *guid || id.instance_id == *guid);
}

}  // namespace vssmeta
