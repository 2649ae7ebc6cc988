// The disk walk: each folder read once through its descriptor, each entry
// classified by the type readdir gives, and each note stat-ed relative to its
// folder (fstatat), so listing a vault costs what the stat floor costs: no
// whole-path look-ups, no access(), no second stat.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <utility>

#include "kb/io/fs.hpp"

namespace kb::io {
namespace {

// Obsidian only treats lowercase ".md" as a note, so the check is case-sensitive.
bool is_note_name(std::string_view name) {
  return name.size() > 3 && name.substr(name.size() - 3) == ".md";
}

FileStat file_stat_of(const struct stat& st, bool is_symlink) {
  FileStat out;
  out.size = static_cast<std::uint64_t>(st.st_size);
  out.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  out.mode = st.st_mode & 07777;
  out.is_symlink = is_symlink;
  return out;
}

Diagnostic folder_warning(std::string_view rel_dir, int err) {
  Diagnostic d{std::string(rel_dir), 0, std::string("cannot read folder: ") + std::strerror(err)};
  d.unread = true;  // its notes are missing from the vault
  return d;
}

struct Walk {
  int root_fd;
  bool all_files;
  Listing& out;
  Diagnostics& warnings;

  // Lists the folder open as `fd` (taken over), then its subfolders, each
  // opened from the root once this one is closed: the walk holds one folder
  // descriptor at a time, however deep the vault.
  void folder(int fd, const std::string& rel_dir) {
    DIR* dir = ::fdopendir(fd);
    if (dir == nullptr) {
      warnings.push_back(folder_warning(rel_dir, errno));
      ::close(fd);
      return;
    }
    std::vector<std::string> subdirs;
    errno = 0;
    while (const dirent* entry = ::readdir(dir)) {
      const std::string_view name = entry->d_name;
      if (name.empty() || name.front() == '.') continue;  // also skips "." and ".."
      unsigned char type = entry->d_type;
      struct stat st {};
      bool have_stat = false;
      if (type == DT_UNKNOWN) {  // some file systems do not fill d_type
        if (::fstatat(::dirfd(dir), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
        have_stat = true;
        type = S_ISDIR(st.st_mode)   ? DT_DIR
               : S_ISLNK(st.st_mode) ? DT_LNK
               : S_ISREG(st.st_mode) ? DT_REG
                                     : DT_UNKNOWN;
      }
      if (type == DT_DIR) {
        subdirs.push_back(rel_dir.empty() ? std::string(name) : rel_dir + "/" + std::string(name));
      } else if ((type == DT_REG || type == DT_LNK) && (all_files || is_note_name(name))) {
        // A symlinked note is a note (its target's stat); a symlinked folder
        // is never followed.
        const bool link = type == DT_LNK;
        if (link || !have_stat) {
          if (::fstatat(::dirfd(dir), entry->d_name, &st, link ? 0 : AT_SYMLINK_NOFOLLOW) != 0) {
            errno = 0;
            continue;  // vanished while listing, or a dangling link
          }
        }
        if (S_ISREG(st.st_mode)) out.add(rel_dir, name, file_stat_of(st, link));
      }
      errno = 0;
    }
    const int read_errno = errno;
    ::closedir(dir);
    if (read_errno != 0) warnings.push_back(folder_warning(rel_dir, read_errno));
    for (const std::string& sub : subdirs) {
      const int child =
          ::openat(root_fd, sub.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (child < 0) {
        warnings.push_back(folder_warning(sub, errno));
        continue;
      }
      folder(child, sub);
    }
  }
};

Diagnostic root_error(const std::string& root, std::string message) {
  return Diagnostic{"", 0, root + ": " + std::move(message), Severity::Error};
}

// Opens the root for a walk, or says why the vault cannot be read.
Expected<int> open_root(const std::string& root) {
  using Result = Expected<int>;
  const int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) return fd;
  const int err = errno;
  struct stat st {};
  if (::stat(root.c_str(), &st) != 0) {
    if (errno == ENOENT) return Result::failure(root_error(root, "vault folder does not exist"));
    return Result::failure(
        root_error(root, std::string("cannot read vault folder: ") + std::strerror(errno)));
  }
  if (!S_ISDIR(st.st_mode)) return Result::failure(root_error(root, "vault is not a folder"));
  return Result::failure(
      root_error(root, std::string("cannot read vault folder: ") + std::strerror(err)));
}

Expected<Listing> walk_root(const std::string& root, bool all_files, Diagnostics& warnings) {
  auto fd = open_root(root);
  if (!fd) return Expected<Listing>::failure(fd.error());
  Listing listing;
  // A second descriptor: the walk's first folder takes over *fd.
  const int root_fd = ::fcntl(*fd, F_DUPFD_CLOEXEC, 0);
  if (root_fd < 0) {
    const int err = errno;
    ::close(*fd);
    return Expected<Listing>::failure(
        root_error(root, std::string("cannot read vault folder: ") + std::strerror(err)));
  }
  Walk{root_fd, all_files, listing, warnings}.folder(*fd, "");
  ::close(root_fd);
  listing.sort();
  return listing;
}

}  // namespace

void Listing::add(std::string_view folder, std::string_view name, const FileStat& stat) {
  Entry entry;
  entry.path_offset = static_cast<std::uint32_t>(paths_.size());
  if (!folder.empty()) {
    paths_.append(folder);
    paths_.push_back('/');
  }
  paths_.append(name);
  entry.path_size = static_cast<std::uint32_t>(paths_.size() - entry.path_offset);
  entry.stat = stat;
  entries_.push_back(entry);
}

void Listing::sort() {
  // char_traits<char> compares as unsigned bytes.
  std::sort(entries_.begin(), entries_.end(), [this](const Entry& a, const Entry& b) {
    return std::string_view(paths_).substr(a.path_offset, a.path_size) <
           std::string_view(paths_).substr(b.path_offset, b.path_size);
  });
}

std::vector<std::string> Listing::paths() const {
  std::vector<std::string> out;
  out.reserve(size());
  for (std::size_t i = 0; i < size(); ++i) out.emplace_back(path(i));
  return out;
}

Expected<std::vector<std::string>> FileSystem::list_notes(Diagnostics& warnings) const {
  auto listing = scan_notes(warnings);
  if (!listing) return Expected<std::vector<std::string>>::failure(listing.error());
  return listing->paths();
}

Expected<Listing> DiskFileSystem::scan_notes(Diagnostics& warnings) const {
  return walk_root(root_, /*all_files=*/false, warnings);
}

Expected<std::vector<std::string>> DiskFileSystem::list_files(Diagnostics& warnings) const {
  auto listing = walk_root(root_, /*all_files=*/true, warnings);
  if (!listing) return Expected<std::vector<std::string>>::failure(listing.error());
  return listing->paths();
}

}  // namespace kb::io
