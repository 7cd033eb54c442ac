// SPDX-License-Identifier: MIT
#include "vssmeta/metadata_text.h"

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/test_support.h"
#include "vssmeta/capture_set.h"

namespace vssmeta {
namespace {

namespace fs = std::filesystem;
using testing::read_bytes;
using testing::testdata_dir;

Result<std::vector<WriterMetadata>> parse(const std::string& text,
                                          const std::string& name = "m.txt") {
  ParseOptions options;
  options.source_name = name;
  return parse_metadata_text(text, options);
}

TEST(MetadataText, DiskshadowListWritersDetailed) {
  auto r =
      parse(read_bytes(testdata_dir() / "status" / "diskshadow-metadata.txt"),
            "meta.txt");
  ASSERT_OK(r);
  EXPECT_TRUE(r.warnings().empty());
  ASSERT_EQ(r->size(), 2U);
  const WriterMetadata& sql = (*r)[0];
  EXPECT_EQ(sql.identity.friendly_name, "SqlServerWriter");
  EXPECT_EQ(sql.identity.writer_id.to_string(),
            "a65faa63-5ea8-4ebc-9dbd-a0c4db26912a");
  ASSERT_TRUE(sql.identity.instance_id.has_value());
  EXPECT_EQ(sql.identity.instance_id->to_string(),
            "97e6e0ef-df12-4009-9e6b-165474834200");
  ASSERT_TRUE(sql.from_text.has_value());
  EXPECT_TRUE(sql.from_text->writer_id_known);
  EXPECT_EQ(sql.from_text->where, (Location{"meta.txt", 10, 0}));
  EXPECT_EQ(sql.source.name, "meta.txt");
  // Never invented: nothing the text does not print.
  EXPECT_FALSE(sql.identity.usage.has_value());
  EXPECT_FALSE(sql.backup_schema.has_value());
  ASSERT_TRUE(sql.restore_method.has_value());
  EXPECT_EQ(sql.restore_method->method,
            RestoreMethodType::kRestoreIfCanReplace);
  EXPECT_EQ(sql.restore_method->writer_restore, WriterRestore::kAlways);
  EXPECT_EQ(sql.restore_method->reboot_required, false);
  EXPECT_FALSE(sql.restore_method->service.has_value());
  EXPECT_TRUE(sql.has_backup_locations);
  EXPECT_FALSE(sql.version.has_value());
  ASSERT_EQ(sql.exclude_files.size(), 1U);
  EXPECT_EQ(sql.exclude_files[0].path, "F:\\SQLData\\Scratch");
  EXPECT_EQ(sql.exclude_files[0].filespec, "*.tmp");

  ASSERT_EQ(sql.components.size(), 2U);
  const Component& payroll = sql.components[0];
  EXPECT_EQ(payroll.name, "Payroll");
  EXPECT_EQ(payroll.logical_path, "KESTREL-SRV04");
  EXPECT_EQ(payroll.type, ComponentType::kFileGroup);
  EXPECT_EQ(payroll.selectable, true);
  EXPECT_EQ(payroll.notify_on_backup_complete, true);
  EXPECT_FALSE(payroll.caption.has_value());
  EXPECT_FALSE(payroll.component_flags.has_value());
  EXPECT_EQ(payroll.where.line, 21U);
  ASSERT_EQ(payroll.files.size(), 2U);
  EXPECT_EQ(payroll.files[1].path, "E:\\SQLLogs");
  EXPECT_EQ(payroll.files[1].filespec, "Payroll_log.ldf");
  EXPECT_FALSE(payroll.files[1].recursive.has_value());
  EXPECT_EQ(payroll.files[1].where.line, 32U);
  const TextComponentFacts& facts = sql.from_text->components[0];
  EXPECT_EQ(facts.full_path, "\\KESTREL-SRV04\\Payroll");
  EXPECT_EQ(facts.top_level, true);
  EXPECT_EQ(facts.paths_affected,
            (std::vector<std::string>{"E:\\SQLData", "E:\\SQLLogs"}));
  EXPECT_EQ(
      facts.volumes_affected,
      (std::vector<std::string>{
          "\\\\?\\Volume{5a1c77d3-2b9e-11ee-b0d4-806e6f6e6963}\\ [E:\\]"}));

  const Component& inventory = sql.components[1];
  EXPECT_EQ(inventory.caption, "Inventory database");
  ASSERT_EQ(inventory.dependencies.size(), 1U);
  EXPECT_EQ(inventory.dependencies[0].writer_id.to_string(),
            "afbab4a2-367d-4d15-a586-71dbb18f8485");
  EXPECT_FALSE(inventory.dependencies[0].logical_path.has_value());
  EXPECT_EQ(inventory.dependencies[0].component_name, "Registry");

  const WriterMetadata& ntds = (*r)[1];
  ASSERT_EQ(ntds.components.size(), 1U);
  EXPECT_EQ(ntds.components[0].type, ComponentType::kDatabase);
  EXPECT_EQ(ntds.components[0].logical_path, "C:_Windows_NTDS");
  EXPECT_EQ(ntds.components[0].notify_on_backup_complete, false);
  EXPECT_EQ(ntds.components[0].full_path(), "C:_Windows_NTDS\\ntds");
}

TEST(MetadataText, ComponentsWithoutTheirWriterBlockKeepTheIdUnknown) {
  const std::string text =
      "+ Component \"Registry Writer:\\Registry\"\n"
      "    - Name: Registry\n"
      "    - Logical path: \n"
      "    - Is selectable: MAYBE\n"
      "    - Type: VSS_CT_SOMETHING [7]\n";
  auto r = parse(text);
  ASSERT_OK(r);
  ASSERT_EQ(r->size(), 1U);
  const WriterMetadata& w = (*r)[0];
  EXPECT_EQ(w.identity.friendly_name, "Registry Writer");
  EXPECT_FALSE(w.from_text->writer_id_known);
  EXPECT_EQ(w.identity.writer_id, Guid{});
  EXPECT_FALSE(w.identity.instance_id.has_value());
  ASSERT_EQ(w.components.size(), 1U);
  EXPECT_FALSE(w.components[0].logical_path.has_value());
  EXPECT_FALSE(w.components[0].selectable.has_value());
  ASSERT_EQ(r.warnings().size(), 2U);
  EXPECT_EQ(r.warnings()[0].message,
            "Is selectable: 'MAYBE' is not TRUE or FALSE: left unknown");
  EXPECT_EQ(r.warnings()[0].where, (Location{"m.txt", 4, 0}));
  EXPECT_EQ(r.warnings()[1].message,
            "component type 'VSS_CT_SOMETHING [7]' is unknown");
}

// Logical paths are bounded as in XML (256 levels by default), so a writer
// rebuilt from text can always be written as a WMD that loads again (found
// by fuzz_roundtrip: 339 levels from text, refused when reloaded as XML).
TEST(MetadataText, LogicalPathLevelsAreBoundedAsInXml) {
  auto text = [](std::size_t levels) {
    std::string path = "a";
    for (std::size_t i = 1; i < levels; ++i) path += "\\a";
    return "* WRITER \"W\"\n+ Component \"W:\\" + path +
           "\\c\"\n"
           "    - Name: c\n    - Logical path: " +
           path + "\n";
  };
  auto ok = parse(text(256));
  ASSERT_OK(ok);
  EXPECT_EQ((*ok)[0].components[0].logical_path->size(), 256U * 2 - 1);
  auto deep = parse(text(257));
  ASSERT_FALSE(deep);
  EXPECT_EQ(deep.error().code, ErrorCode::kUnsupported);
  EXPECT_EQ(deep.error().message,
            "component 'c' has a logical path of 257 levels; more than 256 "
            "are refused");
  EXPECT_EQ(deep.error().where, (Location{"m.txt", 2, 1}));
}

TEST(MetadataText, NotMetadataText) {
  auto r = parse("Writer name: 'System Writer'\nnothing else\n", "x.txt");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidValue);
  EXPECT_EQ(r.error().where, (Location{"x.txt", 1, 1}));
  auto bin = parse(std::string("* WRITER \"a\"\n\0", 14), "b.bin");
  ASSERT_FALSE(bin);
  EXPECT_EQ(bin.error().code, ErrorCode::kMalformedXml);
}

TEST(MetadataText, LoadMarksTheWritersReconstructed) {
  const fs::path file = testdata_dir() / "status" / "diskshadow-metadata.txt";
  auto r = load(file.string());
  ASSERT_OK(r);
  ASSERT_EQ(r->writers.size(), 2U);
  EXPECT_TRUE(r->statuses.empty());
  for (const WriterMetadata& w : r->writers) {
    ASSERT_TRUE(w.from_text.has_value());
    EXPECT_EQ(w.from_text->where.file, file.string());
    EXPECT_EQ(w.from_text->components.size(), w.components.size());
  }
  // A status text stays a status text.
  auto s = load((testdata_dir() / "status" / "diskshadow-status.txt").string());
  ASSERT_OK(s);
  EXPECT_TRUE(s->writers.empty());
  EXPECT_EQ(s->statuses.size(), 3U);
}

// ------------------------------------------------ real texts (not copied)

TEST(MetadataTextReal, FrsWriterSampleOfMicrosoftDocs) {
  VSSMETA_REQUIRE_SAMPLES(samples);
  const fs::path path =
      samples / "text" / "diskshadow-list-writers-frs-writer-msdocs-sample.txt";
  if (!fs::exists(path)) GTEST_SKIP() << path << " is absent";
  auto r = parse(read_bytes(path));
  ASSERT_OK(r);
  EXPECT_TRUE(r.warnings().empty());
  ASSERT_EQ(r->size(), 1U);
  const WriterMetadata& w = (*r)[0];
  EXPECT_EQ(w.identity.friendly_name, "FRS Writer");
  EXPECT_EQ(w.identity.writer_id.to_string(),
            "d76f5a28-3092-4589-ba48-2958fb88ce29");
  EXPECT_EQ(w.identity.instance_id->to_string(),
            "07ae58e5-6977-4e34-9dfe-399bbd2cbe40");
  EXPECT_EQ(w.exclude_files.size(), 5U);
  ASSERT_TRUE(w.restore_method.has_value());
  EXPECT_EQ(w.restore_method->method, RestoreMethodType::kCustom);
  EXPECT_EQ(w.restore_method->writer_restore, WriterRestore::kNever);
  ASSERT_EQ(w.components.size(), 1U);
  const Component& c = w.components[0];
  EXPECT_EQ(c.name, "da45368c-b2d3-4cf0-bdc338a2cde15a7b");
  EXPECT_EQ(c.logical_path, "SYSVOL");
  EXPECT_EQ(c.selectable, true);
  EXPECT_EQ(c.notify_on_backup_complete, true);
  ASSERT_EQ(c.files.size(), 1U);
  EXPECT_EQ(c.files[0].path, "d:\\windows\\sysvol");
  EXPECT_EQ(c.files[0].filespec, "*");
  const TextComponentFacts& f = w.from_text->components[0];
  EXPECT_EQ(f.top_level, true);
  EXPECT_EQ(f.paths_affected.size(), 1U);
  ASSERT_EQ(f.volumes_affected.size(), 1U);
  EXPECT_EQ(f.volumes_affected[0].substr(0, 11), "\\\\?\\Volume{");
}

TEST(MetadataTextReal, MarkdownEscapedKbExcerpt) {
  VSSMETA_REQUIRE_SAMPLES(samples);
  const fs::path path =
      samples / "text" /
      "diskshadow-list-writers-detailed-hyperv-sql-kb3098315-excerpt.md.txt";
  if (!fs::exists(path)) GTEST_SKIP() << path << " is absent";
  auto r = parse(read_bytes(path));
  ASSERT_OK(r);
  ASSERT_EQ(r->size(), 2U);
  const WriterMetadata& hv = (*r)[0];
  EXPECT_EQ(hv.identity.friendly_name, "Microsoft Hyper-V VSS Writer");
  EXPECT_FALSE(hv.from_text->writer_id_known);
  ASSERT_EQ(hv.components.size(), 1U);
  EXPECT_EQ(hv.components[0].name, "006F792F-99EA-4A4A-A241-F8853A3B0CB6");
  EXPECT_FALSE(hv.components[0].logical_path.has_value());
  EXPECT_EQ(hv.components[0].caption, "Offline\\i$");
  ASSERT_EQ(hv.components[0].files.size(), 3U);
  EXPECT_EQ(hv.components[0].files[0].path, "D:\\Hyper-V\\Virtual Machines\\");
  const TextComponentFacts& f = hv.from_text->components[0];
  EXPECT_EQ(f.paths_affected.size(), 3U);
  ASSERT_EQ(f.volumes_affected.size(), 1U);
  EXPECT_EQ(f.volumes_affected[0],
            "\\\\?\\Volume{9710864d-1433-11e5-93ef-806e6f6e6963}\\ [D:\\]");
  const WriterMetadata& sql = (*r)[1];
  EXPECT_EQ(sql.identity.friendly_name, "SqlServerWriter");
  ASSERT_EQ(sql.components.size(), 1U);
  EXPECT_EQ(sql.components[0].name, "model");
  EXPECT_EQ(sql.components[0].logical_path, "SQL2012");
  EXPECT_EQ(sql.components[0].files.size(), 2U);
  EXPECT_EQ(sql.from_text->components[0].volumes_affected.size(), 1U);
}

}  // namespace
}  // namespace vssmeta
