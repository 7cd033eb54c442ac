// SPDX-License-Identifier: MIT
// vssmeta-generate: writes a synthetic writer metadata document (and
// optionally a matching backup components document) for benchmarks and
// experiments. Exit codes: 0 OK, 1 I/O error, 2 usage.
#include <charconv>
#include <cstdint>
#include <exception>
#include <fstream>
#include <iostream>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>

#include "generate.h"

namespace {

constexpr const char* kUsage =
    "usage: vssmeta-generate [options] [-o FILE]\n"
    "Writes a synthetic, Windows-style VSS writer metadata document.\n"
    "\n"
    "  --style system|components|chain\n"
    "                             System Writer-like (default), SQL-like\n"
    "                             (thousands of Host\\Instance components) or\n"
    "                             a chain (each component nested under the\n"
    "                             one before)\n"
    "  --bytes N[K|M|G]           approximate size (K = 1024); decides the\n"
    "                             number of descriptors or components\n"
    "  --components N             FILE_GROUP count (system: default 2;\n"
    "                             components: default 5000 without --bytes;\n"
    "                             chain: default 1000)\n"
    "  --files-per-component N    system: default 9500 without --bytes;\n"
    "                             components: mean, default 3\n"
    "  --recursive-fraction F     share of recursive FILE_LIST entries\n"
    "  --excludes N               number of EXCLUDE_FILES elements\n"
    "  --distinct-file-sets       system: never repeat a (path, filespec,\n"
    "                             recursive) file set\n"
    "  --seed N                   random seed (default 1)\n"
    "  --mutate F                 change that share of FILE_LIST entries\n"
    "  --mutation-seed N          seed of the changes (default 0)\n"
    "  --bcd FILE                 also write a matching backup components\n"
    "                             document\n"
    "  --bcd-fraction F           share of the components the BCD lists\n"
    "                             (default 1)\n"
    "  -o, --output FILE          output file; '-' or absent: stdout\n"
    "  -q, --quiet                no summary on stderr\n"
    "  -h, --help                 this text\n"
    "\n"
    "Exit status: 0 OK, 1 I/O error, 2 usage error.\n";

template <typename T>
std::optional<T> parse_number(std::string_view text) {
  T value{};
  const char* end = text.data() + text.size();
  const auto res = std::from_chars(text.data(), end, value);
  if (res.ec != std::errc{} || res.ptr != end) return std::nullopt;
  return value;
}

int usage_error(std::string_view message) {
  std::cerr << "vssmeta-generate: error: " << message << "\n"
            << "Run with --help for usage.\n";
  return 2;
}

bool write_file(const std::string& path, const std::string& data) {
  if (path.empty() || path == "-") {
    std::cout.write(data.data(), static_cast<std::streamsize>(data.size()));
    std::cout.flush();
    return static_cast<bool>(std::cout);
  }
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(data.data(), static_cast<std::streamsize>(data.size()));
  f.close();
  return static_cast<bool>(f);
}

int run(int argc, char** argv) {
  vssmeta::bench::GeneratorOptions options;
  std::string output;
  std::string bcd_output;
  double bcd_fraction = 1.0;
  bool quiet = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      return 0;
    }
    if (arg == "-q" || arg == "--quiet") {
      quiet = true;
      continue;
    }
    if (arg == "--distinct-file-sets") {
      options.distinct_file_sets = true;
      continue;
    }
    if (i + 1 >= argc)
      return usage_error("unknown option or missing value: " +
                         std::string(arg));
    const std::string_view value = argv[++i];
    const auto bad = [&] {
      return usage_error("invalid value for " + std::string(arg) + ": '" +
                         std::string(value) + "'");
    };
    if (arg == "--style") {
      const auto style = vssmeta::bench::parse_style(value);
      if (!style) return bad();
      options.style = *style;
    } else if (arg == "--bytes") {
      const auto bytes = vssmeta::bench::parse_byte_size(value);
      if (!bytes) return bad();
      options.target_bytes = *bytes;
    } else if (arg == "--components") {
      const auto n = parse_number<std::size_t>(value);
      if (!n || *n == 0) return bad();
      options.component_count = *n;
    } else if (arg == "--files-per-component") {
      const auto n = parse_number<std::size_t>(value);
      if (!n || *n == 0) return bad();
      options.files_per_component = *n;
    } else if (arg == "--recursive-fraction") {
      const auto f = parse_number<double>(value);
      if (!f || *f < 0.0 || *f > 1.0) return bad();
      options.recursive_fraction = *f;
    } else if (arg == "--excludes") {
      const auto n = parse_number<std::size_t>(value);
      if (!n) return bad();
      options.exclude_count = *n;
    } else if (arg == "--seed") {
      const auto n = parse_number<std::uint64_t>(value);
      if (!n) return bad();
      options.seed = *n;
    } else if (arg == "--mutate") {
      const auto f = parse_number<double>(value);
      if (!f || *f < 0.0 || *f > 1.0) return bad();
      options.mutation_fraction = *f;
    } else if (arg == "--mutation-seed") {
      const auto n = parse_number<std::uint64_t>(value);
      if (!n) return bad();
      options.mutation_seed = *n;
    } else if (arg == "--bcd-fraction") {
      const auto f = parse_number<double>(value);
      if (!f || *f < 0.0 || *f > 1.0) return bad();
      bcd_fraction = *f;
    } else if (arg == "--bcd") {
      bcd_output = value;
    } else if (arg == "-o" || arg == "--output") {
      output = value;
    } else {
      return usage_error("unknown option: " + std::string(arg));
    }
  }

  const vssmeta::bench::GeneratedWriterMetadata doc =
      vssmeta::bench::generate_writer_metadata_document(options);
  if (!write_file(output, doc.xml)) {
    std::cerr << "vssmeta-generate: error: cannot write '" << output << "'\n";
    return 1;
  }
  if (!bcd_output.empty()) {
    vssmeta::bench::BackupComponentsOptions bcd;
    bcd.seed = options.seed;
    bcd.selected_fraction = bcd_fraction;
    if (!write_file(bcd_output, vssmeta::bench::generate_backup_components(
                                    std::span(&doc, 1), bcd))) {
      std::cerr << "vssmeta-generate: error: cannot write '" << bcd_output
                << "'\n";
      return 1;
    }
  }
  if (!quiet) {
    std::cerr << "vssmeta-generate: " << doc.xml.size() << " bytes, style "
              << vssmeta::bench::to_string(options.style) << ", "
              << doc.components.size() << " components, " << doc.file_count
              << " FILE_LIST, " << doc.exclude_count << " EXCLUDE_FILES -> "
              << (output.empty() || output == "-" ? "stdout" : output) << "\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "vssmeta-generate: error: " << e.what() << "\n";
    return 1;
  }
}
