// Loading: list, read and parse every note on all cores (or take it from the
// parse cache when unchanged), then build the vault's indexes.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "kb/model/parse_cache.hpp"
#include "kb/model/vault.hpp"
#include "parallel.hpp"

namespace kb::model {

namespace {

Diagnostic changed_since_loaded(const std::string& path) {
  return {path, 0, "changed on disk while kb was reading the vault; run kb again"};
}

// Reads and parses a note taken from the cache. Its warnings were given
// from the cache already.
Expected<Note> reparse(const io::FileSystem& fs, const Conventions& conventions, const Note& stub) {
  auto content = fs.read(stub.path);
  if (!content) return Expected<Note>::failure(content.error());
  Diagnostics given_already;
  Note note = parse_note(stub.path, std::move(*content), conventions, given_already);
  note.stat = stub.stat;
  return note;
}

// Reparses the cached notes among `ids` on all cores, handing each stub and
// its parse to `on_note`; returns the first failure.
template <typename OnNote>
std::optional<Diagnostic> reparse_all(const io::FileSystem& fs, const Conventions& conventions,
                                      std::vector<Note>& notes, const std::vector<NoteId>& ids,
                                      OnNote&& on_note) {
  std::vector<std::optional<Diagnostic>> failures(ids.size());
  parallel_for(ids.size(), 0, [&](std::size_t i) {
    Note& stub = notes[ids[i]];
    if (!stub.cached) return;
    auto note = reparse(fs, conventions, stub);
    if (!note) {
      failures[i] = note.error();
      return;
    }
    if (auto failure = on_note(stub, *note)) failures[i] = std::move(failure);
  });
  for (auto& failure : failures) {
    if (failure) return failure;
  }
  return std::nullopt;
}

// The cache's entries when the store holds a cache of this format, kb
// version, vault and conventions; else nothing (a damaged or foreign cache
// is no cache).
std::optional<ParseCache> read_cache(const io::Blob& blob, const Conventions& conventions,
                                     const std::string& vault_id) {
  auto cache = decode_parse_cache(blob.bytes());
  if (!cache || cache->vault != vault_id ||
      cache->conventions_hash != conventions_hash(conventions)) {
    return std::nullopt;
  }
  return cache;
}

}  // namespace

std::optional<Diagnostic> Vault::hydrate(const io::FileSystem& fs, const std::vector<NoteId>& ids) {
  return reparse_all(fs, conventions, notes, ids,
                     [](Note& stub, Note& note) -> std::optional<Diagnostic> {
                       // The indexes were built from the cached entry: the text
                       // read now must be the one it described.
                       if (note.text.size() != stub.stat.size ||
                           note.scan.links.size() != stub.cached->link_paths.size() ||
                           note.kind != stub.kind || note.name != stub.name) {
                         return changed_since_loaded(stub.path);
                       }
                       stub.text = std::move(note.text);  // heap buffer: the views stay valid
                       stub.split = note.split;
                       stub.fm = std::move(note.fm);
                       stub.scan = std::move(note.scan);
                       stub.cached.reset();
                       return std::nullopt;
                     });
}

Expected<Vault> load_vault(const io::FileSystem& fs, const Conventions& conventions,
                           const LoadOptions& options) {
  Vault vault;
  vault.conventions = conventions;
  // Taken before anything is read: a note modified after this moment, or
  // within the file system's timestamp granularity before it, could change
  // again without changing its size or mtime (git's "racily clean" rule).
  vault.settled_before_ns = fs.now_ns() - fs.timestamp_granularity_ns();
  std::optional<ParseCache> cache_entries;
  if (options.cache) {
    if (auto blob = options.cache->load()) {
      if (options.cache_entries) {
        cache_entries = read_cache(*blob, conventions, options.vault_id);
      } else {
        vault.cache_bytes = std::move(blob);  // only to tell whether it must be written
      }
    }
  }
  ParseCache* const cache = cache_entries ? &*cache_entries : nullptr;
  auto listed = fs.scan_notes(vault.diagnostics);
  if (!listed) return Expected<Vault>::failure(listed.error());
  const io::Listing& listing = *listed;
  const std::vector<std::string> paths = listing.paths();

  // Looked up before the workers start: they move entries out, which a
  // concurrent binary search must not see.
  std::vector<CachedNote*> cached(paths.size(), nullptr);
  if (cache) {
    for (std::size_t i = 0; i < paths.size(); ++i) cached[i] = find_cached(*cache, paths[i]);
  }

  // Each note is filled by exactly one worker; order stays the walk's order.
  // Notes are parsed in place (no second array of slots): at 100k notes a
  // copy of the array alone is tens of megabytes.
  std::vector<Note> notes(paths.size());
  std::vector<char> loaded(paths.size(), 0);
  std::vector<Diagnostics> slot_diagnostics(paths.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < paths.size(); i = next++) {
      Diagnostics& diagnostics = slot_diagnostics[i];
      const io::FileStat* stat = &listing.stat(i);  // from the walk: no second look-up
      if (stat->size > options.max_note_bytes) {
        diagnostics.push_back({paths[i], 0,
                               fmt::format("skipped: {} bytes is over the {} byte limit for a note",
                                           stat->size, options.max_note_bytes)});
        continue;
      }
      if (CachedNote* entry = cached[i];
          entry && entry->size == stat->size && entry->mtime_ns == stat->mtime_ns) {
        notes[i] = note_from_cache(std::move(*entry), diagnostics);
        notes[i].stat = *stat;
        loaded[i] = 1;
        continue;
      }
      auto content = fs.read(paths[i]);
      if (!content) {
        diagnostics.push_back(content.error());  // vanished or unreadable: skip, say so
        continue;
      }
      notes[i] = parse_note(paths[i], std::move(*content), conventions, diagnostics);
      notes[i].stat = *stat;
      loaded[i] = 1;
    }
  };
  // Templates and excluded files: read for their tasks (the Tasks plugin
  // reads every note), but never entities, and their warnings unasked for.
  auto exclude = [&](std::size_t i) {
    if (!loaded[i]) return;
    const int rule = conventions.exclusions.match_index(notes[i].path);
    if (rule < 0) return;
    notes[i].excluded_by = rule;
    notes[i].kind = NoteKind::Other;
    slot_diagnostics[i].clear();
  };
  unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  threads = std::clamp(threads, 1u, 16u);
  if (paths.size() < 64) threads = 1;
  std::vector<std::thread> pool;
  try {
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  } catch (const std::system_error&) {
    // No more threads: the ones started and this one finish the work.
  }
  work();
  for (auto& thread : pool) thread.join();
  if (!conventions.exclusions.empty()) {
    for (std::size_t i = 0; i < paths.size(); ++i) exclude(i);
  }

  // Cached mentions were found with the cached set of people's names: when
  // that set changed, every cached note is read and scanned after all.
  if (cache && names_hash(notes) != cache->names_hash) {
    std::vector<NoteId> stubs;
    for (std::size_t i = 0; i < notes.size(); ++i) {
      if (loaded[i] && notes[i].cached) stubs.push_back(static_cast<NoteId>(i));
    }
    parallel_for(stubs.size(), 0, [&](std::size_t s) {
      const auto i = static_cast<std::size_t>(stubs[s]);
      auto note = reparse(fs, conventions, notes[i]);
      if (!note) {
        slot_diagnostics[i].push_back(note.error());  // vanished since the stat: skip, say so
        loaded[i] = 0;
        return;
      }
      notes[i] = std::move(*note);
      exclude(i);
    });
  }

  std::size_t kept = 0;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    for (auto& d : slot_diagnostics[i]) vault.diagnostics.push_back(std::move(d));
    if (!loaded[i]) continue;
    if (kept != i) notes[kept] = std::move(notes[i]);
    ++kept;
  }
  notes.erase(notes.begin() + static_cast<std::ptrdiff_t>(kept), notes.end());
  // Cached link targets are note indexes: valid only for the same paths.
  if (cache && paths_hash(notes) != cache->paths_hash) {
    for (Note& note : notes) {
      if (note.cached) note.cached->link_targets.clear();
    }
  }
  // Every note from the cache and none gone: the cache would be rewritten as it is.
  vault.cache_current = cache && cache->notes.size() == notes.size() &&
                        std::all_of(notes.begin(), notes.end(),
                                    [](const Note& note) { return note.cached.has_value(); });
  vault.notes = std::move(notes);
  vault.build();
  return vault;
}

bool save_parse_cache(const Vault& vault, io::CacheStore& store, const std::string& vault_id) {
  if (vault.cache_current) return true;
  const std::string bytes =
      encode_parse_cache(parse_cache_of(vault, vault_id, vault.settled_before_ns));
  // Written only when it changed.
  if (vault.cache_bytes && vault.cache_bytes->bytes() == bytes) return true;
  return store.save([&](io::Sink& sink) { sink.write(bytes); });
}

}  // namespace kb::model
