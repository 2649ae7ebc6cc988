#pragma once
// `kb show`: one person, customer or project with its notes and the people
// in them.
#include <optional>
#include <string>
#include <vector>

#include "kb/model/vault.hpp"

namespace kb::query {

struct EntityNote {
  model::NoteId note = -1;
  std::optional<text::Date> date;
  std::string path;
  std::string summary;             // cut to the configured length
  std::optional<std::string> via;  // owning entity's name, unless this entity or none
  // Why it belongs: "folder" (in the entity's folder), "listed" (participant),
  // "linked" (links to the entity), "mentioned" (names a person); in this order.
  std::vector<std::string> relations;
};

struct RelatedPerson {
  model::NoteId note = -1;
  std::string name, path;
  std::size_t notes = 0;  // how many of the entity's notes involve them
  bool linked = false;    // the entity's note links to theirs, or theirs to it
};

struct EntityView {
  model::NoteId note = -1;
  std::string name, kind, path;
  std::vector<EntityNote> notes;      // newest first, undated last, then by path
  std::vector<RelatedPerson> people;  // most shared notes first, then by name
};

// People: the notes involving them (Vault::involvement). Customers and
// projects: non-entity notes in their folder or linking to their note.
// People are those involved in these notes, plus those whose notes link to
// or are linked from the entity's note; never the entity itself.
EntityView entity_view(const model::Vault& vault, model::NoteId entity);

}  // namespace kb::query
