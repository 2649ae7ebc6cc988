#pragma once
// `kb meetings`: the notes that record a meeting, with who was there.
#include <optional>
#include <string>
#include <vector>

#include "kb/model/vault.hpp"

namespace kb::query {

struct MeetingFilter {
  model::NoteId with = -1;          // a person: only notes involving them
  std::optional<text::Date> since;  // inclusive; undated notes are left out
  std::optional<text::Date> until;  // inclusive; undated notes are left out
};

struct MeetingRow {
  model::NoteId note = -1;
  std::optional<text::Date> date;
  std::string path;
  std::string summary;                    // cut to the configured length
  std::optional<std::string> via;         // name of the entity whose folder holds the note
  std::vector<std::string> participants;  // entity names when the entry resolves, else as written
};

// A meeting is a non-entity note classified Meeting or naming participants.
// Newest first, undated last, then by path.
std::vector<MeetingRow> list_meetings(const model::Vault& vault, const MeetingFilter& filter);

// The note's participants as readers know them: an entry that resolves (as a
// link path) to an entity gives the entity's name; others stay as written.
// Each name once, in order.
std::vector<std::string> participant_names(const model::Vault& vault, model::NoteId note);

}  // namespace kb::query
