#include "kb/model/vault.hpp"

#include <algorithm>
#include <unordered_map>

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

namespace {

// Lets string-keyed maps be searched with a string_view, without a copy.
struct ViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace

struct Vault::Index {
  // Per note, fold_case of its path without ".md", made once: link
  // resolution compares against these instead of folding paths per link.
  std::vector<std::string> folded_paths;
  std::unordered_map<std::string_view, NoteId> exact;    // path as stored
  std::unordered_map<std::string_view, NoteId> by_path;  // into folded_paths
  std::unordered_map<std::string, std::vector<NoteId>, ViewHash, std::equal_to<>>
      by_stem;  // folded stem
  std::unordered_map<std::string, std::vector<NoteId>>
      by_name;  // fold_name of entity names/aliases
};

namespace {

std::string_view without_md(std::string_view path) {
  if (path.size() >= 3 && path.substr(path.size() - 3) == ".md") path.remove_suffix(3);
  return path;
}

void add_unique(std::vector<NoteId>& ids, NoteId id) {
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

}  // namespace

void Vault::build() {
  auto index = std::make_shared<Index>();
  const auto count = static_cast<NoteId>(notes.size());
  index->exact.reserve(notes.size());
  index->by_path.reserve(notes.size());
  index->folded_paths.resize(notes.size());
  for (NoteId id = 0; id < count; ++id) {
    const NoteSummary& note = notes[id];
    index->exact.emplace(note.path, id);
    auto& folded_path = index->folded_paths[static_cast<std::size_t>(id)];
    folded_path = text::fold_case(without_md(note.path));
    index->by_path.emplace(folded_path, id);  // the first of paths folding alike wins
    index->by_stem[text::fold_case(note.stem())].push_back(id);
    if (!is_entity(note.kind)) continue;
    auto& by_name = index->by_name;
    add_unique(by_name[text::fold_name(note.name)], id);
    add_unique(by_name[text::fold_name(note.stem())], id);
    for (const auto& alias : note.aliases) add_unique(by_name[text::fold_name(alias)], id);
  }
  index_ = index;
  // Whether each note's stem is the vault's only one, for wikilink_to.
  stem_unique_.assign(notes.size(), 0);
  for (const auto& [stem, ids] : index->by_stem) {
    if (ids.size() == 1) stem_unique_[static_cast<std::size_t>(ids.front())] = 1;
  }

  // Links resolved per note on all cores, then the backlinks in note order.
  link_targets_.assign(notes.size(), {});
  cached_link_targets_.resize(notes.size());
  parallel_for(notes.size(), 0, [&](std::size_t index) {
    const auto id = static_cast<NoteId>(index);
    auto& targets = link_targets_[id];
    const auto& links = notes[id].links;
    const auto cached = cached_link_targets_[id];
    const auto in_range = [count](NoteId target) { return target >= -1 && target < count; };
    if (!links.empty() && cached.size() == links.size() &&
        std::all_of(cached.begin(), cached.end(), in_range)) {
      targets.assign(cached.begin(), cached.end());  // resolved by an earlier run, same paths
      return;
    }
    targets.reserve(links.size());
    for (const auto& link : links) targets.push_back(resolve(link.path(), id));
  });
  backlinks_.assign(notes.size(), {});
  for (NoteId id = 0; id < count; ++id) {
    for (const NoteId target : link_targets_[id]) {
      if (target >= 0 && target != id &&
          (backlinks_[target].empty() || backlinks_[target].back() != id)) {
        backlinks_[target].push_back(id);
      }
    }
  }

  if (derived_from_cache) return;  // owner_ and involvement_ are the cache's (load_vault)
  owner_ = compute_owners(*this);
  involvement_ = compute_involvement(*this);
}

std::vector<NoteId> Vault::find_entities(std::string_view query,
                                         const std::vector<NoteKind>& kinds) const {
  std::vector<NoteId> found;
  const auto it = index_->by_name.find(text::fold_name(query));
  if (it == index_->by_name.end()) return found;
  for (NoteId id : it->second) {
    if (kinds.empty() || std::find(kinds.begin(), kinds.end(), notes[id].kind) != kinds.end()) {
      found.push_back(id);
    }
  }
  std::sort(found.begin(), found.end());
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
  if (auto it = index_->by_path.find(folded); it != index_->by_path.end()) return it->second;
  if (from >= 0) {
    const std::string_view folder = notes[from].folder();
    if (!folder.empty()) {
      text::fold_case_into(folder, relative);
      relative += '/';
      relative += folded;
      if (auto it = index_->by_path.find(relative); it != index_->by_path.end()) return it->second;
    }
  }
  // Shortest path among notes whose path ends with "/<link path>".
  const std::string_view path_folded = folded;
  const std::size_t slash = path_folded.rfind('/');
  const std::string_view stem =
      slash == std::string_view::npos ? path_folded : path_folded.substr(slash + 1);
  const auto it = index_->by_stem.find(stem);
  if (it == index_->by_stem.end()) return -1;
  NoteId best = -1;
  for (NoteId id : it->second) {
    const std::string_view path = index_->folded_paths[static_cast<std::size_t>(id)];
    const bool ends_with_suffix = path.size() > path_folded.size() && path.ends_with(path_folded) &&
                                  path[path.size() - path_folded.size() - 1] == '/';
    if (path != path_folded && !ends_with_suffix) continue;
    if (best < 0 || notes[id].path.size() < notes[best].path.size()) best = id;
  }
  return best;
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
  if (bodies_.size() != notes.size()) bodies_.resize(notes.size());
  if (bodies_[note]) return bodies_[note].get();
  const NoteSummary& summary = notes[note];
  const std::string path(summary.path);
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

std::vector<NoteId> Vault::notes_with_tasks() const {
  std::vector<NoteId> ids;
  for (NoteId id = 0; id < static_cast<NoteId>(notes.size()); ++id) {
    if (!notes[id].tasks.empty()) ids.push_back(id);
  }
  return ids;
}

NoteId Vault::find_path(std::string_view rel_path) const {
  const auto it = index_->exact.find(rel_path);
  return it == index_->exact.end() ? -1 : it->second;
}

}  // namespace kb::model
