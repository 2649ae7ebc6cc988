#include "kb/query/entity.hpp"

#include <algorithm>
#include <map>

#include "kb/query/links.hpp"
#include "kb/text/markdown_escape.hpp"
#include "kb/text/unicode.hpp"

namespace kb::query {

namespace {

using model::NoteId;

struct Relations {
  bool folder = false, listed = false, linked = false, mentioned = false;
  bool any() const { return folder || listed || linked || mentioned; }
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    if (folder) out.emplace_back("folder");
    if (listed) out.emplace_back("listed");
    if (linked) out.emplace_back("linked");
    if (mentioned) out.emplace_back("mentioned");
    return out;
  }
};

// Note id -> why it belongs to the entity, for non-entity notes only.
std::map<NoteId, Relations> entity_notes(const model::Vault& vault, NoteId entity) {
  std::map<NoteId, Relations> notes;
  if (vault.notes[entity].kind == model::NoteKind::Person) {
    for (const auto& involvement : vault.involvement(entity)) {
      notes[involvement.note] = {involvement.in_folder, involvement.listed, involvement.linked,
                                 involvement.mentioned};
    }
    return notes;
  }
  for (NoteId id = 0; id < static_cast<NoteId>(vault.notes.size()); ++id) {
    if (!model::is_entity(vault.notes[id].kind) && vault.owner(id) == entity) {
      notes[id].folder = true;
    }
  }
  for (const auto& link : incoming_links(vault, entity)) {
    if (!model::is_entity(vault.notes[link.from].kind)) notes[link.from].linked = true;
  }
  return notes;
}

// Note id -> the people involved in it.
std::vector<std::vector<NoteId>> people_by_note(const model::Vault& vault) {
  std::vector<std::vector<NoteId>> who(vault.notes.size());
  for (NoteId person : vault.people()) {
    for (const auto& involvement : vault.involvement(person))
      who[involvement.note].push_back(person);
  }
  return who;
}

}  // namespace

EntityView entity_view(const model::Vault& vault, NoteId entity) {
  const model::NoteSummary& note = vault.notes[entity];
  EntityView view;
  view.note = entity;
  view.name = note.name;
  view.kind = model::kind_name(note.kind);
  view.path = note.path;

  const auto who = people_by_note(vault);
  std::map<NoteId, RelatedPerson> people;
  auto person = [&](NoteId id) -> RelatedPerson& {
    RelatedPerson& p = people[id];
    p.note = id;
    p.name = vault.notes[id].name;
    p.path = vault.notes[id].path;
    return p;
  };

  for (const auto& [id, relations] : entity_notes(vault, entity)) {
    const model::NoteSummary& other = vault.notes[id];
    EntityNote entry;
    entry.note = id;
    entry.date = other.date;
    entry.path = other.path;
    entry.summary =
        text::truncate_chars(text::one_line(other.summary), vault.conventions.summary_length);
    const NoteId owner = vault.owner(id);
    if (owner >= 0 && owner != entity) entry.via = vault.notes[owner].name;
    entry.relations = relations.names();
    view.notes.push_back(std::move(entry));
    for (NoteId p : who[id]) {
      if (p != entity) ++person(p).notes;
    }
  }

  const auto is_other_person = [&](NoteId id) {
    return id >= 0 && id != entity && vault.notes[id].kind == model::NoteKind::Person;
  };
  for (const auto& link : outgoing_links(vault, entity, AttachmentIndex{})) {
    if (is_other_person(link.note)) person(link.note).linked = true;
  }
  for (const auto& link : incoming_links(vault, entity)) {
    if (is_other_person(link.from)) person(link.from).linked = true;
  }

  std::stable_sort(view.notes.begin(), view.notes.end(),
                   [](const EntityNote& a, const EntityNote& b) {
                     if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
                     if (a.date != b.date) return *b.date < *a.date;
                     return a.path < b.path;
                   });
  for (auto& [id, p] : people) view.people.push_back(std::move(p));
  std::stable_sort(view.people.begin(), view.people.end(),
                   [](const RelatedPerson& a, const RelatedPerson& b) {
                     if (a.notes != b.notes) return a.notes > b.notes;
                     return text::fold_name(a.name) < text::fold_name(b.name);
                   });
  return view;
}

}  // namespace kb::query
