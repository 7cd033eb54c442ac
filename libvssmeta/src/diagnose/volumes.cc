// SPDX-License-Identifier: MIT
#include "diagnose/volumes.h"

#include <algorithm>
#include <array>
#include <string_view>

#include <fmt/format.h>

#include "paths/windows_path.h"
#include "text/ascii.h"

namespace vssmeta::internal {
namespace {

// The System Writer and the ASR Writer, by class id ("In-Box VSS Writers").
constexpr std::string_view kSystemWriter =
    "e8132975-6f93-4464-a53e-1050253ae220";
constexpr std::string_view kAsrWriter = "be000cbe-11fe-4426-9c58-531aa6355fc4";

// Variables that name folders of the system volume on every Windows
// install; other variables (a user's %TEMP%) stay unresolved.
constexpr std::array<std::string_view, 12> kSystemVariables = {
    "%systemroot%",
    "%windir%",
    "%systemdrive%",
    "%programfiles%",
    "%programfiles(x86)%",
    "%programw6432%",
    "%programdata%",
    "%allusersprofile%",
    "%commonprogramfiles%",
    "%commonprogramfiles(x86)%",
    "%public%",
    "%commonprogramw6432%",
};

bool is_system_variable(std::string_view key) {
  return std::find(kSystemVariables.begin(), kSystemVariables.end(), key) !=
         kSystemVariables.end();
}

// `c:\` from the first System Writer file under `X:\Windows`.
std::string system_volume_from(const WriterMetadata& w) {
  for (const Component& c : w.components) {
    for (const FileDescriptor& f : c.files) {
      const PathVolume v = volume_of(f.path);
      if (v.kind != PathVolume::Kind::kDrive) continue;
      const std::string key = path_key(f.path);
      if (key.size() >= 10 && key.compare(2, 8, "\\windows") == 0 &&
          (key.size() == 10 || key[10] == '\\')) {
        return v.root;
      }
    }
  }
  return {};
}

// `(C:)` in an ASR volume caption: the drive, lowered, or empty.
std::string drive_in_caption(std::string_view caption) {
  for (std::size_t i = 0; i + 3 < caption.size(); ++i) {
    if (caption[i] == '(' && caption[i + 2] == ':' && caption[i + 3] == ')') {
      const char d = ascii_lower(caption[i + 1]);
      if (d >= 'a' && d <= 'z') return std::string{d, ':', '\\'};
    }
  }
  return {};
}

std::string variable_name(std::string_view path) {
  const std::size_t end = path.find('%', 1);
  return std::string(
      path.substr(0, end == std::string_view::npos ? path.size() : end + 1));
}

}  // namespace

bool VolumeContext::shadowed(const std::string& key) const {
  auto in = [&](const std::string& k) {
    return std::find(set_keys.begin(), set_keys.end(), k) != set_keys.end();
  };
  if (in(key)) return true;
  if (auto it = guid_to_drive.find(key); it != guid_to_drive.end()) {
    return in(it->second);
  }
  for (const auto& [guid, drive] : guid_to_drive) {
    if (drive == key && in(guid)) return true;
  }
  return false;
}

std::string display_volume(const std::string& key) {
  if (key.size() == 3 && key[1] == ':') {
    std::string out = key;
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
  }
  // `\\?\volume{...}\` as Windows writes it: `\\?\Volume{...}\`.
  if (key.rfind("\\\\?\\volume{", 0) == 0) {
    return "\\\\?\\Volume" + key.substr(10);
  }
  return key;
}

VolumeContext volume_context(const CaptureSet& capture,
                             const BackupComponents* bcd,
                             const std::string& system_volume) {
  VolumeContext out;
  if (bcd != nullptr) out.set.id = bcd->snapshot_set_id;
  if (capture.manifest && !capture.manifest->shadow_copies.empty()) {
    const CabManifest& m = *capture.manifest;
    // The manifest of another shadow copy set says nothing of this one.
    if (!out.set.id || !m.shadow_copy_set_id ||
        *m.shadow_copy_set_id == *out.set.id) {
      out.set.source = m.file;
      if (!out.set.id) out.set.id = m.shadow_copy_set_id;
      for (const ManifestShadowCopy& copy : m.shadow_copies) {
        out.set.volumes.push_back(copy.original_volume);
        const PathVolume v = volume_of(copy.original_volume);
        if (!v.root.empty()) out.set_keys.push_back(v.root);
      }
    }
  }
  if (!system_volume.empty()) {
    std::string v = system_volume;
    if (v.size() == 2) v.push_back('\\');
    const PathVolume pv = volume_of(v);
    if (pv.kind == PathVolume::Kind::kDrive) {
      out.system_volume = pv.root;
      out.system_volume_source = "--system-volume";
    }
  }
  for (const WriterMetadata& w : capture.writers) {
    const std::string id = w.identity.writer_id.to_string();
    if (out.system_volume.empty() && id == kSystemWriter) {
      out.system_volume = system_volume_from(w);
      if (!out.system_volume.empty()) {
        out.system_volume_source =
            fmt::format("the System Writer's files under {}Windows",
                        display_volume(out.system_volume));
      }
    }
    if (id == kAsrWriter) {
      for (const Component& c : w.components) {
        if (!istarts_with(c.name, "Volume{") || !c.caption) continue;
        const std::string drive = drive_in_caption(*c.caption);
        if (drive.empty()) continue;
        out.guid_to_drive[fold("\\\\?\\" + c.name + "\\")] = drive;
      }
    }
  }
  return out;
}

std::vector<VolumeRef> component_volumes(const Component& c,
                                         const VolumeContext& context) {
  std::vector<VolumeRef> out;
  auto add = [&](const std::string& path) {
    if (path.empty()) return;
    PathVolume v = volume_of(path);
    VolumeRef ref;
    switch (v.kind) {
      case PathVolume::Kind::kNone:
        return;
      case PathVolume::Kind::kDrive:
        ref.kind = VolumeKind::kDrive;
        break;
      case PathVolume::Kind::kVolumeGuid:
        ref.kind = VolumeKind::kVolumeGuid;
        break;
      case PathVolume::Kind::kNetworkShare:
        ref.kind = VolumeKind::kNetworkShare;
        break;
      case PathVolume::Kind::kUnresolved:
        ref.via = variable_name(path);
        if (is_system_variable(v.root) && !context.system_volume.empty()) {
          ref.kind = VolumeKind::kDrive;
          v.root = context.system_volume;
        } else {
          ref.kind = VolumeKind::kUnresolved;
          ref.name = ref.via;
        }
        break;
    }
    if (ref.name.empty()) ref.name = display_volume(v.root);
    ref.shadowed =
        ref.kind != VolumeKind::kUnresolved && context.shadowed(v.root);
    for (const VolumeRef& r : out) {
      if (r.name == ref.name) return;
    }
    out.push_back(std::move(ref));
  };
  for (const FileDescriptor& f : c.files) {
    add(f.path);
    if (f.alternate_path) add(*f.alternate_path);
  }
  std::sort(out.begin(), out.end(), [](const VolumeRef& a, const VolumeRef& b) {
    return a.name < b.name;
  });
  return out;
}

}  // namespace vssmeta::internal
