// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// Content the model does not interpret, kept verbatim so that nothing a
/// writer or requester wrote is lost: unknown attributes, unknown child
/// elements (whole subtrees), and non-blank text. Every model element carries
/// an `Extras`; the serializer writes it back.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vssmeta/export.h"
#include "vssmeta/location.h"

namespace vssmeta {

/// One attribute as written (name with any prefix, value with entities and
/// character references decoded, line ends untouched).
struct XmlAttribute {
  /// `position` of an attribute that has no source (made by a program).
  static constexpr std::size_t kNoPosition = static_cast<std::size_t>(-1);

  std::string name;
  std::string value;
  /// Index among all the attributes of its element in the source, known ones
  /// included, so the serializer can put it back where it was. Attributes
  /// without one are written after the known attributes (namespace
  /// declarations before them, where Windows puts them).
  std::size_t position = kNoPosition;

  friend bool operator==(const XmlAttribute&, const XmlAttribute&) = default;
};

/// An element the model does not know, with everything inside it.
struct XmlElement {
  std::string name;  ///< qualified name as written
  std::vector<XmlAttribute> attributes;
  std::vector<XmlElement> children;
  std::string text;  ///< concatenated character data, empty if only blanks
  /// Index among the element children of its parent in the source, so the
  /// serializer can put it back where it was.
  std::size_t position = 0;
  Origin where;

  friend bool operator==(const XmlElement&, const XmlElement&) = default;
};

/// Everything about one element that the model has no field for.
/// Known attributes whose value could not be interpreted (an unknown enum
/// spelling, `selectable="maybe"`) are kept here too, verbatim, and the
/// parser reports them as warnings.
///
/// A value type that costs one pointer while empty, which it almost always
/// is: a large writer has hundreds of thousands of file descriptors, each
/// with its own Extras. Copies are deep; an empty Extras equals a default one.
class VSSMETA_EXPORT Extras {
 public:
  Extras() noexcept;
  Extras(const Extras& other);
  Extras& operator=(const Extras& other);
  Extras(Extras&& other) noexcept;
  Extras& operator=(Extras&& other) noexcept;
  ~Extras();

  /// Unknown attributes (and uninterpretable known ones), in document order.
  const std::vector<XmlAttribute>& attributes() const;
  /// Unknown child elements, whole, each with its original position.
  const std::vector<XmlElement>& elements() const;
  /// Non-blank character data, concatenated.
  const std::string& text() const;
  /// The names of the known attributes in source order, kept only when the
  /// source did not write them in the usual order, so that the serializer
  /// can; empty otherwise. Not content: empty() ignores it.
  const std::vector<std::string>& attribute_order() const;
  /// Known enumeration attributes the source spelled with an alias (a
  /// spelling Windows or the SDK also writes, see enums.h), name and value
  /// as written, so that the serializer writes them back unchanged. Not
  /// content: empty() and == ignore it (both spellings mean the same).
  const std::vector<XmlAttribute>& spellings() const;

  /// Write access; allocates the storage on first use.
  std::vector<XmlAttribute>& mutable_attributes();
  std::vector<XmlElement>& mutable_elements();
  std::string& mutable_text();
  std::vector<std::string>& mutable_attribute_order();
  std::vector<XmlAttribute>& mutable_spellings();

  bool empty() const;

  friend VSSMETA_EXPORT bool operator==(const Extras& a, const Extras& b);

 private:
  struct Data;
  Data& data();
  std::unique_ptr<Data> data_;
};

}  // namespace vssmeta
