// SPDX-License-Identifier: MIT
#include "load/cabinet.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <utility>

#include <fmt/format.h>

#include "load/decode.h"
#include "text/ascii.h"
#include "vssmeta/config.h"

#if VSSMETA_HAS_CABINET
#include <mspack.h>
#endif

namespace vssmeta::internal {
namespace {

Error cabinet_error(ErrorCode code, const std::string& source,
                    std::string message) {
  return Error{code, std::move(message), Location{source, 0, 0}};
}

// The member name as UTF-8: cabinets without the UTF-8 name flag store
// names in a code page; their bytes above 0x7F are read as Latin-1.
[[maybe_unused]] std::string utf8_name(const char* raw) {
  const std::string name(raw ? raw : "");
  bool valid = true;
  for (std::size_t i = 0; i < name.size() && valid;) {
    const auto c = static_cast<unsigned char>(name[i]);
    std::size_t len = c < 0x80             ? 1
                      : (c & 0xE0) == 0xC0 ? 2
                      : (c & 0xF0) == 0xE0 ? 3
                      : (c & 0xF8) == 0xF0 ? 4
                                           : 0;
    if (len == 0 || i + len > name.size()) valid = false;
    for (std::size_t k = 1; valid && k < len; ++k) {
      valid = (static_cast<unsigned char>(name[i + k]) & 0xC0) == 0x80;
    }
    i += len;
  }
  if (valid) return name;
  std::string out;
  for (char c : name) append_utf8(out, static_cast<unsigned char>(c));
  return out;
}

// Why `name` may not be a member name, or "" when it may: it must stay
// inside the folder it would be extracted to.
[[maybe_unused]] std::string unsafe_name_reason(std::string_view name) {
  if (name.empty()) return "an empty name";
  for (char c : name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      return "a control character in its name";
    }
  }
  if (name.front() == '\\' || name.front() == '/') return "an absolute path";
  if (name.find(':') != std::string_view::npos) {
    return "a drive or stream name (':')";
  }
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = name.find_first_of("\\/", start);
    if (end == std::string_view::npos) end = name.size();
    if (name.substr(start, end - start) == "..") {
      return "a '..' element that leaves the cabinet's folder";
    }
    start = end + 1;
  }
  return {};
}

[[maybe_unused]] bool wanted(std::string_view name) {
  return name.find_first_of("\\/") == std::string_view::npos &&
         name.size() > 4 && iequals(name.substr(name.size() - 4), ".xml");
}

[[maybe_unused]] std::string mib(std::size_t bytes) {
  if (bytes % (std::size_t{1} << 20) != 0) {
    return fmt::format("{} bytes", bytes);
  }
  return fmt::format("{} MiB", bytes >> 20);
}

}  // namespace

#if VSSMETA_HAS_CABINET

namespace {

// libmspack reads and writes through this mspack_system: the "file names"
// it is given are MemoryFile descriptions (which begin with a C string, in
// case libmspack ever looks at them as text), never paths.
struct MemoryFile {
  char tag[8] = "memory";
  const char* data = nullptr;  // reading
  std::size_t size = 0;
  std::string* out = nullptr;  // writing
  std::size_t out_limit = 0;
};

struct OpenFile {
  MemoryFile* file = nullptr;
  std::size_t pos = 0;
};

struct MemorySystem {
  mspack_system sys{};  // first member: libmspack passes &sys back
  std::string message;  // libmspack's last message
};

mspack_file* mem_open(mspack_system* self, const char* filename, int mode) {
  (void)self;
  auto* file = reinterpret_cast<MemoryFile*>(const_cast<char*>(filename));
  if (file == nullptr) return nullptr;
  if (mode == MSPACK_SYS_OPEN_READ && file->data == nullptr) return nullptr;
  if (mode != MSPACK_SYS_OPEN_READ && file->out == nullptr) return nullptr;
  if (mode == MSPACK_SYS_OPEN_WRITE) file->out->clear();
  auto* open = static_cast<OpenFile*>(std::malloc(sizeof(OpenFile)));
  if (open == nullptr) return nullptr;
  new (open) OpenFile{file, 0};
  return reinterpret_cast<mspack_file*>(open);
}

void mem_close(mspack_file* f) { std::free(f); }

int mem_read(mspack_file* f, void* buffer, int bytes) {
  auto* open = reinterpret_cast<OpenFile*>(f);
  if (bytes < 0 || open->file->data == nullptr) return -1;
  const std::size_t left =
      open->pos < open->file->size ? open->file->size - open->pos : 0;
  const std::size_t n = std::min(left, static_cast<std::size_t>(bytes));
  if (n > 0) std::memcpy(buffer, open->file->data + open->pos, n);
  open->pos += n;
  return static_cast<int>(n);
}

int mem_write(mspack_file* f, void* buffer, int bytes) {
  auto* open = reinterpret_cast<OpenFile*>(f);
  std::string* out = open->file->out;
  if (bytes < 0 || out == nullptr) return -1;
  const auto n = static_cast<std::size_t>(bytes);
  if (n >
      open->file->out_limit - std::min(out->size(), open->file->out_limit)) {
    return -1;  // more than the member declared: refused
  }
  out->append(static_cast<const char*>(buffer), n);
  return bytes;
}

int mem_seek(mspack_file* f, off_t offset, int mode) {
  auto* open = reinterpret_cast<OpenFile*>(f);
  const auto size = static_cast<off_t>(open->file->size);
  off_t base = 0;
  switch (mode) {
    case MSPACK_SYS_SEEK_START:
      base = 0;
      break;
    case MSPACK_SYS_SEEK_CUR:
      base = static_cast<off_t>(open->pos);
      break;
    case MSPACK_SYS_SEEK_END:
      base = size;
      break;
    default:
      return -1;
  }
  const off_t to = base + offset;
  if (to < 0 || to > size) return -1;
  open->pos = static_cast<std::size_t>(to);
  return 0;
}

off_t mem_tell(mspack_file* f) {
  return static_cast<off_t>(reinterpret_cast<OpenFile*>(f)->pos);
}

MemorySystem* current_system = nullptr;  // set only for message(): see below

void mem_message(mspack_file*, const char* format, ...) {
  // libmspack gives message() no system pointer; read_cabinet() points
  // current_system at its own for the duration of the call. Messages only
  // add detail to an error; none is printed.
  char buf[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buf, sizeof buf, format, args);
  va_end(args);
  if (current_system != nullptr) current_system->message = buf;
}

void* mem_alloc(mspack_system*, size_t bytes) { return std::malloc(bytes); }
void mem_free(void* p) { std::free(p); }
void mem_copy(void* src, void* dest, size_t bytes) {
  std::memmove(dest, src, bytes);
}

const char* reason(int error) {
  switch (error) {
    case MSPACK_ERR_SIGNATURE:
      return "no cabinet signature";
    case MSPACK_ERR_READ:
    case MSPACK_ERR_SEEK:
      return "the file ends inside the cabinet (truncated)";
    case MSPACK_ERR_DATAFORMAT:
      return "the cabinet's structure is damaged";
    case MSPACK_ERR_CHECKSUM:
      return "a data block's checksum does not match";
    case MSPACK_ERR_DECRUNCH:
      return "the compressed data is damaged";
    case MSPACK_ERR_NOMEMORY:
      return "out of memory";
    case MSPACK_ERR_WRITE:
      return "a member holds more data than its declared size";
    default:
      return "libmspack error";
  }
}

struct CabinetSession {
  MemorySystem system;
  mscab_decompressor* cabd = nullptr;
  mscabd_cabinet* cab = nullptr;
  CabinetSession() {
    system.sys = mspack_system{mem_open, mem_close, mem_read,    mem_write,
                               mem_seek, mem_tell,  mem_message, mem_alloc,
                               mem_free, mem_copy,  nullptr};
    current_system = &system;
  }
  ~CabinetSession() {
    if (cab != nullptr) cabd->close(cabd, cab);
    if (cabd != nullptr) mspack_destroy_cab_decompressor(cabd);
    current_system = nullptr;
  }
  CabinetSession(const CabinetSession&) = delete;
  CabinetSession& operator=(const CabinetSession&) = delete;
  std::string detail(int error) const {
    std::string out = reason(error);
    if (!system.message.empty()) out += " (" + system.message + ")";
    return out;
  }
};

}  // namespace

bool cabinet_supported() { return true; }

Result<std::vector<CabinetMember>> read_cabinet(std::string_view bytes,
                                                const std::string& source,
                                                const CabinetLimits& limits) {
  // libmspack's message() hook has no context argument: calls are
  // serialised so that the messages reach the right session.
  static std::mutex session_mutex;
  std::lock_guard<std::mutex> lock(session_mutex);
  // The input outlives the session: libmspack reopens it by "name" for
  // each extraction and closes its handles when the session ends.
  MemoryFile input;
  input.data = bytes.data();
  input.size = bytes.size();
  CabinetSession s;
  s.cabd = mspack_create_cab_decompressor(&s.system.sys);
  if (s.cabd == nullptr) {
    return cabinet_error(ErrorCode::kInternal, source,
                         "cannot start libmspack's cabinet reader");
  }
  s.cab = s.cabd->open(s.cabd, input.tag);
  if (s.cab == nullptr) {
    return cabinet_error(
        ErrorCode::kInvalidValue, source,
        "cannot read the cabinet: " + s.detail(s.cabd->last_error(s.cabd)));
  }
  if ((s.cab->flags & (MSCAB_HDR_PREVCAB | MSCAB_HDR_NEXTCAB)) != 0) {
    const char* other = s.cab->nextname
                            ? s.cab->nextname
                            : (s.cab->prevname ? s.cab->prevname : "?");
    return cabinet_error(
        ErrorCode::kUnsupported, source,
        fmt::format("this cabinet is one part of a set (it continues in "
                    "'{}'); only whole cabinets are read: extract the set "
                    "(expand -F:* first.cab folder) and load the folder",
                    utf8_name(other)));
  }

  // The directory, checked before anything is decompressed.
  std::map<const mscabd_folder*, std::size_t> folder_index;
  for (const mscabd_folder* f = s.cab->folders; f != nullptr; f = f->next) {
    folder_index.emplace(f, folder_index.size());
  }
  struct Wanted {
    mscabd_file* file;
    std::string name;
    std::size_t folder;
  };
  std::vector<Wanted> members;
  std::size_t count = 0;
  std::size_t total = 0;
  for (mscabd_file* f = s.cab->files; f != nullptr; f = f->next) {
    if (++count > limits.max_members) {
      return cabinet_error(ErrorCode::kUnsupported, source,
                           fmt::format("the cabinet has more than {} members; "
                                       "refusing it",
                                       limits.max_members));
    }
    std::string name = utf8_name(f->filename);
    if (std::string why = unsafe_name_reason(name); !why.empty()) {
      return cabinet_error(
          ErrorCode::kUnsupported, source,
          fmt::format("cabinet member '{}' has {}; refusing the cabinet", name,
                      why));
    }
    if (f->length > limits.max_member_bytes) {
      return cabinet_error(
          ErrorCode::kUnsupported, source,
          fmt::format("cabinet member '{}' declares {} bytes, more than the "
                      "limit of {} for one member",
                      name, f->length, mib(limits.max_member_bytes)));
    }
    if (!wanted(name)) continue;
    total += f->length;
    if (total > limits.max_total_bytes) {
      return cabinet_error(
          ErrorCode::kUnsupported, source,
          fmt::format("the cabinet's XML members declare more than {} "
                      "together; refusing it",
                      mib(limits.max_total_bytes)));
    }
    auto folder = folder_index.find(f->folder);
    members.push_back(Wanted{
        f, std::move(name),
        folder == folder_index.end() ? folder_index.size() : folder->second});
  }
  // In stored order within each folder: libmspack then decompresses each
  // folder once, front to back.
  std::stable_sort(
      members.begin(), members.end(), [](const Wanted& a, const Wanted& b) {
        return a.folder != b.folder ? a.folder < b.folder
                                    : a.file->offset < b.file->offset;
      });
  std::vector<CabinetMember> out;
  out.reserve(members.size());
  for (Wanted& m : members) {
    CabinetMember member{std::move(m.name), {}};
    member.bytes.reserve(m.file->length);
    MemoryFile target;
    target.out = &member.bytes;
    target.out_limit = m.file->length;
    s.system.message.clear();
    if (int rc = s.cabd->extract(s.cabd, m.file, target.tag);
        rc != MSPACK_ERR_OK) {
      return cabinet_error(ErrorCode::kInvalidValue, source,
                           fmt::format("cannot extract cabinet member '{}': {}",
                                       member.name, s.detail(rc)));
    }
    if (member.bytes.size() != m.file->length) {
      return cabinet_error(
          ErrorCode::kInvalidValue, source,
          fmt::format("cabinet member '{}' holds {} bytes, not the {} it "
                      "declares",
                      member.name, member.bytes.size(), m.file->length));
    }
    out.push_back(std::move(member));
  }
  return out;
}

#else  // !VSSMETA_HAS_CABINET

bool cabinet_supported() { return false; }

Result<std::vector<CabinetMember>> read_cabinet(std::string_view,
                                                const std::string& source,
                                                const CabinetLimits&) {
  return cabinet_error(
      ErrorCode::kUnsupported, source,
      "this is a cabinet (.cab), and cabinet support is not built into this "
      "vssmeta (it needs libmspack): extract it (expand -F:* x.cab folder, "
      "or cabextract) and load the folder");
}

#endif

}  // namespace vssmeta::internal
