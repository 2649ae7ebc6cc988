#pragma once
// The central model: every note, the name index, resolved links, folder
// ownership and who is involved in what. Built once per run; queries and
// section rewriting read it.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/io/cache_store.hpp"
#include "kb/io/fs.hpp"
#include "kb/model/conventions.hpp"
#include "kb/model/note.hpp"

namespace kb::model {

using NoteId = int;  // index into Vault::notes; -1 for none

struct Involvement {
  NoteId note = -1;
  bool listed = false;     // participants/attendees/people
  bool linked = false;     // links to the person's note
  bool mentioned = false;  // names the person or an alias as a whole word
  bool in_folder = false;  // sits in the person's own folder
};

class Vault {
 public:
  Vault() = default;
  Vault(Vault&&) = default;
  Vault& operator=(Vault&&) = default;
  Vault(const Vault&) = delete;  // the indexes point into this vault's notes
  Vault& operator=(const Vault&) = delete;

  std::vector<Note> notes;
  Conventions conventions;
  Diagnostics diagnostics;  // warnings found while loading

  // How the load went, for save_parse_cache. Notes modified after
  // `settled_before_ns` (the moment loading began, less the file system's
  // timestamp granularity) are not settled: an edit could still keep their
  // size and mtime, so the cache leaves them out.
  std::int64_t settled_before_ns = 0;
  bool cache_current = false;           // the cache read holds exactly these notes
  std::optional<io::Blob> cache_bytes;  // the cache read, when its entries were not used

  // Builds every index. Call once after filling `notes`.
  void build();

  // Reads again, and parses, the notes among `ids` that came from the parse
  // cache, so that their text, front-matter and scan are there; the indexes
  // stay as they are. Fails when one of them changed on disk since loading.
  std::optional<Diagnostic> hydrate(const io::FileSystem& fs, const std::vector<NoteId>& ids);

  // Entities whose title, file stem or alias equals `query` case- and
  // accent-insensitively. `kinds` empty means any entity kind.
  std::vector<NoteId> find_entities(std::string_view query,
                                    const std::vector<NoteKind>& kinds = {}) const;
  std::vector<NoteId> people() const;  // every person, sorted by name

  // Obsidian's resolution of a link path written in note `from`: -1 when
  // unresolved. Case-insensitive; exact vault path, then the linking note's
  // folder, then the shortest path among notes whose path ends with it.
  NoteId resolve(std::string_view link_path, NoteId from) const;
  // Per note, per scan.links entry: the resolved target or -1.
  const std::vector<NoteId>& link_targets(NoteId note) const { return link_targets_[note]; }
  // Notes linking to `note` (each once, sorted).
  const std::vector<NoteId>& backlinks(NoteId note) const { return backlinks_[note]; }

  // The entity whose folder holds the note (nearest), or -1.
  NoteId owner(NoteId note) const { return owner_[note]; }

  // Non-entity notes involving a person, in note order.
  const std::vector<Involvement>& involvement(NoteId person) const { return involvement_[person]; }

  // The wikilink text that resolves to `target` from anywhere: "[[stem]]"
  // when the stem is unique in the vault, else "[[path/without/ext|stem]]".
  std::string wikilink_to(NoteId target) const;

  NoteId find_path(std::string_view rel_path) const;  // exact, -1 if none

 private:
  std::vector<std::vector<NoteId>> link_targets_;
  std::vector<std::vector<NoteId>> backlinks_;
  std::vector<NoteId> owner_;
  std::vector<std::vector<Involvement>> involvement_;
  // folded path (without .md) -> note; folded stem -> notes
  struct Index;
  std::shared_ptr<const Index> index_;
};

struct LoadOptions {
  unsigned threads = 0;                      // 0: one per core
  std::uint64_t max_note_bytes = 16u << 20;  // larger notes are skipped with a warning
  // The parse cache (kb/model/parse_cache.hpp). A cache of another format,
  // kb version, vault or conventions, or damaged, is ignored. Notes whose
  // size and mtime match an entry are taken from it rather than read, unless
  // the people changed since (cached mentions are then stale). Null: no cache.
  const io::CacheStore* cache = nullptr;
  std::string vault_id;       // the vault's real path, recorded in the cache
  bool cache_entries = true;  // false: read every note all the same (verbs that
                              // need every text), keeping the cache current
};

// Walks, reads (in parallel) and parses the vault, then builds it. Fails only
// when the vault itself cannot be listed; unreadable notes become warnings.
Expected<Vault> load_vault(const io::FileSystem& fs, const Conventions& conventions,
                           const LoadOptions& options = {});

// Writes the parse cache for a loaded vault when it changed (its settled
// notes only), after the answer: nothing else waits for it. False when it
// could not be written, which is never an error: the answer never needs it.
bool save_parse_cache(const Vault& vault, io::CacheStore& store, const std::string& vault_id);

}  // namespace kb::model
