// SPDX-License-Identifier: MIT
#pragma once
// The two forms of write_dump() share the writer order; the JSON form lives
// in dump_json.cc.

#include <ostream>
#include <vector>

#include "vssmeta/dump.h"

namespace vssmeta::internal {

/// The writers of a capture in dump order: by display name, instance name
/// and instance id (ignoring case), then load order.
std::vector<const WriterMetadata*> dump_order(const CaptureSet& capture);

/// The JSON form of write_dump() (schemas/dump.schema.json).
void write_dump_json(const CaptureSet& capture, std::ostream& out,
                     const DumpOptions& options);

}  // namespace vssmeta::internal
