#include "kb/model/involvement.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "kb/model/name_matcher.hpp"
#include "kb/text/unicode.hpp"
#include "parallel.hpp"

namespace kb::model {

namespace {

std::string_view last_component(std::string_view folder) {
  const std::size_t slash = folder.rfind('/');
  return slash == std::string_view::npos ? folder : folder.substr(slash + 1);
}

std::string_view parent_folder(std::string_view folder) {
  const std::size_t slash = folder.rfind('/');
  return slash == std::string_view::npos ? std::string_view{} : folder.substr(0, slash);
}

}  // namespace

std::vector<NoteId> compute_owners(const Vault& vault) {
  const auto count = static_cast<NoteId>(vault.notes.size());
  std::unordered_map<std::string, NoteId> owned;  // folded folder path -> entity
  for (NoteId id = 0; id < count; ++id) {
    const NoteSummary& note = vault.notes[id];
    if (!is_entity(note.kind)) continue;
    const std::string_view folder = note.folder();
    const std::string name = text::fold_case(last_component(folder));
    if (name.empty()) continue;
    if (name == text::fold_case(note.stem()) || name == text::fold_case(note.name)) {
      owned.emplace(text::fold_case(folder), id);  // the first entity (path order) wins
    }
  }
  std::vector<NoteId> owners(vault.notes.size(), -1);
  if (owned.empty()) return owners;
  std::unordered_map<std::string, NoteId> folder_owner;  // memo: folded folder -> owner
  for (NoteId id = 0; id < count; ++id) {
    const std::string folder = text::fold_case(vault.notes[id].folder());
    if (auto memo = folder_owner.find(folder); memo != folder_owner.end()) {
      owners[id] = memo->second;
      continue;
    }
    NoteId owner = -1;
    for (std::string_view f = folder; !f.empty(); f = parent_folder(f)) {
      if (auto it = owned.find(std::string(f)); it != owned.end()) {
        owner = it->second;
        break;
      }
    }
    folder_owner.emplace(folder, owner);
    owners[id] = owner;
  }
  return owners;
}

namespace {

Involvement& entry_for(std::vector<Involvement>& entries, NoteId person) {
  for (auto& e : entries) {
    if (e.note == person) return e;  // `note` temporarily holds the person id
  }
  entries.push_back(Involvement{person});
  return entries.back();
}

}  // namespace

std::unique_ptr<NoteProse> prose_of(NoteBody& body, bool take_text) {
  auto prose = std::make_unique<NoteProse>();
  for (auto [key, out] : {std::pair{"title", &prose->title}, {"summary", &prose->summary}}) {
    if (const auto* value = body.fm.find(key); value && value->is_scalar()) *out = value->scalar;
  }
  const std::string_view text = body.text;
  std::size_t pos =
      body.split.present && body.split.terminated ? body.split.body_begin : body.split.bom;
  for (const auto& hidden : text::hidden_ranges(body.scan)) {
    if (hidden.end <= pos) continue;
    if (hidden.begin > pos) prose->pieces.push_back({pos, hidden.begin});
    pos = std::max(pos, hidden.end);
  }
  if (pos < text.size()) prose->pieces.push_back({pos, text.size()});
  if (take_text) {
    prose->owned = std::move(body.text);  // the body's views into it die with the body
    prose->text = prose->owned;
  } else {
    prose->text = text;
  }
  return prose;
}

std::vector<std::vector<NoteId>> find_mentions(std::span<const NoteSummary> notes,
                                               std::vector<std::unique_ptr<NoteProse>>& prose) {
  // A warm run reads no note: no automaton to build.
  if (std::none_of(prose.begin(), prose.end(), [](const auto& p) { return p != nullptr; })) {
    return {};
  }
  NameMatcher matcher;
  for (NoteId id = 0; id < static_cast<NoteId>(notes.size()); ++id) {
    const NoteSummary& note = notes[id];
    if (note.kind != NoteKind::Person) continue;
    matcher.add(note.name, id);
    if (note.stem() != note.name) matcher.add(note.stem(), id);
    for (const auto& alias : note.aliases) matcher.add(alias, id);
  }
  matcher.build();
  std::vector<std::vector<NoteId>> mentions(notes.size());
  parallel_for(std::min(prose.size(), notes.size()), 0, [&](std::size_t id) {
    if (!prose[id]) return;
    if (!matcher.empty()) {
      auto& found = mentions[id];
      prose[id]->for_each_piece([&](std::string_view piece) {
        matcher.scan_unfolded(piece, [&](int person) {
          if (std::find(found.begin(), found.end(), person) == found.end()) found.push_back(person);
        });
      });
    }
    prose[id].reset();
  });
  return mentions;
}

namespace {

// Which person a participant entry names: its link resolved from the note
// (folder-relative paths included), else a unique person of that name.
NoteId listed_person(const Vault& vault, std::string_view participant, NoteId from) {
  NoteId person = vault.resolve(participant, from);
  if (person < 0 || vault.notes[person].kind != NoteKind::Person) {
    const auto matches = vault.find_entities(participant, {NoteKind::Person});
    person = matches.size() == 1 ? matches.front() : -1;
  }
  return person >= 0 && vault.notes[person].kind == NoteKind::Person ? person : -1;
}

// listed_person of every participant entry, per note: each distinct
// (participant, folder) pair resolved once (meetings in one folder list the
// same people), on all cores.
std::vector<std::vector<NoteId>> listed_people(const Vault& vault) {
  struct PairHash {
    std::size_t operator()(const std::pair<std::string_view, std::string_view>& p) const {
      const std::hash<std::string_view> h;
      return h(p.first) * 31 + h(p.second);
    }
  };
  std::unordered_map<std::pair<std::string_view, std::string_view>, std::size_t, PairHash> index;
  std::vector<NoteId> first_from;  // per distinct pair: a note it is written in
  std::vector<std::vector<std::size_t>> pair_of(vault.notes.size());
  for (NoteId id = 0; id < static_cast<NoteId>(vault.notes.size()); ++id) {
    const NoteSummary& note = vault.notes[id];
    if (is_entity(note.kind) || note.excluded_by >= 0) continue;
    for (const auto participant : note.participants) {
      const auto [it, added] = index.try_emplace({participant, note.folder()}, first_from.size());
      if (added) first_from.push_back(id);
      pair_of[id].push_back(it->second);
    }
  }
  std::vector<std::pair<std::string_view, NoteId>> pairs(first_from.size());
  for (const auto& [key, at] : index) pairs[at] = {key.first, first_from[at]};
  std::vector<NoteId> person(pairs.size(), -1);
  parallel_for(pairs.size(), 0, [&](std::size_t i) {
    person[i] = listed_person(vault, pairs[i].first, pairs[i].second);
  });
  std::vector<std::vector<NoteId>> out(vault.notes.size());
  for (std::size_t id = 0; id < out.size(); ++id) {
    for (const std::size_t at : pair_of[id]) out[id].push_back(person[at]);
  }
  return out;
}

}  // namespace

std::vector<std::vector<Involvement>> compute_involvement(const Vault& vault) {
  const auto count = static_cast<NoteId>(vault.notes.size());
  const auto listed = listed_people(vault);

  // Per note on all cores (folding and matching the prose dominates), then
  // regrouped per person in note order.
  std::vector<std::vector<Involvement>> per_note(vault.notes.size());
  parallel_for(vault.notes.size(), 0, [&](std::size_t index) {
    const auto id = static_cast<NoteId>(index);
    const NoteSummary& note = vault.notes[id];
    if (is_entity(note.kind) || note.excluded_by >= 0) return;  // templates, excluded files
    std::vector<Involvement>& found = per_note[id];  // Involvement::note holds the person here
    for (const NoteId person : listed[index]) {
      if (person >= 0) entry_for(found, person).listed = true;
    }
    for (NoteId target : vault.link_targets(id)) {
      if (target >= 0 && vault.notes[target].kind == NoteKind::Person) {
        entry_for(found, target).linked = true;
      }
    }
    const NoteId owner = vault.owner(id);
    if (owner >= 0 && vault.notes[owner].kind == NoteKind::Person) {
      entry_for(found, owner).in_folder = true;
    }
    if (const auto& cached = vault.cached_mentions_[id]) {
      // Found by an earlier run with the same people (the loader checks).
      for (const auto path : *cached) {
        const NoteId person = vault.find_path(path);
        if (person >= 0 && vault.notes[person].kind == NoteKind::Person) {
          entry_for(found, person).mentioned = true;
        }
      }
    } else if (static_cast<std::size_t>(id) < vault.mentions_.size()) {
      // Found by load_vault in the prose of the note, read while loading.
      for (const NoteId person : vault.mentions_[id]) entry_for(found, person).mentioned = true;
    }
  });
  std::vector<std::vector<Involvement>> result(vault.notes.size());
  for (NoteId id = 0; id < count; ++id) {
    for (Involvement involvement : per_note[id]) {
      const NoteId person = involvement.note;
      involvement.note = id;
      result[person].push_back(involvement);
    }
  }
  return result;
}

}  // namespace kb::model
