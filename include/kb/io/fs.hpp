#pragma once
// The only door to the disk. Everything above talks to a FileSystem rooted
// at the vault, with vault-relative '/'-separated paths, so tests can run on
// MemoryFileSystem.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kb/util/diagnostic.hpp"
#include "kb/util/expected.hpp"

namespace kb::io {

struct FileStat {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  unsigned mode = 0644;     // permission bits
  bool is_symlink = false;  // the path itself is a symbolic link
  bool writable = true;     // the user may write it
  bool operator==(const FileStat&) const = default;
};

// The files a walk found, sorted bytewise by path, each with its stat: every
// path in one buffer, so a listing of 100k notes is two allocations.
class Listing {
 public:
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  std::string_view path(std::size_t i) const {
    return std::string_view(paths_).substr(entries_[i].path_offset, entries_[i].path_size);
  }
  const FileStat& stat(std::size_t i) const { return entries_[i].stat; }
  // The number the walk gave the i-th file as it found it (NoteSink's `found`).
  std::size_t found(std::size_t i) const { return entries_[i].found; }

  // `folder` "" for the root; `found` the file's number in the order found
  // (by default its number in this listing). Call sort() once every file is added.
  void add(std::string_view folder, std::string_view name, const FileStat& stat);
  void add(std::string_view folder, std::string_view name, const FileStat& stat, std::size_t found);
  // Adds every file of `other` (another thread's part of a walk): one
  // linear merge, so two sorted listings give a sorted one.
  void merge(const Listing& other);
  void sort();
  std::vector<std::string> paths() const;

 private:
  struct Entry {
    std::uint32_t path_offset = 0, path_size = 0;
    std::uint32_t found = 0;
    FileStat stat;
  };
  std::string paths_;
  std::vector<Entry> entries_;
};

// A file's bytes and its stat, taken from the same open file.
struct FileContent {
  std::string bytes;
  FileStat stat;
};

struct WriteOptions {
  // The file must still have this stat (size and mtime) when the write
  // happens; otherwise the write is refused ("changed on disk since read").
  std::optional<FileStat> expect;
  // The file must still hold exactly these bytes right before the rename
  // (they are read again and compared): a save within the file system's
  // timestamp granularity keeps size and mtime, never the bytes.
  std::optional<std::string_view> expect_text;
  // Also write symlinked (through the link), read-only and hard-linked notes
  // (breaking the link), and notes whose owner, group or extended attributes
  // this process cannot give the new file.
  bool force = false;
  // Where --force says what it changed (a broken hard link, an attribute
  // dropped); may be null.
  Diagnostics* notices = nullptr;
};

// Told of each note as a walk finds it: its number in the order found (0, 1,
// 2...: Listing::found gives it back once the listing is sorted), its vault
// path (valid during the call) and its stat. DiskFileSystem calls it on the
// walking threads, several at once.
using NoteSink =
    std::function<void(std::size_t found, std::string_view path, const FileStat& stat)>;

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  // Every *.md file below the root (recursively), vault-relative, sorted
  // bytewise, with its size, mtime, mode and whether it is a symlink (not
  // `writable`: stat() says that). Files and folders whose name starts with
  // '.' are skipped; symlinked folders are not followed (no loops);
  // unreadable folders become warnings.
  virtual Expected<Listing> scan_notes(Diagnostics& warnings) const = 0;
  // scan_notes, telling `on_note` of each note as soon as it is listed, so a
  // caller can read notes while the walk still lists others. By default,
  // after the walk, in the listing's order.
  virtual Expected<Listing> walk_notes(Diagnostics& warnings, const NoteSink& on_note) const;
  // The paths of scan_notes.
  Expected<std::vector<std::string>> list_notes(Diagnostics& warnings) const;

  // Every regular file below the root, notes and attachments alike, by the
  // same walk rules as list_notes: how `kb check` tells a link to an existing
  // attachment (![[diagram.png]]) from a broken one.
  virtual Expected<std::vector<std::string>> list_files(Diagnostics& warnings) const = 0;

  virtual Expected<std::string> read(const std::string& rel) const = 0;
  // The bytes and the stat of the file as read (size and mtime from the open
  // file, so they describe these bytes or a later state, never an earlier one).
  virtual Expected<FileContent> read_with_stat(const std::string& rel) const = 0;
  virtual Expected<FileStat> stat(const std::string& rel) const = 0;

  // The clock the file system stamps mtimes with, and how coarse its stamps
  // may be: a file modified at time t gets an mtime in (t - granularity, t].
  virtual std::int64_t now_ns() const = 0;
  virtual std::int64_t timestamp_granularity_ns() const = 0;

  // Atomic replace: temporary file in the same folder, fsync, same owner,
  // group, mode and extended attributes, rename over the original. Returns a
  // diagnostic on failure; the original is then untouched.
  virtual std::optional<Diagnostic> write_atomic(const std::string& rel, const std::string& content,
                                                 const WriteOptions& options) = 0;
};

// The real disk, rooted at a vault folder.
class DiskFileSystem final : public FileSystem {
 public:
  explicit DiskFileSystem(std::string root);
  ~DiskFileSystem() override;
  DiskFileSystem(DiskFileSystem&& other) noexcept;
  DiskFileSystem& operator=(DiskFileSystem&&) = delete;
  DiskFileSystem(const DiskFileSystem&) = delete;
  DiskFileSystem& operator=(const DiskFileSystem&) = delete;
  const std::string& root() const { return root_; }

  Expected<Listing> scan_notes(Diagnostics& warnings) const override;
  // On the walk's threads, as each folder is listed.
  Expected<Listing> walk_notes(Diagnostics& warnings, const NoteSink& on_note) const override;
  Expected<std::vector<std::string>> list_files(Diagnostics& warnings) const override;
  Expected<std::string> read(const std::string& rel) const override;
  Expected<FileContent> read_with_stat(const std::string& rel) const override;
  Expected<FileStat> stat(const std::string& rel) const override;
  std::int64_t now_ns() const override;
  // Two seconds: FAT's granularity, the coarsest of the file systems notes
  // live on (ext4 with small inodes, ext3, HFS+ and many shares keep one).
  std::int64_t timestamp_granularity_ns() const override { return 2'000'000'000; }
  std::optional<Diagnostic> write_atomic(const std::string& rel, const std::string& content,
                                         const WriteOptions& options) override;

  // Removes kb's stale temporary files (kb/io/temp_files.hpp) from the
  // vault folder `rel_folder` ("" for the root); returns their vault paths.
  std::vector<std::string> sweep_stale_temp_files(const std::string& rel_folder) const;

  // Test hook: runs after the temporary file is written and before the
  // final check-and-rename (simulates an edit racing with kb).
  std::function<void(const std::string& rel)> before_rename;

  // Test hook: when it returns true the write fails with ENOSPC after the
  // temporary file was created (simulates a full disk).
  std::function<bool(const std::string& rel)> fail_write;

 private:
  Expected<FileContent> read_file(const std::string& rel, bool notes_only) const;
  std::string root_;
  int root_fd_ = -1;  // the root, opened once: reads resolve paths from here
};

// An in-memory vault for tests.
class MemoryFileSystem final : public FileSystem {
 public:
  struct File {
    std::string content;
    FileStat stat;
    unsigned links = 1;  // hard links: more than one is refused unless forced
  };
  std::map<std::string, File> files;  // vault-relative path -> file

  // Adds or replaces a file, stamped with the clock (as its granularity has it).
  void add(const std::string& rel, std::string content);

  Expected<Listing> scan_notes(Diagnostics& warnings) const override;
  Expected<std::vector<std::string>> list_files(Diagnostics& warnings) const override;
  Expected<std::string> read(const std::string& rel) const override;
  Expected<FileContent> read_with_stat(const std::string& rel) const override;
  Expected<FileStat> stat(const std::string& rel) const override;
  std::int64_t now_ns() const override { return clock_; }
  std::int64_t timestamp_granularity_ns() const override { return granularity_ns; }
  std::optional<Diagnostic> write_atomic(const std::string& rel, const std::string& content,
                                         const WriteOptions& options) override;

  std::function<void(const std::string& rel)> before_rename;  // as DiskFileSystem's
  std::function<bool(const std::string& rel)> fail_write;     // as DiskFileSystem's
  int writes = 0;                                             // successful writes, for tests
  // Test hooks: read() and read_with_stat() call this first (an edit racing
  // with kb's read), and scan_notes() calls on_scan after listing.
  std::function<void(const std::string& rel)> before_read;
  std::function<void()> on_scan;
  // Files and folders that cannot be read (as a chmod 000 would make them,
  // for any user): a folder's files are not listed and it is a warning; a
  // file's read fails with EACCES. Both are Diagnostic::unread.
  std::set<std::string> unreadable;

  // The clock: every add() and write advances it by `tick_ns`; mtimes are
  // the clock rounded down to `granularity_ns` (1: exact; 1e9: one-second
  // stamps, as ext3 or ext4 with 128-byte inodes keep).
  std::int64_t granularity_ns = 1;
  std::int64_t tick_ns = 1;
  void advance_clock(std::int64_t ns) { clock_ += ns; }

 private:
  std::int64_t stamp() {
    const std::int64_t now = clock_;
    clock_ += tick_ns;
    return now - now % granularity_ns;
  }
  std::int64_t clock_ = 1;
};

}  // namespace kb::io
