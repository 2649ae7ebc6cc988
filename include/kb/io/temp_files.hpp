#pragma once
// kb's temporary files: where a new version of a note (or of the parse
// cache) is written before it is renamed over the old one.
//
// Their names are short and recognisable whatever the note's name:
// ".kb-tmp-XXXXXX" (X from [A-Za-z0-9]), 14 bytes, so a note whose name
// uses all 255 bytes a file system allows can still be replaced.
//
// Nothing is left behind: every live temporary file is listed in a fixed
// table that a signal handler can walk (kb/io/process_guard.hpp), and the
// ones a SIGKILL or a power cut left are swept, once older than a few
// minutes, from the folders kb writes (sweep_stale_temp_files).
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace kb::io {

// How old a temporary file must be before a later run removes it: far
// longer than any write takes, so a kb running beside this one keeps its own.
inline constexpr std::chrono::seconds kStaleTempAge{300};

// kb's pattern: ".kb-tmp-XXXXXX", and the ".<name>.kb-tmp-XXXXXX" of
// earlier versions. Nothing else is ever swept.
bool is_kb_temp_name(std::string_view name);

// One temporary file being written. The destructor closes and removes it
// unless committed() was called after it was renamed into place.
class TempFile {
 public:
  TempFile() = default;
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  // Creates `folder`/.kb-tmp-XXXXXX (mode 0600, never an existing file) and
  // registers it for removal on a signal. 0, or the errno of the failure.
  int create(const std::string& folder);
  int fd() const { return fd_; }
  const std::string& path() const { return path_; }
  // Closes the descriptor: 0, or the errno of the failure (the file stays
  // until the destructor or committed()).
  int close();
  // The file was renamed into place: there is nothing left to remove.
  void committed();

 private:
  std::string path_;
  int fd_ = -1;
  int slot_ = -1;
};

// Removes kb's temporary files older than `age` from `folder` (not below
// it): only regular files whose name is kb's pattern. Returns their names.
std::vector<std::string> sweep_stale_temp_files(const std::string& folder,
                                                std::chrono::seconds age = kStaleTempAge);

// Async-signal-safe: removes every temporary file still registered. For the
// signal and out-of-memory handlers of kb/io/process_guard.hpp.
void remove_live_temp_files() noexcept;

}  // namespace kb::io
