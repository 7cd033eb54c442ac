// SPDX-License-Identifier: MIT
#include "vssmeta/extras.h"

#include <gtest/gtest.h>

namespace vssmeta {
namespace {

TEST(Extras, DefaultIsEmptyAndCostsOnePointer) {
  Extras e;
  EXPECT_TRUE(e.empty());
  EXPECT_TRUE(e.attributes().empty());
  EXPECT_TRUE(e.elements().empty());
  EXPECT_EQ(e.text(), "");
  EXPECT_EQ(sizeof(Extras), sizeof(void*));
}

TEST(Extras, MutableAccessAllocatesAndFills) {
  Extras e;
  e.mutable_attributes().push_back({"futureFlag", "1"});
  EXPECT_FALSE(e.empty());
  ASSERT_EQ(e.attributes().size(), 1U);
  EXPECT_EQ(e.attributes()[0].value, "1");
}

TEST(Extras, TouchedButEmptyEqualsDefault) {
  Extras touched;
  touched.mutable_text();
  EXPECT_TRUE(touched.empty());
  EXPECT_EQ(touched, Extras{});
}

TEST(Extras, CopiesAreDeep) {
  Extras a;
  a.mutable_elements().push_back(XmlElement{"X", {{"a", "1"}}, {}, "t", 3, {}});
  Extras b = a;
  EXPECT_EQ(a, b);
  b.mutable_elements()[0].text = "changed";
  EXPECT_NE(a, b);
  EXPECT_EQ(a.elements()[0].text, "t");
  Extras c;
  c = a;
  EXPECT_EQ(c, a);
  Extras moved = std::move(c);
  EXPECT_EQ(moved, a);
}

TEST(Extras, ComparesContentInOrder) {
  Extras a;
  Extras b;
  a.mutable_attributes() = {{"x", "1"}, {"y", "2"}};
  b.mutable_attributes() = {{"y", "2"}, {"x", "1"}};
  EXPECT_NE(a, b);
  b.mutable_attributes() = a.attributes();
  EXPECT_EQ(a, b);
  b.mutable_text() = "stray";
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace vssmeta
