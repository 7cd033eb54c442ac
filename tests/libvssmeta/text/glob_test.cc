// SPDX-License-Identifier: MIT
// The glob matcher of diff --ignore and Windows filespecs.
#include "text/glob.h"

#include <gtest/gtest.h>

namespace vssmeta::internal {
namespace {

TEST(GlobMatches, StarAndQuestionMark) {
  EXPECT_TRUE(glob_matches("*", ""));
  EXPECT_TRUE(glob_matches("", ""));
  EXPECT_FALSE(glob_matches("", "a"));
  EXPECT_FALSE(glob_matches("?", ""));
  EXPECT_TRUE(glob_matches("Sys*:\\*files", "System Writer:\\System Files"));
  EXPECT_TRUE(glob_matches("?b?", "ABC"));
  EXPECT_FALSE(glob_matches("?b?", "ABCD"));
  EXPECT_FALSE(glob_matches("caption", "componentCaption"));
  EXPECT_TRUE(glob_matches("*caption", "componentCaption"));
  EXPECT_TRUE(glob_matches("a*b*c", "aXbYbZc"));
  EXPECT_FALSE(glob_matches("a*b*c", "aXbYbZ"));
  EXPECT_TRUE(glob_matches("*.*", "a.b"));
  EXPECT_FALSE(glob_matches("*.*", "noext"));  // Windows' rule is filespec's
}

TEST(GlobMatches, IgnoresTheCaseOfAsciiLettersOnly) {
  EXPECT_TRUE(glob_matches("*.LDG", "ledger.ldg"));
  EXPECT_TRUE(glob_matches("\xC3\x89*", "\xC3\x89t\xC3\xA9"));
  EXPECT_FALSE(glob_matches("\xC3\xA9*", "\xC3\x89t\xC3\xA9"));  // É vs é
  // `?` is one byte, not one character: "É" is two bytes in UTF-8.
  EXPECT_FALSE(glob_matches("?", "\xC3\x89"));
  EXPECT_TRUE(glob_matches("??", "\xC3\x89"));
}

}  // namespace
}  // namespace vssmeta::internal
