// SPDX-License-Identifier: MIT
// Fuzz target: load up to eight documents (cut at fuzz::kSeparator) into one
// capture, build the component graph as `vssmeta graph` does (whole, and
// with files, a depth limit and collapsed siblings) and write it as DOT and
// Mermaid.

#include <cstddef>
#include <cstdint>
#include <sstream>

#include "fuzz_input.h"
#include "vssmeta/dot.h"
#include "vssmeta/graph.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace vssmeta;
  return fuzz::with_capture(data, size, 8, [](const CaptureSet& capture) {
    GraphOptions cut;
    cut.depth = 2;
    cut.max_siblings = 2;
    cut.show_files = true;
    std::ostringstream out;
    for (const GraphOptions& options : {GraphOptions{}, cut}) {
      const Result<ComponentGraph> graph =
          build_component_graph(capture, options);
      if (!graph) continue;
      write_graph(*graph, out);
      write_graph(*graph, out, {.format = GraphFormat::kMermaid});
    }
  });
}
