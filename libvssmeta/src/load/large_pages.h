// SPDX-License-Identifier: MIT
#pragma once
// Asks the kernel to back a large buffer the loader owns (the input text,
// its UTF-8 decoding, a writer's components, a long file list) with
// transparent huge pages where it offers them on request (Linux's
// "madvise" mode, Debian's default). A 52 MB document then costs a few
// dozen page faults instead of some 13,000, for the same resident memory:
// the buffers are filled from the front, so at most one 2 MiB page is
// touched beyond what is used. Elsewhere, and for small buffers, nothing
// happens. The advice changes no byte of the buffer and no result.

#include <cstddef>

namespace vssmeta::internal {

/// Huge pages are advised only for buffers at least this large (four huge
/// pages): below it, most of a buffer would sit in its unaligned ends.
inline constexpr std::size_t kLargePagesMinBytes = std::size_t{8} << 20;

/// Advises huge pages for the 2 MiB-aligned part of [data, data + bytes).
/// True when the kernel took the advice; false for a buffer smaller than
/// kLargePagesMinBytes, off Linux, or when the kernel has no transparent
/// huge pages.
bool advise_large_pages(const void* data, std::size_t bytes);

}  // namespace vssmeta::internal
