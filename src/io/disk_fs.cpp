// The real disk. POSIX calls only (no throwing std::filesystem), so every
// failure becomes a Diagnostic carrying strerror.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <utility>

#include "kb/io/fs.hpp"

namespace kb::io {
namespace {

std::string error_text(int err) {
  return std::strerror(err);
}

Diagnostic error(std::string path, std::string message) {
  return Diagnostic{std::move(path), 0, std::move(message), Severity::Error};
}

std::int64_t mtime_ns_of(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

// "Writable" needs a write permission bit as well as access(): root passes
// access(W_OK) for any file, yet a 0444 note is meant to be read-only.
bool is_writable(const std::string& path, const struct stat& st) {
  return (st.st_mode & 0222) != 0 && ::access(path.c_str(), W_OK) == 0;
}

// Closes a descriptor on every path out of a function.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  int get() const { return fd_; }
  int reset() {
    int rc = fd_ >= 0 ? ::close(fd_) : 0;
    fd_ = -1;
    return rc;
  }

 private:
  int fd_;
};

std::string parent_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string base_name_of(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

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
  if (fd.get() < 0) return Result::failure(error(rel, "cannot read: " + error_text(errno)));
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    return Result::failure(error(rel, "cannot read: " + error_text(errno)));
  }
  if (S_ISDIR(st.st_mode)) return Result::failure(error(rel, "cannot read: " + error_text(EISDIR)));
  if (!S_ISREG(st.st_mode)) {
    // A note is a regular file; a config file may be a pipe (--config <(...)).
    if (notes_only) return Result::failure(error(rel, "cannot read: not a regular file"));
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
      return Result::failure(error(rel, "cannot read: " + error_text(errno)));
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

std::optional<Diagnostic> DiskFileSystem::write_atomic(const std::string& rel,
                                                       const std::string& content,
                                                       const WriteOptions& options) {
  std::string target = root_ + "/" + rel;
  unsigned mode = 0644;  // for a new note
  bool exists = false;
  struct stat link {};
  if (::lstat(target.c_str(), &link) == 0) {
    exists = true;
    if (S_ISLNK(link.st_mode)) {
      if (!options.force) return error(rel, "refusing to write a symlinked note (use --force)");
      // Replace the link's target, not the link itself.
      char resolved[PATH_MAX];
      if (::realpath(target.c_str(), resolved) == nullptr) {
        return error(rel, "cannot write: " + error_text(errno));
      }
      target = resolved;
      // --force writes through a link, but never to a file outside the vault.
      char root[PATH_MAX];
      if (::realpath(root_.c_str(), root) == nullptr) {
        return error(rel, "cannot write: " + error_text(errno));
      }
      const std::string_view inside(root);
      if (!target.starts_with(inside) || target.size() == inside.size() ||
          (inside != "/" && target[inside.size()] != '/')) {
        return error(rel, "refusing to write a symlinked note whose target is outside the vault");
      }
    }
    struct stat st {};
    if (::stat(target.c_str(), &st) != 0) return error(rel, "cannot write: " + error_text(errno));
    if (!S_ISREG(st.st_mode)) return error(rel, "cannot write: not a regular file");
    if (!options.force && !is_writable(target, st)) {
      return error(rel, "refusing to write a read-only note (use --force)");
    }
    mode = st.st_mode & 07777;
  } else if (errno != ENOENT) {
    return error(rel, "cannot write: " + error_text(errno));
  }
  if (options.expect && !exists)
    return error(rel, "changed on disk since it was read; not written");

  const std::string dir = parent_of(target);
  std::string temp = dir + "/." + base_name_of(target) + ".kb-tmp-XXXXXX";
  Fd fd(::mkstemp(temp.data()));
  if (fd.get() < 0) return error(rel, "cannot write: " + error_text(errno));
  auto fail = [&](int err) -> std::optional<Diagnostic> {
    fd.reset();
    ::unlink(temp.c_str());
    return error(rel, "cannot write: " + error_text(err));
  };
  if (fail_write && fail_write(rel)) return fail(ENOSPC);
  if (!write_all(fd.get(), content)) return fail(errno);
  if (::fchmod(fd.get(), mode) != 0) return fail(errno);
  if (::fsync(fd.get()) != 0) return fail(errno);
  if (fd.reset() != 0) return fail(errno);

  if (before_rename) before_rename(rel);
  if (options.expect) {
    struct stat now {};
    const bool same = ::stat(target.c_str(), &now) == 0 &&
                      static_cast<std::uint64_t>(now.st_size) == options.expect->size &&
                      mtime_ns_of(now) == options.expect->mtime_ns;
    if (!same) {
      ::unlink(temp.c_str());
      return error(rel, "changed on disk since it was read; not written");
    }
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) return fail(errno);

  // Make the rename itself durable; the new content is already in place, so
  // a failure here is not reported as a failed write.
  Fd dir_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir_fd.get() >= 0) ::fsync(dir_fd.get());
  return std::nullopt;
}

}  // namespace kb::io
