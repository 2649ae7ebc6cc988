#pragma once
// How verbs take names: the rules each kind of verb resolves them by
// (query/resolve.hpp), the NAME positional (one name, quoted or over several
// words), and the messages when a name selects no note or several.
#include <CLI/CLI.hpp>
#include <string>
#include <string_view>

#include "app.hpp"
#include "kb/query/resolve.hpp"

namespace kb::cli {

// Verbs that only read take unique word prefixes too ("asaf"); regen, which
// writes, takes only full names, aliases, links and paths.
inline const query::NameRules kPersonToRead{{model::NoteKind::Person}, false, true};
inline const query::NameRules kPersonToWrite{{model::NoteKind::Person}, false, false};
inline const query::NameRules kEntityToRead{
    {model::NoteKind::Person, model::NoteKind::Customer, model::NoteKind::Project}, false, true};
inline const query::NameRules kNoteToRead{{}, true, true};

// What a name under `rules` names, as help and completion call it: PERSON,
// ENTITY (a person, customer or project) or NOTE (any note, or an entity).
std::string name_kind(const query::NameRules& rules);

// Adds the required NAME positional to `sub`, of type name_kind(rules);
// several words are one name joined by spaces, so `kb person Asaf Levy`
// needs no quotes.
CLI::Option* add_name_argument(CLI::App& sub, std::string& name, const query::NameRules& rules);

// NAME as one note under `rules`, else a failure saying why (1: none, with
// the closest names; 2: several, each with the argument that selects it; 1:
// a note of another kind). A prefix match is announced on stderr unless -q:
// "kb: 'asaf' is Asaf Levy (People/Asaf Levy/Asaf Levy.md)".
Expected<model::NoteId, Failure> resolve(Context& context, const model::Vault& vault,
                                         std::string_view name, const query::NameRules& rules);

// `s` as one shell word: as it is when it holds only safe characters, else
// in single quotes.
std::string shell_quote(std::string_view s);

}  // namespace kb::cli
