// SPDX-License-Identifier: MIT
#pragma once
// The volumes side of a diagnosis: the shadow copy set a capture records,
// the system volume `%SystemRoot%`-style paths resolve to, and the volumes
// a component's files need.

#include <map>
#include <string>
#include <vector>

#include "vssmeta/diagnose.h"

namespace vssmeta::internal {

/// What the capture says about volumes, gathered once.
struct VolumeContext {
  ShadowCopySet set;
  /// Normal-form roots (`c:\`, `\\?\volume{...}\`) of the set's volumes.
  std::vector<std::string> set_keys;
  /// The system volume (`c:\`) and how it was learnt; empty when unknown.
  std::string system_volume;
  std::string system_volume_source;
  /// Volume GUID roots to drive roots, as the ASR Writer's captions name
  /// them (`Volume{...}` "Select this volume (C:) ...").
  std::map<std::string, std::string> guid_to_drive;

  /// Whether the volume with normal-form root `key` is in the set.
  bool shadowed(const std::string& key) const;
};

/// Reads the set from diskshadow's manifest (the BCD names only the set's
/// id), the system volume from `system_volume` or the System Writer's
/// files, and the ASR Writer's volume names.
VolumeContext volume_context(const CaptureSet& capture,
                             const BackupComponents* bcd,
                             const std::string& system_volume);

/// The volumes component `c`'s files and alternate paths lie on, sorted by
/// name, each once.
std::vector<VolumeRef> component_volumes(const Component& c,
                                         const VolumeContext& context);

/// `C:\` for `c:\`; other roots as they are.
std::string display_volume(const std::string& key);

}  // namespace vssmeta::internal
