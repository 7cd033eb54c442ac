// SPDX-License-Identifier: MIT
#include "vssmeta/writer_metadata.h"

#include "text/ascii.h"
#include "vssmeta/hierarchy.h"

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

std::string WriterMetadata::display_name() const {
  if (identity.friendly_name && !identity.friendly_name->empty()) {
    return *identity.friendly_name;
  }
  return identity.writer_id.to_braced_string();
}

bool writer_matches(const WriterMetadata& w, const std::string& name) {
  if (auto g = Guid::parse(name)) return w.identity.writer_id == *g;
  return internal::iequals(w.display_name(), name) ||
         (w.identity.instance_name &&
          internal::iequals(*w.identity.instance_name, name));
}

}  // namespace vssmeta
