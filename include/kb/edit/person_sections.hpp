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

// A line `show tree` nests under a snapshot bullet, four spaces a level:
// "    - list item", "        - \[x] sub-task" (query::nested_line_markdown:
// the status as the plugin shows it, on a bullet that is no task), without a
// link (it is in the same note as the bullet above it).
std::string nested_snapshot_line(const query::NestedLine& line);

}  // namespace kb::edit
