// SPDX-License-Identifier: MIT
#pragma once
// The XML layer of loading: pugixml parses the decoded UTF-8 text in place
// (a copy of it, or the caller's buffer taken over), then one iterative pass
// over the tree adds the checks pugixml leaves
// out, for untrusted input: DOCTYPE refused (pugixml never expands entities
// anyway), nesting bounded before anyone recurses, duplicate attributes,
// '<' in attribute values, one root element and no text outside it, the XML
// declaration only at the start, and entity and character references
// decoded in place (pugixml runs without parse_escapes and without any
// end-of-line or whitespace normalisation, so a caption's CR LF survives).
// Errors carry the byte offset in the decoded text, with the messages of the
// hand-written reader this replaced.
//
// Two modes. kChecked runs every check over the whole tree at construction
// (small documents: the diskshadow manifest). kDeferred checks only what
// lies outside the root element, and leaves the elements to the caller, who
// visits each one anyway while building its model: read_attributes() and
// read_text() check and decode as they hand the values out, so the tree is
// walked once, not twice. A caller that stops early (its own error) asks
// check_remaining() whether a well-formedness error lies further on.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "load/large_pages.h"

namespace vssmeta::internal {

struct XmlError {
  std::string message;
  std::size_t offset = 0;
  bool unsupported = false;  // refused on purpose (DOCTYPE, depth)
};

/// One attribute as read_attributes() hands it out: the value with its
/// references decoded; views into the document or the caller's scratch.
struct XmlAttr {
  std::string_view name;
  std::string_view value;
  std::size_t offset = 0;  // of the attribute name
};

enum class XmlCheck { kChecked, kDeferred };

/// The bytes XmlDocument appends to the text it parses: a caller that hands
/// over its buffer (InPlace) reserves them so that the buffer need not move.
inline constexpr std::size_t kXmlPadding = 2 + sizeof(std::uint64_t);

class XmlDocument {
 public:
  /// Parses and checks `text` (valid UTF-8 without NUL, already decoded).
  /// The text is copied; the view must stay valid only during the call.
  XmlDocument(std::string_view text, std::size_t max_depth,
              XmlCheck mode = XmlCheck::kChecked);
  /// Parses `text` in its own buffer, taken over (left empty), without a
  /// copy. pugixml overwrites some of it as it parses, so an error found
  /// by pugixml itself keeps only its offset, with the message "malformed
  /// XML": a caller that needs the real message parses a copy of the text
  /// again with the other constructor.
  struct InPlace {};
  XmlDocument(std::string&& text, std::size_t max_depth, XmlCheck mode,
              InPlace);
  XmlDocument(const XmlDocument&) = delete;
  XmlDocument& operator=(const XmlDocument&) = delete;

  /// The first well-formedness error in document order, if any.
  const std::optional<XmlError>& error() const { return error_; }

  /// The document element (REQUIRES: no error).
  pugi::xml_node root() const { return root_; }
  bool saw_declaration() const { return saw_declaration_; }
  std::size_t size() const { return size_; }
  /// The parsed copy of the text: the same bytes, but for NULs pugixml wrote
  /// over single-byte characters (ends of names and values).
  std::string_view text() const { return {buffer_.data(), size_}; }

  /// Offset of an element's `<`, of an attribute's name, of a text node's
  /// first character or a CDATA section's `<`.
  std::size_t offset(pugi::xml_node node) const;
  std::size_t offset(pugi::xml_attribute attribute) const {
    return static_cast<std::size_t>(attribute.name() - buffer_.data());
  }

  /// Frees the tree and the text.
  void release();

  /// Declares the text in [from, to) read for good: the caller has removed
  /// from the tree every node whose name or value lies there and reads none
  /// of those bytes again. Its whole pages go back to the kernel (see
  /// release_pages()), so that a large document's text shrinks while the
  /// model built from it grows; those bytes read as NUL afterwards. Cheap
  /// when called after every element: it acts once 2 MiB have passed.
  void discard(std::size_t from, std::size_t to);
  /// Whether discard(from, to) would give anything back (for a caller that
  /// would otherwise compute `to` after every element).
  bool would_discard(std::size_t from, std::size_t to) const {
    const std::size_t start = from > discarded_ ? from : discarded_;
    return to > start && to - start >= kReleaseBytes;
  }

  // For kDeferred documents.

  /// The attributes of `element` in document order, values decoded (into
  /// `scratch` when they hold references; earlier views stay valid until the
  /// next call), or the first error among them: a bad reference, '<' in a
  /// value, a duplicate name.
  std::optional<XmlError> read_attributes(pugi::xml_node element,
                                          std::vector<XmlAttr>& out,
                                          std::string& scratch) const;
  /// Appends the value of a text node, decoded, or of a CDATA section, as
  /// written, to `out`.
  std::optional<XmlError> read_text(pugi::xml_node text,
                                    std::string& out) const;
  /// Checks the subtree of `node` (at nesting `depth`) without changing it.
  std::optional<XmlError> check_subtree(pugi::xml_node node, std::size_t depth);
  /// After the caller stopped at an error of its own: the first
  /// well-formedness error in what is left of the tree, if any.
  std::optional<XmlError> check_remaining();
  /// The error for an element nested deeper than max_depth().
  std::optional<XmlError> depth_error(pugi::xml_node element) const;
  /// After the caller read the whole root: an error found outside it, after
  /// its end (text or a second root element), if any.
  const std::optional<XmlError>& trailing_error() const {
    return trailing_error_;
  }
  std::size_t max_depth() const { return max_depth_; }

 private:
  void parse(XmlCheck mode, std::optional<std::string_view> text);
  std::optional<XmlError> check(bool deep);
  // Whether `p` points into the parsed text (or its first terminating NUL).
  bool in_buffer(const char* p) const {
    return std::greater_equal<const char*>()(p, buffer_.data()) &&
           std::less_equal<const char*>()(p, buffer_.data() + size_);
  }
  std::optional<XmlError> check_tree(pugi::xml_node first, std::size_t depth,
                                     bool subtree, bool mutate);
  std::optional<XmlError> check_attributes(pugi::xml_node element, bool mutate);
  std::optional<XmlError> decode(const char* value, bool attribute,
                                 std::string_view attribute_name,
                                 std::string* out) const;
  std::optional<XmlError> decode_in_place(const char* value, bool attribute,
                                          std::string_view attribute_name);
  XmlError parse_error(const pugi::xml_parse_result& result,
                       std::string_view original) const;
  std::string open_element(std::string_view original,
                           std::size_t tag_start) const;

  std::string buffer_;
  std::size_t size_ = 0;
  std::size_t discarded_ = 0;  // the text before it went back by discard()
  pugi::xml_document dom_;
  pugi::xml_node root_;
  bool saw_declaration_ = false;
  std::size_t max_depth_ = 0;
  std::optional<XmlError> error_;
  std::optional<XmlError> trailing_error_;
};

/// The name without a namespace prefix.
std::string_view local_name(std::string_view qualified);

/// The element after `element` in document order within the subtree of
/// `root` (children first), or an empty node at the end. Iterative.
pugi::xml_node next_element(pugi::xml_node element, pugi::xml_node root);

}  // namespace vssmeta::internal
