#pragma once
// A group of found tasks drawn as a tree (`show tree`), as the plugin's
// QueryResultsRendererBase.addTreeTaskList draws it: each found task with
// every task and list item nested under it, in line order, whether or not
// they were found; a found task whose closest parent task was also found is
// drawn only under it; a task already drawn is not drawn again (nor what is
// under it).
#include <span>
#include <vector>

#include "kb/tasks/task_list.hpp"

namespace kb::tasks {

struct TreeRow {
  int depth = 0;                   // 0: a found task drawn at the top
  const TaskItem* task = nullptr;  // the task, when the line is one
  int list_item = -1;  // index in TaskList::list_items(); -1 for a task known to no list
};

// The rows of one group, whose found tasks are `found` (in their sorted
// order), over `list`, the tasks they were found in.
std::vector<TreeRow> tree_rows(const TaskList& list, std::span<const TaskItem> found);

// The nearest list item above `list_item` that is a task; -1 when none is
// (ListItem.findClosestParentTask).
int closest_parent_task(const TaskList& list, int list_item);

}  // namespace kb::tasks
