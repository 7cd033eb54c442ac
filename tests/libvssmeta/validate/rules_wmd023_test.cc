// SPDX-License-Identifier: MIT
// WMD023 (the same file set twice in one writer): what counts as the same
// set, and that every later copy names the first one, in document order.
#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "validate/rules.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/parse.h"
#include "vssmeta/validate.h"

namespace vssmeta::internal {
namespace {

// `file:line:col message` of each WMD023 finding, in order.
std::vector<std::string> wmd023(const CaptureSet& capture) {
  std::vector<std::string> out;
  for (const Finding& f : validate(capture)) {
    if (f.diagnostic.code == "WMD023") {
      out.push_back(to_string(f.diagnostic.where) + " " + f.diagnostic.message);
    }
  }
  return out;
}

std::vector<std::string> wmd023(const std::string& locations) {
  auto w = parse_writer_metadata(
      R"(<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" )"
      R"(version="1.2"><IDENTIFICATION )"
      R"(writerId="3f2b8c1e-7d4a-4e59-9a61-0c8e5b2d7f13" )"
      R"(instanceId="c0a4e7d2-5b19-4f3e-8d6a-91e2f7b3a845" )"
      R"(friendlyName="Fernhill Writer" usage="USER_DATA" )"
      R"(dataSource="OTHER"/><RESTORE_METHOD )"
      R"(method="RESTORE_IF_CAN_BE_REPLACED" writerRestore="never" )"
      R"(rebootRequired="no"/><BACKUP_LOCATIONS>)" +
      locations + "</BACKUP_LOCATIONS></WRITER_METADATA>");
  EXPECT_TRUE(w.has_value()) << locations;
  CaptureSet capture;
  if (w) capture.writers.push_back(std::move(*w));
  return wmd023(capture);
}

TEST(RulesWmd023, DuplicatesIgnoreCaseAndTrailingBackslashNotRecursion) {
  const auto seen = wmd023(
      R"(<FILE_GROUP componentName="A" selectable="yes">)"
      R"(<FILE_LIST path="D:\Ledgers" filespec="*.ldg"/></FILE_GROUP>)"
      R"(<FILE_GROUP componentName="B" selectable="yes">)"
      R"(<FILE_LIST path="d:\LEDGERS\" filespec="*.LDG" recursive="no"/>)"
      R"(<FILE_LIST path="D:\Ledgers" filespec="*.ldg" recursive="yes"/>)"
      R"(</FILE_GROUP>)");
  ASSERT_EQ(seen.size(), 1U);
  EXPECT_NE(seen[0].find("is also listed in \"Fernhill Writer:\\A\""),
            std::string::npos)
      << seen[0];
  // Environment variables are compared as written, not expanded.
  EXPECT_TRUE(wmd023(R"(<FILE_GROUP componentName="A" selectable="yes">)"
                     R"(<FILE_LIST path="%SystemRoot%\x" filespec="*"/>)"
                     R"(<FILE_LIST path="C:\Windows\x" filespec="*"/>)"
                     R"(</FILE_GROUP>)")
                  .empty());
}

// Every later copy names the first one (not the previous), sets equal up to
// case and a trailing backslash meet, and a different recursive flag keeps
// them apart.
TEST(RulesWmd023, DuplicatesNameTheFirstCopy) {
  WriterMetadata w;
  w.source.name = "w.xml";
  w.identity.writer_id = *Guid::parse("e8132975-6f93-4464-a53e-1050253ae220");
  w.identity.friendly_name = "W";
  Component& c = w.components.emplace_back();
  c.name = "C";
  const char* paths[] = {"C:\\Data", "c:\\data\\", "C:\\DATA", "C:\\Data"};
  std::uint32_t column = 1;
  for (const char* p : paths) {
    FileDescriptor& f = c.files.emplace_back();
    f.path = p;
    f.filespec = "*.DB";
    f.where = Origin{1, column++};
  }
  c.files.back().recursive = true;  // the fourth differs
  CaptureSet capture;
  capture.writers.push_back(w);
  const auto messages = wmd023(capture);
  ASSERT_EQ(messages.size(), 2U);
  EXPECT_EQ(messages[0],
            "w.xml:1:2 file set (path \"c:\\data\\\", filespec \"*.DB\", "
            "recursive no) is listed twice in \"W:\\C\" (also at line 1, "
            "column 1)");
  EXPECT_EQ(messages[1],
            "w.xml:1:3 file set (path \"C:\\DATA\", filespec \"*.DB\", "
            "recursive no) is listed twice in \"W:\\C\" (also at line 1, "
            "column 1)");
}

// Many copies spread over two components: one finding per later copy, in
// document order, each naming the first copy and its component.
TEST(RulesWmd023, ManyCopiesComeOutInDocumentOrder) {
  WriterMetadata w;
  w.source.name = "w.xml";
  w.identity.writer_id = *Guid::parse("e8132975-6f93-4464-a53e-1050253ae220");
  w.identity.friendly_name = "W";
  std::uint32_t column = 1;
  for (const char* name : {"A", "B"}) {
    Component& c = w.components.emplace_back();
    c.name = name;
    for (int i = 0; i < 300; ++i) {
      FileDescriptor& f = c.files.emplace_back();
      f.path = "C:\\Dir" + std::to_string(i % 50);  // 50 distinct sets
      f.filespec = "*.dat";
      f.where = Origin{1, column++};
    }
  }
  CaptureSet capture;
  capture.writers.push_back(w);
  const auto messages = wmd023(capture);
  ASSERT_EQ(messages.size(), 600U - 50U);
  EXPECT_EQ(messages.front(),
            "w.xml:1:51 file set (path \"C:\\Dir0\", filespec \"*.dat\", "
            "recursive no) is listed twice in \"W:\\A\" (also at line 1, "
            "column 1)");
  EXPECT_EQ(messages.back(),
            "w.xml:1:600 file set (path \"C:\\Dir49\", filespec \"*.dat\", "
            "recursive no) of \"W:\\B\" is also listed in \"W:\\A\" at line "
            "1, column 50");
  for (std::size_t i = 1; i < messages.size(); ++i) {
    const auto column_of = [](const std::string& m) {
      return std::stoul(m.substr(8, m.find(' ') - 8));
    };
    EXPECT_LT(column_of(messages[i - 1]), column_of(messages[i]));
  }
}

}  // namespace
}  // namespace vssmeta::internal
