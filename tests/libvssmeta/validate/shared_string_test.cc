// SPDX-License-Identifier: MIT
// The text findings share, and the labels of a Finding built from it.
#include "validate/shared_string.h"

#include <memory>
#include <string>
#include <utility>

#include <gtest/gtest.h>

namespace vssmeta::internal {
namespace {

TEST(SharedString, CopiesShareTheText) {
  const SharedString a(std::string(40, 'x'));
  const SharedString b = a;  // NOLINT(performance-unnecessary-copy-...)
  EXPECT_EQ(a.view().data(), b.view().data());
  EXPECT_EQ(b, std::string(40, 'x'));
  EXPECT_EQ(SharedString("abc"), SharedString(std::string("abc")));
  EXPECT_FALSE(SharedString("abc") == SharedString("abd"));
  EXPECT_TRUE(SharedString().empty());
  EXPECT_TRUE(SharedString(std::shared_ptr<const std::string>()).empty());
}

TEST(SharedString, LiteralIsNotCopiedAndMoveEmptiesTheSource) {
  static constexpr char kText[] = "a constant hint";
  SharedString a = SharedString::literal(kText);
  EXPECT_EQ(a.view().data(), kText);
  SharedString b(std::string("owned text, longer than the SSO buffer"));
  const char* data = b.view().data();
  SharedString c = std::move(b);
  EXPECT_EQ(c.view().data(), data);
  EXPECT_TRUE(b.empty());  // NOLINT(bugprone-use-after-move): specified
  a = std::move(c);
  EXPECT_EQ(a.str(), "owned text, longer than the SSO buffer");
}

Finding with_labels(SharedString writer, SharedString component,
                    SharedString hint) {
  Finding f(Diagnostic{Severity::kError, "WMD013", "twice", {"w.xml", 1, 2}});
  FindingLabels::set(f, std::move(writer), std::move(component),
                     std::move(hint));
  return f;
}

TEST(FindingLabels, FindingsShareTheLabelsAndCopiesOutliveTheOriginal) {
  const SharedString label(std::string("Writer {00000000-0000-0000-0000-0}"));
  static constexpr char kHint[] = "remove one";
  Finding copy;
  {
    const Finding f = with_labels(label, SharedString(std::string("W:\\a")),
                                  SharedString::literal(kHint));
    EXPECT_EQ(f.writer().data(), label.view().data());
    EXPECT_EQ(f.hint().data(), kHint);
    copy = f;
  }
  EXPECT_EQ(copy.writer(), "Writer {00000000-0000-0000-0000-0}");
  EXPECT_EQ(copy.component(), "W:\\a");
  EXPECT_EQ(copy.hint(), "remove one");
  EXPECT_EQ(copy.diagnostic.code, "WMD013");
}

TEST(FindingLabels, MoveEmptiesTheSourceAndEqualityIsByContent) {
  Finding a = with_labels(SharedString("W"), SharedString("W:\\a"), "hint");
  const Finding owned(a.diagnostic, "W", "W:\\a", "hint");
  EXPECT_EQ(a, owned);
  EXPECT_NE(a.writer().data(), owned.writer().data());
  EXPECT_FALSE(a == Finding(a.diagnostic, "W", "W:\\b", "hint"));
  const Finding b = std::move(a);
  EXPECT_EQ(b, owned);
  EXPECT_TRUE(a.writer().empty());  // NOLINT(bugprone-use-after-move)
  EXPECT_TRUE(a.component().empty());
  EXPECT_TRUE(a.hint().empty());
  EXPECT_TRUE(Finding().writer().empty());
}

}  // namespace
}  // namespace vssmeta::internal
