// SPDX-License-Identifier: MIT
// Whom each rule addresses and why it has its severity (issue #12 item 8):
// the false-positive risk of every rule, weighed against the real
// diskshadow capture in ../shared/vss-samples (11 WMDs of Windows Server
// 2012 with SQL Server 2017, and their BCD) and against what Microsoft
// documents of its own writers. A test checks that every rule has a row.
#include <algorithm>
#include <array>

#include "validate/rules.h"

namespace vssmeta::internal {
namespace {

constexpr auto kOperator = Audience::kOperator;
constexpr auto kAuthor = Audience::kAuthor;

// Sorted by id (as the rule table: upper case before lower case).
constexpr auto kNotes = std::to_array<RuleNotes>({
    {"BCD001", kOperator,
     "Error: VSS_BT_UNDEFINED is documented as a requester error and an "
     "unknown type cannot be interpreted; none of the 11 real diskshadow "
     "WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"BCD002", kOperator,
     "Warning: the document stays usable; none of the 11 real diskshadow "
     "WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"BCD003", kOperator,
     "Error: without the ids no WMD can be matched and VSS itself cannot "
     "route the component; none of the 11 real diskshadow WMDs nor their "
     "BCD (../shared/vss-samples) triggers it."},
    {"BCD004", kOperator,
     "Warning: Windows merges nothing here, so the second entry's "
     "components may be missed; none of the 11 real diskshadow WMDs nor "
     "their BCD (../shared/vss-samples) triggers it."},
    {"BCD005", kOperator,
     "Warning: an empty entry backs nothing up for its writer, which is "
     "rarely meant; none of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
    {"BCD006", kOperator,
     "Error: AddComponent refuses a component added twice "
     "(VSS_E_OBJECT_ALREADY_EXISTS), so only a hand-edited document has "
     "it; none of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
    {"BCD007", kOperator,
     "Error: a component without name or type cannot be matched or "
     "restored; none of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
    {"BCD008", kOperator,
     "Warning: the components are ignored by VSS in a non-component "
     "backup, so the list is misleading rather than harmful; none of the "
     "11 real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"BCD009", kOperator,
     "Warning: a requester that did not declare partial file support "
     "should not receive partial files; none of the 11 real diskshadow "
     "WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"BCD010", kOperator,
     "Error: a range the writer cannot read makes the partial file "
     "unrestorable; none of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
    {"BCD011", kOperator,
     "Error: these paths name single files, never patterns; none of the "
     "11 real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"BCD012", kOperator,
     "Error: a directed target whose ranges differ cannot be applied; "
     "none of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
    {"BCD013", kOperator,
     "Warning: the targets are ignored unless the restore target is "
     "directed; none of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
    {"BCD014", kOperator,
     "Warning: the document stays usable, the restore target falls back "
     "to the writer's method; none of the 11 real diskshadow WMDs nor "
     "their BCD (../shared/vss-samples) triggers it."},
    {"BCD015", kOperator,
     "Warning: one file cannot be restored both ways; none of the 11 "
     "real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"BCD016", kOperator,
     "Info: harmless, differenced files only matter to incremental and "
     "differential restores; none of the 11 real diskshadow WMDs nor "
     "their BCD (../shared/vss-samples) triggers it."},
    {"BCD017", kOperator,
     "Info: the stamp is not used by such a backup; none of the 11 real "
     "diskshadow WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"BCD018", kOperator,
     "Error: AddRestoreSubcomponent requires the parent to be selected "
     "for restore; none of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
    {"BCD019", kOperator,
     "Error: a subcomponent without path or name cannot be found; none "
     "of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
    {"BCD020", kOperator,
     "Error: documented requirement of AddRestoreSubcomponent; none of "
     "the 11 real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"BCD021", kOperator,
     "Warning: restore fields without a selection are ignored; none of "
     "the 11 real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"BCD022", kOperator,
     "Warning: the writer reports the outcome of every selected "
     "component after a restore; none of the 11 real diskshadow WMDs nor "
     "their BCD (../shared/vss-samples) triggers it."},
    {"BCD023", kOperator,
     "Error, reported first: a backup or restore that did not succeed "
     "(backupSucceeded no, file restore status none or failed, a writer "
     "failure message) is the one fact about a backup an operator must "
     "see; the real BCD records every component as succeeded."},
    {"BCD024", kOperator,
     "Warning: writers may not parse other syntax; none of the 11 real "
     "diskshadow WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"BCD025", kOperator,
     "Warning: the writer decides what to do with an inconsistent pair; "
     "none of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
    {"BCD026", kOperator,
     "Error: a malformed mapping cannot be applied; none of the 11 real "
     "diskshadow WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"BCD028", kOperator,
     "Warning: the stamp may be ignored by the writer; none of the 11 "
     "real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"SET001", kOperator,
     "Error, operator: two documents with one instance id mean the "
     "folder mixes captures or holds a copy, which the operator can fix; "
     "none of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
    {"SET002", kAuthor,
     "Warning: a requester cannot tell the instances apart; none of the "
     "11 real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"SET003", kAuthor,
     "Warning: documented requirement for multi-instance writers; none "
     "of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
    {"SET004", kAuthor,
     "Warning: restores of such a writer may reach the wrong instance; "
     "none of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
    {"SET005", kAuthor,
     "Warning: the dependency cannot be honoured by this capture; none "
     "of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
    {"SET006", kAuthor,
     "Error: the dependency can never be honoured; none of the 11 real "
     "diskshadow WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"SET007", kAuthor,
     "Info: cycles are harmless by the documentation; none of the 11 "
     "real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"WMD001", kAuthor,
     "Error: a writer without a class id cannot be selected; none of the "
     "11 real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"WMD002", kAuthor,
     "Warning: tools show the id instead of a name; none of the 11 real "
     "diskshadow WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"WMD003", kAuthor,
     "Info: instance ids are stale once saved anyway; none of the 11 "
     "real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"WMD004", kAuthor,
     "Warning: VSS_UT_UNDEFINED is documented as a writer error; an "
     "unknown spelling is reported by unknown-value (warning: the "
     "document stays usable); none of the 11 real diskshadow WMDs nor "
     "their BCD (../shared/vss-samples) triggers it."},
    {"WMD005", kAuthor,
     "Warning: VSS_ST_UNDEFINED is documented as a writer error; unknown "
     "spellings as for WMD004; none of the 11 real diskshadow WMDs nor "
     "their BCD (../shared/vss-samples) triggers it."},
    {"WMD006", kAuthor,
     "Warning; info for writers without components, because the in-box "
     "Shadow Copy Optimization and BITS writers omit RESTORE_METHOD in "
     "the real capture."},
    {"WMD007", kAuthor,
     "Error for VSS_RME_UNDEFINED (documented as a writer error); an "
     "unknown spelling is a warning (the document stays usable), "
     "reported by unknown-value when the loader's warnings are given; "
     "none of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
    {"WMD008", kAuthor,
     "Error: the method cannot work without a mapping; none of the 11 "
     "real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"WMD009", kAuthor,
     "Error: the requester cannot stop an unnamed service; none of the "
     "11 real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"WMD010", kAuthor,
     "Warning: probably the wrong method; none of the 11 real diskshadow "
     "WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"WMD011", kAuthor,
     "Warning: VSS_WRE_UNDEFINED is documented as a writer error; "
     "unknown spellings as for WMD007; none of the 11 real diskshadow "
     "WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"WMD012", kAuthor,
     "Warning; info when the writer only declares exclude lists, as the "
     "in-box Shadow Copy Optimization and BITS writers do in the real "
     "capture."},
    {"WMD013", kAuthor,
     "Error: components are identified by logical path and name; none of "
     "the 11 real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"WMD014", kAuthor,
     "Error: documented requirement; none of the 11 real diskshadow WMDs "
     "nor their BCD (../shared/vss-samples) triggers it."},
    {"WMD015", kAuthor,
     "Error: the backslash separates logical path elements; none of the "
     "11 real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"WMD016", kAuthor,
     "Warning: Windows tolerates it, tools that join paths may not; none "
     "of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
    {"WMD018", kAuthor,
     "Error: documented pairing of file descriptors and component types; "
     "none of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
    {"WMD019", kAuthor,
     "Error: documented restriction of database file sets; none of the "
     "11 real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"WMD020", kAuthor,
     "Warning: an empty path is the current directory of whoever reads "
     "it; none of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
    {"WMD021", kAuthor,
     "Error: wildcards belong in the filespec; none of the 11 real "
     "diskshadow WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"WMD022", kAuthor,
     "Error: documented restriction of filespecs; none of the 11 real "
     "diskshadow WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"WMD023", kAuthor,
     "Warning: the same files backed up twice; none of the 11 real "
     "diskshadow WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"WMD024", kAuthor,
     "Error: the mapping can never apply; none of the 11 real diskshadow "
     "WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"WMD025", kAuthor,
     "Error: the mapping has nowhere to restore to; none of the 11 real "
     "diskshadow WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"WMD026", kAuthor,
     "Error: undefined bits mean the writer was built against a "
     "different header; none of the 11 real diskshadow WMDs nor their "
     "BCD (../shared/vss-samples) triggers it."},
    {"WMD027", kAuthor,
     "Info: legitimate for files a writer only wants in snapshots; none "
     "of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
    {"WMD028", kAuthor,
     "Error: as WMD026; none of the 11 real diskshadow WMDs nor their "
     "BCD (../shared/vss-samples) triggers it."},
    {"WMD029", kAuthor,
     "Error: documented requirement of "
     "VSS_BS_EXCLUSIVE_INCREMENTAL_DIFFERENTIAL; none of the 11 real "
     "diskshadow WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"WMD030", kAuthor,
     "Error: documented requirement of VSS_BS_TIMESTAMPED; none of the "
     "11 real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"WMD031", kAuthor,
     "Error: documented requirement of VSS_BS_LAST_MODIFY; none of the "
     "11 real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"WMD032", kAuthor,
     "Warning: log backups would copy nothing; none of the 11 real "
     "diskshadow WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"WMD033", kAuthor,
     "Info: documented as reserved for system use; none of the 11 real "
     "diskshadow WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"WMD034", kAuthor,
     "Warning: documented requirement of RESTORE_WITH_MOVE; none of the "
     "11 real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"WMD035", kAuthor,
     "Warning: undefined flags are ignored by requesters; none of the 11 "
     "real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"WMD036", kAuthor,
     "Warning: tools cannot show the icon; none of the 11 real "
     "diskshadow WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"WMD037", kAuthor,
     "Info, author only: the in-box SQL Server writer sets "
     "notifyOnBackupComplete on every database in the real capture, so "
     "it is not worth an operator's attention; documented as reserved."},
    {"WMD038", kAuthor,
     "Info, author only: the in-box SQL Server and ASR writers set it on "
     "components without a selectable ancestor in the real capture; "
     "harmless (the flag has no effect)."},
    {"WMD039", kAuthor,
     "Info, author only: organising nodes that are not components are "
     "normal (ASR Writer's Volumes and Disks, SQL Server's host name in "
     "the real capture)."},
    {"WMD040", kAuthor,
     "Info: such components are always included, which the writer may "
     "intend; none of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
    {"WMD041", kAuthor,
     "Error: documented as forbidden; none of the 11 real diskshadow "
     "WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"WMD042", kAuthor,
     "Error: the dependency names nothing; none of the 11 real "
     "diskshadow WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"WMD043", kAuthor,
     "Warning: harmless repetition; none of the 11 real diskshadow WMDs "
     "nor their BCD (../shared/vss-samples) triggers it."},
    {"WMD044", kAuthor,
     "Info: remote dependencies cannot be checked offline; none of the "
     "11 real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"XREF-CASE", kOperator,
     "Warning: tool policy, Windows compares case-insensitively but the "
     "documentation never says so; none of the 11 real diskshadow WMDs "
     "nor their BCD (../shared/vss-samples) triggers it."},
    {"XREF001", kOperator,
     "Warning, once per BCD: the capture lacks the writer metadata the "
     "cross-document rules need, so they did not run for those writers; "
     "said instead of a clean result. The real capture folder has every "
     "WMD its BCD names."},
    {"XREF002", kOperator,
     "Warning at backup time, info at restore time (instance ids change "
     "when a writer restarts); none of the 11 real diskshadow WMDs nor "
     "their BCD (../shared/vss-samples) triggers it."},
    {"XREF003", kOperator,
     "Error: AddComponent only takes components the writer declared; "
     "none of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
    {"XREF004", kOperator,
     "Error: as XREF003; none of the 11 real diskshadow WMDs nor their "
     "BCD (../shared/vss-samples) triggers it."},
    {"XREF005", kOperator,
     "Error: documented as giving undefined results; none of the 11 real "
     "diskshadow WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"XREF006", kOperator,
     "Warning: documented as never to be done, harmless in practice; "
     "none of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
    {"XREF007", kOperator,
     "Error: the backup is incomplete for that writer; none of the 11 "
     "real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"XREF008", kOperator,
     "Warning: the writer treats the backup as full; none of the 11 real "
     "diskshadow WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"XREF009", kOperator,
     "Warning: the log backup copies nothing for that writer; none of "
     "the 11 real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"XREF010", kOperator,
     "Warning: the stamp will not be used; none of the 11 real "
     "diskshadow WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"XREF011", kOperator,
     "Warning: the writer may not expect them; none of the 11 real "
     "diskshadow WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"XREF012", kOperator,
     "Warning: probably a path typo; none of the 11 real diskshadow WMDs "
     "nor their BCD (../shared/vss-samples) triggers it."},
    {"XREF013", kOperator,
     "Warning: the range may belong to another component; none of the 11 "
     "real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"XREF014", kOperator,
     "Warning: the writer may ignore the target; none of the 11 real "
     "diskshadow WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"XREF015", kOperator,
     "Error: the target cannot apply; none of the 11 real diskshadow "
     "WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"XREF016", kOperator,
     "Error: the mapping cannot apply; none of the 11 real diskshadow "
     "WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"XREF017", kOperator,
     "Warning: the writer did not offer that mapping; none of the 11 "
     "real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"XREF018", kOperator,
     "Warning: some files have nowhere to go; none of the 11 real "
     "diskshadow WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"XREF019", kOperator,
     "Warning: the writer ignores what its schema does not support; none "
     "of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
    {"XREF020", kOperator,
     "Error: as XREF003 for restore subcomponents; none of the 11 real "
     "diskshadow WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"XREF021", kOperator,
     "Error: documented requirement; none of the 11 real diskshadow WMDs "
     "nor their BCD (../shared/vss-samples) triggers it."},
    {"XREF022", kOperator,
     "Error: documented requirement; none of the 11 real diskshadow WMDs "
     "nor their BCD (../shared/vss-samples) triggers it."},
    {"XREF023", kOperator,
     "Warning: the restore may be inconsistent across writers; none of "
     "the 11 real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"XREF024", kOperator,
     "Info, operator: Microsoft documents that the ASR Writer must be "
     "included in backups meant for bare-metal recovery, not in every "
     "bootable system-state backup; the real diskshadow backup leaves "
     "ASR out and is still a valid system-state backup. Stated as a fact "
     "about what the backup can serve, not as something to change."},
    {"XREF025", kOperator,
     "Info: harmless; none of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
    {"XREF027", kOperator,
     "Info: harmless; none of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
    {"guid-case", kOperator,
     "Info, operator: Windows' own VSS Metadata Store Writer writes "
     "mixed-case GUIDs in the real capture (WM1.xml); GUIDs compare by "
     "value."},
    {"ignored-element", kOperator,
     "Warning: content that is not read; none of the 11 real diskshadow "
     "WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"invalid-value", kOperator,
     "Warning: the field is treated as absent and kept verbatim; none of "
     "the 11 real diskshadow WMDs nor their BCD (../shared/vss-samples) "
     "triggers it."},
    {"load-warning", kOperator,
     "Warning: a loader warning without a rule of its own is still "
     "printed and counted."},
    {"manifest-mismatch", kOperator,
     "Warning: the capture is not complete; the real capture's manifest "
     "lists its 11 WMDs."},
    {"skipped-file", kOperator,
     "Warning: nothing in the file was checked; the real capture folder "
     "has no such file (its manifest is recognised)."},
    {"unexpected-text", kOperator,
     "Warning: content that means nothing to VSS; none of the 11 real "
     "diskshadow WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"unknown-attribute", kOperator,
     "Warning: content this version cannot check; none of the 11 real "
     "diskshadow WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"unknown-element", kOperator,
     "Warning: content this version cannot check; none of the 11 real "
     "diskshadow WMDs nor their BCD (../shared/vss-samples) triggers it."},
    {"unknown-value", kOperator,
     "Warning, not error: the document stays usable and the spelling is "
     "kept; none of the 11 real diskshadow WMDs nor their BCD "
     "(../shared/vss-samples) triggers it."},
});

}  // namespace

const RuleNotes* find_notes(std::string_view id) {
  auto hit = std::lower_bound(
      kNotes.begin(), kNotes.end(), id,
      [](const RuleNotes& n, std::string_view key) { return n.id < key; });
  return hit != kNotes.end() && hit->id == id ? &*hit : nullptr;
}

}  // namespace vssmeta::internal
