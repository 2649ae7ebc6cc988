// The disk walk: each folder read once through its descriptor, each entry
// classified by the type readdir gives, each note stat-ed relative to its
// folder (fstatat) and each subfolder opened relative to its parent (openat),
// so listing a vault costs what the stat floor costs: no whole-path look-ups,
// no access(), no second stat. Folders are listed by a small pool of threads
// sharing a stack of folders to list; the listing is sorted at the end, so
// its order does not depend on which thread listed what.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>
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

// An open folder, closed when the last of its subfolders waiting to be
// opened relative to it has been.
struct OpenFolder {
  DIR* dir;
  explicit OpenFolder(DIR* d) : dir(d) {}
  OpenFolder(const OpenFolder&) = delete;
  OpenFolder& operator=(const OpenFolder&) = delete;
  ~OpenFolder() { ::closedir(dir); }
  int fd() const { return ::dirfd(dir); }
};

// A folder waiting to be listed: opened relative to `parent` by its last
// name, or (deep in the tree, where holding every ancestor open could use
// up the process's descriptors) from the root by its whole path.
struct Pending {
  std::shared_ptr<const OpenFolder> parent;
  std::string rel;          // vault-relative path
  std::size_t name_at = 0;  // where its last name starts in `rel`
  unsigned depth = 0;
};

// Folders deeper than this are opened from the root: at most this many
// folders per thread are held open for their subfolders' sake.
constexpr unsigned kMaxHeldDepth = 32;

// What one thread found: its notes and its folders' warnings.
struct Found {
  Listing listing;
  Diagnostics warnings;
};

class Walk {
 public:
  Walk(int root_fd, bool all_files, const NoteSink* on_note)
      : root_fd_(root_fd), all_files_(all_files), on_note_(on_note) {}

  // Lists everything below the root (`root_dir` taken over) on `threads`
  // threads; returns each thread's findings, each sorted by its thread (so
  // the sorting too runs on every core; walk_root merges them).
  std::vector<Found> run(DIR* root_dir, unsigned threads) {
    std::vector<Found> found(threads);
    list(std::make_shared<const OpenFolder>(root_dir), "", 0, found[0]);
    std::exception_ptr failure;
    {
      std::vector<std::thread> pool;
      try {
        for (unsigned t = 1; t < threads; ++t) {
          pool.emplace_back([&, t] {
            work(found[t], failure);
            found[t].listing.sort();
          });
        }
      } catch (...) {
        // No thread to spare: the ones started and this one do the work.
      }
      work(found[0], failure);
      found[0].listing.sort();
      for (auto& thread : pool) thread.join();
    }
    if (failure) std::rethrow_exception(failure);
    return found;
  }

 private:
  // Takes folders off the stack until every folder is listed (or a thread failed).
  void work(Found& found, std::exception_ptr& failure) noexcept {
    try {
      for (;;) {
        Pending next;
        {
          std::unique_lock<std::mutex> lock(mutex_);
          ready_.wait(lock, [&] { return !stack_.empty() || busy_ == 0 || failed_; });
          if (stack_.empty() || failed_) return;
          next = std::move(stack_.back());
          stack_.pop_back();
          ++busy_;
        }
        open_and_list(std::move(next), found);
        {
          const std::lock_guard<std::mutex> lock(mutex_);
          --busy_;
        }
        ready_.notify_all();
      }
    } catch (...) {
      {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (!failure) failure = std::current_exception();
        failed_ = true;
      }
      ready_.notify_all();
    }
  }

  void open_and_list(Pending pending, Found& found) {
    // Its notes could not be read by their vault paths (what every read
    // after the walk opens), so such a folder is unreadable, as the kernel
    // would have it opening the path whole.
    if (pending.rel.size() >= PATH_MAX) {
      found.warnings.push_back(folder_warning(pending.rel, ENAMETOOLONG));
      return;
    }
    const int fd = pending.parent
                       ? ::openat(pending.parent->fd(), pending.rel.c_str() + pending.name_at,
                                  O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                       : ::openat(root_fd_, pending.rel.c_str(),
                                  O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    const int open_errno = errno;
    pending.parent.reset();  // the last subfolder to go closes it
    if (fd < 0) {
      found.warnings.push_back(folder_warning(pending.rel, open_errno));
      return;
    }
    DIR* dir = ::fdopendir(fd);
    if (dir == nullptr) {
      found.warnings.push_back(folder_warning(pending.rel, errno));
      ::close(fd);
      return;
    }
    list(std::make_shared<const OpenFolder>(dir), pending.rel, pending.depth, found);
  }

  // Lists the open folder `folder` at `rel_dir`: its notes go to `found`,
  // its subfolders onto the stack.
  void list(std::shared_ptr<const OpenFolder> folder, const std::string& rel_dir, unsigned depth,
            Found& found) {
    std::vector<Pending> subdirs;
    const bool hold = depth < kMaxHeldDepth;
    errno = 0;
    while (const dirent* entry = ::readdir(folder->dir)) {
      const std::string_view name = entry->d_name;
      if (name.empty() || name.front() == '.') continue;  // also skips "." and ".."
      unsigned char type = entry->d_type;
      struct stat st {};
      bool have_stat = false;
      if (type == DT_UNKNOWN) {  // some file systems do not fill d_type
        if (::fstatat(folder->fd(), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
          errno = 0;
          continue;
        }
        have_stat = true;
        type = S_ISDIR(st.st_mode)   ? DT_DIR
               : S_ISLNK(st.st_mode) ? DT_LNK
               : S_ISREG(st.st_mode) ? DT_REG
                                     : DT_UNKNOWN;
      }
      if (type == DT_DIR) {
        Pending sub;
        sub.rel = rel_dir.empty() ? std::string(name) : rel_dir + "/" + std::string(name);
        sub.name_at = sub.rel.size() - name.size();
        sub.depth = depth + 1;
        if (hold) sub.parent = folder;
        subdirs.push_back(std::move(sub));
      } else if ((type == DT_REG || type == DT_LNK) && (all_files_ || is_note_name(name))) {
        // A symlinked note is a note (its target's stat); a symlinked folder
        // is never followed.
        const bool link = type == DT_LNK;
        if (link || !have_stat) {
          if (::fstatat(folder->fd(), entry->d_name, &st, link ? 0 : AT_SYMLINK_NOFOLLOW) != 0) {
            errno = 0;
            continue;  // vanished while listing, or a dangling link
          }
        }
        if (S_ISREG(st.st_mode)) {
          const std::size_t number = found_.fetch_add(1, std::memory_order_relaxed);
          const FileStat stat = file_stat_of(st, link);
          found.listing.add(rel_dir, name, stat, number);
          if (on_note_ != nullptr) {
            const std::size_t last = found.listing.size() - 1;
            (*on_note_)(number, found.listing.path(last), stat);
          }
        }
      }
      errno = 0;
    }
    if (errno != 0) found.warnings.push_back(folder_warning(rel_dir, errno));
    folder.reset();  // closed now unless a subfolder holds it
    if (subdirs.empty()) return;
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      for (auto& sub : subdirs) stack_.push_back(std::move(sub));
    }
    ready_.notify_all();
  }

  int root_fd_;
  bool all_files_;
  const NoteSink* on_note_;
  std::atomic<std::size_t> found_{0};  // files found so far, by every thread
  std::mutex mutex_;
  std::condition_variable ready_;
  std::vector<Pending> stack_;  // last in, first out: depth first, few folders held open
  unsigned busy_ = 0;           // threads listing a folder (which may push more)
  bool failed_ = false;
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

// Two threads: the walk waits on the kernel's directory and inode caches,
// which two cores already share well; more only contend for the stack.
unsigned walk_threads() {
  return std::clamp(std::thread::hardware_concurrency(), 1u, 2u);
}

Expected<Listing> walk_root(const std::string& root, bool all_files, Diagnostics& warnings,
                            const NoteSink* on_note = nullptr) {
  auto fd = open_root(root);
  if (!fd) return Expected<Listing>::failure(fd.error());
  // A second descriptor: the root folder's listing takes over *fd, and
  // folders too deep to hold their parents open are opened from this one.
  const int root_fd = ::fcntl(*fd, F_DUPFD_CLOEXEC, 0);
  DIR* root_dir = root_fd < 0 ? nullptr : ::fdopendir(*fd);
  if (root_dir == nullptr) {
    const int err = errno;
    ::close(*fd);
    if (root_fd >= 0) ::close(root_fd);
    return Expected<Listing>::failure(
        root_error(root, std::string("cannot read vault folder: ") + std::strerror(err)));
  }
  std::vector<Found> found;
  try {
    found = Walk(root_fd, all_files, on_note).run(root_dir, walk_threads());
  } catch (...) {
    ::close(root_fd);
    throw;
  }
  ::close(root_fd);
  Listing listing = std::move(found[0].listing);
  const std::size_t first_warning = warnings.size();
  for (std::size_t t = 0; t < found.size(); ++t) {
    if (t > 0) listing.merge(found[t].listing);
    for (auto& w : found[t].warnings) warnings.push_back(std::move(w));
  }
  // By folder, whichever thread met it first.
  std::stable_sort(warnings.begin() + static_cast<std::ptrdiff_t>(first_warning), warnings.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.path < b.path; });
  return listing;
}

}  // namespace

void Listing::add(std::string_view folder, std::string_view name, const FileStat& stat) {
  add(folder, name, stat, entries_.size());
}

void Listing::add(std::string_view folder, std::string_view name, const FileStat& stat,
                  std::size_t found) {
  Entry entry;
  entry.found = static_cast<std::uint32_t>(found);
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

namespace {

// Bytewise, as char_traits<char> compares (unsigned bytes).
struct ByPath {
  std::string_view paths;
  template <typename Entry>
  bool operator()(const Entry& a, const Entry& b) const {
    return paths.substr(a.path_offset, a.path_size) < paths.substr(b.path_offset, b.path_size);
  }
};

}  // namespace

void Listing::merge(const Listing& other) {
  const auto shift = static_cast<std::uint32_t>(paths_.size());
  paths_.append(other.paths_);
  const auto middle = static_cast<std::ptrdiff_t>(entries_.size());
  entries_.reserve(entries_.size() + other.entries_.size());
  for (Entry entry : other.entries_) {
    entry.path_offset += shift;
    entries_.push_back(entry);
  }
  std::inplace_merge(entries_.begin(), entries_.begin() + middle, entries_.end(), ByPath{paths_});
}

void Listing::sort() {
  std::sort(entries_.begin(), entries_.end(), ByPath{paths_});
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

Expected<Listing> FileSystem::walk_notes(Diagnostics& warnings, const NoteSink& on_note) const {
  auto listing = scan_notes(warnings);
  if (listing) {
    for (std::size_t i = 0; i < listing->size(); ++i) {
      on_note(listing->found(i), listing->path(i), listing->stat(i));
    }
  }
  return listing;
}

Expected<Listing> DiskFileSystem::scan_notes(Diagnostics& warnings) const {
  return walk_root(root_, /*all_files=*/false, warnings);
}

Expected<Listing> DiskFileSystem::walk_notes(Diagnostics& warnings, const NoteSink& on_note) const {
  return walk_root(root_, /*all_files=*/false, warnings, &on_note);
}

Expected<std::vector<std::string>> DiskFileSystem::list_files(Diagnostics& warnings) const {
  auto listing = walk_root(root_, /*all_files=*/true, warnings);
  if (!listing) return Expected<std::vector<std::string>>::failure(listing.error());
  return listing->paths();
}

}  // namespace kb::io
