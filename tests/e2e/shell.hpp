#pragma once
// Runs one `sh -c` command line and captures its stdout, stderr and exit
// code, for end-to-end tests that need a working folder, an environment or a
// pipeline of their own.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "vault_copy.hpp"

namespace kb::test {

// 'text' for sh, whatever it holds.
inline std::string quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// `command` run by sh in `folder`, stdin from `input`, KB_VAULT unset and
// NO_COLOR set; `kb` is the built binary.
inline Run shell(const std::string& command, const std::string& folder = ".",
                 const std::string& input = "") {
  namespace fs = std::filesystem;
  static int counter = 0;
  const fs::path base = fs::temp_directory_path() / ("kb-shell-" + std::to_string(::getpid()) +
                                                     "-" + std::to_string(counter++));
  const fs::path bin = base.string() + ".bin";
  fs::create_directories(bin);
  fs::create_symlink(KB_BINARY, bin / "kb");
  std::ofstream(base.string() + ".in", std::ios::binary) << input;
  const std::string line = "cd " + quote(folder) +
                           " && unset KB_VAULT && export NO_COLOR=1 PATH=" + quote(bin.string()) +
                           ":\"$PATH\" && { " + command + "\n} <" + quote(base.string() + ".in") +
                           " 2>" + quote(base.string() + ".err");
  Run run;
  FILE* pipe = ::popen(line.c_str(), "r");
  REQUIRE(pipe);
  char buffer[65536];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
  const int status = ::pclose(pipe);
  run.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.err = slurp(base.string() + ".err");
  std::error_code ec;
  fs::remove(base.string() + ".in", ec);
  fs::remove(base.string() + ".err", ec);
  fs::remove_all(bin, ec);
  return run;
}

}  // namespace kb::test
