#include "app.hpp"
#include "kb/io/process_guard.hpp"

int main(int argc, char** argv) {
  kb::io::install_process_guards();  // signals, SIGPIPE, out of memory: kb/io/process_guard.hpp
  return kb::cli::run(argc, argv);
}
