#include "pager.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace kb::cli {

namespace {

bool on_path(std::string_view program) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return false;
  std::string_view rest(path);
  while (true) {
    const std::size_t colon = rest.find(':');
    std::string folder(rest.substr(0, colon));
    if (folder.empty()) folder = ".";
    const std::string candidate = folder + "/" + std::string(program);
    if (::access(candidate.c_str(), X_OK) == 0) return true;
    if (colon == std::string_view::npos) return false;
    rest.remove_prefix(colon + 1);
  }
}

// Writes all of `bytes` to `fd`; false when the reader went away.
bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

std::string read_all(int fd) {
  std::string out;
  if (::lseek(fd, 0, SEEK_SET) != 0) return out;
  char buffer[65536];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  return out;
}

// Runs `command` with sh, its stdin the returned pipe's write end's reader;
// -1 (and no child) when it cannot be started.
pid_t spawn(const std::string& command, int& write_end) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return -1;
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return -1;
  }
  if (pid == 0) {
    // The pager gets the default signal actions kb's guards changed.
    ::signal(SIGPIPE, SIG_DFL);
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGQUIT, SIG_DFL);
    ::dup2(fds[0], STDIN_FILENO);
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(fds[0]);
  write_end = fds[1];
  return pid;
}

}  // namespace

std::string pager_command() {
  for (const char* name : {"KB_PAGER", "PAGER"}) {
    if (const char* value = std::getenv(name); value != nullptr) {
      std::string command = value;
      if (command.find_first_not_of(" \t") == std::string::npos || command == "cat") return {};
      return command;
    }
  }
  return on_path("less") ? "less -FRX" : "";
}

std::optional<PagedOutput> PagedOutput::start(std::string command) {
  if (command.empty()) return std::nullopt;
  const int capture = ::memfd_create("kb-output", MFD_CLOEXEC);
  if (capture < 0) return std::nullopt;
  std::fflush(stdout);
  const int saved = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
  if (saved < 0 || ::dup2(capture, STDOUT_FILENO) < 0) {
    if (saved >= 0) ::close(saved);
    ::close(capture);
    return std::nullopt;
  }
  return PagedOutput(std::move(command), saved, capture);
}

PagedOutput::PagedOutput(PagedOutput&& other) noexcept
    : command_(std::move(other.command_)),
      saved_stdout_(other.saved_stdout_),
      capture_(other.capture_) {
  other.saved_stdout_ = -1;
  other.capture_ = -1;
}

PagedOutput::~PagedOutput() {
  finish();
}

void PagedOutput::finish() {
  if (saved_stdout_ < 0) return;
  std::fflush(stdout);
  ::dup2(saved_stdout_, STDOUT_FILENO);
  ::close(saved_stdout_);
  saved_stdout_ = -1;
  const std::string output = read_all(capture_);
  ::close(capture_);
  capture_ = -1;
  if (output.empty()) return;
  int pipe_fd = -1;
  // The pager handles Ctrl-C itself (less: stop a search); kb waits for it.
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  struct sigaction old_int {
  }, old_quit{};
  ::sigaction(SIGINT, &ignore, &old_int);
  ::sigaction(SIGQUIT, &ignore, &old_quit);
  const pid_t pid = spawn(command_, pipe_fd);
  if (pid < 0) {
    write_all(STDOUT_FILENO, output);
  } else {
    write_all(pipe_fd, output);  // false when the pager quit early: the rest is not wanted
    ::close(pipe_fd);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    // A pager that could not run at all (sh: not found) showed nothing.
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) write_all(STDOUT_FILENO, output);
  }
  ::sigaction(SIGINT, &old_int, nullptr);
  ::sigaction(SIGQUIT, &old_quit, nullptr);
}

}  // namespace kb::cli
