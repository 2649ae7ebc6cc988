#include "kb/query/resolve.hpp"

#include <algorithm>

#include "kb/query/links.hpp"
#include "kb/text/edit_distance.hpp"
#include "kb/text/unicode.hpp"

namespace kb::query {

namespace {

bool of_kind(const model::Note& note, const std::vector<model::NoteKind>& kinds) {
  return model::is_entity(note.kind) &&
         (kinds.empty() || std::find(kinds.begin(), kinds.end(), note.kind) != kinds.end());
}

}  // namespace

NameLookup resolve_name(const model::Vault& vault, std::string_view name, const NameRules& rules) {
  NameLookup lookup;
  if (rules.paths) {
    if (const model::NoteId id = find_note_by_path(vault, name); id >= 0) {
      lookup.result = NameLookup::Result::Found;
      lookup.notes = {id};
      return lookup;
    }
  }
  lookup.notes = vault.find_entities(name, rules.kinds);
  if (lookup.notes.size() == 1) {
    lookup.result = NameLookup::Result::Found;
  } else if (lookup.notes.size() > 1) {
    lookup.result = NameLookup::Result::Ambiguous;
  } else {
    lookup.notes = closest_entities(vault, name, rules.kinds);
  }
  return lookup;
}

std::vector<model::NoteId> closest_entities(const model::Vault& vault, std::string_view name,
                                            const std::vector<model::NoteKind>& kinds,
                                            std::size_t max_count) {
  const std::string folded = text::fold_name(name);
  std::vector<std::pair<std::size_t, model::NoteId>> scored;
  for (model::NoteId id = 0; id < static_cast<model::NoteId>(vault.notes.size()); ++id) {
    const model::Note& note = vault.notes[id];
    if (!of_kind(note, kinds)) continue;
    const std::string candidate = text::fold_name(note.name);
    const std::size_t score = candidate.find(folded) != std::string::npos
                                  ? 0
                                  : 1 + text::edit_distance(folded, candidate);
    scored.emplace_back(score, id);
  }
  std::sort(scored.begin(), scored.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return vault.notes[a.second].name < vault.notes[b.second].name;
  });
  std::vector<model::NoteId> closest;
  for (const auto& [score, id] : scored) {
    if (closest.size() == max_count || score > 1 + folded.size() / 2) break;
    closest.push_back(id);
  }
  return closest;
}

}  // namespace kb::query
