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

TEST(ResolveWriterEntry, TheOnlyWmdOfTheClassWhateverItsInstance) {
  const auto ws = writers();
  auto m = resolve_writer_entry(
      ws, entry(kRegistry, "00000000-0000-4000-8000-0000000000ff", "other"));
  ASSERT_TRUE(m);
  EXPECT_EQ(m->writer, 0U);
  EXPECT_EQ(m->by, EntryMatch::kClass);
  EXPECT_FALSE(m->ambiguous);
}

TEST(ResolveWriterEntry, InstanceIdBeforeInstanceName) {
  const auto ws = writers();
  // The id names SQL02, the name SQL01: the id wins.
  auto m = resolve_writer_entry(
      ws, entry(kSql, "00000000-0000-4000-8000-000000000003", "SQL01"));
  ASSERT_TRUE(m);
  EXPECT_EQ(m->writer, 2U);
  EXPECT_EQ(m->by, EntryMatch::kInstanceId);
}

TEST(ResolveWriterEntry, InstanceNameWhenNoIdMatches) {
  const auto ws = writers();
  auto m = resolve_writer_entry(
      ws, entry(kSql, "00000000-0000-4000-8000-0000000000ff", "SQL02"));
  ASSERT_TRUE(m);
  EXPECT_EQ(m->writer, 2U);
  EXPECT_EQ(m->by, EntryMatch::kInstanceName);
}

// Instance names compare exactly (validate's rule; dump used to fold case).
TEST(ResolveWriterEntry, InstanceNamesCompareExactly) {
  const auto ws = writers();
  auto m = resolve_writer_entry(ws, entry(kSql, "", "sql02"));
  ASSERT_TRUE(m);
  EXPECT_EQ(m->writer, 1U);
  EXPECT_EQ(m->by, EntryMatch::kClass);
  EXPECT_TRUE(m->ambiguous);
}

TEST(ResolveWriterEntry, FirstOfTheClassWhenNothingElseDecides) {
  const auto ws = writers();
  auto m = resolve_writer_entry(ws, entry(kSql, "", {}));
  ASSERT_TRUE(m);
  EXPECT_EQ(m->writer, 1U);
  EXPECT_EQ(m->by, EntryMatch::kClass);
  EXPECT_TRUE(m->ambiguous);
}

}  // namespace
}  // namespace vssmeta
