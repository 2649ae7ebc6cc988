// The real disk. POSIX calls only (no throwing std::filesystem), so every
// failure becomes a Diagnostic carrying strerror.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string_view>
#include <utility>

#include "kb/io/fs.hpp"
#include "posix.hpp"

namespace kb::io {
namespace {

using posix::error;
using posix::error_text;
using posix::Fd;
using posix::is_writable;
using posix::mtime_ns_of;
using posix::unreadable;

}  // namespace

DiskFileSystem::DiskFileSystem(std::string root) : root_(std::move(root)) {
  while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
  // O_PATH: enough to resolve paths from, even in a folder kb may not list.
  root_fd_ = ::open(root_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
}

DiskFileSystem::~DiskFileSystem() {
  if (root_fd_ >= 0) ::close(root_fd_);
}

DiskFileSystem::DiskFileSystem(DiskFileSystem&& other) noexcept
    : before_rename(std::move(other.before_rename)),
      fail_write(std::move(other.fail_write)),
      root_(std::move(other.root_)),
      root_fd_(std::exchange(other.root_fd_, -1)) {}

std::int64_t DiskFileSystem::now_ns() const {
  struct timespec now {};
  ::clock_gettime(CLOCK_REALTIME, &now);
  return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

Expected<std::string> DiskFileSystem::read(const std::string& rel) const {
  auto content = read_file(rel, /*notes_only=*/false);
  if (!content) return Expected<std::string>::failure(content.error());
  return std::move(content->bytes);
}

Expected<FileContent> DiskFileSystem::read_with_stat(const std::string& rel) const {
  return read_file(rel, /*notes_only=*/true);
}

Expected<FileContent> DiskFileSystem::read_file(const std::string& rel, bool notes_only) const {
  using Result = Expected<FileContent>;
  // From the root's descriptor: the kernel resolves only the relative path.
  // O_NONBLOCK: a note swapped for a FIFO since the walk must not hang kb.
  constexpr int kFlags = O_RDONLY | O_NONBLOCK | O_CLOEXEC;
  Fd fd(root_fd_ >= 0 ? ::openat(root_fd_, rel.c_str(), kFlags)
                      : ::open((root_ + "/" + rel).c_str(), kFlags));
  if (fd.get() < 0) return Result::failure(unreadable(rel, "cannot read: " + error_text(errno)));
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    return Result::failure(unreadable(rel, "cannot read: " + error_text(errno)));
  }
  if (S_ISDIR(st.st_mode))
    return Result::failure(unreadable(rel, "cannot read: " + error_text(EISDIR)));
  if (!S_ISREG(st.st_mode)) {
    // A note is a regular file; a config file may be a pipe (--config <(...)).
    if (notes_only) return Result::failure(unreadable(rel, "cannot read: not a regular file"));
    ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) & ~O_NONBLOCK);
  }
  // The stat from before the read: bytes read after it are of that state or
  // a later one, so a write racing with the read shows as a changed stat on
  // the next run rather than hiding behind it.
  FileContent out;
  out.stat.size = static_cast<std::uint64_t>(st.st_size);
  out.stat.mtime_ns = mtime_ns_of(st);
  out.stat.mode = st.st_mode & 07777;
  // One spare byte lets the read that meets end-of-file land without
  // growing the string: a full buffer would grow by 4 KiB, kept as capacity
  // by every note for the whole run.
  std::string& content = out.bytes;
  content.resize(static_cast<std::size_t>(st.st_size) + 1);
  std::size_t used = 0;
  for (;;) {
    if (used == content.size()) content.resize(content.size() + 4096);  // the file grew
    const ssize_t n = ::read(fd.get(), content.data() + used, content.size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Result::failure(unreadable(rel, "cannot read: " + error_text(errno)));
    }
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
  }
  content.resize(used);
  return out;
}

Expected<FileStat> DiskFileSystem::stat(const std::string& rel) const {
  using Result = Expected<FileStat>;
  const std::string path = root_ + "/" + rel;
  struct stat link {};
  if (::lstat(path.c_str(), &link) != 0) {
    return Result::failure(error(rel, "cannot stat: " + error_text(errno)));
  }
  // Only a symbolic link needs a second look, at its target: one call per
  // note is what a warm run spends most of its time on.
  struct stat st = link;
  if (S_ISLNK(link.st_mode) && ::stat(path.c_str(), &st) != 0) {
    return Result::failure(error(rel, "cannot stat: " + error_text(errno)));
  }
  FileStat out;
  out.size = static_cast<std::uint64_t>(st.st_size);
  out.mtime_ns = mtime_ns_of(st);
  out.mode = st.st_mode & 07777;
  out.is_symlink = S_ISLNK(link.st_mode);
  out.writable = is_writable(path, st);
  return out;
}

}  // namespace kb::io
