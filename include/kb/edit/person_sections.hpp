#pragma once
// What `kb regen` writes into one person note, computed from the person view
// (the same content and order `kb person` prints).
#include "kb/edit/regen.hpp"
#include "kb/model/vault.hpp"
#include "kb/query/person.hpp"

namespace kb::edit {

PersonSections person_sections(const model::Vault& vault, const query::PersonView& view);

// One snapshot bullet for an open task: "- <task text> — [[note]]", with no
// checkbox, escaped so that it never reads as a task itself.
std::string snapshot_line(const model::Vault& vault, const query::OpenTask& task);

}  // namespace kb::edit
