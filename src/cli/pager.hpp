#pragma once
// Long output on a terminal goes through a pager, as git's does: the
// program named by $KB_PAGER, else $PAGER, else `less -FRX` (which exits at
// once when the output fits the screen). Only the user's environment names
// it, never the vault: a pager is a program kb runs.
//
// The verb's output is captured whole first (stdout goes to an in-memory
// file), so Ctrl-C stops kb as usual while it works; while the pager shows
// the output, kb ignores SIGINT and SIGQUIT (the pager's to handle) and
// waits for it, so the shell's prompt comes back after the pager's exit.
#include <optional>
#include <string>

namespace kb::cli {

// The pager command, or "" for none: $KB_PAGER, else $PAGER (set but empty,
// or "cat": none), else "less -FRX" when less is on the PATH.
std::string pager_command();

class PagedOutput {
 public:
  // Starts capturing stdout; nothing when it cannot (the output then goes
  // to the terminal directly).
  static std::optional<PagedOutput> start(std::string command);
  PagedOutput(PagedOutput&& other) noexcept;
  PagedOutput& operator=(PagedOutput&&) = delete;
  PagedOutput(const PagedOutput&) = delete;
  PagedOutput& operator=(const PagedOutput&) = delete;
  ~PagedOutput();

  // Restores stdout and shows what was captured through the pager (directly
  // when the pager cannot be started); returns when the pager has exited.
  void finish();

 private:
  PagedOutput(std::string command, int saved_stdout, int capture)
      : command_(std::move(command)), saved_stdout_(saved_stdout), capture_(capture) {}
  std::string command_;
  int saved_stdout_ = -1;
  int capture_ = -1;
};

}  // namespace kb::cli
