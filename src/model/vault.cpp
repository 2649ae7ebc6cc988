#include "kb/model/vault.hpp"

#include <algorithm>

#include "kb/model/involvement.hpp"
#include "kb/text/markdown_escape.hpp"
#include "kb/text/unicode.hpp"
#include "kb/util/hash64.hpp"
#include "parallel.hpp"
#include "vault_storage.hpp"

namespace kb::model {

Vault::Vault() : storage_(std::make_unique<Storage>()) {}
Vault::~Vault() = default;
Vault::Vault(Vault&&) noexcept = default;
Vault& Vault::operator=(Vault&&) noexcept = default;

struct Vault::Index {
  // Every note's fold_case'd path, back to back, made once: link resolution
  // and `path includes` compare against these instead of folding per use.
  // Then the folded stems that are not the tail of their folded path.
  std::string folded;
  std::vector<std::size_t> path_at;  // per note, and one past the last: its folded path's start
  std::vector<std::size_t> stem_at, stem_size;  // per note: its folded stem in `folded`
  // Open-addressed tables of note ids (-1: empty), keyed by the folded path
  // without ".md" (the first note folding alike wins) and by the folded stem
  // (the lowest id; the others follow it through `next_same_stem`, in order).
  std::vector<NoteId> by_path, by_stem;
  std::vector<NoteId> next_same_stem;
  // fold_name of each entity's name, stem and aliases, with the entity:
  // sorted, each pair once.
  std::vector<std::pair<std::string, NoteId>> by_name;

  std::string_view path(NoteId id) const {
    const auto i = static_cast<std::size_t>(id);
    return std::string_view(folded).substr(path_at[i], path_at[i + 1] - path_at[i]);
  }
  std::string_view path_key(NoteId id, const std::vector<NoteSummary>& notes) const {
    std::string_view key = path(id);
    if (notes[static_cast<std::size_t>(id)].path.ends_with(".md")) key.remove_suffix(3);
    return key;
  }
  std::string_view stem(NoteId id) const {
    const auto i = static_cast<std::size_t>(id);
    return std::string_view(folded).substr(stem_at[i], stem_size[i]);
  }
  std::size_t slot_of(std::string_view key, const std::vector<NoteId>& table) const {
    return std::hash<std::string_view>{}(key) & (table.size() - 1);
  }
  // The table's id keyed `key`, or -1.
  template <typename KeyOf>
  NoteId find(const std::vector<NoteId>& table, std::string_view key, KeyOf key_of) const {
    for (std::size_t at = slot_of(key, table);; at = (at + 1) & (table.size() - 1)) {
      const NoteId id = table[at];
      if (id < 0 || key_of(id) == key) return id;
    }
  }
};

namespace {

// Appends fold_case(s) to `out`: ASCII lower-cased in place, the rest folded.
void append_folded(std::string_view s, std::string& out) {
  const std::size_t at = out.size();
  out.resize(at + s.size());
  char* to = out.data() + at;
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      out.resize(at);
      out += text::fold_case(s);
      return;
    }
    *to++ = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
}

std::size_t table_size(std::size_t count) {
  std::size_t size = 16;
  while (size < count * 2) size *= 2;
  return size;
}

}  // namespace

void Vault::build() {
  auto index = std::make_unique<Index>();
  const auto count = static_cast<NoteId>(notes.size());
  const std::size_t n = notes.size();
  std::size_t bytes = 0;
  for (const NoteSummary& note : notes) bytes += note.path.size();
  index->folded.reserve(bytes + bytes / 8);
  index->path_at.resize(n + 1);
  index->stem_at.resize(n);
  index->stem_size.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    index->path_at[i] = index->folded.size();
    append_folded(notes[i].path, index->folded);
  }
  index->path_at[n] = index->folded.size();
  for (NoteId id = 0; id < count; ++id) {
    const std::string_view stem = notes[id].stem();
    const auto i = static_cast<std::size_t>(id);
    if (stem.empty() || static_cast<unsigned char>(stem.front()) < 0x80) {
      // Its folded path ends with it: folding never makes a '/', and an
      // ASCII first byte folds the same with or without what precedes it.
      const std::string_view key = index->path_key(id, notes);
      const std::size_t slash = key.rfind('/');
      const std::size_t from = slash == std::string_view::npos ? 0 : slash + 1;
      index->stem_at[i] = index->path_at[i] + from;
      index->stem_size[i] = key.size() - from;
    } else {
      index->stem_at[i] = index->folded.size();
      append_folded(stem, index->folded);
      index->stem_size[i] = index->folded.size() - index->stem_at[i];
    }
  }
  const auto path_key = [&](NoteId id) { return index->path_key(id, notes); };
  const auto stem_key = [&](NoteId id) { return index->stem(id); };
  index->by_path.assign(table_size(n), -1);
  index->by_stem.assign(table_size(n), -1);
  index->next_same_stem.assign(n, -1);
  std::vector<NoteId> last_same_stem(n, -1);  // per first note of a stem: the last so far
  for (NoteId id = 0; id < count; ++id) {
    const std::string_view key = path_key(id);
    auto& table = index->by_path;
    for (std::size_t at = index->slot_of(key, table);; at = (at + 1) & (table.size() - 1)) {
      if (table[at] < 0) {
        table[at] = id;
        break;
      }
      if (path_key(table[at]) == key) break;  // the first of paths folding alike wins
    }
    const std::string_view stem = index->stem(id);
    auto& stems = index->by_stem;
    for (std::size_t at = index->slot_of(stem, stems);; at = (at + 1) & (stems.size() - 1)) {
      if (stems[at] < 0) {
        stems[at] = id;
        last_same_stem[static_cast<std::size_t>(id)] = id;
        break;
      }
      if (stem_key(stems[at]) == stem) {
        auto& last = last_same_stem[static_cast<std::size_t>(stems[at])];
        index->next_same_stem[static_cast<std::size_t>(last)] = id;
        last = id;
        break;
      }
    }
  }
  // Whether each note's stem is the vault's only one, for wikilink_to.
  stem_unique_.assign(n, 0);
  for (const NoteId first : index->by_stem) {
    if (first >= 0 && index->next_same_stem[static_cast<std::size_t>(first)] < 0) {
      stem_unique_[static_cast<std::size_t>(first)] = 1;
    }
  }
  for (NoteId id = 0; id < count; ++id) {
    const NoteSummary& note = notes[id];
    if (!is_entity(note.kind)) continue;
    auto& by_name = index->by_name;
    by_name.emplace_back(text::fold_name(note.name), id);
    by_name.emplace_back(text::fold_name(note.stem()), id);
    for (const auto& alias : note.aliases) by_name.emplace_back(text::fold_name(alias), id);
  }
  std::sort(index->by_name.begin(), index->by_name.end());
  index->by_name.erase(std::unique(index->by_name.begin(), index->by_name.end()),
                       index->by_name.end());
  index_ = std::move(index);

  // Links resolved per note on all cores into one array (each note's run
  // placed by its links' count), then the backlinks in note order.
  link_target_at_.assign(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    link_target_at_[i + 1] = link_target_at_[i] + notes[i].links.size();
  }
  link_target_ids_.assign(link_target_at_[n], -1);
  use_cached_targets_.resize(n, 0);
  parallel_for(n, 0, [&](std::size_t i) {
    const auto id = static_cast<NoteId>(i);
    NoteId* targets = link_target_ids_.data() + link_target_at_[i];
    const NoteLinks& links = notes[i].links;
    if (use_cached_targets_[i] != 0 && links.from_cache()) {
      // Resolved by an earlier run, with the same paths.
      bool in_range = true;
      for (std::size_t k = 0; k < links.size() && in_range; ++k) {
        targets[k] = links.cached_target(k);
        in_range = targets[k] >= -1 && targets[k] < count;
      }
      if (in_range) return;
    }
    for (const auto& link : links) *targets++ = resolve(link.path(), id);
  });
  // Each note's backlinks: the notes linking to it, in order (a note linking
  // twice is counted once: last_from).
  const auto each_backlink = [&](auto&& on_backlink) {
    for (NoteId id = 0; id < count; ++id) {
      for (const NoteId target : link_targets(id)) {
        if (target >= 0 && target != id) on_backlink(target, id);
      }
    }
  };
  std::vector<NoteId> last_from(n, -1);
  backlink_at_.assign(n + 1, 0);
  each_backlink([&](NoteId target, NoteId from) {
    auto& last = last_from[static_cast<std::size_t>(target)];
    if (last == from) return;
    last = from;
    ++backlink_at_[static_cast<std::size_t>(target) + 1];
  });
  for (std::size_t i = 0; i < n; ++i) backlink_at_[i + 1] += backlink_at_[i];
  backlink_ids_.assign(backlink_at_[n], -1);
  std::vector<std::size_t> filled(backlink_at_.begin(), backlink_at_.end() - 1);
  last_from.assign(n, -1);
  each_backlink([&](NoteId target, NoteId from) {
    auto& last = last_from[static_cast<std::size_t>(target)];
    if (last == from) return;
    last = from;
    backlink_ids_[filled[static_cast<std::size_t>(target)]++] = from;
  });

  if (derived_from_cache) return;  // owner_ and involvement_ are the cache's (load_vault)
  owner_ = compute_owners(*this);
  involvement_ = compute_involvement(*this);
}

std::span<const NoteId> Vault::link_targets(NoteId note) const {
  const auto i = static_cast<std::size_t>(note);
  return {link_target_ids_.data() + link_target_at_[i],
          link_target_at_[i + 1] - link_target_at_[i]};
}

std::span<const NoteId> Vault::backlinks(NoteId note) const {
  const auto i = static_cast<std::size_t>(note);
  return {backlink_ids_.data() + backlink_at_[i], backlink_at_[i + 1] - backlink_at_[i]};
}

std::vector<NoteId> Vault::find_entities(std::string_view query,
                                         const std::vector<NoteKind>& kinds) const {
  std::vector<NoteId> found;
  const std::string key = text::fold_name(query);
  const auto& by_name = index_->by_name;
  auto it =
      std::lower_bound(by_name.begin(), by_name.end(), key,
                       [](const auto& entry, const std::string& k) { return entry.first < k; });
  for (; it != by_name.end() && it->first == key; ++it) {  // ids ascending, each once
    const NoteId id = it->second;
    if (kinds.empty() || std::find(kinds.begin(), kinds.end(), notes[id].kind) != kinds.end()) {
      found.push_back(id);
    }
  }
  return found;
}

std::vector<NoteId> Vault::people() const {
  std::vector<NoteId> ids;
  for (NoteId id = 0; id < static_cast<NoteId>(notes.size()); ++id) {
    if (notes[id].kind == NoteKind::Person) ids.push_back(id);
  }
  std::stable_sort(ids.begin(), ids.end(), [&](NoteId a, NoteId b) {
    return text::fold_name(notes[a].name) < text::fold_name(notes[b].name);
  });
  return ids;
}

NoteId Vault::resolve(std::string_view link_path, NoteId from) const {
  if (link_path.empty()) return from;  // [[#Heading]] points into the note itself
  if (link_path.front() == '/') link_path.remove_prefix(1);
  thread_local std::string folded, relative;  // reused: no allocation per link
  text::fold_case_into(link_path, folded);
  const Index& index = *index_;
  const auto path_key = [&](NoteId id) { return index.path_key(id, notes); };
  if (const NoteId id = index.find(index.by_path, folded, path_key); id >= 0) return id;
  if (from >= 0) {
    const std::string_view folder = notes[from].folder();
    if (!folder.empty()) {
      text::fold_case_into(folder, relative);
      relative += '/';
      relative += folded;
      if (const NoteId id = index.find(index.by_path, relative, path_key); id >= 0) return id;
    }
  }
  // Shortest path among notes whose path ends with "/<link path>".
  const std::string_view path_folded = folded;
  const std::size_t slash = path_folded.rfind('/');
  const std::string_view stem =
      slash == std::string_view::npos ? path_folded : path_folded.substr(slash + 1);
  NoteId best = -1;
  for (NoteId id = index.find(index.by_stem, stem, [&](NoteId n) { return index.stem(n); });
       id >= 0; id = index.next_same_stem[static_cast<std::size_t>(id)]) {
    const std::string_view path = path_key(id);
    const bool ends_with_suffix = path.size() > path_folded.size() && path.ends_with(path_folded) &&
                                  path[path.size() - path_folded.size() - 1] == '/';
    if (path != path_folded && !ends_with_suffix) continue;
    if (best < 0 || notes[id].path.size() < notes[best].path.size()) best = id;
  }
  return best;
}

std::string_view Vault::folded_path(NoteId note) const {
  return index_->path(note);
}

std::string Vault::wikilink_to(NoteId target) const {
  const NoteSummary& note = notes[target];
  const bool unique = stem_unique_[static_cast<std::size_t>(target)] != 0;
  return text::note_link(note.path, note.stem(), unique);  // a Markdown link when a wikilink cannot
}

Expected<const NoteBody*> Vault::body(NoteId note) const {
  using Result = Expected<const NoteBody*>;
  if (note < 0 || note >= static_cast<NoteId>(notes.size())) {
    return Result::failure({"", 0, "internal error: no such note"});
  }
  if (bodies_.size() == notes.size() && bodies_[note]) return bodies_[note].get();
  const NoteSummary& summary = notes[note];
  const std::string path(summary.path);
  if (bodies_frozen_) {
    return Result::failure(
        {path, 0, "internal error: the note was not read before the threads started"});
  }
  if (bodies_.size() != notes.size()) bodies_.resize(notes.size());
  if (fs_ == nullptr) return Result::failure({path, 0, "internal error: note not read"});
  auto read = fs_->read_with_stat(path);
  if (!read) return Result::failure(read.error());
  // Everything the vault knows of the note came from its summary: the text
  // must be the one the summary was made from.
  if (read->bytes.size() != summary.stat.size || hash64(read->bytes) != summary.text_hash) {
    return Result::failure({path, 0, "changed on disk while kb was reading it"});
  }
  Diagnostics given_already;  // the load reported them
  bodies_[note] = parse_body(std::move(read->bytes), given_already);
  return bodies_[note].get();
}

Diagnostics Vault::read_bodies(const std::vector<NoteId>& ids) const {
  if (bodies_.size() != notes.size()) bodies_.resize(notes.size());
  // Each id's slot is written by one worker only (ids are distinct notes or
  // repeats that find the body read).
  std::vector<NoteId> unique(ids);
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  std::vector<std::optional<Diagnostic>> by_unique(unique.size());
  parallel_for(unique.size(), 0, [&](std::size_t i) {
    auto body = this->body(unique[i]);
    if (!body) by_unique[i] = body.error();
  });
  Diagnostics out;
  for (auto& failure : by_unique) {
    if (failure) out.push_back(std::move(*failure));
  }
  return out;
}

TaskLines Vault::tasks(NoteId note) const {
  const TaskSource& source = task_sources_[static_cast<std::size_t>(note)];
  if (source.cache_entry >= 0) {
    return storage_->cache_view->tasks(static_cast<std::size_t>(source.cache_entry));
  }
  return TaskLines(std::span<const NoteTask>(source.lines, notes[note].task_count));
}

std::vector<NoteId> Vault::notes_with_tasks() const {
  std::vector<NoteId> ids;
  for (NoteId id = 0; id < static_cast<NoteId>(notes.size()); ++id) {
    if (notes[id].task_count != 0) ids.push_back(id);
  }
  return ids;
}

NoteId Vault::find_path(std::string_view rel_path) const {
  // The notes are sorted by path, bytewise.
  const auto it = std::lower_bound(
      notes.begin(), notes.end(), rel_path,
      [](const NoteSummary& note, std::string_view path) { return note.path < path; });
  return it != notes.end() && it->path == rel_path ? static_cast<NoteId>(it - notes.begin()) : -1;
}

}  // namespace kb::model
