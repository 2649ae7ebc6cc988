#pragma once
// The central model: every note, the name index, resolved links, folder
// ownership and who is involved in what. Built once per run; queries and
// section rewriting read it.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kb/io/cache_store.hpp"
#include "kb/io/fs.hpp"
#include "kb/model/conventions.hpp"
#include "kb/model/note.hpp"
#include "kb/model/task_lines.hpp"
#include "kb/util/expected.hpp"

namespace kb::model {

using NoteId = int;  // index into Vault::notes; -1 for none

struct Involvement {
  NoteId note = -1;
  bool listed = false;     // participants/attendees/people
  bool linked = false;     // links to the person's note
  bool mentioned = false;  // names the person or an alias as a whole word
  bool in_folder = false;  // sits in the person's own folder
};

struct LoadOptions;

class Vault {
 public:
  Vault();
  ~Vault();
  Vault(Vault&&) noexcept;
  Vault& operator=(Vault&&) noexcept;
  Vault(const Vault&) = delete;  // the summaries point into this vault's storage
  Vault& operator=(const Vault&) = delete;

  std::vector<NoteSummary> notes;  // sorted by path
  Conventions conventions;
  Diagnostics diagnostics;  // warnings found while loading

  // How the load went, for save_parse_cache. Notes modified after
  // `settled_before_ns` (the moment loading began, less the file system's
  // timestamp granularity) are not settled: an edit could still keep their
  // size and mtime, so the cache leaves them out.
  std::int64_t settled_before_ns = 0;
  bool cache_current = false;  // the cache read holds exactly these notes
  // Every note came from the cache, which held exactly these notes and what
  // build() derives from them (owners, involvement): build() took those.
  bool derived_from_cache = false;

  // The note's body: its text, read once through the file system the vault
  // was loaded from (which must outlive these calls), and parsed. Fails,
  // naming the note, when it cannot be read or its text is no longer the one
  // its summary was made from. Not for concurrent calls: read_bodies is.
  Expected<const NoteBody*> body(NoteId note) const;
  // Reads the bodies of `ids` on all cores. The failures, each naming its
  // note (empty when every body was read).
  Diagnostics read_bodies(const std::vector<NoteId>& ids) const;
  // While frozen (the part of a verb that runs on many threads), body()
  // reads nothing: a note not read before is an internal error, never a
  // read racing another thread's.
  void freeze_bodies(bool frozen) const { bodies_frozen_ = frozen; }
  // Frozen for its lifetime, or until release().
  class FrozenBodies {
   public:
    explicit FrozenBodies(const Vault& vault) : vault_(&vault) { vault.freeze_bodies(true); }
    ~FrozenBodies() { release(); }
    FrozenBodies(const FrozenBodies&) = delete;
    FrozenBodies& operator=(const FrozenBodies&) = delete;
    void release() {
      if (vault_ != nullptr) vault_->freeze_bodies(false);
      vault_ = nullptr;
    }

   private:
    const Vault* vault_;
  };
  // The note's checkbox lines outside code, in text order (its summary's
  // task_count of them): what task queries read. A note read this run has
  // them in the vault's arena; one taken from the parse cache has them in
  // the mapped file, decoded a line at a time as they are read, so a run
  // decodes the lines of the notes its queries select only. Never fails and
  // never empty by mistake: both places hold every note's lines. Unlike
  // body(), safe on any number of threads at once (frozen or not): it reads
  // only what load_vault wrote before returning the vault (TaskLines).
  TaskLines tasks(NoteId note) const;
  // Every note holding a checkbox line (what task queries read).
  std::vector<NoteId> notes_with_tasks() const;

  // Entities whose title, file stem or alias equals `query` case- and
  // accent-insensitively. `kinds` empty means any entity kind.
  std::vector<NoteId> find_entities(std::string_view query,
                                    const std::vector<NoteKind>& kinds = {}) const;
  std::vector<NoteId> people() const;  // every person, sorted by name

  // Obsidian's resolution of a link path written in note `from`: -1 when
  // unresolved. Case-insensitive; exact vault path, then the linking note's
  // folder, then the shortest path among notes whose path ends with it.
  NoteId resolve(std::string_view link_path, NoteId from) const;
  // Per note, per entry of its summary's `links`: the resolved target or -1.
  std::span<const NoteId> link_targets(NoteId note) const;
  // Notes linking to `note` in their body (each once, sorted).
  std::span<const NoteId> backlinks(NoteId note) const;
  // text::fold_case of the note's path (what `path includes` compares with).
  std::string_view folded_path(NoteId note) const;

  // The entity whose folder holds the note (nearest), or -1.
  NoteId owner(NoteId note) const { return owner_[note]; }

  // Non-entity notes involving a person, in note order.
  const std::vector<Involvement>& involvement(NoteId person) const { return involvement_[person]; }

  // The wikilink text that resolves to `target` from anywhere: "[[stem]]"
  // when the stem is unique in the vault, else "[[path/without/ext|stem]]".
  std::string wikilink_to(NoteId target) const;

  NoteId find_path(std::string_view rel_path) const;  // exact, -1 if none

 private:
  friend Expected<Vault> load_vault(const io::FileSystem&, const Conventions&, const LoadOptions&);
  friend std::vector<std::vector<Involvement>> compute_involvement(const Vault& vault);

  // Builds every index from `notes`, the bodies read while loading, and
  // what the cache gave (link targets, mentions) for the others.
  void build();

  const io::FileSystem* fs_ = nullptr;
  // Where the summaries' strings and arrays live.
  struct Storage;
  std::unique_ptr<Storage> storage_;
  // Per note: its body once read (a note read while loading keeps its own
  // only under LoadOptions::keep_bodies: the others are read again on demand).
  mutable std::vector<std::unique_ptr<NoteBody>> bodies_;
  mutable bool bodies_frozen_ = false;
  // Per note read while loading (and neither an entity nor excluded): the
  // people its prose names (find_mentions, before build(): the prose is gone
  // before the indexes are made).
  std::vector<std::vector<NoteId>> mentions_;
  // Per note, where its checkbox lines are (tasks()): `lines` in the arena
  // for a note read this run, else its entry in the mapped cache.
  struct TaskSource {
    const NoteTask* lines = nullptr;
    std::int64_t cache_entry = -1;
  };
  std::vector<TaskSource> task_sources_;
  // Per note: whether the targets its links came with from the cache hold
  // (the vault has the paths the cache was written with).
  std::vector<char> use_cached_targets_;
  // Per note taken from the cache: the mentions it gave.
  std::vector<std::optional<std::span<const std::string_view>>> cached_mentions_;

  // Link targets and backlinks, all notes' in one array each: note i's are
  // [at[i], at[i + 1]).
  std::vector<NoteId> link_target_ids_, backlink_ids_;
  std::vector<std::size_t> link_target_at_, backlink_at_;
  std::vector<NoteId> owner_;
  std::vector<char> stem_unique_;  // per note: no other note has its (folded) stem
  std::vector<std::vector<Involvement>> involvement_;
  // Folded paths, stems and entity names, and the tables finding notes by them.
  struct Index;
  std::unique_ptr<const Index> index_;
};

struct LoadOptions {
  unsigned threads = 0;                      // 0: one per core
  std::uint64_t max_note_bytes = 16u << 20;  // larger notes are skipped with a warning
  // The parse cache (kb/model/parse_cache.hpp). A cache of another format,
  // kb version, vault or conventions, or damaged, is ignored. Notes whose
  // size and mtime match an entry are taken from it rather than read, unless
  // the people changed since (cached mentions are then stale). Null: no cache.
  const io::CacheStore* cache = nullptr;
  std::string vault_id;  // the vault's real path, recorded in the cache
  // false: every note read from its bytes, none taken from the cache (the
  // retry after a note was found changed since its summary was made), while
  // the cache is still kept current.
  bool cache_entries = true;
  // Keep the body of every note read (verbs that read every body: check;
  // and the retry, cache_entries false, so that a body it needs is
  // never read a second time). Else a body goes once its summary and prose
  // are taken, and Vault::body reads it again when asked: memory stays near
  // the summaries'.
  bool keep_bodies = false;
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
