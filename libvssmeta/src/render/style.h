// SPDX-License-Identifier: MIT
#pragma once
// Terminal styling for the text renderers (dump, diff, findings): one place
// that turns "this is a heading / an error / an addition" into ANSI escape
// sequences, through fmt/color.h. Styles are named by meaning, so the three
// reports paint the same thing the same way.

#include <string>
#include <string_view>

#include <fmt/color.h>
#include <fmt/format.h>

namespace vssmeta::internal {

/// What a piece of text is, as far as its colour goes.
enum class Style {
  kHeading,  // bold: writer and component headers
  kMuted,    // faint: undeclared path elements, absent documents
  kProblem,  // red: duplicates, removals
  kCaution,  // yellow: not selectable, modifications
  kUnknown,  // magenta: content the model does not know
  kAdded,    // green: additions
  kMoved,    // cyan: moves
  kError,    // bold red: error severity, breaking changes
  kWarning,  // bold yellow: warning severity
  kInfo,     // bold cyan: info severity
};

/// The fmt style of `style`.
inline fmt::text_style text_style(Style style) {
  using fmt::emphasis;
  using fmt::fg;
  using fmt::terminal_color;
  switch (style) {
    case Style::kHeading:
      return fmt::text_style(emphasis::bold);
    case Style::kMuted:
      return fmt::text_style(emphasis::faint);
    case Style::kProblem:
      return fg(terminal_color::red);
    case Style::kCaution:
      return fg(terminal_color::yellow);
    case Style::kUnknown:
      return fg(terminal_color::magenta);
    case Style::kAdded:
      return fg(terminal_color::green);
    case Style::kMoved:
      return fg(terminal_color::cyan);
    case Style::kError:
      return emphasis::bold | fg(terminal_color::red);
    case Style::kWarning:
      return emphasis::bold | fg(terminal_color::yellow);
    case Style::kInfo:
      return emphasis::bold | fg(terminal_color::cyan);
  }
  return {};
}

/// Paints text when colour is on; otherwise, and for empty text, returns it
/// unchanged. The escape sequences wrap the text only, so callers align
/// columns on the plain text.
class Painter {
 public:
  explicit Painter(bool color) : color_(color) {}

  bool color() const { return color_; }

  std::string operator()(Style style, std::string_view text) const {
    if (!color_ || text.empty()) return std::string(text);
    return fmt::format("{}", fmt::styled(text, text_style(style)));
  }

 private:
  bool color_;
};

}  // namespace vssmeta::internal
