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
// And gives back the part of such a buffer that has been read for good (the
// input text behind the model being built from it).

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

/// The unit in which release_pages() gives memory back: a huge page, so
/// that a buffer backed by them is never split into small pages.
inline constexpr std::size_t kReleaseBytes = std::size_t{2} << 20;

/// Gives the kernel back the kReleaseBytes-aligned whole blocks inside
/// [data, data + bytes), which the caller will never read again: its
/// resident memory falls at once, and those bytes read as NUL from then on
/// (Linux; elsewhere nothing happens). Returns how many bytes from `data`
/// lie before the end of what was given back (0 when no whole block fits,
/// or off Linux), for a caller that resumes from there.
std::size_t release_pages(void* data, std::size_t bytes);

}  // namespace vssmeta::internal
