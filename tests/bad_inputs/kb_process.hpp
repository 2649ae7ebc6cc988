#pragma once
// Runs the built kb binary on a scratch vault, for the bad-input catalogue:
// every run is bounded by `timeout`, its exit status is classified (exit
// code, timeout, signal) and the vault's bytes can be snapshotted around it.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace kb::testing {

namespace fs = std::filesystem;

inline std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

// One process run: `exit` is the exit code; 124 means `timeout` killed it,
// 128+N a signal N (the shell's convention).
struct Run {
  int exit = -1;
  std::string out, err;
  std::string command;

  // The non-empty lines of stderr.
  std::vector<std::string> err_lines() const {
    std::vector<std::string> lines;
    std::istringstream in(err);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) lines.push_back(line);
    }
    return lines;
  }
  bool has_err_line(const std::string& line) const {
    for (const auto& l : err_lines()) {
      if (l == line) return true;
    }
    return false;
  }
};

inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// Runs `kb --vault VAULT --today 2026-11-24 ARGS` under `timeout 60`.
inline Run run_kb(const std::string& vault, const std::string& args) {
  static int counter = 0;
  const fs::path err = fs::temp_directory_path() /
                       ("kb-bad-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  Run run;
  run.command = "timeout -k 5 60 " + shell_quote(KB_BINARY) + " --vault " + shell_quote(vault) +
                " --today 2026-11-24 " + args;
  const std::string command =
      "env -u KB_VAULT " + run.command + " </dev/null 2>" + shell_quote(err.string());
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buffer[65536];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
  const int status = ::pclose(pipe);
  run.exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.err = slurp(err);
  fs::remove(err);
  return run;
}

// A fresh folder under the temp directory, removed (made writable first)
// when the test ends.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& label) {
    static int counter = 0;
    root_ = fs::temp_directory_path() / ("kb-bad-inputs-" + std::to_string(::getpid()) + "-" +
                                         std::to_string(counter++) + "-" + label);
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  ~ScratchDir() {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root_, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_symlink())
        fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    }
    fs::remove_all(root_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const fs::path& root() const { return root_; }

 private:
  fs::path root_;
};

// Every regular file below `root` (symlinks to files read through), by
// vault-relative path; symlinked folders are not entered.
inline std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_regular_file(type_ec))
      files[fs::relative(it->path(), root).string()] = slurp(it->path());
  }
  return files;
}

}  // namespace kb::testing
