// SPDX-License-Identifier: MIT
// The golden comparison itself: a mismatch is shown as a unified diff.
#include "support/test_support.h"

#include <gtest/gtest.h>

namespace vssmeta::testing {
namespace {

TEST(UnifiedDiff, ShowsChangedLinesWithContext) {
  EXPECT_EQ(unified_diff("a\nb\nc\nd\ne\nf\n", "a\nb\nc\nD\ne\nf\n"),
            "@@ -2,5 +2,5 @@\n b\n c\n-d\n+D\n e\n f\n");
}

TEST(UnifiedDiff, AddedAndRemovedLines) {
  EXPECT_EQ(unified_diff("one\ntwo\n", "one\ntwo\nthree\n"),
            "@@ +1,3 @@\n one\n two\n+three\n");
  EXPECT_EQ(unified_diff("one\ntwo\n", "two\n"), "@@ -1,2 @@\n-one\n two\n");
}

TEST(UnifiedDiff, SameLinesOtherLineEnd) {
  EXPECT_EQ(unified_diff("a\n", "a"),
            "(the lines agree; the texts differ in line ends: expected 2 "
            "bytes, actual 1)\n");
}

}  // namespace
}  // namespace vssmeta::testing
