// SPDX-License-Identifier: MIT
// A writer name holding U+202E RIGHT-TO-LEFT OVERRIDE through every
// command: text, DOT and Mermaid show it as `\u202e` (so no name can show
// reversed text), JSON keeps the real character.

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "cli/exit_code.h"
#include "support/test_support.h"
#include "tools/cli_runner.h"

namespace vssmeta::cli {
namespace {

using testing::read_bytes;
using testing::run_cli;
using testing::testdata_dir;

constexpr const char* kOverride = "\xE2\x80\xAE";  // U+202E in UTF-8
constexpr const char* kName =
    "Fernhill \xE2\x80\xAE"
    "evihcrA Writer";
constexpr const char* kShown = "Fernhill \\u202eevihcrA Writer";

class Bidi : public ::testing::Test {
 protected:
  void SetUp() override {
    // WMD013's trigger declares a component twice: validate quotes the name.
    std::string xml = read_bytes(testdata_dir() / "rules/WMD013/trigger.xml");
    const std::string plain = "Fernhill Archive Writer";
    xml.replace(xml.find(plain), plain.size(), kName);
    file_ = (dir_.path() / "bidi.xml").string();
    std::ofstream(file_, std::ios::binary) << xml;
  }
  static bool raw(const std::string& s) {
    return s.find(kOverride) != std::string::npos;
  }

  testing::TempFolder dir_{"vssmeta-bidi-"};
  std::string file_;
};

TEST_F(Bidi, DumpTextEscapesItAndJsonKeepsIt) {
  auto r = run_cli({"dump", "--color", "never", file_});
  EXPECT_EQ(r.exit_code, kExitOk) << r.err;
  EXPECT_EQ(r.out.rfind(std::string("Writer \"") + kShown + "\"  {", 0), 0U)
      << r.out;
  EXPECT_FALSE(raw(r.out));
  r = run_cli({"dump", "--format", "json", file_});
  EXPECT_NE(r.out.find(std::string("\"") + kName + "\""), std::string::npos);
}

TEST_F(Bidi, ValidateTextEscapesItAndJsonKeepsIt) {
  auto r = run_cli({"validate", "--color", "never", file_});
  EXPECT_EQ(r.exit_code, kExitSevere) << r.err;
  EXPECT_NE(r.out.find(std::string(": error: component \"") + kShown +
                       ":\\Ledgers\" is declared twice (also at line 1, "
                       "column 411) [WMD013]\n"),
            std::string::npos)
      << r.out;
  EXPECT_FALSE(raw(r.out));
  r = run_cli({"validate", "--format", "json", file_});
  EXPECT_TRUE(raw(r.out)) << r.out;
}

TEST_F(Bidi, DiffTextEscapesIt) {
  auto r =
      run_cli({"diff", "--color", "never", "rules/WMD013/trigger.xml", file_});
  EXPECT_NE(r.out.find(std::string("  ~ friendlyName: Fernhill Archive "
                                   "Writer \xE2\x86\x92 ") +
                       kShown + "  [cosmetic]\n"),
            std::string::npos)
      << r.out;
  EXPECT_FALSE(raw(r.out));
}

TEST_F(Bidi, GraphLabelsShowTheCode) {
  auto r = run_cli({"graph", file_});
  EXPECT_EQ(r.exit_code, kExitOk) << r.err;
  EXPECT_NE(r.out.find("label=\"Fernhill \\\\u202eevihcrA Writer\\n{"),
            std::string::npos)
      << r.out;
  EXPECT_FALSE(raw(r.out));
  r = run_cli({"graph", "--format", "mermaid", file_});
  EXPECT_NE(r.out.find(kShown), std::string::npos) << r.out;
  EXPECT_FALSE(raw(r.out));
}

}  // namespace
}  // namespace vssmeta::cli
