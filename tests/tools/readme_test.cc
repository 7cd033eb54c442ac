// SPDX-License-Identifier: MIT
// The executable README: every ```console block of README.md and docs/*.md
// is run. A line `$ vssmeta ARGS` is a command (simple shell quoting: '...',
// "..." with \" and \\, a backslash outside quotes escapes the next
// character); the lines below it, up to the next `$ ` line or the end of the
// block, are what it prints (standard error first, then standard output); a
// line that is exactly `...` stands for any number of lines (a cut). A
// trailing comment `# exit N` gives the expected exit status (default 0).
// Commands run in-process from the repository root, so examples name
// `testdata/...` as a user of a checkout would.

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "cli/app.h"
#include "support/test_support.h"

namespace vssmeta::testing {
namespace {

struct Example {
  std::string file;
  std::size_t line = 0;  // 1-based line of the `$ ` command
  std::string command;   // the text after `$ `
  std::vector<std::string> expected;
};

/// Splits a command line into words; `exit` receives the status of a
/// trailing `# exit N` comment. Returns an error message, or "" on success.
std::string split_command(std::string_view text,
                          std::vector<std::string>& words, int& exit) {
  exit = 0;
  words.clear();
  std::string word;
  bool in_word = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\t') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
      ++i;
    } else if (c == '#' && !in_word) {
      std::string_view comment = text.substr(i + 1);
      while (!comment.empty() && comment.front() == ' ')
        comment.remove_prefix(1);
      while (!comment.empty() && comment.back() == ' ')
        comment.remove_suffix(1);
      if (!comment.starts_with("exit ")) {
        return "a comment must be '# exit N', not '#" +
               std::string(text.substr(i + 1)) + "'";
      }
      const std::string number(comment.substr(5));
      if (number.empty() ||
          !std::all_of(number.begin(), number.end(),
                       [](char d) { return d >= '0' && d <= '9'; })) {
        return "'# exit' needs a number, not '" + number + "'";
      }
      exit = std::stoi(number);
      break;
    } else if (c == '\'') {
      const std::size_t end = text.find('\'', i + 1);
      if (end == std::string_view::npos) return "unterminated ' quote";
      word += text.substr(i + 1, end - i - 1);
      in_word = true;
      i = end + 1;
    } else if (c == '"') {
      ++i;
      bool closed = false;
      while (i < text.size()) {
        if (text[i] == '"') {
          closed = true;
          ++i;
          break;
        }
        if (text[i] == '\\' && i + 1 < text.size() &&
            (text[i + 1] == '"' || text[i + 1] == '\\')) {
          ++i;
        }
        word += text[i++];
      }
      if (!closed) return "unterminated \" quote";
      in_word = true;
    } else if (c == '\\') {
      if (i + 1 >= text.size()) return "a backslash ends the line";
      word += text[i + 1];
      in_word = true;
      i += 2;
    } else if (c == '|' || c == '>' || c == '<' || c == ';' || c == '&' ||
               c == '$' || c == '`' || c == '*' || c == '?') {
      return std::string("shell syntax '") + c +
             "' is not supported in a console example (quote it)";
    } else {
      word += c;
      in_word = true;
      ++i;
    }
  }
  if (in_word) words.push_back(word);
  return "";
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

/// The examples of the ```console blocks of one Markdown text. A block
/// whose first line is not a command is reported through `errors`.
std::vector<Example> extract_examples(const std::string& markdown,
                                      const std::string& file,
                                      std::vector<std::string>& errors) {
  std::vector<Example> examples;
  const std::vector<std::string> lines = split_lines(markdown);
  bool in_console = false;
  bool in_other = false;
  bool have_command = false;  // in this block
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const std::string& line = lines[n];
    const std::string where = file + ":" + std::to_string(n + 1);
    if (!in_console && !in_other) {
      if (line == "```console") {
        in_console = true;
        have_command = false;
      } else if (line.starts_with("```")) {
        in_other = true;
      }
      continue;
    }
    if (line.starts_with("```")) {
      in_console = in_other = false;
      continue;
    }
    if (in_other) continue;
    if (line.starts_with("$ ")) {
      if (!line.starts_with("$ vssmeta ")) {
        errors.push_back(where + ": a console example runs only 'vssmeta ...'");
        continue;
      }
      examples.push_back({file, n + 1, line.substr(10), {}});
      have_command = true;
    } else if (!have_command) {
      errors.push_back(where + ": output before any '$ vssmeta' command");
    } else {
      examples.back().expected.push_back(line);
    }
  }
  if (in_console) errors.push_back(file + ": a ```console block is not closed");
  return examples;
}

/// Whether `actual` matches `pattern`, where a pattern line "..." matches
/// any number of lines (dynamic programming, no backtracking blow-up).
bool lines_match(const std::vector<std::string>& pattern,
                 const std::vector<std::string>& actual) {
  const std::size_t m = pattern.size();
  const std::size_t n = actual.size();
  // ok[j]: pattern[0, i) matches actual[0, j).
  std::vector<char> ok(n + 1, 0);
  ok[0] = 1;
  for (std::size_t i = 0; i < m; ++i) {
    std::vector<char> next(n + 1, 0);
    if (pattern[i] == "...") {
      char any = 0;
      for (std::size_t j = 0; j <= n; ++j) {
        any = static_cast<char>(any || ok[j]);
        next[j] = any;
      }
    } else {
      for (std::size_t j = 0; j < n; ++j) {
        if (ok[j] && pattern[i] == actual[j]) next[j + 1] = 1;
      }
    }
    ok.swap(next);
  }
  return ok[n] != 0;
}

struct Run {
  int exit_code = -1;
  std::string shown;  // stderr, then stdout
};

Run run_from(const std::filesystem::path& dir,
             const std::vector<std::string>& words) {
  std::vector<std::string> args = words;
  args.insert(args.begin(), "vssmeta");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  cli::Io io{in, out, err, false};
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(dir);
  Run r;
  r.exit_code = cli::run(static_cast<int>(argv.size()), argv.data(), io);
  std::filesystem::current_path(cwd);
  r.shown = err.str() + out.str();
  return r;
}

/// Runs every example of `markdown`; returns one message per failure.
std::vector<std::string> check_markdown(const std::string& markdown,
                                        const std::string& file,
                                        std::size_t* count = nullptr) {
  std::vector<std::string> failures;
  const std::vector<Example> examples =
      extract_examples(markdown, file, failures);
  if (count != nullptr) *count = examples.size();
  const std::filesystem::path root = testdata_dir() / "..";
  for (const Example& e : examples) {
    const std::string where = e.file + ":" + std::to_string(e.line);
    std::vector<std::string> words;
    int want_exit = 0;
    const std::string bad = split_command(e.command, words, want_exit);
    if (!bad.empty()) {
      failures.push_back(where + ": " + bad);
      continue;
    }
    const Run r = run_from(root, words);
    const std::vector<std::string> actual = split_lines(r.shown);
    if (r.exit_code != want_exit) {
      failures.push_back(where + ": '$ vssmeta " + e.command + "' exited " +
                         std::to_string(r.exit_code) + ", the example says " +
                         std::to_string(want_exit) +
                         " (write '# exit N' after the command)\n" + r.shown);
    }
    if (!lines_match(e.expected, actual)) {
      std::string shown;
      for (const auto& l : e.expected) shown += l + "\n";
      failures.push_back(where + ": the output of '$ vssmeta " + e.command +
                         "' differs from the example:\n" +
                         unified_diff(shown, r.shown));
    }
  }
  return failures;
}

std::vector<std::filesystem::path> documented_files() {
  const std::filesystem::path root = testdata_dir() / "..";
  std::vector<std::filesystem::path> files{root / "README.md"};
  std::vector<std::filesystem::path> docs;
  for (const auto& entry : std::filesystem::directory_iterator(root / "docs")) {
    if (entry.path().extension() == ".md") docs.push_back(entry.path());
  }
  std::sort(docs.begin(), docs.end());
  files.insert(files.end(), docs.begin(), docs.end());
  return files;
}

TEST(Readme, EveryConsoleExampleRunsAsShown) {
#ifdef _WIN32
  GTEST_SKIP() << "the examples show paths and outputs as on Linux";
#endif
  std::size_t total = 0;
  for (const auto& path : documented_files()) {
    const std::string name = path.parent_path().filename() == "docs"
                                 ? "docs/" + path.filename().string()
                                 : path.filename().string();
    std::size_t count = 0;
    for (const std::string& f : check_markdown(read_bytes(path), name, &count))
      ADD_FAILURE() << f;
    total += count;
    if (name == "README.md") {
      EXPECT_GE(count, 7u) << "README.md should show one example per command";
    }
  }
  EXPECT_GT(total, 0u);
}

TEST(Readme, StaysAFrontDoor) {
  const std::string readme = read_bytes(testdata_dir() / ".." / "README.md");
  const auto lines =
      static_cast<std::size_t>(std::count(readme.begin(), readme.end(), '\n'));
  EXPECT_LE(lines, 320u) << "README.md has " << lines
                         << " lines: move reference material to docs/";
}

// The checker itself: a wrong output, a wrong exit status, a cut.
TEST(Readme, CheckerFailsOnAWrongExample) {
  const std::string good =
      "```console\n"
      "$ vssmeta validate testdata/rules/WMD012/trigger.xml  # exit 4\n"
      "...\n"
      "```\n";
  EXPECT_TRUE(check_markdown(good, "good.md").empty());
  const std::string wrong_exit =
      "```console\n"
      "$ vssmeta validate testdata/rules/WMD012/trigger.xml\n"
      "...\n"
      "```\n";
  EXPECT_EQ(check_markdown(wrong_exit, "exit.md").size(), 1u);
  const std::string wrong_output =
      "```console\n"
      "$ vssmeta validate --list-rules\n"
      "BCD001            error    operator backup          Not this text\n"
      "...\n"
      "```\n";
  const auto failures = check_markdown(wrong_output, "out.md");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_NE(failures[0].find("out.md:2: the output of"), std::string::npos)
      << failures[0];
  const std::string not_vssmeta = "```console\n$ ls\n```\n";
  EXPECT_EQ(check_markdown(not_vssmeta, "ls.md").size(), 1u);
}

TEST(Readme, CutMatchesAnyNumberOfLines) {
  EXPECT_TRUE(lines_match({"a", "...", "d"}, {"a", "b", "c", "d"}));
  EXPECT_TRUE(lines_match({"a", "...", "b"}, {"a", "b"}));
  EXPECT_TRUE(lines_match({"..."}, {}));
  EXPECT_FALSE(lines_match({"a", "...", "d"}, {"a", "b", "c"}));
  EXPECT_FALSE(lines_match({"a"}, {"a", "b"}));
  EXPECT_FALSE(lines_match({"a", "b"}, {"a"}));
}

TEST(Readme, CommandsSplitLikeAShell) {
  std::vector<std::string> words;
  int exit = -1;
  EXPECT_EQ(
      split_command(R"(dump "ASR Writer" 'a\b' c\ d  # exit 4)", words, exit),
      "");
  EXPECT_EQ(words,
            (std::vector<std::string>{"dump", "ASR Writer", R"(a\b)", "c d"}));
  EXPECT_EQ(exit, 4);
  EXPECT_EQ(split_command(R"(x "say \"hi\"")", words, exit), "");
  EXPECT_EQ(words, (std::vector<std::string>{"x", R"(say "hi")"}));
  EXPECT_EQ(exit, 0);
  EXPECT_NE(split_command("dump x | head", words, exit), "");
  EXPECT_NE(split_command("dump 'x", words, exit), "");
  EXPECT_NE(split_command("dump x # later", words, exit), "");
}

}  // namespace
}  // namespace vssmeta::testing
