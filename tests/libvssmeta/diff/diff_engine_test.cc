// SPDX-License-Identifier: MIT
// The diff engine's shared pieces: attribute values with defaults, unknown
// content, descriptor lists, writer keys.
#include "diff/diff_engine.h"

#include <gtest/gtest.h>

#include "vssmeta/parse.h"

namespace vssmeta::internal {
namespace {

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
