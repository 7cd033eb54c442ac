// SPDX-License-Identifier: MIT
#include "load/xml_reader.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

#include "load/decode.h"
#include "text/ascii.h"

namespace vssmeta::internal {
namespace {

enum : unsigned char { kNameStart = 1, kNameChar = 2, kBlank = 4 };

constexpr std::array<unsigned char, 256> make_classes() {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    unsigned char v = 0;
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    // Bytes >= 0x80 are parts of non-ASCII characters; XML allows most of
    // them in names and the input is already valid UTF-8.
    if (alpha || c == '_' || c == ':' || c >= 0x80) v |= kNameStart | kNameChar;
    if ((c >= '0' && c <= '9') || c == '-' || c == '.') v |= kNameChar;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') v |= kBlank;
    t[static_cast<std::size_t>(c)] = v;
  }
  return t;
}
constexpr std::array<unsigned char, 256> kClasses = make_classes();

unsigned char class_of(char c) {
  return kClasses[static_cast<unsigned char>(c)];
}

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (class_of(c) & kBlank) != 0; });
}

constexpr std::size_t kSmallAttributeCount = 16;

bool has_byte(std::uint64_t w, std::uint64_t repeated) {
  constexpr std::uint64_t kLow = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  const std::uint64_t x = w ^ repeated;
  return ((x - kLow) & ~x & kHigh) != 0;
}

// Looks for '<' (returned: not allowed in a value) and '&' (sets
// `has_reference`) in [p, end), eight bytes at a time: values are short and
// there are millions of them, so this beats two memchr calls.
const char* scan_value(const char* p, const char* end, bool& has_reference) {
  constexpr std::uint64_t kLt = 0x3C3C3C3C3C3C3C3CULL;
  constexpr std::uint64_t kAmp = 0x2626262626262626ULL;
  for (; end - p >= 8; p += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, 8);
    if (has_byte(w, kLt) || has_byte(w, kAmp)) break;
  }
  for (; p < end; ++p) {
    if (*p == '<') return p;
    has_reference |= *p == '&';
  }
  return nullptr;
}

}  // namespace

XmlReader::XmlReader(std::string_view text, std::size_t max_depth)
    : text_in_(text), max_depth_(max_depth) {}

std::string_view XmlReader::local_name() const {
  std::size_t colon = name_.find(':');
  return colon == std::string_view::npos ? name_ : name_.substr(colon + 1);
}

bool XmlReader::fail(std::size_t offset, std::string message,
                     bool unsupported) {
  error_ = XmlError{std::move(message), offset, unsupported};
  return false;
}

void XmlReader::skip_blanks() {
  while (!at_end() && (class_of(text_in_[pos_]) & kBlank) != 0) ++pos_;
}

bool XmlReader::parse_name(std::string_view& out) {
  std::size_t start = pos_;
  if (at_end() || (class_of(text_in_[pos_]) & kNameStart) == 0) return false;
  ++pos_;
  while (!at_end() && (class_of(text_in_[pos_]) & kNameChar) != 0) ++pos_;
  out = text_in_.substr(start, pos_ - start);
  return true;
}

bool XmlReader::next() {
  if (pending_end_) {
    pending_end_ = false;
    event_ = XmlEvent::kEnd;
    stack_.pop_back();
    stack_offsets_.pop_back();
    if (stack_.empty()) root_closed_ = true;
    return true;
  }
  for (;;) {
    if (at_end()) {
      if (!stack_.empty()) {
        return fail(pos_, fmt::format("unexpected end of file: <{}> is not "
                                      "closed",
                                      stack_.back()));
      }
      if (!seen_root_) return fail(pos_, "no root element");
      event_ = XmlEvent::kEof;
      return true;
    }
    if (text_in_[pos_] != '<') {
      if (!parse_text()) return false;
      if (event_ == XmlEvent::kText) return true;
      continue;
    }
    std::string_view rest = text_in_.substr(pos_);
    if (rest.size() >= 2 && rest[1] == '/') return parse_end_tag();
    if (rest.size() >= 2 && rest[1] == '?') {
      if (!parse_processing_instruction()) return false;
      continue;
    }
    if (rest.size() >= 2 && rest[1] == '!') {
      if (!parse_markup_declaration()) return false;
      if (event_ == XmlEvent::kText) return true;
      continue;
    }
    return parse_start_tag();
  }
}

bool XmlReader::parse_text() {
  std::size_t start = pos_;
  const void* lt =
      std::memchr(text_in_.data() + pos_, '<', text_in_.size() - pos_);
  std::size_t end = lt == nullptr
                        ? text_in_.size()
                        : static_cast<std::size_t>(
                              static_cast<const char*>(lt) - text_in_.data());
  pos_ = end;
  std::string_view raw = text_in_.substr(start, end - start);
  event_ = XmlEvent::kEof;  // "nothing to report" unless set below
  if (is_blank(raw)) return true;
  if (stack_.empty()) {
    std::size_t first = start;
    while ((class_of(text_in_[first]) & kBlank) != 0) ++first;
    return fail(first, seen_root_ ? "text after the end of the root element"
                                  : "text before the root element");
  }
  if (raw.find('&') == std::string_view::npos) {
    text_ = raw;
  } else {
    if (!decode_references(raw, start, text_buffer_)) return false;
    text_ = text_buffer_;
  }
  offset_ = start;
  event_ = XmlEvent::kText;
  return true;
}

bool XmlReader::parse_markup_declaration() {
  std::string_view rest = text_in_.substr(pos_);
  event_ = XmlEvent::kEof;
  if (rest.substr(0, 4) == "<!--") {
    std::size_t close = rest.find("-->", 4);
    if (close == std::string_view::npos) {
      return fail(pos_, "unterminated comment");
    }
    pos_ += close + 3;
    return true;
  }
  if (rest.substr(0, 9) == "<![CDATA[") {
    if (stack_.empty()) return fail(pos_, "CDATA section outside the root");
    std::size_t close = rest.find("]]>", 9);
    if (close == std::string_view::npos) {
      return fail(pos_, "unterminated CDATA section");
    }
    offset_ = pos_;
    text_ = rest.substr(9, close - 9);
    pos_ += close + 3;
    if (!text_.empty()) event_ = XmlEvent::kText;
    return true;
  }
  if (rest.substr(0, 9) == "<!DOCTYPE") {
    return fail(pos_,
                "DOCTYPE declarations are refused: VSS documents never have "
                "one, and entities are never expanded",
                true);
  }
  return fail(pos_, "unexpected '<!'");
}

bool XmlReader::parse_processing_instruction() {
  std::size_t start = pos_;
  pos_ += 2;
  std::string_view target;
  if (!parse_name(target)) {
    return fail(start, "expected a processing instruction name after '<?'");
  }
  std::size_t close = text_in_.find("?>", pos_);
  if (close == std::string_view::npos) {
    return fail(start, "unterminated processing instruction");
  }
  if (iequals(target, "xml")) {
    bool only_blanks_before = is_blank(text_in_.substr(0, start));
    if (!only_blanks_before || saw_declaration_) {
      return fail(start, "XML declaration is only allowed at the start");
    }
    saw_declaration_ = true;
  }
  pos_ = close + 2;
  return true;
}

bool XmlReader::parse_end_tag() {
  std::size_t start = pos_;
  pos_ += 2;
  std::string_view n;
  if (!parse_name(n)) return fail(start, "expected an element name after '</'");
  skip_blanks();
  if (at_end() || text_in_[pos_] != '>') {
    return fail(pos_, fmt::format("expected '>' to end </{}>", n));
  }
  ++pos_;
  if (stack_.empty()) return fail(start, fmt::format("unexpected </{}>", n));
  if (n != stack_.back()) {
    return fail(start,
                fmt::format("</{}> does not match <{}>", n, stack_.back()));
  }
  stack_.pop_back();
  stack_offsets_.pop_back();
  if (stack_.empty()) root_closed_ = true;
  name_ = n;
  offset_ = start;
  event_ = XmlEvent::kEnd;
  return true;
}

bool XmlReader::parse_start_tag() {
  const std::size_t start = pos_;
  ++pos_;
  if (root_closed_) {
    return fail(start, "a second root element after the end of the first");
  }
  if (stack_.size() >= max_depth_) {
    return fail(
        start,
        fmt::format("elements are nested deeper than {} levels", max_depth_),
        true);
  }
  if (!parse_name(name_)) {
    return fail(start, "expected an element name after '<'");
  }
  attrs_.clear();
  std::size_t decoded = 0;
  std::vector<std::pair<std::size_t, std::size_t>> pending;  // attr, scratch
  bool self_closing = false;
  for (;;) {
    std::size_t before = pos_;
    skip_blanks();
    bool had_blank = pos_ != before;
    if (at_end()) {
      return fail(start, fmt::format("unexpected end of file in the start "
                                     "tag of <{}>",
                                     name_));
    }
    char c = text_in_[pos_];
    if (c == '>') {
      ++pos_;
      break;
    }
    if (c == '/') {
      if (pos_ + 1 >= text_in_.size() || text_in_[pos_ + 1] != '>') {
        return fail(pos_, "expected '>' after '/'");
      }
      pos_ += 2;
      self_closing = true;
      break;
    }
    if (!had_blank) {
      return fail(pos_,
                  fmt::format("expected a blank, '>' or '/>' in <{}>", name_));
    }
    const std::size_t attr_offset = pos_;
    std::string_view attr_name;
    if (!parse_name(attr_name)) {
      return fail(pos_,
                  fmt::format("expected an attribute name in <{}>", name_));
    }
    skip_blanks();
    if (at_end() || text_in_[pos_] != '=') {
      return fail(pos_,
                  fmt::format("expected '=' after attribute '{}'", attr_name));
    }
    ++pos_;
    skip_blanks();
    if (at_end() || (text_in_[pos_] != '"' && text_in_[pos_] != '\'')) {
      return fail(pos_, fmt::format("expected a quoted value for attribute "
                                    "'{}'",
                                    attr_name));
    }
    const char quote = text_in_[pos_++];
    const std::size_t value_start = pos_;
    // memchr finds the closing quote, then checks the value for '<' and
    // '&': measured faster than one byte loop on this hot path.
    const char* begin = text_in_.data() + pos_;
    const auto* close = static_cast<const char*>(
        std::memchr(begin, quote, text_in_.size() - pos_));
    if (close == nullptr) {
      return fail(
          attr_offset,
          fmt::format("unterminated value of attribute '{}'", attr_name));
    }
    bool has_reference = false;
    if (const char* lt = scan_value(begin, close, has_reference)) {
      return fail(static_cast<std::size_t>(lt - text_in_.data()),
                  fmt::format("'<' in the value of attribute '{}'", attr_name));
    }
    pos_ = static_cast<std::size_t>(close - text_in_.data()) + 1;
    std::string_view raw = text_in_.substr(value_start, pos_ - 1 - value_start);
    if (has_reference) {
      if (scratch_.size() <= decoded) scratch_.resize(decoded + 1);
      if (!decode_references(raw, value_start, scratch_[decoded])) {
        return false;
      }
      pending.emplace_back(attrs_.size(), decoded++);
    }
    attrs_.push_back(XmlAttr{attr_name, raw, attr_offset});
  }
  // Views into scratch_ are taken only now: resizing it above would have
  // moved short strings and invalidated earlier views.
  for (auto [a, s] : pending) attrs_[a].value = scratch_[s];

  // Duplicate attributes: pairwise for the usual handful, sorted otherwise so
  // a hostile tag with thousands of attributes stays O(n log n).
  if (attrs_.size() <= kSmallAttributeCount) {
    for (std::size_t i = 1; i < attrs_.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (attrs_[i].name == attrs_[j].name) {
          return fail(attrs_[i].offset,
                      fmt::format("attribute '{}' appears twice in <{}>",
                                  attrs_[i].name, name_));
        }
      }
    }
  } else {
    std::vector<const XmlAttr*> sorted;
    sorted.reserve(attrs_.size());
    for (const auto& a : attrs_) sorted.push_back(&a);
    std::sort(
        sorted.begin(), sorted.end(), [](const XmlAttr* x, const XmlAttr* y) {
          return x->name != y->name ? x->name < y->name : x->offset < y->offset;
        });
    for (std::size_t i = 1; i < sorted.size(); ++i) {
      if (sorted[i]->name == sorted[i - 1]->name) {
        return fail(sorted[i]->offset,
                    fmt::format("attribute '{}' appears twice in <{}>",
                                sorted[i]->name, name_));
      }
    }
  }
  stack_.push_back(name_);
  stack_offsets_.push_back(start);
  seen_root_ = true;
  offset_ = start;
  event_ = XmlEvent::kStart;
  pending_end_ = self_closing;
  return true;
}

bool XmlReader::decode_references(std::string_view raw, std::size_t raw_offset,
                                  std::string& out) {
  out.clear();
  std::size_t i = 0;
  while (i < raw.size()) {
    std::size_t amp = raw.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(raw.substr(i));
      break;
    }
    out.append(raw.substr(i, amp - i));
    std::size_t semi = raw.find(';', amp);
    const std::size_t at = raw_offset + amp;
    if (semi == std::string_view::npos || semi - amp > 40) {
      return fail(at, "'&' that does not start a reference (write &amp;)");
    }
    std::string_view ref = raw.substr(amp + 1, semi - amp - 1);
    if (ref == "lt") {
      out.push_back('<');
    } else if (ref == "gt") {
      out.push_back('>');
    } else if (ref == "amp") {
      out.push_back('&');
    } else if (ref == "quot") {
      out.push_back('"');
    } else if (ref == "apos") {
      out.push_back('\'');
    } else if (!ref.empty() && ref[0] == '#') {
      bool hex = ref.size() > 1 && ref[1] == 'x';
      std::string_view digits = ref.substr(hex ? 2 : 1);
      char32_t cp = 0;
      bool ok = !digits.empty() && digits.size() <= 8;
      for (char d : digits) {
        unsigned v = 0;
        if (d >= '0' && d <= '9') {
          v = static_cast<unsigned>(d - '0');
        } else if (hex && d >= 'a' && d <= 'f') {
          v = static_cast<unsigned>(d - 'a' + 10);
        } else if (hex && d >= 'A' && d <= 'F') {
          v = static_cast<unsigned>(d - 'A' + 10);
        } else {
          ok = false;
          break;
        }
        cp = cp * (hex ? 16U : 10U) + v;
      }
      if (!ok || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return fail(at, fmt::format("'&{};' is not a valid character "
                                    "reference",
                                    ref));
      }
      append_utf8(out, cp);
    } else {
      return fail(at, fmt::format("unknown entity '&{};': only &lt; &gt; "
                                  "&amp; &quot; &apos; and character "
                                  "references are allowed (entities are "
                                  "never expanded)",
                                  ref));
    }
    i = semi + 1;
  }
  return true;
}

}  // namespace vssmeta::internal
