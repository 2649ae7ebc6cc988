#include "kb/io/vault_root.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
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

std::string current_folder() {
  std::vector<char> buffer(4096);
  while (::getcwd(buffer.data(), buffer.size()) == nullptr) {
    if (errno != ERANGE || buffer.size() > (1u << 20)) return {};
    buffer.resize(buffer.size() * 2);
  }
  return buffer.data();
}

}  // namespace kb::io
