#pragma once
// The person view: what `kb person` prints and what `kb regen` writes.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kb/model/profile.hpp"
#include "kb/model/vault.hpp"
#include "kb/query/task_tree.hpp"
#include "kb/tasks/query.hpp"

namespace kb::query {

using model::Profile;

struct ContextEntry {
  std::optional<text::Date> date;
  model::NoteId note = -1;
  std::string stem;                // file stem of the note
  std::string path;                // vault-relative
  std::string link;                // wikilink that resolves to the note from anywhere
  std::string summary;             // cut to the configured length, "..." when cut
  std::optional<std::string> via;  // owning entity's name, unless the person or none
  // The vault's Conventions::context_template, which context_line renders.
  std::string line_template{model::kDefaultContextTemplate};
  // The line rendered already, for every person the note involves
  // (ContextLines): then only date, note, path and this are set.
  std::optional<std::string_view> line;  // into the ContextLines, which must outlive it
  bool line_checked = false;             // `line` passed the ContextLines' check
};

// Every involved note's Recent Context line, rendered once for all the
// people it involves (regen --all: about three per note), not once per
// person. Lines differ between people only by `via`, the note's owner, which
// every person but the owner sees: each note keeps one line of each kind it
// needs.
class ContextLines {
 public:
  // The lines of the notes involving `people`, rendered on all cores. With
  // `check` (regen passes edit::reads_as_plain_line), each line is also
  // checked once, where it is rendered, for every person that shows it; the
  // check runs on several threads at once, so it must be pure.
  ContextLines(const model::Vault& vault, const std::vector<model::NoteId>& people,
               const std::function<bool(std::string_view)>& check = {});
  // The note's line as `person`'s note shows it; the note involves `person`,
  // one of the people given.
  std::string_view line(model::NoteId note, model::NoteId person) const;
  // Whether that line passed `check` (false without one).
  bool checked(model::NoteId note, model::NoteId person) const;

 private:
  struct Piece {
    std::size_t at = 0, size = 0;  // in text_
    bool checked = false;          // the line passed the check
  };
  const Piece& piece(model::NoteId note, model::NoteId person) const;
  const model::Vault* vault_;
  std::string text_;                           // every line, back to back
  std::vector<Piece> with_via_, without_via_;  // per note, empty when not needed
};

struct OpenTask {
  model::NoteId note = -1;
  std::string path;
  int line = 0;
  tasks::Task task;  // its views point into the note's text
  // The task's text and description as the plugin shows them: without the
  // global filter when the settings remove it (tasks::shown_text).
  std::string text, description;
  int group = 0;  // the index of its group among the query's groups
  TaskTree tree;  // with `show tree`, once add_task_trees drew it
};

struct PersonView {
  model::NoteId note = -1;
  std::string name, path;
  std::vector<std::string> aliases;
  Profile profile;
  std::vector<ContextEntry> recent_context;  // newest first, undated last
  // The newest involved note dated on or before today: what regen writes as
  // last_contact (a meeting planned for later is not a contact yet).
  std::optional<text::Date> last_contact;
  std::string tasks_query;           // the note's ```tasks block, or the default one
  bool default_query = true;         // the note has no ```tasks block
  std::vector<OpenTask> open_tasks;  // group after group, as the query lists them
  bool show_tree = false;            // the query says `show tree`
};

using model::read_profile;

// What a ```tasks query written in `note` (whose body is `body`, when read)
// is read with: the vault's Tasks settings, and the note for its
// placeholders and Query File Defaults. All must outlive the context.
tasks::QueryContext query_context(const model::Vault& vault, const model::NoteSummary& note,
                                  const model::NoteBody* body);

// A query error of `note`'s block placed where its instruction was written:
// the Tasks settings file for the global query, else the note (line 0 for
// kb's default query and for the note's Query File Defaults).
Diagnostic located_query_error(const model::Vault& vault, const model::NoteSummary& note,
                               Diagnostic d, bool default_query);

// The tasks of `notes`, from their summaries' checkbox lines (no body is
// read), read under the vault's Tasks settings (only lines holding the global
// filter are tasks) for the tasks module's queries: notes by NoteId (every
// note of the vault, so ids index them), tasks in note order, then line
// order. The notes a query may select from are notes_with_candidate_tasks, or
// Vault::notes_with_tasks for any query.
tasks::TaskList vault_tasks(const model::Vault& vault, const std::vector<model::NoteId>& notes);

// The same tasks read from the notes' bodies (read beforehand: Vault::
// read_bodies), with the list items around them and their nesting
// (tasks::add_note_tasks), for `show tree`. Fails, naming the note, when a
// body cannot be read.
Expected<tasks::TaskList> vault_tasks_in_lists(const model::Vault& vault,
                                               const std::vector<model::NoteId>& notes);

// The person's ```tasks query text when none is written: Obsidian's own default.
std::string default_tasks_query(std::string_view name);

// The notes whose tasks the person's ```tasks query may select, for
// vault_tasks: when the query requires a path text
// (TasksQuery::required_path_text, as `path includes NAME` in the default
// query), the notes with tasks whose path includes it; otherwise every note
// with tasks. Reads the person's note: its query decides (none, when it
// cannot be read or its query does not parse: person_view then fails).
std::vector<model::NoteId> notes_with_candidate_tasks(const model::Vault& vault,
                                                      model::NoteId person);
// The same for many people in one pass over the vault's paths (regen --all);
// `shows_tree`, when given, gets per person whether its query says `show
// tree` (person_query_shows_tree), from the same parse; `queries`, when
// given, the parsed queries themselves (person_query), for person_view.
std::vector<std::vector<model::NoteId>> notes_with_candidate_tasks(
    const model::Vault& vault, const std::vector<model::NoteId>& people,
    std::vector<char>* shows_tree = nullptr,
    std::vector<std::optional<tasks::TasksQuery>>* queries = nullptr);

// The person's ```tasks query (or the default one) as it runs, the global
// query and presets read; nothing when the note cannot be read or the query
// does not parse (person_view reports why).
std::optional<tasks::TasksQuery> person_query(const model::Vault& vault, model::NoteId person);

// Fails when the person's note cannot be read, or its ```tasks block is not
// a valid query (the diagnostic names the note and line). `all_tasks` is
// vault_tasks of the person's candidate notes (or more), computed once by
// callers that build many views; `candidate_notes`, when
// given, is notes_with_candidate_tasks for this person, computed likewise;
// `lines`, when given (made for this person among others), the context lines;
// `query`, when given, person_query of this person (parsed once by
// notes_with_candidate_tasks), so that it is not parsed again.
Expected<PersonView> person_view(const model::Vault& vault, model::NoteId person,
                                 const tasks::TaskList& all_tasks, text::Date today,
                                 const std::vector<model::NoteId>* candidate_notes = nullptr,
                                 const ContextLines* lines = nullptr,
                                 const tasks::TasksQuery* query = nullptr);

// The entry rendered with its line_template; by default
// "- 2025-11-07: [[stem]] - summary (via Owner)", as the seed writes it.
std::string context_line(const ContextEntry& entry);

}  // namespace kb::query
