// Loading: walk the vault, take each unchanged note's summary from the parse
// cache and read and parse the others on all cores, then build the indexes.
// The cache policy lives here too: what to trust of it, and when to write it.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <thread>

#include "kb/model/involvement.hpp"
#include "kb/model/parse_cache.hpp"
#include "kb/model/vault.hpp"
#include "parallel.hpp"
#include "read_ahead.hpp"
#include "vault_storage.hpp"

namespace kb::model {

namespace {

// Arenas for the workers: each note's strings go to one arena, which no
// other thread writes meanwhile.
class ArenaPool {
 public:
  std::unique_ptr<Arena> take() {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (free_.empty()) return std::make_unique<Arena>();
    auto arena = std::move(free_.back());
    free_.pop_back();
    return arena;
  }
  void give(std::unique_ptr<Arena> arena) {
    const std::lock_guard<std::mutex> lock(mutex_);
    free_.push_back(std::move(arena));
  }
  void drain_into(Arena& out) {
    for (auto& arena : free_) out.adopt(std::move(*arena));
    free_.clear();
  }

 private:
  std::mutex mutex_;
  std::vector<std::unique_ptr<Arena>> free_;
};

// The cache the store holds when it is of this format, kb version, vault
// and conventions; else nothing (a damaged or foreign cache is no cache).
std::optional<CacheView> open_cache(const io::Blob& blob, const Conventions& conventions,
                                    const std::string& vault_id) {
  auto view = CacheView::open(blob.bytes());
  if (!view || view->vault_id() != vault_id ||
      view->conventions_hash() != conventions_hash(conventions)) {
    return std::nullopt;
  }
  return view;
}

void name_diagnostics(Diagnostics& diagnostics, std::size_t from, std::string_view path) {
  for (std::size_t i = from; i < diagnostics.size(); ++i) {
    if (diagnostics[i].path.empty()) diagnostics[i].path = path;
  }
}

// One note's slot while loading.
struct Slot {
  NoteSummary summary;
  std::unique_ptr<NoteBody> body;    // set when read and kept (LoadOptions::keep_bodies)
  std::unique_ptr<NoteProse> prose;  // set when read, for the mention scan
  Diagnostics diagnostics;
  std::optional<std::span<const std::string_view>> cached_mentions;
  std::span<const NoteTask> tasks;  // of a note read: its checkbox lines, in the arena
  long cache_entry = -1;            // of a note from the cache: its entry
  bool loaded = false;
  bool from_cache = false;
};

// Reads and parses the note at `path` into `slot`: its summary, and the
// prose the mention scan reads unless the note is never scanned. The body
// goes unless `keep_body`.
void read_note(const io::FileSystem& fs, const Conventions& conventions, std::string_view path,
               const io::FileStat& walked, bool keep_body, Arena& arena, Slot& slot) {
  const std::size_t first = slot.diagnostics.size();
  auto read = fs.read_with_stat(std::string(path));
  if (!read) {
    slot.diagnostics.push_back(read.error());  // vanished or unreadable: skip, say so
    return;
  }
  slot.body = parse_body(std::move(read->bytes), slot.diagnostics);
  slot.summary = summarise(path, *slot.body, conventions, arena, slot.diagnostics);
  slot.tasks = store_tasks(*slot.body, arena);
  slot.cache_entry = -1;
  // The stat taken when reading describes these bytes (or an earlier state,
  // which the next run then reads again); the walk says whether it is a link.
  slot.summary.stat = walked;
  slot.summary.stat.size = read->stat.size;
  slot.summary.stat.mtime_ns = read->stat.mtime_ns;
  name_diagnostics(slot.diagnostics, first, path);
  // Templates and excluded files: read for their tasks (the Tasks plugin
  // reads every note), but never entities, and their warnings unasked for.
  // A cached summary keeps the rule (the conventions hash covers the rules).
  if (const int rule = conventions.exclusions.match_index(path); rule >= 0) {
    slot.summary.excluded_by = rule;
    slot.summary.kind = NoteKind::Other;
    slot.diagnostics.resize(first);
  }
  slot.prose.reset();
  if (!is_entity(slot.summary.kind) && slot.summary.excluded_by < 0) {
    slot.prose = prose_of(*slot.body, !keep_body);
  }
  if (!keep_body) slot.body.reset();
  slot.cached_mentions.reset();
  slot.from_cache = false;
  slot.loaded = true;
}

// A note over the size limit is not read; says so in its slot.
bool over_limit(std::string_view path, const io::FileStat& stat, const LoadOptions& options,
                Slot& slot) {
  if (stat.size <= options.max_note_bytes) return false;
  slot.diagnostics.push_back({std::string(path), 0,
                              fmt::format("skipped: {} bytes is over the {} byte limit for a note",
                                          stat.size, options.max_note_bytes)});
  return true;
}

}  // namespace

Expected<Vault> load_vault(const io::FileSystem& fs, const Conventions& conventions,
                           const LoadOptions& options) {
  Vault vault;
  vault.conventions = conventions;
  vault.fs_ = &fs;
  // Taken before anything is read: a note modified after this moment, or
  // within the file system's timestamp granularity before it, could change
  // again without changing its size or mtime (git's "racily clean" rule).
  vault.settled_before_ns = fs.now_ns() - fs.timestamp_granularity_ns();
  const bool keep_bodies = options.keep_bodies || !options.cache_entries;
  std::optional<CacheView> cache;
  if (options.cache) {
    if (auto blob = options.cache->load()) {
      cache = open_cache(*blob, conventions, options.vault_id);
      if (cache) {
        vault.storage_->cache = std::move(blob);  // the summaries point into it
        vault.storage_->cache_view = cache;
      }
    }
  }
  ArenaPool arenas;
  // Per listed note, in the listing's (sorted) order, its slot: in
  // `storage`, or in the read-ahead's blocks (no second copy of either).
  std::vector<Slot*> slots;
  std::vector<Slot> storage;
  std::vector<std::unique_ptr<Slot[]>> read_ahead_blocks;
  if (!cache || !options.cache_entries) {
    // Nothing to look up first: each note is read and parsed as soon as the
    // walk lists it, so every core works from the first note on.
    const unsigned threads = std::clamp(
        options.threads == 0 ? std::thread::hardware_concurrency() : options.threads, 1u, 16u);
    // `path` is kept by the read-ahead: the summary's path (and a name
    // taken from it) point into it, and it goes to the vault's arena.
    ReadAhead<Slot> ahead(threads,
                          [&](std::string_view path, const io::FileStat& stat, Slot& slot) {
                            if (over_limit(path, stat, options, slot)) return;
                            auto arena = arenas.take();
                            read_note(fs, conventions, path, stat, keep_bodies, *arena, slot);
                            arenas.give(std::move(arena));
                          });
    auto listed = fs.walk_notes(
        vault.diagnostics, [&](std::size_t found, std::string_view path, const io::FileStat& stat) {
          ahead.push(found, path, stat);
        });
    ahead.finish();
    if (!listed) return Expected<Vault>::failure(listed.error());
    // Not kept: the summaries' paths are the read-ahead's copies.
    const io::Listing listing = std::move(*listed);
    slots.resize(listing.size());
    for (std::size_t i = 0; i < listing.size(); ++i) slots[i] = &ahead.slot(listing.found(i));
    read_ahead_blocks = ahead.take_blocks();
    vault.storage_->arena.adopt(std::move(ahead.paths()));
  } else {
    auto listed = fs.scan_notes(vault.diagnostics);
    if (!listed) return Expected<Vault>::failure(listed.error());
    vault.storage_->listing = std::move(*listed);
    const io::Listing& listing = *vault.storage_->listing;

    // Each listed note's cache entry, or -1: one merge of the two path-sorted
    // lists (the listing's and the cache's), not a search per note.
    std::vector<long> entry_of(listing.size(), -1);
    {
      std::size_t e = 0;
      for (std::size_t i = 0; i < listing.size() && e < cache->size(); ++i) {
        const std::string_view path = listing.path(i);
        while (e < cache->size() && cache->path(e) < path) ++e;
        if (e < cache->size() && cache->path(e) == path) entry_of[i] = static_cast<long>(e++);
      }
    }
    // Each slot is filled by exactly one worker; order stays the walk's order.
    storage.resize(listing.size());
    for (Slot& slot : storage) slots.push_back(&slot);
    parallel_for(listing.size(), options.threads, [&](std::size_t i) {
      Slot& slot = storage[i];
      const std::string_view path = listing.path(i);
      const io::FileStat& stat = listing.stat(i);  // from the walk: no second look-up
      if (over_limit(path, stat, options, slot)) return;
      auto arena = arenas.take();
      if (const long entry = entry_of[i]; entry >= 0) {
        // (An entry out of bounds, or an exclusion rule beyond the
        // conventions', could only be damage: the note is read instead.)
        auto cached = cache->entry(static_cast<std::size_t>(entry), *arena);
        if (cached && cached->summary.stat.size == stat.size &&
            cached->summary.stat.mtime_ns == stat.mtime_ns &&
            cached->summary.excluded_by < static_cast<int>(conventions.exclusions.rules().size())) {
          slot.summary = cached->summary;
          slot.summary.path = path;
          slot.summary.stat = stat;
          slot.cached_mentions = cached->mentions;
          slot.cache_entry = entry;  // its checkbox lines stay there (Vault::tasks)
          for (auto& d : cached->warnings) {
            d.path = path;
            slot.diagnostics.push_back(std::move(d));
          }
          slot.from_cache = slot.loaded = true;
          arenas.give(std::move(arena));
          return;
        }
      }
      read_note(fs, conventions, path, stat, keep_bodies, *arena, slot);
      arenas.give(std::move(arena));
    });
  }

  // Cached mentions were found with the cached set of people's names: when
  // that set changed, every cached note is read and scanned after all.
  const auto hashes_of_loaded = [&slots] {
    NoteSetHashes hashes;
    for (const Slot* slot : slots) {
      if (slot->loaded) hashes.add(slot->summary);
    }
    return hashes;
  };
  NoteSetHashes loaded = hashes_of_loaded();
  const bool names_changed = cache && loaded.names() != cache->names_hash();
  if (names_changed) {
    std::vector<std::size_t> stale;
    for (std::size_t i = 0; i < slots.size(); ++i) {
      if (slots[i]->from_cache) stale.push_back(i);
    }
    parallel_for(stale.size(), options.threads, [&](std::size_t s) {
      Slot& slot = *slots[stale[s]];
      slot.diagnostics.clear();  // the cached warnings: read again below
      slot.loaded = false;
      auto arena = arenas.take();
      const io::FileStat walked = slot.summary.stat;
      read_note(fs, conventions, slot.summary.path, walked, keep_bodies, *arena, slot);
      arenas.give(std::move(arena));
    });
    loaded = hashes_of_loaded();
  }
  arenas.drain_into(vault.storage_->arena);

  // Cached link targets are note indexes: valid only for the same paths.
  const bool same_paths = cache && loaded.paths() == cache->paths_hash();
  std::size_t from_cache = 0;
  std::vector<std::unique_ptr<NoteProse>> prose;  // per note, of the notes read
  bool unsettled_only = true;                     // every note read is one the cache may not hold
  // Sized once: growing them copied every summary again and touched fresh
  // pages each time (~5% of a warm run at 10k notes).
  vault.notes.reserve(slots.size());
  vault.task_sources_.reserve(slots.size());
  vault.bodies_.reserve(slots.size());
  prose.reserve(slots.size());
  vault.use_cached_targets_.reserve(slots.size());
  vault.cached_mentions_.reserve(slots.size());
  for (Slot* each : slots) {
    Slot& slot = *each;
    for (auto& d : slot.diagnostics) vault.diagnostics.push_back(std::move(d));
    if (!slot.loaded) continue;
    if (slot.from_cache) {
      ++from_cache;
    } else if (slot.summary.stat.mtime_ns <= vault.settled_before_ns) {
      unsettled_only = false;
    }
    vault.notes.push_back(slot.summary);
    vault.task_sources_.push_back(
        {slot.tasks.data(), slot.from_cache ? static_cast<std::int64_t>(slot.cache_entry) : -1});
    vault.bodies_.push_back(std::move(slot.body));
    prose.push_back(std::move(slot.prose));
    // A cached summary's links carry their targets (NoteLinks::cached_target).
    vault.use_cached_targets_.push_back(same_paths && slot.from_cache ? 1 : 0);
    vault.cached_mentions_.push_back(slot.cached_mentions);
  }
  // The cache holds exactly the settled notes, as they are: writing it again
  // would write the same bytes.
  vault.cache_current = cache && same_paths && unsettled_only && from_cache == cache->size();
  // The same notes, every one as the cache has it: what build() would derive
  // from them is what the run that wrote the cache derived.
  if (cache && same_paths && from_cache == cache->size() && from_cache == vault.notes.size() &&
      cache->has_derived()) {
    auto owners = cache->owners();
    auto involvement = cache->involvement();
    if (owners && involvement) {
      vault.owner_ = std::move(*owners);
      vault.involvement_ = std::move(*involvement);
      vault.derived_from_cache = true;
    } else {
      vault.cache_current = false;  // damaged: written again
    }
  }
  // Freed before the indexes are made.
  std::vector<Slot*>().swap(slots);
  std::vector<Slot>().swap(storage);
  std::vector<std::unique_ptr<Slot[]>>().swap(read_ahead_blocks);
  // The people's names in the prose of every note read, which then goes.
  vault.mentions_ = find_mentions(vault.notes, prose);
  vault.build();
  return vault;
}

bool save_parse_cache(const Vault& vault, io::CacheStore& store, const std::string& vault_id) {
  if (vault.cache_current) return true;
  return store.save(
      [&](io::Sink& sink) { write_parse_cache(vault, vault_id, vault.settled_before_ns, sink); });
}

}  // namespace kb::model
