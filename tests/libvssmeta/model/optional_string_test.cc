// SPDX-License-Identifier: MIT
// OptionalString: reads like std::optional<std::string>, shares its text
// between copies, compares by content.
#include "vssmeta/optional_string.h"

#include <cstddef>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace vssmeta {
namespace {

TEST(OptionalString, AbsentByDefault) {
  OptionalString s;
  EXPECT_FALSE(s.has_value());
  EXPECT_FALSE(s);
  EXPECT_EQ(s, std::nullopt);
  EXPECT_EQ(s.value_or("fallback"), "fallback");
  EXPECT_THROW((void)s.value(), std::bad_optional_access);
  EXPECT_EQ(static_cast<std::optional<std::string>>(s), std::nullopt);
}

TEST(OptionalString, HoldsWhatItWasGiven) {
  OptionalString s = "C:\\Windows";
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(*s, "C:\\Windows");
  EXPECT_EQ(s->size(), 10U);
  EXPECT_EQ(s.value(), "C:\\Windows");
  EXPECT_EQ(s.value_or("x"), "C:\\Windows");
  EXPECT_EQ(s, "C:\\Windows");
  EXPECT_FALSE(s == "C:\\WINDOWS");
  EXPECT_EQ(s, std::optional<std::string>("C:\\Windows"));
  EXPECT_FALSE(s == std::optional<std::string>());
  EXPECT_FALSE(s == std::nullopt);
  const std::string empty;
  OptionalString e = empty;
  EXPECT_TRUE(e.has_value());  // present and empty is not absent
  EXPECT_FALSE(e == OptionalString());
}

TEST(OptionalString, CopiesShareTheTextAndCompareEqual) {
  OptionalString a = std::string(100, 'x');
  OptionalString b = a;
  EXPECT_TRUE(a.shares_with(b));
  EXPECT_EQ(&*a, &*b);
  OptionalString c = std::string(100, 'x');
  EXPECT_FALSE(a.shares_with(c));
  EXPECT_EQ(a, c);
  OptionalString moved = std::move(b);
  EXPECT_TRUE(moved.shares_with(a));
  EXPECT_FALSE(b.has_value());  // NOLINT: moved-from is absent
}

TEST(OptionalString, AssigningReplacesOnlyThisValue) {
  OptionalString a = "one";
  OptionalString b = a;
  b = "two";
  EXPECT_EQ(*a, "one");
  EXPECT_EQ(*b, "two");
  EXPECT_EQ(b.emplace(std::size_t{3}, 'z'), "zzz");
  b = std::nullopt;
  EXPECT_FALSE(b);
  a.reset();
  EXPECT_FALSE(a);
  a = std::optional<std::string>("three");
  EXPECT_EQ(a, "three");
  a = std::optional<std::string>();
  EXPECT_FALSE(a);
}

TEST(OptionalString, CopiesOnSeveralThreadsKeepTheCountRight) {
  // Run under the sanitizers in CI: a lost count frees the text early
  // (use after free) or never (leak).
  OptionalString shared = std::string(64, 'p');
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&shared] {
      for (int i = 0; i < 10000; ++i) {
        OptionalString copy = shared;
        EXPECT_EQ(copy->size(), 64U);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(shared, std::string(64, 'p'));
}

}  // namespace
}  // namespace vssmeta
