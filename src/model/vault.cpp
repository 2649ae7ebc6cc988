#include "kb/model/vault.hpp"

#include <algorithm>
#include <unordered_map>

#include "kb/model/involvement.hpp"
#include "kb/text/markdown_escape.hpp"
#include "kb/text/unicode.hpp"
#include "parallel.hpp"

namespace kb::model {

struct Vault::Index {
  std::unordered_map<std::string_view, NoteId> exact;            // path as stored
  std::unordered_map<std::string, NoteId> by_path;               // folded path without ".md"
  std::unordered_map<std::string, std::vector<NoteId>> by_stem;  // folded stem
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
  for (NoteId id = 0; id < count; ++id) {
    const Note& note = notes[id];
    index->exact.emplace(note.path, id);
    index->by_path.emplace(text::fold_case(without_md(note.path)), id);
    index->by_stem[text::fold_case(note.stem())].push_back(id);
    if (!is_entity(note.kind)) continue;
    auto& by_name = index->by_name;
    add_unique(by_name[text::fold_name(note.name)], id);
    add_unique(by_name[text::fold_name(note.stem())], id);
    for (const auto& alias : note.aliases) add_unique(by_name[text::fold_name(alias)], id);
  }
  index_ = index;

  // Resolving folds every link path: per note on all cores, then the
  // backlinks in note order.
  link_targets_.assign(notes.size(), {});
  parallel_for(notes.size(), 0, [&](std::size_t index) {
    const auto id = static_cast<NoteId>(index);
    auto& targets = link_targets_[id];
    if (const auto& cached = notes[id].cached) {
      const auto in_range = [count](NoteId target) { return target >= -1 && target < count; };
      if (cached->link_targets.size() == cached->link_paths.size() &&
          std::all_of(cached->link_targets.begin(), cached->link_targets.end(), in_range)) {
        targets =
            cached->link_targets;  // resolved by an earlier run, same paths (the loader checks)
        return;
      }
      targets.reserve(cached->link_paths.size());
      for (const auto& path : cached->link_paths) targets.push_back(resolve(path, id));
      return;
    }
    targets.reserve(notes[id].scan.links.size());
    for (const auto& occurrence : notes[id].scan.links) {
      targets.push_back(resolve(text::link_path(occurrence.link), id));
    }
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
  const std::string folded = text::fold_case(link_path);
  if (auto it = index_->by_path.find(folded); it != index_->by_path.end()) return it->second;
  if (from >= 0) {
    const std::string_view folder = notes[from].folder();
    if (!folder.empty()) {
      const std::string relative = text::fold_case(folder) + "/" + folded;
      if (auto it = index_->by_path.find(relative); it != index_->by_path.end()) return it->second;
    }
  }
  // Shortest path among notes whose path ends with "/<link path>".
  const std::size_t slash = folded.rfind('/');
  const std::string stem = slash == std::string::npos ? folded : folded.substr(slash + 1);
  const auto it = index_->by_stem.find(stem);
  if (it == index_->by_stem.end()) return -1;
  const std::string suffix = "/" + folded;
  NoteId best = -1;
  for (NoteId id : it->second) {
    const std::string path = text::fold_case(without_md(notes[id].path));
    if (path != folded && !path.ends_with(suffix)) continue;
    if (best < 0 || notes[id].path.size() < notes[best].path.size()) best = id;
  }
  return best;
}

std::string Vault::wikilink_to(NoteId target) const {
  const Note& note = notes[target];
  const auto it = index_->by_stem.find(text::fold_case(note.stem()));
  const bool unique = it != index_->by_stem.end() && it->second.size() == 1;
  return text::note_link(note.path, note.stem(), unique);  // a Markdown link when a wikilink cannot
}

NoteId Vault::find_path(std::string_view rel_path) const {
  const auto it = index_->exact.find(rel_path);
  return it == index_->exact.end() ? -1 : it->second;
}

}  // namespace kb::model
