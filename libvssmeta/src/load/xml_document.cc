// SPDX-License-Identifier: MIT
#include "load/xml_document.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <string>
#include <unordered_set>

#include <fmt/format.h>

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

XmlDocument::XmlDocument(std::string_view text, std::size_t max_depth)
    : size_(text.size()) {
  // Two NULs after the text: pugixml stops at the first, and the second
  // (the string's own terminator) keeps it from moving error offsets back.
  buffer_.reserve(text.size() + 1);
  buffer_.assign(text);
  buffer_.push_back('\0');
  const pugi::xml_parse_result parsed = dom_.load_buffer_inplace(
      buffer_.data(), buffer_.size() + 1, kParseFlags, pugi::encoding_utf8);
  // Our checks run over what pugixml built, also when it stopped early: the
  // first error in document order wins, as a streaming reader would see it.
  error_ = check(max_depth);
  if (!parsed &&
      (!error_ || error_->offset >= static_cast<std::size_t>(parsed.offset))) {
    error_ = parse_error(parsed, text);
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

std::optional<XmlError> XmlDocument::check(std::size_t max_depth) {
  // Iterative pre-order walk: nesting is bounded here, before any recursion.
  pugi::xml_node n = dom_.first_child();
  std::size_t depth = 1;
  while (n) {
    const pugi::xml_node_type type = n.type();
    if (type == pugi::node_element) {
      if (depth > max_depth) {
        return error_at(
            offset(n),
            fmt::format("elements are nested deeper than {} levels", max_depth),
            true);
      }
      if (depth == 1) {
        if (root_) {
          return error_at(offset(n),
                          "a second root element after the end of the first");
        }
        root_ = n;
      }
      if (auto e = check_attributes(n)) return e;
    } else if (type == pugi::node_doctype) {
      return error_at(offset(n), std::string(kDoctypeRefused), true);
    } else if (type == pugi::node_declaration) {
      const std::size_t at = offset(n);
      const bool blanks_before = std::all_of(
          buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(at),
          is_blank);
      if (!blanks_before || saw_declaration_) {
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
      if (auto e = decode_in_place(n.value(), false, {})) return e;
    }
    if (type == pugi::node_element && n.first_child()) {
      n = n.first_child();
      ++depth;
      continue;
    }
    while (n && !n.next_sibling()) {
      n = n.parent();
      --depth;
    }
    if (depth == 0 || !n) break;
    n = n.next_sibling();
  }
  return std::nullopt;
}

std::optional<XmlError> XmlDocument::check_attributes(pugi::xml_node element) {
  std::size_t count = 0;
  for (pugi::xml_attribute a = element.first_attribute(); a;
       a = a.next_attribute()) {
    ++count;
    if (auto e = decode_in_place(a.value(), true, a.name())) return e;
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

// Decodes the references of a raw value (pugixml leaves them as written) in
// its place in the buffer: a reference is never shorter than what it stands
// for. Attribute values must not hold '<'.
std::optional<XmlError> XmlDocument::decode_in_place(
    const char* value, bool attribute, std::string_view attribute_name) {
  if (value == nullptr || *value == '\0') return std::nullopt;
  char* const base = buffer_.data();
  char* p = base + (value - base);
  const char* const stop = attribute ? "<&" : "&";
  p += std::strcspn(p, stop);
  char* out = p;
  while (*p != '\0') {
    if (*p == '<') {
      return error_at(
          static_cast<std::size_t>(p - base),
          fmt::format("'<' in the value of attribute '{}'", attribute_name));
    }
    if (*p != '&') {
      *out++ = *p++;
      continue;
    }
    const std::size_t at = static_cast<std::size_t>(p - base);
    char* semi = p + 1;
    while (*semi != '\0' && *semi != ';' && semi - p <= 40) ++semi;
    if (*semi != ';') {
      return error_at(at, "'&' that does not start a reference (write &amp;)");
    }
    const std::string_view ref(p + 1, static_cast<std::size_t>(semi - p - 1));
    if (!ref.empty() && ref[0] == '#') {
      const char32_t cp = character_reference(ref);
      if (cp == 0) {
        return error_at(
            at, fmt::format("'&{};' is not a valid character reference", ref));
      }
      out = put_utf8(out, cp);
    } else if (const char32_t c = reference_value(ref)) {
      *out++ = static_cast<char>(c);
    } else {
      return error_at(at, fmt::format("unknown entity '&{};': only &lt; &gt; "
                                      "&amp; &quot; &apos; and character "
                                      "references are allowed (entities are "
                                      "never expanded)",
                                      ref));
    }
    p = semi + 1;
    const std::size_t plain = std::strcspn(p, stop);
    std::memmove(out, p, plain);
    out += plain;
    p += plain;
  }
  *out = '\0';
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
