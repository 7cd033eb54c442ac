// SPDX-License-Identifier: MIT
// vssmeta_load_memory: peak memory of loading one document, measured as the
// process's peak resident set (getrusage ru_maxrss). Run each mode in its own
// process so the peaks do not mix. The input bytes stay in memory during
// the parse and count towards the peak, as they would in a real program.
//
//   vssmeta_load_memory MODE FILE
//   vssmeta_load_memory MODE --generate SIZE [--style S] [--seed N]
//
// MODE is `read` (only read the input: the baseline), `pugixml` (a bare
// pugi::xml_document::load_buffer with default flags) or `vssmeta`
// (vssmeta::parse_writer_metadata). Prints one machine-readable line:
//
//   peak_rss_bytes=N file_bytes=M ratio=R mode=... baseline_rss_bytes=B ...
//
// where ratio = peak_rss_bytes / file_bytes and baseline_rss_bytes is the
// peak after reading the input, before parsing. Exit codes: 0 OK, 1 error
// (I/O, parse failure), 2 usage.
#include <cstdint>
#include <cstdio>
#include <exception>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <sys/resource.h>

#include <pugixml.hpp>

#include "generate.h"
#include "read_file.h"
#include "vssmeta/parse.h"

namespace {

constexpr const char* kUsage =
    "usage: vssmeta_load_memory read|pugixml|vssmeta FILE\n"
    "       vssmeta_load_memory read|pugixml|vssmeta --generate SIZE "
    "[--style system|components] [--seed N]\n";

std::uint64_t peak_rss_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::uint64_t>(usage.ru_maxrss) * 1024U;  // KiB on Linux
}

struct Outcome {
  bool ok = false;
  std::string details;  // extra key=value fields, or the error message
};

Outcome parse_pugixml(const std::string& bytes) {
  pugi::xml_document doc;
  const pugi::xml_parse_result result =
      doc.load_buffer(bytes.data(), bytes.size());
  if (!result)
    return {false, std::string("error: pugixml: ") + result.description()};
  std::size_t elements = 0;
  for (const pugi::xml_node& node : doc.document_element().children()) {
    elements += 1;
    for (const pugi::xml_node& child : node.children()) {
      elements += 1 + static_cast<std::size_t>(std::distance(
                          child.children().begin(), child.children().end()));
    }
  }
  return {true, "elements=" + std::to_string(elements)};
}

Outcome parse_vssmeta(const std::string& bytes, const std::string& source) {
  vssmeta::ParseOptions options;
  options.source_name = source;
  const auto result = vssmeta::parse_writer_metadata(bytes, options);
  if (!result) return {false, vssmeta::to_string(result.error())};
  std::size_t files = 0;
  for (const auto& c : result->components) files += c.files.size();
  return {true, "components=" + std::to_string(result->components.size()) +
                    " files=" + std::to_string(files)};
}

int usage_error(std::string_view message) {
  std::cerr << "vssmeta_load_memory: error: " << message << "\n" << kUsage;
  return 2;
}

int run(int argc, char** argv) {
  if (argc >= 2 && (std::string_view(argv[1]) == "-h" ||
                    std::string_view(argv[1]) == "--help")) {
    std::cout << kUsage;
    return 0;
  }
  if (argc < 3) return usage_error("missing arguments");
  const std::string_view mode = argv[1];
  if (mode != "read" && mode != "pugixml" && mode != "vssmeta") {
    return usage_error("unknown mode '" + std::string(mode) + "'");
  }
  std::string bytes;
  std::string source;
  if (std::string_view(argv[2]) == "--generate") {
    vssmeta::bench::GeneratorOptions options;
    if (argc < 4) return usage_error("--generate needs a size");
    const auto size = vssmeta::bench::parse_byte_size(argv[3]);
    if (!size) return usage_error("bad size");
    for (int i = 4; i < argc; i += 2) {
      if (i + 1 >= argc)
        return usage_error("missing value for " + std::string(argv[i]));
      const std::string_view key = argv[i];
      const std::string_view value = argv[i + 1];
      if (key == "--style") {
        const auto style = vssmeta::bench::parse_style(value);
        if (!style) return usage_error("bad style");
        options.style = *style;
      } else if (key == "--seed") {
        options.seed = std::stoull(std::string(value));
      } else {
        return usage_error("unknown option " + std::string(key));
      }
    }
    options.target_bytes = *size;
    bytes = vssmeta::bench::generate_writer_metadata(options);
    source = "generated";
  } else {
    if (argc != 3) return usage_error("too many arguments");
    source = argv[2];
    auto data = vssmeta::bench::read_whole_file(source);
    if (!data) {
      std::cerr << "vssmeta_load_memory: error: cannot read '" << source
                << "'\n";
      return 1;
    }
    bytes = std::move(*data);
  }
  if (bytes.empty()) {
    std::cerr << "vssmeta_load_memory: error: empty input\n";
    return 1;
  }

  const std::uint64_t baseline = peak_rss_bytes();
  Outcome outcome{true, ""};
  if (mode == "pugixml") outcome = parse_pugixml(bytes);
  if (mode == "vssmeta") outcome = parse_vssmeta(bytes, source);
  const std::uint64_t peak = peak_rss_bytes();
  if (!outcome.ok) {
    std::cerr << "vssmeta_load_memory: " << outcome.details << "\n";
    return 1;
  }
  const double ratio =
      static_cast<double>(peak) / static_cast<double>(bytes.size());
  char line[192];
  std::snprintf(line, sizeof line,
                "peak_rss_bytes=%llu file_bytes=%zu ratio=%.3f mode=%s "
                "baseline_rss_bytes=%llu",
                static_cast<unsigned long long>(peak), bytes.size(), ratio,
                std::string(mode).c_str(),
                static_cast<unsigned long long>(baseline));
  std::cout << line;
  if (!outcome.details.empty()) std::cout << ' ' << outcome.details;
  std::cout << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "vssmeta_load_memory: error: " << e.what() << "\n";
    return 1;
  }
}
