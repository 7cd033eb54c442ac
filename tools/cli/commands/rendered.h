// SPDX-License-Identifier: MIT
#pragma once
// A command's whole output, rendered before any of it is written (so an
// error never leaves half an output), kept in blocks: it never moves while
// it grows and never needs room for twice its size, as one growing string
// does (the JSON dump of a System Writer document is 100 MB).

#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

#include "cli/app.h"

namespace vssmeta::cli {

class RenderedOutput {
 public:
  RenderedOutput();

  /// Where the command renders to.
  std::ostream& stream() { return stream_; }

  /// Writes everything to `path`, or to `io.out` for standard output
  /// (write_output: a file is replaced at once, standard output is written
  /// a block at a time). Returns kExitOk or, after printing the error,
  /// kExitError.
  int write(const std::string& path, Io& io);

 private:
  class Blocks : public std::streambuf {
   public:
    std::vector<std::string> blocks;

   protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;

   private:
    std::string& room();
  };
  Blocks blocks_;
  std::ostream stream_;
};

}  // namespace vssmeta::cli
