// SPDX-License-Identifier: MIT
// The shared scan of a writer's file sets (file_sets.h): which file sets
// land in which rule's list, in document order, and that the word-at-a-time
// hash agrees with same_file_set() for every string length.
#include "semantics/file_sets.h"

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "validate/rules.h"
#include "vssmeta/capture_set.h"

namespace vssmeta::internal {
namespace {

FileDescriptor file_set(std::string path, std::string filespec,
                        bool recursive = false) {
  FileDescriptor f;
  f.path = std::move(path);
  f.filespec = std::move(filespec);
  if (recursive) f.recursive = true;
  return f;
}

TEST(FileSets, WildcardIgnoresTheNamespacePrefixes) {
  EXPECT_FALSE(has_wildcard("\\\\?\\Volume{c7463aba}\\Boot"));
  EXPECT_FALSE(has_wildcard("\\??\\C:\\Boot"));
  EXPECT_TRUE(has_wildcard("\\\\?\\C:\\Bo?t"));
  EXPECT_TRUE(has_wildcard("C:\\?\\Boot"));
  EXPECT_TRUE(has_wildcard("C:\\Logs*"));
  EXPECT_FALSE(has_wildcard(""));
}

// Lengths 0..40 cover the byte-by-byte, 4+4-byte, whole-word and
// overlapping-last-word paths of the hash.
TEST(FileSets, HashAgreesWithSameFileSetAtEveryLength) {
  const std::string upper = "C:\\PROGRAM FILES\\FERNHILL\\LEDGERS\\ARCHIVE\\";
  for (std::size_t n = 0; n <= 40; ++n) {
    std::string a = upper.substr(0, n);
    std::string b = a;
    for (char& c : b) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    SCOPED_TRACE(a);
    const FileDescriptor x = file_set(a, "*.LDG");
    const FileDescriptor y = file_set(b + "\\", "*.ldg");
    EXPECT_TRUE(same_file_set(x, y));
    EXPECT_EQ(file_set_hash(x), file_set_hash(y));
    EXPECT_FALSE(same_file_set(x, file_set(a, "*.LDG", true)));
    EXPECT_FALSE(same_file_set(x, file_set(a + "X", "*.LDG")));
  }
}

// Paths spelled with `/` or with runs of `\\` are the same set as their
// normal form (paths/windows_path.h), and hash alike, wherever the odd
// spelling falls relative to the 8-byte words the hash reads.
TEST(FileSets, OddSpellingsHashAsTheirNormalForm) {
  for (const std::string plain :
       {"C:\\a\\b", "D:\\Fernhill\\Ledgers\\Archive\\2024\\Q1"}) {
    for (std::size_t at = 0; at < plain.size(); ++at) {
      if (plain[at] != '\\') continue;
      std::string slash = plain;
      slash[at] = '/';
      std::string doubled = plain;
      doubled.insert(at, "\\");
      SCOPED_TRACE(doubled);
      const FileDescriptor x = file_set(plain, "*.ldg");
      for (const std::string& odd : {slash, doubled}) {
        const FileDescriptor y = file_set(odd, "*.LDG");
        EXPECT_TRUE(same_file_set(x, y));
        EXPECT_EQ(file_set_hash(x), file_set_hash(y));
      }
    }
  }
  // The example, and the opening `\\` of a UNC path, which stays.
  EXPECT_EQ(file_set_hash(file_set("D:\\Fernhill\\Ledgers", "*.ldg")),
            file_set_hash(file_set("D:/Fernhill/Ledgers", "*.ldg")));
  EXPECT_FALSE(same_file_set(file_set("\\\\srv\\share", "*"),
                             file_set("\\srv\\share", "*")));
  EXPECT_EQ(file_set_hash(file_set("\\\\srv\\share", "*")),
            file_set_hash(file_set("//srv/share/", "*")));
}

// Long paths are read 16 bytes at a time: a `/`, a doubled `\\` or a
// wildcard at every place after `C:\` of a 51-byte path, across every
// chunk boundary.
TEST(FileSets, LongPathsAtEveryPlace) {
  const std::string base = "C:\\" + std::string(48, 'a');
  CaptureSet capture;
  WriterMetadata& w = capture.writers.emplace_back();
  Component& c = w.components.emplace_back();
  c.name = "C";
  c.files.push_back(file_set(base, "x"));
  for (std::size_t at = 4; at < base.size(); ++at) {
    std::string normal = base;
    normal.insert(at, "\\");
    std::string doubled = base;
    doubled.insert(at, "\\\\");
    std::string slash = base;
    slash.insert(at, "/");
    SCOPED_TRACE(doubled);
    const FileDescriptor x = file_set(normal, "x");
    for (const std::string& odd : {doubled, slash}) {
      EXPECT_TRUE(same_file_set(x, file_set(odd, "X")));
      EXPECT_EQ(file_set_hash(x), file_set_hash(file_set(odd, "X")));
    }
    EXPECT_NE(file_set_hash(x), file_set_hash(file_set(base, "x")));
    std::string wild = base;
    wild[at] = at % 2 == 0 ? '*' : '?';
    c.files.push_back(file_set(wild, "x"));
    c.files.push_back(file_set(doubled, "x"));
  }
  const CheckContext ctx(capture);
  const FileSetScan& scan = file_set_scan(ctx, 0);
  ASSERT_EQ(scan.wildcard_path.size(), base.size() - 4);
  for (std::size_t k = 0; k < scan.wildcard_path.size(); ++k) {
    EXPECT_EQ(scan.wildcard_path[k].file, &c.files[1 + 2 * k]);
  }
}

TEST(FileSets, HashSeparatesPathFromFilespec) {
  EXPECT_NE(file_set_hash(file_set("C:\\ab", "c")),
            file_set_hash(file_set("C:\\a", "bc")));
  EXPECT_NE(file_set_hash(file_set("C:\\a", "*")),
            file_set_hash(file_set("C:\\a", "*", true)));
}

TEST(FileSets, ScanListsEachRulesFileSetsInDocumentOrder) {
  CaptureSet capture;
  WriterMetadata& w = capture.writers.emplace_back();
  w.components.resize(4);  // the second and last have no file sets
  Component& group = w.components[0];
  group.type = ComponentType::kFileGroup;
  group.name = "G";
  group.files.push_back(file_set("C:\\ok", "*.dat"));
  group.files.push_back(file_set("", "*.dat"));             // WMD020
  group.files.push_back(file_set("C:\\lo*gs", "a\\b"));     // WMD021, 022
  group.files.push_back(file_set("\\\\?\\C:\\Boot", "x"));  // no wildcard
  FileDescriptor log = file_set("C:\\db", "*.ldf");
  log.kind = FileDescriptorKind::kDatabaseLogFiles;
  group.files.push_back(log);  // WMD018 (log file in a file group)
  group.files.back().backup_type_mask = 0x20000;  // WMD026 and WMD027
  Component& db = w.components[2];
  db.type = ComponentType::kDatabase;
  db.name = "D";
  FileDescriptor data = file_set("C:\\db", "*.mdf", true);  // WMD019
  data.kind = FileDescriptorKind::kDatabaseFiles;
  db.files.push_back(data);
  db.files.push_back(file_set("C:\\db", ""));  // WMD018 (FILE_LIST), 022
  w.exclude_files.push_back(file_set("C:\\tmp?", "*"));   // WMD021
  w.exclude_from_snapshot.push_back(file_set("", "/x"));  // WMD020, 022

  const CheckContext ctx(capture);
  const FileSetScan& scan = file_set_scan(ctx, 0);
  EXPECT_EQ(&scan, &file_set_scan(ctx, 0));  // computed once

  const auto files = [](const std::vector<FileSetRef>& refs) {
    std::vector<const FileDescriptor*> out;
    for (const FileSetRef& r : refs) out.push_back(r.file);
    return out;
  };
  using List = std::vector<const FileDescriptor*>;
  EXPECT_EQ(files(scan.kind_mismatch), (List{&group.files[4], &db.files[1]}));
  EXPECT_EQ(files(scan.database_options), (List{&db.files[0]}));
  EXPECT_EQ(files(scan.empty_path),
            (List{&group.files[1], &w.exclude_from_snapshot[0]}));
  EXPECT_EQ(files(scan.wildcard_path),
            (List{&group.files[2], &w.exclude_files[0]}));
  EXPECT_EQ(files(scan.bad_filespec),
            (List{&group.files[2], &db.files[1], &w.exclude_from_snapshot[0]}));
  EXPECT_EQ(files(scan.undefined_mask), (List{&group.files[4]}));
  EXPECT_EQ(files(scan.never_copied), (List{&group.files[4]}));
  EXPECT_EQ(scan.wildcard_path[1].component, nullptr);
  EXPECT_EQ(scan.kind_mismatch[1].component, &db);

  // Every component file set, in document order, hashed.
  ASSERT_EQ(scan.hashes.size(), 7U);
  for (std::uint32_t i = 0; i < 7; ++i) EXPECT_EQ(scan.hashes[i].position, i);
  EXPECT_EQ(scan.hashes[5].hash, file_set_hash(db.files[0]));
  EXPECT_EQ(scan.at(w, 4).component, &group);
  EXPECT_EQ(scan.at(w, 4).file, &group.files[4]);
  EXPECT_EQ(scan.at(w, 5).component, &db);
  EXPECT_EQ(scan.at(w, 6).file, &db.files[1]);
}

// Under the operators' audience no finding of the (author) file-set rules
// about one of Microsoft's writers is kept, so none of the rules has that
// writer scanned: validate of a System Writer document skips its ~450,000
// file lists. For writer authors, or about another writer, the scan runs
// and reports.
TEST(FileSets, RulesDoNotScanWritersTheyAreSilentAbout) {
  const std::set<std::string_view> ids = {"WMD018", "WMD019", "WMD020",
                                          "WMD021", "WMD022", "WMD023",
                                          "WMD026", "WMD027"};
  // Each rule's check, and its row of the public table (with the audience).
  std::vector<std::pair<const Rule*, const RuleInfo*>> file_set_rules;
  for (const auto table :
       {wmd_rules(), wmd_file_set_rules(), wmd_more_rules()}) {
    for (const Rule& rule : table) {
      if (!ids.contains(rule.info.id)) continue;
      for (const RuleInfo& info : rules()) {
        if (info.id == rule.info.id) file_set_rules.emplace_back(&rule, &info);
      }
    }
  }
  ASSERT_EQ(file_set_rules.size(), ids.size());

  // Whether the rules had the writer scanned, and how many findings.
  using Seen = std::pair<bool, std::size_t>;
  const auto run = [&](const char* writer_id, Audience audience) {
    CaptureSet capture;
    WriterMetadata& w = capture.writers.emplace_back();
    w.identity.writer_id = *Guid::parse(writer_id);
    Component& c = w.components.emplace_back();
    c.name = "G";
    c.files.push_back(file_set("C:\\d", "*"));
    c.files.push_back(file_set("c:\\D\\", "*"));  // WMD023
    c.files.push_back(file_set("", "a\\b"));      // WMD020, WMD022
    const CheckContext ctx(capture);
    ValidateOptions options;
    options.audience = audience;
    std::vector<Finding> findings;
    FindingCounts hidden;
    Reporter r(findings, hidden, options);
    for (const auto& [rule, info] : file_set_rules) {
      r.begin(*info);
      rule->check(ctx, r);
    }
    bool scanned = true;
    ctx.memo<FileSetScan>(&w, [&] {
      scanned = false;
      return FileSetScan{};
    });
    return Seen(scanned, findings.size() + hidden.total());
  };
  const char* const system_writer = "e8132975-6f93-4464-a53e-1050253ae220";
  const char* const other = "3f2b8c1e-7d4a-4e59-9a61-0c8e5b2d7f13";
  EXPECT_EQ(run(system_writer, Audience::kOperator), Seen(false, 0));
  EXPECT_EQ(run(system_writer, Audience::kAuthor), Seen(true, 3));
  EXPECT_EQ(run(other, Audience::kOperator), Seen(true, 3));
}

}  // namespace
}  // namespace vssmeta::internal
