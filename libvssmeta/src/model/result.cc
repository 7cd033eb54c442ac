// SPDX-License-Identifier: MIT
#include "vssmeta/result.h"

#include "text/escape.h"
#include "vssmeta/dump.h"

namespace vssmeta {

std::string to_string(const Error& error) {
  std::string prefix;
  if (error.where && !error.where->file.empty()) {
    prefix = to_string(*error.where) + ": ";
  }
  // Control characters (from a file name or a quoted value) are escaped.
  return internal::escape_control(prefix + "error: " + error.message);
}

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::kIo:
      return "io";
    case ErrorCode::kMalformedXml:
      return "malformed-xml";
    case ErrorCode::kUnexpectedRoot:
      return "unexpected-root";
    case ErrorCode::kMissingAttribute:
      return "missing-attribute";
    case ErrorCode::kInvalidValue:
      return "invalid-value";
    case ErrorCode::kUnsupported:
      return "unsupported";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

}  // namespace vssmeta
