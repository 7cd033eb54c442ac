// SPDX-License-Identifier: MIT
#include "vssmeta/graphviz.h"

#include <string>
#include <vector>

#if VSSMETA_HAS_GRAPHVIZ
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <gvc.h>

#include "graph/graph_style.h"
#endif

namespace vssmeta {

#if VSSMETA_HAS_GRAPHVIZ

namespace {

constexpr double kMaxBitmapPixels = 8000;

// Graphviz reports through a process-wide callback; collect the messages of
// one call here (the functions are documented as not thread-safe).
std::string& graphviz_messages() {
  static std::string messages;
  return messages;
}

int collect_message(char* text) {
  graphviz_messages() += text;
  return 0;
}

// The collected messages, one per line, without Graphviz's own prefixes
// ("Warning: ", "Error: ", and "(null): " where it names a graph file we
// never had).
std::vector<std::string> message_lines() {
  std::vector<std::string> out;
  const std::string& all = graphviz_messages();
  std::size_t start = 0;
  while (start < all.size()) {
    std::size_t end = all.find('\n', start);
    if (end == std::string::npos) end = all.size();
    std::string line = all.substr(start, end - start);
    start = end + 1;
    for (const char* prefix : {"Warning: ", "Error: ", "(null): "}) {
      if (line.rfind(prefix, 0) == 0) line.erase(0, std::strlen(prefix));
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) {
      line.pop_back();
    }
    if (!line.empty()) out.push_back(std::move(line));
  }
  return out;
}

std::string trimmed_messages() {
  std::string out;
  for (const std::string& line : message_lines()) {
    out += out.empty() ? ": " : "; ";
    out += line;
  }
  return out;
}

// Formats cairo renders as bitmaps: their pixels are limited.
bool is_bitmap(const std::string& format) {
  const std::string base = format.substr(0, format.find(':'));
  for (const char* f : {"png", "jpg", "jpeg", "jpe", "gif", "bmp", "tif",
                        "tiff", "webp", "ico"}) {
    if (base == f) return true;
  }
  return false;
}

// One context for the whole process, never freed. Graphviz 2.43's pango
// plugin caches a font name from the context's font table in a static
// variable: after gvFreeContext a second context reads freed memory
// (AddressSanitizer shows it as soon as a second PNG or PDF is rendered).
GVC_t* shared_context() {
  static GVC_t* const gvc = gvContext();
  return gvc;
}

// cgraph takes `char*` for strings it only reads.
char* c_str(const std::string& s) { return const_cast<char*>(s.c_str()); }

void set_all(void* object, const internal::Attributes& attributes) {
  static char empty[] = "";
  for (const auto& [name, value] : attributes) {
    agsafeset(object, c_str(name), c_str(value), empty);
  }
}

// Owns the context, graph and layout of one rendering; routes Graphviz's
// messages into graphviz_messages() meanwhile.
class Rendering {
 public:
  Rendering() : gvc_(shared_context()) {
    graphviz_messages().clear();
    previous_handler_ = agseterrf(collect_message);
    // AGWARN: warnings too reach collect_message (below the level, Graphviz
    // keeps them in a file of its own or prints them).
    previous_level_ = agseterr(AGWARN);
  }
  Rendering(const Rendering&) = delete;
  Rendering& operator=(const Rendering&) = delete;
  ~Rendering() {
    if (graph_ != nullptr) {
      if (laid_out_) gvFreeLayout(gvc_, graph_);
      agclose(graph_);
    }
    agseterr(previous_level_);
    agseterrf(previous_handler_);
  }

  Status read(const std::string& dot) {
    graph_ = agmemread(dot.c_str());
    if (graph_ == nullptr) {
      return Error{ErrorCode::kInvalidValue,
                   "Graphviz cannot read the DOT input" + trimmed_messages(),
                   std::nullopt};
    }
    return {};
  }

  void build(const internal::Drawing& d) {
    static char name[] = "vssmeta";
    graph_ = agopen(name, Agdirected, nullptr);
    set_all(graph_, d.graph);
    for (const auto& [attribute, value] : d.node_defaults) {
      agattr(graph_, AGNODE, c_str(attribute), c_str(value));
    }
    for (const auto& [attribute, value] : d.edge_defaults) {
      agattr(graph_, AGEDGE, c_str(attribute), c_str(value));
    }
    auto add_nodes = [](Agraph_t* into,
                        const std::vector<internal::DrawnNode>& nodes) {
      for (const internal::DrawnNode& n : nodes) {
        set_all(agnode(into, c_str(n.id), 1), n.attributes);
      }
    };
    add_nodes(graph_, d.loose);
    for (const internal::DrawnCluster& c : d.clusters) {
      Agraph_t* sub = agsubg(graph_, c_str(c.name), 1);
      set_all(sub, c.attributes);
      add_nodes(sub, c.nodes);
    }
    for (const internal::DrawnEdge& e : d.edges) {
      Agnode_t* from = agnode(graph_, c_str(e.from), 1);
      Agnode_t* to = agnode(graph_, c_str(e.to), 1);
      set_all(agedge(graph_, from, to, nullptr, 1), e.attributes);
    }
  }

  Result<std::string> render(const std::string& format,
                             std::vector<std::string>* warnings) {
    if (is_bitmap(format)) limit_bitmap_size();
    if (gvLayout(gvc_, graph_, "dot") != 0) {
      return Error{ErrorCode::kInternal,
                   "Graphviz layout failed" + trimmed_messages(), std::nullopt};
    }
    laid_out_ = true;
    char* data = nullptr;
    unsigned int length = 0;
    if (gvRenderData(gvc_, graph_, format.c_str(), &data, &length) != 0) {
      if (data != nullptr) gvFreeRenderData(data);
      return Error{ErrorCode::kUnsupported,
                   "Graphviz cannot render format '" + format + "'",
                   std::nullopt};
    }
    std::string out(data, length);
    gvFreeRenderData(data);
    if (warnings != nullptr) {
      for (std::string& line : message_lines()) {
        warnings->push_back(std::move(line));
      }
    }
    return out;
  }

 private:
  // Cairo refuses bitmaps over 32,767 px a side (Graphviz then scales with a
  // warning); we keep both sides within kMaxBitmapPixels: at the graph's
  // dpi (96 unless set), `size` in inches, with `!` absent so that only a
  // larger drawing is scaled down. A `size` the DOT input sets is kept when
  // it is smaller.
  void limit_bitmap_size() {
    static char dpi_name[] = "dpi";
    static char size_name[] = "size";
    static char empty[] = "";
    double dpi = 96;
    if (const char* value = agget(graph_, dpi_name);
        value != nullptr && *value != '\0') {
      const double parsed = std::atof(value);
      if (parsed > 0) dpi = parsed;
    }
    const double inches = kMaxBitmapPixels / dpi;
    if (const char* value = agget(graph_, size_name);
        value != nullptr && *value != '\0') {
      double w = 0;
      double h = 0;
      if (std::sscanf(value, "%lf,%lf", &w, &h) == 2 && w > 0 && h > 0 &&
          w <= inches && h <= inches && value[std::strlen(value) - 1] != '!') {
        return;
      }
    }
    char size[64];
    std::snprintf(size, sizeof size, "%.2f,%.2f", inches, inches);
    agsafeset(graph_, size_name, size, empty);
  }

  GVC_t* gvc_;
  Agraph_t* graph_ = nullptr;
  bool laid_out_ = false;
  agusererrf previous_handler_ = nullptr;
  agerrlevel_t previous_level_ = AGWARN;
};

}  // namespace

bool have_graphviz() { return true; }

Result<std::string> render_graphviz(std::string_view dot,
                                    std::string_view format,
                                    std::vector<std::string>* warnings) {
  Rendering r;
  if (auto read = r.read(std::string(dot)); !read) return read.error();
  return r.render(std::string(format), warnings);
}

Result<std::string> render_component_graph(const ComponentGraph& graph,
                                           std::string_view format,
                                           const DotOptions& options,
                                           std::vector<std::string>* warnings) {
  Rendering r;
  r.build(internal::draw(graph, options));
  return r.render(std::string(format), warnings);
}

#else

namespace {

Error unsupported(std::string_view format) {
  return Error{ErrorCode::kUnsupported,
               "libvssmeta was built without Graphviz; cannot render '" +
                   std::string(format) + "'",
               std::nullopt};
}

}  // namespace

bool have_graphviz() { return false; }

Result<std::string> render_graphviz(std::string_view /*dot*/,
                                    std::string_view format,
                                    std::vector<std::string>* /*warnings*/) {
  return unsupported(format);
}

Result<std::string> render_component_graph(
    const ComponentGraph& /*graph*/, std::string_view format,
    const DotOptions& /*options*/, std::vector<std::string>* /*warnings*/) {
  return unsupported(format);
}

#endif

}  // namespace vssmeta
