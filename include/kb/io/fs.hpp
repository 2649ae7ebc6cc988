#pragma once
// The only door to the disk. Everything above talks to a FileSystem rooted
// at the vault, with vault-relative '/'-separated paths, so tests can run on
// MemoryFileSystem.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kb/util/diagnostic.hpp"
#include "kb/util/expected.hpp"

namespace kb::io {

struct FileStat {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  unsigned mode = 0644;      // permission bits
  bool is_symlink = false;   // the path itself is a symbolic link
  bool writable = true;      // the user may write it
  bool operator==(const FileStat&) const = default;
};

struct WriteOptions {
  // The file must still have this stat (size and mtime) when the write
  // happens; otherwise the write is refused ("changed on disk since read").
  std::optional<FileStat> expect;
  bool force = false;  // write symlinked (through the link) or read-only notes
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  // Every *.md file below the root (recursively), vault-relative, sorted
  // bytewise. Folders whose name starts with '.' are skipped; symlinked
  // folders are not followed (no loops); unreadable folders become warnings.
  virtual Expected<std::vector<std::string>> list_notes(Diagnostics& warnings) const = 0;

  // Every regular file below the root, notes and attachments alike, by the
  // same walk rules as list_notes: how `kb check` tells a link to an existing
  // attachment (![[diagram.png]]) from a broken one.
  virtual Expected<std::vector<std::string>> list_files(Diagnostics& warnings) const = 0;

  virtual Expected<std::string> read(const std::string& rel) const = 0;
  virtual Expected<FileStat> stat(const std::string& rel) const = 0;

  // Atomic replace: temporary file in the same folder, fsync, same mode,
  // rename over the original. Returns a diagnostic on failure; the original
  // is then untouched.
  virtual std::optional<Diagnostic> write_atomic(const std::string& rel, const std::string& content,
                                                 const WriteOptions& options) = 0;
};

// The real disk, rooted at a vault folder.
class DiskFileSystem final : public FileSystem {
 public:
  explicit DiskFileSystem(std::string root);
  const std::string& root() const { return root_; }

  Expected<std::vector<std::string>> list_notes(Diagnostics& warnings) const override;
  Expected<std::vector<std::string>> list_files(Diagnostics& warnings) const override;
  Expected<std::string> read(const std::string& rel) const override;
  Expected<FileStat> stat(const std::string& rel) const override;
  std::optional<Diagnostic> write_atomic(const std::string& rel, const std::string& content,
                                         const WriteOptions& options) override;

  // Test hook: runs after the temporary file is written and before the
  // final check-and-rename (simulates an edit racing with kb).
  std::function<void(const std::string& rel)> before_rename;

  // Test hook: when it returns true the write fails with ENOSPC after the
  // temporary file was created (simulates a full disk).
  std::function<bool(const std::string& rel)> fail_write;

 private:
  std::string root_;
};

// An in-memory vault for tests.
class MemoryFileSystem final : public FileSystem {
 public:
  struct File {
    std::string content;
    FileStat stat;
  };
  std::map<std::string, File> files;  // vault-relative path -> file

  void add(const std::string& rel, std::string content);

  Expected<std::vector<std::string>> list_notes(Diagnostics& warnings) const override;
  Expected<std::vector<std::string>> list_files(Diagnostics& warnings) const override;
  Expected<std::string> read(const std::string& rel) const override;
  Expected<FileStat> stat(const std::string& rel) const override;
  std::optional<Diagnostic> write_atomic(const std::string& rel, const std::string& content,
                                         const WriteOptions& options) override;

  std::function<void(const std::string& rel)> before_rename;  // as DiskFileSystem's
  std::function<bool(const std::string& rel)> fail_write;     // as DiskFileSystem's
  int writes = 0;                                             // successful writes, for tests

 private:
  std::int64_t clock_ = 1;
};

}  // namespace kb::io
