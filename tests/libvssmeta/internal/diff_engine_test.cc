// SPDX-License-Identifier: MIT
// The diff engine's shared pieces: keys, sort-based matching, attribute
// values with defaults, unknown content, descriptor lists.
#include "internal/diff_engine.h"

#include <gtest/gtest.h>

#include "vssmeta/parse.h"

namespace vssmeta::internal {
namespace {

TEST(DiffEngine, PathKeysNormaliseWindowsSpelling) {
  EXPECT_EQ(path_key("%SystemRoot%\\System32\\"), "%systemroot%\\system32");
  EXPECT_EQ(path_key("C:/Program Files//X\\\\"), "c:\\program files\\x");
  EXPECT_EQ(logical_key(std::nullopt), "");
  EXPECT_EQ(logical_key(std::string("\\Host\\Inst\\")), "host\\inst");
  EXPECT_EQ(fold("AbC\xc3\x89"), "abc\xc3\x89");  // ASCII only
  EXPECT_EQ(count_of(1, "writer"), "1 writer");
  EXPECT_EQ(count_of(0, "writer"), "0 writers");
}

TEST(DiffEngine, MatchKeysPairsEqualKeysInDocumentOrder) {
  const Matching m = match_keys({"b", "a", "c", "a"}, {"a", "d", "a", "b"});
  ASSERT_EQ(m.pairs.size(), 3U);
  EXPECT_EQ(m.pairs[0], std::make_pair(std::size_t{1}, std::size_t{0}));
  EXPECT_EQ(m.pairs[1], std::make_pair(std::size_t{3}, std::size_t{2}));
  EXPECT_EQ(m.pairs[2], std::make_pair(std::size_t{0}, std::size_t{3}));
  EXPECT_EQ(m.removed, std::vector<std::size_t>{2});
  EXPECT_EQ(m.added, std::vector<std::size_t>{1});
}

TEST(DiffEngine, MatchHashedConfirmsEqualHashesWithRealKeys) {
  // Hash 7 collides: old 0 ("a") and new 1 ("b") must not pair.
  const std::vector<std::string> ka = {"a", "c", "c"};
  const std::vector<std::string> kb = {"c", "b", "c", "d"};
  const Matching m = match_hashed(
      {7, 9, 9}, {9, 7, 9, 7},
      [&](std::size_t i, std::size_t j) { return ka[i] == kb[j]; },
      [&](bool old_side, std::size_t i) { return old_side ? ka[i] : kb[i]; });
  ASSERT_EQ(m.pairs.size(), 2U);
  EXPECT_EQ(m.pairs[0], std::make_pair(std::size_t{1}, std::size_t{0}));
  EXPECT_EQ(m.pairs[1], std::make_pair(std::size_t{2}, std::size_t{2}));
  EXPECT_EQ(m.removed, std::vector<std::size_t>{0});
  EXPECT_EQ(m.added, (std::vector<std::size_t>{1, 3}));
}

TEST(DiffEngine, MatchHashedLoneCollisionIsNotAPair) {
  const Matching m = match_hashed(
      {5}, {5}, [](std::size_t, std::size_t) { return false; },
      [](bool, std::size_t) { return std::string(); });
  EXPECT_TRUE(m.pairs.empty());
  EXPECT_EQ(m.removed.size(), 1U);
  EXPECT_EQ(m.added.size(), 1U);
}

TEST(DiffEngine, PairUniqueTakesOnlyOneToOneLeftovers) {
  Matching m;
  m.removed = {0, 1, 2};
  m.added = {0, 1, 2};
  const auto pairs = pair_unique(m, {"x", "y", "y"}, {"y", "x", "z"});
  ASSERT_EQ(pairs.size(), 1U);  // y is ambiguous on the old side
  EXPECT_EQ(pairs[0], std::make_pair(std::size_t{0}, std::size_t{1}));
  EXPECT_EQ(m.removed, (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(m.added, (std::vector<std::size_t>{0, 2}));
  Matching empty;
  EXPECT_TRUE(pair_unique(empty, {}, {}).empty());
}

TEST(DiffEngine, FieldValuesUseDefaultsAndXmlSpellings) {
  Component c;
  c.name = "N";
  c.component_flags = 4;
  const FieldValues v = field_values(c);
  auto get = [&](std::string_view name) {
    for (const auto& [n, value] : v) {
      if (name == n) return value;
    }
    return std::optional<std::string>("missing");
  };
  EXPECT_EQ(get("selectable"), "no");
  EXPECT_EQ(get("componentFlags"), "0x4");
  EXPECT_EQ(get("caption"), std::nullopt);
  EXPECT_EQ(get("componentName"), "N");
}

TEST(DiffEngine, DiffValuesSkipsNamedFields) {
  std::vector<Change> out;
  DiffSink sink{&out, DocumentKind::kWriterMetadata, "W", ""};
  Component a;
  Component b;
  b.caption = "c";
  b.logical_path = "L";
  diff_values(sink, field_values(a), field_values(b), {"logicalPath"});
  ASSERT_EQ(out.size(), 1U);
  EXPECT_EQ(out[0].field, "caption");
  EXPECT_EQ(out[0].writer, "W");
  EXPECT_FALSE(out[0].before.has_value());
}

TEST(DiffEngine, CanonicalUnknownContentIgnoresOrderAndNamespaces) {
  XmlElement a{"X", {{"b", "2"}, {"a", "1"}, {"xmlns", "u"}}, {}, "", 0, {}};
  XmlElement b{"X", {{"a", "1"}, {"b", "2"}}, {}, "", 3, {}};
  EXPECT_EQ(canonical(a), canonical(b));
  EXPECT_EQ(canonical(b), "<X a=\"1\" b=\"2\"/>");
  XmlElement parent{"P", {}, {b, a}, "t", 0, {}};
  EXPECT_EQ(canonical(parent),
            "<P><X a=\"1\" b=\"2\"/><X a=\"1\" b=\"2\"/>t</P>");
}

TEST(DiffEngine, DiffExtrasReportsAttributesElementsAndText) {
  Extras a;
  Extras b;
  a.mutable_attributes().push_back({"k", "1"});
  b.mutable_attributes().push_back({"k", "2"});
  b.mutable_attributes().push_back({"xmlns:q", "ns"});
  b.mutable_elements().push_back(XmlElement{"E", {}, {}, "", 0, {}});
  b.mutable_text() = "hello";
  std::vector<Change> out;
  diff_extras(DiffSink{&out, DocumentKind::kWriterMetadata, "W", "C"}, "FG", a,
              b);
  ASSERT_EQ(out.size(), 3U);
  EXPECT_EQ(out[0].field, "FG@k");
  EXPECT_EQ(out[1].field, "FG/E");
  EXPECT_EQ(out[1].kind, ChangeKind::kAdded);
  EXPECT_EQ(out[2].field, "FG#text");
  EXPECT_EQ(out[2].after, "hello");
}

TEST(DiffEngine, DescriptorsMatchByNormalisedKey) {
  FileDescriptor f;
  f.path = "C:\\Data\\";
  f.filespec = "*.DB";
  FileDescriptor same = f;
  same.path = "C:\\Data";
  FileDescriptor cased = f;
  cased.path = "c:\\data";
  FileDescriptor recursive = f;
  recursive.recursive = true;
  std::vector<Change> out;
  const DiffSink sink{&out, DocumentKind::kWriterMetadata, "W", "C"};
  diff_descriptors(sink, {f}, {same});
  EXPECT_TRUE(out.empty());
  diff_descriptors(sink, {f}, {cased});
  ASSERT_EQ(out.size(), 1U);
  EXPECT_EQ(out[0].before, "C:\\Data\\*.DB");
  EXPECT_EQ(out[0].after, "c:\\data\\*.DB");
  out.clear();
  diff_descriptors(sink, {f}, {recursive});
  ASSERT_EQ(out.size(), 1U);
  EXPECT_EQ(out[0].kind, ChangeKind::kModified);
  EXPECT_EQ(out[0].after, "C:\\Data\\*.DB (recursive)");
  out.clear();
  // Two leftovers under one path: no guessing, removed and added.
  FileDescriptor other = f;
  other.filespec = "*.log";
  FileDescriptor third = f;
  third.filespec = "*.tmp";
  FileDescriptor fourth = f;
  fourth.filespec = "*.bak";
  diff_descriptors(sink, {other, third}, {f, fourth});
  EXPECT_EQ(out.size(), 4U);
}

TEST(DiffEngine, DescribeShowsNonDefaultDetails) {
  FileDescriptor f;
  f.path = "D:\\X";
  f.filespec = "a";
  f.alternate_path = "E:\\Y";
  f.backup_type_mask = 3;
  EXPECT_EQ(describe(f), "D:\\X\\a -> E:\\Y [filespecBackupType=0x3]");
  PartialFile p;
  p.path = "P";
  p.filename = "F";
  EXPECT_EQ(describe(field_values(p), p.extras), "path=\"P\" filename=\"F\"");
}

TEST(DiffEngine, DescribedListsAreMultisets) {
  std::vector<Change> out;
  const DiffSink sink{&out, DocumentKind::kBackupComponents, "W", "C"};
  diff_described(sink, "PARTIAL_FILE", {"x", "y", "y"}, {"y", "z"});
  ASSERT_EQ(out.size(), 3U);
  EXPECT_EQ(out[0].before, "x");
  EXPECT_EQ(out[1].before, "y");
  EXPECT_EQ(out[2].after, "z");
}

TEST(DiffEngine, WriterKeyIgnoresGuidSpellingAndNameCase) {
  const Guid a = *Guid::parse("{3F1C9A2E-5B7D-4E8A-9C61-2D4F8B0E7A13}");
  const Guid b = *Guid::parse("3f1c9a2e-5b7d-4e8a-9c61-2d4f8b0e7a13");
  EXPECT_EQ(writer_key(a, std::string("Inst")),
            writer_key(b, std::string("inst")));
  EXPECT_NE(writer_key(a, std::nullopt), writer_key(b, std::string("inst")));
}

}  // namespace
}  // namespace vssmeta::internal
