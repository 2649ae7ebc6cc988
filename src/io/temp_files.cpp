#include "kb/io/temp_files.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <ctime>

namespace kb::io {
namespace {

constexpr std::string_view kTag = ".kb-tmp-";
constexpr std::size_t kRandomChars = 6;

// The table a signal handler walks: a slot is Free, being Filled by one
// thread, or Live (its path complete). Lock-free atomics of int are
// async-signal-safe; the handler reads a path only once its slot is Live.
enum SlotState : int { kFree = 0, kFilling = 1, kLive = 2 };
struct Slot {
  std::atomic<int> state{kFree};
  char path[4096];
};
constexpr int kSlots = 32;
Slot slots[kSlots];
static_assert(std::atomic<int>::is_always_lock_free);

// A slot holding `path`, or -1 when none is free or the path is too long
// (the file is then only swept by a later run).
int register_path(const std::string& path) {
  if (path.size() >= sizeof(Slot::path)) return -1;
  for (int i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (!slots[i].state.compare_exchange_strong(expected, kFilling)) continue;
    std::memcpy(slots[i].path, path.c_str(), path.size() + 1);
    slots[i].state.store(kLive, std::memory_order_release);
    return i;
  }
  return -1;
}

void unregister(int slot) {
  if (slot >= 0) slots[slot].state.store(kFree, std::memory_order_release);
}

bool is_random_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::string random_suffix() {
  static constexpr char kAlphabet[] =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  unsigned char bytes[kRandomChars];
  if (::getrandom(bytes, sizeof bytes, GRND_NONBLOCK) != static_cast<ssize_t>(sizeof bytes)) {
    // No entropy yet (early boot): the clock and a counter still differ
    // between attempts, and O_EXCL catches any collision.
    static std::atomic<unsigned> counter{0};
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    unsigned long long x = static_cast<unsigned long long>(now.tv_nsec) ^
                           (static_cast<unsigned long long>(::getpid()) << 20) ^ counter++;
    for (unsigned char& b : bytes) {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      b = static_cast<unsigned char>(x >> 56);
    }
  }
  std::string out;
  for (const unsigned char b : bytes) out += kAlphabet[b % (sizeof kAlphabet - 1)];
  return out;
}

}  // namespace

bool is_kb_temp_name(std::string_view name) {
  if (name.size() < kTag.size() + kRandomChars || name.front() != '.') return false;
  const std::string_view tail = name.substr(name.size() - kTag.size() - kRandomChars);
  if (!tail.starts_with(kTag)) return false;
  for (const char c : tail.substr(kTag.size())) {
    if (!is_random_char(c)) return false;
  }
  return true;
}

TempFile::~TempFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!path_.empty()) ::unlink(path_.c_str());
  unregister(slot_);
}

int TempFile::create(const std::string& folder) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    path_ = folder + "/" + std::string(kTag) + random_suffix();
    // Registered before it exists: a signal between the two removes a name
    // that is not there yet, never a file left behind.
    slot_ = register_path(path_);
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd_ >= 0) return 0;
    const int err = errno;
    unregister(slot_);
    slot_ = -1;
    path_.clear();
    if (err != EEXIST) return err;
  }
  return EEXIST;
}

int TempFile::close() {
  if (fd_ < 0) return 0;
  const int rc = ::close(fd_);
  fd_ = -1;
  return rc == 0 ? 0 : errno;
}

void TempFile::committed() {
  path_.clear();
  unregister(slot_);
  slot_ = -1;
}

std::vector<std::string> sweep_stale_temp_files(const std::string& folder,
                                                std::chrono::seconds age) {
  std::vector<std::string> removed;
  DIR* dir = ::opendir(folder.c_str());
  if (dir == nullptr) return removed;
  const int dir_fd = ::dirfd(dir);
  timespec now{};
  ::clock_gettime(CLOCK_REALTIME, &now);
  const auto cutoff = static_cast<long long>(now.tv_sec) - age.count();
  while (const dirent* entry = ::readdir(dir)) {
    const std::string_view name = entry->d_name;
    if (!is_kb_temp_name(name)) continue;
    struct stat st {};
    if (::fstatat(dir_fd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
    if (!S_ISREG(st.st_mode) || static_cast<long long>(st.st_mtim.tv_sec) > cutoff) continue;
    if (::unlinkat(dir_fd, entry->d_name, 0) == 0) removed.emplace_back(name);
  }
  ::closedir(dir);
  return removed;
}

void remove_live_temp_files() noexcept {
  for (Slot& slot : slots) {
    if (slot.state.load(std::memory_order_acquire) == kLive) ::unlink(slot.path);
  }
}

}  // namespace kb::io
