// SPDX-License-Identifier: MIT
#pragma once
// The text findings share: the label of a writer or a component is the
// same in all of its findings, and most hints are constant text, so a
// finding holds a pointer to it, not a copy of the characters.

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "vssmeta/validate.h"

namespace vssmeta::internal {

/// An immutable string that copies share. Read it as a std::string_view
/// (view(), or the implicit conversion); a moved-from SharedString is empty.
class SharedString {
 public:
  SharedString() = default;
  /// Owns `text`; copies share it.
  SharedString(std::string text)  // NOLINT: implicit, as std::string's
      : SharedString(std::make_shared<const std::string>(std::move(text))) {}
  SharedString(const char* text) : SharedString(std::string(text)) {}
  /// Shares `text` (null: empty).
  explicit SharedString(std::shared_ptr<const std::string> text)
      : owner_(std::move(text)) {
    if (owner_) view_ = *owner_;
  }
  /// Refers to `text` without copying it: only for text of static storage
  /// duration (string literals), which outlives every copy.
  static SharedString literal(std::string_view text) {
    SharedString s;
    s.view_ = text;
    return s;
  }

  SharedString(const SharedString&) = default;
  SharedString& operator=(const SharedString&) = default;
  SharedString(SharedString&& other) noexcept
      : owner_(std::move(other.owner_)),
        view_(std::exchange(other.view_, {})) {}
  SharedString& operator=(SharedString&& other) noexcept {
    owner_ = std::move(other.owner_);
    view_ = std::exchange(other.view_, {});
    return *this;
  }
  ~SharedString() = default;

  std::string_view view() const { return view_; }
  operator std::string_view() const { return view_; }  // NOLINT
  std::string str() const { return std::string(view_); }
  bool empty() const { return view_.empty(); }

  friend bool operator==(const SharedString& a, const SharedString& b) {
    return a.view_ == b.view_;
  }
  friend bool operator==(const SharedString& a, std::string_view b) {
    return a.view_ == b;
  }
  friend bool operator==(const SharedString& a, const std::string& b) {
    return a.view_ == b;
  }
  friend bool operator==(const SharedString& a, const char* b) {
    return a.view_ == b;
  }

 private:
  friend struct FindingLabels;
  std::shared_ptr<const std::string> owner_;  // null for literals
  std::string_view view_;
};

/// Gives a finding its labels and hint, sharing their text.
struct FindingLabels {
  static void set(Finding& finding, SharedString writer, SharedString component,
                  SharedString hint) {
    give(finding.writer_, std::move(writer));
    give(finding.component_, std::move(component));
    give(finding.hint_, std::move(hint));
  }

 private:
  static void give(Finding::Text& to, SharedString from) {
    to.owner = std::move(from.owner_);
    to.view = std::exchange(from.view_, {});
  }
};

}  // namespace vssmeta::internal
