// SPDX-License-Identifier: MIT
#include "vssmeta/extras.h"

namespace vssmeta {

struct Extras::Data {
  std::vector<XmlAttribute> attributes;
  std::vector<XmlElement> elements;
  std::string text;
  std::vector<std::string> attribute_order;
  std::vector<XmlAttribute> spellings;
};

namespace {
const std::vector<XmlAttribute> kNoAttributes;
const std::vector<XmlElement> kNoElements;
const std::string kNoText;
const std::vector<std::string> kNoOrder;
}  // namespace

Extras::Extras() noexcept = default;
Extras::Extras(Extras&& other) noexcept = default;
Extras& Extras::operator=(Extras&& other) noexcept = default;

Extras::Extras(const Extras& other)
    : data_(other.data_ ? std::make_unique<Data>(*other.data_) : nullptr) {}

Extras& Extras::operator=(const Extras& other) {
  if (this != &other) {
    data_ = other.data_ ? std::make_unique<Data>(*other.data_) : nullptr;
  }
  return *this;
}

Extras::~Extras() = default;

const std::vector<XmlAttribute>& Extras::spellings() const {
  return data_ ? data_->spellings : kNoAttributes;
}

const std::vector<XmlAttribute>& Extras::attributes() const {
  return data_ ? data_->attributes : kNoAttributes;
}
const std::vector<XmlElement>& Extras::elements() const {
  return data_ ? data_->elements : kNoElements;
}
const std::string& Extras::text() const {
  return data_ ? data_->text : kNoText;
}

const std::vector<std::string>& Extras::attribute_order() const {
  return data_ ? data_->attribute_order : kNoOrder;
}

Extras::Data& Extras::data() {
  if (!data_) data_ = std::make_unique<Data>();
  return *data_;
}
std::vector<XmlAttribute>& Extras::mutable_attributes() {
  return data().attributes;
}
std::vector<XmlElement>& Extras::mutable_elements() { return data().elements; }
std::string& Extras::mutable_text() { return data().text; }
std::vector<std::string>& Extras::mutable_attribute_order() {
  return data().attribute_order;
}
std::vector<XmlAttribute>& Extras::mutable_spellings() {
  return data().spellings;
}

bool Extras::empty() const {
  return !data_ || (data_->attributes.empty() && data_->elements.empty() &&
                    data_->text.empty());
}

bool operator==(const Extras& a, const Extras& b) {
  return a.attributes() == b.attributes() && a.elements() == b.elements() &&
         a.text() == b.text() && a.attribute_order() == b.attribute_order();
}

}  // namespace vssmeta
