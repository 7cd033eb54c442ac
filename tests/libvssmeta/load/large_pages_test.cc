// SPDX-License-Identifier: MIT
// advise_large_pages: small buffers and null are left alone; a large one is
// advised exactly where the kernel has transparent huge pages. (That the
// loader's results do not change is every loader test's business.)
#include "load/large_pages.h"

#include <cstddef>
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

}  // namespace
}  // namespace vssmeta::internal
