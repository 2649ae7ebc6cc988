#pragma once
// The parse cache's format: the vault's note summaries, serialised so that a
// warm run uses them where they lie. One file: a header, one fixed-size
// record per note (sorted by path), arrays of string references, links and
// warnings, then one string table, then a checksum. A run maps the file,
// checks it once (every size, offset and range, the checksum), and points
// its summaries' strings into it: no per-note allocation, no decoding.
//
// Per note it keeps what the vault's indexes would otherwise read the note
// for: the summary (kb/model/note.hpp), what each link resolved to (valid
// while the vault holds the same paths), the paths of the people its prose
// names (valid while the people's names are the same), its parse warnings.
//
// No I/O: load_vault reads the bytes through an io::CacheStore and
// save_parse_cache writes them back (kb/model/vault.hpp). Any damage
// (truncation, a bad checksum, another format or kb version) makes open()
// return nothing, and a reference out of bounds makes the entry (owners(),
// involvement()) that holds it nothing: the cache is never needed for a
// correct answer.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "kb/io/cache_store.hpp"
#include "kb/model/arena.hpp"
#include "kb/model/conventions.hpp"
#include "kb/model/note.hpp"
#include "kb/model/task_lines.hpp"
#include "kb/model/vault.hpp"
#include "kb/util/fnv.hpp"

namespace kb::model {

class Vault;

namespace cache_format {
// Where each section of a cache file starts (parse_cache_format.hpp).
struct Layout {
  std::uint64_t records, strs, links, warnings, tasks, owners, involvements, strings, trailer,
      file_bytes;
};
}  // namespace cache_format

// Hashes of what cached data depends on besides the note itself.
std::uint64_t conventions_hash(const Conventions& conventions);
std::uint64_t names_hash(std::span<const NoteSummary> notes);  // the people's paths, names, aliases
std::uint64_t paths_hash(std::span<const NoteSummary> notes);  // every note's path, in order
// Both, fed one note at a time in path order (the loader's notes are not in
// one array yet).
class NoteSetHashes {
 public:
  void add(const NoteSummary& note);
  std::uint64_t names() const { return names_.value(); }
  std::uint64_t paths() const { return paths_; }

 private:
  Fnv1a names_;
  std::uint64_t paths_ = 0;
};

// A cache file's bytes, checked. Cheap to copy; valid while the bytes are.
class CacheView {
 public:
  // Nothing when the bytes are not a whole, intact cache of this format and
  // kb version (checksum). Records are bounds-checked as they are read.
  static std::optional<CacheView> open(std::string_view bytes);

  std::string_view vault_id() const;
  std::uint64_t conventions_hash() const;
  std::uint64_t names_hash() const;
  std::uint64_t paths_hash() const;

  std::size_t size() const { return count_; }
  // Entry i's path; empty when its reference is out of bounds.
  std::string_view path(std::size_t i) const;
  // The entry for `path`, or -1. Entries are sorted by path.
  long find(std::string_view path) const;

  // Whether it holds what Vault::build derives from every note (written when
  // the cache holds every note of its vault), and that: each note's owner,
  // and per person (by note index) the notes involving them.
  bool has_derived() const;
  // Nothing when a note index in them is out of bounds.
  std::optional<std::vector<NoteId>> owners() const;
  std::optional<std::vector<std::vector<Involvement>>> involvement() const;

  struct Entry {
    NoteSummary summary;                         // strings in the bytes, arrays in the arena
    std::span<const std::string_view> mentions;  // paths of the people its prose names
    Diagnostics warnings;                        // path left empty
  };
  // Entry i; its path and strings point into the bytes, its arrays into
  // `arena`. Nothing when a reference of it is out of bounds. Its checkbox
  // lines are not decoded (summary.task_count says how many): tasks(i)
  // reads them where they lie.
  std::optional<Entry> entry(std::size_t i, Arena& arena) const;
  // Entry i's checkbox lines, in the bytes (summary.task_count of them); for
  // an entry entry(i) returned only (it checked their range, and open() every
  // line's strings).
  TaskLines tasks(std::size_t i) const;

 private:
  const char* base_ = nullptr;
  std::size_t count_ = 0;
  cache_format::Layout layout_{};    // worked out once by open(), not per call
  std::uint64_t strings_bytes_ = 0;  // the bounds of references, from the header
  std::uint32_t strs_ = 0, links_ = 0, warnings_ = 0, tasks_ = 0;
};

// Writes the cache of a built vault: its notes modified at or before
// `settled_before_ns` (Vault::settled_before_ns), sorted by path.
void write_parse_cache(const Vault& vault, std::string_view vault_id,
                       std::int64_t settled_before_ns, io::Sink& sink);

}  // namespace kb::model
