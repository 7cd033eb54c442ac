// SPDX-License-Identifier: MIT
#include "vssmeta/status_text.h"

#include <array>
#include <cstddef>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "load/decode.h"
#include "load/text_capture.h"
#include "load/text_lines.h"
#include "text/ascii.h"

namespace vssmeta {
namespace {

using internal::trim_text;

// More incomplete blocks than this are counted in one last warning.
constexpr std::size_t kMaxBlockWarnings = 20;

struct Wording {
  std::string_view text;  // ASCII-folded
  std::uint32_t hresult;
};

// vssadmin's last-error words. English: Microsoft's support articles and
// the real outputs in ../shared/vss-samples/text; French: "Aucune erreur"
// from a real output, the others from the strings of vssadmin.exe.mui
// (fr-FR), listed in the same order as the English ones
// (docs/status-text.md).
constexpr std::array<Wording, 12> kWordings = {{
    {"no error", 0},
    {"inconsistent shadow copy", 0x800423F0},
    {"out of resources", 0x800423F1},
    {"timed out", 0x800423F2},
    {"retryable error", 0x800423F3},
    {"non-retryable error", 0x800423F4},
    {"aucune erreur", 0},
    {"clich\xC3\xA9 instantan\xC3\xA9 incoh\xC3\xA9rent", 0x800423F0},
    {"ressources insuffisantes", 0x800423F1},
    {"d\xC3\xA9lai d\xC3\xA9pass\xC3\xA9", 0x800423F2},
    {"erreur r\xC3\xA9"
     "cup\xC3\xA9rable",
     0x800423F3},
    {"erreur non r\xC3\xA9"
     "cup\xC3\xA9rable",
     0x800423F4},
}};

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// `0x` and 1 to 8 hex digits at the start of `s`, then the end or a blank.
std::optional<std::uint32_t> leading_hresult(std::string_view s) {
  if (s.size() < 3 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X')) {
    return std::nullopt;
  }
  std::uint32_t value = 0;
  std::size_t i = 2;
  for (; i < s.size() && i < 10 && hex_digit(s[i]) >= 0; ++i) {
    value = (value << 4) | static_cast<std::uint32_t>(hex_digit(s[i]));
  }
  if (i == 2 || (i < s.size() && s[i] != ' ' && s[i] != '\t')) {
    return std::nullopt;
  }
  return value;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Digits as a number, saturating (a state past 15 is kept, never wraps).
std::uint32_t to_number(std::string_view digits) {
  std::uint64_t n = 0;
  for (char c : digits) {
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
    if (n > 0xFFFFFFFFULL) return 0xFFFFFFFFU;
  }
  return static_cast<std::uint32_t>(n);
}

struct StateLine {
  std::uint32_t code = 0;
  std::string text;
};

// vssadmin's `label: [N] text`, or diskshadow's and vshadow's
// `- label: N (VSS_WS_...)`.
std::optional<StateLine> state_line(std::string_view line) {
  const std::size_t open = line.find('[');
  if (open != std::string_view::npos && open > 0) {
    std::size_t i = open + 1;
    while (i < line.size() && is_digit(line[i])) ++i;
    if (i > open + 1 && i - open - 1 <= 10 && i < line.size() &&
        line[i] == ']' && internal::label_end(line.substr(0, open)) != 0) {
      return StateLine{to_number(line.substr(open + 1, i - open - 1)),
                       std::string(trim_text(line.substr(i + 1)))};
    }
  }
  const std::optional<std::string_view> value = internal::field_value(line);
  if (!value || value->empty() || !is_digit(value->front())) {
    return std::nullopt;
  }
  std::size_t i = 0;
  while (i < value->size() && is_digit((*value)[i])) ++i;
  const std::string_view rest = trim_text(value->substr(i));
  if (i > 10 || rest.size() < 2 || rest.front() != '(' || rest.back() != ')') {
    return std::nullopt;
  }
  return StateLine{to_number(value->substr(0, i)),
                   std::string(rest.substr(1, rest.size() - 2))};
}

// One writer's block while it is read.
struct Block {
  std::string name;
  std::size_t line = 0;
  std::optional<Guid> writer_id;
  std::optional<Guid> instance_id;
  std::optional<StateLine> state;
  std::optional<std::string> last_error;
  bool expect_last_error = false;  // the state line was the last field

  bool has_fields() const {
    return writer_id || instance_id || state || last_error;
  }
  bool complete() const {
    return writer_id && instance_id && state && last_error;
  }
  std::string missing() const {
    std::string out;
    auto add = [&](bool have, const char* what) {
      if (have) return;
      if (!out.empty()) out += ", ";
      out += what;
    };
    add(writer_id.has_value(), "writer id");
    add(instance_id.has_value(), "instance id");
    add(state.has_value(), "state");
    add(last_error.has_value(), "last error");
    return out;
  }
};

struct Parsed {
  std::vector<WriterStatus> statuses;
  Diagnostics warnings;
  bool any_state = false;  // some block had a state line
  std::size_t incomplete = 0;
};

class Parser {
 public:
  explicit Parser(const std::string& source) : source_(source) {}

  void line(std::string_view text, std::size_t number);
  Parsed finish();

 private:
  void close_block(bool at_end);
  void emit();

  const std::string& source_;
  std::optional<Block> block_;
  Parsed parsed_;
};

void Parser::line(std::string_view text, std::size_t number) {
  if (text.empty()) return;
  if (auto guid = internal::trailing_guid(text)) {
    if (!block_) return;
    block_->expect_last_error = false;
    if (!block_->writer_id) {
      block_->writer_id = *guid;
    } else if (!block_->instance_id) {
      block_->instance_id = *guid;
    }
    if (block_->complete()) emit();
    return;
  }
  if (block_ && !block_->state) {
    if (auto state = state_line(text)) {
      block_->state = std::move(*state);
      block_->expect_last_error = true;
      parsed_.any_state = true;
      return;
    }
  }
  const std::optional<std::string_view> value = internal::field_value(text);
  if (block_ && value && leading_hresult(*value)) {
    block_->last_error = std::string(*value);
    block_->expect_last_error = false;
    if (block_->complete()) emit();
    return;
  }
  if (block_ && block_->expect_last_error) {
    block_->last_error = std::string(value ? *value : trim_text(text));
    block_->expect_last_error = false;
    if (block_->complete()) emit();
    return;
  }
  if (auto name = internal::quoted_writer_name(text)) {
    close_block(false);
    block_ = Block{};
    block_->name = std::move(*name);
    block_->line = number;
  }
}

void Parser::emit() {
  Block& b = *block_;
  WriterStatus s;
  s.writer_name = std::move(b.name);
  s.writer_id = *b.writer_id;
  s.instance_id = *b.instance_id;
  s.state = writer_state_from(b.state->code);
  PrintedStatus printed;
  printed.where = Location{source_, b.line, 0};
  printed.state_code = b.state->code;
  printed.state_text = std::move(b.state->text);
  printed.last_error = std::move(*b.last_error);
  if (auto failure = failure_from_last_error(printed.last_error)) {
    s.failure = *failure;
    printed.failure_known = true;
  }
  s.printed = std::move(printed);
  parsed_.statuses.push_back(std::move(s));
  block_.reset();
}

// A block that the next name line ends is a writer only if it had a
// field (lines such as `Excluding writer "X", because ...` are not); at the
// end of a status text, a name line alone is a paste cut short too.
void Parser::close_block(bool at_end) {
  if (!block_) return;
  if (block_->has_fields() || (at_end && parsed_.any_state)) {
    if (++parsed_.incomplete <= kMaxBlockWarnings) {
      parsed_.warnings.push_back(Diagnostic{
          Severity::kWarning, "incomplete-status-block",
          fmt::format("writer '{}': incomplete block (no {}): skipped",
                      block_->name, block_->missing()),
          Location{source_, block_->line, 0}});
    }
  }
  block_.reset();
}

Parsed Parser::finish() {
  close_block(true);
  if (parsed_.incomplete > kMaxBlockWarnings) {
    parsed_.warnings.push_back(
        Diagnostic{Severity::kWarning, "incomplete-status-block",
                   fmt::format("{} more incomplete writer blocks skipped",
                               parsed_.incomplete - kMaxBlockWarnings),
                   Location{source_, 0, 0}});
  }
  return std::move(parsed_);
}

bool looks_like_xml(std::string_view text) {
  const std::string_view t = trim_text(text.substr(0, 4096));
  return !t.empty() && t.front() == '<';
}

Parsed parse_lines(std::string_view text, const std::string& source) {
  Parser parser(source);
  internal::for_each_clean_line(text,
                                [&](std::string_view line, std::size_t number) {
                                  parser.line(line, number);
                                });
  return parser.finish();
}

Error no_status(const std::string& source) {
  return Error{ErrorCode::kInvalidValue,
               "no complete writer status block: expected the output of "
               "`vssadmin list writers`, diskshadow `list writers status` or "
               "`vshadow -ws` (a quoted writer name, its writer id and "
               "instance id, a state and a last error)",
               Location{source, 1, 1}};
}

Result<std::vector<WriterStatus>> to_result(Parsed&& parsed,
                                            const std::string& source) {
  Result<std::vector<WriterStatus>> result =
      parsed.statuses.empty()
          ? Result<std::vector<WriterStatus>>(no_status(source))
          : Result<std::vector<WriterStatus>>(std::move(parsed.statuses));
  return std::move(result).with_warnings(std::move(parsed.warnings));
}

}  // namespace

std::optional<std::uint32_t> failure_from_last_error(std::string_view printed) {
  std::string_view t = trim_text(printed);
  if (auto code = leading_hresult(t)) return code;
  while (!t.empty() && t.back() == '.') t.remove_suffix(1);
  const std::string folded = internal::fold(t);
  for (const Wording& w : kWordings) {
    if (folded == w.text) return w.hresult;
  }
  return std::nullopt;
}

Result<std::vector<WriterStatus>> parse_status_text(
    std::string_view bytes, const ParseOptions& options) {
  auto decoded = internal::decode_input(bytes, options.source_name);
  if (!decoded) return std::move(decoded).error();
  return to_result(parse_lines(decoded->text(), options.source_name),
                   options.source_name);
}

bool is_status_text(std::string_view bytes) {
  auto decoded = internal::decode_input(bytes, "");
  if (!decoded || looks_like_xml(decoded->text())) return false;
  return !parse_lines(decoded->text(), "").statuses.empty();
}

namespace internal {

std::optional<Result<CaptureSet>> load_text_capture(std::string_view bytes,
                                                    const std::string& name) {
  auto decoded = decode_input(bytes, name);
  if (!decoded || looks_like_xml(decoded->text())) return std::nullopt;
  Parsed parsed = parse_lines(decoded->text(), name);
  // Text without a single state line is no status text: diskshadow's
  // metadata text, or something else, whose own error says what.
  if (!parsed.any_state) {
    auto writers = metadata_from_text(decoded->text(), name);
    if (!writers) return std::nullopt;
    Diagnostics warnings = std::move(*writers).warnings();
    Result<CaptureSet> result = [&]() -> Result<CaptureSet> {
      if (!*writers) return std::move(*writers).error();
      CaptureSet set;
      set.writers = std::move(**writers);
      return set;
    }();
    return std::move(result).with_warnings(std::move(warnings));
  }
  auto statuses = to_result(std::move(parsed), name);
  Diagnostics warnings = std::move(statuses).warnings();
  Result<CaptureSet> result = [&]() -> Result<CaptureSet> {
    if (!statuses) return std::move(statuses).error();
    CaptureSet set;
    set.statuses = std::move(*statuses);
    return set;
  }();
  return std::move(result).with_warnings(std::move(warnings));
}

}  // namespace internal
}  // namespace vssmeta
