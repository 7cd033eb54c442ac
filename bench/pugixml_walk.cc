// SPDX-License-Identifier: MIT
// vssmeta_pugixml_walk: the baseline of bench/ratios.sh. It does the least
// any program answering questions about a document must do: read the file
// into memory, parse it with pugixml (pugi::xml_document::load_buffer,
// default flags) and visit every element and every attribute, reading each
// name and value to its end. The commands (`vssmeta dump`, `validate`,
// `diff`, `dump --format json --files`) are compared with this process's
// CPU time and peak memory.
//
//   vssmeta_pugixml_walk FILE
//
// Prints one line, `elements=N attributes=M bytes=B checksum=C`, so that the
// walk cannot be optimised away. Exit codes: 0 OK, 1 I/O or parse error,
// 2 usage.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "read_file.h"

namespace {

struct Totals {
  std::size_t elements = 0;
  std::size_t attributes = 0;
  std::size_t bytes = 0;       // of every name and value read
  std::uint64_t checksum = 0;  // of their last bytes
};

void add(Totals& t, const char* text) {
  const std::size_t n = std::strlen(text);
  t.bytes += n;
  if (n != 0)
    t.checksum = t.checksum * 31 + static_cast<unsigned char>(text[n - 1]);
}

// Depth first without recursion: an explicit stack of nodes.
Totals walk(const pugi::xml_document& doc) {
  Totals t;
  std::vector<pugi::xml_node> stack{doc.document_element()};
  while (!stack.empty()) {
    const pugi::xml_node node = stack.back();
    stack.pop_back();
    if (node.type() != pugi::node_element) continue;
    ++t.elements;
    add(t, node.name());
    for (const pugi::xml_attribute& a : node.attributes()) {
      ++t.attributes;
      add(t, a.name());
      add(t, a.value());
    }
    for (pugi::xml_node c = node.last_child(); c; c = c.previous_sibling()) {
      stack.push_back(c);
    }
  }
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 || std::string_view(argv[1]) == "-h" ||
      std::string_view(argv[1]) == "--help") {
    std::fputs("usage: vssmeta_pugixml_walk FILE\n",
               argc == 2 ? stdout : stderr);
    return argc == 2 ? 0 : 2;
  }
  std::optional<std::string> bytes = vssmeta::bench::read_whole_file(argv[1]);
  if (!bytes) {
    std::fprintf(stderr, "vssmeta_pugixml_walk: error: cannot read '%s'\n",
                 argv[1]);
    return 1;
  }
  pugi::xml_document doc;
  const pugi::xml_parse_result result =
      doc.load_buffer(bytes->data(), bytes->size());
  if (!result) {
    std::fprintf(stderr, "vssmeta_pugixml_walk: error: %s: %s at offset %td\n",
                 argv[1], result.description(), result.offset);
    return 1;
  }
  const Totals t = walk(doc);
  std::printf("elements=%zu attributes=%zu bytes=%zu checksum=%llu\n",
              t.elements, t.attributes, t.bytes,
              static_cast<unsigned long long>(t.checksum));
  return 0;
}
