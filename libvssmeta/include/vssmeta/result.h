// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// `Result<T>`: a value or an `Error`, with an API modelled on `std::expected`,
/// and `Result<void>` (`Status`) for calls that return nothing but success.
/// Library functions never throw for bad input; they return an `Error` that
/// names the problem and, when it has one, the position in the input. A
/// result also carries the warnings the call noted on the way (parser notes,
/// skipped files), whether it succeeded or failed.

#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "vssmeta/diagnostic.h"
#include "vssmeta/export.h"
#include "vssmeta/location.h"

namespace vssmeta {

/// What went wrong, coarsely; the message says the rest.
enum class ErrorCode {
  kIo,                ///< the file could not be read or written
  kMalformedXml,      ///< not well-formed XML, or a bad encoding
  kUnexpectedRoot,    ///< well-formed, but not a WMD or BCD
  kMissingAttribute,  ///< a required attribute or element is absent
  kInvalidValue,      ///< a required value cannot be interpreted
  kUnsupported,       ///< a feature we refuse on purpose (DOCTYPE, size)
  kInternal,          ///< a bug
};

/// A fatal problem: the call could not produce a result.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  /// Where in the input, when known. `Location::file` is the caller's name.
  std::optional<Location> where;
};

/// `file:line:col: error: message` (or `file: error: message`, or just
/// `error: message` when no location is known).
VSSMETA_EXPORT std::string to_string(const Error& error);

/// Stable lower-case name of an error code ("io", "malformed-xml", ...).
VSSMETA_EXPORT const char* to_string(ErrorCode code);

/// The warnings part of Result<T> and Result<void>.
template <typename Self>
class ResultWarnings {
 public:
  /// Recoverable problems the call noted (severity warning), in the order
  /// found; kept when the call failed too. Empty for calls that never warn.
  const Diagnostics& warnings() const& { return warnings_; }
  Diagnostics&& warnings() && { return std::move(warnings_); }
  /// Replaces the warnings (for the code that produces the result).
  Self& with_warnings(Diagnostics warnings) & {
    warnings_ = std::move(warnings);
    return static_cast<Self&>(*this);
  }
  Self&& with_warnings(Diagnostics warnings) && {
    warnings_ = std::move(warnings);
    return static_cast<Self&&>(*this);
  }

 private:
  Diagnostics warnings_;
};

/// A value of type T, or an Error; plus warnings either way.
template <typename T>
class [[nodiscard]] Result : public ResultWarnings<Result<T>> {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT: implicit by design

  bool has_value() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  /// REQUIRES: has_value().
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  /// REQUIRES: !has_value().
  const Error& error() const& { return std::get<1>(v_); }
  Error&& error() && { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

/// Success or an Error (plus warnings), for calls that produce nothing else.
template <>
class [[nodiscard]] Result<void> : public ResultWarnings<Result<void>> {
 public:
  /// Success.
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT: implicit

  bool has_value() const noexcept { return !error_.has_value(); }
  explicit operator bool() const noexcept { return has_value(); }

  /// REQUIRES: !has_value().
  const Error& error() const& { return *error_; }
  Error&& error() && { return *std::move(error_); }

 private:
  std::optional<Error> error_;
};

/// The result of a call that returns nothing but success or an Error.
using Status = Result<void>;

}  // namespace vssmeta
