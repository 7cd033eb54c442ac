// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// `OptionalString`: an optional string in the space of one pointer, for the
/// attributes that most elements of a large document omit or repeat
/// (a component's logicalPath, caption and icon, a file set's
/// alternatePath).
///
/// It reads like `std::optional<std::string>` (`has_value()`, `*`, `->`,
/// `value_or()`, comparison with strings and `std::nullopt`) but its value
/// is immutable and shared: a copy points at the same text (a reference
/// count, safe to copy from several threads), so a loader that meets the
/// same value on thousands of siblings stores it once. An absent value costs
/// 8 bytes instead of the 40 of `std::optional<std::string>`; assigning
/// replaces the whole value.

#include <atomic>
#include <concepts>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace vssmeta {

class OptionalString {
 public:
  using value_type = std::string;

  constexpr OptionalString() noexcept = default;
  constexpr OptionalString(std::nullopt_t) noexcept {}  // NOLINT: as optional
  /// From anything a std::string is made of; implicit where the conversion
  /// to std::string is, as for std::optional<std::string>.
  template <typename T>
  requires(
      std::is_constructible_v<std::string, T&&> &&
      !std::is_same_v<std::remove_cvref_t<T>, OptionalString> &&
      !std::is_same_v<std::remove_cvref_t<T>, std::nullopt_t> &&
      !std::is_same_v<
          std::remove_cvref_t<T>,
          std::optional<
              std::string>>) explicit(!std::is_convertible_v<T&&, std::string>)
      OptionalString(T&& value)  // NOLINT: implicit, as optional's
      : block_(new Block{std::string(std::forward<T>(value))}) {}
  OptionalString(const std::optional<std::string>& value)  // NOLINT
      : block_(value ? new Block{*value} : nullptr) {}
  OptionalString(std::optional<std::string>&& value)  // NOLINT
      : block_(value ? new Block{std::move(*value)} : nullptr) {}

  OptionalString(const OptionalString& other) noexcept : block_(other.block_) {
    if (block_ != nullptr) block_->refs.fetch_add(1, std::memory_order_relaxed);
  }
  OptionalString(OptionalString&& other) noexcept
      : block_(std::exchange(other.block_, nullptr)) {}
  OptionalString& operator=(OptionalString other) noexcept {
    std::swap(block_, other.block_);
    return *this;
  }
  ~OptionalString() { release(); }

  bool has_value() const noexcept { return block_ != nullptr; }
  explicit operator bool() const noexcept { return block_ != nullptr; }
  /// The value; the string must be present (as for std::optional).
  const std::string& operator*() const noexcept { return block_->text; }
  const std::string* operator->() const noexcept { return &block_->text; }
  /// The value; throws std::bad_optional_access when absent.
  const std::string& value() const {
    if (block_ == nullptr) throw std::bad_optional_access();
    return block_->text;
  }
  template <typename U>
  std::string value_or(U&& fallback) const {
    return block_ != nullptr ? block_->text
                             : std::string(std::forward<U>(fallback));
  }
  void reset() noexcept {
    release();
    block_ = nullptr;
  }
  template <typename... Args>
  const std::string& emplace(Args&&... args) {
    *this = OptionalString(std::string(std::forward<Args>(args)...));
    return block_->text;
  }
  /// A copy as std::optional<std::string>.
  operator std::optional<std::string>() const {  // NOLINT: as before
    if (block_ == nullptr) return std::nullopt;
    return block_->text;
  }
  /// Whether two values share one text (a copy, or interned by a loader).
  bool shares_with(const OptionalString& other) const noexcept {
    return block_ == other.block_;
  }

  friend bool operator==(const OptionalString& a,
                         const OptionalString& b) noexcept {
    if (a.block_ == b.block_) return true;
    if (a.block_ == nullptr || b.block_ == nullptr) return false;
    return a.block_->text == b.block_->text;
  }
  friend bool operator==(const OptionalString& a, std::nullopt_t) noexcept {
    return a.block_ == nullptr;
  }
  friend bool operator==(const OptionalString& a,
                         const std::optional<std::string>& b) noexcept {
    if (a.block_ == nullptr || !b) return a.block_ == nullptr && !b;
    return a.block_->text == *b;
  }
  template <typename S>
  requires(std::is_convertible_v<const S&, std::string_view> &&
           !std::is_same_v<S, OptionalString>) friend bool
  operator==(const OptionalString& a, const S& b) noexcept {
    return a.block_ != nullptr && std::string_view(a.block_->text) == b;
  }

 private:
  struct Block {
    explicit Block(std::string value) : text(std::move(value)) {}
    std::atomic<std::size_t> refs{1};
    std::string text;
  };
  void release() noexcept {
    if (block_ != nullptr &&
        block_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
      delete block_;
    }
  }

  Block* block_ = nullptr;
};

}  // namespace vssmeta
