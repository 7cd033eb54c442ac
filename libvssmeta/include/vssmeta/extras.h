// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// Content the model does not interpret, kept verbatim so that nothing a
/// writer or requester wrote is lost: unknown attributes, unknown child
/// elements (whole subtrees), and non-blank text. Every model element carries
/// an `Extras`; the serializer writes it back.

#include <cstddef>
#include <string>
#include <vector>

#include "vssmeta/location.h"

namespace vssmeta {

/// One attribute as written (name with any prefix, value with entities and
/// character references decoded, line ends untouched).
struct XmlAttribute {
  std::string name;
  std::string value;

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
struct Extras {
  std::vector<XmlAttribute> attributes;
  std::vector<XmlElement> elements;
  std::string text;

  bool empty() const {
    return attributes.empty() && elements.empty() && text.empty();
  }
  friend bool operator==(const Extras&, const Extras&) = default;
};

}  // namespace vssmeta
