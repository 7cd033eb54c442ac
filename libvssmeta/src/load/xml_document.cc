// SPDX-License-Identifier: MIT
#include "load/xml_document.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <functional>
#include <string>
#include <unordered_set>

#include <fmt/format.h>

#include "load/large_pages.h"
#include "text/ascii.h"

namespace vssmeta::internal {
namespace {

// No parse_escapes (references are decoded here, with exact offsets and
// errors for unknown entities), no parse_eol / parse_wconv_attribute /
// parse_wnorm_attribute (values stay byte-faithful), no parse_ws_pcdata
// (blank text is dropped). Comments and processing instructions become
// nodes only so that errors inside them can be located; parse_fragment keeps
// text outside the root as nodes, so it can be refused.
constexpr unsigned kParseFlags = pugi::parse_cdata | pugi::parse_declaration |
                                 pugi::parse_doctype | pugi::parse_comments |
                                 pugi::parse_pi | pugi::parse_fragment;

constexpr std::string_view kDoctypeRefused =
    "DOCTYPE declarations are refused: VSS documents never have one, and "
    "entities are never expanded";

constexpr std::size_t kSmallAttributeCount = 16;

constexpr std::size_t kWord = sizeof(std::uint64_t);

// The length of the NUL-terminated `value` up to its first NUL, '<' or '&',
// read a word at a time: REQUIRES that the kWord - 1 bytes after the NUL
// can be read (the padding after the parsed text).
std::size_t plain_prefix(const char* value) {
  if constexpr (std::endian::native != std::endian::little) {
    const char* p = value;  // the word's bytes are not in memory order
    while (*p != '\0' && *p != '<' && *p != '&') ++p;
    return static_cast<std::size_t>(p - value);
  }
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
  auto zero_byte = [](std::uint64_t x) { return (x - kOnes) & ~x & kHighs; };
  for (std::size_t at = 0;; at += kWord) {
    std::uint64_t w = 0;
    std::memcpy(&w, value + at, kWord);
    const std::uint64_t hits = zero_byte(w) | zero_byte(w ^ (kOnes * '<')) |
                               zero_byte(w ^ (kOnes * '&'));
    if (hits != 0) {
      // The lowest flagged byte is a real match (false positives only
      // ever lie above a real one).
      return at + static_cast<std::size_t>(std::countr_zero(hits)) / 8;
    }
  }
}

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
// The name characters pugixml accepts (bytes >= 0x80 are parts of non-ASCII
// characters, allowed).
bool is_name_start(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         c == ':' || u >= 0x80;
}
bool is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

std::string_view name_at(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end < text.size() && is_name_char(text[end])) ++end;
  return text.substr(at, end - at);
}

// The last node in document order of a (possibly partial) tree: the one
// pugixml was parsing when it stopped.
pugi::xml_node last_node(const pugi::xml_document& doc) {
  pugi::xml_node n = doc;
  while (n.last_child()) n = n.last_child();
  return n;
}

pugi::xml_node enclosing_element(pugi::xml_node n) {
  while (n && n.type() != pugi::node_element) n = n.parent();
  return n;
}

XmlError error_at(std::size_t offset, std::string message,
                  bool unsupported = false) {
  return XmlError{std::move(message), offset, unsupported};
}

// Appends the UTF-8 encoding of `cp` at `out`; returns the end.
char* put_utf8(char* out, char32_t cp) {
  if (cp < 0x80) {
    *out++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out++ = static_cast<char>(0xC0 | (cp >> 6));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (cp >> 12));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (cp >> 18));
    *out++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

// The character a reference names, or nothing (0).
char32_t reference_value(std::string_view ref) {
  if (ref == "lt") return '<';
  if (ref == "gt") return '>';
  if (ref == "amp") return '&';
  if (ref == "quot") return '"';
  if (ref == "apos") return '\'';
  return 0;
}

// A character reference's code point, or 0 when invalid.
char32_t character_reference(std::string_view ref) {
  const bool hex = ref.size() > 1 && ref[1] == 'x';
  std::string_view digits = ref.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return 0;
  char32_t cp = 0;
  for (char d : digits) {
    unsigned v = 0;
    if (d >= '0' && d <= '9') {
      v = static_cast<unsigned>(d - '0');
    } else if (hex && d >= 'a' && d <= 'f') {
      v = static_cast<unsigned>(d - 'a' + 10);
    } else if (hex && d >= 'A' && d <= 'F') {
      v = static_cast<unsigned>(d - 'A' + 10);
    } else {
      return 0;
    }
    cp = cp * (hex ? 16U : 10U) + v;
  }
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return cp;
}

}  // namespace

std::string_view local_name(std::string_view qualified) {
  std::size_t colon = qualified.find(':');
  return colon == std::string_view::npos ? qualified
                                         : qualified.substr(colon + 1);
}

pugi::xml_node next_element(pugi::xml_node element, pugi::xml_node root) {
  auto first_element = [](pugi::xml_node n) {
    while (n && n.type() != pugi::node_element) n = n.next_sibling();
    return n;
  };
  pugi::xml_node next = first_element(element.first_child());
  while (!next && element && element != root) {
    next = first_element(element.next_sibling());
    if (!next) element = element.parent();
  }
  return next;
}

XmlDocument::XmlDocument(std::string_view text, std::size_t max_depth,
                         XmlCheck mode)
    : size_(text.size()), max_depth_(max_depth) {
  buffer_.reserve(text.size() + kXmlPadding);
  advise_large_pages(buffer_.data(), buffer_.capacity());
  buffer_.assign(text);
  parse(mode, text);
}

XmlDocument::XmlDocument(std::string&& text, std::size_t max_depth,
                         XmlCheck mode, InPlace)
    : buffer_(std::move(text)), size_(buffer_.size()), max_depth_(max_depth) {
  text.clear();
  parse(mode, std::nullopt);
}

void XmlDocument::parse(XmlCheck mode, std::optional<std::string_view> text) {
  // Two NULs after the text: pugixml stops at the first, and the second
  // keeps it from moving error offsets back. More NULs after those, which
  // pugixml never sees, let read_attributes() scan a value a word at a time
  // up to its terminating NUL, wherever that lies.
  static_assert(kXmlPadding == 2 + kWord);
  buffer_.append(kXmlPadding, '\0');
  const pugi::xml_parse_result parsed = dom_.load_buffer_inplace(
      buffer_.data(), size_ + 2, kParseFlags, pugi::encoding_utf8);
  if (!parsed) {
    // Our checks run over what pugixml built: the first error in document
    // order wins, as a streaming reader would see it.
    error_ = check(true);
    if (!error_ || error_->offset >= static_cast<std::size_t>(parsed.offset)) {
      // Its message needs the text as it was, which an in-place parse has
      // overwritten: only the offset is kept then (see InPlace).
      error_ = text ? parse_error(parsed, *text)
                    : error_at(static_cast<std::size_t>(parsed.offset),
                               "malformed XML");
    }
  } else {
    error_ = check(mode == XmlCheck::kChecked);
  }
  if (!error_ && !root_) {
    error_ = error_at(size_, "no root element");
  }
  if (error_) release();
}

void XmlDocument::release() {
  dom_.reset();
  root_ = pugi::xml_node();
  std::string().swap(buffer_);
  size_ = 0;
  discarded_ = 0;
}

void XmlDocument::discard(std::size_t from, std::size_t to) {
  to = std::min(to, size_);
  if (!would_discard(from, to)) return;
  from = std::max(from, discarded_);
  const std::size_t released = release_pages(buffer_.data() + from, to - from);
  if (released != 0) {
    discarded_ = from + released;
  } else if (to - from >= 2 * kReleaseBytes) {
    // A whole block lay inside, yet nothing went back (not Linux, or the
    // kernel refused): stop asking after every element.
    discarded_ = size_;
  }
}

std::size_t XmlDocument::offset(pugi::xml_node node) const {
  const char* base = buffer_.data();
  switch (node.type()) {
    case pugi::node_element:
      return static_cast<std::size_t>(node.name() - base) - 1;
    case pugi::node_pcdata:
      return static_cast<std::size_t>(node.value() - base);
    case pugi::node_cdata:
      return static_cast<std::size_t>(node.value() - base) - 9;
    case pugi::node_comment:
      return static_cast<std::size_t>(node.value() - base) - 4;
    case pugi::node_pi:
    case pugi::node_declaration:
      return static_cast<std::size_t>(node.name() - base) - 2;
    case pugi::node_doctype: {
      // The value starts after "<!DOCTYPE" and the blanks that follow.
      std::size_t at = static_cast<std::size_t>(node.value() - base);
      while (at > 0 && is_blank(buffer_[at - 1])) --at;
      return at >= 9 ? at - 9 : 0;
    }
    default:
      return 0;
  }
}

// `deep`: every node; otherwise only the nodes outside the root element
// (kDeferred: the caller checks the elements as it reads them), with an
// error after the root's end kept for trailing_error().
std::optional<XmlError> XmlDocument::check(bool deep) {
  if (deep) return check_tree(dom_.first_child(), 1, false, true);
  for (pugi::xml_node n = dom_.first_child(); n; n = n.next_sibling()) {
    const bool after_root = static_cast<bool>(root_);
    std::optional<XmlError> e;
    if (n.type() == pugi::node_element) {
      if (after_root) {
        e = error_at(offset(n),
                     "a second root element after the end of the first");
      } else {
        if (max_depth_ < 1) {
          return error_at(offset(n),
                          fmt::format("elements are nested deeper than {} "
                                      "levels",
                                      max_depth_),
                          true);
        }
        root_ = n;
        continue;
      }
    } else {
      e = check_tree(n, 1, true, false);
    }
    if (!e) continue;
    if (!after_root) return e;
    trailing_error_ = std::move(e);
    break;
  }
  return std::nullopt;
}

// Iterative pre-order walk from `first` at nesting `depth`: nesting is
// bounded here, before any recursion. `subtree`: only `first` and what it
// holds, else also what follows it. `mutate`: references are decoded in
// place (kChecked), else only checked.
std::optional<XmlError> XmlDocument::check_tree(pugi::xml_node first,
                                                std::size_t depth, bool subtree,
                                                bool mutate) {
  pugi::xml_node n = first;
  while (n) {
    const pugi::xml_node_type type = n.type();
    if (type == pugi::node_element) {
      if (depth > max_depth_) {
        return error_at(offset(n),
                        fmt::format("elements are nested deeper than {} levels",
                                    max_depth_),
                        true);
      }
      if (depth == 1) {
        if (root_ && n != root_) {
          return error_at(offset(n),
                          "a second root element after the end of the first");
        }
        root_ = n;
      }
      if (auto e = check_attributes(n, mutate)) return e;
    } else if (type == pugi::node_doctype) {
      return error_at(offset(n), std::string(kDoctypeRefused), true);
    } else if (type == pugi::node_declaration) {
      // Only blanks before it: so also only one.
      const std::size_t at = offset(n);
      const bool blanks_before = std::all_of(
          buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(at),
          is_blank);
      if (!blanks_before) {
        return error_at(at, "XML declaration is only allowed at the start");
      }
      saw_declaration_ = true;
    } else if (type == pugi::node_cdata && depth == 1) {
      return error_at(offset(n), "CDATA section outside the root");
    } else if (type == pugi::node_pcdata) {
      if (depth == 1) {
        std::size_t at = offset(n);
        while (is_blank(buffer_[at])) ++at;
        return error_at(at, root_ ? "text after the end of the root element"
                                  : "text before the root element");
      }
      if (auto e = mutate ? decode_in_place(n.value(), false, {})
                          : decode(n.value(), false, {}, nullptr)) {
        return e;
      }
    }
    if (type == pugi::node_element && n.first_child()) {
      n = n.first_child();
      ++depth;
      continue;
    }
    for (;;) {
      if (subtree && n == first) return std::nullopt;
      if (pugi::xml_node next = n.next_sibling()) {
        n = next;
        break;
      }
      n = n.parent();
      --depth;
      if (!n || depth == 0) return std::nullopt;
    }
  }
  return std::nullopt;
}

std::optional<XmlError> XmlDocument::check_subtree(pugi::xml_node node,
                                                   std::size_t depth) {
  return check_tree(node, depth, true, false);
}

std::optional<XmlError> XmlDocument::check_remaining() {
  return check_tree(dom_.first_child(), 1, false, false);
}

std::optional<XmlError> XmlDocument::depth_error(pugi::xml_node element) const {
  return error_at(
      offset(element),
      fmt::format("elements are nested deeper than {} levels", max_depth_),
      true);
}

std::optional<XmlError> XmlDocument::check_attributes(pugi::xml_node element,
                                                      bool mutate) {
  std::size_t count = 0;
  for (pugi::xml_attribute a = element.first_attribute(); a;
       a = a.next_attribute()) {
    ++count;
    if (auto e = mutate ? decode_in_place(a.value(), true, a.name())
                        : decode(a.value(), true, a.name(), nullptr)) {
      return e;
    }
  }
  auto duplicate = [&](pugi::xml_attribute a) {
    return error_at(
        offset(a), fmt::format("attribute '{}' appears twice in <{}>", a.name(),
                               element.name()));
  };
  if (count <= kSmallAttributeCount) {
    for (pugi::xml_attribute a = element.first_attribute(); a;
         a = a.next_attribute()) {
      for (pugi::xml_attribute b = element.first_attribute(); b != a;
           b = b.next_attribute()) {
        if (std::strcmp(a.name(), b.name()) == 0) return duplicate(a);
      }
    }
    return std::nullopt;
  }
  // Many attributes (hostile input): a hash set keeps this linear.
  std::unordered_set<std::string_view> seen;
  seen.reserve(count);
  for (pugi::xml_attribute a = element.first_attribute(); a;
       a = a.next_attribute()) {
    if (!seen.insert(a.name()).second) return duplicate(a);
  }
  return std::nullopt;
}

std::optional<XmlError> XmlDocument::read_attributes(
    pugi::xml_node element, std::vector<XmlAttr>& out,
    std::string& scratch) const {
  out.clear();
  // Values with a reference or a '<' (rare) are decoded into `scratch`,
  // reserved first so that the views into it stay valid.
  std::size_t special = 0;
  // Names of different lengths differ: the names are compared only when
  // two have one length (a bit per length, the last for 63 and longer).
  std::uint64_t lengths = 0;
  bool same_length = false;
  for (pugi::xml_attribute a = element.first_attribute(); a;
       a = a.next_attribute()) {
    const char* const v = a.value();
    const char* p = v;
    if (in_buffer(v)) {
      p += plain_prefix(v);
    } else {  // not parsed from the text (pugixml's empty value)
      while (*p != '\0' && *p != '<' && *p != '&') ++p;
    }
    const auto plain = static_cast<std::size_t>(p - v);
    if (*p != '\0') special += plain + std::strlen(p);
    const std::string_view name = a.name();
    const std::uint64_t bit = std::uint64_t{1}
                              << std::min<std::size_t>(name.size(), 63);
    same_length |= (lengths & bit) != 0;
    lengths |= bit;
    out.push_back(
        XmlAttr{name, std::string_view(v, plain),
                static_cast<std::size_t>(name.data() - buffer_.data())});
  }
  if (special > 0) {
    scratch.clear();
    scratch.reserve(special);
    std::size_t i = 0;
    for (pugi::xml_attribute a = element.first_attribute(); a;
         a = a.next_attribute(), ++i) {
      const char* v = a.value();
      if (v[out[i].value.size()] == '\0') continue;
      const std::size_t start = scratch.size();
      if (auto e = decode(v, true, a.name(), &scratch)) return e;
      out[i].value = std::string_view(scratch).substr(start);
    }
  }
  if (!same_length) return std::nullopt;
  const std::size_t n = out.size();
  auto duplicate = [&](const XmlAttr& a) {
    return error_at(a.offset,
                    fmt::format("attribute '{}' appears twice in <{}>", a.name,
                                element.name()));
  };
  if (n <= kSmallAttributeCount) {
    for (std::size_t i = 1; i < n; ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (out[i].name == out[j].name) return duplicate(out[i]);
      }
    }
    return std::nullopt;
  }
  std::unordered_set<std::string_view> seen;
  seen.reserve(n);
  for (const XmlAttr& a : out) {
    if (!seen.insert(a.name).second) return duplicate(a);
  }
  return std::nullopt;
}

std::optional<XmlError> XmlDocument::read_text(pugi::xml_node text,
                                               std::string& out) const {
  if (text.type() == pugi::node_cdata) {  // verbatim, by definition
    out.append(text.value());
    return std::nullopt;
  }
  return decode(text.value(), false, {}, &out);
}

// Checks the references of a raw value (pugixml leaves them as written)
// and, given `out`, appends the decoded value to it. Attribute values must
// not hold '<'.
std::optional<XmlError> XmlDocument::decode(const char* value, bool attribute,
                                            std::string_view attribute_name,
                                            std::string* out) const {
  if (value == nullptr) return std::nullopt;
  const char* const base = buffer_.data();
  const char* const stop = attribute ? "<&" : "&";
  const char* p = value;
  for (;;) {
    const std::size_t plain = std::strcspn(p, stop);
    if (out != nullptr) out->append(p, plain);
    p += plain;
    if (*p == '\0') return std::nullopt;
    const std::size_t at = static_cast<std::size_t>(p - base);
    if (*p == '<') {
      return error_at(at, fmt::format("'<' in the value of attribute '{}'",
                                      attribute_name));
    }
    const char* semi = p + 1;
    while (*semi != '\0' && *semi != ';' && semi - p <= 40) ++semi;
    if (*semi != ';') {
      return error_at(at, "'&' that does not start a reference (write &amp;)");
    }
    const std::string_view ref(p + 1, static_cast<std::size_t>(semi - p - 1));
    char32_t cp = 0;
    if (!ref.empty() && ref[0] == '#') {
      cp = character_reference(ref);
      if (cp == 0) {
        return error_at(
            at, fmt::format("'&{};' is not a valid character reference", ref));
      }
    } else {
      cp = reference_value(ref);
      if (cp == 0) {
        return error_at(at, fmt::format("unknown entity '&{};': only &lt; &gt; "
                                        "&amp; &quot; &apos; and character "
                                        "references are allowed (entities "
                                        "are never expanded)",
                                        ref));
      }
    }
    if (out != nullptr) {
      char utf8[4];
      out->append(utf8, static_cast<std::size_t>(put_utf8(utf8, cp) - utf8));
    }
    p = semi + 1;
  }
}

// kChecked: decodes a value in its place in the buffer (a reference is
// never shorter than what it stands for).
std::optional<XmlError> XmlDocument::decode_in_place(
    const char* value, bool attribute, std::string_view attribute_name) {
  if (value == nullptr ||
      value[std::strcspn(value, attribute ? "<&" : "&")] == '\0') {
    return std::nullopt;
  }
  std::string decoded;
  if (auto e = decode(value, attribute, attribute_name, &decoded)) return e;
  char* const p = buffer_.data() + (value - buffer_.data());
  std::memcpy(p, decoded.data(), decoded.size());
  p[decoded.size()] = '\0';
  return std::nullopt;
}

// The element open at `tag_start` in `text`, which pugixml does not say:
// pugixml parses the text before it plus an empty probe element, which it
// appends to the open element.
std::string XmlDocument::open_element(std::string_view text,
                                      std::size_t tag_start) const {
  std::string probe(text.substr(0, tag_start));
  probe += "<vssmeta-probe/>";
  pugi::xml_document doc;
  doc.load_buffer_inplace(probe.data(), probe.size(), kParseFlags,
                          pugi::encoding_utf8);
  pugi::xml_node parent = last_node(doc).parent();
  return parent.type() == pugi::node_element ? parent.name() : "";
}

XmlError XmlDocument::parse_error(const pugi::xml_parse_result& result,
                                  std::string_view text) const {
  const std::size_t n = text.size();
  const std::size_t e = std::min(static_cast<std::size_t>(result.offset), n);
  auto at = [&](std::size_t i) { return i < n ? text[i] : '\0'; };
  const pugi::xml_node last = last_node(dom_);
  const pugi::xml_node element = enclosing_element(last);
  const std::string element_name = element ? element.name() : "";
  const bool at_end = e >= n;
  switch (result.status) {
    case pugi::status_end_element_mismatch: {
      if (at_end && !(e >= 2 && at(e - 2) == '<' && at(e - 1) == '/')) {
        return error_at(n, fmt::format("unexpected end of file: <{}> is not "
                                       "closed",
                                       open_element(text, n)));
      }
      const std::size_t tag = e - 2;
      const std::string_view name = name_at(text, e);
      if (name.empty() || !is_name_start(name[0])) {
        return error_at(tag, "expected an element name after '</'");
      }
      const std::string open = open_element(text, tag);
      if (open.empty())
        return error_at(tag, fmt::format("unexpected </{}>", name));
      return error_at(tag,
                      fmt::format("</{}> does not match <{}>", name, open));
    }
    case pugi::status_bad_end_element: {
      std::size_t tag = e;
      while (tag > 0 && is_blank(at(tag - 1))) --tag;
      while (tag > 0 && is_name_char(at(tag - 1))) --tag;
      return error_at(
          e, fmt::format("expected '>' to end </{}>", name_at(text, tag)));
    }
    case pugi::status_bad_start_element:
    case pugi::status_bad_attribute: {
      if (at_end || static_cast<std::size_t>(result.offset) > n) {
        return error_at(element ? offset(element) : e,
                        fmt::format("unexpected end of file in the start tag "
                                    "of <{}>",
                                    element_name));
      }
      const pugi::xml_attribute attr =
          element ? element.last_attribute() : pugi::xml_attribute();
      if (result.status == pugi::status_bad_start_element) {
        if (at(e - 1) == '/') return error_at(e - 1, "expected '>' after '/'");
        const std::size_t name_end =
            offset(element) + 1 + std::strlen(element.name());
        if (!attr && name_end == e - 1 && !is_blank(at(e - 1))) {
          return error_at(e - 1, fmt::format("expected a blank, '>' or '/>' "
                                             "in <{}>",
                                             element_name));
        }
        return error_at(
            e, fmt::format("expected an attribute name in <{}>", element_name));
      }
      const char* value = attr.value();
      // The value pointer lies in the buffer once pugixml saw a quote
      // (pugixml returns a static "" otherwise).
      const bool has_value =
          std::greater_equal<const char*>()(value, buffer_.data()) &&
          std::less<const char*>()(value, buffer_.data() + buffer_.size());
      if (value == buffer_.data() + e) {
        return error_at(
            offset(attr),
            fmt::format("unterminated value of attribute '{}'", attr.name()));
      }
      std::size_t back = e;
      while (back > 0 && is_blank(at(back - 1))) --back;
      if (back > 0 && at(back - 1) == '=') {
        return error_at(e, fmt::format("expected a quoted value for attribute "
                                       "'{}'",
                                       attr.name()));
      }
      if (has_value) {
        return error_at(e, fmt::format("expected a blank, '>' or '/>' in <{}>",
                                       element_name));
      }
      return error_at(
          e - 1, fmt::format("expected '=' after attribute '{}'", attr.name()));
    }
    case pugi::status_unrecognized_tag:
      if (e >= 1 && at(e - 1) == '<') {
        return error_at(e - 1, "expected an element name after '<'");
      }
      return error_at(e >= 2 ? e - 2 : 0, "unexpected '<!'");
    case pugi::status_bad_pi:
      if (e >= 2 && at(e - 2) == '<' && at(e - 1) == '?') {
        return error_at(e - 2,
                        "expected a processing instruction name after '<?'");
      }
      if (e >= 5 && iequals(text.substr(e - 5, 5), "<?xml")) {
        return error_at(e - 5, "XML declaration is only allowed at the start");
      }
      if (last.type() == pugi::node_pi ||
          last.type() == pugi::node_declaration) {
        return error_at(offset(last), "unterminated processing instruction");
      }
      break;
    case pugi::status_bad_comment:
      if (last.type() == pugi::node_comment &&
          static_cast<std::size_t>(last.value() - buffer_.data()) <= e) {
        return error_at(offset(last), "unterminated comment");
      }
      return error_at(e >= 3 ? e - 3 : 0, "unexpected '<!'");
    case pugi::status_bad_cdata:
      if (last.type() == pugi::node_cdata) {
        return error_at(offset(last), "unterminated CDATA section");
      }
      return error_at(text.rfind("<!", e) == std::string_view::npos
                          ? e
                          : text.rfind("<!", e),
                      "unexpected '<!'");
    case pugi::status_bad_doctype: {
      const std::size_t doctype = text.rfind("<!DOCTYPE", e);
      return error_at(doctype == std::string_view::npos ? e : doctype,
                      std::string(kDoctypeRefused), true);
    }
    default:
      break;
  }
  return error_at(e, fmt::format("malformed XML: {}", result.description()));
}

}  // namespace vssmeta::internal
