// SPDX-License-Identifier: MIT
// Document rules: the loader's warnings (model_reader.cc, capture_set.cc)
// as findings, one rule per warning code, so that everything validate
// prints is counted, appears in JSON and SARIF and obeys --disable and
// --severity. They report only when validate() is given the warnings.
#include <string>

#include "validate/rules.h"

namespace vssmeta::internal {
namespace {

// The codes of the table below: a warning with another code (a newer
// loader's) goes to load-warning.
bool listed(std::string_view code);

template <const char* Code>
void report_code(const CheckContext& ctx, Reporter& r) {
  for (const Diagnostic& d : ctx.load_warnings()) {
    if (d.code == Code) r.document(d, d.message, std::string());
  }
}

void report_unlisted(const CheckContext& ctx, Reporter& r) {
  for (const Diagnostic& d : ctx.load_warnings()) {
    if (listed(d.code)) continue;
    r.document(d, concat({d.message, " (", d.code, ")"}), std::string());
  }
}

constexpr char kGuidCase[] = "guid-case";
constexpr char kIgnoredElement[] = "ignored-element";
constexpr char kInvalidValue[] = "invalid-value";
constexpr char kManifestMismatch[] = "manifest-mismatch";
constexpr char kSkippedFile[] = "skipped-file";
constexpr char kUnexpectedText[] = "unexpected-text";
constexpr char kUnknownAttribute[] = "unknown-attribute";
constexpr char kUnknownElement[] = "unknown-element";
constexpr char kUnknownValue[] = "unknown-value";

constexpr Rule kRules[] = {
    {{"guid-case", Severity::kInfo, RuleScope::kDocument,
      "A GUID mixes upper- and lower-case hex digits",
      "GUIDs are compared by value, so the letter case does not change what "
      "a document means; Windows' own writers write mixed-case GUIDs (the "
      "VSS Metadata Store Writer does). Only a tool that compares GUIDs as "
      "text would be misled.",
      "sdk:guiddef/ns-guiddef-guid.md"},
     report_code<kGuidCase>},
    {{"ignored-element", Severity::kWarning, RuleScope::kDocument,
      "An element beside the document's root element was ignored",
      "A document wrapped in another root may hold, beside the writer "
      "metadata or backup components element and its XDR schema, elements "
      "that are neither; they are not read.",
      "win32:writer-metadata-document-contents.md; "
      "win32:backup-components-document-contents.md"},
     report_code<kIgnoredElement>},
    {{"invalid-value", Severity::kWarning, RuleScope::kDocument,
      "An attribute's value cannot be read (yes/no, number or GUID)",
      "The value is kept verbatim and the field is treated as absent; VSS "
      "itself would refuse the document, so whoever wrote it did not use "
      "the VSS API.",
      "win32:writer-metadata-document-contents.md; "
      "win32:backup-components-document-contents.md"},
     report_code<kInvalidValue>},
    {{"load-warning", Severity::kWarning, RuleScope::kDocument,
      "A loader warning this version's rule table does not name",
      "Reported with the loader's own code in parentheses, so that no "
      "warning of the loader goes unprinted or uncounted.",
      "win32:writer-metadata-document-contents.md"},
     report_unlisted},
    {{"manifest-mismatch", Severity::kWarning, RuleScope::kDocument,
      "diskshadow's manifest and the folder's documents disagree",
      "diskshadow's metadata cab lists every writer whose metadata it saved; "
      "a folder with fewer or more writer metadata documents than its "
      "manifest lists is not the complete capture.",
      "win32:writer-metadata-document-life-cycle.md"},
     report_code<kManifestMismatch>},
    {{"skipped-file", Severity::kWarning, RuleScope::kDocument,
      "A file of a capture folder was not read",
      "The file is neither a writer metadata nor a backup components "
      "document nor diskshadow's manifest (or not a regular file), so "
      "nothing in it was checked.",
      "win32:writer-metadata-document-life-cycle.md"},
     report_code<kSkippedFile>},
    {{"unexpected-text", Severity::kWarning, RuleScope::kDocument,
      "An element holds text where VSS writes none",
      "VSS documents carry their data in attributes; text content is kept "
      "verbatim but means nothing to VSS.",
      "win32:writer-metadata-document-contents.md"},
     report_code<kUnexpectedText>},
    {{"unknown-attribute", Severity::kWarning, RuleScope::kDocument,
      "An attribute this version does not know",
      "Kept verbatim and written back; a newer Windows may write attributes "
      "this version has no field for, and what they mean is not checked.",
      "win32:writer-metadata-document-contents.md; "
      "win32:backup-components-document-contents.md"},
     report_code<kUnknownAttribute>},
    {{"unknown-element", Severity::kWarning, RuleScope::kDocument,
      "An element this version does not know",
      "Kept verbatim and written back, with everything inside it; nothing "
      "in it is checked.",
      "win32:writer-metadata-document-contents.md; "
      "win32:backup-components-document-contents.md"},
     report_code<kUnknownElement>},
    {{"unknown-value", Severity::kWarning, RuleScope::kDocument,
      "An enumeration attribute has a spelling this version does not know",
      "The document stays usable: the spelling is kept verbatim, written "
      "back and shown by dump, but the field cannot be interpreted, so the "
      "rules that need it skip it. Report the spelling if Windows wrote it.",
      "sdk:vswriter/ne-vswriter-vss_restoremethod_enum.md; "
      "sdk:vswriter/ne-vswriter-vss_usage_type.md"},
     report_code<kUnknownValue>},
};

bool listed(std::string_view code) {
  for (const Rule& r : kRules) {
    if (r.info.id == code && code != "load-warning") return true;
  }
  return false;
}

}  // namespace

std::span<const Rule> document_rules() { return kRules; }

}  // namespace vssmeta::internal
