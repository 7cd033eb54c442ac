// SPDX-License-Identifier: MIT
#include "vssmeta/validate.h"

#include <algorithm>
#include <cctype>
#include <tuple>

#include <fmt/format.h>

#include "internal/rules.h"

namespace vssmeta {
namespace internal {

CheckContext::CheckContext(const CaptureSet& capture) : capture_(&capture) {
  indexes_.reserve(capture.writers.size());
  for (std::size_t i = 0; i < capture.writers.size(); ++i) {
    indexes_.emplace_back(capture.writers[i]);
    by_class_[capture.writers[i].identity.writer_id].push_back(i);
  }
}

const std::vector<std::size_t>& CheckContext::writers_of_class(
    const Guid& id) const {
  static const std::vector<std::size_t> kNone;
  auto hit = by_class_.find(id);
  return hit == by_class_.end() ? kNone : hit->second;
}

std::optional<std::size_t> CheckContext::writer_for(
    const WriterComponents& entry) const {
  const auto& candidates = writers_of_class(entry.writer_id);
  if (candidates.empty()) return std::nullopt;
  if (candidates.size() == 1) return candidates.front();
  // Several instances of one class: the instance id, then the instance
  // name decides; failing both, the first.
  for (std::size_t i : candidates) {
    const WriterIdentity& id = capture_->writers[i].identity;
    if (entry.instance_id && id.instance_id == entry.instance_id) return i;
  }
  for (std::size_t i : candidates) {
    const WriterIdentity& id = capture_->writers[i].identity;
    if (entry.instance_name && id.instance_name == entry.instance_name) {
      return i;
    }
  }
  return candidates.front();
}

std::string writer_label(const WriterMetadata& w) {
  return fmt::format("{} {}", w.display_name(),
                     w.identity.writer_id.to_braced_string());
}

std::string component_label(const WriterMetadata& w, const Component& c) {
  return fmt::format("{}:\\{}", w.display_name(), c.full_path());
}

void Reporter::begin(const RuleInfo& rule) {
  if (rule_ == nullptr || rule.id != rule_->id) {
    const auto all = rules();
    rule_order_ = static_cast<std::uint32_t>(
        std::lower_bound(
            all.begin(), all.end(), rule.id,
            [](const RuleInfo& r, std::string_view id) { return r.id < id; }) -
        all.begin());
  }
  rule_ = &rule;
  auto hit = options_.severity.find(rule.id);
  override_ = hit == options_.severity.end() ? std::nullopt
                                             : std::optional(hit->second);
}

const std::string& Reporter::label(const WriterMetadata& w,
                                   const Component& c) {
  if (&c == last_component_) return *last_component_label_;
  auto [hit, fresh] = labels_.try_emplace(&c);
  if (fresh) hit->second = component_label(w, c);
  last_component_ = &c;
  last_component_label_ = &hit->second;
  return hit->second;
}

void Reporter::writer(const WriterMetadata& w, const Component* c, Origin where,
                      std::string message, std::string hint) {
  writer(rule_->severity, w, c, where, std::move(message), std::move(hint));
}

void Reporter::writer(Severity severity, const WriterMetadata& w,
                      const Component* c, Origin where, std::string message,
                      std::string hint) {
  severity = override_.value_or(severity);
  if (severity < options_.min_severity) return;
  if (&w != last_writer_) {  // findings come in runs about one writer
    auto [name, fresh] = labels_.try_emplace(&w);
    if (fresh) name->second = writer_label(w);
    last_writer_ = &w;
    last_writer_label_ = &name->second;
  }
  add(severity, w.source.name, where, *last_writer_label_,
      c != nullptr ? label(w, *c) : std::string(), std::move(message),
      std::move(hint));
}

void Reporter::backup(const BackupComponents& b, const WriterComponents* entry,
                      const BcdComponent* c, const WriterMetadata* wmd,
                      Origin where, std::string message, std::string hint) {
  backup(rule_->severity, b, entry, c, wmd, where, std::move(message),
         std::move(hint));
}

void Reporter::backup(Severity severity, const BackupComponents& b,
                      const WriterComponents* entry, const BcdComponent* c,
                      const WriterMetadata* wmd, Origin where,
                      std::string message, std::string hint) {
  severity = override_.value_or(severity);
  if (severity < options_.min_severity) return;
  std::string writer;
  std::string component;
  if (entry != nullptr) {
    const std::string name = wmd != nullptr
                                 ? wmd->display_name()
                                 : entry->writer_id.to_braced_string();
    writer = fmt::format("{} {}", name, entry->writer_id.to_braced_string());
    if (c != nullptr) component = fmt::format("{}:\\{}", name, c->full_path());
  }
  add(severity, b.source.name, where, std::move(writer), std::move(component),
      std::move(message), std::move(hint));
}

void Reporter::add(Severity severity, const std::string& file, Origin where,
                   std::string writer, std::string component,
                   std::string message, std::string hint) {
  if (&file != last_file_) {
    auto [id, fresh] =
        file_ids_.try_emplace(&file, static_cast<std::uint32_t>(files_.size()));
    if (fresh) files_.push_back(&file);
    last_file_ = &file;
    last_file_id_ = id->second;
  }
  keys_.push_back(Key{last_file_id_, where.line, where.column, rule_order_});
  Finding f;
  f.diagnostic = Diagnostic{severity, std::string(rule_->id),
                            std::move(message), locate(file, where)};
  f.writer = std::move(writer);
  f.component = std::move(component);
  f.hint = std::move(hint);
  out_.push_back(std::move(f));
}

void Reporter::sort() {
  // Files by name: two documents of a capture may share none, one or all
  // of a name (stdin, a renamed copy).
  std::vector<std::uint32_t> by_name(files_.size());
  for (std::uint32_t i = 0; i < by_name.size(); ++i) by_name[i] = i;
  std::sort(by_name.begin(), by_name.end(),
            [&](std::uint32_t a, std::uint32_t b) {
              return *files_[a] < *files_[b];
            });
  std::vector<std::uint32_t> file_rank(files_.size());
  for (std::uint32_t r = 0; r < by_name.size(); ++r) {
    const bool same = r > 0 && *files_[by_name[r]] == *files_[by_name[r - 1]];
    file_rank[by_name[r]] = same ? file_rank[by_name[r - 1]] : r;
  }
  const auto before = [&](const Key& x, const Key& y) {
    return std::tie(file_rank[x.file], x.line, x.column, x.rule) <
           std::tie(file_rank[y.file], y.line, y.column, y.rule);
  };
  // Rules report in document order, so when one rule makes most of the
  // findings (WMD023 on a large writer) they are often sorted already.
  if (std::is_sorted(keys_.begin(), keys_.end(), before)) return;
  // Sorted as (file, line, column, rule, position) packed in two words
  // and an index: cheap to compare and to move, and ties keep their order.
  struct Packed {
    std::uint64_t high;
    std::uint64_t low;
    std::uint32_t index;
  };
  std::vector<Packed> packed(out_.size());
  for (std::uint32_t i = 0; i < packed.size(); ++i) {
    const Key& k = keys_[i];
    packed[i] = Packed{std::uint64_t{file_rank[k.file]} << 32 | k.line,
                       std::uint64_t{k.column} << 32 | k.rule, i};
  }
  std::sort(packed.begin(), packed.end(), [](const Packed& a, const Packed& b) {
    return std::tie(a.high, a.low, a.index) < std::tie(b.high, b.low, b.index);
  });
  std::vector<std::uint32_t> order(packed.size());
  for (std::size_t i = 0; i < packed.size(); ++i) order[i] = packed[i].index;
  std::vector<Finding> sorted;
  sorted.reserve(out_.size());
  for (std::uint32_t i : order) sorted.push_back(std::move(out_[i]));
  out_ = std::move(sorted);
  std::vector<Key> keys;
  for (std::uint32_t i : order) keys.push_back(keys_[i]);
  keys_ = std::move(keys);
}

namespace {

// All rules, sorted by id, built once.
const std::vector<Rule>& all_rules() {
  static const std::vector<Rule> kAll = [] {
    std::vector<Rule> all;
    for (auto table :
         {wmd_rules(), wmd_file_set_rules(), wmd_more_rules(), set_rules(),
          bcd_rules(), bcd_restore_rules(), xref_rules(), xref_file_rules()}) {
      all.insert(all.end(), table.begin(), table.end());
    }
    std::sort(all.begin(), all.end(), [](const Rule& a, const Rule& b) {
      return a.info.id < b.info.id;
    });
    return all;
  }();
  return kAll;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace
}  // namespace internal

const char* to_string(RuleScope scope) {
  switch (scope) {
    case RuleScope::kWriter:
      return "writer";
    case RuleScope::kWriterSet:
      return "writer-set";
    case RuleScope::kBackup:
      return "backup";
    case RuleScope::kCrossDocument:
      return "cross-document";
  }
  return "writer";
}

std::span<const RuleInfo> rules() {
  static const std::vector<RuleInfo> kInfos = [] {
    std::vector<RuleInfo> out;
    for (const auto& r : internal::all_rules()) out.push_back(r.info);
    return out;
  }();
  return kInfos;
}

const RuleInfo* find_rule(std::string_view id) {
  for (const RuleInfo& r : rules()) {
    if (internal::iequals(r.id, id)) return &r;
  }
  return nullptr;
}

std::vector<Finding> validate(const CaptureSet& capture,
                              const ValidateOptions& options) {
  std::vector<Finding> findings;
  internal::CheckContext context(capture);
  internal::Reporter reporter(findings, options);
  for (const internal::Rule& rule : internal::all_rules()) {
    if (options.disabled.count(rule.info.id) != 0) continue;
    reporter.begin(rule.info);
    rule.check(context, reporter);
  }
  reporter.sort();
  return findings;
}

}  // namespace vssmeta
