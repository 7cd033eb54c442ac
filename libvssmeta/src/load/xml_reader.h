// SPDX-License-Identifier: MIT
#pragma once
// A small pull parser for the XML subset VSS documents use, written for
// untrusted input: it refuses DOCTYPE (so no entity is ever expanded and
// nothing external is read), bounds nesting, checks well-formedness (tag
// matching, duplicate attributes, entity and character references) and keeps
// attribute values raw apart from references: no whitespace normalisation, so
// a caption's CR LF survives. It builds no tree; the model reader consumes the
// events directly, which keeps peak memory near the input size.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vssmeta::internal {

struct XmlAttr {
  std::string_view name;
  std::string_view value;  // references decoded; valid until the next next()
  std::size_t offset = 0;  // of the attribute name
};

enum class XmlEvent { kStart, kEnd, kText, kEof };

struct XmlError {
  std::string message;
  std::size_t offset = 0;
  bool unsupported = false;  // refused on purpose (DOCTYPE, depth)
};

class XmlReader {
 public:
  XmlReader(std::string_view text, std::size_t max_depth);

  /// Advances to the next event. Returns false on error (see error()).
  /// A self-closing tag yields kStart followed by kEnd. Comments, processing
  /// instructions and blank text are skipped.
  bool next();

  XmlEvent event() const { return event_; }
  /// Qualified name of the current start or end tag.
  std::string_view name() const { return name_; }
  /// The name without a namespace prefix.
  std::string_view local_name() const;
  /// Attributes of the current start tag, in document order.
  const std::vector<XmlAttr>& attributes() const { return attrs_; }
  /// Character data of a kText event (references decoded).
  std::string_view text() const { return text_; }
  /// Offset of the current tag's `<` (or of the text).
  std::size_t offset() const { return offset_; }
  /// Number of open elements (the current start tag included).
  std::size_t depth() const { return stack_.size(); }
  bool saw_declaration() const { return saw_declaration_; }
  /// Size of the whole input in bytes.
  std::size_t input_size() const { return text_in_.size(); }

  const XmlError& error() const { return error_; }

 private:
  bool fail(std::size_t offset, std::string message, bool unsupported = false);
  bool parse_start_tag();
  bool parse_end_tag();
  bool parse_markup_declaration();
  bool parse_processing_instruction();
  bool parse_text();
  bool parse_name(std::string_view& out);
  bool decode_references(std::string_view raw, std::size_t raw_offset,
                         std::string& out);
  void skip_blanks();
  bool at_end() const { return pos_ >= text_in_.size(); }

  std::string_view text_in_;
  std::size_t pos_ = 0;
  std::size_t max_depth_;

  XmlEvent event_ = XmlEvent::kEof;
  std::string_view name_;
  std::vector<XmlAttr> attrs_;
  std::vector<std::string> scratch_;  // decoded values of this tag
  std::string text_buffer_;
  std::string_view text_;
  std::size_t offset_ = 0;
  std::vector<std::string_view> stack_;
  std::vector<std::size_t> stack_offsets_;
  bool pending_end_ = false;
  bool root_closed_ = false;
  bool seen_root_ = false;
  bool saw_declaration_ = false;
  XmlError error_;
};

}  // namespace vssmeta::internal
