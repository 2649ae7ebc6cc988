#pragma once
// The tasks a query runs over, each with where it lives. The tasks module
// sits below the model, so a task knows its note by id only; what a query
// asks of a note (its path, and from it folder, root and file name) comes
// from one TaskNote per note, indexed by that id.
#include <deque>
#include <string_view>
#include <vector>

#include "kb/tasks/task.hpp"

namespace kb::tasks {

// What a query may ask of the note holding a task.
struct TaskNote {
  std::string_view path;  // vault-relative, with ".md"
};

// A task as a query sees it.
struct TaskItem {
  int note = -1;             // index of its TaskNote
  std::string_view heading;  // text of the nearest heading above, "" if none
  int line = 0;              // 1-based
  const Task* task = nullptr;
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

  // Appends a task of note `note` (an index into `notes`).
  void add(int note, int line, std::string_view heading, Task task) {
    tasks_.push_back(std::move(task));
    items_.push_back({note, heading, line, &tasks_.back()});
  }

  const std::vector<TaskItem>& items() const { return items_; }
  std::size_t size() const { return items_.size(); }

 private:
  std::deque<Task> tasks_;  // stable addresses as it grows
  std::vector<TaskItem> items_;
};

}  // namespace kb::tasks
