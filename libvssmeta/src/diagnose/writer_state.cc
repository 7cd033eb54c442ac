// SPDX-License-Identifier: MIT
// What each VSS_WRITER_STATE means for a backup, and what to do about it
// (vss.h's VSS_WRITER_STATE; "Determining Writer Status" and "Writer Errors
// and Vetoes" in the VSS documentation).
#include <cstddef>

#include "vssmeta/diagnose.h"

namespace vssmeta {
namespace {

constexpr WriterStateInfo kStates[] = {
    // kUnknown
    {"the writer is in an unknown state, which VSS reports as a writer error",
     "restart the writer's service, then see its event log"},
    {{}, {}},  // kStable
    {"the writer waits for Freeze: a backup is running or was abandoned "
     "before the shadow copy was made",
     "let the running backup end; if none runs, restart the writer's "
     "service"},
    {"the writer is frozen and waits for Thaw: a backup is making its shadow "
     "copy, or was abandoned while the writer was frozen",
     "let the running backup end; if none runs, restart the writer's "
     "service"},
    {"the writer waits for PostSnapshot: the shadow copy exists and the "
     "backup has not moved on",
     "let the running backup end; if none runs, restart the writer's "
     "service"},
    {"the writer waits for BackupComplete: the files were copied and the "
     "requester has not yet ended the backup",
     "nothing to do: a writer in this state is ready for the next backup"},
    {"the writer failed while reporting its metadata (Identify): it has no "
     "metadata document and took no part",
     "restart the writer's service and see its event log; until then its "
     "data cannot be backed up through VSS"},
    {"the writer failed at PrepareForBackup, before the shadow copy: the "
     "requester's selection or the writer's state was refused",
     "read the writer's failure code and its event log; check that the "
     "selected components exist and their files are reachable"},
    {"the writer failed at PrepareForSnapshot: it could not get its data "
     "ready to be frozen",
     "read the writer's failure code and its event log, then retry"},
    {"the writer failed at Freeze: it could not stop writing in time (often "
     "a timeout under heavy load)",
     "retry when the machine is less busy; if it persists, see the writer's "
     "event log"},
    {"the writer failed at Thaw: the shadow copy took longer than the "
     "writer's freeze timeout, or the writer could not resume",
     "retry when the disks are less busy (a shorter freeze); see the "
     "writer's event log"},
    {"the writer failed at PostSnapshot, after the shadow copy was made",
     "read the writer's failure code and its event log; the shadow copy may "
     "not hold a consistent copy of its data"},
    {"the writer failed at BackupComplete, after its files were copied: "
     "its own bookkeeping (such as log truncation) failed",
     "the copied data is usable; see the writer's event log for what it "
     "could not finish"},
    {"the writer failed at PreRestore, before the files were restored",
     "read the writer's failure code and its event log, then restore again"},
    {"the writer failed at PostRestore, after the files were restored",
     "read the writer's failure code and its event log: the restored data "
     "may not be usable until the writer recovers it"},
    {"the writer failed at BackupShutdown: the requester ended its session "
     "while the writer was still working",
     "check that the requester ends backups properly (AbortBackup or "
     "BackupComplete), then retry"},
};

static_assert(
    std::size(kStates) ==
        static_cast<std::size_t>(WriterState::kFailedAtBackupShutdown) + 1,
    "one entry per VSS_WRITER_STATE");

}  // namespace

WriterStateInfo describe_writer_state(WriterState state) {
  const auto i = static_cast<std::size_t>(state);
  return i < std::size(kStates) ? kStates[i] : kStates[0];
}

}  // namespace vssmeta
