// SPDX-License-Identifier: MIT
#include "support/test_support.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <vector>

namespace vssmeta::testing {
namespace fs = std::filesystem;

namespace {
fs::path env_path(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return fs::path(v != nullptr && *v != '\0' ? v : fallback);
}
}  // namespace

fs::path testdata_dir() { return env_path("VSSMETA_TESTDATA", "testdata"); }

std::optional<fs::path> samples_dir() {
  const fs::path fallback =
      testdata_dir() / ".." / ".." / "shared" / "vss-samples";
  fs::path p = env_path("VSSMETA_SAMPLES", fallback.string().c_str());
  std::error_code ec;
  if (fs::is_directory(p / "diskshadow-ws2012-sql2017", ec)) return p;
  return std::nullopt;
}

fs::path schemas_dir() {
  const fs::path fallback = testdata_dir() / ".." / "schemas";
  return env_path("VSSMETA_SCHEMAS", fallback.string().c_str());
}

TempFolder::TempFolder(const std::string& prefix)
    : path_(fs::temp_directory_path() /
            (prefix + std::to_string(std::random_device{}()) + "-" +
             std::to_string(std::random_device{}()))) {
  fs::create_directories(path_);
}

TempFolder::~TempFolder() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

::testing::AssertionResult matches_golden(const std::string& actual,
                                          const std::string& relative) {
  const fs::path file = testdata_dir() / "expected" / relative;
  const char* update = std::getenv("VSSMETA_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << actual;
    return ::testing::AssertionSuccess() << "updated " << file;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return ::testing::AssertionFailure()
           << "missing golden file " << file
           << " (run with VSSMETA_UPDATE_GOLDEN=1 to create it)\nactual:\n"
           << actual;
  }
  std::ostringstream s;
  s << in.rdbuf();
  if (s.str() == actual) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "output differs from " << file
         << " (VSSMETA_UPDATE_GOLDEN=1 rewrites it)\n--- expected\n+++ actual\n"
         << unified_diff(s.str(), actual);
}

namespace {
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}
}  // namespace

std::string unified_diff(const std::string& expected,
                         const std::string& actual) {
  std::string out = ::testing::internal::edit_distance::CreateUnifiedDiff(
      lines_of(expected), lines_of(actual));
  // Same lines, other bytes: only the final line end (or a CR) differs.
  if (out.empty()) {
    out = "(the lines agree; the texts differ in line ends: expected " +
          std::to_string(expected.size()) + " bytes, actual " +
          std::to_string(actual.size()) + ")\n";
  }
  return out;
}

namespace {
// The first interpreter that has the jsonschema module: the one on PATH, or
// Debian's (python3-jsonschema, installed by .ci/setup).
const std::string& python() {
  static const std::string found = [] {
    for (const char* candidate : {"python3", "/usr/bin/python3"}) {
      const std::string cmd =
          std::string(candidate) + " -c 'import jsonschema' >/dev/null 2>&1";
      if (std::system(cmd.c_str()) == 0) return std::string(candidate);
    }
    return std::string();
  }();
  return found;
}
}  // namespace

bool have_python_jsonschema() { return !python().empty(); }

std::string validate_json(const std::string& json, const fs::path& schema) {
  const fs::path dir = fs::temp_directory_path();
  // Unique across the test processes ctest runs at once (an unseeded
  // std::rand() gave each process the same name: one test removed or
  // overwrote another's document while it was being validated).
  static std::atomic<unsigned> counter{0};
  std::random_device rd;
  const fs::path doc =
      dir / ("vssmeta-validate-" + std::to_string(rd()) + "-" +
             std::to_string(rd()) + "-" + std::to_string(++counter) + ".json");
  const fs::path log = doc.string() + ".log";
  std::ofstream(doc, std::ios::binary) << json;
  const std::string cmd =
      python() +
      " -c 'import json,sys,jsonschema; "
      "s=json.load(open(sys.argv[1])); d=json.load(open(sys.argv[2])); "
      "jsonschema.Draft202012Validator.check_schema(s); "
      "jsonschema.Draft202012Validator(s).validate(d)' '" +
      schema.string() + "' '" + doc.string() + "' >'" + log.string() + "' 2>&1";
  const int rc = std::system(cmd.c_str());
  std::ifstream in(log);
  std::ostringstream s;
  s << in.rdbuf();
  fs::remove(doc);
  fs::remove(log);
  return rc == 0 ? std::string() : "jsonschema failed:\n" + s.str();
}

}  // namespace vssmeta::testing
