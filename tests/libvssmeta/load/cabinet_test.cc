// SPDX-License-Identifier: MIT
// Cabinet files: read_cabinet()'s bounds and member-name checks, and load()
// of a diskshadow metadata cab against the folder it extracts to. Hostile
// cabinets (fuzzed headers, truncation, `..` names, huge declared sizes)
// must give a clear error, never a crash, and write nothing anywhere.
#include "load/cabinet.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/cab_builder.h"
#include "support/test_support.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/config.h"
#include "vssmeta/dump.h"

namespace vssmeta::internal {
namespace {

namespace fs = std::filesystem;
using testing::CabEntry;
using testing::make_cab;
using testing::read_bytes;
using testing::TempFolder;
using testing::testdata_dir;

#define REQUIRE_CABINET()                                        \
  if (!cabinet_supported()) {                                    \
    GTEST_SKIP() << "built without cabinet support (libmspack)"; \
  }

std::string error_text(const std::string& cab) {
  auto r = read_cabinet(cab, "x.cab");
  if (r) return "(no error)";
  return to_string(r.error());
}

// The capture folder's files as cabinet entries, in `names` order.
std::vector<CabEntry> capture_entries(const std::vector<std::string>& names) {
  std::vector<CabEntry> out;
  for (const std::string& n : names) {
    out.push_back({n, read_bytes(testdata_dir() / "capture" / n)});
  }
  return out;
}

const std::vector<std::string> kCaptureFiles = {
    "WM7.xml", "WM6.xml", "WM5.xml", "WM4.xml",      "WM3.xml",
    "WM2.xml", "WM1.xml", "WM0.xml", "Manifest.xml", "BCDocument.xml"};

std::string dump_text(const CaptureSet& set) {
  std::ostringstream out;
  DumpOptions options;
  options.files = true;
  write_dump(set, out, options);
  return out.str();
}

std::string replace_all(std::string s, const std::string& from,
                        const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos;
       at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

TEST(ReadCabinet, ExtractsTopLevelXmlMembersInStoredOrder) {
  REQUIRE_CABINET();
  auto r = read_cabinet(make_cab({{"b.xml", "<b/>"},
                                  {"notes.txt", "text"},
                                  {"sub\\c.xml", "<c/>"},
                                  {"A.XML", "<a/>"}}),
                        "x.cab");
  ASSERT_OK(r);
  ASSERT_EQ(r->size(), 2U);
  EXPECT_EQ((*r)[0].name, "b.xml");
  EXPECT_EQ((*r)[0].bytes, "<b/>");
  EXPECT_EQ((*r)[1].name, "A.XML");
  EXPECT_EQ((*r)[1].bytes, "<a/>");
}

TEST(ReadCabinet, MembersLargerThanOneDataBlock) {
  REQUIRE_CABINET();
  const std::string big(100000, 'x');
  auto r = read_cabinet(make_cab({{"a.xml", big}, {"b.xml", "<b/>"}}), "x");
  ASSERT_OK(r);
  ASSERT_EQ(r->size(), 2U);
  EXPECT_EQ((*r)[0].bytes, big);
  EXPECT_EQ((*r)[1].bytes, "<b/>");
}

TEST(ReadCabinet, DotDotMemberNameRefusesTheCabinet) {
  REQUIRE_CABINET();
  EXPECT_EQ(error_text(make_cab({{"ok.xml", "<a/>"}, {"../evil.xml", "<a/>"}})),
            "x.cab: error: cabinet member '../evil.xml' has a '..' element "
            "that leaves the cabinet's folder; refusing the cabinet");
  EXPECT_EQ(error_text(make_cab({{"a\\..\\..\\evil.xml", "<a/>"}})),
            "x.cab: error: cabinet member 'a\\..\\..\\evil.xml' has a '..' "
            "element that leaves the cabinet's folder; refusing the cabinet");
}

TEST(ReadCabinet, DotsInsideANameAreFine) {
  REQUIRE_CABINET();
  auto r = read_cabinet(make_cab({{"a..b.xml", "<a/>"}}), "x.cab");
  ASSERT_OK(r);
  EXPECT_EQ(r->size(), 1U);
}

TEST(ReadCabinet, AbsoluteDriveAndControlNamesRefuseTheCabinet) {
  REQUIRE_CABINET();
  EXPECT_EQ(error_text(make_cab({{"\\Windows\\evil.xml", "<a/>"}})),
            "x.cab: error: cabinet member '\\Windows\\evil.xml' has an "
            "absolute path; refusing the cabinet");
  EXPECT_EQ(error_text(make_cab({{"C:evil.xml", "<a/>"}})),
            "x.cab: error: cabinet member 'C:evil.xml' has a drive or stream "
            "name (':'); refusing the cabinet");
  EXPECT_EQ(error_text(make_cab({{"a\x01.xml", "<a/>"}})),
            "x.cab: error: cabinet member 'a\\x01.xml' has a control "
            "character in its name; refusing the cabinet");
}

TEST(ReadCabinet, OneGibDeclaredMemberIsRefusedBeforeExtraction) {
  REQUIRE_CABINET();
  EXPECT_EQ(error_text(make_cab({{"WM0.xml", "<a/>", std::int64_t{1} << 30}})),
            "x.cab: error: cabinet member 'WM0.xml' declares 1073741824 bytes, "
            "more than the limit of 256 MiB for one member");
}

TEST(ReadCabinet, MemberAtTheLimitIsNotRefusedForItsSize) {
  REQUIRE_CABINET();
  CabinetLimits limits;
  limits.max_member_bytes = 4;
  auto r = read_cabinet(make_cab({{"a.xml", "<a/>"}}), "x.cab", limits);
  ASSERT_OK(r);
  limits.max_member_bytes = 3;
  r = read_cabinet(make_cab({{"a.xml", "<a/>"}}), "x.cab", limits);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message,
            "cabinet member 'a.xml' declares 4 bytes, more than the limit of "
            "3 bytes for one member");
}

TEST(ReadCabinet, TotalOfXmlMembersIsBounded) {
  REQUIRE_CABINET();
  CabinetLimits limits;
  limits.max_total_bytes = 7;
  auto r = read_cabinet(make_cab({{"a.xml", "<a/>"}, {"b.xml", "<b/>"}}),
                        "x.cab", limits);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message,
            "the cabinet's XML members declare more than 7 bytes together; "
            "refusing it");
  limits.max_total_bytes = 8;
  EXPECT_TRUE(read_cabinet(make_cab({{"a.xml", "<a/>"}, {"b.xml", "<b/>"}}),
                           "x.cab", limits));
}

TEST(ReadCabinet, MoreThanTenThousandMembersAreRefused) {
  REQUIRE_CABINET();
  std::vector<CabEntry> entries;
  for (int i = 0; i < 10000; ++i) {
    entries.push_back({"m" + std::to_string(i) + ".txt", ""});
  }
  EXPECT_TRUE(read_cabinet(make_cab(entries), "x.cab"));
  entries.push_back({"one-more.txt", ""});
  EXPECT_EQ(error_text(make_cab(entries)),
            "x.cab: error: the cabinet has more than 10000 members; "
            "refusing it");
}

TEST(ReadCabinet, DeclaredSizeBeyondTheDataIsAnError) {
  REQUIRE_CABINET();
  const std::string text = error_text(make_cab({{"a.xml", "<a/>", 5000}}));
  EXPECT_EQ(
      text.rfind("x.cab: error: cannot extract cabinet member 'a.xml': ", 0),
      0U)
      << text;
}

TEST(ReadCabinet, TruncatedCabinetsAreClearErrors) {
  REQUIRE_CABINET();
  const std::string cab =
      make_cab(capture_entries({"WM0.xml", "WM1.xml", "BCDocument.xml"}));
  // Every cut: an error (or, cut inside data no member needs, success),
  // never a crash.
  for (std::size_t n = 0; n < cab.size(); n += 7) {
    auto r = read_cabinet(std::string_view(cab).substr(0, n), "x.cab");
    if (!r) {
      EXPECT_EQ(to_string(r.error()).rfind("x.cab: error: ", 0), 0U);
    }
  }
  EXPECT_EQ(error_text(cab.substr(0, 20)),
            "x.cab: error: cannot read the cabinet: the file ends inside the "
            "cabinet (truncated)");
  const std::string cut = error_text(cab.substr(0, cab.size() - 100));
  // One 32 KiB data block holds all three: the first member fails.
  EXPECT_EQ(cut.rfind("x.cab: error: cannot extract cabinet member "
                      "'WM0.xml': the file ends inside the cabinet",
                      0),
            0U)
      << cut;
}

TEST(ReadCabinet, FuzzedHeadersNeverCrash) {
  REQUIRE_CABINET();
  const std::string cab = make_cab(capture_entries({"WM0.xml", "WM6.xml"}));
  // Each byte of the headers (CFHEADER, CFFOLDER, CFFILEs, first CFDATA)
  // set to a few values; deterministic.
  const std::size_t headers = std::min<std::size_t>(cab.size(), 120);
  std::size_t errors = 0;
  for (std::size_t i = 0; i < headers; ++i) {
    for (int v : {0x00, 0x01, 0x7F, 0x80, 0xFF}) {
      std::string fuzzed = cab;
      fuzzed[i] = static_cast<char>(v);
      auto r = read_cabinet(fuzzed, "x.cab");
      if (!r) {
        ++errors;
        EXPECT_EQ(to_string(r.error()).rfind("x.cab: error: ", 0), 0U);
      }
    }
  }
  EXPECT_GT(errors, 0U);
}

TEST(ReadCabinet, NotACabinet) {
  REQUIRE_CABINET();
  EXPECT_EQ(error_text("MSCX plus garbage that is long enough for a header"),
            "x.cab: error: cannot read the cabinet: no cabinet signature");
}

TEST(ReadCabinet, WithoutLibmspackSaysSo) {
  if (cabinet_supported()) GTEST_SKIP() << "built with cabinet support";
  EXPECT_EQ(error_text(make_cab({{"a.xml", "<a/>"}})),
            "x.cab: error: this is a cabinet (.cab), and cabinet support is "
            "not built into this vssmeta (it needs libmspack): extract it "
            "(expand -F:* x.cab folder, or cabextract) and load the folder");
}

// load(): a cab loads exactly as the folder it extracts to.
TEST(LoadCabinet, SameDumpAsTheExtractedFolder) {
  REQUIRE_CABINET();
  TempFolder tmp("vssmeta-cab");
  const fs::path cab_path = tmp.path() / "capture.cab";
  std::ofstream(cab_path, std::ios::binary)
      << make_cab(capture_entries(kCaptureFiles));
  const std::string folder = (testdata_dir() / "capture").generic_string();
  auto from_folder = load(folder);
  auto from_cab = load(cab_path.string());
  ASSERT_OK(from_folder);
  ASSERT_OK(from_cab);
  EXPECT_EQ(from_cab.warnings(), from_folder.warnings());
  ASSERT_EQ(from_cab->writers.size(), 8U);
  EXPECT_EQ(from_cab->writers[0].source.name, cab_path.string() + "#WM0.xml");
  ASSERT_TRUE(from_cab->manifest.has_value());
  EXPECT_EQ(from_cab->manifest->file, cab_path.string() + "#Manifest.xml");
  EXPECT_EQ(
      replace_all(dump_text(*from_cab), cab_path.string() + "#", folder + "/"),
      dump_text(*from_folder));
  // Nothing was written next to the cabinet.
  EXPECT_EQ(std::distance(fs::directory_iterator(tmp.path()),
                          fs::directory_iterator()),
            1);
}

// The committed cabinet was made with gcab (MSZIP compression) from
// testdata/capture: see testdata/README.md.
TEST(LoadCabinet, CompressedCabinetFromGcab) {
  REQUIRE_CABINET();
  const std::string cab = (testdata_dir() / "cabinet/capture.cab").string();
  const std::string folder = (testdata_dir() / "capture").generic_string();
  auto from_cab = load(cab);
  auto from_folder = load(folder);
  ASSERT_OK(from_cab);
  ASSERT_OK(from_folder);
  EXPECT_EQ(replace_all(dump_text(*from_cab), cab + "#", folder + "/"),
            dump_text(*from_folder));
}

// The real diskshadow capture (read from ../shared, never copied), put in
// a cabinet in memory: the same dump and warnings as its folder.
TEST(LoadCabinet, RealCaptureSameAsItsFolder) {
  REQUIRE_CABINET();
  VSSMETA_REQUIRE_SAMPLES(samples);
  const fs::path dir = samples / "diskshadow-ws2012-sql2017";
  std::vector<CabEntry> entries;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".xml") {
      entries.push_back({e.path().filename().string(), read_bytes(e.path())});
    }
  }
  ASSERT_GE(entries.size(), 3U);
  TempFolder tmp("vssmeta-cab");
  const fs::path cab_path = tmp.path() / "real.cab";
  std::ofstream(cab_path, std::ios::binary) << make_cab(entries);
  auto from_cab = load(cab_path.string());
  auto from_folder = load(dir.generic_string());
  ASSERT_OK(from_cab);
  ASSERT_OK(from_folder);
  EXPECT_EQ(from_cab->writers.size(), from_folder->writers.size());
  EXPECT_EQ(from_cab.warnings().size(), from_folder.warnings().size());
  EXPECT_EQ(replace_all(dump_text(*from_cab), cab_path.string() + "#",
                        dir.generic_string() + "/"),
            dump_text(*from_folder));
}

TEST(LoadCabinet, DotDotMemberWritesNothing) {
  REQUIRE_CABINET();
  TempFolder tmp("vssmeta-cab");
  fs::create_directories(tmp.path() / "inner");
  const fs::path cab_path = tmp.path() / "inner" / "evil.cab";
  std::ofstream(cab_path, std::ios::binary)
      << make_cab({{"../evil.xml", "<WRITER_METADATA/>"}});
  const auto cwd = fs::current_path();
  fs::current_path(tmp.path() / "inner");
  auto r = load("evil.cab");
  fs::current_path(cwd);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnsupported);
  EXPECT_FALSE(fs::exists(tmp.path() / "evil.xml"));
  EXPECT_EQ(std::distance(fs::directory_iterator(tmp.path()),
                          fs::directory_iterator()),
            1);
}

TEST(LoadCabinet, MalformedMemberNamesTheMember) {
  REQUIRE_CABINET();
  TempFolder tmp("vssmeta-cab");
  const fs::path cab_path = tmp.path() / "x.cab";
  std::vector<CabEntry> entries = capture_entries({"WM0.xml", "WM1.xml"});
  entries.push_back({"WM2.xml", "<WRITER_METADATA>"});
  std::ofstream(cab_path, std::ios::binary) << make_cab(entries);
  auto r = load(cab_path.string());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().where->file, cab_path.string() + "#WM2.xml");

  LoadOptions options;
  options.keep_going = true;
  auto kept = load(cab_path.string(), options);
  ASSERT_OK(kept);
  EXPECT_EQ(kept->writers.size(), 2U);
  ASSERT_EQ(kept.warnings().size(), 1U);
  EXPECT_EQ(kept.warnings()[0].severity, Severity::kError);
  EXPECT_EQ(kept.warnings()[0].code, "unreadable-file");
  EXPECT_EQ(kept.warnings()[0].where.file, cab_path.string() + "#WM2.xml");
}

TEST(LoadCabinet, CabinetWithoutDocumentsIsAnError) {
  REQUIRE_CABINET();
  TempFolder tmp("vssmeta-cab");
  const fs::path cab_path = tmp.path() / "x.cab";
  std::ofstream(cab_path, std::ios::binary)
      << make_cab({{"readme.txt", "hello"}});
  auto r = load(cab_path.string());
  ASSERT_FALSE(r);
  EXPECT_EQ(to_string(r.error()),
            cab_path.string() +
                ": error: cabinet holds no writer metadata or backup "
                "components document (*.xml)");
}

}  // namespace
}  // namespace vssmeta::internal
