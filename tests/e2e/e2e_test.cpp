// End-to-end transcripts: each tests/e2e/cases/*.case runs the built kb on
// examples/vault and compares stdout, stderr (when given) and the exit code.
//
// Case format:
//   args: person "Asaf Levy" --json     (shell words after `kb --vault <vault> --today 2026-11-24`;
//                                       `--vault ../../tests/fixtures/X` runs on a fixture instead)
//   args: people --tsv | cut -f1 | xargs kb person   (run by sh -c: pipes work, and `kb`
//                                       anywhere in the line runs the binary with the same flags)
//   exit: 0
//   --- stdout
//   <expected stdout, byte for byte>
//   --- stderr                          (optional; compared when present)
//   <expected stderr>
// KB_UPDATE_TRANSCRIPTS=1 rewrites the expected sections from the actual run
// (review the diff before committing it).
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Case {
  std::string args;
  int exit = 0;
  std::string stdout_text;
  std::string stderr_text;
  bool has_stderr = false;
};

Case parse_case(const std::string& text) {
  Case c;
  std::size_t pos = 0;
  std::string* section = nullptr;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    const bool last = end == std::string::npos;
    if (last) end = text.size();
    const std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line == "--- stdout") {
      section = &c.stdout_text;
    } else if (line == "--- stderr") {
      section = &c.stderr_text;
      c.has_stderr = true;
    } else if (section) {
      *section += line;
      if (!last) *section += '\n';
    } else if (line.rfind("args: ", 0) == 0) {
      c.args = line.substr(6);
    } else if (line.rfind("exit: ", 0) == 0) {
      c.exit = std::stoi(line.substr(6));
    }
  }
  return c;
}

struct Result {
  std::string out, err;
  int exit = -1;
};

// A `kb` on PATH that runs the built binary on the example vault, so a case
// may call kb again after a pipe or from xargs.
fs::path make_wrapper(const std::string& vault) {
  const fs::path dir = fs::temp_directory_path() / ("kb-e2e-bin-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path script = dir / "kb";
  std::ofstream(script, std::ios::binary) << "#!/bin/sh\nexec '" << KB_BINARY << "' --vault '"
                                          << vault << "' --today 2026-11-24 \"$@\"\n";
  fs::permissions(script, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
  return dir;
}

Result run_kb(const std::string& args) {
  const fs::path err_path = fs::temp_directory_path() / ("kb-e2e-" + std::to_string(::getpid()));
  const std::string vault = std::string(KB_SOURCE_DIR) + "/examples/vault";
  const fs::path bin = make_wrapper(vault);
  const std::string command = "cd '" + vault + "' && PATH='" + bin.string() +
                              "':\"$PATH\" && export NO_COLOR= && { kb " + args + "\n} 2>'" +
                              err_path.string() + "'";
  Result r;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[65536];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) r.out.append(buffer, n);
  const int status = ::pclose(pipe);
  r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = read_file(err_path);
  fs::remove(err_path);
  fs::remove_all(bin);
  return r;
}

}  // namespace

TEST_CASE("end-to-end transcripts on examples/vault", "[e2e]") {
  const fs::path dir = fs::path(KB_SOURCE_DIR) / "tests/e2e/cases";
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".case") cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE(!cases.empty());
  const bool update = std::getenv("KB_UPDATE_TRANSCRIPTS") != nullptr;
  for (const auto& path : cases) {
    const Case c = parse_case(read_file(path));
    const Result r = run_kb(c.args);
    if (update) {
      std::ofstream out(path, std::ios::binary);
      out << "args: " << c.args << "\nexit: " << r.exit << "\n--- stdout\n" << r.out;
      if (c.has_stderr) out << "--- stderr\n" << r.err;
      continue;
    }
    INFO(path.filename().string() << ": kb " << c.args << "\nstderr: " << r.err);
    CHECK(r.exit == c.exit);
    CHECK(r.out == c.stdout_text);
    if (c.has_stderr) CHECK(r.err == c.stderr_text);
  }
}
