// SPDX-License-Identifier: MIT
// The WMD model's helpers: component paths, display name, element names,
// documented defaults, and content-only equality.
#include "vssmeta/writer_metadata.h"

#include <optional>
#include <string>

#include <gtest/gtest.h>

namespace vssmeta {
namespace {

TEST(JoinComponentPath, AbsentLogicalPathIsNameOnly) {
  EXPECT_EQ(join_component_path(std::nullopt, "Registry"), "Registry");
}

TEST(JoinComponentPath, EmptyLogicalPathIsNameOnly) {
  EXPECT_EQ(join_component_path(std::string(), "Registry"), "Registry");
}

TEST(JoinComponentPath, JoinsWithBackslash) {
  EXPECT_EQ(join_component_path(std::string("SQL01"), "master"),
            "SQL01\\master");
  EXPECT_EQ(join_component_path(std::string("a\\b"), "c"), "a\\b\\c");
}

TEST(JoinComponentPath, TrailingBackslashIsNotDoubled) {
  EXPECT_EQ(join_component_path(std::string("SQL01\\"), "master"),
            "SQL01\\master");
}

TEST(JoinComponentPath, LogicalPathOfOnlyABackslash) {
  EXPECT_EQ(join_component_path(std::string("\\"), "x"), "\\x");
}

TEST(Component, FullPath) {
  Component c;
  c.name = "Registry";
  EXPECT_EQ(c.full_path(), "Registry");
  c.logical_path = "";
  EXPECT_EQ(c.full_path(), "Registry");
  c.logical_path = "System Files";
  EXPECT_EQ(c.full_path(), "System Files\\Registry");
  c.logical_path = "System Files\\";
  EXPECT_EQ(c.full_path(), "System Files\\Registry");
}

TEST(Component, Defaults) {
  Component c;
  EXPECT_EQ(c.type, ComponentType::kFileGroup);
  EXPECT_FALSE(c.is_selectable());
  EXPECT_FALSE(c.is_selectable_for_restore());
  EXPECT_EQ(c.flags(), 0U);
  c.selectable = true;
  c.selectable_for_restore = true;
  c.component_flags = kComponentFlagNotSystemState;
  EXPECT_TRUE(c.is_selectable());
  EXPECT_TRUE(c.is_selectable_for_restore());
  EXPECT_EQ(c.flags(), 0x4U);
  c.selectable = false;
  EXPECT_FALSE(c.is_selectable());
}

TEST(WriterMetadata, DisplayNameIsFriendlyName) {
  WriterMetadata wmd;
  wmd.identity.writer_id = *Guid::parse("AFBAB4A2-367D-4D15-A586-71DBB18F8485");
  wmd.identity.friendly_name = "Registry Writer";
  EXPECT_EQ(wmd.display_name(), "Registry Writer");
}

TEST(WriterMetadata, DisplayNameFallsBackToBracedGuid) {
  WriterMetadata wmd;
  wmd.identity.writer_id = *Guid::parse("AFBAB4A2-367D-4D15-A586-71DBB18F8485");
  EXPECT_EQ(wmd.display_name(), "{afbab4a2-367d-4d15-a586-71dbb18f8485}");
  wmd.identity.friendly_name = "";
  EXPECT_EQ(wmd.display_name(), "{afbab4a2-367d-4d15-a586-71dbb18f8485}");
}

TEST(WriterMatches, ClassIdBracedOrNotAnyCase) {
  WriterMetadata wmd;
  wmd.identity.writer_id = *Guid::parse("AFBAB4A2-367D-4D15-A586-71DBB18F8485");
  wmd.identity.friendly_name = "Registry Writer";
  EXPECT_TRUE(writer_matches(wmd, "afbab4a2-367d-4d15-a586-71dbb18f8485"));
  EXPECT_TRUE(writer_matches(wmd, "{AFBAB4A2-367D-4D15-A586-71DBB18F8485}"));
  EXPECT_FALSE(writer_matches(wmd, "afbab4a2-367d-4d15-a586-71dbb18f8486"));
}

TEST(WriterMatches, FriendlyOrInstanceNameIgnoringAsciiCase) {
  WriterMetadata wmd;
  wmd.identity.writer_id = *Guid::parse("a65faa63-5ea8-4ebc-9dbd-a0c4db26912a");
  wmd.identity.friendly_name = "SqlServerWriter";
  EXPECT_TRUE(writer_matches(wmd, "sqlserverwriter"));
  EXPECT_FALSE(writer_matches(wmd, "SQL01"));
  wmd.identity.instance_name = "SQL01";
  EXPECT_TRUE(writer_matches(wmd, "sql01"));
  EXPECT_FALSE(writer_matches(wmd, "SqlServer"));
}

// Every command's --writer: the instance id too, braced or not, any case
// (dump accepted it, graph and validate did not).
TEST(WriterMatches, InstanceIdBracedOrNotAnyCase) {
  WriterMetadata wmd;
  wmd.identity.writer_id = *Guid::parse("a65faa63-5ea8-4ebc-9dbd-a0c4db26912a");
  wmd.identity.instance_id =
      Guid::parse("97e6e0ef-df12-4009-9e6b-165474834200");
  EXPECT_TRUE(writer_matches(wmd, "97E6E0EF-DF12-4009-9E6B-165474834200"));
  EXPECT_TRUE(writer_matches(wmd, "{97e6e0ef-df12-4009-9e6b-165474834200}"));
  EXPECT_FALSE(writer_matches(wmd, "97e6e0ef-df12-4009-9e6b-165474834201"));
}

TEST(WriterMatches, NamelessWriterMatchesItsBracedIdAsName) {
  WriterMetadata wmd;
  wmd.identity.writer_id = *Guid::parse("AFBAB4A2-367D-4D15-A586-71DBB18F8485");
  EXPECT_TRUE(writer_matches(wmd, "{afbab4a2-367d-4d15-a586-71dbb18f8485}"));
  EXPECT_FALSE(writer_matches(wmd, ""));
}

TEST(WriterMetadata, BackupSchemaDefaultIsZero) {
  WriterMetadata wmd;
  EXPECT_EQ(wmd.backup_schema_or_default(), 0U);
  wmd.backup_schema = 0x371;
  EXPECT_EQ(wmd.backup_schema_or_default(), 0x371U);
}

TEST(WriterMetadata, NamespaceConstant) {
  EXPECT_STREQ(kWriterMetadataNamespace, "x-schema:#VssWriterMetadataInfo");
}

TEST(FileDescriptorKind, ElementNames) {
  EXPECT_STREQ(element_name(FileDescriptorKind::kFileList), "FILE_LIST");
  EXPECT_STREQ(element_name(FileDescriptorKind::kDatabaseFiles),
               "DATABASE_FILES");
  EXPECT_STREQ(element_name(FileDescriptorKind::kDatabaseLogFiles),
               "DATABASE_LOGFILES");
  EXPECT_STREQ(element_name(FileDescriptorKind::kExclude), "EXCLUDE_FILES");
  EXPECT_STREQ(element_name(FileDescriptorKind::kExcludeFromSnapshot),
               "EXCLUDE_FILES_FROM_SNAPSHOT");
  EXPECT_STREQ(element_name(FileDescriptorKind::kAlternateLocationMapping),
               "ALTERNATE_LOCATION_MAPPING");
  EXPECT_STREQ(element_name(FileDescriptorKind::kNewTarget), "NEW_TARGET");
}

TEST(FileDescriptor, RecursiveDefaultsToFalse) {
  FileDescriptor f;
  EXPECT_FALSE(f.is_recursive());
  f.recursive = true;
  EXPECT_TRUE(f.is_recursive());
  f.recursive = false;
  EXPECT_FALSE(f.is_recursive());
}

TEST(FileDescriptor, BackupTypeMaskDefault) {
  FileDescriptor f;
  EXPECT_EQ(f.backup_type_mask_or_default(), 0x0F0FU);
  f.backup_type_mask = 0;
  EXPECT_EQ(f.backup_type_mask_or_default(), 0U);
  f.backup_type_mask = 0x10001;
  EXPECT_EQ(f.backup_type_mask_or_default(), 0x10001U);
}

TEST(FileDescriptor, EqualityIgnoresOriginButNotContent) {
  FileDescriptor a;
  a.path = "%SystemRoot%\\system32\\config";
  a.filespec = "*";
  FileDescriptor b = a;
  b.where = Origin{10, 4};
  EXPECT_EQ(a, b);
  b.recursive = false;  // present-but-false differs from absent
  EXPECT_NE(a, b);
  b = a;
  b.filespec = "SAM";
  EXPECT_NE(a, b);
}

TEST(WriterMetadata, EqualityIgnoresSourceAndOriginAndGuidCase) {
  WriterMetadata a;
  a.identity.writer_id = *Guid::parse("afbab4a2-367d-4d15-a586-71dbb18f8485");
  a.identity.friendly_name = "Registry Writer";
  Component c;
  c.name = "Registry";
  a.components.push_back(c);

  WriterMetadata b = a;
  b.source.name = "other.xml";
  b.source.encoding = Encoding::kUtf16Le;
  b.where = Origin{1, 1};
  b.identity.writer_id = *Guid::parse("{AFBAB4A2-367D-4D15-A586-71DBB18F8485}");
  b.components[0].where = Origin{7, 3};
  EXPECT_EQ(a, b);

  b.components[0].caption = "Registry";
  EXPECT_NE(a, b);
}

// A writer rebuilt from text leaves unknown what the text does not say; a
// writer read from XML has absent fields, never unknown ones.
TEST(UnknownFromText, OnlyWritersRebuiltFromText) {
  WriterMetadata xml;
  EXPECT_FALSE(unknown_from_text(xml, TextUnknown::kUsage));
  EXPECT_FALSE(unknown_from_text(xml, TextUnknown::kWriterId));
  EXPECT_EQ(writer_id_text(xml), "{00000000-0000-0000-0000-000000000000}");

  WriterMetadata text;
  text.from_text = TextReconstruction{};
  text.from_text->where = Location{"m.txt", 23, 1};
  text.from_text->writer_id_known = false;
  EXPECT_TRUE(unknown_from_text(text, TextUnknown::kWriterId));
  EXPECT_TRUE(unknown_from_text(text, TextUnknown::kInstanceId));
  EXPECT_TRUE(unknown_from_text(text, TextUnknown::kUsage));
  EXPECT_TRUE(unknown_from_text(text, TextUnknown::kRestoreMethod));
  EXPECT_TRUE(unknown_from_text(text, TextUnknown::kComponents));
  EXPECT_EQ(writer_id_text(text), "{writer id not in the text}");
  EXPECT_EQ(reconstructed_from_text_note(text.from_text->where),
            "reconstructed from text (line 23): only what diskshadow printed "
            "is known");

  // What the text did print is known.
  text.from_text->writer_id_known = true;
  text.identity.instance_id = Guid{};
  text.restore_method = RestoreMethod{};
  text.components.emplace_back();
  EXPECT_FALSE(unknown_from_text(text, TextUnknown::kWriterId));
  EXPECT_FALSE(unknown_from_text(text, TextUnknown::kInstanceId));
  EXPECT_FALSE(unknown_from_text(text, TextUnknown::kRestoreMethod));
  EXPECT_FALSE(unknown_from_text(text, TextUnknown::kComponents));
  EXPECT_TRUE(unknown_from_text(text, TextUnknown::kInstanceName));
}

}  // namespace
}  // namespace vssmeta
