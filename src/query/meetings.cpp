#include "kb/query/meetings.hpp"

#include <algorithm>

#include "kb/text/markdown_escape.hpp"
#include "kb/text/unicode.hpp"

namespace kb::query {

namespace {

bool is_meeting(const model::NoteSummary& note) {
  if (model::is_entity(note.kind)) return false;
  return note.kind == model::NoteKind::Meeting || !note.participants.empty();
}

bool in_range(const std::optional<text::Date>& date, const MeetingFilter& filter) {
  if (!filter.since && !filter.until) return true;
  if (!date) return false;
  if (filter.since && *date < *filter.since) return false;
  if (filter.until && *filter.until < *date) return false;
  return true;
}

}  // namespace

std::vector<std::string> participant_names(const model::Vault& vault, model::NoteId note) {
  std::vector<std::string> names;
  for (const auto& entry : vault.notes[note].participants) {
    std::string name(entry);
    const model::NoteId target = vault.resolve(entry, note);
    if (target >= 0 && model::is_entity(vault.notes[target].kind)) {
      name = vault.notes[target].name;
    } else if (const auto found = vault.find_entities(entry); found.size() == 1) {
      name = vault.notes[found.front()].name;  // a plain name or alias: "Asaf"
    }
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

std::vector<MeetingRow> list_meetings(const model::Vault& vault, const MeetingFilter& filter) {
  std::vector<bool> with_person;
  if (filter.with >= 0) {
    with_person.assign(vault.notes.size(), false);
    for (const auto& involvement : vault.involvement(filter.with)) {
      with_person[involvement.note] = true;
    }
  }
  std::vector<MeetingRow> rows;
  for (model::NoteId id = 0; id < static_cast<model::NoteId>(vault.notes.size()); ++id) {
    const model::NoteSummary& note = vault.notes[id];
    if (!is_meeting(note) || !in_range(note.date, filter)) continue;
    if (filter.with >= 0 && !with_person[id]) continue;
    MeetingRow row;
    row.note = id;
    row.date = note.date;
    row.path = note.path;
    row.summary =
        text::truncate_chars(text::one_line(note.summary), vault.conventions.summary_length);
    if (const model::NoteId owner = vault.owner(id); owner >= 0) row.via = vault.notes[owner].name;
    row.participants = participant_names(vault, id);
    rows.push_back(std::move(row));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const MeetingRow& a, const MeetingRow& b) {
    if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
    if (a.date != b.date) return *b.date < *a.date;
    return a.path < b.path;
  });
  return rows;
}

}  // namespace kb::query
