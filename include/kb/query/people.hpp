#pragma once
// `kb people`: every person note with the few facts a directory needs.
#include <string>
#include <vector>

#include "kb/model/vault.hpp"

namespace kb::query {

struct PersonSummary {
  model::NoteId note = -1;
  std::string name, path;
  std::vector<std::string> aliases;
  std::string role;          // as `kb person` reads it; "" when none
  std::string last_contact;  // front-matter last_contact as written; "" when none
  std::size_t notes = 0;     // non-entity notes involving the person
};

// Sorted by name (case- and accent-insensitively), as Vault::people().
// From the summaries alone (role and last_contact included): reads no note.
std::vector<PersonSummary> list_people(const model::Vault& vault);

}  // namespace kb::query
