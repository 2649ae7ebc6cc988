#pragma once
// Which note a name typed on the command line means. The CLI turns the
// answer into a message and an exit code; this layer only decides.
//
// In order, the first rule that matches wins:
//   1. the vault-relative path of a note, ".md" optional ("./" ignored); a
//      name ending in ".md": the note a link to it reaches ("Asaf Levy.md");
//   2. a wikilink "[[X]]" ("[[X|shown]]", "[[X#heading]]"): X as Obsidian
//      resolves a link to it, else X by the rules below;
//   3. the title, file stem or an alias of an entity, ignoring case and
//      accents (several entities: ambiguous);
//   4. when the verb allows it, the typed words as word prefixes, in order,
//      of one entity's title, stem or alias ("asaf", "levy", "a levy").
// Surrounding spaces are ignored throughout.
#include <string>
#include <string_view>
#include <vector>

#include "kb/model/vault.hpp"

namespace kb::query {

struct NameRules {
  std::vector<model::NoteKind> kinds;  // the entity kinds a verb takes; empty: any entity
  bool any_note = false;               // a path or link may name any note, not only such an entity
  bool prefixes = false;               // rule 4 (verbs that only read: never one that writes)
};

struct NameLookup {
  enum class Result {
    Found,      // notes: the one note
    NotFound,   // notes: the entities whose names come closest (at most three)
    Ambiguous,  // notes: every match, in note order
    NotOfKind,  // a path or link names a note that is not an entity of the kinds: notes holds it
  };
  enum class How { Path, Link, Name, Prefix };  // which rule found it
  Result result = Result::NotFound;
  How how = How::Name;
  std::vector<model::NoteId> notes;
};

NameLookup resolve_name(const model::Vault& vault, std::string_view name, const NameRules& rules);

// The shortest argument that selects `note` alone under `rules`: its title
// when that names no other entity, else its vault path.
std::string selecting_argument(const model::Vault& vault, model::NoteId note,
                               const NameRules& rules);

// Shell completion of a partly typed name: the arguments (selecting_argument)
// of the entities of `rules` whose title, stem or an alias starts with
// `typed`, ignoring case and accents, else those whose words `typed` prefixes
// (rule 4); and the paths of such notes (any note with `rules.any_note`)
// starting with it when it holds a '/' (with `any_note`, also when no
// entity matches).
// Sorted, each once.
std::vector<std::string> complete_name(const model::Vault& vault, std::string_view typed,
                                       const NameRules& rules);

// Up to `max_count` entities of `kinds` (any entity when empty) whose names
// come closest to `name`: those containing it first, then by edit distance,
// none further than about half the name's length.
std::vector<model::NoteId> closest_entities(const model::Vault& vault, std::string_view name,
                                            const std::vector<model::NoteKind>& kinds,
                                            std::size_t max_count = 3);

}  // namespace kb::query
