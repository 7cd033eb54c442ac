// SPDX-License-Identifier: MIT
// Which WMD of a capture a BCD writer entry refers to: the one answer that
// validate, graph, dump and diff share.
#include "vssmeta/capture_set.h"

namespace vssmeta {

std::optional<WriterEntryMatch> resolve_writer_entry(
    const std::vector<WriterMetadata>& writers, const WriterComponents& entry) {
  std::optional<WriterEntryMatch> out;
  std::size_t of_class = 0;
  for (std::size_t i = 0; i < writers.size(); ++i) {
    const WriterIdentity& id = writers[i].identity;
    if (id.writer_id != entry.writer_id) continue;
    ++of_class;
    if (entry.instance_id && id.instance_id == entry.instance_id) {
      return WriterEntryMatch{i, EntryMatch::kInstanceId, false};
    }
    if (out && out->by == EntryMatch::kInstanceName) continue;
    if (entry.instance_name && id.instance_name == entry.instance_name) {
      out = WriterEntryMatch{i, EntryMatch::kInstanceName, false};
    } else if (!out) {
      out = WriterEntryMatch{i, EntryMatch::kClass, false};
    }
  }
  if (out && out->by == EntryMatch::kClass) out->ambiguous = of_class > 1;
  return out;
}

}  // namespace vssmeta
