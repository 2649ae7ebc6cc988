#pragma once
// The tasks a query runs over, each with where it lives. The tasks module
// sits below the model, so a task knows its note by id only; what a query
// asks of a note (its path, and from it folder, root and file name) comes
// from one TaskNote per note, indexed by that id.
//
// A list read with its notes' lists (tasks::add_note_tasks) also knows how
// tasks nest, as the plugin's ListItem does (parent, children): each task is
// a list item, and the list items that are not tasks (`- text`, or a checkbox
// line without the global filter) are kept where a tree of tasks needs them:
// above a task (its ancestors) or under one.
#include <algorithm>
#include <deque>
#include <string_view>
#include <utility>
#include <vector>

#include "kb/tasks/task.hpp"

namespace kb::tasks {

// What a query may ask of the note holding a task.
struct TaskNote {
  std::string_view path;  // vault-relative, with ".md"
};

// A task as a query sees it.
struct TaskItem {
  const Task* task = nullptr;
  std::string_view heading;  // text of the nearest heading above, "" if none
  int note = -1;             // index of its TaskNote
  int line = 0;              // 1-based
  int list_item = -1;        // its index in TaskList::list_items(); -1 in a flat list
};

// A line of a note's lists: a task, or a list item that is not one. A note's
// list items follow each other in line order, so the items nested under one
// (at any depth) are the run of items after it whose parent is it or one of
// them.
struct ListItem {
  int note = -1;
  int line = 0;     // 1-based
  int parent = -1;  // index in list_items() of the item it is nested under; -1 at the root
  int task = -1;    // index in items() when the line is a task, else -1
  std::string_view markdown;  // the line as written, without its line ending
};

// Owns tasks and lists them as items, with the notes they refer to. Items
// point into the list: it moves but does not copy.
class TaskList {
 public:
  std::vector<TaskNote> notes;  // by note id

  TaskList() = default;
  TaskList(TaskList&&) noexcept = default;
  TaskList& operator=(TaskList&&) noexcept = default;
  TaskList(const TaskList&) = delete;
  TaskList& operator=(const TaskList&) = delete;
  ~TaskList() = default;

  // Appends a task of note `note` (an index into `notes`), with no list
  // item: a flat list, whose tasks know no nesting (list_item -1).
  void add(int note, int line, std::string_view heading, Task task) {
    tasks_.push_back(std::move(task));
    items_.push_back({&tasks_.back(), heading, note, line, -1});
  }

  // Appends a task and its list item, nested under the list item `parent`
  // (an index returned by an earlier add of the same note; -1 at the root).
  // Returns its list item's index.
  int add_in_list(int note, int line, std::string_view heading, Task task, int parent,
                  std::string_view markdown) {
    tasks_.push_back(std::move(task));
    const int index = static_cast<int>(list_items_.size());
    list_items_.push_back({note, line, parent, static_cast<int>(items_.size()), markdown});
    items_.push_back({&tasks_.back(), heading, note, line, index});
    return index;
  }

  // Appends a list item that is not a task, as add_in_list does.
  int add_list_item(int note, int line, int parent, std::string_view markdown) {
    const int index = static_cast<int>(list_items_.size());
    list_items_.push_back({note, line, parent, -1, markdown});
    return index;
  }

  const std::vector<TaskItem>& items() const { return items_; }
  // The task on `line` of note `note`, or null; the list's tasks must have
  // been added in note order, then line order (as vault_tasks adds them).
  const TaskItem* find(int note, int line) const {
    const auto at = std::lower_bound(items_.begin(), items_.end(), std::pair{note, line},
                                     [](const TaskItem& item, auto key) {
                                       return std::pair{item.note, item.line} < key;
                                     });
    return at != items_.end() && at->note == note && at->line == line ? &*at : nullptr;
  }
  const std::vector<ListItem>& list_items() const { return list_items_; }
  std::size_t size() const { return items_.size(); }

 private:
  std::deque<Task> tasks_;  // stable addresses as it grows
  std::vector<TaskItem> items_;
  std::vector<ListItem> list_items_;  // by note, then line
};

}  // namespace kb::tasks
