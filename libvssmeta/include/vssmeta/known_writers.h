// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// Microsoft's own VSS writers, by writer class id: the writers Windows
/// ships ("in-box" writers, as listed on Microsoft Learn's "In-Box VSS
/// Writers" page) and the writers of Microsoft's server products (SQL
/// Server, Exchange). Used to name writers that a backup components
/// document knows only by class id, and by `validate --for operator` to
/// leave the way these writers describe themselves to Microsoft.

#include <span>
#include <string_view>

#include "vssmeta/export.h"
#include "vssmeta/guid.h"

namespace vssmeta {

/// One writer of the table.
struct KnownWriter {
  /// The writer class id as Microsoft documents it (no braces).
  std::string_view id;
  /// The writer name string the writer reports (friendlyName).
  std::string_view name;
  /// The Windows feature or Microsoft product the writer belongs to.
  std::string_view product;
  /// True for writers Windows itself ships (in-box); false for those of
  /// other Microsoft products.
  bool in_box = true;
};

/// The table, in the order of the Learn page (SQL Server and Exchange last).
VSSMETA_EXPORT std::span<const KnownWriter> known_writers();

/// The writer of class `id`, or nullptr when it is none of Microsoft's
/// writers this version knows. O(log n).
VSSMETA_EXPORT const KnownWriter* find_known_writer(const Guid& id);

}  // namespace vssmeta
