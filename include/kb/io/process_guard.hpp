#pragma once
// How kb ends when it is stopped from outside: never with a temporary file
// left behind, never by a signal of its own making.
//
// - SIGINT, SIGTERM, SIGHUP: every live temporary file (kb/io/temp_files.hpp)
//   is removed, then the signal is raised again with its default action, so
//   the shell sees kb stopped by it. A note being written keeps its old bytes.
// - SIGPIPE is ignored: a reader that goes away (`kb regen --all | head -1`)
//   makes writes to it fail with EPIPE instead of killing kb between two
//   system calls; the CLI decides what to do (kb regen finishes its notes).
// - Out of memory (operator new fails, on any thread): live temporary files
//   are removed, "kb: out of memory" goes to stderr and kb exits with 2. No
//   std::bad_alloc reaches a worker thread, a destructor or a catch block
//   that would turn it into a wrong answer or std::terminate.
namespace kb::io {

// Installs the handlers above, once, at the start of main().
void install_process_guards();

}  // namespace kb::io
