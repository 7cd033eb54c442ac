// SPDX-License-Identifier: MIT
#pragma once
// Cabinet files (`MSCF`, what diskshadow's `set metadata x.cab` writes),
// read entirely in memory through libmspack: no member is ever written to
// disk, so no member name is ever used as a path. Sizes and counts are
// checked against the cabinet's own directory before anything is
// decompressed.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vssmeta/result.h"

namespace vssmeta::internal {

/// The bounds read_cabinet() enforces.
struct CabinetLimits {
  /// A member declared larger than this is refused (256 MiB).
  std::size_t max_member_bytes = std::size_t{256} << 20;
  /// A cabinet with more members than this is refused.
  std::size_t max_members = 10000;
  /// The members extracted may hold at most this much together (1 GiB):
  /// a small cabinet cannot make us hold more.
  std::size_t max_total_bytes = std::size_t{1} << 30;
};

/// One extracted member.
struct CabinetMember {
  std::string name;   ///< as stored (UTF-8), `\` separating folders
  std::string bytes;  ///< its content
};

/// True when this build reads cabinets (it was built with libmspack).
bool cabinet_supported();

/// Extracts the members of the cabinet `bytes` (named `source` in errors)
/// that sit at its top level and whose name ends in `.xml` (any case), in
/// the order the cabinet stores them. Every member name is checked first:
/// an absolute name, a drive or stream (`:`), a `..` element or a control
/// character refuses the cabinet. Errors: kUnsupported (limits, no cabinet
/// support in this build, a member continued in another cabinet),
/// kInvalidValue (a damaged or truncated cabinet), each naming `source`
/// and, where one is at fault, the member.
Result<std::vector<CabinetMember>> read_cabinet(
    std::string_view bytes, const std::string& source,
    const CabinetLimits& limits = {});

}  // namespace vssmeta::internal
