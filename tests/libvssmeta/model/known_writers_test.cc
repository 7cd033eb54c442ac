// SPDX-License-Identifier: MIT
// Microsoft's writers by class id: the table is well formed, and the
// writers of the real capture are known by the names they report.
#include "vssmeta/known_writers.h"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace vssmeta {
namespace {

TEST(KnownWriters, IdsParseAndAreUnique) {
  std::set<Guid> ids;
  for (const KnownWriter& w : known_writers()) {
    SCOPED_TRACE(std::string(w.name));
    auto id = Guid::parse(w.id);
    ASSERT_TRUE(id.has_value());
    EXPECT_EQ(id->to_string(), w.id) << "ids are written in lower case";
    EXPECT_TRUE(ids.insert(*id).second);
    EXPECT_FALSE(w.name.empty());
    EXPECT_FALSE(w.product.empty());
    EXPECT_EQ(find_known_writer(*id), &w);
  }
  EXPECT_GE(known_writers().size(), 30U);
}

TEST(KnownWriters, FindsByValueInAnyCase) {
  const KnownWriter* system =
      find_known_writer(*Guid::parse("{E8132975-6F93-4464-A53E-1050253AE220}"));
  ASSERT_NE(system, nullptr);
  EXPECT_EQ(system->name, "System Writer");
  EXPECT_TRUE(system->in_box);
  const KnownWriter* sql =
      find_known_writer(*Guid::parse("a65faa63-5ea8-4ebc-9dbd-a0c4db26912a"));
  ASSERT_NE(sql, nullptr);
  EXPECT_EQ(sql->name, "SqlServerWriter");
  EXPECT_FALSE(sql->in_box);
  EXPECT_EQ(find_known_writer(Guid()), nullptr);
  EXPECT_EQ(
      find_known_writer(*Guid::parse("3f2b8c1e-7d4a-4e59-9a61-0c8e5b2d7f13")),
      nullptr);
}

// The names Windows' writers report in the real capture
// (../shared/vss-samples/README.md lists them) are the table's.
TEST(KnownWriters, NamesOfTheRealCaptureWriters) {
  const std::pair<const char*, const char*> seen[] = {
      {"d61d61c8-d73a-4eee-8cdd-f6f9786b7124", "Task Scheduler Writer"},
      {"0bada1de-01a9-4625-8278-69e735f39dd2", "Performance Counters Writer"},
      {"4dc3bdd4-ab48-4d07-adb0-3bee2926fd7f",
       "Shadow Copy Optimization Writer"},
      {"be000cbe-11fe-4426-9c58-531aa6355fc4", "ASR Writer"},
      {"afbab4a2-367d-4d15-a586-71dbb18f8485", "Registry Writer"},
      {"4969d978-be47-48b0-b100-f328f07ac1e0", "BITS Writer"},
      {"542da469-d3e1-473c-9f4f-7847f01fc64f", "COM+ REGDB Writer"},
      {"a6ad56c2-b509-4e6c-bb19-49d8f43532f0", "WMI Writer"},
      {"75dfb225-e2e4-4d39-9ac9-ffaff65ddf06", "VSS Metadata Store Writer"},
      {"e8132975-6f93-4464-a53e-1050253ae220", "System Writer"},
  };
  for (const auto& [id, name] : seen) {
    const KnownWriter* w = find_known_writer(*Guid::parse(id));
    ASSERT_NE(w, nullptr) << id;
    EXPECT_EQ(w->name, name);
  }
}

}  // namespace
}  // namespace vssmeta
