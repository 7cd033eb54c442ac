// SPDX-License-Identifier: MIT
// Microsoft's writers by class id. Names and ids of Windows' in-box writers
// are those of Microsoft Learn's "In-Box VSS Writers" page
// (desktop-src/VSS/in-box-vss-writers.md), except where a writer of the
// real capture in ../shared/vss-samples reports another name; the Hyper-V
// and DFS Replication ids and names are those their own Learn pages give;
// SQL Server's is the one its writer reports in the real capture; the
// Cluster, Data Deduplication, FRS and Exchange ids are the ones those
// writers report in published `vssadmin list writers` output (the Learn
// page names these writers without an id).
#include "vssmeta/known_writers.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace vssmeta {
namespace {

constexpr auto kWriters = std::to_array<KnownWriter>({
    {"b2014c9e-8711-4c5c-a5a9-3cf384484757", "NTDS",
     "Active Directory Domain Services"},
    {"772c45f8-ae01-4f94-940c-94961864acad", "ADFS VSS Writer",
     "Active Directory Federation Services"},
    {"dd846aaa-a1b6-42a8-aaf8-03dcb6114bfd", "ADAM (instanceN) Writer",
     "Active Directory Lightweight Directory Services"},
    {"886c43b1-d455-4428-a37f-4d6b9e43f50f", "AD RMS Writer",
     "Active Directory Rights Management Services"},
    {"be000cbe-11fe-4426-9c58-531aa6355fc4", "ASR Writer",
     "Automated System Recovery"},
    {"4969d978-be47-48b0-b100-f328f07ac1e0", "BITS Writer",
     "Background Intelligent Transfer Service"},
    {"6f5b15b5-da24-4d88-b737-63063e3a1f86", "Certificate Authority",
     "Certificate Services"},
    {"41e12264-35d8-479b-8e5c-9b23d1dad37e", "Cluster Database",
     "Failover Clustering"},
    {"1072ae1c-e5a7-4ea1-9e4a-6f7964656570", "Cluster Shared Volume VSS Writer",
     "Failover Clustering"},
    {"542da469-d3e1-473c-9f4f-7847f01fc64f", "COM+ REGDB Writer",
     "COM+ Class Registration Database"},
    {"41db4dbf-6046-470e-8ad5-d5081dfb1b70", "Dedup Writer",
     "Data Deduplication"},
    {"2707761b-2324-473d-88eb-eb007a359533", "DFS Replication service writer",
     "DFS Replication"},
    {"be9ac81e-3619-421f-920f-4c6fea9e93ad", "Dhcp Jet Writer", "DHCP Server"},
    {"d76f5a28-3092-4589-ba48-2958fb88ce29", "FRS Writer",
     "File Replication Service"},
    {"12ce4370-5bb7-4c58-a76a-e5d5097e3674", "FSRM Writer",
     "File Server Resource Manager"},
    {"66841cd4-6ded-4f4b-8f17-fd23f8ddc3de", "Microsoft Hyper-V VSS Writer",
     "Hyper-V"},
    {"2a40fd15-dfca-4aa8-a654-1f8c654603f6", "IIS Config Writer",
     "Internet Information Services"},
    {"59b1f0cf-90ef-465f-9609-6ca8b2938366", "IIS Metabase Writer",
     "Internet Information Services"},
    {"7e47b561-971a-46e6-96b9-696eeaa53b2a", "MSMQ Writer (MSMQ)",
     "Message Queuing"},
    {"cd3f2362-8bef-46c7-9181-d62844cdc062", "MSSearch Service Writer",
     "Windows Search"},
    {"35e81631-13e1-48db-97fc-d5bc721bb18a", "NPS VSS Writer",
     "Network Policy Server"},
    {"0bada1de-01a9-4625-8278-69e735f39dd2", "Performance Counters Writer",
     "Performance Counters"},
    {"afbab4a2-367d-4d15-a586-71dbb18f8485", "Registry Writer", "Registry"},
    {"368753ec-572e-4fc7-b4b9-ccd9bdc624cb", "TS Gateway Writer",
     "Remote Desktop Gateway"},
    {"5382579c-98df-47a7-ac6c-98a6d7106e09", "TermServLicensing",
     "Remote Desktop Licensing"},
    {"4dc3bdd4-ab48-4d07-adb0-3bee2926fd7f", "Shadow Copy Optimization Writer",
     "Volume Shadow Copy"},
    {"d46bf321-fdba-4a35-8ec3-454df03bc86a", "Sync Share Service VSS writer",
     "Work Folders (Sync Share Service)"},
    {"e8132975-6f93-4464-a53e-1050253ae220", "System Writer",
     "Windows (system files)"},
    {"d61d61c8-d73a-4eee-8cdd-f6f9786b7124", "Task Scheduler Writer",
     "Task Scheduler"},
    // Learn names it "VSS Express Writer Metadata Store Writer"; the name
    // is the one Windows Server 2012 reports in the real capture.
    {"75dfb225-e2e4-4d39-9ac9-ffaff65ddf06", "VSS Metadata Store Writer",
     "Volume Shadow Copy"},
    {"82cb5521-68db-4626-83a4-7fc6f88853e9", "WDS VSS Writer",
     "Windows Deployment Services"},
    {"8d5194e1-e455-434a-b2e5-51296cce67df", "WIDWriter",
     "Windows Internal Database"},
    {"f08c1483-8407-4a26-8c26-6c267a629741", "WINS Jet Writer", "WINS"},
    {"a6ad56c2-b509-4e6c-bb19-49d8f43532f0", "WMI Writer",
     "Windows Management Instrumentation"},
    {"a65faa63-5ea8-4ebc-9dbd-a0c4db26912a", "SqlServerWriter", "SQL Server",
     false},
    {"76fe1ac4-15f7-4bcd-987e-8e1acb462fb7", "Microsoft Exchange Writer",
     "Exchange Server", false},
});

// (class id, row) sorted by id, built once.
const std::vector<std::pair<Guid, const KnownWriter*>>& by_id() {
  static const auto kIndex = [] {
    std::vector<std::pair<Guid, const KnownWriter*>> out;
    out.reserve(kWriters.size());
    for (const KnownWriter& w : kWriters) {
      if (auto id = Guid::parse(w.id)) out.emplace_back(*id, &w);
    }
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
  }();
  return kIndex;
}

}  // namespace

std::span<const KnownWriter> known_writers() { return kWriters; }

const KnownWriter* find_known_writer(const Guid& id) {
  const auto& index = by_id();
  auto hit = std::lower_bound(
      index.begin(), index.end(), id,
      [](const auto& row, const Guid& key) { return row.first < key; });
  return hit != index.end() && hit->first == id ? hit->second : nullptr;
}

}  // namespace vssmeta
