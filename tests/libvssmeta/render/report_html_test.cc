// SPDX-License-Identifier: MIT
// The HTML report: escaping, the CSP hashes, sections and their order,
// what a hostile capture turns into, the hierarchy with and without
// Graphviz, and the capture manifest reader. (The page in a real browser:
// tests/browser/check_report.py.)

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "render/report_html_assets.h"
#include "render/report_html_escape.h"
#include "support/test_support.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/diagnose.h"
#include "vssmeta/diff.h"
#include "vssmeta/graphviz.h"
#include "vssmeta/html_report.h"
#include "vssmeta/validate.h"

namespace vssmeta {
namespace {

using internal::csp_hash;
using internal::html_escape;
using testing::testdata_dir;

CaptureSet load_dir(const std::string& relative) {
  auto loaded = load((testdata_dir() / relative).string());
  EXPECT_TRUE(loaded.has_value()) << to_string(loaded.error());
  return loaded ? std::move(*loaded) : CaptureSet{};
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + what.size())) {
    ++n;
  }
  return n;
}

std::string hex(const std::array<std::uint8_t, 32>& digest) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const std::uint8_t b : digest) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

TEST(HtmlEscape, EscapesMarkupAndQuotes) {
  EXPECT_EQ(html_escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/"
            "script&gt;");
}

TEST(HtmlEscape, MakesControlAndBidiCharactersVisible) {
  EXPECT_EQ(html_escape("a\nb\x01\x7f"), "a\\nb\\x01\\x7f");
  EXPECT_EQ(html_escape("x\xE2\x80\xAEy"), "x\\u202ey");
}

TEST(HtmlEscape, LeavesPlainTextAlone) {
  EXPECT_EQ(html_escape("System Writer: C:\\Windows ü"),
            "System Writer: C:\\Windows ü");
}

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(hex(internal::sha256("")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(hex(internal::sha256("abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // 56 bytes: the length needs a second padding block.
  EXPECT_EQ(hex(internal::sha256(
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(hex(internal::sha256(std::string(1000, 'a'))),
            "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

TEST(CspHash, IsTheBase64Digest) {
  EXPECT_EQ(csp_hash(""),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
}

// The text between `open` and the next `close`, after `from`.
std::string between(const std::string& text, const std::string& open,
                    const std::string& close) {
  const std::size_t a = text.find(open);
  if (a == std::string::npos) return {};
  const std::size_t b = text.find(close, a + open.size());
  if (b == std::string::npos) return {};
  return text.substr(a + open.size(), b - a - open.size());
}

// The page for `capture`, with its diagnosis.
std::string report_of(const CaptureSet& capture,
                      const HtmlReportOptions& options) {
  const Diagnosis d = diagnose(capture);
  HtmlReportInput in;
  in.capture = &capture;
  in.diagnosis = &d;
  std::ostringstream out;
  write_html_report(in, out, options);
  return out.str();
}

class HtmlReportFailed : public ::testing::Test {
 protected:
  void SetUp() override {
    capture_ = load_dir("diagnose/failed");
    auto status = parse_status_json(
        testing::read_bytes(testdata_dir() / "diagnose/failed/status.json"),
        "status.json");
    ASSERT_OK(status);
    status_ = *status;
    diagnosis_ = diagnose(capture_, status_);
    ValidateOptions options;
    options.audience = Audience::kOperator;
    options.min_severity = Severity::kWarning;
    findings_ = validate(capture_, options);
  }
  std::string render(const HtmlReportOptions& options = {}) {
    HtmlReportInput in;
    in.capture = &capture_;
    in.diagnosis = &diagnosis_;
    in.status = status_;
    in.findings = &findings_;
    in.inputs = {"diagnose/failed"};
    std::ostringstream out;
    write_html_report(in, out, options);
    return out.str();
  }
  CaptureSet capture_;
  std::vector<WriterStatus> status_;
  Diagnosis diagnosis_;
  Findings findings_;
};

TEST_F(HtmlReportFailed, SectionsInTheIssuesOrder) {
  const std::string html = render();
  const std::vector<std::string> ids = {"verdict",  "writers",  "failures",
                                        "coverage", "findings", "hierarchy"};
  std::size_t at = 0;
  for (const std::string& id : ids) {
    const std::size_t found = html.find("<section id=\"" + id + "\">");
    ASSERT_NE(found, std::string::npos) << id;
    EXPECT_GT(found, at) << id << " out of order";
    at = found;
  }
  EXPECT_EQ(html.find("<section id=\"diff\">"), std::string::npos);
}

TEST_F(HtmlReportFailed, VerdictFailureCauseAndWriterState) {
  const std::string html = render();
  EXPECT_NE(html.find("<span class=\"word\">failed</span>"), std::string::npos);
  EXPECT_NE(html.find("The ledger journal is locked by another process."),
            std::string::npos);
  EXPECT_NE(html.find("failed-at-freeze"), std::string::npos);
  EXPECT_NE(html.find("0x800423F2"), std::string::npos);
  // One row per writer of the diagnosis.
  const std::string body =
      between(html, "<table id=\"writers-table\"", "</table>");
  EXPECT_EQ(count(body, "<tr id=\"writer-"), diagnosis_.writers.size());
}

TEST_F(HtmlReportFailed, PolicyNamesExactlyTheInlineStyleAndScript) {
  const std::string html = render();
  const std::string policy =
      between(html, "http-equiv=\"Content-Security-Policy\" content=\"", "\"");
  EXPECT_NE(policy.find("default-src 'none'"), std::string::npos);
  EXPECT_NE(policy.find("style-src " +
                        csp_hash(between(html, "<style>", "</style>"))),
            std::string::npos);
  EXPECT_NE(policy.find("script-src " +
                        csp_hash(between(html, "<script>", "</script>"))),
            std::string::npos);
  EXPECT_EQ(between(html, "<style>", "</style>"), internal::report_css());
  EXPECT_EQ(between(html, "<script>", "</script>"), internal::report_js());
}

TEST_F(HtmlReportFailed, ReferencesNothingOutside) {
  const std::string html = render();
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(count(html, "<script"), 1U);
}

TEST_F(HtmlReportFailed, HierarchyAsListWithoutGraphviz) {
  HtmlReportOptions options;
  options.use_graphviz = false;
  const std::string html = render(options);
  const std::string section =
      between(html, "<section id=\"hierarchy\">", "</section>");
  EXPECT_NE(section.find("<ul class=\"tree\">"), std::string::npos);
  EXPECT_EQ(section.find("<svg"), std::string::npos);
  EXPECT_NE(section.find("Main"), std::string::npos);
}

TEST_F(HtmlReportFailed, HierarchyAsSvgWithGraphviz) {
  if (!have_graphviz()) GTEST_SKIP() << "built without Graphviz";
  const std::string html = render();
  const std::string section =
      between(html, "<section id=\"hierarchy\">", "</section>");
  EXPECT_NE(section.find("<svg"), std::string::npos);
  EXPECT_EQ(section.find("<?xml"), std::string::npos);
  EXPECT_EQ(section.find("<!DOCTYPE"), std::string::npos);
}

TEST_F(HtmlReportFailed, NoHierarchyWhenAsked) {
  HtmlReportOptions options;
  options.hierarchy = false;
  const std::string html = render(options);
  EXPECT_EQ(html.find("id=\"hierarchy\""), std::string::npos);
  EXPECT_EQ(html.find("href=\"#hierarchy\""), std::string::npos);
}

TEST(HtmlReport, DiffOnlyPageHasOnlyTheDiffSection) {
  const CaptureSet before = load_dir("diff/capture-old");
  const CaptureSet after = load_dir("diff/capture-new");
  const MetadataDiff changes = diff(before, after);
  ASSERT_FALSE(changes.empty());
  HtmlReportInput in;
  in.diff = &changes;
  in.diff_before = "old";
  in.diff_after = "new";
  std::ostringstream out;
  write_html_report(in, out);
  const std::string html = out.str();
  EXPECT_EQ(count(html, "<section id="), 1U);
  EXPECT_NE(html.find("<section id=\"diff\">"), std::string::npos);
  EXPECT_NE(html.find("<title>VSS metadata changes</title>"),
            std::string::npos);
  const ChangeCounts c = changes.counts();
  if (c.breaking != 0) {
    EXPECT_NE(html.find("id=\"diff-breaking\""), std::string::npos);
  }
  EXPECT_EQ(count(html, "<tr class="), changes.changes.size());
}

TEST(HtmlReport, IdenticalDiffSaysSo) {
  const MetadataDiff none;
  HtmlReportInput in;
  in.diff = &none;
  std::ostringstream out;
  write_html_report(in, out);
  EXPECT_NE(out.str().find("<p>identical"), std::string::npos);
  EXPECT_EQ(out.str().find("<table"), std::string::npos);
}

class HtmlReportHostile : public ::testing::Test {
 protected:
  void SetUp() override {
    capture_ = load_dir("report/hostile");
    auto status = parse_status_json(
        testing::read_bytes(testdata_dir() / "report/hostile/status.json"),
        "status.json");
    ASSERT_OK(status);
    status_ = *status;
    auto host = parse_host_manifest_json(
        testing::read_bytes(testdata_dir() / "report/hostile/manifest.json"),
        "manifest.json");
    ASSERT_OK(host);
    host_ = *host;
    diagnosis_ = diagnose(capture_, status_);
    ValidateOptions options;
    options.audience = Audience::kAuthor;
    findings_ = validate(capture_, options);
  }
  std::string render(bool graphviz) {
    HtmlReportInput in;
    in.capture = &capture_;
    in.diagnosis = &diagnosis_;
    in.status = status_;
    in.findings = &findings_;
    in.host = host_;
    in.inputs = {"report/hostile<script>"};
    HtmlReportOptions options;
    options.use_graphviz = graphviz;
    std::ostringstream out;
    write_html_report(in, out, options);
    return out.str();
  }
  CaptureSet capture_;
  std::vector<WriterStatus> status_;
  HostManifest host_;
  Diagnosis diagnosis_;
  Findings findings_;
};

void expect_inert(const std::string& html) {
  // The page's own script and nothing else that could run.
  EXPECT_EQ(count(html, "<script"), 1U);
  EXPECT_EQ(html.find("window.__pwned=1</script>"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<svg onload"), std::string::npos);
  EXPECT_EQ(html.find("onerror=\""), std::string::npos);
  EXPECT_EQ(html.find("<b>HOST</b>"), std::string::npos);
  // No raw control character but line feeds.
  const auto bad = std::find_if(html.begin(), html.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\n') || u == 0x7f;
  });
  EXPECT_EQ(bad, html.end()) << "raw control byte at " << (bad - html.begin());
  // The bidi override shows as its escape.
  EXPECT_EQ(html.find("\xE2\x80\xAE"), std::string::npos);
}

TEST_F(HtmlReportHostile, NamesAreTextInTheList) {
  const std::string html = render(false);
  expect_inert(html);
  EXPECT_NE(html.find("&lt;script&gt;window.__pwned=1&lt;/script&gt;&quot;"
                      "Quoted&quot; &#39;Writer&#39; &amp; Co"),
            std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;HOST&lt;/b&gt;\\u202eEVIL"), std::string::npos);
  EXPECT_NE(html.find("line1\\nline2\\ttab\\x7fdel"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;window.__pwned=5&lt;/script&gt;"),
            std::string::npos);
  EXPECT_NE(html.find("--&gt;&lt;script&gt;window.__pwned=3"),
            std::string::npos);
}

TEST_F(HtmlReportHostile, NamesAreTextInTheSvg) {
  if (!have_graphviz()) GTEST_SKIP() << "built without Graphviz";
  const std::string html = render(true);
  expect_inert(html);
  EXPECT_NE(html.find("<svg"), std::string::npos);
}

TEST(HostManifest, ReadsACaptureManifest) {
  auto host = parse_host_manifest_json(
      R"({"format": "vssmeta-capture-manifest", "version": 1,
          "host": "KESTREL-SRV04", "os_version": "Windows 10.0.20348",
          "time_utc": "2026-12-01T18:22:35Z", "tool_version": "vssmeta 1",
          "elevated": true, "context": "backup", "writers": []})",
      "manifest.json");
  ASSERT_OK(host);
  EXPECT_EQ(host->host, "KESTREL-SRV04");
  EXPECT_EQ(host->time_utc, "2026-12-01T18:22:35Z");
  EXPECT_TRUE(host->elevated);
}

TEST(HostManifest, RefusesOtherDocuments) {
  auto status = parse_host_manifest_json(
      R"({"format": "vssmeta-capture-status", "version": 1})", "x.json");
  ASSERT_FALSE(status.has_value());
  EXPECT_EQ(status.error().code, ErrorCode::kUnexpectedRoot);
  auto broken = parse_host_manifest_json("{", "x.json");
  ASSERT_FALSE(broken.has_value());
  EXPECT_EQ(broken.error().code, ErrorCode::kMalformedXml);
  auto bad = parse_host_manifest_json(
      R"({"format": "vssmeta-capture-manifest", "host": 3})", "x.json");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidValue);
  EXPECT_EQ(bad.error().message, "\"host\" is not a string");
}

TEST(HtmlReport, ListNamesDependencyTargetsInOtherWriters) {
  HtmlReportOptions options;
  options.use_graphviz = false;
  const std::string html = report_of(load_dir("graph/deps"), options);
  // One part per writer; a target in the writer itself by its name.
  EXPECT_NE(html.find("<summary>Alpha Writer</summary>"), std::string::npos);
  EXPECT_NE(html.find("<summary>Beta Writer</summary>"), std::string::npos);
  EXPECT_NE(html.find("&rarr; depends on Beta Writer:\\Config<"),
            std::string::npos);
  EXPECT_NE(html.find("&rarr; depends on Alpha Writer:\\Server\\Orders<"),
            std::string::npos);
  EXPECT_NE(html.find("&rarr; depends on \\\\FARHOST\\Server\\Orders<"),
            std::string::npos);
}

// A report lays out 5,000 nodes in all: the first writer (a chain of 11
// nodes, by name before the second) is drawn; the second (4,991 nodes, which
// alone would fit: 4,940 components under 50 path elements) would take the
// total past 5,000 and is listed, with the reason.
TEST(HtmlReport, WritersPastTheLayoutBudgetAreListed) {
  if (!have_graphviz()) GTEST_SKIP() << "built without Graphviz";
  CaptureSet capture;
  capture.writers.push_back(testing::chain_writer(10));
  capture.writers.push_back(testing::flat_writer(4940));
  HtmlReportOptions options;
  options.max_siblings = 0;  // every component a node
  const std::string section = between(
      report_of(capture, options), "<section id=\"hierarchy\">", "</section>");
  const std::string first =
      between(section, "<summary>Chain</summary>", "</details>");
  const std::string second =
      between(section, "<summary>Flat</summary>", "</details>");
  EXPECT_NE(first.find("<svg"), std::string::npos);
  EXPECT_EQ(second.find("<svg"), std::string::npos);
  EXPECT_NE(second.find("<p class=\"warn\">4991 nodes are more than the "
                        "report draws (5000 in all, 11 drawn above); the "
                        "hierarchy as a list:</p>"),
            std::string::npos);
  EXPECT_EQ(count(second, "<li>"), 4991U);

  // Alone, a writer over the budget says only that.
  capture.writers.erase(capture.writers.begin());
  capture.writers[0] = testing::flat_writer(5000);
  EXPECT_NE(report_of(capture, options)
                .find("<p class=\"warn\">5052 nodes are more than the "
                      "report draws (5000); the hierarchy as a list:</p>"),
            std::string::npos);
}

TEST(HtmlReport, DeepLogicalPathsAsAList) {
  // 2000 nested components: the list is written without recursion.
  CaptureSet capture;
  capture.writers.push_back(testing::chain_writer(2000));
  HtmlReportOptions options;
  options.use_graphviz = false;
  const std::string html = report_of(capture, options);
  EXPECT_GE(count(html, "<ul class=\"tree\">"), 2000U);
  EXPECT_EQ(count(html, "<ul class=\"tree\">"), count(html, "</ul>"));
}

}  // namespace
}  // namespace vssmeta
