// SPDX-License-Identifier: MIT
#pragma once
// Shared test utilities: where the test data is, reading files, golden-file
// comparison, and GTest helpers for Result<T>.

#include <filesystem>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "vssmeta/result.h"

namespace vssmeta::testing {

/// The project's testdata/ folder (from VSSMETA_TESTDATA, set by CTest).
std::filesystem::path testdata_dir();

/// The real samples (VSSMETA_SAMPLES, default
/// testdata/../../shared/vss-samples) if that folder exists, else nullopt.
std::optional<std::filesystem::path> samples_dir();

/// The schemas/ folder (VSSMETA_SCHEMAS, default testdata/../schemas).
std::filesystem::path schemas_dir();

/// The whole file, bytes as stored. Fails the test if unreadable.
std::string read_bytes(const std::filesystem::path& path);

/// Compares `actual` with the golden file testdata/expected/<relative>; with
/// VSSMETA_UPDATE_GOLDEN=1 set, rewrites the file instead.
::testing::AssertionResult matches_golden(const std::string& actual,
                                          const std::string& relative);

/// A unified diff (GoogleTest's: `@@ -a,b +c,d @@`, a side left out when
/// it has no lines of its own; ` `/`-`/`+` lines, 2 lines of
/// context) from `expected` to `actual`, as golden mismatches print it.
std::string unified_diff(const std::string& expected,
                         const std::string& actual);

/// A new empty folder under the system's temporary folder, with a random
/// name starting with `prefix` (builds of the project may run the same
/// test at once); removed, with what it holds, when this goes.
class TempFolder {
 public:
  explicit TempFolder(const std::string& prefix);
  ~TempFolder();
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// True when python3 with the jsonschema module is available.
bool have_python_jsonschema();

/// Validates `json` against `schema_file` with python3 jsonschema. Returns
/// an empty string on success, else the validator's message.
std::string validate_json(const std::string& json,
                          const std::filesystem::path& schema_file);

}  // namespace vssmeta::testing

/// Skips the current test when ../shared/vss-samples is not there.
#define VSSMETA_REQUIRE_SAMPLES(var)                                 \
  auto var##_opt = ::vssmeta::testing::samples_dir();                \
  if (!var##_opt) GTEST_SKIP() << "../shared/vss-samples is absent"; \
  const std::filesystem::path var = *var##_opt

/// Asserts a Result holds a value, printing the error otherwise.
#define ASSERT_OK(result) \
  ASSERT_TRUE((result).has_value()) << ::vssmeta::to_string((result).error())
