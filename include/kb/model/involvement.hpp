#pragma once
// Folder ownership and involvement: who a note belongs to and whom it is
// about. Used by Vault::build(); exposed for tests.
#include <vector>

#include "kb/model/vault.hpp"

namespace kb::model {

// Per note: the entity whose folder (bearing the entity's name) holds it,
// nearest folder first; -1 when none. An entity note owns its own folder.
std::vector<NoteId> compute_owners(const Vault& vault);

// Per note: for person notes, the non-entity notes involving them (in note
// order); empty for every other note. Needs owners and link targets.
std::vector<std::vector<Involvement>> compute_involvement(const Vault& vault);

}  // namespace kb::model
