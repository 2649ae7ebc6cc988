#pragma once
// The persistent parse cache: per note, what a run would otherwise read and
// parse the note for, keyed by path, size and mtime. A run that finds a note
// unchanged takes this instead of reading the file (a Note with `cached`
// set), and reads the text only of the notes it shows or rewrites.
//
// Pure: bytes in, bytes out. load_vault reads it from an io::CacheStore and
// save_parse_cache writes it back (kb/model/vault.hpp). Any damage (truncation, a bad
// checksum, another format or kb version) makes decode return nothing: the
// cache is never needed for a correct answer.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/model/conventions.hpp"
#include "kb/model/note.hpp"

namespace kb::model {

class Vault;

struct CachedNote {
  std::string path;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  NoteKind kind = NoteKind::Other;
  bool fm_ok = true;
  std::string name;
  std::vector<std::string> aliases;
  std::optional<text::Date> date;
  std::string summary;
  std::vector<std::string> participants;
  CachedScan scan;
  Diagnostics diagnostics;  // the warnings parsing gave, path left empty
};

struct ParseCache {
  std::string vault;                   // the vault's real path
  std::uint64_t conventions_hash = 0;  // parsing depends on the conventions
  std::uint64_t names_hash = 0;        // mentions depend on every person's names
  std::uint64_t paths_hash = 0;        // resolved links depend on every note's path
  std::vector<CachedNote> notes;       // sorted by path
};

// Hashes of what cached data depends on besides the note itself.
std::uint64_t conventions_hash(const Conventions& conventions);
std::uint64_t names_hash(
    const std::vector<Note>& notes);  // the people's paths, names, stems, aliases
std::uint64_t paths_hash(const std::vector<Note>& notes);  // every note's path, in order

std::string encode_parse_cache(const ParseCache& cache);
std::optional<ParseCache> decode_parse_cache(std::string_view bytes);

// The cache for a built vault. Notes modified after `settled_before_ns` are
// left out: a later edit within the file system's timestamp granularity
// could keep their size and mtime (Vault::settled_before_ns).
ParseCache parse_cache_of(const Vault& vault, std::string vault_path,
                          std::int64_t settled_before_ns);

// The note a cache entry stands for (`cached` set; text, split, fm and scan
// empty); its parse warnings are appended to `diagnostics`.
Note note_from_cache(CachedNote&& entry, Diagnostics& diagnostics);

// The entry for `path` in a cache sorted by path, or nullptr.
CachedNote* find_cached(ParseCache& cache, std::string_view path);

}  // namespace kb::model
