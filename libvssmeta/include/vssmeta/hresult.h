// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// HRESULT decoding for the capture and `diagnose`: the symbolic name of the
/// VSS, COM, RPC and Win32 codes a requester meets (every VSS_E_* and
/// VSS_S_* value vsserror.h defines), what usually causes each, and one
/// sentence of advice. Pure data, the same on every system.

#include <cstdint>
#include <string>
#include <string_view>

#include "vssmeta/export.h"

namespace vssmeta {

/// What is known about one HRESULT: its symbolic name, its likely cause and
/// what to do.
struct HresultInfo {
  std::uint32_t code = 0;
  std::string_view name;    ///< "VSS_E_BAD_STATE"; empty when unknown
  std::string_view advice;  ///< one sentence; empty when unknown
  /// What the code means happened, in a phrase ("the writer ran out of
  /// memory or other system resources"); empty when unknown or a success.
  std::string_view cause;
};

/// Looks `code` up in the table of VSS_E_*, VSS_S_*, E_*, RPC and Win32
/// (HRESULT_FROM_WIN32) values a requester meets.
VSSMETA_EXPORT HresultInfo describe_hresult(std::uint32_t code);

/// `0x80042301 VSS_E_BAD_STATE`, or just `0x80042301` when unknown.
VSSMETA_EXPORT std::string format_hresult(std::uint32_t code);

/// `format_hresult(code)`, then `: advice` when there is advice.
VSSMETA_EXPORT std::string explain_hresult(std::uint32_t code);

/// True for failure codes (the severity bit is set).
constexpr bool hresult_failed(std::uint32_t code) {
  return (code & 0x80000000U) != 0;
}

}  // namespace vssmeta
