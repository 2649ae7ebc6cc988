#include "kb/query/people.hpp"

#include "kb/query/person.hpp"

namespace kb::query {

std::vector<PersonSummary> list_people(const model::Vault& vault) {
  const std::vector<model::NoteId> ids = vault.people();
  std::vector<PersonSummary> people;
  people.reserve(ids.size());
  for (model::NoteId id : ids) {
    const model::NoteSummary& note = vault.notes[id];
    PersonSummary person;
    person.note = id;
    person.name = note.name;
    person.path = note.path;
    person.aliases.assign(note.aliases.begin(), note.aliases.end());
    person.role = note.role;
    person.last_contact = note.last_contact;
    person.notes = vault.involvement(id).size();
    people.push_back(std::move(person));
  }
  return people;
}

}  // namespace kb::query
