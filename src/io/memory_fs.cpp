// An in-memory vault that behaves like DiskFileSystem, including its refusals
// and messages, so layers above can be tested without a disk.
#include <cerrno>
#include <cstring>
#include <string_view>

#include "kb/io/fs.hpp"
#include "write_refusals.hpp"

namespace kb::io {
namespace {

Diagnostic error(std::string path, std::string message) {
  return Diagnostic{std::move(path), 0, std::move(message), Severity::Error};
}

// Same filter as the disk walk: no component starting with '.'.
bool is_listed_file(std::string_view rel) {
  std::size_t start = 0;
  while (start <= rel.size()) {
    const std::size_t slash = rel.find('/', start);
    const std::string_view part =
        rel.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (part.empty() || part.front() == '.') return false;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return true;
}

// ...and a lowercase ".md", as Obsidian has it.
bool is_listed_note(std::string_view rel) {
  return rel.size() > 3 && rel.substr(rel.size() - 3) == ".md" && is_listed_file(rel);
}

// The unreadable folder `rel` lies in, if any.
const std::string* unreadable_folder(const std::set<std::string>& unreadable,
                                     std::string_view rel) {
  for (const std::string& folder : unreadable) {
    if (rel.size() > folder.size() && rel.starts_with(folder) && rel[folder.size()] == '/') {
      return &folder;
    }
  }
  return nullptr;
}

}  // namespace

void MemoryFileSystem::add(const std::string& rel, std::string content) {
  File& file = files[rel];
  file.stat.size = content.size();
  file.stat.mtime_ns = stamp();
  file.content = std::move(content);
}

Expected<Listing> MemoryFileSystem::scan_notes(Diagnostics& warnings) const {
  Listing listing;
  std::set<std::string> warned;
  for (const auto& [rel, file] : files) {
    if (!is_listed_note(rel)) continue;
    if (const std::string* folder = unreadable_folder(unreadable, rel)) {
      if (warned.insert(*folder).second) {
        Diagnostic d{*folder, 0, std::string("cannot read folder: ") + std::strerror(EACCES)};
        d.unread = true;
        warnings.push_back(std::move(d));
      }
      continue;
    }
    listing.add("", rel, file.stat);
  }
  listing.sort();  // std::map keeps them sorted already; sort() is cheap then
  if (on_scan) on_scan();
  return listing;
}

Expected<std::vector<std::string>> MemoryFileSystem::list_files(Diagnostics& /*warnings*/) const {
  std::vector<std::string> listed;
  for (const auto& [rel, file] : files) {
    if (is_listed_file(rel)) listed.push_back(rel);
  }
  return listed;
}

Expected<std::string> MemoryFileSystem::read(const std::string& rel) const {
  auto content = read_with_stat(rel);
  if (!content) return Expected<std::string>::failure(content.error());
  return std::move(content->bytes);
}

Expected<FileContent> MemoryFileSystem::read_with_stat(const std::string& rel) const {
  if (before_read) before_read(rel);
  const auto it = files.find(rel);
  if (it == files.end() || unreadable.contains(rel)) {
    Diagnostic d = error(
        rel, std::string("cannot read: ") + std::strerror(it == files.end() ? ENOENT : EACCES));
    d.unread = true;
    return Expected<FileContent>::failure(std::move(d));
  }
  return FileContent{it->second.content, it->second.stat};
}

Expected<FileStat> MemoryFileSystem::stat(const std::string& rel) const {
  const auto it = files.find(rel);
  if (it == files.end()) {
    return Expected<FileStat>::failure(
        error(rel, std::string("cannot stat: ") + std::strerror(ENOENT)));
  }
  return it->second.stat;
}

std::optional<Diagnostic> MemoryFileSystem::write_atomic(const std::string& rel,
                                                         const std::string& content,
                                                         const WriteOptions& options) {
  const auto it = files.find(rel);
  const bool exists = it != files.end();
  if (exists) {
    const FileStat& st = it->second.stat;
    if (st.is_symlink && !options.force) {
      return error(rel, refusals::kSymlink);
    }
    if (!st.writable && !options.force) {
      return error(rel, refusals::kReadOnly);
    }
    if (it->second.links > 1 && !options.force) {
      return error(rel, refusals::hard_links(it->second.links));
    }
  }
  if ((options.expect || options.expect_text) && !exists) return error(rel, refusals::kChanged);
  if (fail_write && fail_write(rel)) {
    return error(rel, std::string("cannot write: ") + std::strerror(ENOSPC));
  }
  if (before_rename) before_rename(rel);
  const auto now = files.find(rel);  // the hook may have changed or removed it
  if (options.expect || options.expect_text) {
    const bool changed =
        now == files.end() ||
        (options.expect && (now->second.stat.size != options.expect->size ||
                            now->second.stat.mtime_ns != options.expect->mtime_ns)) ||
        (options.expect_text && now->second.content != *options.expect_text);
    if (changed) return error(rel, refusals::kChanged);
  }
  File& file = files[rel];  // a symlink stays a symlink: the write goes through it
  if (file.links > 1 && options.notices) {
    options.notices->push_back(refusals::hard_links_broken(rel, file.links));
  }
  file.links = 1;  // a new file: the other names keep the old one
  file.content = content;
  file.stat.size = content.size();
  file.stat.mtime_ns = stamp();
  ++writes;
  return std::nullopt;
}

}  // namespace kb::io
