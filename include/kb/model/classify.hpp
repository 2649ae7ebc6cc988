#pragma once
// Which kind of note a file is, by the vault's conventions: front-matter
// `type`, tags, `categories`, or the folder it sits in.
#include <string_view>

#include "kb/model/conventions.hpp"
#include "kb/model/note.hpp"

namespace kb::model {

// Needs note.fm, note.scan and note.path filled.
NoteKind classify(const Note& note, const Conventions& conventions);

// True when a rule's list holds `value`, ASCII/Unicode case-insensitively.
bool contains_folded(const std::vector<std::string>& list, std::string_view value);

}  // namespace kb::model
