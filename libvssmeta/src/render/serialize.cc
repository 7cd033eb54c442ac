// SPDX-License-Identifier: MIT
#include "vssmeta/serialize.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "model/model_fields.h"
#include "text/xml_name.h"

namespace vssmeta {
namespace {

void append_escaped(std::string& out, std::string_view text, bool attribute) {
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        if (attribute) {
          out += "&quot;";
        } else {
          out.push_back(ch);
        }
        break;
      default:
        // Tab, CR and LF stay literal, as Windows writes them inside
        // captions; other control characters are not allowed raw in XML.
        if (c < 0x20 && ch != '\t' && ch != '\r' && ch != '\n') {
          out += "&#";
          out += std::to_string(static_cast<unsigned>(c));
          out.push_back(';');
        } else {
          out.push_back(ch);
        }
    }
  }
}

// The writing side of the field tables in model_fields.h. The attributes of
// `extras` go back where they were among the element's attributes
// (XmlAttribute::position); those without a position go after the known ones,
// namespace declarations before them.
class AttributeWriter {
 public:
  AttributeWriter(std::string& out, const Extras& extras)
      : out_(out),
        extras_(extras.attributes()),
        order_(extras.attribute_order()),
        spellings_(extras.spellings()) {
    for (const XmlAttribute& a : extras_) {
      if (a.position == XmlAttribute::kNoPosition &&
          internal::is_namespace_declaration(a.name)) {
        write(a.name, a.value);
      }
    }
  }

  /// Writes the known attributes held back for attribute_order(), then the
  /// extras not written yet.
  void finish() {
    for (const std::string& name : order_) {
      for (auto& [n, v] : held_) {
        if (n == name && v) {
          place(n, *v);
          v.reset();
          break;
        }
      }
    }
    for (auto& [n, v] : held_) {
      if (v) place(n, *v);
    }
    for (; next_ < extras_.size(); ++next_) {
      if (extras_[next_].position != XmlAttribute::kNoPosition) {
        write(extras_[next_].name, extras_[next_].value);
      }
    }
    for (const XmlAttribute& a : extras_) {
      if (a.position == XmlAttribute::kNoPosition &&
          !internal::is_namespace_declaration(a.name)) {
        write(a.name, a.value);
      }
    }
  }

  void operator()(const char* name, const std::string& v) { known(name, v); }
  void operator()(const char* name, const std::optional<std::string>& v) {
    if (v) known(name, *v);
  }
  void operator()(const char* name, const OptionalString& v) {
    if (v) known(name, *v);
  }
  void operator()(const char* name, const std::optional<bool>& v) {
    if (v) known(name, *v ? "yes" : "no");
  }
  void operator()(const char* name, const std::optional<std::uint32_t>& v) {
    if (!v) return;
    char buf[16];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *v);
    known(name, std::string_view(buf, static_cast<std::size_t>(end - buf)));
  }
  template <typename E>
  requires std::is_enum_v<E>
  void operator()(const char* name, const std::optional<E>& v) {
    if (!v) return;
    // The source's alias spelling, while the value is still the one read.
    for (const XmlAttribute& a : spellings_) {
      if (a.name == name && from_xml<E>(a.value) == v) {
        known(name, a.value);
        return;
      }
    }
    known(name, to_xml(*v));
  }
  void operator()(const char* name, const Guid& v) {
    known(name, v.spelling());
  }
  void operator()(const char* name, const std::optional<Guid>& v) {
    if (v) known(name, v->spelling());
  }

 private:
  // A known attribute: held back when the source order differs from the
  // field table's, else written after the extras that stood before it.
  void known(std::string_view name, std::string_view value) {
    if (!order_.empty()) {
      held_.emplace_back(name, std::string(value));
      return;
    }
    place(name, value);
  }
  void place(std::string_view name, std::string_view value) {
    for (; next_ < extras_.size(); ++next_) {
      const std::size_t p = extras_[next_].position;
      if (p == XmlAttribute::kNoPosition) continue;
      if (p > index_) break;
      write(extras_[next_].name, extras_[next_].value);
    }
    write(name, value);
  }
  void write(std::string_view name, std::string_view value) {
    out_.push_back(' ');
    out_.append(name);
    out_ += "=\"";
    append_escaped(out_, value, true);
    out_.push_back('"');
    ++index_;
  }
  std::string& out_;
  const std::vector<XmlAttribute>& extras_;
  const std::vector<std::string>& order_;
  const std::vector<XmlAttribute>& spellings_;
  std::vector<std::pair<std::string_view, std::optional<std::string>>> held_;
  std::size_t next_ = 0;   // first extra not written yet
  std::size_t index_ = 0;  // attributes written so far
};

class Writer {
 public:
  // `indent`: 0 writes one line; N > 0 starts each element on a line of its
  // own, N spaces a level, except inside an element holding text, whose
  // content stays as it is (whitespace there would be content).
  Writer(std::string& out, unsigned indent) : out_(out), indent_(indent) {}

  // Writes <name attrs extras-attrs>text children</name>, where the known
  // children (`known_count` of them, written by `write_known(i)`) and the
  // unknown ones from `extras` are merged back in their original order.
  template <typename T, typename F>
  void element(std::string_view name, const T& model, const Extras& extras,
               std::size_t known_count, F&& write_known) {
    element(name, model, extras, known_count, write_known,
            [](std::size_t) { return Origin{}; });
  }
  template <typename T, typename F, typename O>
  void element(std::string_view name, const T& model, const Extras& extras,
               std::size_t known_count, F&& write_known, O&& origin_of) {
    open(name);
    AttributeWriter attrs(out_, extras);
    internal::visit_fields(attrs, model);
    attrs.finish();
    close_open_tag(name, extras, known_count, write_known, origin_of);
  }

  template <typename F>
  void close_open_tag(std::string_view name, const Extras& extras,
                      std::size_t known_count, F&& write_known) {
    close_open_tag(name, extras, known_count, write_known,
                   [](std::size_t) { return Origin{}; });
  }

  // As above, for an element whose known children live in several lists:
  // `origin_of(i)` says where known child i stood in the source, so children
  // read from a document go back in the order they were written (and the
  // positions of unknown children, counted among all children, stay right).
  template <typename F, typename O>
  void close_open_tag(std::string_view name, const Extras& extras,
                      std::size_t known_count, F&& write_known, O&& origin_of) {
    if (known_count == 0 && extras.elements().empty() &&
        extras.text().empty()) {
      out_ += "/>";
      return;
    }
    out_.push_back('>');
    append_escaped(out_, extras.text(), false);
    const std::vector<std::size_t> order = source_order(known_count, origin_of);
    auto known = [&](std::size_t k) {
      write_known(order.empty() ? k : order[k]);
    };
    Level level(*this, !extras.text().empty());
    std::size_t k = 0;
    std::size_t u = 0;
    std::size_t index = 0;
    while (k < known_count || u < extras.elements().size()) {
      new_line(level.depth);
      if (u < extras.elements().size() &&
          (k == known_count || extras.elements()[u].position <= index)) {
        unknown(extras.elements()[u++]);
      } else {
        known(k++);
      }
      ++index;
    }
    new_line(level.depth - 1);
    out_ += "</";
    out_.append(name);
    out_.push_back('>');
  }

  // The order in which to write known children: empty when it is the
  // model's own (the usual case, checked without allocating), else their
  // indices sorted by source position. Children without a position (a model
  // built in code) keep the model's order.
  template <typename O>
  static std::vector<std::size_t> source_order(std::size_t count,
                                               O&& origin_of) {
    auto key = [&](std::size_t i) {
      const Origin o = origin_of(i);
      return std::pair<std::uint32_t, std::uint32_t>(o.line, o.column);
    };
    bool sorted = true;
    for (std::size_t i = 0; i < count; ++i) {
      if (key(i).first == 0) return {};
      if (i > 0 && key(i) < key(i - 1)) sorted = false;
    }
    if (sorted) return {};
    std::vector<std::size_t> order(count);
    for (std::size_t i = 0; i < count; ++i) order[i] = i;
    std::stable_sort(
        order.begin(), order.end(),
        [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    return order;
  }

  template <typename T>
  void leaf(std::string_view name, const T& model) {
    element(name, model, model.extras, 0, [](std::size_t) {});
  }

  // Writes `<name` and the attributes of an element without a field table.
  void open(std::string_view name, const Extras* extras = nullptr) {
    out_.push_back('<');
    out_.append(name);
    if (extras != nullptr) {
      AttributeWriter attrs(out_, *extras);
      attrs.finish();
    }
  }

 private:
  void attribute(const XmlAttribute& a) {
    out_.push_back(' ');
    out_ += a.name;
    out_ += "=\"";
    append_escaped(out_, a.value, true);
    out_.push_back('"');
  }

  void unknown(const XmlElement& e) {
    out_.push_back('<');
    out_ += e.name;
    for (const XmlAttribute& a : e.attributes) attribute(a);
    if (e.children.empty() && e.text.empty()) {
      out_ += "/>";
      return;
    }
    out_.push_back('>');
    append_escaped(out_, e.text, false);
    {
      Level level(*this, !e.text.empty());
      for (const XmlElement& c : e.children) {
        new_line(level.depth);
        unknown(c);
      }
      if (!e.children.empty()) new_line(level.depth - 1);
    }
    out_ += "</";
    out_ += e.name;
    out_.push_back('>');
  }

  // One level of children: deeper by one, and laid out flat from an
  // element holding text down (restored when the level ends).
  struct Level {
    Writer& w;
    std::size_t depth;
    bool was_flat;
    Level(Writer& writer, bool has_text)
        : w(writer), depth(++writer.depth_), was_flat(writer.flat_) {
      w.flat_ = w.flat_ || has_text;
    }
    ~Level() {
      --w.depth_;
      w.flat_ = was_flat;
    }
    Level(const Level&) = delete;
    Level& operator=(const Level&) = delete;
  };

  // A line break and the indentation of `depth`, when indenting.
  void new_line(std::size_t depth) {
    if (indent_ == 0 || flat_) return;
    out_.push_back('\n');
    out_.append(depth * indent_, ' ');
  }

  std::string& out_;
  unsigned indent_ = 0;
  std::size_t depth_ = 0;
  bool flat_ = false;
};

void write_component(Writer& w, const Component& c) {
  const char* name =
      c.type == ComponentType::kDatabase ? "DATABASE" : "FILE_GROUP";
  const std::size_t files = c.files.size();
  w.element(
      name, c, c.extras, files + c.dependencies.size(),
      [&](std::size_t i) {
        if (i < files) {
          w.leaf(element_name(c.files[i].kind), c.files[i]);
        } else {
          w.leaf("DEPENDENCY", c.dependencies[i - files]);
        }
      },
      [&](std::size_t i) {
        return i < files ? c.files[i].where : c.dependencies[i - files].where;
      });
}

void write_backup_locations(Writer& w, const WriterMetadata& m) {
  const std::size_t nc = m.components.size();
  const std::size_t ne = m.exclude_files.size();
  const std::size_t ns = m.exclude_from_snapshot.size();
  w.open("BACKUP_LOCATIONS", &m.backup_locations_extras);
  w.close_open_tag(
      "BACKUP_LOCATIONS", m.backup_locations_extras, nc + ne + ns,
      [&](std::size_t i) {
        if (i < nc) {
          write_component(w, m.components[i]);
        } else if (i < nc + ne) {
          w.leaf("EXCLUDE_FILES", m.exclude_files[i - nc]);
        } else {
          w.leaf("EXCLUDE_FILES_FROM_SNAPSHOT",
                 m.exclude_from_snapshot[i - nc - ne]);
        }
      },
      [&](std::size_t i) {
        if (i < nc) return m.components[i].where;
        if (i < nc + ne) return m.exclude_files[i - nc].where;
        return m.exclude_from_snapshot[i - nc - ne].where;
      });
}

// Calls `f(name, child)` for known child `i` of a BCD COMPONENT, in the
// model's fixed order (see backup_components.h).
template <typename F>
void visit_bcd_child(const BcdComponent& c, std::size_t i, F&& f) {
  if (c.backup_metadata) {
    if (i == 0) return f("BACKUP_METADATA", *c.backup_metadata);
    --i;
  }
  if (c.restore_metadata) {
    if (i == 0) return f("RESTORE_METADATA", *c.restore_metadata);
    --i;
  }
  auto pick = [&](const auto& list, const char* name) {
    if (i < list.size()) {
      f(name, list[i]);
      return true;
    }
    i -= list.size();
    return false;
  };
  if (pick(c.partial_files, "PARTIAL_FILE")) return;
  if (pick(c.differenced_files, "DIFFERENCED_FILE")) return;
  if (pick(c.directed_targets, "DIRECTED_TARGET")) return;
  if (pick(c.new_targets, "NEW_TARGET")) return;
  if (pick(c.alternate_location_mappings, "ALTERNATE_LOCATION_MAPPING")) {
    return;
  }
  pick(c.restore_subcomponents, "RESTORE_SUBCOMPONENT");
}

void write_bcd_component(Writer& w, const BcdComponent& c) {
  auto count = static_cast<std::size_t>(c.backup_metadata.has_value()) +
               static_cast<std::size_t>(c.restore_metadata.has_value()) +
               c.partial_files.size() + c.differenced_files.size() +
               c.directed_targets.size() + c.new_targets.size() +
               c.alternate_location_mappings.size() +
               c.restore_subcomponents.size();
  w.element(
      "COMPONENT", c, c.extras, count,
      [&](std::size_t i) {
        visit_bcd_child(c, i, [&](const char* name, const auto& child) {
          w.leaf(name, child);
        });
      },
      [&](std::size_t i) {
        Origin where;
        visit_bcd_child(
            c, i, [&](const char*, const auto& child) { where = child.where; });
        return where;
      });
}

}  // namespace

std::string to_xml(const WriterMetadata& m, const XmlLayout& layout) {
  std::string out;
  Writer w(out, layout.indent);
  const std::size_t known =
      1 + (m.restore_method ? 1U : 0U) + (m.has_backup_locations ? 1U : 0U);
  w.element(
      "WRITER_METADATA", m, m.extras, known,
      [&](std::size_t i) {
        if (i == 0) return w.leaf("IDENTIFICATION", m.identity);
        if (i == 1 && m.restore_method) {
          const RestoreMethod& r = *m.restore_method;
          return w.element("RESTORE_METHOD", r, r.extras,
                           r.alternate_location_mappings.size(),
                           [&](std::size_t j) {
                             w.leaf("ALTERNATE_LOCATION_MAPPING",
                                    r.alternate_location_mappings[j]);
                           });
        }
        write_backup_locations(w, m);
      },
      [&](std::size_t i) {
        if (i == 0) return m.identity.where;
        if (i == 1 && m.restore_method) return m.restore_method->where;
        return m.backup_locations_where;
      });
  return out;
}

std::string to_xml(const BackupComponents& b, const XmlLayout& layout) {
  std::string out;
  Writer w(out, layout.indent);
  w.element(
      "BACKUP_COMPONENTS", b, b.extras, b.writers.size(), [&](std::size_t i) {
        const WriterComponents& wc = b.writers[i];
        w.element(
            "WRITER_COMPONENTS", wc, wc.extras, wc.components.size(),
            [&](std::size_t j) { write_bcd_component(w, wc.components[j]); });
      });
  return out;
}

}  // namespace vssmeta
