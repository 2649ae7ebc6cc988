#include "kb/query/people.hpp"

#include "kb/query/person.hpp"

namespace kb::query {

Expected<std::vector<PersonSummary>> list_people(const model::Vault& vault) {
  const std::vector<model::NoteId> ids = vault.people();
  // The profiles are in the person notes' text: those bodies only.
  if (auto failures = vault.read_bodies(ids); !failures.empty()) {
    return Expected<std::vector<PersonSummary>>::failure(std::move(failures.front()));
  }
  std::vector<PersonSummary> people;
  for (model::NoteId id : ids) {
    const model::NoteSummary& note = vault.notes[id];
    const Profile profile = read_profile(**vault.body(id));
    PersonSummary person;
    person.note = id;
    person.name = note.name;
    person.path = note.path;
    person.aliases.assign(note.aliases.begin(), note.aliases.end());
    person.role = profile.role;
    person.last_contact = profile.last_contact;
    person.notes = vault.involvement(id).size();
    people.push_back(std::move(person));
  }
  return people;
}

}  // namespace kb::query
