// SPDX-License-Identifier: MIT
#include "vssmeta/backup_components.h"

namespace vssmeta {

std::string BcdComponent::full_path() const {
  return join_component_path(logical_path, name);
}

bool BackupComponents::is_restore_time() const {
  for (const WriterComponents& w : writers) {
    for (const BcdComponent& c : w.components) {
      if (c.selected_for_restore || c.restore_target || c.file_restore_status ||
          c.additional_restores || c.restore_options || c.restore_metadata ||
          !c.new_targets.empty() || !c.directed_targets.empty() ||
          !c.restore_subcomponents.empty() ||
          !c.alternate_location_mappings.empty() ||
          c.pre_restore_failure_message || c.post_restore_failure_message ||
          c.restore_name || c.authoritative_restore || c.roll_forward_type ||
          c.roll_forward_point) {
        return true;
      }
    }
  }
  return restore_type.has_value();
}

}  // namespace vssmeta
