// SPDX-License-Identifier: MIT
#include "vssmeta/graphviz.h"

#include <string>

#if VSSMETA_HAS_GRAPHVIZ
#include <gvc.h>
#endif

namespace vssmeta {

#if VSSMETA_HAS_GRAPHVIZ

namespace {

// Graphviz reports through a process-wide callback; collect the messages of
// one call here (render_graphviz is documented as not thread-safe).
std::string& graphviz_messages() {
  static std::string messages;
  return messages;
}

int collect_message(char* text) {
  graphviz_messages() += text;
  return 0;
}

std::string trimmed_messages() {
  std::string m = graphviz_messages();
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  return m.empty() ? std::string() : ": " + m;
}

// Owns the context, graph and layout of one rendering.
class Rendering {
 public:
  Rendering() : gvc_(gvContext()) {}
  Rendering(const Rendering&) = delete;
  Rendering& operator=(const Rendering&) = delete;
  ~Rendering() {
    if (graph_ != nullptr) {
      if (laid_out_) gvFreeLayout(gvc_, graph_);
      agclose(graph_);
    }
    gvFreeContext(gvc_);
  }

  Result<std::string> run(const std::string& dot, const std::string& format) {
    graph_ = agmemread(dot.c_str());
    if (graph_ == nullptr) {
      return Error{ErrorCode::kInvalidValue,
                   "Graphviz cannot read the DOT input" + trimmed_messages(),
                   std::nullopt};
    }
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
    return out;
  }

 private:
  GVC_t* gvc_;
  Agraph_t* graph_ = nullptr;
  bool laid_out_ = false;
};

}  // namespace

bool have_graphviz() { return true; }

Result<std::string> render_graphviz(std::string_view dot,
                                    std::string_view format) {
  graphviz_messages().clear();
  const agusererrf previous = agseterrf(collect_message);
  const agerrlevel_t level = agseterr(AGERR);
  Result<std::string> out =
      Rendering().run(std::string(dot), std::string(format));
  agseterr(level);
  agseterrf(previous);
  return out;
}

#else

bool have_graphviz() { return false; }

Result<std::string> render_graphviz(std::string_view /*dot*/,
                                    std::string_view format) {
  return Error{ErrorCode::kUnsupported,
               "this vssmeta was built without Graphviz; cannot render '" +
                   std::string(format) + "'",
               std::nullopt};
}

#endif

}  // namespace vssmeta
