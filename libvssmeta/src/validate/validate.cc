// SPDX-License-Identifier: MIT
#include "vssmeta/validate.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "text/ascii.h"
#include "validate/rules.h"
#include "validate/shared_string.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/known_writers.h"

namespace vssmeta {

namespace internal {

CheckContext::CheckContext(const CaptureSet& capture,
                           const std::span<const Diagnostic>* load_warnings)
    : capture_(&capture), load_warnings_(load_warnings) {
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
  const auto match = resolve_writer_entry(capture_->writers, entry);
  return match ? std::optional(match->writer) : std::nullopt;
}

std::string writer_label(const WriterMetadata& w) {
  return fmt::format("{} {}", w.display_name(), writer_id_text(w));
}

std::string concat(std::initializer_list<std::string_view> parts) {
  std::size_t size = 0;
  for (std::string_view p : parts) size += p.size();
  std::string out;
  out.reserve(size);
  for (std::string_view p : parts) out += p;
  return out;
}

std::string component_label(const WriterMetadata& w, const Component& c) {
  // The path is the one join of the model (join_component_path).
  std::string out = w.display_name();
  out += ":\\";
  out += c.full_path();
  return out;
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
  author_filtered_ = options_.audience == Audience::kOperator &&
                     rule.audience == Audience::kAuthor;
}

namespace {

// Rules that read a writer field diskshadow's metadata text never carries
// (or did not for this writer): about a writer rebuilt from text, they
// would report the field's absence as a fact, so they make no finding.
struct TextBlindRule {
  std::string_view rule;
  TextUnknown field;
};
constexpr TextBlindRule kTextBlindRules[] = {
    {"SET002", TextUnknown::kWriterId},
    {"SET004", TextUnknown::kInstanceName},
    {"WMD001", TextUnknown::kWriterId},
    {"WMD003", TextUnknown::kInstanceId},
    {"WMD004", TextUnknown::kUsage},
    {"WMD005", TextUnknown::kDataSource},
    {"WMD006", TextUnknown::kRestoreMethod},
    {"WMD008", TextUnknown::kAlternateLocations},
    {"WMD009", TextUnknown::kRestoreService},
    {"WMD012", TextUnknown::kComponents},
    {"WMD018", TextUnknown::kDatabaseFileKinds},
    {"WMD034", TextUnknown::kInstanceName},
    {"XREF008", TextUnknown::kBackupSchema},
    {"XREF010", TextUnknown::kBackupSchema},
    {"XREF011", TextUnknown::kBackupSchema},
    {"XREF014", TextUnknown::kBackupSchema},
    {"XREF017", TextUnknown::kAlternateLocations},
    {"XREF018", TextUnknown::kAlternateLocations},
    {"XREF019", TextUnknown::kBackupSchema},
};

bool blind_on_text(std::string_view rule, const WriterMetadata& w) {
  for (const TextBlindRule& b : kTextBlindRules) {
    if (b.rule == rule) return unknown_from_text(w, b.field);
  }
  return false;
}

}  // namespace

bool Reporter::silent_about(const WriterMetadata& w) const {
  return (w.from_text && blind_on_text(rule_->id, w)) ||
         (author_filtered_ &&
          find_known_writer(w.identity.writer_id) != nullptr);
}

bool Reporter::keep(Severity severity, const WriterMetadata* w) {
  if (w != nullptr && silent_about(*w)) return false;
  if (author_filtered_ && severity < Severity::kWarning) return false;
  if (severity < options_.min_severity) {
    switch (severity) {
      case Severity::kError:
        ++hidden_.errors;
        break;
      case Severity::kWarning:
        ++hidden_.warnings;
        break;
      case Severity::kInfo:
        ++hidden_.infos;
        break;
    }
    return false;
  }
  return true;
}

template <typename Make>
const std::shared_ptr<const std::string>& Reporter::cached(const void* key,
                                                           Make&& make) {
  auto [hit, fresh] = labels_.try_emplace(key);
  if (fresh) hit->second = std::make_shared<const std::string>(make());
  return hit->second;
}

const std::string& Reporter::label(const WriterMetadata& w,
                                   const Component& c) {
  if (&c != last_component_) {
    last_component_ = &c;
    last_component_label_ = &cached(&c, [&] { return component_label(w, c); });
  }
  return **last_component_label_;
}

void Reporter::writer(const WriterMetadata& w, const Component* c, Origin where,
                      std::string message, Hint hint) {
  writer(rule_->severity, w, c, where, std::move(message), std::move(hint));
}

void Reporter::writer(Severity severity, const WriterMetadata& w,
                      const Component* c, Origin where, std::string message,
                      Hint hint) {
  severity = override_.value_or(severity);
  if (!keep(severity, &w)) return;
  if (&w != last_writer_) {  // findings come in runs about one writer
    last_writer_ = &w;
    last_writer_label_ = &cached(&w, [&] { return writer_label(w); });
  }
  SharedString component;
  if (c != nullptr) {
    label(w, *c);
    component = SharedString(*last_component_label_);
  }
  add(severity, w.source.name, where, SharedString(*last_writer_label_),
      std::move(component), std::move(message), std::move(hint));
  if (w.from_text) out_.back().writer_from_text = w.from_text->where;
}

void Reporter::backup(const BackupComponents& b, const WriterComponents* entry,
                      const BcdComponent* c, const WriterMetadata* wmd,
                      Origin where, std::string message, Hint hint) {
  backup(rule_->severity, b, entry, c, wmd, where, std::move(message),
         std::move(hint));
}

void Reporter::backup(Severity severity, const BackupComponents& b,
                      const WriterComponents* entry, const BcdComponent* c,
                      const WriterMetadata* wmd, Origin where,
                      std::string message, Hint hint) {
  severity = override_.value_or(severity);
  if (!keep(severity, wmd)) return;
  SharedString writer;
  SharedString component;
  if (entry != nullptr) {
    const KnownWriter* known =
        wmd == nullptr ? find_known_writer(entry->writer_id) : nullptr;
    const std::string name = wmd != nullptr ? wmd->display_name()
                             : known != nullptr
                                 ? std::string(known->name)
                                 : entry->writer_id.to_braced_string();
    if (entry != last_entry_ || wmd != last_entry_wmd_) {
      last_entry_ = entry;
      last_entry_wmd_ = wmd;
      last_entry_label_ = SharedString(
          fmt::format("{} {}", name, entry->writer_id.to_braced_string()));
    }
    writer = last_entry_label_;
    if (c != nullptr) component = fmt::format("{}:\\{}", name, c->full_path());
  }
  add(severity, b.source.name, where, std::move(writer), std::move(component),
      std::move(message), std::move(hint));
  if (wmd != nullptr && wmd->from_text) {
    out_.back().writer_from_text = wmd->from_text->where;
  }
}

void Reporter::document(const Diagnostic& d, std::string message, Hint hint) {
  const Severity severity = override_.value_or(rule_->severity);
  if (!keep(severity, nullptr)) return;
  const auto narrow = [](std::size_t n) {
    return static_cast<std::uint32_t>(std::min<std::size_t>(n, UINT32_MAX));
  };
  add(severity, d.where.file,
      Origin{narrow(d.where.line), narrow(d.where.column)}, SharedString(),
      SharedString(), std::move(message), std::move(hint));
}

void Reporter::add(Severity severity, const std::string& file, Origin where,
                   SharedString writer, SharedString component,
                   std::string message, Hint hint) {
  if (&file != last_file_) {
    auto [id, fresh] =
        file_ids_.try_emplace(&file, static_cast<std::uint32_t>(files_.size()));
    if (fresh) files_.push_back(&file);
    last_file_ = &file;
    last_file_id_ = id->second;
  }
  keys_.push_back(Key{2U - static_cast<std::uint32_t>(severity), last_file_id_,
                      where.line, where.column, rule_order_});
  Finding& f = out_.emplace_back();
  f.diagnostic.severity = severity;
  f.diagnostic.code = rule_->id;
  f.diagnostic.message = std::move(message);
  f.diagnostic.where = locate(file, where);
  FindingLabels::set(f, std::move(writer), std::move(component),
                     std::move(hint.text));
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
    return std::tie(x.severity, file_rank[x.file], x.line, x.column, x.rule) <
           std::tie(y.severity, file_rank[y.file], y.line, y.column, y.rule);
  };
  // Rules report in document order, so the findings are a few runs that
  // are sorted already (one per rule, or one when a single rule makes
  // them all, as WMD023 on a large writer): merging the runs is
  // O(n log runs), and a stable merge keeps the order of equal findings.
  // Merged are (file rank, line, column, rule) packed in two words and an
  // index, cheap to compare and to move; the findings move once at the end.
  struct Packed {
    std::uint32_t severity;
    std::uint64_t high;
    std::uint64_t low;
    std::uint32_t index;
  };
  std::vector<Packed> packed(out_.size());
  std::vector<std::size_t> runs;  // where each sorted run starts
  for (std::uint32_t i = 0; i < packed.size(); ++i) {
    const Key& k = keys_[i];
    packed[i] =
        Packed{k.severity, std::uint64_t{file_rank[k.file]} << 32 | k.line,
               std::uint64_t{k.column} << 32 | k.rule, i};
    if (i == 0 || before(k, keys_[i - 1])) runs.push_back(i);
  }
  if (runs.size() <= 1) return;
  const auto less = [](const Packed& x, const Packed& y) {
    return std::tie(x.severity, x.high, x.low) <
           std::tie(y.severity, y.high, y.low);
  };
  runs.push_back(packed.size());
  while (runs.size() > 2) {  // merge neighbours pairwise until one is left
    std::vector<std::size_t> merged;
    merged.reserve(runs.size() / 2 + 2);
    for (std::size_t r = 0; r + 1 < runs.size(); r += 2) {
      merged.push_back(runs[r]);
      if (r + 2 < runs.size()) {
        const auto at = [&](std::size_t i) {
          return packed.begin() + static_cast<std::ptrdiff_t>(runs[i]);
        };
        std::inplace_merge(at(r), at(r + 1), at(r + 2), less);
      }
    }
    merged.push_back(packed.size());
    runs = std::move(merged);
  }
  std::vector<Finding> sorted;
  sorted.reserve(out_.size());
  std::vector<Key> keys;
  keys.reserve(out_.size());
  for (const Packed& p : packed) {
    sorted.push_back(std::move(out_[p.index]));
    keys.push_back(keys_[p.index]);
  }
  out_ = std::move(sorted);
  keys_ = std::move(keys);
}

namespace {

// All rules, sorted by id, built once.
const std::vector<Rule>& all_rules() {
  static const std::vector<Rule> kAll = [] {
    std::vector<Rule> all;
    for (auto table : {wmd_rules(), wmd_file_set_rules(), wmd_more_rules(),
                       set_rules(), bcd_rules(), bcd_restore_rules(),
                       xref_rules(), xref_file_rules(), document_rules()}) {
      all.insert(all.end(), table.begin(), table.end());
    }
    std::sort(all.begin(), all.end(), [](const Rule& a, const Rule& b) {
      return a.info.id < b.info.id;
    });
    return all;
  }();
  return kAll;
}

// A reference as written in the rule tables ("win32:page.md" for a page of
// the VSS guide, "sdk:header/page.md" for an API page, "; " between pages)
// with each page as its full Microsoft Learn address.
std::string learn_addresses(std::string_view reference) {
  static constexpr std::string_view kGuide =
      "https://learn.microsoft.com/en-us/windows/win32/vss/";
  static constexpr std::string_view kApi =
      "https://learn.microsoft.com/en-us/windows/win32/api/";
  std::string out;
  std::size_t i = 0;
  while (i < reference.size()) {
    const std::string_view rest = reference.substr(i);
    const bool guide = rest.starts_with("win32:");
    const bool api = rest.starts_with("sdk:");
    const bool word_start =
        i == 0 || reference[i - 1] == ' ' || reference[i - 1] == '(';
    if ((guide || api) && word_start) {
      std::size_t start = guide ? 6 : 4;
      std::size_t end = start;
      while (end < rest.size() && rest[end] != ' ' && rest[end] != ';' &&
             rest[end] != ',' && rest[end] != ')') {
        ++end;
      }
      std::string_view page = rest.substr(start, end - start);
      if (page.ends_with(".md")) page.remove_suffix(3);
      out += guide ? kGuide : kApi;
      out += page;
      i += end;
      continue;
    }
    out += reference[i++];
  }
  return out;
}

}  // namespace
}  // namespace internal

const char* to_string(Audience audience) {
  return audience == Audience::kAuthor ? "author" : "operator";
}

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
    case RuleScope::kDocument:
      return "document";
  }
  return "writer";
}

std::span<const RuleInfo> rules() {
  // The rule tables with each rule's audience and evidence
  // (rules_evidence.cc) and its references as Learn addresses; the text
  // those views show lives as long as the table.
  static const std::deque<std::string> kReferences = [] {
    std::deque<std::string> out;
    for (const auto& r : internal::all_rules()) {
      out.push_back(internal::learn_addresses(r.info.reference));
    }
    return out;
  }();
  static const std::vector<RuleInfo> kInfos = [] {
    std::vector<RuleInfo> out;
    std::size_t i = 0;
    for (const auto& r : internal::all_rules()) {
      RuleInfo info = r.info;
      info.reference = kReferences[i++];
      if (const internal::RuleNotes* notes = internal::find_notes(info.id)) {
        info.audience = notes->audience;
        info.evidence = notes->evidence;
      }
      const std::size_t at = info.reference.find("https://");
      if (at != std::string_view::npos) {
        std::size_t end = info.reference.find_first_of(" ;,)", at);
        if (end == std::string_view::npos) end = info.reference.size();
        info.help_uri = info.reference.substr(at, end - at);
      }
      out.push_back(info);
    }
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

std::size_t FindingCounts::at_least(Severity severity) const {
  return (severity <= Severity::kError ? errors : 0) +
         (severity <= Severity::kWarning ? warnings : 0) +
         (severity <= Severity::kInfo ? infos : 0);
}

std::size_t Findings::count(Severity severity) const {
  return static_cast<std::size_t>(std::count_if(
      items.begin(), items.end(),
      [&](const Finding& f) { return f.diagnostic.severity == severity; }));
}

FindingCounts Findings::counts() const {
  FindingCounts n;
  for (const Finding& f : items) {
    switch (f.diagnostic.severity) {
      case Severity::kError:
        ++n.errors;
        break;
      case Severity::kWarning:
        ++n.warnings;
        break;
      case Severity::kInfo:
        ++n.infos;
        break;
    }
  }
  return n;
}

namespace {

Findings run(const CaptureSet& capture, const ValidateOptions& options,
             const std::span<const Diagnostic>* load_warnings) {
  Findings findings;
  internal::CheckContext context(capture, load_warnings);
  internal::Reporter reporter(findings.items, findings.hidden, options);
  const auto& all = internal::all_rules();
  const auto infos = rules();
  for (std::size_t i = 0; i < all.size(); ++i) {
    const RuleInfo& info = infos[i];
    if (options.disabled.count(info.id) != 0) continue;
    // An author rule the operator would not see from any writer: not run,
    // which is what keeps a 500,000-component writer's infos cheap.
    if (options.audience == Audience::kOperator &&
        info.audience == Audience::kAuthor) {
      auto hit = options.severity.find(info.id);
      const Severity most =
          hit == options.severity.end() ? info.severity : hit->second;
      if (most < Severity::kWarning) continue;
    }
    reporter.begin(info);
    all[i].check(context, reporter);
  }
  reporter.sort();
  return findings;
}

}  // namespace

Findings validate(const CaptureSet& capture, const ValidateOptions& options) {
  return run(capture, options, nullptr);
}

Findings validate(const CaptureSet& capture, const ValidateOptions& options,
                  std::span<const Diagnostic> load_warnings) {
  return run(capture, options, &load_warnings);
}

}  // namespace vssmeta
