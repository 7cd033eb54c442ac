// SPDX-License-Identifier: MIT
#include "semantics/logical_path.h"

#include <algorithm>
#include <memory>

#include "text/ascii.h"
#include "vssmeta/hierarchy.h"

namespace vssmeta {
namespace internal {
namespace {

// Calls `f(element)` per non-empty element of `path`.
template <typename F>
void each_element(std::string_view path, F f) {
  while (!path.empty()) {
    const std::size_t end = std::min(path.find('\\'), path.size());
    if (end > 0) f(path.substr(0, end));
    path.remove_prefix(std::min(end + 1, path.size()));
  }
}

}  // namespace

std::vector<std::string_view> logical_elements(std::string_view logical_path) {
  std::vector<std::string_view> out;
  each_element(logical_path, [&](std::string_view e) { out.push_back(e); });
  return out;
}

void append_logical_key(std::string_view logical_path, std::string& out) {
  each_element(logical_path, [&](std::string_view e) {
    if (!out.empty()) out.push_back('\\');
    append_folded(e, out);
  });
}

std::string logical_key(std::string_view logical_path) {
  std::string out;
  out.reserve(logical_path.size());
  append_logical_key(logical_path, out);
  return out;
}

std::string component_key(const std::optional<std::string>& logical_path,
                          std::string_view name) {
  std::string out;
  out.reserve((logical_path ? logical_path->size() : 0) + name.size() + 1);
  if (logical_path) append_logical_key(*logical_path, out);
  if (!out.empty()) out.push_back('\\');
  append_folded(name, out);
  return out;
}

std::string exact_component_path(const std::optional<std::string>& logical_path,
                                 std::string_view name) {
  std::string out;
  out.reserve((logical_path ? logical_path->size() : 0) + name.size() + 1);
  if (logical_path) {
    each_element(*logical_path, [&](std::string_view e) {
      out += e;
      out.push_back('\\');
    });
  }
  out += name;
  return out;
}

bool is_at_or_under(std::string_view path, std::string_view ancestor) {
  if (ancestor.empty()) return true;
  return path.starts_with(ancestor) &&
         (path.size() == ancestor.size() || path[ancestor.size()] == '\\');
}

bool is_under(std::string_view path, std::string_view ancestor) {
  return path.size() != ancestor.size() && is_at_or_under(path, ancestor);
}

namespace {

// FNV-1a over the parent's number and the folded element, so that an element
// hashes alike as written and as stored.
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

std::uint64_t hash_child(PathTree::Node parent, std::string_view element) {
  std::uint64_t h = 0xcbf29ce484222325ULL ^ static_cast<std::uint64_t>(parent);
  h *= kFnvPrime;
  for (char c : element) {
    h ^= static_cast<unsigned char>(ascii_lower(c));
    h *= kFnvPrime;
  }
  return h ^ (h >> 29);
}

// Calls `f(piece)` per piece of `name` split at every backslash, empty
// pieces too: a component key appends the name whole, so the name `x\y` is
// two key elements and `x\\y` three (the middle one empty).
template <typename F>
void each_name_piece(std::string_view name, F f) {
  for (;;) {
    const std::size_t end = name.find('\\');
    if (end == std::string_view::npos) {
      f(name);
      return;
    }
    f(name.substr(0, end));
    name.remove_prefix(end + 1);
  }
}

}  // namespace

PathTree::PathTree() : slots_(16), parents_{kRoot}, folded_(1) {}

void PathTree::reserve(std::size_t nodes) {
  parents_.reserve(nodes);
  folded_.reserve(nodes);
  while (slots_.size() < 2 * nodes) grow();
}

// The slot of the child `element` of `parent` if there is one, else the
// empty slot where it would go.
std::size_t PathTree::slot_of(std::uint64_t hash, Node parent,
                              std::string_view element) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(hash) & mask;;
       i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.node == kRoot) return i;
    if (s.hash == hash && parents_[s.node] == parent &&
        iequals(folded_[s.node], element)) {
      return i;
    }
  }
}

void PathTree::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.node == kRoot) continue;
    std::size_t i = static_cast<std::size_t>(s.hash) & mask;
    while (slots_[i].node != kRoot) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

const char* PathTree::keep_folded(std::string_view element) {
  constexpr std::size_t kBlock = 64 * 1024;
  if (element.size() > text_left_ || text_.empty()) {
    const std::size_t size = std::max(kBlock, element.size());
    text_.push_back(std::make_unique_for_overwrite<char[]>(size));
    text_next_ = text_.back().get();
    text_left_ = size;
  }
  char* const out = text_next_;
  for (std::size_t i = 0; i < element.size(); ++i) {
    out[i] = ascii_lower(element[i]);
  }
  text_next_ += element.size();
  text_left_ -= element.size();
  return out;
}

PathTree::Node PathTree::add(Node parent, std::string_view element) {
  const std::uint64_t hash = hash_child(parent, element);
  std::size_t i = slot_of(hash, parent, element);
  if (slots_[i].node != kRoot) return slots_[i].node;
  if (2 * (parents_.size() + 1) > slots_.size()) {  // at most half full
    grow();
    i = slot_of(hash, parent, element);
  }
  const Node node = parents_.size();
  parents_.push_back(parent);
  folded_.emplace_back(keep_folded(element), element.size());
  slots_[i] = Slot{hash, node};
  return node;
}

std::optional<PathTree::Node> PathTree::find(Node parent,
                                             std::string_view element) const {
  const Slot& s = slots_[slot_of(hash_child(parent, element), parent, element)];
  if (s.node == kRoot) return std::nullopt;
  return s.node;
}

PathTree::Node PathTree::add_logical(std::string_view logical_path) {
  Node node = kRoot;
  each_element(logical_path, [&](std::string_view e) { node = add(node, e); });
  return node;
}

PathTree::Node PathTree::add_logical(std::string_view logical_path,
                                     Cursor& cursor) {
  // The bytes both paths share, then the last element of the old path that
  // ends inside them where the new path has an element boundary too.
  const std::string_view last = cursor.path;
  const std::size_t shared = static_cast<std::size_t>(
      std::mismatch(logical_path.begin(), logical_path.end(), last.begin(),
                    last.end())
          .first -
      logical_path.begin());
  auto& elements = cursor.elements;
  std::size_t k = static_cast<std::size_t>(
      std::upper_bound(
          elements.begin(), elements.end(), shared,
          [](std::size_t n, const std::pair<std::size_t, Node>& e) {
            return n < e.first;
          }) -
      elements.begin());
  while (k > 0 && elements[k - 1].first < logical_path.size() &&
         logical_path[elements[k - 1].first] != '\\') {
    --k;
  }
  elements.resize(k);
  cursor.reused = k;
  Node node = k > 0 ? elements[k - 1].second : kRoot;
  std::size_t pos = k > 0 ? elements[k - 1].first : 0;
  while (pos < logical_path.size()) {
    const std::size_t end =
        std::min(logical_path.find('\\', pos), logical_path.size());
    if (end > pos) {
      node = add(node, logical_path.substr(pos, end - pos));
      elements.emplace_back(end, node);
    }
    pos = end + 1;
  }
  cursor.path.assign(logical_path);
  return node;
}

std::optional<PathTree::Node> PathTree::find_logical(
    std::string_view logical_path) const {
  std::optional<Node> node = kRoot;
  each_element(logical_path, [&](std::string_view e) {
    if (node) node = find(*node, e);
  });
  return node;
}

PathTree::Node PathTree::add_component(
    const std::optional<std::string>& logical_path, std::string_view name,
    Node* logical, Cursor* cursor) {
  Node node = kRoot;
  if (logical_path) {
    node = cursor != nullptr ? add_logical(*logical_path, *cursor)
                             : add_logical(*logical_path);
  }
  if (logical != nullptr) *logical = node;
  each_name_piece(name,
                  [&](std::string_view piece) { node = add(node, piece); });
  return node;
}

std::optional<PathTree::Node> PathTree::find_name(Node logical,
                                                  std::string_view name) const {
  std::optional<Node> node = logical;
  each_name_piece(name, [&](std::string_view piece) {
    if (node) node = find(*node, piece);
  });
  return node;
}

std::optional<PathTree::Node> PathTree::find_component(
    const std::optional<std::string>& logical_path,
    std::string_view name) const {
  const std::optional<Node> node =
      logical_path ? find_logical(*logical_path) : std::optional<Node>(kRoot);
  return node ? find_name(*node, name) : std::nullopt;
}

}  // namespace internal

std::vector<std::string> split_logical_path(const std::string& logical_path) {
  std::vector<std::string> out;
  for (std::string_view e : internal::logical_elements(logical_path)) {
    out.emplace_back(e);
  }
  return out;
}

}  // namespace vssmeta
