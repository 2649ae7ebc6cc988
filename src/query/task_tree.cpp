// Tree mode for the views that list a person's tasks: tasks::tree_rows over
// the lists of the listed tasks' notes, cut into one tree per listed task.
#include "kb/query/task_tree.hpp"

#include <algorithm>

#include "kb/query/brief.hpp"
#include "kb/query/person.hpp"
#include "kb/tasks/note_lists.hpp"
#include "kb/tasks/tree.hpp"
#include "kb/text/checkbox.hpp"
#include "kb/text/markdown_escape.hpp"

namespace kb::query {

std::vector<TaskTree> task_trees(const tasks::TaskList& lists, const std::vector<ListedTask>& group,
                                 const tasks::Settings& settings) {
  std::vector<TaskTree> trees(group.size());
  // The listed tasks as the lists know them (with their list items); one
  // the lists do not know is drawn alone.
  std::vector<tasks::TaskItem> found;
  found.reserve(group.size());
  for (const ListedTask& listed : group) {
    const tasks::TaskItem* same = lists.find(listed.note, listed.line);
    found.push_back(same ? *same : tasks::TaskItem{nullptr, {}, listed.note, listed.line, -1});
  }
  for (TaskTree& tree : trees) tree.under_another = true;
  TaskTree* current = nullptr;
  for (const tasks::TreeRow& row : tasks::tree_rows(lists, found)) {
    if (row.depth == 0) {
      // A listed task drawn at the left: row.task is its element of `found`.
      current = &trees[static_cast<std::size_t>(row.task - found.data())];
      current->under_another = false;
      continue;
    }
    if (current == nullptr) continue;
    NestedLine line;
    line.depth = row.depth;
    line.line = lists.list_items()[static_cast<std::size_t>(row.list_item)].line;
    if (row.task) {
      line.task = *row.task->task;
      line.text = tasks::shown_text(row.task->task->text, settings);
    } else {
      const auto item = tasks::list_item_text(
          lists.list_items()[static_cast<std::size_t>(row.list_item)].markdown);
      line.status_symbol = std::string(item.status_symbol);
      line.text = std::string(item.description);
    }
    current->nested.push_back(std::move(line));
  }
  return trees;
}

Expected<std::vector<std::vector<TaskTree>>> task_trees(
    const model::Vault& vault, const std::vector<std::vector<ListedTask>>& groups) {
  using Result = Expected<std::vector<std::vector<TaskTree>>>;
  std::vector<model::NoteId> notes;
  for (const auto& group : groups) {
    for (const ListedTask& listed : group) notes.push_back(listed.note);
  }
  auto lists = vault_tasks_in_lists(vault, notes);
  if (!lists) return Result::failure(lists.error());
  std::vector<std::vector<TaskTree>> trees;
  trees.reserve(groups.size());
  for (const auto& group : groups) {
    trees.push_back(task_trees(*lists, group, vault.conventions.tasks));
  }
  return trees;
}

namespace {

// Each group's trees drawn onto its tasks: `listed` holds each listed task
// with the index of its group.
template <typename Task>
std::optional<Diagnostic> draw_trees(const model::Vault& vault,
                                     const std::vector<std::pair<Task*, int>>& listed) {
  std::vector<std::vector<ListedTask>> groups;
  std::vector<std::vector<Task*>> members;
  for (const auto& [task, group] : listed) {
    const auto g = static_cast<std::size_t>(group);
    if (groups.size() <= g) {
      groups.resize(g + 1);
      members.resize(g + 1);
    }
    groups[g].push_back({task->note, task->line});
    members[g].push_back(task);
  }
  auto trees = task_trees(vault, groups);
  if (!trees) return trees.error();
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (std::size_t i = 0; i < members[g].size(); ++i) {
      members[g][i]->tree = std::move((*trees)[g][i]);
    }
  }
  return std::nullopt;
}

std::vector<model::NoteId> unique_notes(std::vector<model::NoteId> notes) {
  std::sort(notes.begin(), notes.end());
  notes.erase(std::unique(notes.begin(), notes.end()), notes.end());
  return notes;
}

}  // namespace

std::optional<Diagnostic> add_task_trees(const model::Vault& vault, PersonView& view) {
  if (!view.show_tree) return std::nullopt;
  std::vector<std::pair<OpenTask*, int>> listed;
  for (OpenTask& task : view.open_tasks) listed.emplace_back(&task, task.group);
  return draw_trees(vault, listed);
}

std::optional<Diagnostic> add_task_trees(const model::Vault& vault, Brief& brief) {
  if (!brief.show_tree) return std::nullopt;
  // The brief's four lists, each a group of its own.
  std::vector<std::pair<BriefTask*, int>> listed;
  int group = 0;
  for (auto* list : {&brief.opened, &brief.closed, &brief.overdue, &brief.due_soon}) {
    for (BriefTask& task : *list) listed.emplace_back(&task, group);
    ++group;
  }
  return draw_trees(vault, listed);
}

std::vector<model::NoteId> listed_notes(const PersonView& view) {
  std::vector<model::NoteId> notes;
  for (const OpenTask& task : view.open_tasks) notes.push_back(task.note);
  return unique_notes(std::move(notes));
}

std::vector<model::NoteId> listed_notes(const Brief& brief) {
  std::vector<model::NoteId> notes;
  for (const auto* list : {&brief.opened, &brief.closed, &brief.overdue, &brief.due_soon}) {
    for (const BriefTask& task : *list) notes.push_back(task.note);
  }
  return unique_notes(std::move(notes));
}

bool person_query_shows_tree(const model::Vault& vault, model::NoteId person) {
  const auto query = person_query(vault, person);
  return query && !query->layout().hide_tree;
}

std::string nested_line_markdown(const NestedLine& line) {
  std::string out = "- ";
  const std::string_view symbol =
      line.task ? std::string_view(line.task->status_symbol) : std::string_view(line.status_symbol);
  const bool checkbox = line.task || !line.status_symbol.empty();
  if (checkbox) {
    // "\[x]": the status as the plugin shows it, on a bullet that is no task.
    out += "\\[";
    out += symbol;
    out += "] ";
  }
  const std::string text = text::escape_comments(line.text);
  // Text that would make the bullet a checkbox line again ("[ ] x" as a
  // plain item's text) gets its bracket escaped; other brackets (links) stay.
  if (!checkbox && text::checkbox_line(out + text)) out += '\\';
  out += text;
  return out;
}

}  // namespace kb::query
