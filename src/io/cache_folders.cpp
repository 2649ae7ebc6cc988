#include "kb/io/cache_folders.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <ctime>

#include "kb/io/temp_files.hpp"
#include "posix.hpp"

namespace kb::io {

namespace {

using posix::error;
using posix::error_text;
using posix::Fd;

constexpr const char* kVaultFile = "vault";
constexpr const char* kPruneStamp = "last-prune";

std::int64_t now_seconds() {
  return static_cast<std::int64_t>(std::time(nullptr));
}

bool unused_too_long(const CacheFolder& folder, std::int64_t now) {
  return now - folder.used >
         std::chrono::duration_cast<std::chrono::seconds>(kCacheUnusedLimit).count();
}

// The names in the folder open at `fd` (not "." and ".."); the descriptor
// stays open. Nothing when it cannot be listed.
std::optional<std::vector<std::string>> names_in(int fd) {
  const int copy = ::dup(fd);
  if (copy < 0) return std::nullopt;
  DIR* dir = ::fdopendir(copy);
  if (dir == nullptr) {
    ::close(copy);
    return std::nullopt;
  }
  std::vector<std::string> names;
  while (const dirent* entry = ::readdir(dir)) {
    const std::string_view name = entry->d_name;
    if (name != "." && name != "..") names.emplace_back(name);
  }
  ::closedir(dir);
  std::sort(names.begin(), names.end());
  return names;
}

// The `vault` file's path: a small regular file, never followed.
std::string read_vault_file(int folder_fd) {
  Fd fd(::openat(folder_fd, kVaultFile, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  if (fd.get() < 0) return {};
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > PATH_MAX) return {};
  std::string text(static_cast<std::size_t>(st.st_size), '\0');
  const ssize_t n = ::read(fd.get(), text.data(), text.size());
  if (n < 0) return {};
  text.resize(static_cast<std::size_t>(n));
  if (!text.empty() && text.back() == '\n') text.pop_back();
  // An absolute path on one line, or it is not ours.
  if (text.empty() || text.front() != '/' || text.find('\n') != std::string::npos ||
      text.find('\0') != std::string::npos) {
    return {};
  }
  return text;
}

VaultState vault_state(const std::string& vault) {
  if (vault.empty()) return VaultState::Unknown;
  struct stat st {};
  if (::stat(vault.c_str(), &st) == 0)
    return S_ISDIR(st.st_mode) ? VaultState::Exists : VaultState::Gone;
  // Only a path that is not there is gone: an unreadable disk is not.
  return errno == ENOENT || errno == ENOTDIR ? VaultState::Gone : VaultState::Unknown;
}

// The folder `name` under `root_fd`: sizes, last use, vault. Nothing when it
// is not a real folder.
std::optional<CacheFolder> read_folder(int root_fd, const std::string& root,
                                       const std::string& name) {
  struct stat st {};
  if (::fstatat(root_fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode)) {
    return std::nullopt;
  }
  Fd fd(::openat(root_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (fd.get() < 0) return std::nullopt;
  CacheFolder folder;
  folder.name = name;
  folder.path = root + "/" + name;
  folder.used = static_cast<std::int64_t>(st.st_mtim.tv_sec);
  if (const auto names = names_in(fd.get())) {
    for (const auto& entry : *names) {
      struct stat est {};
      if (::fstatat(fd.get(), entry.c_str(), &est, AT_SYMLINK_NOFOLLOW) != 0) continue;
      if (S_ISREG(est.st_mode)) folder.bytes += static_cast<std::uint64_t>(est.st_size);
      if (is_cache_entry_name(entry)) {
        folder.used = std::max(folder.used, static_cast<std::int64_t>(est.st_mtim.tv_sec));
      }
    }
  }
  folder.vault = read_vault_file(fd.get());
  folder.vault_state = vault_state(folder.vault);
  return folder;
}

Expected<int> open_root(const std::string& root) {
  const int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0) return fd;
  if (errno == ELOOP || errno == ENOTDIR) {
    struct stat st {};
    if (::lstat(root.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
      return Expected<int>::failure(
          error(root, "is a symbolic link; kb uses and prunes only a real folder there"));
    }
  }
  return Expected<int>::failure(error(root, error_text(errno)));
}

}  // namespace

Staleness staleness(const CacheFolder& folder, std::int64_t now) {
  if (folder.vault_state == VaultState::Gone) return Staleness::VaultGone;
  return unused_too_long(folder, now) ? Staleness::Unused : Staleness::None;
}

bool is_cache_folder_name(std::string_view name) {
  return name.size() == 16 && std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

bool is_cache_entry_name(std::string_view name) {
  if (name == kVaultFile || is_kb_temp_name(name)) return true;
  if (!name.starts_with("notes.v") || name.size() == 7) return false;
  return std::all_of(name.begin() + 7, name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Expected<std::vector<CacheFolder>> list_cache_folders(const std::string& root) {
  using Result = Expected<std::vector<CacheFolder>>;
  struct stat st {};
  if (::lstat(root.c_str(), &st) != 0 && errno == ENOENT) return std::vector<CacheFolder>{};
  auto opened = open_root(root);
  if (!opened) return Result::failure(opened.error());
  Fd fd(*opened);
  const auto names = names_in(fd.get());
  if (!names) return Result::failure(error(root, error_text(errno)));
  std::vector<CacheFolder> folders;
  for (const auto& name : *names) {
    if (!is_cache_folder_name(name)) continue;
    if (auto folder = read_folder(fd.get(), root, name)) folders.push_back(std::move(*folder));
  }
  return folders;
}

std::optional<Diagnostic> remove_cache_folder(const std::string& root, const std::string& name) {
  const std::string path = root + "/" + name;
  if (!is_cache_folder_name(name)) return error(path, "not a kb cache folder");
  auto opened = open_root(root);
  if (!opened) return opened.error();
  Fd root_fd(*opened);
  Fd fd(::openat(root_fd.get(), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (fd.get() < 0) {
    return error(path, errno == ELOOP || errno == ENOTDIR ? "not a folder (a symbolic link?)"
                                                          : error_text(errno));
  }
  const auto names = names_in(fd.get());
  if (!names) return error(path, error_text(errno));
  // First look, then remove: a folder holding anything else is left whole.
  for (const auto& entry : *names) {
    struct stat st {};
    if (!is_cache_entry_name(entry) ||
        (::fstatat(fd.get(), entry.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
         S_ISDIR(st.st_mode))) {
      return error(path, "not removed: it holds '" + entry + "', which kb did not write");
    }
  }
  for (const auto& entry : *names) {
    if (::unlinkat(fd.get(), entry.c_str(), 0) != 0 && errno != ENOENT) {
      return error(path + "/" + entry, error_text(errno));
    }
  }
  if (::unlinkat(root_fd.get(), name.c_str(), AT_REMOVEDIR) != 0) {
    // ENOTEMPTY: a kb run wrote into it meanwhile; it is in use, so keep it.
    return error(path, error_text(errno));
  }
  return std::nullopt;
}

bool mark_cache_used(const CacheDir& dir) {
  const std::string file = dir.folder + "/" + kVaultFile;
  if (::utimensat(AT_FDCWD, file.c_str(), nullptr, AT_SYMLINK_NOFOLLOW) == 0) return true;
  if (errno != ENOENT || !make_folders(dir.folder)) return false;
  TempFile temp;
  if (temp.create(dir.folder) != 0) return false;
  const std::string text = dir.vault_path + "\n";
  const bool written =
      ::write(temp.fd(), text.data(), text.size()) == static_cast<ssize_t>(text.size());
  if (temp.close() != 0 || !written || ::rename(temp.path().c_str(), file.c_str()) != 0) {
    return false;
  }
  temp.committed();
  return true;
}

std::vector<std::string> auto_prune_cache(const std::string& root, const std::string& except) {
  std::vector<std::string> removed;
  const std::string stamp = root + "/" + kPruneStamp;
  struct stat st {};
  const std::int64_t now = now_seconds();
  if (::lstat(stamp.c_str(), &st) == 0) {
    if (!S_ISREG(st.st_mode)) return removed;
    const auto interval =
        std::chrono::duration_cast<std::chrono::seconds>(kAutoPruneInterval).count();
    if (now - static_cast<std::int64_t>(st.st_mtim.tv_sec) < interval) return removed;
    if (::utimensat(AT_FDCWD, stamp.c_str(), nullptr, AT_SYMLINK_NOFOLLOW) != 0) return removed;
  } else {
    // O_EXCL: two runs at once, one prunes.
    const int fd =
        ::open(stamp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return removed;
    ::close(fd);
  }
  auto folders = list_cache_folders(root);
  if (!folders) return removed;
  for (const CacheFolder& folder : *folders) {
    // Only by age: a vault on a disk that is not mounted today is not gone.
    if (folder.path == except || !unused_too_long(folder, now)) continue;
    if (!remove_cache_folder(root, folder.name)) removed.push_back(folder.path);
  }
  return removed;
}

}  // namespace kb::io
