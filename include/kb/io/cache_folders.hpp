#pragma once
// kb's cache folders as a whole: the ones under the cache root
// ($XDG_CACHE_HOME/kb/, one per vault path ever used; kb/io/cache_dir.hpp),
// when each was last used, whether its vault still exists, and their safe
// removal.
//
// Each folder holds the parse cache (notes.vN), a file `vault` naming the
// vault's real path (its mtime is when a run last used the folder:
// mark_cache_used touches it) and, briefly, kb's temporary files. Removal
// touches nothing else: a folder holding anything kb did not write there,
// and anything that is not a real folder named like one of kb's (a symlink
// above all), is left alone.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/io/cache_dir.hpp"
#include "kb/util/expected.hpp"

namespace kb::io {

// A cache folder unused this long is stale: `kb cache prune` removes it, and
// a normal run does too (auto_prune_cache).
inline constexpr std::chrono::days kCacheUnusedLimit{30};
// How often a normal run looks for stale cache folders.
inline constexpr std::chrono::hours kAutoPruneInterval{24};

enum class VaultState { Exists, Gone, Unknown };  // Unknown: no `vault` file (an older kb's)

struct CacheFolder {
  std::string name;   // 16 hex digits
  std::string path;   // root/name
  std::string vault;  // the vault's real path, "" when unknown
  VaultState vault_state = VaultState::Unknown;
  std::uint64_t bytes = 0;  // the files' sizes
  std::int64_t used = 0;    // last used, seconds since the epoch: the newest mtime inside
};

// Why a folder is stale (None: it is not), given the time now in seconds.
enum class Staleness { None, VaultGone, Unused };
Staleness staleness(const CacheFolder& folder, std::int64_t now);

// "0123456789abcdef": the name of a cache folder (cache_dir_for's hash).
bool is_cache_folder_name(std::string_view name);
// What kb writes inside one: notes.v<digits>, vault, its temporary files.
bool is_cache_entry_name(std::string_view name);

// The cache folders under `root`, by name; none when `root` does not exist.
// A failure when `root` is a symlink or cannot be read.
Expected<std::vector<CacheFolder>> list_cache_folders(const std::string& root);

// Removes the cache folder `name` under `root` and what kb wrote in it; the
// reason when it did not (nothing is removed then unless the failure came
// midway).
std::optional<Diagnostic> remove_cache_folder(const std::string& root, const std::string& name);

// Records that a run uses `dir`: touches its `vault` file, writing it first
// when missing. Best effort: false when it could not.
bool mark_cache_used(const CacheDir& dir);

// At most once per kAutoPruneInterval (a stamp file under `root` says when it
// last ran), removes the cache folders unused for kCacheUnusedLimit, `except`
// (the folder in use). Never fails: a folder it cannot remove stays. Returns
// the folders removed.
std::vector<std::string> auto_prune_cache(const std::string& root, const std::string& except);

}  // namespace kb::io
