#include "kb/io/vault_root.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace kb::io {

namespace {

bool is_folder(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool is_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace

std::optional<FoundVault> find_vault_root(const std::string& start) {
  if (start.empty() || start.front() != '/') return std::nullopt;
  std::string folder = start;
  while (folder.size() > 1 && folder.back() == '/') folder.pop_back();
  while (folder.size() > 1) {  // "/" itself is never a vault
    if (is_folder(folder + "/.obsidian")) return FoundVault{folder, ".obsidian/"};
    if (is_file(folder + "/.kb.yaml")) return FoundVault{folder, ".kb.yaml"};
    const std::size_t slash = folder.rfind('/');
    folder.resize(slash == 0 ? 1 : slash);
  }
  return std::nullopt;
}

std::optional<std::string> path_in_vault(const std::string& vault_root, const std::string& path) {
  // The folder's real path, not the file's: a symlinked note keeps its name.
  const std::size_t slash = path.rfind('/');
  const std::string folder =
      slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  char real_folder[PATH_MAX];
  char root[PATH_MAX];
  if (name.empty() || name == "." || name == ".." ||
      ::realpath(folder.c_str(), real_folder) == nullptr ||
      ::realpath(vault_root.c_str(), root) == nullptr) {
    return std::nullopt;
  }
  std::string file(real_folder);
  file += (file == "/" ? "" : "/") + name;
  if (!is_file(file)) return std::nullopt;
  const std::string prefix = std::string(root) + (std::string_view(root) == "/" ? "" : "/");
  if (!file.starts_with(prefix)) return std::nullopt;
  return file.substr(prefix.size());
}

std::string current_folder() {
  std::vector<char> buffer(4096);
  while (::getcwd(buffer.data(), buffer.size()) == nullptr) {
    if (errno != ERANGE || buffer.size() > (1u << 20)) return {};
    buffer.resize(buffer.size() * 2);
  }
  return buffer.data();
}

}  // namespace kb::io
