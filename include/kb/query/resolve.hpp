#pragma once
// Which note a name typed on the command line means. The CLI turns the
// answer into a message and an exit code; this layer only decides.
#include <string>
#include <string_view>
#include <vector>

#include "kb/model/vault.hpp"

namespace kb::query {

struct NameRules {
  std::vector<model::NoteKind> kinds;  // the entity kinds a verb takes; empty: any entity
  bool paths = false;                  // a vault-relative path (".md" optional) names any note
};

struct NameLookup {
  enum class Result { Found, NotFound, Ambiguous };
  Result result = Result::NotFound;
  // Found: the note. Ambiguous: every match, in note order. NotFound: the
  // entities whose names come closest (at most three), closest first.
  std::vector<model::NoteId> notes;
};

NameLookup resolve_name(const model::Vault& vault, std::string_view name, const NameRules& rules);

// Up to `max_count` entities of `kinds` (any entity when empty) whose names
// come closest to `name`: those containing it first, then by edit distance,
// none further than about half the name's length.
std::vector<model::NoteId> closest_entities(const model::Vault& vault, std::string_view name,
                                            const std::vector<model::NoteKind>& kinds,
                                            std::size_t max_count = 3);

}  // namespace kb::query
