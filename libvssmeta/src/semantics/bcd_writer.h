// SPDX-License-Identifier: MIT
#pragma once
// Which WMD of a capture a BCD writer entry refers to: shared by the XREF
// rules and the graph's selection, so both answer alike.

#include <cstddef>
#include <optional>
#include <vector>

#include "vssmeta/backup_components.h"
#include "vssmeta/writer_metadata.h"

namespace vssmeta::internal {

/// Among `candidates` (indices into `writers`, the entry's writer class, in
/// capture order): the instance id decides, then the instance name; failing
/// both, the first. Nothing when there is no candidate.
inline std::optional<std::size_t> pick_instance(
    const std::vector<WriterMetadata>& writers,
    const std::vector<std::size_t>& candidates, const WriterComponents& entry) {
  if (candidates.empty()) return std::nullopt;
  if (candidates.size() == 1) return candidates.front();
  for (std::size_t i : candidates) {
    const WriterIdentity& id = writers[i].identity;
    if (entry.instance_id && id.instance_id == entry.instance_id) return i;
  }
  for (std::size_t i : candidates) {
    const WriterIdentity& id = writers[i].identity;
    if (entry.instance_name && id.instance_name == entry.instance_name) {
      return i;
    }
  }
  return candidates.front();
}

}  // namespace vssmeta::internal
