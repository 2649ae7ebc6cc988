#pragma once
// The messages of write_atomic's refusals, shared by the disk and the
// in-memory file system so that tests above io see the same words.
#include <string>

#include "kb/util/diagnostic.hpp"

namespace kb::io::refusals {

inline constexpr const char* kChanged = "changed on disk since it was read; not written";
inline constexpr const char* kSymlink = "refusing to write a symlinked note (use --force)";
inline constexpr const char* kSymlinkOutside =
    "refusing to write a symlinked note whose target is outside the vault";
inline constexpr const char* kReadOnly = "refusing to write a read-only note (use --force)";

inline std::string hard_links(unsigned long links) {
  return "refusing to write a note with " + std::to_string(links) +
         " hard links: a new file would break them (use --force to break them)";
}

inline Diagnostic hard_links_broken(const std::string& rel, unsigned long links) {
  return {rel, 0,
          "--force broke a hard link: the note's " + std::to_string(links - 1) +
              " other name(s) keep the old text"};
}

}  // namespace kb::io::refusals
