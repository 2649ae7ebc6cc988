// DiskFileSystem::write_atomic: a note is replaced so that a reader, a crash
// or a signal only ever sees its old bytes or its new ones; the new file
// carries what the old one did (owner, group, mode, extended attributes and
// with them POSIX ACLs); and nothing replaces a note whose bytes are no
// longer those kb read.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <string_view>
#include <utility>

#include "kb/io/fs.hpp"
#include "kb/io/temp_files.hpp"
#include "posix.hpp"
#include "write_refusals.hpp"

namespace kb::io {
namespace {

using posix::error;
using posix::error_text;
using posix::Fd;
using posix::is_writable;
using posix::mtime_ns_of;

// Test hook for the kill tests: KB_TEST_SIGNAL_BEFORE_RENAME="N:SIG" makes
// kb raise signal SIG on itself right before its N-th rename of a note (the
// temporary file complete and registered), so that a test stops kb at a
// chosen point rather than after a guessed delay. Anything else is ignored.
void signal_if_asked_before_rename() {
  static const std::pair<long, int> asked = [] {
    const char* value = std::getenv("KB_TEST_SIGNAL_BEFORE_RENAME");
    if (value == nullptr) return std::pair<long, int>{0, 0};
    char* end = nullptr;
    const long n = std::strtol(value, &end, 10);
    if (end == value || *end != ':') return std::pair<long, int>{0, 0};
    const char* sig_text = end + 1;
    const long sig = std::strtol(sig_text, &end, 10);
    if (end == sig_text || *end != '\0' || sig <= 0 || sig >= NSIG) {
      return std::pair<long, int>{0, 0};
    }
    return std::pair<long, int>{n, static_cast<int>(sig)};
  }();
  static std::atomic<long> renames{0};
  if (asked.first > 0 && ++renames == asked.first) ::raise(asked.second);
}

std::string parent_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
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

// Whether the file behind `fd` holds exactly `expected` (size checked first).
bool holds_exactly(int fd, std::size_t size, std::string_view expected) {
  if (size != expected.size()) return false;
  std::string buffer(std::min<std::size_t>(expected.size() + 1, 1 << 16), '\0');
  std::size_t offset = 0;
  for (;;) {
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    if (n == 0) return offset == expected.size();
    const auto got = static_cast<std::size_t>(n);
    if (offset + got > expected.size() ||
        expected.substr(offset, got) != std::string_view(buffer.data(), got)) {
      return false;
    }
    offset += got;
  }
}

// ---- extended attributes (POSIX ACLs are system.posix_acl_access) ----

// The names of `fd`'s extended attributes; empty when the file system has none.
std::vector<std::string> xattr_names(int fd) {
  std::vector<std::string> names;
  std::string list;
  for (int attempt = 0; attempt < 8; ++attempt) {
    const ssize_t size = ::flistxattr(fd, nullptr, 0);
    if (size <= 0) return names;
    list.assign(static_cast<std::size_t>(size), '\0');
    const ssize_t got = ::flistxattr(fd, list.data(), list.size());
    if (got >= 0) {
      list.resize(static_cast<std::size_t>(got));
      break;
    }
    if (errno != ERANGE) return names;  // grew meanwhile: ask again
  }
  for (std::size_t begin = 0; begin < list.size();) {
    const std::size_t end = list.find('\0', begin);
    const std::size_t stop = end == std::string::npos ? list.size() : end;
    if (stop > begin) names.push_back(list.substr(begin, stop - begin));
    begin = stop + 1;
  }
  return names;
}

// The value of one attribute, or nullopt (errno set).
std::optional<std::string> xattr_value(int fd, const std::string& name) {
  for (int attempt = 0; attempt < 8; ++attempt) {
    const ssize_t size = ::fgetxattr(fd, name.c_str(), nullptr, 0);
    if (size < 0) return std::nullopt;
    std::string value(static_cast<std::size_t>(size), '\0');
    const ssize_t got = ::fgetxattr(fd, name.c_str(), value.data(), value.size());
    if (got >= 0) {
      value.resize(static_cast<std::size_t>(got));
      return value;
    }
    if (errno != ERANGE) return std::nullopt;
  }
  errno = ERANGE;
  return std::nullopt;
}

// Gives the temporary file `to` the original's owner, group, mode and
// extended attributes. A refusal message when one cannot be kept (unless
// forced: then a notice says what was not kept); an errno failure as
// "cannot write".
struct CarryResult {
  int err = 0;          // a failure of the write itself
  std::string refusal;  // what cannot be kept, when not forced
};

CarryResult carry_attributes(int from, const struct stat& st, int to, const std::string& rel,
                             const WriteOptions& options) {
  CarryResult result;
  auto cannot_keep = [&](const std::string& what, int err, const std::string& force_says) {
    if (!options.force) {
      result.refusal =
          "cannot keep " + what + ": " + error_text(err) + " (use --force to " + force_says + ")";
      return;
    }
    if (options.notices) {
      options.notices->push_back({rel, 0, "--force did not keep " + what + ": " + error_text(err)});
    }
  };
  struct stat now {};
  if (::fstat(to, &now) != 0) return {errno, {}};
  if (now.st_uid != st.st_uid || now.st_gid != st.st_gid) {
    if (::fchown(to, st.st_uid, st.st_gid) != 0) {
      const int err = errno;
      cannot_keep("the note's owner and group (uid " + std::to_string(st.st_uid) + ", gid " +
                      std::to_string(st.st_gid) + ")",
                  err, "write it as yours");
      if (!result.refusal.empty()) return result;
      (void)::fchown(to, static_cast<uid_t>(-1), st.st_gid);  // the group, at least, if allowed
    }
  }
  // After fchown, which clears set-user-ID bits; before the ACL, whose mask
  // the group bits must match.
  if (::fchmod(to, st.st_mode & 07777) != 0) return {errno, {}};

  const std::vector<std::string> names = xattr_names(from);
  for (const std::string& name : names) {
    const auto value = xattr_value(from, name);
    if (!value) {
      if (errno == ENODATA) continue;  // removed meanwhile
      cannot_keep("extended attribute '" + name + "'", errno, "write without it");
      if (!result.refusal.empty()) return result;
      continue;
    }
    if (xattr_value(to, name) == value) continue;  // inherited already (an SELinux label)
    if (::fsetxattr(to, name.c_str(), value->data(), value->size(), 0) != 0) {
      cannot_keep("extended attribute '" + name + "'", errno, "write without it");
      if (!result.refusal.empty()) return result;
    }
  }
  // What the new file got and the note did not have (an ACL inherited from
  // the folder's default ACL) goes, so that permissions stay as they were.
  for (const std::string& name : xattr_names(to)) {
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      (void)::fremovexattr(to, name.c_str());
    }
  }
  return result;
}

}  // namespace

std::optional<Diagnostic> DiskFileSystem::write_atomic(const std::string& rel,
                                                       const std::string& content,
                                                       const WriteOptions& options) {
  std::string target = root_ + "/" + rel;
  struct stat link {};
  const bool exists = ::lstat(target.c_str(), &link) == 0;
  if (!exists && errno != ENOENT) return error(rel, "cannot write: " + error_text(errno));
  if (exists && S_ISLNK(link.st_mode)) {
    if (!options.force) return error(rel, refusals::kSymlink);
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
      return error(rel, refusals::kSymlinkOutside);
    }
  }

  // The note as it is now: what its replacement must carry, and what the
  // check before the rename compares with.
  Fd original(exists ? ::open(target.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK) : -1);
  struct stat st {};
  if (exists) {
    if (original.get() < 0 || ::fstat(original.get(), &st) != 0) {
      return error(rel, "cannot write: " + error_text(errno));
    }
    if (!S_ISREG(st.st_mode)) return error(rel, "cannot write: not a regular file");
    if (!options.force && !is_writable(target, st)) return error(rel, refusals::kReadOnly);
    if (!options.force && st.st_nlink > 1) {
      return error(rel, refusals::hard_links(static_cast<unsigned long>(st.st_nlink)));
    }
  } else if (options.expect || options.expect_text) {
    return error(rel, refusals::kChanged);
  }

  const std::string dir = parent_of(target);
  TempFile temp;
  if (const int err = temp.create(dir)) return error(rel, "cannot write: " + error_text(err));
  auto fail = [&](int err) -> std::optional<Diagnostic> {
    return error(rel, "cannot write: " + error_text(err));  // ~TempFile removes it
  };
  if (fail_write && fail_write(rel)) return fail(ENOSPC);
  if (!write_all(temp.fd(), content)) return fail(errno);
  if (exists) {
    const CarryResult carried = carry_attributes(original.get(), st, temp.fd(), rel, options);
    if (carried.err != 0) return fail(carried.err);
    if (!carried.refusal.empty()) return error(rel, carried.refusal);
  } else if (::fchmod(temp.fd(), 0644) != 0) {
    return fail(errno);
  }
  if (::fsync(temp.fd()) != 0) return fail(errno);
  if (const int err = temp.close()) return fail(err);

  if (before_rename) before_rename(rel);
  signal_if_asked_before_rename();
  if (exists && (options.expect || options.expect_text)) {
    // Immediately before the rename: the same file, and its bytes still
    // those kb read. Size and mtime alone miss a same-size save within the
    // file system's timestamp granularity (a second on ext3, HFS+, SMB).
    Fd now(::open(target.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
    struct stat now_st {};
    const bool same =
        now.get() >= 0 && ::fstat(now.get(), &now_st) == 0 && S_ISREG(now_st.st_mode) &&
        now_st.st_dev == st.st_dev && now_st.st_ino == st.st_ino &&
        (!options.expect || (static_cast<std::uint64_t>(now_st.st_size) == options.expect->size &&
                             mtime_ns_of(now_st) == options.expect->mtime_ns)) &&
        (!options.expect_text ||
         holds_exactly(now.get(), static_cast<std::size_t>(now_st.st_size), *options.expect_text));
    if (!same) return error(rel, refusals::kChanged);
  }
  if (::rename(temp.path().c_str(), target.c_str()) != 0) return fail(errno);
  temp.committed();
  if (exists && st.st_nlink > 1 && options.notices) {
    options.notices->push_back(
        refusals::hard_links_broken(rel, static_cast<unsigned long>(st.st_nlink)));
  }

  // Make the rename itself durable; the new content is already in place, so
  // a failure here is not reported as a failed write.
  Fd dir_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir_fd.get() >= 0) ::fsync(dir_fd.get());
  return std::nullopt;
}

std::vector<std::string> DiskFileSystem::sweep_stale_temp_files(
    const std::string& rel_folder) const {
  std::vector<std::string> removed =
      io::sweep_stale_temp_files(rel_folder.empty() ? root_ : root_ + "/" + rel_folder);
  for (std::string& name : removed) name = rel_folder.empty() ? name : rel_folder + "/" + name;
  return removed;
}

}  // namespace kb::io
