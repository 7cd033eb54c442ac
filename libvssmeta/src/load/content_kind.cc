// SPDX-License-Identifier: MIT
#include "load/content_kind.h"

#include "load/decode.h"
#include "load/vshadow_text.h"

namespace vssmeta::internal {
namespace {

constexpr const char* kDiskImageAdvice =
    "vssmeta reads a backup's XML files, not disk images: load the "
    "'Backup <date>' folder that holds this file (or its "
    "WindowsImageBackup folder)";
constexpr const char* kEventLogAdvice =
    "event logs hold no VSS documents: save the writers' state with "
    "'vssadmin list writers > writers.txt', and their metadata as "
    "diskshadow's metadata cab ('set metadata x.cab') or vshadow -wm3 output";
constexpr const char* kArchiveAdvice =
    "extract it and load the folder or files it holds";
constexpr const char* kImageAdvice =
    "a picture of the text cannot be read: ask for the text itself "
    "('vssadmin list writers > writers.txt') or the documents";

using namespace std::string_view_literals;
constexpr ForeignFormat kForeignFormats[] = {
    {"vhdxfile"sv, 0, "a VHDX virtual disk", kDiskImageAdvice},
    {"conectix"sv, 0, "a VHD virtual disk", kDiskImageAdvice},
    {"MSWIM\0\0\0"sv, 0, "a WIM disk image", kDiskImageAdvice},
    {"ElfFile\0"sv, 0, "a Windows event log (.evtx)", kEventLogAdvice},
    {"LfLe"sv, 4, "a Windows event log (.evt)", kEventLogAdvice},
    {"PK\x03\x04"sv, 0, "a ZIP archive", kArchiveAdvice},
    {"PK\x05\x06"sv, 0, "an empty ZIP archive", kArchiveAdvice},
    {"7z\xBC\xAF\x27\x1C"sv, 0, "a 7-Zip archive", kArchiveAdvice},
    {"Rar!\x1A\x07"sv, 0, "a RAR archive", kArchiveAdvice},
    {"\x1F\x8B"sv, 0, "a gzip-compressed file", kArchiveAdvice},
    {"\xFD\x37\x7A\x58\x5A\x00"sv, 0, "an xz-compressed file", kArchiveAdvice},
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv, 0,
     "an OLE compound file (an Outlook .msg message or an Office document)",
     "save the attachment or text it holds as a file and load that"},
    {"{\\rtf"sv, 0, "an RTF document",
     "save it as plain text (UTF-8 or Unicode) and load that"},
    {"%PDF-"sv, 0, "a PDF document",
     "ask for the original file or tool output instead"},
    {"\x89PNG\r\n\x1A\n"sv, 0, "a PNG image", kImageAdvice},
    {"\xFF\xD8\xFF"sv, 0, "a JPEG image", kImageAdvice},
    {"GIF8"sv, 0, "a GIF image", kImageAdvice},
    {"regf"sv, 0, "a Windows registry hive",
     "registry hives hold no VSS documents: load the writers' metadata "
     "(diskshadow's metadata cab, vshadow -wm3 output)"},
    {"MZ"sv, 0, "a Windows program or library (PE file)",
     "load the documents or text the program wrote instead"},
};

}  // namespace

bool starts_like_xml(std::string_view bytes) {
  const auto* u = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  std::size_t step = 1;
  std::size_t low = 0;  // index of the ASCII byte within a code unit
  if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
    i = 3;
  } else if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
    i = 2, step = 2, low = 0;
  } else if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
    i = 2, step = 2, low = 1;
  } else if (n >= 2 && u[0] != 0 && u[1] == 0) {
    step = 2, low = 0;
  } else if (n >= 2 && u[0] == 0 && u[1] != 0) {
    step = 2, low = 1;
  }
  for (; i + step <= n; i += step) {
    if (step == 2 && u[i + 1 - low] != 0) return false;
    const unsigned char c = u[i + low];
    if (c == '<') return true;
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  }
  return false;
}

Content classify_content(std::string_view bytes) {
  if (bytes.substr(0, 4) == "MSCF") return {ContentKind::kCabinet};
  for (const ForeignFormat& f : kForeignFormats) {
    if (bytes.size() >= f.offset + f.magic.size() &&
        bytes.substr(f.offset, f.magic.size()) == f.magic) {
      return {ContentKind::kForeign, &f};
    }
  }
  if (bytes.empty() || starts_like_xml(bytes)) return {};
  // Text that does not start with XML: tool output.
  auto decoded = decode_input(bytes, {});
  if (!decoded) return {};
  const std::string_view text = decoded->text();
  if (find_vshadow_writer_xml(text)) {
    return {ContentKind::kVshadowWriterXml};
  }
  if (is_vshadow_writer_summary(text)) {
    return {ContentKind::kVshadowSummary};
  }
  return {};
}

}  // namespace vssmeta::internal
