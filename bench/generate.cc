// SPDX-License-Identifier: MIT
#include "generate.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "generate_words.h"

namespace vssmeta::bench {
namespace {

constexpr std::string_view kSystemComponents[] = {
    "System Files",  "Win32 Services Files", "Driver Store Files",
    "Catalog Files", "Side-by-side Files",   "Boot Files"};
constexpr std::string_view kInstances[] = {
    "SQLEXPRESS", "PROD", "REPORTING", "STAGING", "SHAREPOINT", "ERP",
    "CRM",        "DW",   "INST01",    "INST02",  "MSSQL2019",  "BI"};
constexpr std::string_view kSqlVersions[] = {"MSSQL13", "MSSQL14", "MSSQL15"};

// One SQL Server instance of the many-components style.
struct SqlInstance {
  std::string logical_path;
  std::string data_dir;
  std::string log_dir;
  std::unordered_set<std::string> names;
  std::size_t remaining = 0;  // databases still to write
};

class Generator {
 public:
  explicit Generator(const GeneratorOptions& o)
      : o_(o),
        r_(o.seed ^
           (o.style == DocumentStyle::kManyComponents ? 0x53514cULL : 0ULL)),
        mutate_(mix(o.mutation_seed) ^ o.seed),
        many_(o.style == DocumentStyle::kManyComponents),
        chain_(o.style == DocumentStyle::kChain) {
    components_ = o.component_count != 0 ? o.component_count
                  : chain_               ? 1000
                                         : (many_ ? 5000 : 2);
    files_ = o.files_per_component != 0 ? o.files_per_component
             : chain_                   ? 1
                                        : (many_ ? 3 : 9500);
    recursive_ = o.recursive_fraction.value_or(many_ || chain_ ? 0.0 : 0.001);
  }

  GeneratedWriterMetadata run() {
    doc_.style = o_.style;
    const std::size_t reserve =
        o_.target_bytes != 0 ? o_.target_bytes + 4096
        : chain_
            ? components_ * (components_ * 8 + files_ * 80 + 250)
            : components_ * (many_ ? files_ * 80 + 250 : files_ * 120 + 300);
    out_.reserve(reserve);
    write_header();
    out_ += "<BACKUP_LOCATIONS>";
    if (many_) {
      write_sql_components();
    } else if (chain_) {
      write_chain_components();
    } else {
      write_system_components();
    }
    write_excludes(o_.exclude_count - excludes_written_);
    out_ += "</BACKUP_LOCATIONS></WRITER_METADATA>";
    doc_.xml = std::move(out_);
    return std::move(doc_);
  }

 private:
  // Size the document would have without mutations; targets refer to it.
  std::size_t base_size() const { return out_.size() + removed_ - added_; }
  std::size_t tail_reserve() const {
    return 40 + 110 * (o_.exclude_count - excludes_written_);
  }

  void write_header() {
    doc_.instance_id = make_guid(r_);
    out_ +=
        "<WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\" "
        "version=\"1.2\"";
    if (many_) {
      doc_.writer_id = "a65faa63-5ea8-4ebc-9dbd-a0c4db26912a";
      doc_.friendly_name = "SqlServerWriter";
      doc_.instance_name = "Microsoft SQL Server 2017:SQLWriter";
      doc_.backup_schema = 881;
      out_ += " backupSchema=\"881\"";
    } else {
      doc_.writer_id = "e8132975-6f93-4464-a53e-1050253ae220";
      doc_.friendly_name = "System Writer";
    }
    out_ += "><IDENTIFICATION";
    append_attribute(out_, "writerId", doc_.writer_id);
    append_attribute(out_, "instanceId", doc_.instance_id);
    if (many_) append_attribute(out_, "instanceName", doc_.instance_name);
    append_attribute(out_, "friendlyName", doc_.friendly_name);
    append_attribute(out_, "usage",
                     many_ ? "USER_DATA" : "BOOTABLE_SYSTEM_STATE");
    append_attribute(out_, "dataSource", many_ ? "TRANSACTION_DB" : "OTHER");
    out_ += " majorVersion=\"0\" minorVersion=\"0\"/><RESTORE_METHOD";
    append_attribute(out_, "method",
                     many_ ? "RESTORE_IF_CAN_BE_REPLACED"
                           : "REPLACE_AT_REBOOT_IF_CANNOT_REPLACE");
    append_attribute(out_, "writerRestore", many_ ? "always" : "never");
    append_attribute(out_, "rebootRequired", many_ ? "no" : "yes");
    out_ += "/>";
  }

  void open_group(const GeneratedComponent& c, bool sql, std::uint32_t flags,
                  bool selectable = true) {
    out_ += "<FILE_GROUP";
    if (!c.logical_path.empty())
      append_attribute(out_, "logicalPath", c.logical_path);
    append_attribute(out_, "componentName", c.name);
    if (!sql) append_attribute(out_, "caption", c.name);
    out_ += " restoreMetadata=\"no\"";
    append_attribute(out_, "notifyOnBackupComplete", sql ? "yes" : "no");
    out_ += selectable ? " selectable=\"yes\"" : " selectable=\"no\"";
    append_attribute(out_, "selectableForRestore", sql ? "yes" : "no");
    out_ += " componentFlags=\"";
    append_number(out_, flags);
    out_ += "\">";
  }

  // Writes one FILE_LIST, applying the optional mutation.
  void emit(GeneratedComponent& c, std::string_view path,
            std::string_view filespec, bool recursive) {
    const std::size_t before = out_.size();
    append_file_list(out_, path, filespec, recursive);
    ++c.file_count;
    if (o_.mutation_fraction <= 0.0) return;
    const double u = mutate_.unit();
    const double f = o_.mutation_fraction;
    if (u >= f) return;
    const std::size_t base_len = out_.size() - before;
    out_.resize(before);
    removed_ += base_len;
    if (u < f / 3) {  // dropped
      --c.file_count;
      return;
    }
    if (u < 2 * f / 3) {  // changed
      if (mutate_.chance(0.5)) {
        append_file_list(out_, path, filespec, !recursive);
      } else {
        std::string changed = "new_";
        changed += filespec;
        append_file_list(out_, path, changed, recursive);
      }
    } else {  // kept, plus one more in the same directory
      append_file_list(out_, path, filespec, recursive);
      std::string extra;
      append_filespec(extra, mutate_, false);
      append_file_list(out_, path, extra, false);
      ++c.file_count;
    }
    added_ += out_.size() - before;
  }

  void write_system_components() {
    std::vector<std::string> pool(4000);
    for (auto& d : pool) d = system_directory(r_);
    const std::size_t n = components_;
    const double minor_share = 0.01;
    const double first_share =
        std::max(0.5, 1.0 - minor_share * static_cast<double>(n - 1));
    const std::size_t start = base_size();
    const double budget =
        o_.target_bytes > start + tail_reserve()
            ? static_cast<double>(o_.target_bytes - start - tail_reserve())
            : 0.0;
    double cumulative = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      GeneratedComponent c;
      if (i < std::size(kSystemComponents)) {
        c.name = kSystemComponents[i];
      } else {
        c.name = "System Files ";
        append_number(c.name, i + 1);
      }
      open_group(c, false, i == 1 ? 4 : 0);
      cumulative += i == 0 ? first_share
                           : (1.0 - first_share) / static_cast<double>(n - 1);
      const std::size_t end =
          start + static_cast<std::size_t>(budget * cumulative);
      std::string spec;
      std::string dir;
      for (std::size_t k = 0;; ++k) {
        if (o_.target_bytes != 0 ? (k > 0 && base_size() >= end) : k >= files_)
          break;
        for (std::size_t attempt = 0;; ++attempt) {
          const bool recursive = r_.chance(recursive_);
          spec.clear();
          if (i == 1 && !recursive) {  // service executables
            append_word(spec, r_);
            spec += ".exe";
          } else {
            append_filespec(spec, r_, recursive);
          }
          if (i == 1) {
            dir = service_directory(r_);
          } else {
            dir = r_.chance(0.35)
                      ? hot_directory(r_)
                      : std::string_view(pool[r_.below(pool.size())]);
          }
          if (o_.distinct_file_sets && !fresh(dir, spec, recursive, attempt)) {
            continue;
          }
          emit(c, dir, spec, recursive);
          break;
        }
      }
      out_ += "</FILE_GROUP>";
      doc_.file_count += c.file_count;
      doc_.components.push_back(std::move(c));
    }
  }

  // Component i is `L<i>` under the full path of component i-1; every third
  // one is not selectable. Its files lie in a folder of its own.
  void write_chain_components() {
    std::string parent;  // full path of the previous component
    std::string dir;
    std::string spec;
    for (std::size_t i = 0; i < components_; ++i) {
      GeneratedComponent c;
      c.logical_path = parent;
      c.name = "L";
      append_number(c.name, i + 1);
      open_group(c, false, 0, i % 3 != 2);
      dir = "C:\\Chain\\";
      dir += c.name;
      for (std::size_t k = 0; k < files_; ++k) {
        spec.clear();
        append_filespec(spec, r_, false);
        emit(c, dir, spec, false);
      }
      out_ += "</FILE_GROUP>";
      doc_.file_count += c.file_count;
      if (!parent.empty()) parent += '\\';
      parent += c.name;
      doc_.components.push_back(std::move(c));
    }
  }

  // Whether (dir, spec, recursive) has not been written yet, compared as
  // Windows does (case-insensitive, trailing backslashes ignored); remembers
  // it if so. After many redraws a number prefixed to the filespec makes the
  // set new (only a tiny document runs out of combinations).
  bool fresh(const std::string& dir, std::string& spec, bool recursive,
             std::size_t attempt) {
    if (attempt >= 64) {
      std::string numbered;
      append_number(numbered, written_sets_.size());
      spec.insert(0, numbered + "_");
    }
    std::string_view path = dir;  // "a\\" and "a" are the same directory
    while (!path.empty() && path.back() == '\\') path.remove_suffix(1);
    std::string key =
        std::string(path) + '|' + spec + (recursive ? "|1" : "|0");
    for (char& ch : key) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    }
    return written_sets_.insert(std::move(key)).second;
  }

  void add_host() {
    std::string host = r_.chance(0.5) ? "WIN2016-SQL17-" : "SQLNODE";
    append_number(host, hosts_.size() + 1);
    hosts_.push_back(std::move(host));
  }

  void new_instance() {
    if (hosts_.empty() || r_.chance(0.3)) add_host();
    const bool default_instance = r_.chance(0.25);
    const std::string_view name = default_instance
                                      ? std::string_view("MSSQLSERVER")
                                      : r_.pick(kInstances);
    const auto logical_path = [&] {
      return default_instance ? hosts_.back()
                              : hosts_.back() + "\\" + std::string(name);
    };
    while (used_paths_.count(logical_path()) != 0)
      add_host();  // keep keys unique
    SqlInstance& in = instance_;
    in = SqlInstance{};
    in.logical_path = logical_path();
    used_paths_.insert(in.logical_path);
    const std::string folder =
        std::string(r_.pick(kSqlVersions)) + "." + std::string(name);
    in.data_dir = std::string(1, static_cast<char>('D' + r_.below(4)));
    in.data_dir += ":\\" + folder + "\\MSSQL\\DATA";
    in.log_dir =
        r_.chance(0.5) ? in.data_dir : "L:\\" + folder + "\\MSSQL\\LOG";
    in.remaining = 20 + r_.below(180);
  }

  std::string database_name() {
    std::string name;
    append_word(name, r_, true);
    if (r_.chance(0.5)) append_word(name, r_, true);
    if (r_.chance(0.4)) {
      name += '_';
      append_number(name, 2000 + r_.below(25));
    }
    const std::size_t base_len = name.size();
    for (std::size_t n = 2; instance_.names.count(name) != 0; ++n) {
      name.resize(base_len);
      name += '_';
      append_number(name, n);
    }
    instance_.names.insert(name);
    return name;
  }

  void write_sql_component(std::size_t index_in_instance) {
    static constexpr std::array<std::array<std::string_view, 3>, 3> kSystem = {
        {{"master", "master.mdf", "mastlog.ldf"},
         {"model", "model.mdf", "modellog.ldf"},
         {"msdb", "MSDBData.mdf", "MSDBLog.ldf"}}};
    GeneratedComponent c;
    c.logical_path = instance_.logical_path;
    const bool system = index_in_instance < kSystem.size();
    c.name =
        system ? std::string(kSystem[index_in_instance][0]) : database_name();
    if (system) instance_.names.insert(c.name);
    open_group(c, true, 2);
    const std::size_t count =
        system ? 2 : std::max<std::size_t>(1, files_ - 1 + r_.below(3));
    std::string spec;
    for (std::size_t k = 0; k < count; ++k) {
      const bool log = k == 1;
      spec.clear();
      if (system) {
        spec = kSystem[index_in_instance][k + 1];
      } else {
        spec = c.name;
        if (k == 0) spec += ".mdf";
        if (k == 1) spec += "_log.ldf";
        if (k > 1) {
          spec += '_';
          append_number(spec, k);
          spec += ".ndf";
        }
      }
      if (!system && k > 0 && r_.chance(recursive_)) {  // a FILESTREAM folder
        emit(c, instance_.data_dir + "\\" + c.name + "_fs", "*", true);
      } else {
        emit(c, log ? instance_.log_dir : instance_.data_dir, spec, false);
      }
    }
    out_ += "</FILE_GROUP>";
    doc_.file_count += c.file_count;
    doc_.components.push_back(std::move(c));
  }

  void write_sql_components() {
    std::size_t in_instance = 0;
    for (std::size_t i = 0;; ++i) {
      if (o_.target_bytes != 0
              ? (i > 0 && base_size() + tail_reserve() >= o_.target_bytes)
              : i >= components_) {
        break;
      }
      if (i == 0 || instance_.remaining == 0) {
        new_instance();
        in_instance = 0;
      }
      write_sql_component(in_instance++);
      --instance_.remaining;
      if (i == 0) write_excludes(o_.exclude_count / 2);  // as in real SQL WMDs
    }
  }

  void write_excludes(std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
      out_ += "<EXCLUDE_FILES path=\"";
      if (many_) {
        out_ += instance_.data_dir.empty()
                    ? std::string_view("F:\\MSSQL14.MSSQLSERVER\\MSSQL\\DATA")
                    : std::string_view(instance_.data_dir);
        out_ += "\" filespec=\"";
        append_word(out_, r_, true);
        out_ += r_.chance(0.5) ? ".mdf" : "_log.ldf";
        out_ += "\" recursive=\"no\"/>";
      } else {
        out_ += system_directory(r_);
        out_ += "\" filespec=\"";
        static constexpr std::string_view kTemp[] = {"*.tmp", "*.log", "*.etl",
                                                     "*.bak", "~*.*"};
        out_ += r_.pick(kTemp);
        out_ +=
            r_.chance(0.5) ? "\" recursive=\"yes\"/>" : "\" recursive=\"no\"/>";
      }
      ++excludes_written_;
      ++doc_.exclude_count;
    }
  }

  const GeneratorOptions& o_;
  Random r_;
  Random mutate_;
  bool many_;
  bool chain_;
  std::size_t components_ = 0;
  std::size_t files_ = 0;
  double recursive_ = 0.0;
  std::string out_;
  std::size_t removed_ = 0;
  std::size_t added_ = 0;
  std::size_t excludes_written_ = 0;
  std::vector<std::string> hosts_;
  std::unordered_set<std::string> used_paths_;
  std::unordered_set<std::string> written_sets_;  // distinct_file_sets
  SqlInstance instance_;
  GeneratedWriterMetadata doc_;
};

}  // namespace

const char* to_string(DocumentStyle style) {
  switch (style) {
    case DocumentStyle::kSystemWriter:
      return "system";
    case DocumentStyle::kManyComponents:
      return "components";
    case DocumentStyle::kChain:
      return "chain";
  }
  return "system";
}

std::optional<DocumentStyle> parse_style(std::string_view text) {
  if (text == "system" || text == "system-writer")
    return DocumentStyle::kSystemWriter;
  if (text == "components" || text == "many" || text == "sql") {
    return DocumentStyle::kManyComponents;
  }
  if (text == "chain") return DocumentStyle::kChain;
  return std::nullopt;
}

std::optional<std::size_t> parse_byte_size(std::string_view text) {
  std::size_t value = 0;
  const char* end = text.data() + text.size();
  const auto res = std::from_chars(text.data(), end, value);
  if (res.ec != std::errc{} || value == 0) return std::nullopt;
  const std::string_view suffix(res.ptr,
                                static_cast<std::size_t>(end - res.ptr));
  int shift = 0;
  if (suffix == "K" || suffix == "k" || suffix == "KiB") {
    shift = 10;
  } else if (suffix == "M" || suffix == "m" || suffix == "MiB") {
    shift = 20;
  } else if (suffix == "G" || suffix == "g" || suffix == "GiB") {
    shift = 30;
  } else if (!suffix.empty()) {
    return std::nullopt;
  }
  if (value > (SIZE_MAX >> shift)) return std::nullopt;
  return value << shift;
}

GeneratedWriterMetadata generate_writer_metadata_document(
    const GeneratorOptions& options) {
  return Generator(options).run();
}

std::string generate_writer_metadata(const GeneratorOptions& options) {
  return generate_writer_metadata_document(options).xml;
}

std::string generate_backup_components(
    std::span<const GeneratedWriterMetadata> writers,
    const BackupComponentsOptions& options) {
  Random r(options.seed ^ 0x4243444fULL);
  std::string out =
      "<BACKUP_COMPONENTS xmlns=\"x-schema:#VssComponentMetadata\" "
      "version=\"1.2\" bootableSystemStateBackup=\"yes\" "
      "selectComponents=\"yes\" backupType=\"full\" "
      "partialFileSupport=\"no\" snapshotSetId=\"";
  append_guid(out, r, false);
  out += "\">";
  for (const GeneratedWriterMetadata& w : writers) {
    out += "<WRITER_COMPONENTS";
    append_attribute(out, "instanceId", w.instance_id);
    append_attribute(out, "writerId", w.writer_id);
    if (!w.instance_name.empty())
      append_attribute(out, "instanceName", w.instance_name);
    out += " backupSchema=\"";
    append_number(out, w.backup_schema);
    out += "\">";
    bool any = false;
    for (std::size_t i = 0; i < w.components.size(); ++i) {
      const bool last = i + 1 == w.components.size();
      if (!r.chance(options.selected_fraction) && !(last && !any)) continue;
      any = true;
      const GeneratedComponent& c = w.components[i];
      out += "<COMPONENT";
      if (!c.logical_path.empty())
        append_attribute(out, "logicalPath", c.logical_path);
      append_attribute(out, "componentName", c.name);
      out += " componentType=\"filegroup\"";
      if (w.backup_schema != 0) {  // 4-byte length, then a FILETIME
        std::array<unsigned char, 12> stamp{8, 0, 0, 0};
        const std::uint64_t t = 0x01d5b978ebdf2fc4ULL + (r.next() >> 24);
        for (std::size_t b = 0; b < 8; ++b) {
          stamp[4 + b] = static_cast<unsigned char>(t >> (8 * b));
        }
        out += " backupStamp=\"";
        append_base64(out, stamp.data(), stamp.size());
        out += '"';
      }
      out += "/>";
    }
    out += "</WRITER_COMPONENTS>";
  }
  out += "</BACKUP_COMPONENTS>";
  return out;
}

std::string generate_backup_components(const GeneratorOptions& options) {
  const GeneratedWriterMetadata wmd =
      generate_writer_metadata_document(options);
  BackupComponentsOptions bcd;
  bcd.seed = options.seed;
  return generate_backup_components(std::span(&wmd, 1), bcd);
}

}  // namespace vssmeta::bench
