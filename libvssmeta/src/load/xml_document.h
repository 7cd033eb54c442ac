// SPDX-License-Identifier: MIT
#pragma once
// The XML layer of loading: pugixml parses a copy of the decoded UTF-8 text in
// place, then one iterative pass over the tree adds the checks pugixml leaves
// out, for untrusted input: DOCTYPE refused (pugixml never expands entities
// anyway), nesting bounded before anyone recurses, duplicate attributes,
// '<' in attribute values, one root element and no text outside it, the XML
// declaration only at the start, and entity and character references
// decoded in place (pugixml runs without parse_escapes and without any
// end-of-line or whitespace normalisation, so a caption's CR LF survives).
// Errors carry the byte offset in the decoded text, with the messages of the
// hand-written reader this replaced.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace vssmeta::internal {

struct XmlError {
  std::string message;
  std::size_t offset = 0;
  bool unsupported = false;  // refused on purpose (DOCTYPE, depth)
};

class XmlDocument {
 public:
  /// Parses and checks `text` (valid UTF-8 without NUL, already decoded).
  /// The text is copied; the view must stay valid only during the call.
  XmlDocument(std::string_view text, std::size_t max_depth);
  XmlDocument(const XmlDocument&) = delete;
  XmlDocument& operator=(const XmlDocument&) = delete;

  /// The first well-formedness error in document order, if any.
  const std::optional<XmlError>& error() const { return error_; }

  /// The document element (REQUIRES: no error).
  pugi::xml_node root() const { return root_; }
  bool saw_declaration() const { return saw_declaration_; }
  std::size_t size() const { return size_; }

  /// Offset of an element's `<`, of an attribute's name, of a text node's
  /// first character or a CDATA section's `<`.
  std::size_t offset(pugi::xml_node node) const;
  std::size_t offset(pugi::xml_attribute attribute) const {
    return static_cast<std::size_t>(attribute.name() - buffer_.data());
  }

  /// Frees the tree and the text.
  void release();

 private:
  std::optional<XmlError> check(std::size_t max_depth);
  std::optional<XmlError> check_attributes(pugi::xml_node element);
  std::optional<XmlError> decode_in_place(const char* value, bool attribute,
                                          std::string_view attribute_name);
  XmlError parse_error(const pugi::xml_parse_result& result,
                       std::string_view original) const;
  std::string open_element(std::string_view original,
                           std::size_t tag_start) const;

  std::string buffer_;
  std::size_t size_ = 0;
  pugi::xml_document dom_;
  pugi::xml_node root_;
  bool saw_declaration_ = false;
  std::optional<XmlError> error_;
};

/// The name without a namespace prefix.
std::string_view local_name(std::string_view qualified);

/// The element after `element` in document order within the subtree of
/// `root` (children first), or an empty node at the end. Iterative.
pugi::xml_node next_element(pugi::xml_node element, pugi::xml_node root);

}  // namespace vssmeta::internal
