#pragma once
// Where a cache's bytes are kept between runs: read whole (mapped), replaced
// whole (atomically, written as a stream). The parse cache's policy lives in
// kb::model; this is only the storage, on disk or, for tests, in memory.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace kb::io {

// Stored bytes, alive as long as any copy of the Blob: a read-only mapping of
// the file (unmapped with the last copy), or a string for the memory store.
class Blob {
 public:
  std::string_view bytes() const { return bytes_; }
  static Blob of_string(std::string bytes);
  static Blob of_mapping(void* address, std::size_t size);

 private:
  std::shared_ptr<const void> owner_;
  std::string_view bytes_;
};

// What save() writes through: buffered, so a cache of any size is written
// without a second copy of it in memory.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void write(std::string_view bytes) = 0;
  // Writes `n` bytes of any trivially copyable value.
  void write_raw(const void* data, std::size_t n) {
    write(std::string_view(static_cast<const char*>(data), n));
  }
};

class CacheStore {
 public:
  virtual ~CacheStore() = default;
  // The stored bytes, or nothing when there are none. Anything but a plain
  // file of a sane size (a FIFO, a device, a symlink, a folder) is nothing:
  // opening it must never block or follow it.
  virtual std::optional<Blob> load() const = 0;
  // Replaces the stored bytes with what `write` emits, atomically: a reader
  // sees the old bytes or the new ones, never a mix. False when it could not
  // (the old bytes then stay).
  virtual bool save(const std::function<void(Sink&)>& write) = 0;
};

// The file `name` in `folder` (created, mode 0700, when first saved).
class DiskCacheStore final : public CacheStore {
 public:
  DiskCacheStore(std::string folder, std::string name);
  std::optional<Blob> load() const override;
  bool save(const std::function<void(Sink&)>& write) override;
  std::string path() const { return folder_ + "/" + name_; }

  static constexpr std::uint64_t kMaxBytes = std::uint64_t{4}
                                             << 30;  // larger is not a cache of ours

 private:
  std::string folder_, name_;
};

class MemoryCacheStore final : public CacheStore {
 public:
  std::optional<Blob> load() const override;
  bool save(const std::function<void(Sink&)>& write) override;

  std::optional<std::string> bytes;  // what is stored, if anything
  int saves = 0;                     // successful saves, for tests
  bool fail = false;                 // saves fail (a read-only cache folder)
};

}  // namespace kb::io
