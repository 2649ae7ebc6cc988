#pragma once
// `show tree` in the person view, the brief and the snapshot regen writes:
// each task a view lists comes with what is nested under it in its note
// (tasks and list items that are not tasks), as the plugin's tree mode draws
// it (tasks::tree_rows: a listed task under a listed parent task is drawn
// under it only; nothing is drawn twice).
#include <optional>
#include <string>
#include <vector>

#include "kb/model/vault.hpp"
#include "kb/tasks/task_list.hpp"

namespace kb::query {

// A line drawn under a listed task.
struct NestedLine {
  int depth = 1;  // 1: right under the listed task, 2: under that line, ...
  int line = 0;   // its line in the note (the listed task's note)
  // The task on the line, when it is one (listed by the view or not); its
  // views point into the note's body.
  std::optional<tasks::Task> task;
  // A list item that is not a task: the symbol of its checkbox ("" for a
  // plain `- text` item), as tasks::list_item_text reads it.
  std::string status_symbol;
  // A task's text as the plugin shows it (tasks::shown_text); a list item's
  // text after its marker and checkbox.
  std::string text;
};

// What tree mode draws for one listed task.
struct TaskTree {
  // Drawn under another listed task (its closest parent task was listed
  // too, in the same group, or it was already drawn): not drawn at the left.
  bool under_another = false;
  std::vector<NestedLine> nested;  // in line order, each after its parent
};

struct ListedTask {
  model::NoteId note = -1;
  int line = 0;
};

// The trees of one group of listed tasks (in the order the view lists
// them), over `lists`: query::vault_tasks_in_lists of (at least) their notes.
std::vector<TaskTree> task_trees(const tasks::TaskList& lists, const std::vector<ListedTask>& group,
                                 const tasks::Settings& settings);

// The same for several groups (each draws its own tree, as the plugin's
// groups do), reading the lists of their notes, whose bodies must have been
// read (Vault::read_bodies); fails naming a note that cannot be read.
Expected<std::vector<std::vector<TaskTree>>> task_trees(
    const model::Vault& vault, const std::vector<std::vector<ListedTask>>& groups);

struct PersonView;
struct Brief;

// With `show tree` in the view's query (PersonView::show_tree,
// Brief::show_tree), each listed task's tree: the person view's groups each
// draw their own, as do the brief's four lists. The bodies of the listed
// tasks' notes must have been read (listed_notes); fails naming a note that
// cannot be read. Without `show tree`, nothing changes.
std::optional<Diagnostic> add_task_trees(const model::Vault& vault, PersonView& view);
std::optional<Diagnostic> add_task_trees(const model::Vault& vault, Brief& brief);

// The notes holding the tasks a view lists (each once, in id order): those
// whose bodies add_task_trees reads.
std::vector<model::NoteId> listed_notes(const PersonView& view);
std::vector<model::NoteId> listed_notes(const Brief& brief);

// Whether the ```tasks query of the person's note (or the default one) says
// `show tree`, once the global query and presets are read. The person's body
// must have been read; false when its query does not parse.
bool person_query_shows_tree(const model::Vault& vault, model::NoteId person);

// A nested line as a snapshot or Markdown bullet, without its indentation:
// "- text", "- \[x] text" (a checkbox escaped, so that the bullet is no task
// and no list item of a task query), comment openers escaped.
std::string nested_line_markdown(const NestedLine& line);

}  // namespace kb::query
