// Stat floor: the least a tool with a parse cache must do to know the cache
// is still valid. Walks the vault as kb does, single thread, and stats every
// note (size and mtime) without opening it. Prints "files N bytes B".
#include <cstdio>

#include "vault_walk.hpp"

namespace {

struct StatEveryNote {
  unsigned long long files = 0;
  unsigned long long bytes = 0;
  unsigned long long failures = 0;

  void operator()(int dir_fd, const char* name) {
    struct stat st;
    if (fstatat(dir_fd, name, &st, 0) != 0) {
      ++failures;
      return;
    }
    ++files;
    bytes += static_cast<unsigned long long>(st.st_size);
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s VAULT\n", argv[0]);
    return 2;
  }
  StatEveryNote stater;
  const bool ok = kb::bench::walk_vault(argv[1], stater);
  std::printf("files %llu bytes %llu\n", stater.files, stater.bytes);
  if (!ok || stater.failures != 0) {
    std::fprintf(stderr, "%s: %llu unreadable notes or folders\n", argv[0],
                 stater.failures + (ok ? 0 : 1));
    return 1;
  }
  return 0;
}
