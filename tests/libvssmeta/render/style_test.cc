// SPDX-License-Identifier: MIT
// The terminal styles of the text renderers: one escape sequence per meaning,
// nothing when colour is off or the text is empty.
#include "render/style.h"

#include <gtest/gtest.h>

namespace vssmeta::internal {
namespace {

TEST(Painter, WithoutColourTextIsUnchanged) {
  const Painter paint(false);
  EXPECT_FALSE(paint.color());
  EXPECT_EQ(paint(Style::kError, "error"), "error");
  EXPECT_EQ(paint(Style::kHeading, ""), "");
}

TEST(Painter, EmptyTextGetsNoEscapes) {
  EXPECT_EQ(Painter(true)(Style::kHeading, ""), "");
}

TEST(Painter, EachStyleHasItsSequence) {
  const Painter paint(true);
  EXPECT_TRUE(paint.color());
  EXPECT_EQ(paint(Style::kHeading, "x"), "\x1b[1mx\x1b[0m");
  EXPECT_EQ(paint(Style::kMuted, "x"), "\x1b[2mx\x1b[0m");
  EXPECT_EQ(paint(Style::kProblem, "x"), "\x1b[31mx\x1b[0m");
  EXPECT_EQ(paint(Style::kCaution, "x"), "\x1b[33mx\x1b[0m");
  EXPECT_EQ(paint(Style::kUnknown, "x"), "\x1b[35mx\x1b[0m");
  EXPECT_EQ(paint(Style::kAdded, "x"), "\x1b[32mx\x1b[0m");
  EXPECT_EQ(paint(Style::kMoved, "x"), "\x1b[36mx\x1b[0m");
  EXPECT_EQ(paint(Style::kError, "x"), "\x1b[1m\x1b[31mx\x1b[0m");
  EXPECT_EQ(paint(Style::kWarning, "x"), "\x1b[1m\x1b[33mx\x1b[0m");
  EXPECT_EQ(paint(Style::kInfo, "x"), "\x1b[1m\x1b[36mx\x1b[0m");
}

TEST(Painter, TextIsNotFormatted) {
  // Braces in untrusted names are text, not format specifications.
  EXPECT_EQ(Painter(true)(Style::kHeading, "{0} {}"), "\x1b[1m{0} {}\x1b[0m");
}

}  // namespace
}  // namespace vssmeta::internal
