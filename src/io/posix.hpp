#pragma once
// Small POSIX helpers shared by the disk file system's files (internal to io).
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "kb/util/diagnostic.hpp"

namespace kb::io::posix {

inline std::string error_text(int err) {
  return std::strerror(err);
}

inline Diagnostic error(std::string path, std::string message) {
  return Diagnostic{std::move(path), 0, std::move(message), Severity::Error};
}

// A file or folder that could not be read (Diagnostic::unread).
inline Diagnostic unreadable(std::string path, std::string message) {
  Diagnostic d = error(std::move(path), std::move(message));
  d.unread = true;
  return d;
}

inline std::int64_t mtime_ns_of(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

// "Writable" needs a write permission bit as well as access(): root passes
// access(W_OK) for any file, yet a 0444 note is meant to be read-only.
inline bool is_writable(const std::string& path, const struct stat& st) {
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

}  // namespace kb::io::posix
