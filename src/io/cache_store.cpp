#include "kb/io/cache_store.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <utility>

#include "kb/io/cache_dir.hpp"
#include "kb/io/temp_files.hpp"

namespace kb::io {

Blob Blob::of_string(std::string bytes) {
  auto owned = std::make_shared<const std::string>(std::move(bytes));
  Blob blob;
  blob.bytes_ = *owned;
  blob.owner_ = std::move(owned);
  return blob;
}

Blob Blob::of_mapping(void* address, std::size_t size) {
  Blob blob;
  blob.bytes_ = std::string_view(static_cast<const char*>(address), size);
  blob.owner_ = std::shared_ptr<const void>(
      address, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
  return blob;
}

namespace {

class StringSink final : public Sink {
 public:
  explicit StringSink(std::string& out) : out_(out) {}
  void write(std::string_view bytes) override { out_.append(bytes); }

 private:
  std::string& out_;
};

// Buffers writes to a descriptor; remembers the first failure.
class FdSink final : public Sink {
 public:
  explicit FdSink(int fd) : fd_(fd) { buffer_.reserve(kBuffer); }
  void write(std::string_view bytes) override {
    if (buffer_.size() + bytes.size() > kBuffer) flush();
    if (bytes.size() >= kBuffer) {
      put(bytes);
    } else {
      buffer_.append(bytes);
    }
  }
  bool finish() {
    flush();
    return ok_;
  }

 private:
  static constexpr std::size_t kBuffer = 1 << 16;
  void flush() {
    put(buffer_);
    buffer_.clear();
  }
  void put(std::string_view bytes) {
    while (ok_ && !bytes.empty()) {
      const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0) {
        if (errno == EINTR) continue;
        ok_ = false;
        return;
      }
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
  }
  int fd_;
  bool ok_ = true;
  std::string buffer_;
};

}  // namespace

DiskCacheStore::DiskCacheStore(std::string folder, std::string name)
    : folder_(std::move(folder)), name_(std::move(name)) {}

std::optional<Blob> DiskCacheStore::load() const {
  // O_NOFOLLOW: a symlink (to /dev/zero, say) is not ours; O_NONBLOCK: opening
  // a FIFO must not wait for a writer. Then only a regular file is read.
  const int fd = ::open(path().c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  std::optional<Blob> blob;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
      static_cast<std::uint64_t>(st.st_size) <= kMaxBytes) {
    const auto size = static_cast<std::size_t>(st.st_size);
    // MAP_POPULATE: the pages are read in one go rather than faulted one by one.
    void* address = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (address != MAP_FAILED) blob = Blob::of_mapping(address, size);
  }
  ::close(fd);
  return blob;
}

bool DiskCacheStore::save(const std::function<void(Sink&)>& write) {
  if (!make_folders(folder_)) return false;
  // kb's temporary file: removed on every way out, and on a signal.
  TempFile temp;
  if (temp.create(folder_) != 0) return false;
  FdSink sink(temp.fd());
  write(sink);
  const bool written = sink.finish();
  // No fsync: a cache lost or cut short by a crash is detected (size,
  // checksum) and rebuilt; the rename alone keeps readers from a partial file.
  if (temp.close() != 0 || !written || ::rename(temp.path().c_str(), path().c_str()) != 0) {
    return false;
  }
  temp.committed();
  return true;
}

std::optional<Blob> MemoryCacheStore::load() const {
  if (!bytes || bytes->empty()) return std::nullopt;
  return Blob::of_string(*bytes);
}

bool MemoryCacheStore::save(const std::function<void(Sink&)>& write) {
  if (fail) return false;
  std::string out;
  StringSink sink(out);
  write(sink);
  bytes = std::move(out);
  ++saves;
  return true;
}

}  // namespace kb::io
