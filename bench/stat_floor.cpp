// Stat floor: the least a tool with a parse cache must do to know the cache
// is still valid. Walks the vault as kb does and stats every note (size and
// mtime) without opening it, on one thread (what bench/run.sh measures), or
// with `--threads N` on N threads sharing a stack of folders to list, as
// kb's own walk does (src/io/disk_walk.cpp). Prints "files N bytes B".
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

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

// The same walk (vault_walk.hpp's rules) on `threads` threads sharing a
// stack of folders to list, as kb's walk does: a folder is pushed by name,
// and opened (relative to its parent, held open until then) by whichever
// thread takes it, so the thread that lists a wide folder does not open
// all its subfolders before the other thread gets one.
class ParallelWalk {
 public:
  bool run(const char* root, unsigned threads, StatEveryNote& total) {
    stack_.push_back({std::make_shared<const Folder>(nullptr, AT_FDCWD), root});
    std::vector<StatEveryNote> counts(threads);
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back([&, t] { work(counts[t]); });
    work(counts[0]);
    for (auto& thread : pool) thread.join();
    for (const auto& c : counts) {
      total.files += c.files;
      total.bytes += c.bytes;
      total.failures += c.failures;
    }
    return ok_;
  }

 private:
  // An open folder, closed when the last subfolder opened relative to it is
  // (the root's parent is the working folder: no DIR).
  struct Folder {
    DIR* dir;
    int fd;
    Folder(DIR* d, int f) : dir(d), fd(f) {}
    Folder(const Folder&) = delete;
    Folder& operator=(const Folder&) = delete;
    ~Folder() {
      if (dir != nullptr) closedir(dir);
    }
  };
  struct Pending {
    std::shared_ptr<const Folder> parent;
    std::string name;
  };

  void work(StatEveryNote& count) {
    for (;;) {
      Pending next;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [&] { return !stack_.empty() || busy_ == 0; });
        if (stack_.empty()) return;
        next = std::move(stack_.back());
        stack_.pop_back();
        ++busy_;
      }
      list(std::move(next), count);
      {
        const std::lock_guard<std::mutex> lock(mutex_);
        --busy_;
      }
      ready_.notify_all();
    }
  }

  void list(Pending pending, StatEveryNote& count) {
    // The root may be a symlink to the vault, no folder in it is followed.
    const int flags = O_RDONLY | O_DIRECTORY | (pending.parent->dir ? O_NOFOLLOW : 0);
    const int dir_fd = openat(pending.parent->fd, pending.name.c_str(), flags);
    pending.parent.reset();
    DIR* dir = dir_fd < 0 ? nullptr : fdopendir(dir_fd);
    if (dir == nullptr) {
      if (dir_fd >= 0) close(dir_fd);
      fail();
      return;
    }
    // Open as long as a subfolder waits to be opened relative to it.
    auto self = std::make_shared<const Folder>(dir, dir_fd);
    std::vector<Pending> subdirs;
    while (const dirent* entry = readdir(dir)) {
      const std::string_view name = entry->d_name;
      if (name == "." || name == "..") continue;
      unsigned char type = entry->d_type;
      if (type == DT_UNKNOWN) {
        struct stat st;
        if (fstatat(dirfd(dir), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
        type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISLNK(st.st_mode) ? DT_LNK : DT_REG;
      }
      if (type == DT_DIR) {
        if (name.front() != '.') subdirs.push_back({self, std::string(name)});
      } else if (kb::bench::is_markdown(name) && type == DT_REG) {
        count(dirfd(dir), entry->d_name);
      } else if (kb::bench::is_markdown(name) && type == DT_LNK) {
        // A linked note counts, a linked folder is not followed (as vault_walk.hpp).
        struct stat st;
        if (fstatat(dirfd(dir), entry->d_name, &st, 0) == 0 && S_ISREG(st.st_mode)) {
          count(dirfd(dir), entry->d_name);
        }
      }
    }
    self.reset();  // closed now unless a subfolder holds it
    if (subdirs.empty()) return;
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      for (auto& sub : subdirs) stack_.push_back(std::move(sub));
    }
    ready_.notify_all();
  }

  void fail() {
    const std::lock_guard<std::mutex> lock(mutex_);
    ok_ = false;
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  std::vector<Pending> stack_;  // folders waiting to be listed
  unsigned busy_ = 0;
  bool ok_ = true;
};

}  // namespace

int main(int argc, char** argv) {
  unsigned threads = 1;
  if (argc == 4 && std::strcmp(argv[1], "--threads") == 0) {
    threads = static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10));
    argv += 2;
    argc -= 2;
  }
  if (argc != 2 || threads == 0) {
    std::fprintf(stderr, "usage: %s [--threads N] VAULT\n", argv[0]);
    return 2;
  }
  StatEveryNote stater;
  bool ok = false;
  if (threads == 1) {
    ok = kb::bench::walk_vault(argv[1], stater);
  } else {
    ok = ParallelWalk().run(argv[1], threads, stater);
  }
  std::printf("files %llu bytes %llu\n", stater.files, stater.bytes);
  if (!ok || stater.failures != 0) {
    std::fprintf(stderr, "%s: %llu unreadable notes or folders\n", argv[0],
                 stater.failures + (ok ? 0 : 1));
    return 1;
  }
  return 0;
}
