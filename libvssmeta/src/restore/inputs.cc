// SPDX-License-Identifier: MIT
// Which document plays which part: the BCDs of one backup share a snapshot
// set id (the backup-time one and, after InitializeForRestore, the
// restore-time one); several backups form an additional-restore chain
// (https://learn.microsoft.com/en-us/windows/win32/vss/
// restoring-incremental-and-differential-backups), full first.
#include <algorithm>

#include "restore/plan_internal.h"

namespace vssmeta::internal::restore {
namespace {

bool is_base(const BackupComponents& b) {
  const BackupType t = b.backup_type.value_or(BackupType::kFull);
  return t == BackupType::kFull || t == BackupType::kCopy;
}

void note(const Inputs& in, const BackupComponents& b,
          std::vector<std::map<std::size_t, BcdRef>>& into) {
  for (const WriterComponents& e : b.writers) {
    const auto match = resolve_writer_entry(in.capture->writers, e);
    if (!match) continue;
    const ComponentIndex& index = in.indexes[match->writer];
    for (const BcdComponent& c : e.components) {
      for (std::size_t i : index.find(c.logical_path, c.name)) {
        into[match->writer][i] = BcdRef{&b, &e, &c};
      }
    }
  }
}

}  // namespace

Inputs classify(const CaptureSet& capture) {
  Inputs in;
  in.capture = &capture;
  in.indexes.reserve(capture.writers.size());
  for (const WriterMetadata& w : capture.writers) in.indexes.emplace_back(w);

  for (const BackupComponents& b : capture.backup_components) {
    auto same = std::find_if(
        in.chain.begin(), in.chain.end(), [&](const Inputs::Step& s) {
          return b.snapshot_set_id &&
                 s.any().snapshot_set_id == b.snapshot_set_id;
        });
    Inputs::Step& step =
        same != in.chain.end() ? *same : in.chain.emplace_back();
    (b.is_restore_time() ? step.restore : step.backup) = &b;
  }
  std::stable_partition(in.chain.begin(), in.chain.end(),
                        [](const Inputs::Step& s) { return is_base(s.any()); });
  for (const Inputs::Step& s : in.chain) {
    if (s.restore) in.restore = s.restore;
  }

  in.in_backup.resize(capture.writers.size());
  in.in_restore.resize(capture.writers.size());
  in.steps_of.resize(capture.writers.size());
  in.chain_entries.assign(
      capture.writers.size(),
      std::vector<const WriterComponents*>(in.chain.size(), nullptr));
  for (std::size_t k = 0; k < in.chain.size(); ++k) {
    const Inputs::Step& s = in.chain[k];
    note(in, s.backup ? *s.backup : *s.restore, in.in_backup);
    for (const BackupComponents* doc : {s.backup, s.restore}) {
      if (doc == nullptr) continue;
      for (const WriterComponents& e : doc->writers) {
        const auto m = resolve_writer_entry(capture.writers, e);
        if (!m) continue;
        in.chain_entries[m->writer][k] = &e;  // the restore one wins
        for (const BcdComponent& c : e.components) {
          for (std::size_t i :
               in.indexes[m->writer].find(c.logical_path, c.name)) {
            auto& steps = in.steps_of[m->writer][i];
            if (!steps.empty() && steps.back().first == k) {
              steps.back().second = &c;
            } else {
              steps.emplace_back(k, &c);
            }
          }
        }
      }
    }
  }
  if (in.restore) note(in, *in.restore, in.in_restore);
  return in;
}

}  // namespace vssmeta::internal::restore
