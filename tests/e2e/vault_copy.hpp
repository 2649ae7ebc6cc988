#pragma once
// A scratch copy of examples/vault and a way to run the kb binary on it, for
// the end-to-end tests that change files.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace kb::test {

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Run {
  int exit = -1;
  std::string out, err;
};

class VaultCopy {
 public:
  VaultCopy() {
    namespace fs = std::filesystem;
    static int counter = 0;
    root_ = fs::temp_directory_path() /
            ("kb-vault-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(root_);
    fs::copy(fs::path(KB_SOURCE_DIR) / "examples/vault", root_, fs::copy_options::recursive);
  }
  ~VaultCopy() {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::permissions(root_ / "People/Asaf Levy/Asaf Levy.md", fs::perms::owner_all,
                    fs::perm_options::add, ec);
    fs::remove_all(root_, ec);
  }
  VaultCopy(const VaultCopy&) = delete;
  VaultCopy& operator=(const VaultCopy&) = delete;
  const std::filesystem::path& root() const { return root_; }

  // Prepended to every command: "NAME=value " pairs.
  std::string environment;

  Run kb(const std::string& args, const std::string& input = "") const {
    namespace fs = std::filesystem;
    const fs::path err = root_.string() + ".err";
    const fs::path in = root_.string() + ".in";
    std::ofstream(in, std::ios::binary) << input;
    const std::string command = environment + "'" + KB_BINARY + "' --vault '" + root_.string() +
                                "' --today 2026-11-24 " + args + " <'" + in.string() + "' 2>'" +
                                err.string() + "'";
    Run run;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe);
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
    const int status = ::pclose(pipe);
    run.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.err = slurp(err);
    fs::remove(err);
    fs::remove(in);
    return run;
  }

  std::map<std::string, std::string> snapshot() const {
    namespace fs = std::filesystem;
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(root_)) {
      if (e.is_regular_file()) files[fs::relative(e.path(), root_).string()] = slurp(e.path());
    }
    return files;
  }

 private:
  std::filesystem::path root_;
};

}  // namespace kb::test
