// SPDX-License-Identifier: MIT
// ASCII case folding shared by the parser, the capture loader, logical paths
// and diff --ignore globs.
#include "text/ascii.h"

#include <gtest/gtest.h>

namespace vssmeta::internal {
namespace {

TEST(AsciiLower, LowersAToZOnly) {
  EXPECT_EQ(ascii_lower('A'), 'a');
  EXPECT_EQ(ascii_lower('Z'), 'z');
  EXPECT_EQ(ascii_lower('a'), 'a');
  EXPECT_EQ(ascii_lower('@'), '@');  // 'A' - 1
  EXPECT_EQ(ascii_lower('['), '[');  // 'Z' + 1
  EXPECT_EQ(ascii_lower('\\'), '\\');
  EXPECT_EQ(ascii_lower('\xC3'), '\xC3');  // UTF-8 lead byte of 'É'
}

TEST(Iequals, IgnoresTheCaseOfLettersOnly) {
  EXPECT_TRUE(iequals("ROOT", "root"));
  EXPECT_TRUE(iequals(".XmL", ".xml"));
  EXPECT_TRUE(iequals("", ""));
  EXPECT_FALSE(iequals("root", "roots"));
  EXPECT_FALSE(iequals("@", "`"));  // differ by 0x20, but are not letters
  EXPECT_FALSE(iequals("\xC3\x89", "\xC3\xA9"));  // 'É' and 'é' stay apart
}

static_assert(iequals("Writer", "WRITER"));

}  // namespace
}  // namespace vssmeta::internal
