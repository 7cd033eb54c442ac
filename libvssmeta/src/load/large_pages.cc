// SPDX-License-Identifier: MIT
#include "load/large_pages.h"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace vssmeta::internal {

bool advise_large_pages(const void* data, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (data == nullptr || bytes < kLargePagesMinBytes) return false;
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  const auto start = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t first = (start + kHuge - 1) & ~(kHuge - 1);
  const std::uintptr_t end = (start + bytes) & ~(kHuge - 1);
  if (end <= first) return false;
  // madvise() takes a non-const pointer; the advice writes nothing.
  return madvise(reinterpret_cast<void*>(first), end - first, MADV_HUGEPAGE) ==
         0;
#else
  (void)data;
  (void)bytes;
  return false;
#endif
}

std::size_t release_pages(void* data, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_DONTNEED)
  if (data == nullptr) return 0;
  const auto start = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t first =
      (start + kReleaseBytes - 1) & ~(kReleaseBytes - 1);
  const std::uintptr_t end = (start + bytes) & ~(kReleaseBytes - 1);
  if (end <= first) return 0;
  if (madvise(reinterpret_cast<void*>(first), end - first, MADV_DONTNEED) !=
      0) {
    return 0;
  }
  return end - start;
#else
  (void)data;
  (void)bytes;
  return 0;
#endif
}

}  // namespace vssmeta::internal
