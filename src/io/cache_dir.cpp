#include "kb/io/cache_dir.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <climits>
#include <cstdlib>

#include "kb/util/fnv.hpp"

namespace kb::io {

std::optional<std::string> cache_root() {
  // The XDG base directory spec: a relative path in the variable is invalid and ignored.
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && xdg[0] == '/') {
    return std::string(xdg) + "/kb";
  }
  if (const char* home = std::getenv("HOME"); home && home[0] == '/') {
    return std::string(home) + "/.cache/kb";
  }
  return std::nullopt;
}

std::optional<CacheDir> cache_dir_for(const std::string& vault_root) {
  auto root = cache_root();
  if (!root) return std::nullopt;
  char resolved[PATH_MAX];
  if (::realpath(vault_root.c_str(), resolved) == nullptr) return std::nullopt;
  CacheDir dir;
  dir.root = std::move(*root);
  dir.vault_path = resolved;
  Fnv1a fnv;
  fnv.add(dir.vault_path);
  dir.folder = fmt::format("{}/{:016x}", dir.root, fnv.value());
  return dir;
}

bool make_folders(const std::string& folder) {
  for (std::size_t slash = folder.find('/', 1);; slash = folder.find('/', slash + 1)) {
    const std::string prefix = folder.substr(0, slash);
    if (::mkdir(prefix.c_str(), 0700) != 0 && errno != EEXIST) return false;
    if (slash == std::string::npos) break;
  }
  struct stat st {};
  return ::stat(folder.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace kb::io
