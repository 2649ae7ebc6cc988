#include "kb/query/people.hpp"

#include "kb/query/person.hpp"

namespace kb::query {

std::vector<PersonSummary> list_people(const model::Vault& vault) {
  std::vector<PersonSummary> people;
  for (model::NoteId id : vault.people()) {
    const model::Note& note = vault.notes[id];
    const Profile profile = read_profile(note);
    PersonSummary person;
    person.note = id;
    person.name = note.name;
    person.path = note.path;
    person.aliases = note.aliases;
    person.role = profile.role;
    person.last_contact = profile.last_contact;
    person.notes = vault.involvement(id).size();
    people.push_back(std::move(person));
  }
  return people;
}

}  // namespace kb::query
