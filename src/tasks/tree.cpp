// The plugin's tree of found tasks: QueryResultsRendererBase.addTreeTaskList,
// willBeAddedLater and addChildren, without recursion (a note may nest deep).
#include "kb/tasks/tree.hpp"

#include <unordered_set>

namespace kb::tasks {
namespace {

// The end of the run of items nested under item `i`: a note's items follow in
// line order and every parent comes before its children, so the run ends at
// the first item whose parent lies before `i` (or that is a root).
int subtree_end(const std::vector<ListItem>& items, int i) {
  int j = i + 1;
  while (j < static_cast<int>(items.size()) && items[j].parent >= i) ++j;
  return j;
}

}  // namespace

int closest_parent_task(const TaskList& list, int list_item) {
  const auto& items = list.list_items();
  int parent = items[list_item].parent;
  while (parent >= 0 && items[parent].task < 0) parent = items[parent].parent;
  return parent;
}

std::vector<TreeRow> tree_rows(const TaskList& list, std::span<const TaskItem> found) {
  const auto& items = list.list_items();
  const auto task_of = [&](int i) {
    return items[i].task >= 0 ? &list.items()[items[i].task] : nullptr;
  };
  std::unordered_set<int> found_items, added;
  for (const TaskItem& item : found) found_items.insert(item.list_item);
  std::vector<TreeRow> rows;
  struct Frame {
    int item, next, end;
  };
  std::vector<Frame> stack;
  for (const TaskItem& item : found) {
    const int top = item.list_item;
    if (top < 0) {
      rows.push_back({0, &item, -1});
      continue;
    }
    if (added.contains(top)) continue;
    // Drawn later, under its closest parent task.
    const int parent_task = closest_parent_task(list, top);
    if (parent_task >= 0 && !added.contains(parent_task) && found_items.contains(parent_task)) {
      continue;
    }
    rows.push_back({0, &item, top});
    stack.push_back({top, top + 1, subtree_end(items, top)});
    while (!stack.empty()) {
      Frame& frame = stack.back();
      if (frame.next >= frame.end) {
        // Marked once its children are drawn, as the plugin does.
        added.insert(frame.item);
        stack.pop_back();
        continue;
      }
      const int child = frame.next;
      frame.next = subtree_end(items, child);
      if (added.contains(child)) continue;
      rows.push_back({static_cast<int>(stack.size()), task_of(child), child});
      stack.push_back({child, child + 1, subtree_end(items, child)});
    }
  }
  return rows;
}

}  // namespace kb::tasks
