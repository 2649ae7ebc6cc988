#pragma once
// The walk kb's DiskFileSystem::list_notes does, for the floor benchmarks:
// every *.md file below the root, folders whose name starts with '.' skipped,
// symlinked folders not followed. POSIX directory calls only, so the floors
// measure the kernel and not a library.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <string_view>

namespace kb::bench {

inline bool is_markdown(std::string_view name) {
  return name.size() > 3 && name.substr(name.size() - 3) == ".md";
}

// Calls on_note(dir_fd, name) for every note below the folder `dir_fd`
// (which it takes over and closes). Returns false when a folder could not
// be opened, after walking the rest.
template <typename OnNote>
bool walk_notes(int dir_fd, OnNote& on_note) {
  DIR* dir = fdopendir(dir_fd);
  if (dir == nullptr) {
    close(dir_fd);
    return false;
  }
  bool ok = true;
  while (const dirent* entry = readdir(dir)) {
    const std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    unsigned char type = entry->d_type;
    if (type == DT_UNKNOWN) {  // some file systems do not fill d_type
      struct stat st;
      if (fstatat(dirfd(dir), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
      type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISLNK(st.st_mode) ? DT_LNK : DT_REG;
    }
    if (type == DT_DIR) {
      if (name.front() == '.') continue;
      const int child = openat(dirfd(dir), entry->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
      if (child < 0 || !walk_notes(child, on_note)) ok = false;
    } else if (is_markdown(name)) {
      if (type == DT_LNK) {  // a linked note counts, a linked folder is not followed
        struct stat st;
        if (fstatat(dirfd(dir), entry->d_name, &st, 0) != 0 || !S_ISREG(st.st_mode)) continue;
      } else if (type != DT_REG) {
        continue;
      }
      on_note(dirfd(dir), entry->d_name);
    }
  }
  closedir(dir);
  return ok;
}

// Opens `root` and walks it; false when it cannot be opened.
template <typename OnNote>
bool walk_vault(const char* root, OnNote& on_note) {
  const int fd = open(root, O_RDONLY | O_DIRECTORY);
  if (fd < 0) return false;
  return walk_notes(fd, on_note);
}

}  // namespace kb::bench
