// SPDX-License-Identifier: MIT
// Windows paths: the normal form every command compares paths in, file-set
// identity, filespecs, and the volume of a path.
#include "paths/windows_path.h"

#include <string>

#include <gtest/gtest.h>

namespace vssmeta::internal {
namespace {

using Kind = PathVolume::Kind;

TEST(FilePattern, JoinsPathAndFilespecIntoOnePathToPaste) {
  EXPECT_EQ(file_pattern("C:\\Windows\\NTDS", "edb*.log"),
            "C:\\Windows\\NTDS\\edb*.log");
  EXPECT_EQ(file_pattern("C:\\", "*.*"), "C:\\*.*");
  EXPECT_EQ(file_pattern("D:\\Data\\\\", "a.mdf"), "D:\\Data\\a.mdf");
  EXPECT_EQ(file_pattern("\\\\?\\Volume{c7}\\", "*"), "\\\\?\\Volume{c7}\\*");
  EXPECT_EQ(file_pattern("%systemroot%/system32/", "f"),
            "%systemroot%/system32\\f");
  // Spelling kept as written: case, environment variables.
  EXPECT_EQ(file_pattern("C:\\Program Files", "X.DLL"),
            "C:\\Program Files\\X.DLL");
  EXPECT_EQ(file_pattern("", "ntds.dit"), "ntds.dit");
  EXPECT_EQ(file_pattern("C:\\dir", ""), "C:\\dir");
  EXPECT_EQ(file_pattern("\\", "x"), "\\x");
}

TEST(PathKey, NormalisesCaseSeparatorsAndRuns) {
  EXPECT_EQ(path_key("D:\\Fernhill\\Ledgers"), "d:\\fernhill\\ledgers");
  EXPECT_EQ(path_key("D:/Fernhill/Ledgers"), "d:\\fernhill\\ledgers");
  EXPECT_EQ(path_key("C:/Program Files//X\\\\"), "c:\\program files\\x");
  EXPECT_EQ(path_key("C:\\a/\\/b"), "c:\\a\\b");
  EXPECT_EQ(path_key("C:\\"), "c:");
  EXPECT_EQ(path_key(""), "");
  EXPECT_EQ(path_key("\\"), "");
  EXPECT_EQ(path_key("relative\\Dir"), "relative\\dir");
}

TEST(PathKey, FoldsEnvironmentVariablesWithoutExpandingThem) {
  EXPECT_EQ(path_key("%SystemRoot%\\System32\\"), "%systemroot%\\system32");
  EXPECT_EQ(path_key("%SYSTEMROOT%\\system32"), "%systemroot%\\system32");
}

TEST(PathKey, KeepsTheOpeningPairOfUncAndDevicePaths) {
  EXPECT_EQ(path_key("\\\\Server\\Share\\X"), "\\\\server\\share\\x");
  EXPECT_EQ(path_key("//Server/Share/"), "\\\\server\\share");
  EXPECT_EQ(path_key("\\\\\\Server"), "\\\\server");  // a run of three
  EXPECT_EQ(path_key("\\\\?\\Volume{AB12}\\Boot\\"),
            "\\\\?\\volume{ab12}\\boot");
  EXPECT_NE(path_key("\\\\server\\x"), path_key("\\server\\x"));
}

TEST(PathKey, LeavesNonAsciiBytesAlone) {
  EXPECT_EQ(path_key("C:\\\xC3\x89T\xC3\x89\\Donn\xC3\xA9"
                     "es"),
            "c:\\\xC3\x89t\xC3\x89\\donn\xC3\xA9"
            "es");
  EXPECT_NE(path_key("C:\\\xC3\x89"), path_key("C:\\\xC3\xA9"));  // É, é
}

TEST(AppendPathKey, AppendsWithoutTouchingWhatIsThere) {
  std::string out = "X\\";
  append_path_key("\\A//B\\", out);
  EXPECT_EQ(out, "X\\\\a\\b");
}

TEST(SamePath, AgreesWithPathKey) {
  const char* paths[] = {"",
                         "\\",
                         "C:",
                         "c:\\",
                         "D:\\Fernhill\\Ledgers",
                         "D:/Fernhill/Ledgers",
                         "d:\\\\fernhill\\ledgers\\\\",
                         "D:\\Fernhill\\LedgersX",
                         "\\\\server\\share",
                         "\\server\\share",
                         "%SystemRoot%\\System32",
                         "\xC3\x89\\x"};
  for (const char* a : paths) {
    for (const char* b : paths) {
      EXPECT_EQ(same_path(a, b), path_key(a) == path_key(b))
          << '"' << a << "\" vs \"" << b << '"';
    }
  }
  EXPECT_TRUE(same_path("D:\\Fernhill\\Ledgers", "D:/Fernhill/Ledgers"));
}

TEST(FileSetKey, IsPathKeyFoldedFilespecAndRecursiveFlag) {
  EXPECT_EQ(file_set_key("D:/Fernhill/Ledgers\\", "*.LDG", true),
            std::string("d:\\fernhill\\ledgers") + '\0' + "*.ldg" + '\0' + "1");
  std::string out = "k";
  append_file_set_key("C:\\", "A", false, out);
  EXPECT_EQ(out, std::string("kc:\0a\0"
                             "0",
                             7));
}

TEST(SameFileSet, TheAgreedIdentity) {
  // The example: one set, whichever separator.
  EXPECT_TRUE(same_file_set("D:\\Fernhill\\Ledgers", "*.ldg", false,
                            "D:/Fernhill/Ledgers", "*.LDG", false));
  EXPECT_TRUE(same_file_set("d:\\fernhill\\LEDGERS\\", "*.ldg", false,
                            "D:\\Fernhill\\\\Ledgers", "*.ldg", false));
  EXPECT_FALSE(same_file_set("D:\\Fernhill\\Ledgers", "*.ldg", false,
                             "D:\\Fernhill\\Ledgers", "*.ldg", true));
  EXPECT_FALSE(same_file_set("D:\\Fernhill\\Ledgers", "*.ldg", false,
                             "D:\\Fernhill\\Ledgers", "*.ldx", false));
  EXPECT_FALSE(same_file_set("D:\\Fernhill", "Ledgers\\*.ldg", false,
                             "D:\\Fernhill\\Ledgers", "*.ldg", false));
  EXPECT_TRUE(same_file_set("", "", false, "\\", "", false));
}

TEST(FilespecMatches, WildcardsAndTheStarDotStarRule) {
  EXPECT_TRUE(filespec_matches("*.*", "noext"));
  EXPECT_TRUE(filespec_matches("*.*", "a.b"));
  EXPECT_TRUE(filespec_matches("*.LDG", "x.ldg"));
  EXPECT_TRUE(filespec_matches("log?.txt", "LOG1.TXT"));
  EXPECT_FALSE(filespec_matches("*.ldg", "x.ldgx"));
  EXPECT_FALSE(filespec_matches("exact", ""));
}

TEST(VolumeOf, DriveLetters) {
  EXPECT_EQ(volume_of("C:\\Windows"), (PathVolume{Kind::kDrive, "c:\\"}));
  EXPECT_EQ(volume_of("d:/Data"), (PathVolume{Kind::kDrive, "d:\\"}));
  EXPECT_EQ(volume_of("E:"), (PathVolume{Kind::kDrive, "e:\\"}));
  EXPECT_EQ(volume_of("\\\\?\\C:\\x"), (PathVolume{Kind::kDrive, "c:\\"}));
  EXPECT_EQ(volume_of("\\\\.\\C:\\x"), (PathVolume{Kind::kDrive, "c:\\"}));
  EXPECT_TRUE(volume_of("C:\\").is_local());
  EXPECT_EQ(volume_of("C:\\a"), volume_of("c:/b"));
  EXPECT_EQ(volume_of("CD:\\x").kind, Kind::kNone);
  EXPECT_EQ(volume_of("1:\\x").kind, Kind::kNone);
}

TEST(VolumeOf, VolumeGuidPaths) {
  const PathVolume v =
      volume_of("\\\\?\\Volume{3F2B8C1E-7D4A-4E59-9A61-0C8E5B2D7F13}\\Boot");
  EXPECT_EQ(v.kind, Kind::kVolumeGuid);
  EXPECT_EQ(v.root, "\\\\?\\volume{3f2b8c1e-7d4a-4e59-9a61-0c8e5b2d7f13}\\");
  EXPECT_TRUE(v.is_local());
  EXPECT_EQ(volume_of("\\??\\Volume{3f2b8c1e-7d4a-4e59-9a61-0c8e5b2d7f13}\\"),
            v);
  EXPECT_EQ(volume_of("\\\\?\\Volume{3f2b8c1e-7d4a-4e59-9a61-0c8e5b2d7f13}"),
            v);
  EXPECT_EQ(volume_of("\\\\?\\Volume{unclosed\\x").kind, Kind::kNone);
  EXPECT_EQ(volume_of("\\\\?\\GLOBALROOT\\Device\\X").kind, Kind::kNone);
}

TEST(VolumeOf, NetworkSharesAreNotLocal) {
  const PathVolume v = volume_of("\\\\Server\\Share\\Dir\\f.txt");
  EXPECT_EQ(v, (PathVolume{Kind::kNetworkShare, "\\\\server\\share\\"}));
  EXPECT_FALSE(v.is_local());
  EXPECT_EQ(volume_of("//server/share"), v);
  EXPECT_EQ(volume_of("\\\\?\\UNC\\Server\\Share\\Dir"), v);
  EXPECT_EQ(volume_of("\\\\server").kind, Kind::kNone);  // no share
  EXPECT_EQ(volume_of("\\\\server\\").kind, Kind::kNone);
  EXPECT_EQ(volume_of("\\\\?\\UNC\\server").kind, Kind::kNone);
  EXPECT_EQ(volume_of("\\\\?\\UNC").kind, Kind::kNone);
}

TEST(VolumeOf, EnvironmentVariablesAreUnresolved) {
  const PathVolume v = volume_of("%SystemRoot%\\System32");
  EXPECT_EQ(v, (PathVolume{Kind::kUnresolved, "%systemroot%"}));
  EXPECT_FALSE(v.is_local());
  EXPECT_EQ(volume_of("%SYSTEMROOT%"), v);
  EXPECT_EQ(volume_of("%SystemDrive%\\x").root, "%systemdrive%");
  // A variable later in the path does not hide the drive.
  EXPECT_EQ(volume_of("C:\\%Temp%").kind, Kind::kDrive);
  EXPECT_EQ(volume_of("%%\\x").kind, Kind::kNone);
  EXPECT_EQ(volume_of("%open\\x").kind, Kind::kNone);
}

TEST(VolumeOf, NoVolumeNamed) {
  EXPECT_EQ(volume_of(""), PathVolume{});
  EXPECT_EQ(volume_of("relative\\x").kind, Kind::kNone);
  EXPECT_EQ(volume_of("\\rooted\\x").kind, Kind::kNone);
  EXPECT_EQ(volume_of("\xC3\x89:\\x").kind, Kind::kNone);
  EXPECT_EQ(volume_of("").root, "");
}

}  // namespace
}  // namespace vssmeta::internal
