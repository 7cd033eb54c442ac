// SPDX-License-Identifier: MIT
// The real diskshadow capture in ../shared/vss-samples: loaded, round-tripped
// and checked against facts recorded in ../shared/vss-samples/README.md.
// Skipped cleanly when the folder is absent; nothing is copied from it.
#include <algorithm>

#include <gtest/gtest.h>

#include "support/test_support.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/dump.h"
#include "vssmeta/serialize.h"

namespace vssmeta {
namespace {

CaptureSet load_capture(const std::filesystem::path& samples,
                        Diagnostics* warnings = nullptr) {
  auto set = load((samples / "diskshadow-ws2012-sql2017").string());
  EXPECT_TRUE(set.has_value()) << (set ? "" : to_string(set.error()));
  if (warnings != nullptr) *warnings = set.warnings();
  return set ? std::move(*set) : CaptureSet{};
}

const WriterMetadata* by_name(const CaptureSet& set, const std::string& name) {
  for (const auto& w : set.writers) {
    if (w.display_name() == name) return &w;
  }
  return nullptr;
}

TEST(Conformance, DiskshadowCaptureLoadsElevenWritersAndItsBcd) {
  VSSMETA_REQUIRE_SAMPLES(samples);
  Diagnostics diagnostics;
  CaptureSet set = load_capture(samples, &diagnostics);
  EXPECT_EQ(set.writers.size(), 11U);
  ASSERT_EQ(set.backup_components.size(), 1U);
  EXPECT_EQ(set.backup_components[0].writers.size(), 8U);
  ASSERT_TRUE(set.manifest.has_value());
  EXPECT_EQ(set.manifest->writers.size(), 11U);
  EXPECT_EQ(set.manifest->machine_name, "WIN2012-SQL17-2");
  // Only the mixed-case GUIDs of the VSS Metadata Store Writer are odd.
  for (const Diagnostic& d : diagnostics) EXPECT_EQ(d.code, "guid-case");
  EXPECT_EQ(diagnostics.size(), 2U);
}

TEST(Conformance, SystemWriterKeepsAllFileLists) {
  VSSMETA_REQUIRE_SAMPLES(samples);
  CaptureSet set = load_capture(samples, nullptr);
  const WriterMetadata* w = by_name(set, "System Writer");
  ASSERT_NE(w, nullptr);
  std::size_t lists = 0;
  std::size_t recursive = 0;
  for (const Component& c : w->components) {
    for (const FileDescriptor& f : c.files) {
      lists += f.kind == FileDescriptorKind::kFileList ? 1U : 0U;
      recursive += f.recursive.has_value() ? 1U : 0U;
    }
  }
  EXPECT_EQ(lists, 18995U);
  EXPECT_EQ(recursive, 13U);
}

TEST(Conformance, FactsFromTheSamplesReadme) {
  VSSMETA_REQUIRE_SAMPLES(samples);
  CaptureSet set = load_capture(samples, nullptr);
  const WriterMetadata* sql = by_name(set, "SqlServerWriter");
  ASSERT_NE(sql, nullptr);
  EXPECT_EQ(sql->backup_schema, 881U);
  EXPECT_EQ(sql->components.size(), 5U);
  EXPECT_EQ(sql->exclude_files.size(), 2U);
  const WriterMetadata* asr = by_name(set, "ASR Writer");
  ASSERT_NE(asr, nullptr);
  std::size_t crlf = 0;
  for (const Component& c : asr->components) {
    if (c.caption) {
      crlf += static_cast<std::size_t>(
          std::count(c.caption->begin(), c.caption->end(), '\r'));
    }
  }
  EXPECT_EQ(crlf, 10U);
  const WriterMetadata* optimization =
      by_name(set, "Shadow Copy Optimization Writer");
  ASSERT_NE(optimization, nullptr);
  EXPECT_FALSE(optimization->restore_method.has_value());
  EXPECT_TRUE(optimization->exclude_files.empty());
  EXPECT_EQ(optimization->exclude_from_snapshot.size(), 17U);
  const BackupComponents& bcd = set.backup_components[0];
  EXPECT_EQ(bcd.backup_type, BackupType::kFull);
  EXPECT_EQ(bcd.snapshot_set_id,
            Guid::parse("4ad2e8b1-faf2-4aca-a010-2c3f939cef62"));
}

TEST(Conformance, EveryDocumentRoundTrips) {
  VSSMETA_REQUIRE_SAMPLES(samples);
  CaptureSet set = load_capture(samples, nullptr);
  for (const WriterMetadata& w : set.writers) {
    SCOPED_TRACE(w.source.name);
    auto back = parse_writer_metadata(to_xml(w));
    ASSERT_OK(back);
    EXPECT_TRUE(*back == w);
  }
  for (const BackupComponents& b : set.backup_components) {
    auto back = parse_backup_components(to_xml(b));
    ASSERT_OK(back);
    EXPECT_TRUE(*back == b);
  }
}

TEST(Conformance, DumpsAsTextAndJson) {
  VSSMETA_REQUIRE_SAMPLES(samples);
  CaptureSet set = load_capture(samples, nullptr);
  std::ostringstream text;
  write_dump(set, text);
  for (const WriterMetadata& w : set.writers) {
    EXPECT_NE(text.str().find(w.display_name()), std::string::npos)
        << w.display_name();
  }
  // The System Writer's 18,995 file lists are summarised, not listed.
  EXPECT_LT(text.str().size(), 20000U);
  std::ostringstream json;
  write_dump(set, json, DumpOptions{.format = DumpFormat::kJson});
  if (testing::have_python_jsonschema()) {
    EXPECT_EQ(testing::validate_json(
                  json.str(), testing::schemas_dir() / "dump.schema.json"),
              "");
  }
}

TEST(Conformance, FragmentsAreRefusedCleanly) {
  VSSMETA_REQUIRE_SAMPLES(samples);
  // Excerpts from the documentation have no WMD root: a clear error, no crash.
  for (const auto& e :
       std::filesystem::directory_iterator(samples / "fragments")) {
    SCOPED_TRACE(e.path().string());
    auto r = parse_document(testing::read_bytes(e.path()));
    ASSERT_FALSE(r);
    EXPECT_TRUE(r.error().where.has_value());
  }
}

}  // namespace
}  // namespace vssmeta
