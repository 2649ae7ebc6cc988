// Read floor: the least any tool must do to answer from a vault's contents.
// Walks the vault as kb does, single thread, and opens, reads (one read()
// into a reused buffer sized by fstat) and closes every note.
// Prints "files N bytes B".
#include <cstdio>
#include <memory>

#include "vault_walk.hpp"

namespace {

struct ReadEveryNote {
  std::unique_ptr<char[]> buffer;
  std::size_t capacity = 0;
  unsigned long long files = 0;
  unsigned long long bytes = 0;
  unsigned long long failures = 0;

  void operator()(int dir_fd, const char* name) {
    const int fd = openat(dir_fd, name, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      ++failures;
      return;
    }
    struct stat st;
    if (fstat(fd, &st) == 0) {
      const auto size = static_cast<std::size_t>(st.st_size);
      if (size > capacity) {
        capacity = size * 2;
        buffer = std::make_unique<char[]>(capacity);
      }
      std::size_t total = 0;
      ssize_t got = 0;
      // One call for a regular file; the loop is only for short reads.
      while (total < size && (got = read(fd, buffer.get() + total, size - total)) > 0) {
        total += static_cast<std::size_t>(got);
      }
      if (got < 0) ++failures;
      ++files;
      bytes += total;
    } else {
      ++failures;
    }
    close(fd);
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s VAULT\n", argv[0]);
    return 2;
  }
  ReadEveryNote reader;
  const bool ok = kb::bench::walk_vault(argv[1], reader);
  std::printf("files %llu bytes %llu\n", reader.files, reader.bytes);
  if (!ok || reader.failures != 0) {
    std::fprintf(stderr, "%s: %llu unreadable notes or folders\n", argv[0],
                 reader.failures + (ok ? 0 : 1));
    return 1;
  }
  return 0;
}
