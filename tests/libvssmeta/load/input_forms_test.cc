// SPDX-License-Identifier: MIT
// load() of the forms evidence arrives in besides plain XML files: the
// UTF-16 files vshadow and BETest save (no BOM, trailing U+0000), vshadow
// -wm3 console output, Windows Server Backup folders, --keep-going over a
// capture folder, and clear errors for formats that hold no VSS document.
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "load/vshadow_text.h"
#include "support/test_support.h"
#include "vssmeta/capture_set.h"

namespace vssmeta {
namespace {

namespace fs = std::filesystem;
using testing::read_bytes;
using testing::TempFolder;
using testing::testdata_dir;

std::string utf16le(std::string_view ascii_or_utf8_ascii) {
  std::string out;
  for (char c : ascii_or_utf8_ascii) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

void write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string wmd(const char* name) {
  return read_bytes(testdata_dir() / "wmd" / name);
}

// vshadow -wm3's layout (writer.cpp of Microsoft's VShadow sample): a
// banner, progress lines, then per writer "\n--[Writer N]--\n<xml>\n",
// then "--[end of data]--".
std::string wm3_text(const std::vector<std::string>& documents,
                     bool end = true) {
  std::string out =
      "\nVSHADOW.EXE 3.0 - Volume Shadow Copy sample client.\n"
      "Copyright (C) 2005 Microsoft Corporation. All rights reserved.\n\n\n"
      "(Option: Generate writer metadata)\n(Gathering writer metadata...)\n";
  for (std::size_t i = 0; i < documents.size(); ++i) {
    out += "\n--[Writer " + std::to_string(i) + "]--\n" + documents[i] + "\n";
  }
  if (end) out += "--[end of data]--\n";
  return out;
}

TEST(LoadForms, Utf16WithoutBomWithTrailingNulLoads) {
  // What vshadow -bc= / -t= and BETest save: UTF-16LE, no BOM, U+0000 last.
  TempFolder tmp("vssmeta-forms");
  const std::string xml = wmd("bits-writer.xml");
  ASSERT_EQ(xml.find('\x80'), std::string::npos);  // ASCII: utf16le() holds
  write(tmp.path() / "bits.xml", utf16le(xml) + std::string(2, '\0'));
  auto set = load((tmp.path() / "bits.xml").string());
  ASSERT_OK(set);
  ASSERT_EQ(set->writers.size(), 1U);
  EXPECT_EQ(set->writers[0].display_name(), "BITS Writer");
  EXPECT_EQ(set->writers[0].source.encoding, Encoding::kUtf16Le);
}

TEST(LoadForms, Utf16TrailingNulFileInAFolderLoadsWithTheRest) {
  TempFolder tmp("vssmeta-forms");
  write(tmp.path() / "WM0.xml",
        utf16le(wmd("bits-writer.xml")) + std::string(2, '\0'));
  write(tmp.path() / "WM1.xml", wmd("wmi-writer.xml"));
  auto set = load(tmp.path().string());
  ASSERT_OK(set);
  EXPECT_EQ(set->writers.size(), 2U);
}

TEST(LoadForms, VshadowWm3OutputLoadsEveryWriter) {
  TempFolder tmp("vssmeta-forms");
  const fs::path file = tmp.path() / "wm3.txt";
  write(file, wm3_text({wmd("bits-writer.xml"), wmd("wmi-writer.xml"),
                        wmd("registry-writer.xml")}));
  auto set = load(file.string());
  ASSERT_OK(set);
  EXPECT_TRUE(set.warnings().empty()) << to_string(set.warnings().front());
  ASSERT_EQ(set->writers.size(), 3U);
  EXPECT_EQ(set->writers[0].display_name(), "BITS Writer");
  EXPECT_EQ(set->writers[2].display_name(), "Registry Writer");
  EXPECT_EQ(set->writers[1].source.name, file.string() + "#writer-1");
}

TEST(LoadForms, VshadowWm3RedirectedByPowerShellIsUtf16) {
  TempFolder tmp("vssmeta-forms");
  const fs::path file = tmp.path() / "wm3.txt";
  write(file, "\xFF\xFE" + utf16le(wm3_text({wmd("bits-writer.xml")})));
  auto set = load(file.string());
  ASSERT_OK(set);
  ASSERT_EQ(set->writers.size(), 1U);
}

TEST(LoadForms, VshadowWm3MalformedWriterNamesItsPosition) {
  TempFolder tmp("vssmeta-forms");
  const fs::path file = tmp.path() / "wm3.txt";
  write(file, wm3_text({wmd("bits-writer.xml"), "<WRITER_METADATA>\n<x>"}));
  auto set = load(file.string());
  ASSERT_FALSE(set);
  ASSERT_TRUE(set.error().where.has_value());
  EXPECT_EQ(set.error().where->file, file.string() + "#writer-1");
  EXPECT_EQ(set.error().where->line, 2U);

  LoadOptions options;
  options.keep_going = true;
  auto kept = load(file.string(), options);
  ASSERT_OK(kept);
  EXPECT_EQ(kept->writers.size(), 1U);
  ASSERT_EQ(kept.warnings().size(), 1U);
  EXPECT_EQ(kept.warnings()[0].severity, Severity::kError);
  EXPECT_EQ(kept.warnings()[0].code, "unreadable-file");
  EXPECT_EQ(kept.warnings()[0].where.file, file.string() + "#writer-1");
}

TEST(LoadForms, VshadowWm3CutShortWarns) {
  TempFolder tmp("vssmeta-forms");
  const fs::path file = tmp.path() / "wm3.txt";
  write(file, wm3_text({wmd("bits-writer.xml")}, /*end=*/false));
  auto set = load(file.string());
  ASSERT_OK(set);
  ASSERT_EQ(set.warnings().size(), 1U);
  EXPECT_EQ(to_string(set.warnings()[0]),
            file.string() +
                ": warning: no --[end of data]-- line: vshadow's output may "
                "be cut short [truncated-text]");
}

TEST(LoadForms, VshadowWm3EmptyWriterIsAnError) {
  TempFolder tmp("vssmeta-forms");
  const fs::path file = tmp.path() / "wm3.txt";
  write(file, "--[Writer 0]--\n--[end of data]--\n");
  auto set = load(file.string());
  ASSERT_FALSE(set);
  EXPECT_EQ(to_string(set.error()),
            file.string() +
                "#writer-0: error: no XML after vshadow's --[Writer 0]-- "
                "line (line 1)");
}

TEST(LoadForms, VshadowSummaryWithoutXmlNamesWm3) {
  TempFolder tmp("vssmeta-forms");
  const fs::path file = tmp.path() / "wm.txt";
  write(file,
        "VSHADOW.EXE 3.0 - Volume Shadow Copy sample client.\r\n\r\n"
        "* WRITER \"BITS Writer\"\r\n"
        "    - WriterId   = {4969d978-be47-48b0-b100-f328f07ac1e0}\r\n"
        "    - InstanceId = {3e2d1b5a-0c4f-4a7e-9b1d-2f6a8c0e4d11}\r\n");
  auto set = load(file.string());
  ASSERT_FALSE(set);
  EXPECT_EQ(to_string(set.error()),
            file.string() +
                ": error: this is vshadow -wm or -wm2 output, a summary "
                "without the writers' XML: run 'vshadow -wm3 > writers.txt' "
                "and load that");
}

TEST(LoadForms, PlainTextStaysAnXmlError) {
  TempFolder tmp("vssmeta-forms");
  const fs::path file = tmp.path() / "notes.txt";
  write(file, "hello\n");
  auto set = load(file.string());
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().code, ErrorCode::kMalformedXml);
}

TEST(VshadowText, MarkersNeedTheExactForm) {
  using internal::find_vshadow_writer_xml;
  EXPECT_FALSE(find_vshadow_writer_xml("--[Writer x]--\n<a/>"));
  EXPECT_FALSE(find_vshadow_writer_xml("text --[Writer 0]--\n<a/>"));
  auto found = find_vshadow_writer_xml(
      "--[Writer 7]--  \r\n <a/> \r\n--[end of data]--\r\nafter");
  ASSERT_TRUE(found);
  ASSERT_EQ(found->writers.size(), 1U);
  EXPECT_EQ(found->writers[0].number, 7U);
  EXPECT_EQ(found->writers[0].xml, "<a/>");
  EXPECT_TRUE(found->complete);
}

// Windows Server Backup: WindowsImageBackup\<computer>\Backup <date>\ holds
// <backup-id>_Writer<writer-id>.xml, _Components.xml, _AdditionalFiles...,
// _RegistryExcludes.xml next to the volume images.
TEST(LoadForms, WindowsServerBackupFolderLoadsItsOneBackup) {
  TempFolder tmp("vssmeta-forms");
  const fs::path backup = tmp.path() / "WindowsImageBackup" / "KESTREL-SRV04" /
                          "Backup 2026-11-30 220012";
  const std::string id = "{5f0e6c1a-3b7d-4e29-9a41-c2d8e0f7b613}";
  write(backup / (id + "_Writer{4969d978-be47-48b0-b100-f328f07ac1e0}.xml"),
        wmd("bits-writer.xml"));
  write(backup / (id + "_Writer{a6ad56c2-b509-4e6c-bb19-49d8f43532f0}.xml"),
        wmd("wmi-writer.xml"));
  write(backup / (id + "_Components.xml"),
        read_bytes(testdata_dir() / "capture/BCDocument.xml"));
  write(backup /
            (id + "_AdditionalFilesc3b9f3c7-5e52-4d5e-8b20-19adc95a34c7.xml"),
        "<AdditionalFiles/>");
  write(backup / (id + "_RegistryExcludes.xml"), "<RegistryExcludes/>");
  write(backup / "BackupSpecs.xml", "<BackupSpecs/>");
  write(backup / "volume.vhdx", "vhdxfile");
  write(tmp.path() / "WindowsImageBackup" / "KESTREL-SRV04" / "MediaId", "x");
  fs::create_directories(tmp.path() / "WindowsImageBackup" / "KESTREL-SRV04" /
                         "Catalog");

  for (const fs::path& start :
       {tmp.path() / "WindowsImageBackup",
        tmp.path() / "WindowsImageBackup" / "KESTREL-SRV04", backup}) {
    auto set = load(start.string());
    ASSERT_OK(set);
    EXPECT_EQ(set->writers.size(), 2U);
    EXPECT_EQ(set->backup_components.size(), 1U);
    ASSERT_EQ(set.warnings().size(), 3U);
    for (const Diagnostic& d : set.warnings()) {
      EXPECT_EQ(d.code, "skipped-file");
    }
    // Natural order: BackupSpecs.xml, then the {backup-id}_... files.
    EXPECT_EQ(set.warnings()[0].where.file.rfind(start.generic_string(), 0),
              0U);
    EXPECT_EQ(set.warnings()[0].message,
              "skipped: unexpected root element <BackupSpecs>: expected "
              "WRITER_METADATA or BACKUP_COMPONENTS");
    EXPECT_EQ(set.warnings()[1].message,
              "skipped: unexpected root element <AdditionalFiles>: expected "
              "WRITER_METADATA or BACKUP_COMPONENTS");
    EXPECT_EQ(set.warnings()[2].message,
              "skipped: unexpected root element <RegistryExcludes>: expected "
              "WRITER_METADATA or BACKUP_COMPONENTS");
    EXPECT_EQ(set->writers[0].source.name.rfind(start.generic_string(), 0), 0U);
  }
}

TEST(LoadForms, WindowsServerBackupWithSeveralBackupsAsksForOne) {
  TempFolder tmp("vssmeta-forms");
  const fs::path pc = tmp.path() / "WindowsImageBackup" / "HOST";
  write(pc / "Backup 2026-11-29 220000" / "a_Components.xml",
        read_bytes(testdata_dir() / "capture/BCDocument.xml"));
  write(pc / "Backup 2026-11-30 220000" / "b_Components.xml",
        read_bytes(testdata_dir() / "capture/BCDocument.xml"));
  auto set = load((tmp.path() / "WindowsImageBackup").string());
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().message,
            "this Windows Server Backup folder holds 2 backups "
            "('HOST/Backup 2026-11-29 220000', 'HOST/Backup 2026-11-30 "
            "220000'): load the one you want");
}

TEST(LoadForms, EmptyFolderIsStillAnError) {
  TempFolder tmp("vssmeta-forms");
  fs::create_directories(tmp.path() / "Backup 1" / "nothing");
  auto set = load(tmp.path().string());
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().message,
            "folder holds no writer metadata or backup components document "
            "(*.xml), writer status text or writer metadata text");
}

TEST(LoadForms, KeepGoingLoadsTheRestOfAFolder) {
  TempFolder tmp("vssmeta-forms");
  write(tmp.path() / "WM0.xml", wmd("bits-writer.xml"));
  write(tmp.path() / "WM1.xml", "<WRITER_METADATA>");
  write(tmp.path() / "WM2.xml", std::string("\x01\x00\x00\x00garbage", 11));
  write(tmp.path() / "WM3.xml", wmd("wmi-writer.xml"));
  const std::string dir = tmp.path().generic_string();

  auto strict = load(dir);
  ASSERT_FALSE(strict);
  EXPECT_EQ(strict.error().where->file, dir + "/WM1.xml");

  LoadOptions options;
  options.keep_going = true;
  auto set = load(dir, options);
  ASSERT_OK(set);
  ASSERT_EQ(set->writers.size(), 2U);
  EXPECT_EQ(set->writers[1].display_name(), "WMI Writer");
  ASSERT_EQ(set.warnings().size(), 2U);
  EXPECT_EQ(set.warnings()[0].severity, Severity::kError);
  EXPECT_EQ(set.warnings()[0].code, "unreadable-file");
  EXPECT_EQ(set.warnings()[0].where.file, dir + "/WM1.xml");
  EXPECT_GT(set.warnings()[0].where.line, 0U);
  EXPECT_EQ(set.warnings()[1].where.file, dir + "/WM2.xml");
}

TEST(LoadForms, KeepGoingWithNothingLeftFails) {
  TempFolder tmp("vssmeta-forms");
  write(tmp.path() / "WM0.xml", "<WRITER_METADATA>");
  LoadOptions options;
  options.keep_going = true;
  auto set = load(tmp.path().string(), options);
  ASSERT_FALSE(set);
  ASSERT_EQ(set.warnings().size(), 1U);
  EXPECT_EQ(set.warnings()[0].code, "unreadable-file");
}

struct Foreign {
  std::string bytes;
  std::string what;
};

TEST(LoadForms, FormatsWithoutVssDocumentsAreNamed) {
  TempFolder tmp("vssmeta-forms");
  const Foreign cases[] = {
      {"vhdxfile" + std::string(100, '\0'), "a VHDX virtual disk"},
      {"conectix" + std::string(100, '\0'), "a VHD virtual disk"},
      {std::string("ElfFile\0", 8) + std::string(100, '\x01'),
       "a Windows event log (.evtx)"},
      {std::string("\x30\0\0\0LfLe", 8), "a Windows event log (.evt)"},
      {std::string("PK\x03\x04\x14\0\0\0", 8), "a ZIP archive"},
      {"\x89PNG\r\n\x1A\n", "a PNG image"},
      {"{\\rtf1\\ansi hello}", "an RTF document"},
      {"MZ\x90", "a Windows program or library (PE file)"},
  };
  for (const Foreign& c : cases) {
    write(tmp.path() / "input.bin", c.bytes);
    auto set = load((tmp.path() / "input.bin").string());
    ASSERT_FALSE(set) << c.what;
    EXPECT_EQ(set.error().code, ErrorCode::kUnsupported);
    EXPECT_EQ(
        set.error().message.rfind("this is " + c.what +
                                      ", which holds "
                                      "no VSS document vssmeta can read: ",
                                  0),
        0U)
        << set.error().message;
  }
}

TEST(LoadForms, EventLogErrorSuggestsTheExportsThatWork) {
  TempFolder tmp("vssmeta-forms");
  write(tmp.path() / "Application.evtx",
        std::string("ElfFile\0", 8) + std::string(100, '\0'));
  auto set = load((tmp.path() / "Application.evtx").string());
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().message,
            "this is a Windows event log (.evtx), which holds no VSS document "
            "vssmeta can read: event logs hold no VSS documents: save the "
            "writers' state with 'vssadmin list writers > writers.txt', and "
            "their metadata as diskshadow's metadata cab ('set metadata "
            "x.cab') or vshadow -wm3 output");
}

TEST(LoadForms, BinaryGarbageIsAClearError) {
  TempFolder tmp("vssmeta-forms");
  std::string garbage;
  for (int i = 0; i < 4096; ++i) {
    garbage.push_back(static_cast<char>((i * 7919 + 13) % 251));
  }
  write(tmp.path() / "garbage.xml", garbage);
  auto set = load((tmp.path() / "garbage.xml").string());
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().where->file, (tmp.path() / "garbage.xml").string());
}

}  // namespace
}  // namespace vssmeta
