// SPDX-License-Identifier: MIT
#include "vssmeta/source_info.h"

namespace vssmeta {

const char* to_string(Encoding encoding) {
  switch (encoding) {
    case Encoding::kUtf8:
      return "utf-8";
    case Encoding::kUtf16Le:
      return "utf-16le";
    case Encoding::kUtf16Be:
      return "utf-16be";
  }
  return "utf-8";
}

}  // namespace vssmeta
