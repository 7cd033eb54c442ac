// SPDX-License-Identifier: MIT
// Fuzz target: every document that loads must survive the round trip
// load → XML (`vssmeta dump --format xml`, with and without `--indent`) →
// load unchanged: the reloaded model equals the first (operator==, which
// ignores positions), else abort.
// A writer rebuilt from diskshadow's text (`from_text`) is compared without
// that mark: it records where the text was, which no XML carries; and a
// component whose type the text did not name (undefined) is written, and so
// reloads, as a FILE_GROUP (serialize.h).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <type_traits>

#include "fuzz_input.h"
#include "vssmeta/serialize.h"

namespace {

// Prints the serialised document and its reload, then aborts.
[[noreturn]] void fail(const std::string& xml, const char* why,
                       const std::string& again) {
  std::fprintf(stderr,
               "round trip failed: %s\n--- XML:\n%s\n--- reloaded:\n%s\n", why,
               xml.c_str(), again.c_str());
  __builtin_trap();
}

// `layout`: one line (as Windows writes) or indented (dump --indent); both
// must load back as the same model.
template <typename T>
void round_trip(const T& document, const vssmeta::XmlLayout& layout) {
  using vssmeta::CaptureSet;
  const std::string xml = vssmeta::to_xml(document, layout);
  const std::optional<CaptureSet> again = vssmeta::fuzz::load_bytes(xml);
  if (!again) fail(xml, "the XML does not load", "");
  if constexpr (std::is_same_v<T, vssmeta::WriterMetadata>) {
    if (again->writers.size() != 1 || !again->backup_components.empty()) {
      fail(xml, "not one writer metadata document", "");
    }
    vssmeta::WriterMetadata expected = document;
    expected.from_text.reset();
    for (vssmeta::Component& c : expected.components) {
      if (c.type == vssmeta::ComponentType::kUndefined) {
        c.type = vssmeta::ComponentType::kFileGroup;
      }
    }
    if (!(again->writers.front() == expected)) {
      fail(xml, "the model differs", vssmeta::to_xml(again->writers.front()));
    }
  } else {
    if (again->backup_components.size() != 1 || !again->writers.empty()) {
      fail(xml, "not one backup components document", "");
    }
    if (!(again->backup_components.front() == document)) {
      fail(xml, "the model differs",
           vssmeta::to_xml(again->backup_components.front()));
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  return vssmeta::fuzz::with_capture(
      data, size, 1, [](const vssmeta::CaptureSet& capture) {
        for (const vssmeta::XmlLayout layout :
             {vssmeta::XmlLayout{}, vssmeta::XmlLayout{.indent = 2}}) {
          for (const auto& w : capture.writers) round_trip(w, layout);
          for (const auto& b : capture.backup_components) round_trip(b, layout);
        }
      });
}
