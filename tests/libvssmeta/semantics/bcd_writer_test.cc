// SPDX-License-Identifier: MIT
// resolve_writer_entry(): which WMD a BCD writer entry refers to, the one
// rule validate, graph, dump and diff share.
#include <gtest/gtest.h>

#include "vssmeta/capture_set.h"

namespace vssmeta {
namespace {

constexpr const char* kSql = "a65faa63-5ea8-4ebc-9dbd-a0c4db26912a";
constexpr const char* kRegistry = "afbab4a2-367d-4d15-a586-71dbb18f8485";

WriterMetadata wmd(const char* cls, const char* instance_id,
                   std::optional<std::string> instance_name) {
  WriterMetadata w;
  w.identity.writer_id = *Guid::parse(cls);
  w.identity.instance_id = Guid::parse(instance_id);
  w.identity.instance_name = std::move(instance_name);
  return w;
}

WriterComponents entry(const char* cls, const char* instance_id,
                       std::optional<std::string> instance_name) {
  WriterComponents e;
  e.writer_id = *Guid::parse(cls);
  e.instance_id = Guid::parse(instance_id);
  e.instance_name = std::move(instance_name);
  return e;
}

// Two SQL Server instances after a writer of another class.
std::vector<WriterMetadata> writers() {
  return {wmd(kRegistry, "00000000-0000-4000-8000-000000000001", {}),
          wmd(kSql, "00000000-0000-4000-8000-000000000002", "SQL01"),
          wmd(kSql, "00000000-0000-4000-8000-000000000003", "SQL02")};
}

TEST(ResolveWriterEntry, NothingWithoutAWmdOfTheClass) {
  const auto ws = writers();
  EXPECT_FALSE(resolve_writer_entry(
      ws, entry("e8132975-6f93-4464-a53e-1050253ae220",
                "00000000-0000-4000-8000-000000000001", {})));
}

struct Case {
  const char* what;
  WriterComponents entry;
  std::size_t writer;
  EntryMatch by;
  bool ambiguous;
};

TEST(ResolveWriterEntry, IdThenNameThenClass) {
  const auto ws = writers();
  const Case cases[] = {
      {"the only WMD of its class, whatever its instance",
       entry(kRegistry, "00000000-0000-4000-8000-0000000000ff", "other"), 0,
       EntryMatch::kClass, false},
      {"the id names SQL02, the name SQL01: the id wins",
       entry(kSql, "00000000-0000-4000-8000-000000000003", "SQL01"), 2,
       EntryMatch::kInstanceId, false},
      {"the name when no id matches",
       entry(kSql, "00000000-0000-4000-8000-0000000000ff", "SQL02"), 2,
       EntryMatch::kInstanceName, false},
      // Validate's rule; dump used to fold the case of instance names.
      {"instance names compare exactly", entry(kSql, "", "sql02"), 1,
       EntryMatch::kClass, true},
      {"the first of the class when nothing else decides", entry(kSql, "", {}),
       1, EntryMatch::kClass, true},
  };
  for (const Case& c : cases) {
    const auto m = resolve_writer_entry(ws, c.entry);
    ASSERT_TRUE(m) << c.what;
    EXPECT_EQ(m->writer, c.writer) << c.what;
    EXPECT_EQ(m->by, c.by) << c.what;
    EXPECT_EQ(m->ambiguous, c.ambiguous) << c.what;
  }
}

}  // namespace
}  // namespace vssmeta
