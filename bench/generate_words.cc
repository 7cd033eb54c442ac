// SPDX-License-Identifier: MIT
#include "generate_words.h"

#include <array>
#include <charconv>

namespace vssmeta::bench {
namespace {

// Made-up building blocks. Windows writes most System Writer paths in lower
// case, with a minority kept as the installer wrote them.
constexpr std::string_view kSyllables[] = {
    "win",   "net",  "sys",   "crypt", "ms",   "shell",  "dx",     "ole",
    "ui",    "core", "kern",  "user",  "gdi",  "wbem",   "setup",  "print",
    "audio", "hid",  "usb",   "tcp",   "rpc",  "cfg",    "mgr",    "svc",
    "host",  "prov", "res",   "api",   "ext",  "reg",    "font",   "media",
    "mf",    "d3d",  "wow",   "perf",  "log",  "evt",    "task",   "sched",
    "power", "auth", "sec",   "cert",  "http", "dns",    "dhcp",   "smb",
    "nfs",   "fax",  "scan",  "ink",   "pen",  "touch",  "speech", "xml",
    "web",   "app",  "store", "sync",  "vss",  "shadow", "disk",   "vol",
    "boot",  "mui",  "lsa",   "sam",   "wmi",  "dcom",   "com",    "clus",
    "iis",   "dfs",  "bits",  "term"};
constexpr std::string_view kNumbers[] = {"32", "64",  "2",  "3",   "10", "140",
                                         "ex", "res", "ui", "srv", "cli"};
constexpr std::string_view kExtensions[] = {
    "dll",     "dll",      "dll",  "dll", "dll",     "dll",
    "exe",     "exe",      "sys",  "sys", "dll.mui", "dll.mui",
    "dll.mui", "exe.mui",  "inf",  "xml", "ps1xml",  "cdxml",
    "psd1",    "psm1",     "resx", "ttf", "cur",     "gif",
    "png",     "manifest", "cat",  "mof", "mfl",     "ini",
    "efi.mui", "tlb",      "ax",   "cpl", "ocx",     "drv"};
constexpr std::string_view kWildcards[] = {"*",     "*.*",   "*.dll", "*.mui",
                                           "*.sys", "*.inf", "*.cat"};
constexpr std::string_view kLocales[] = {
    "en-us", "de-de", "fr-fr", "ja-jp", "tr-tr", "pt-br", "zh-cn", "ru-ru",
    "es-es", "it-it", "ko-kr", "pl-pl", "sv-se", "nl-nl", "cs-cz"};
constexpr std::string_view kVendors[] = {"microsoft sql server",
                                         "common files\\contoso",
                                         "fabrikam",
                                         "Litware Inc",
                                         "adventure works",
                                         "R&amp;D Tools",
                                         "northwind",
                                         "tailspin\\agent",
                                         "wingtip toys",
                                         "proseware"};
constexpr std::string_view kHotDirs[] = {"c:\\windows\\system32",
                                         "c:\\windows\\system32",
                                         "c:\\windows\\syswow64",
                                         "c:\\windows\\syswow64",
                                         "c:\\windows\\system32\\drivers",
                                         "c:\\windows\\system32\\en-us",
                                         "c:\\windows\\syswow64\\en-us",
                                         "c:\\windows\\inf",
                                         "c:\\windows\\system32\\wbem",
                                         "c:\\windows\\fonts",
                                         "c:\\windows\\system32\\downlevel",
                                         "c:\\windows\\cursors",
                                         "c:\\windows\\media",
                                         "C:\\Windows\\system32\\config"};

}  // namespace

std::string_view hot_directory(Random& r) { return r.pick(kHotDirs); }

void append_hex(std::string& out, std::uint64_t value, int digits, bool upper) {
  const char* table = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
    out += table[(value >> shift) & 0xf];
  }
}

void append_guid(std::string& out, Random& r, bool upper) {
  const std::uint64_t a = r.next();
  const std::uint64_t b = (r.next() & 0x3fffffffffffffffULL) | (1ULL << 63);
  append_hex(out, a >> 32, 8, upper);
  out += '-';
  append_hex(out, a >> 16, 4, upper);
  out += '-';
  append_hex(out, (a & 0x0fff) | 0x4000, 4, upper);
  out += '-';
  append_hex(out, b >> 48, 4, upper);
  out += '-';
  append_hex(out, b, 12, upper);
}

std::string make_guid(Random& r) {
  std::string s;
  append_guid(s, r, false);
  return s;
}

void append_number(std::string& out, std::uint64_t n) {
  std::array<char, 24> buf{};
  const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), n);
  out.append(buf.data(), res.ptr);
}

void append_word(std::string& out, Random& r, bool capital) {
  const std::size_t start = out.size();
  const std::size_t parts = 1 + r.below(3);
  for (std::size_t i = 0; i < parts; ++i) out += r.pick(kSyllables);
  if (r.chance(0.25)) out += r.pick(kNumbers);
  if (capital && out[start] >= 'a' && out[start] <= 'z') {
    out[start] = static_cast<char>(out[start] - 'a' + 'A');
  }
}

std::string system_directory(Random& r) {
  std::string d;
  switch (r.below(16)) {
    case 0:
    case 1:
      d = r.chance(0.5) ? "c:\\windows\\system32" : "c:\\windows\\syswow64";
      d += "\\windowspowershell\\v1.0\\modules\\";
      append_word(d, r);
      break;
    case 2:
    case 3:
      d = "c:\\windows\\microsoft.net\\assembly\\gac_msil\\microsoft.";
      append_word(d, r);
      d += '.';
      append_word(d, r);
      d += "\\v4.0_6.3.0.0__31bf3856ad364e35";
      break;
    case 4:
      d = r.chance(0.5) ? "c:\\windows\\microsoft.net\\framework64\\v4.0.30319"
                        : "c:\\windows\\microsoft.net\\framework\\v2.0.50727";
      if (r.chance(0.6)) {
        d += '\\';
        append_word(d, r);
      }
      break;
    case 5:
      d = r.chance(0.5) ? "c:\\windows\\boot\\pcat\\"
                        : "c:\\windows\\boot\\efi\\";
      d += r.pick(kLocales);
      break;
    case 6:
      d = "c:\\windows\\system32\\driverstore\\filerepository\\";
      append_word(d, r);
      d += ".inf_amd64_";
      append_hex(d, r.next(), 16, false);
      break;
    case 7:
      d = r.chance(0.5) ? "C:\\Windows\\system32\\CatRoot\\{"
                        : "C:\\Windows\\system32\\CatRoot2\\{";
      append_guid(d, r, true);
      d += '}';
      break;
    case 8:
      d = r.chance(0.5) ? "%systemroot%\\system32\\"
                        : "%SystemRoot%\\System32\\";
      append_word(d, r, true);
      break;
    case 9:
      d = "c:\\program files\\common files\\microsoft shared\\";
      append_word(d, r);
      break;
    case 10:
      d = "c:\\windows\\winsxs\\amd64_microsoft-windows-";
      append_word(d, r);
      d += "_31bf3856ad364e35_6.3.9600.";
      append_number(d, 16384 + r.below(4000));
      d += "_none_";
      append_hex(d, r.next(), 16, false);
      break;
    case 11:
      d = "c:\\programdata\\microsoft\\device stage\\task\\{";
      append_guid(d, r, false);
      d += '}';
      break;
    case 12:
      d = r.chance(0.5) ? "%ProgramData%\\Microsoft\\" : "%WinDir%\\";
      append_word(d, r, true);
      break;
    case 13:
      d = "\\\\?\\Volume{";
      append_guid(d, r, false);
      d += "}\\Boot";
      break;
    default:
      d = r.chance(0.5) ? "c:\\windows\\" : "c:\\windows\\system32\\";
      append_word(d, r);
      if (r.chance(0.4)) {
        d += '\\';
        d += r.pick(kLocales);
      }
      break;
  }
  if (r.chance(0.01)) d += '\\';  // Windows keeps trailing backslashes
  return d;
}

std::string service_directory(Random& r) {
  std::string d =
      r.chance(0.4) ? "c:\\program files (x86)\\" : "C:\\Program Files\\";
  d += r.pick(kVendors);
  d += '\\';
  append_word(d, r);
  if (r.chance(0.5)) {
    d += "\\";
    append_number(d, 1 + r.below(150));
    d += ".0.";
    append_number(d, r.below(5000));
  }
  return d;
}

void append_filespec(std::string& out, Random& r, bool recursive) {
  if (recursive) {
    out += r.pick(kWildcards);
    return;
  }
  const std::size_t kind = r.below(100);
  if (kind < 3) {
    out += r.pick(kWildcards);
  } else if (kind < 4) {
    switch (r.below(4)) {
      case 0:
        out += "Perfc???.dat";
        break;
      case 1:
        out += "Perfh???.dat";
        break;
      case 2:
        append_word(out, r);
        out += "??.dll";
        break;
      default:
        out += "classic_{";
        append_guid(out, r, false);
        out += "}.settingcontent-ms";
        break;
    }
  } else {
    append_word(out, r, kind < 8);
    out += '.';
    out += r.pick(kExtensions);
  }
}

void append_file_list(std::string& out, std::string_view path,
                      std::string_view filespec, bool recursive) {
  out += "<FILE_LIST path=\"";
  out += path;
  out += "\" filespec=\"";
  out += filespec;
  out += '"';
  if (recursive) out += " recursive=\"yes\"";
  out += " filespecBackupType=\"3855\"/>";
}

void append_attribute(std::string& out, std::string_view name,
                      std::string_view value) {
  out += ' ';
  out += name;
  out += "=\"";
  out += value;
  out += '"';
}

void append_base64(std::string& out, const unsigned char* data, std::size_t n) {
  static constexpr char kTable[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (std::size_t i = 0; i < n; i += 3) {
    const std::uint32_t b0 = data[i];
    const std::uint32_t b1 = i + 1 < n ? data[i + 1] : 0U;
    const std::uint32_t b2 = i + 2 < n ? data[i + 2] : 0U;
    const std::uint32_t v = (b0 << 16) | (b1 << 8) | b2;
    out += kTable[(v >> 18) & 63];
    out += kTable[(v >> 12) & 63];
    out += i + 1 < n ? kTable[(v >> 6) & 63] : '=';
    out += i + 2 < n ? kTable[v & 63] : '=';
  }
}

}  // namespace vssmeta::bench
