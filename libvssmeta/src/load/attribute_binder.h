// SPDX-License-Identifier: MIT
#pragma once
// AttributeBinder: from the attributes of one start tag to the model's
// fields (the field tables of model/model_fields.h), with the loader's
// checks and warnings on the way; what no field takes goes to Extras.
//
// `Reader` (the model reader) provides warn(), set_error(), failed(),
// at(offset), max_depth() and shared(name, value).

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <fmt/format.h>

#include "load/xml_document.h"
#include "text/xml_name.h"
#include "vssmeta/enums.h"
#include "vssmeta/extras.h"
#include "vssmeta/guid.h"
#include "vssmeta/optional_string.h"
#include "vssmeta/result.h"

namespace vssmeta::internal {

inline bool mixed_case_hex(std::string_view s) {
  bool lower = false;
  bool upper = false;
  for (char c : s) {
    lower |= c >= 'a' && c <= 'f';
    upper |= c >= 'A' && c <= 'F';
  }
  return lower && upper;
}

// Binds the attributes of the current start tag to model fields; see
// model_fields.h. Values that cannot be interpreted are left unbound, so they
// end up verbatim in Extras, and reported.
template <typename Reader>
class AttributeBinder {
 public:
  AttributeBinder(Reader& reader, std::string_view element,
                  const std::vector<XmlAttr>& attrs, Origin where)
      : reader_(reader), element_(element), attrs_(attrs), where_(where) {
    if (attrs.size() > 64) overflow_.assign(attrs.size() - 64, false);
    for (const XmlAttr& a : attrs) sizes_ |= size_bit(a.name.size());
  }

  void operator()(std::string_view name, std::string& field) {
    if (const XmlAttr* a = find(name)) {
      field.assign(a->value);
    } else {
      missing(name);
    }
  }
  void operator()(std::string_view name, std::optional<std::string>& field) {
    const XmlAttr* a = find(name);
    if (a == nullptr) return;
    if (name == "logicalPath") check_levels(*a);
    field.emplace(a->value);
  }
  void operator()(std::string_view name, OptionalString& field) {
    const XmlAttr* a = find(name);
    if (a == nullptr) return;
    if (name == "logicalPath") check_levels(*a);
    field = reader_.shared(name, a->value);
  }
  void operator()(std::string_view name, std::optional<bool>& field) {
    const XmlAttr* a = find(name);
    if (a == nullptr) return;
    if (a->value == "yes") {
      field = true;
    } else if (a->value == "no") {
      field = false;
    } else {
      reject(*a, "invalid-value", "expected yes or no");
    }
  }
  void operator()(std::string_view name, std::optional<std::uint32_t>& field) {
    const XmlAttr* a = find(name);
    if (a == nullptr) return;
    std::uint32_t v = 0;
    const char* b = a->value.data();
    const char* e = b + a->value.size();
    auto [p, ec] = std::from_chars(b, e, v);
    if (a->value.empty() || ec != std::errc() || p != e) {
      reject(*a, "invalid-value", "expected a decimal number up to 4294967295");
    } else {
      field = v;
    }
  }
  template <typename E>
  requires std::is_enum_v<E>
  void operator()(std::string_view name, std::optional<E>& field) {
    const XmlAttr* a = find(name);
    if (a == nullptr) return;
    if (auto v = from_xml<E>(a->value)) {
      field = *v;
      // An alias spelling is kept so that the document writes back as read.
      if (is_alias<E>(a->value)) aliased_.push_back(a);
    } else {
      reject(*a, "unknown-value", "not a spelling this version knows");
    }
  }
  void operator()(std::string_view name, Guid& field) {
    const XmlAttr* a = find(name);
    if (a == nullptr) {
      missing(name);
      return;
    }
    if (auto g = Guid::parse(a->value)) {
      field = *g;
      check_case(*a);
    } else if (!reader_.failed()) {
      reader_.set_error(
          ErrorCode::kInvalidValue, reader_.at(a->offset),
          fmt::format("{} has an invalid {} '{}'", element_, name, a->value));
    }
  }
  void operator()(std::string_view name, std::optional<Guid>& field) {
    const XmlAttr* a = find(name);
    if (a == nullptr) return;
    if (auto g = Guid::parse(a->value)) {
      field = *g;
      check_case(*a);
    } else {
      reject(*a, "invalid-value", "not a GUID");
    }
  }

  /// Moves every attribute no field took into `extras`, in document order,
  /// each with its index among the element's attributes.
  void finish(Extras& extras) {
    for (const XmlAttr* a : aliased_) {
      extras.mutable_spellings().push_back(
          XmlAttribute{std::string(a->name), std::string(a->value),
                       static_cast<std::size_t>(a - attrs_.data())});
    }
    const std::size_t n = attrs_.size();
    if (!in_order_) {
      auto& order = extras.mutable_attribute_order();
      for (std::size_t i = 0; i < n; ++i) {
        if (used(i)) order.emplace_back(attrs_[i].name);
      }
    }
    if (n < 64 && used_bits_ == (std::uint64_t{1} << n) - 1) return;
    for (std::size_t i = 0; i < n; ++i) {
      if (used(i)) continue;
      const XmlAttr& a = attrs_[i];
      extras.mutable_attributes().push_back(
          XmlAttribute{std::string(a.name), std::string(a.value), i});
      if (!is_namespace_declaration(a.name) && !rejected(i)) {
        reader_.warn(reader_.at(a.offset), "unknown-attribute",
                     fmt::format("unknown attribute {}=\"{}\" on {} kept",
                                 a.name, a.value, element_));
      }
    }
  }

 private:
  // Attributes usually come in the order the field table asks for them, so
  // the search starts after the previous hit: one comparison per field.
  // Names are unique (the reader refuses duplicates), so a hit is final.
  // A field whose name is as long as no attribute's (most absent ones) is
  // absent without a comparison.
  const XmlAttr* find(std::string_view name) {
    if ((sizes_ & size_bit(name.size())) == 0) return nullptr;
    const std::size_t n = attrs_.size();
    for (std::size_t i = next_; i < n; ++i) {
      if (attrs_[i].name == name) return take(i);
    }
    for (std::size_t i = 0; i < next_ && i < n; ++i) {
      if (attrs_[i].name == name) return take(i);
    }
    return nullptr;
  }
  const XmlAttr* take(std::size_t i) {
    in_order_ &= i >= next_;
    set_used(i, true);
    next_ = i + 1;
    return &attrs_[i];
  }
  void missing(std::string_view name) {
    reader_.set_error(ErrorCode::kMissingAttribute, where_,
                      fmt::format("{} has no {}", element_, name));
  }
  void reject(const XmlAttr& a, const char* code, const char* why) {
    auto index = static_cast<std::size_t>(&a - attrs_.data());
    set_used(index, false);
    rejected_.push_back(index);
    reader_.warn(reader_.at(a.offset), code,
                 fmt::format("{}=\"{}\" on {}: {}; kept verbatim", a.name,
                             a.value, element_, why));
  }
  bool rejected(std::size_t i) const {
    for (std::size_t r : rejected_) {
      if (r == i) return true;
    }
    return false;
  }
  void check_levels(const XmlAttr& a) {
    const std::size_t levels = 1 + static_cast<std::size_t>(std::count(
                                       a.value.begin(), a.value.end(), '\\'));
    if (levels > reader_.max_depth() && !reader_.failed()) {
      reader_.set_error(ErrorCode::kUnsupported, reader_.at(a.offset),
                        fmt::format("{} has a logicalPath of {} levels; more "
                                    "than {} are refused",
                                    element_, levels, reader_.max_depth()));
    }
  }
  void check_case(const XmlAttr& a) {
    if (mixed_case_hex(a.value)) {
      reader_.warn(reader_.at(a.offset), "guid-case",
                   fmt::format("{}=\"{}\" on {} mixes upper and lower case",
                               a.name, a.value, element_));
    }
  }

  Reader& reader_;
  std::string_view element_;
  const std::vector<XmlAttr>& attrs_;
  Origin where_;
  // Which attributes a field took: a bit mask for the usual handful (no
  // allocation per element: this runs ~450,000 times for a large writer),
  // a vector beyond 64.
  bool used(std::size_t i) const {
    return i < 64 ? ((used_bits_ >> i) & 1U) != 0 : overflow_[i - 64];
  }
  void set_used(std::size_t i, bool value) {
    if (i < 64) {
      const std::uint64_t bit = std::uint64_t{1} << i;
      used_bits_ = value ? (used_bits_ | bit) : (used_bits_ & ~bit);
    } else {
      overflow_[i - 64] = value;
    }
  }
  // A bit per name length (the last for 63 and longer).
  static std::uint64_t size_bit(std::size_t size) {
    return std::uint64_t{1} << std::min<std::size_t>(size, 63);
  }
  std::uint64_t used_bits_ = 0;
  std::uint64_t sizes_ = 0;  // size_bit() of every attribute's name
  std::size_t next_ = 0;
  bool in_order_ = true;  // fields found in the order of the field table
  std::vector<bool> overflow_;
  std::vector<std::size_t> rejected_;
  std::vector<const XmlAttr*> aliased_;
};

}  // namespace vssmeta::internal
