// The bad-input catalogue, part four: kb stopped from outside. A kill at any
// moment leaves every note old or new and no temporary file after the next
// run; SIGTERM leaves none at all; a reader that goes away does not stop
// regen half-way; too little memory is exit 2 with a message, never a signal.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "kb_process.hpp"

namespace {

using namespace kb::testing;

// A child running kb with the given arguments (no shell): stdin from
// /dev/null, stdout and stderr to `out_fd` (or to files read back by wait_kb).
struct Child {
  pid_t pid = -1;
  fs::path err_file;
};

enum class Output { Files, ClosedPipe };

Child spawn_kb(const fs::path& vault, const std::vector<std::string>& args, Output output,
               rlim_t address_space = RLIM_INFINITY, const std::string& signal_before_rename = "") {
  static int counter = 0;
  Child child;
  child.err_file = fs::temp_directory_path() / ("kb-interrupt-" + std::to_string(::getpid()) + "-" +
                                                std::to_string(counter++) + ".err");
  int pipe_fds[2] = {-1, -1};
  if (output == Output::ClosedPipe) {
    REQUIRE(::pipe(pipe_fds) == 0);
    ::close(pipe_fds[0]);  // nobody will ever read: every write fails with EPIPE
  }
  std::vector<std::string> argv{KB_BINARY, "--vault", vault.string(), "--today", "2026-11-24"};
  argv.insert(argv.end(), args.begin(), args.end());
  child.pid = ::fork();
  REQUIRE(child.pid >= 0);
  if (child.pid == 0) {
    // The test runner may ignore SIGPIPE; kb must not rely on inheriting either way.
    ::signal(SIGPIPE, SIG_DFL);
    // Nor may it inherit an ignored SIGINT, SIGTERM or SIGHUP, which kb keeps ignored.
    for (const int sig : {SIGINT, SIGTERM, SIGHUP}) ::signal(sig, SIG_DFL);
    const int in = ::open("/dev/null", O_RDONLY);
    ::dup2(in, 0);
    if (output == Output::ClosedPipe) {
      ::dup2(pipe_fds[1], 1);
      ::dup2(pipe_fds[1], 2);
    } else {
      const int err = ::open(child.err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      const int out = ::open("/dev/null", O_WRONLY);
      ::dup2(out, 1);
      ::dup2(err, 2);
    }
    if (address_space != RLIM_INFINITY) {
      const rlimit limit{address_space, address_space};
      ::setrlimit(RLIMIT_AS, &limit);
    }
    ::unsetenv("KB_VAULT");
    ::unsetenv("KB_TEST_SIGNAL_BEFORE_RENAME");
    if (!signal_before_rename.empty()) {
      ::setenv("KB_TEST_SIGNAL_BEFORE_RENAME", signal_before_rename.c_str(), 1);
    }
    std::vector<char*> raw;
    for (auto& a : argv) raw.push_back(a.data());
    raw.push_back(nullptr);
    ::execv(raw[0], raw.data());
    ::_exit(127);
  }
  if (output == Output::ClosedPipe) ::close(pipe_fds[1]);
  return child;
}

// Exit code, or 128+N for a signal N; stderr is returned through `err`.
int wait_kb(const Child& child, std::string* err = nullptr) {
  int status = 0;
  REQUIRE(::waitpid(child.pid, &status, 0) == child.pid);
  if (err) *err = slurp(child.err_file);
  fs::remove(child.err_file);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// `people` person notes, each met in one meeting, all with a stale last_contact.
fs::path people_vault(const ScratchDir& dir, int people) {
  const fs::path vault = dir.root() / "vault";
  for (int i = 0; i < people; ++i) {
    const std::string name = "Person " + std::to_string(1000 + i);
    write_file(vault / "People" / (name + ".md"), "---\ntype: person\ntitle: " + name +
                                                      "\nlast_contact: \"2000-01-01\"\n---\n\n# " +
                                                      name + "\n\n## Profile\n\nRole: x\n");
    write_file(vault / "Meetings" / ("2025-11-07 " + name + ".md"),
               "---\ndate: 2025-11-07\nattendees: [\"[[" + name + "]]\"]\nsummary: met " + name +
                   "\n---\n- [ ] follow up with [[" + name + "]]\n");
  }
  return vault;
}

std::vector<fs::path> temp_files_below(const fs::path& root) {
  std::vector<fs::path> found;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.path().filename().string().find(".kb-tmp-") != std::string::npos) {
      found.push_back(e.path());
    }
  }
  return found;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

}  // namespace

TEST_CASE("interrupts: a signal right before a chosen rename", "[bad_inputs][interrupts]") {
  // Deterministic: kb raises the signal on itself right before its fifth
  // rename (KB_TEST_SIGNAL_BEFORE_RENAME), the temporary file complete.
  ScratchDir reference_dir("stop-reference");
  const fs::path reference = people_vault(reference_dir, 12);
  REQUIRE(wait_kb(spawn_kb(reference, {"--no-cache", "regen", "--all"}, Output::Files)) == 0);
  const auto regenerated = snapshot(reference);
  for (const int sig : {SIGKILL, SIGTERM, SIGINT, SIGHUP}) {
    INFO("signal " << sig);
    ScratchDir dir("stop");
    const fs::path vault = people_vault(dir, 12);
    const auto original = snapshot(vault);
    const Child child = spawn_kb(vault, {"--no-cache", "regen", "--all"}, Output::Files,
                                 RLIM_INFINITY, "5:" + std::to_string(sig));
    CHECK(wait_kb(child) == 128 + sig);
    // Four notes written, the fifth and the rest old: none a mix.
    int written = 0;
    for (const auto& [path, bytes] : snapshot(vault)) {
      if (path.find(".kb-tmp-") != std::string::npos) continue;
      INFO(path);
      CHECK((bytes == original.at(path) || bytes == regenerated.at(path)));
      if (bytes != original.at(path)) ++written;
    }
    CHECK(written == 4);
    // SIGKILL leaves the fifth note's temporary file; the others remove it.
    const auto left = temp_files_below(vault);
    CHECK(left.size() == (sig == SIGKILL ? 1u : 0u));
    // The next run leaves it while it may be another kb's, then sweeps it.
    std::string err;
    CHECK(wait_kb(spawn_kb(vault, {"--no-cache", "regen", "--all"}, Output::Files), &err) == 0);
    CHECK(temp_files_below(vault).size() == left.size());
    for (const fs::path& temp : left) {
      const timespec old[2] = {{::time(nullptr) - 3600, 0}, {::time(nullptr) - 3600, 0}};
      REQUIRE(::utimensat(AT_FDCWD, temp.c_str(), old, 0) == 0);
    }
    CHECK(wait_kb(spawn_kb(vault, {"--no-cache", "regen", "--all"}, Output::Files), &err) == 0);
    CHECK(temp_files_below(vault).empty());
    CHECK(snapshot(vault) == regenerated);
  }
}

TEST_CASE("interrupts: a reader that goes away does not stop regen half-way",
          "[bad_inputs][interrupts]") {
  // `kb regen --all 2>&1 | head -1`, made certain: stdout and stderr are a
  // pipe nobody reads, so every line kb prints fails with EPIPE.
  ScratchDir dir("pipe");
  const fs::path vault = people_vault(dir, 30);
  write_file(vault / "People/Broken.md",
             "---\ntype: person\n---\n## Open Tasks\n- [ ] typed by hand\n");  // a refusal to print
  // --diff writes nothing: it stops at the first line nobody reads.
  CHECK(wait_kb(spawn_kb(vault, {"regen", "--all", "--diff"}, Output::ClosedPipe)) == 0);
  CHECK(wait_kb(spawn_kb(vault, {"regen", "--all"}, Output::ClosedPipe)) == 1);
  std::string err;
  CHECK(wait_kb(spawn_kb(vault, {"regen", "--all", "--check"}, Output::Files), &err) == 1);
  CHECK(err.find("kb: regen: 0 out of date, 30 unchanged, 1 failed") != std::string::npos);
  // A reading verb stops quietly, by exit code, not by a signal.
  CHECK(wait_kb(spawn_kb(vault, {"people"}, Output::ClosedPipe)) == 0);
}

TEST_CASE("interrupts: too little memory is exit 2 and a message, never a signal",
          "[bad_inputs][interrupts]") {
  if (kSanitized) {
    WARN("SKIP: a sanitizer reserves more address space than any limit would leave");
    return;
  }
  ScratchDir dir("memory");
  const fs::path vault = dir.root() / "vault";
  // Ten notes of 12 MiB each: 120 MiB of text to read, under a 96 MiB limit.
  const std::string big = "---\ntype: meeting\n---\n" + std::string(12u << 20, 'x') + "\n";
  for (int i = 0; i < 10; ++i) write_file(vault / ("Big " + std::to_string(i) + ".md"), big);
  write_file(vault / "People/Jane Doe.md", "---\ntype: person\n---\n# Jane Doe\n");
  for (const char* verb : {"people", "regen"}) {
    INFO(verb);
    std::vector<std::string> args{"--no-cache", verb};
    if (std::string(verb) == "regen") args.push_back("--all");
    std::string err;
    const int exit = wait_kb(spawn_kb(vault, args, Output::Files, 96u << 20), &err);
    INFO(err);
    CHECK(exit == 2);
    CHECK(err.find("kb: out of memory") != std::string::npos);
  }
  CHECK(temp_files_below(vault).empty());
}
