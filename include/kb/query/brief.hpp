#pragma once
// The brief: what happened with a person since the last meeting, for
// preparing the next one. Pure: vault + person + dates -> Brief.
//
// Span: from `since` (the --since date, else the date of the newest dated
// involved note strictly before today: the last meeting) to today, both
// inclusive. With neither, the span is everything up to today.
//
// The person's tasks: every task their ```tasks query (or the default
// `path includes NAME`) selects once its `not done` lines are dropped, plus
// every task in a note that involves them. Of these the brief lists the ones
// created (➕) or done (✅) in the span, and the open ones (not done in the
// Tasks sense) that are overdue or due within `due_window_days` of today.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/model/vault.hpp"
#include "kb/query/person.hpp"
#include "kb/tasks/query.hpp"

namespace kb::query {

inline constexpr std::string_view kKeyFactsHeading = "Key Facts";
inline constexpr std::string_view kKeyDecisionsHeading = "Key Decisions";

struct BriefOptions {
  text::Date today;
  std::optional<text::Date> since;  // overrides the last meeting
  int due_window_days = 7;
};

// Where the span starts from.
enum class SpanStart { LastMeeting, Since, Everything };
std::string_view span_start_name(SpanStart s);  // "last_meeting", "since", "everything"

struct BriefNote {
  ContextEntry entry;
  model::Involvement involvement;  // why the note involves the person
};

struct BriefTask {
  model::NoteId note = -1;
  std::string path;
  std::string link;  // wikilink to the task's note
  int line = 0;
  tasks::Task task;  // its views point into the note's text
  // The task's text and description as the plugin shows them: without the
  // global filter when the settings remove it (tasks::shown_text).
  std::string text, description;
  TaskTree tree;  // with `show tree`, once add_task_trees drew it
};

// One list item of a person-note section, its text after the marker.
struct Bullet {
  int depth = 0;  // 0 for top-level items, 1 for items nested one level, ...
  std::string text;
};

struct Brief {
  model::NoteId person = -1;
  std::string name, path;
  text::Date today;
  std::optional<text::Date> since;  // first day of the span; none: everything
  int due_window_days = 7;
  SpanStart span_start = SpanStart::Everything;
  std::optional<ContextEntry> last_meeting;  // the note the span starts at (LastMeeting only)
  std::string tasks_query;                   // the query the tasks came from, `not done` dropped
  bool show_tree = false;                    // that query says `show tree`

  std::vector<BriefNote> notes;            // involved notes dated in the span, newest first
  std::vector<ContextEntry> new_mentions;  // those of `notes` involving them by a mention only
  std::vector<BriefTask> opened;           // ➕ in the span, by created date
  std::vector<BriefTask> closed;           // ✅ in the span, by done date
  std::vector<BriefTask> overdue;          // open, 📅 before today, by due date
  std::vector<BriefTask> due_soon;         // open, 📅 today .. today + window, by due date
  std::vector<Bullet> key_facts;           // the person note's "Key Facts" list
  std::vector<Bullet> key_decisions;       // the person note's "Key Decisions" list
};

// The person's query with every `not done` instruction line removed.
std::string without_not_done(std::string_view query);

// The list items of the person note's section under `heading` (any level,
// matched case-insensitively), outside code; empty when there is none.
std::vector<Bullet> section_bullets(const model::NoteBody& note, std::string_view heading);

// The notes whose tasks a brief may show: those the person's query may
// select (its `path includes` narrows them as for the person view) and those
// involving the person.
std::vector<model::NoteId> brief_task_notes(const model::Vault& vault, model::NoteId person);

// Fails when the person's note cannot be read or its ```tasks block is not a
// valid query. `all_tasks` is vault_tasks of brief_task_notes (or more).
Expected<Brief> make_brief(const model::Vault& vault, model::NoteId person,
                           const tasks::TaskList& all_tasks, const BriefOptions& options);

}  // namespace kb::query
