#include "kb/io/process_guard.hpp"

#include <unistd.h>

#include <csignal>
#include <new>

#include "kb/io/temp_files.hpp"

namespace kb::io {
namespace {

void write_stderr(const char* message, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(STDERR_FILENO, message, size);
    if (n <= 0) return;  // nothing more can be said
    message += n;
    size -= static_cast<std::size_t>(n);
  }
}

// Runs with the signal blocked and the default action back in place
// (SA_RESETHAND): raising it again ends the process once this returns.
extern "C" void on_stop_signal(int sig) {
  remove_live_temp_files();
  ::raise(sig);
}

void on_out_of_memory() {
  remove_live_temp_files();
  static constexpr char kMessage[] =
      "kb: out of memory; stopped (every note keeps its old or its new bytes)\n";
  write_stderr(kMessage, sizeof kMessage - 1);
  ::_exit(2);
}

}  // namespace

void install_process_guards() {
  struct sigaction stop {};
  stop.sa_handler = on_stop_signal;
  sigemptyset(&stop.sa_mask);
  stop.sa_flags = SA_RESETHAND;
  for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction old {};
    // A signal ignored by whoever started kb (nohup, a shell's `trap '' INT`) stays ignored.
    if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    ::sigaction(sig, &stop, nullptr);
  }
  ::signal(SIGPIPE, SIG_IGN);
  std::set_new_handler(on_out_of_memory);
}

}  // namespace kb::io
