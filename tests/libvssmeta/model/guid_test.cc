// SPDX-License-Identifier: MIT
// Guid: parsing (braces optional, any case), the kept spelling, canonical
// forms, value equality and ordering.
#include "vssmeta/guid.h"

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include <gtest/gtest.h>

namespace vssmeta {
namespace {

constexpr const char* kLower = "e8132975-6f93-4464-a53e-1050253ae220";
constexpr const char* kUpper = "E8132975-6F93-4464-A53E-1050253AE220";

TEST(Guid, ParsesCanonicalLowerCase) {
  std::optional<Guid> g = Guid::parse(kLower);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(g->to_string(), kLower);
  EXPECT_EQ(g->spelling(), kLower);
  const std::array<std::uint8_t, 16> expected{
      0xe8, 0x13, 0x29, 0x75, 0x6f, 0x93, 0x44, 0x64,
      0xa5, 0x3e, 0x10, 0x50, 0x25, 0x3a, 0xe2, 0x20};
  EXPECT_EQ(g->bytes(), expected);
}

TEST(Guid, ParsesUpperCase) {
  std::optional<Guid> g = Guid::parse(kUpper);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(g->to_string(), kLower);
  EXPECT_EQ(g->spelling(), kUpper);
}

TEST(Guid, ParsesBracedUpperCase) {
  const std::string braced = std::string("{") + kUpper + "}";
  std::optional<Guid> g = Guid::parse(braced);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(g->to_string(), kLower);
  EXPECT_EQ(g->to_braced_string(), std::string("{") + kLower + "}");
  EXPECT_EQ(g->spelling(), braced);
}

TEST(Guid, ParsesBracedLowerCaseAndKeepsBraces) {
  const std::string braced = std::string("{") + kLower + "}";
  std::optional<Guid> g = Guid::parse(braced);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(g->to_string(), kLower);
  EXPECT_EQ(g->spelling(), braced);
}

TEST(Guid, ParsesMixedCaseAndKeepsSpelling) {
  const char* mixed = "e8132975-6F93-4464-a53E-1050253Ae220";
  std::optional<Guid> g = Guid::parse(mixed);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(g->to_string(), kLower);
  EXPECT_EQ(g->spelling(), mixed);
}

TEST(Guid, EqualityIgnoresCaseAndBraces) {
  std::optional<Guid> lower = Guid::parse(kLower);
  std::optional<Guid> upper = Guid::parse(kUpper);
  std::optional<Guid> braced = Guid::parse(std::string("{") + kUpper + "}");
  ASSERT_TRUE(lower && upper && braced);
  EXPECT_EQ(*lower, *upper);
  EXPECT_EQ(*lower, *braced);
  EXPECT_EQ(*upper, *braced);
  EXPECT_FALSE(*lower < *upper);
  EXPECT_FALSE(*upper < *lower);
  // ... while the spellings stay different.
  EXPECT_NE(lower->spelling(), upper->spelling());
}

TEST(Guid, DifferentValuesAreNotEqual) {
  std::optional<Guid> a = Guid::parse("e8132975-6f93-4464-a53e-1050253ae220");
  std::optional<Guid> b = Guid::parse("e8132975-6f93-4464-a53e-1050253ae221");
  ASSERT_TRUE(a && b);
  EXPECT_NE(*a, *b);
}

TEST(Guid, DefaultIsNilWithCanonicalSpelling) {
  Guid g;
  EXPECT_TRUE(g.is_nil());
  EXPECT_EQ(g.to_string(), "00000000-0000-0000-0000-000000000000");
  EXPECT_EQ(g.to_braced_string(), "{00000000-0000-0000-0000-000000000000}");
  EXPECT_EQ(g.spelling(), "00000000-0000-0000-0000-000000000000");
}

TEST(Guid, ParsedZeroIsNilAndEqualsDefault) {
  std::optional<Guid> g = Guid::parse("{00000000-0000-0000-0000-000000000000}");
  ASSERT_TRUE(g.has_value());
  EXPECT_TRUE(g->is_nil());
  EXPECT_EQ(*g, Guid());
  EXPECT_EQ(g->spelling(), "{00000000-0000-0000-0000-000000000000}");
}

TEST(Guid, NonZeroIsNotNil) {
  // Only the very last bit is set.
  std::optional<Guid> g = Guid::parse("00000000-0000-0000-0000-000000000001");
  ASSERT_TRUE(g.has_value());
  EXPECT_FALSE(g->is_nil());
  std::optional<Guid> first =
      Guid::parse("80000000-0000-0000-0000-000000000000");
  ASSERT_TRUE(first.has_value());
  EXPECT_FALSE(first->is_nil());
}

TEST(Guid, ToBracedStringIsLowerCase) {
  std::optional<Guid> g = Guid::parse(kUpper);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(g->to_braced_string(), "{e8132975-6f93-4464-a53e-1050253ae220}");
}

TEST(Guid, OrderingFollowsBytes) {
  std::optional<Guid> a = Guid::parse("00000000-0000-0000-0000-0000000000ff");
  std::optional<Guid> b = Guid::parse("00000000-0000-0000-0000-000000000100");
  std::optional<Guid> c = Guid::parse("10000000-0000-0000-0000-000000000000");
  std::optional<Guid> c_upper =
      Guid::parse("{10000000-0000-0000-0000-000000000000}");
  ASSERT_TRUE(a && b && c && c_upper);
  EXPECT_LT(*a, *b);
  EXPECT_LT(*b, *c);
  EXPECT_LT(*a, *c);
  EXPECT_GT(*c, *a);
  EXPECT_LE(*c, *c_upper);
  EXPECT_GE(*c, *c_upper);
  EXPECT_EQ(std::compare_three_way{}(*a, *b), std::strong_ordering::less);
  EXPECT_EQ(std::compare_three_way{}(*c, *c_upper),
            std::strong_ordering::equal);
}

TEST(Guid, OrderingIgnoresCaseInSets) {
  std::set<Guid> s;
  s.insert(*Guid::parse(kLower));
  s.insert(*Guid::parse(kUpper));
  s.insert(*Guid::parse(std::string("{") + kLower + "}"));
  EXPECT_EQ(s.size(), 1U);
}

TEST(Guid, RejectsEmpty) { EXPECT_FALSE(Guid::parse("").has_value()); }

TEST(Guid, RejectsWrongLength) {
  EXPECT_FALSE(Guid::parse("e8132975-6f93-4464-a53e-1050253ae22").has_value());
  EXPECT_FALSE(
      Guid::parse("e8132975-6f93-4464-a53e-1050253ae2200").has_value());
  EXPECT_FALSE(
      Guid::parse("{e8132975-6f93-4464-a53e-1050253ae22}").has_value());
  EXPECT_FALSE(
      Guid::parse("{e8132975-6f93-4464-a53e-1050253ae2200}").has_value());
  EXPECT_FALSE(Guid::parse("{}").has_value());
}

TEST(Guid, RejectsMissingDashes) {
  // 32 hex digits, no dashes.
  EXPECT_FALSE(Guid::parse("e81329756f934464a53e1050253ae220").has_value());
  // Right length, but a dash moved by one place.
  EXPECT_FALSE(Guid::parse("e813297-56f93-4464-a53e-1050253ae220").has_value());
  // Right length, a dash replaced by a hex digit and one digit added.
  EXPECT_FALSE(Guid::parse("e8132975-6f93-4464-a53e01050253ae220").has_value());
}

TEST(Guid, RejectsNonHexDigits) {
  EXPECT_FALSE(Guid::parse("g8132975-6f93-4464-a53e-1050253ae220").has_value());
  EXPECT_FALSE(Guid::parse("e8132975-6f93-4464-a53e-1050253ae22z").has_value());
  EXPECT_FALSE(Guid::parse("e8132975-6f93-44+4-a53e-1050253ae220").has_value());
  EXPECT_FALSE(Guid::parse("e8132975-6f93-4464-a53e-1050253ae2-0").has_value());
}

TEST(Guid, RejectsOneBraceOnly) {
  EXPECT_FALSE(Guid::parse(std::string("{") + kLower).has_value());
  EXPECT_FALSE(Guid::parse(std::string(kLower) + "}").has_value());
  // 38 characters, but not braces at both ends.
  EXPECT_FALSE(Guid::parse(std::string("(") + kLower + ")").has_value());
  EXPECT_FALSE(Guid::parse(std::string("}") + kLower + "{").has_value());
}

TEST(Guid, RejectsSurroundingSpaces) {
  EXPECT_FALSE(Guid::parse(std::string(" ") + kLower).has_value());
  EXPECT_FALSE(Guid::parse(std::string(kLower) + " ").has_value());
  EXPECT_FALSE(Guid::parse(std::string("{ ") + kLower + "}").has_value());
  EXPECT_FALSE(Guid::parse(std::string(" {") + kLower + "}").has_value());
  EXPECT_FALSE(Guid::parse("e8132975 6f93-4464-a53e-1050253ae220").has_value());
}

TEST(Guid, CopyKeepsSpelling) {
  std::optional<Guid> g = Guid::parse(kUpper);
  ASSERT_TRUE(g.has_value());
  Guid copy = *g;
  EXPECT_EQ(copy.spelling(), kUpper);
  EXPECT_EQ(copy, *g);
}

}  // namespace
}  // namespace vssmeta
