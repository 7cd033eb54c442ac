// SPDX-License-Identifier: MIT
// advise_large_pages: small buffers and null are left alone; a large one is
// advised exactly where the kernel has transparent huge pages. (That the
// loader's results do not change is every loader test's business.)
// release_pages: exactly the whole aligned blocks inside the range read as
// NUL afterwards, on Linux; elsewhere nothing changes.
#include "load/large_pages.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <system_error>
#include <vector>

#include <gtest/gtest.h>

namespace vssmeta::internal {
namespace {

// Whether this kernel has transparent huge pages (Linux only).
bool kernel_has_huge_pages() {
#if defined(__linux__)
  std::error_code ec;
  return std::filesystem::exists("/sys/kernel/mm/transparent_hugepage/enabled",
                                 ec);
#else
  return false;
#endif
}

TEST(AdviseLargePages, SmallBuffersAndNullAreLeftAlone) {
  std::vector<char> small(kLargePagesMinBytes - 1, 'x');
  EXPECT_FALSE(advise_large_pages(small.data(), small.size()));
  EXPECT_FALSE(advise_large_pages(nullptr, kLargePagesMinBytes * 2));
  EXPECT_FALSE(advise_large_pages(small.data(), 0));
}

TEST(AdviseLargePages, LargeBufferIsAdvisedWhereTheKernelOffersThem) {
  const std::vector<char> big(kLargePagesMinBytes * 2);
  EXPECT_EQ(advise_large_pages(big.data(), big.size()),
            kernel_has_huge_pages());
}

TEST(ReleasePages, GivesBackTheWholeAlignedBlocksInsideTheRange) {
  std::vector<char> buffer(kReleaseBytes * 4, 'x');
  char* const from = buffer.data() + 1;
  const std::size_t bytes = buffer.size() - 2;
  const std::size_t released = release_pages(from, bytes);
#if defined(__linux__)
  const auto start = reinterpret_cast<std::uintptr_t>(from);
  const std::size_t first =
      ((start + kReleaseBytes - 1) & ~(kReleaseBytes - 1)) - start;
  ASSERT_GT(released, first);
  EXPECT_EQ((start + released) % kReleaseBytes, 0U);
  EXPECT_LE(released, bytes);
  EXPECT_GT(released + kReleaseBytes, bytes);  // every whole block went
  auto all = [](const char* b, const char* e, char c) {
    return std::all_of(b, e, [c](char x) { return x == c; });
  };
  EXPECT_TRUE(all(from, from + first, 'x'));
  EXPECT_TRUE(all(from + first, from + released, '\0'));
  EXPECT_TRUE(all(from + released, from + bytes, 'x'));
#else
  EXPECT_EQ(released, 0U);
  EXPECT_EQ(std::count(from, from + bytes, 'x'),
            static_cast<std::ptrdiff_t>(bytes));
#endif
  EXPECT_EQ(buffer.front(), 'x');
  EXPECT_EQ(buffer.back(), 'x');
}

TEST(ReleasePages, ARangeWithoutAWholeBlockAndNullAreLeftAlone) {
  std::vector<char> buffer(kReleaseBytes * 3, 'x');
  const auto start = reinterpret_cast<std::uintptr_t>(buffer.data());
  // From one byte past a block boundary to one byte short of the next.
  const std::size_t boundary =
      ((start + kReleaseBytes - 1) & ~(kReleaseBytes - 1)) - start;
  EXPECT_EQ(release_pages(buffer.data() + boundary + 1, kReleaseBytes - 2), 0U);
  EXPECT_EQ(release_pages(nullptr, kReleaseBytes * 4), 0U);
  EXPECT_EQ(std::count(buffer.begin(), buffer.end(), 'x'),
            static_cast<std::ptrdiff_t>(buffer.size()));
}

}  // namespace
}  // namespace vssmeta::internal
