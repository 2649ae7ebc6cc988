#pragma once
// Which kind of note a file is, by the vault's conventions: front-matter
// `type`, tags, `categories`, or the folder it sits in.
//
// Order: a `type` naming a kind decides alone (a meeting filed in People/
// stays a meeting). Otherwise an explicit marker decides: a tag (front-matter
// `tags`/`tag`, or a #tag in the body outside code) or a `categories` entry,
// checked for person, customer, project, meeting, source in that order. Last,
// the folder: a note directly inside a folder the rule names ("People/Jane.md"),
// or in a folder of its own name there ("People/Jane/Jane.md").
// All comparisons ignore case; tags match exactly (#people/work is not #people).
#include <string>
#include <string_view>
#include <vector>

#include "kb/model/conventions.hpp"
#include "kb/model/note.hpp"
#include "kb/text/yaml_value.hpp"

namespace kb::model {

NoteKind classify(std::string_view path, const NoteBody& body, const Conventions& conventions);

// True when a rule's list holds `value`, ASCII/Unicode case-insensitively.
bool contains_folded(const std::vector<std::string>& list, std::string_view value);

// One value of a front-matter property as Obsidian shows it.
struct PropertyValue {
  std::string text;   // trimmed; a link's path without brackets ("People/Jane Doe")
  bool link = false;  // written as a wikilink
};

// A property's values: a scalar or a list of scalars. "[[Jane]]" (quoted) and
// [[Jane]] (unquoted, which YAML reads as a list in a list) both give the link
// "Jane"; a scalar holding several links ("[[A]], [[B]]") gives each link.
std::vector<PropertyValue> property_values(const text::YamlValue& value);

}  // namespace kb::model
