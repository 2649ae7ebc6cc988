#pragma once
// Where kb keeps what it caches about a vault, outside the vault:
// $XDG_CACHE_HOME/kb/<16 hex digits>/, else ~/.cache/kb/<16 hex digits>/,
// the digits a hash of the vault's real path.
#include <optional>
#include <string>

namespace kb::io {

struct CacheDir {
  std::string root;    // the cache root: $XDG_CACHE_HOME/kb or ~/.cache/kb
  std::string folder;  // absolute: root/<hash>; may not exist yet
  std::string
      vault_path;  // the vault's real path, recorded in the cache to detect a hash collision
};

// $XDG_CACHE_HOME/kb, else $HOME/.cache/kb; nullopt when neither variable
// holds an absolute path.
std::optional<std::string> cache_root();

// nullopt when there is no cache root, or the vault's real path cannot be
// resolved.
std::optional<CacheDir> cache_dir_for(const std::string& vault_root);

// Creates `folder` and its missing parents (mode 0700); false on failure.
bool make_folders(const std::string& folder);

}  // namespace kb::io
