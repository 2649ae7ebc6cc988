#pragma once
// The Obsidian Tasks query language, run outside Obsidian with the plugin's
// documented semantics (filters, boolean combinations, sort, group, limit).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kb/text/date.hpp"
#include "kb/text/task.hpp"
#include "kb/util/expected.hpp"

namespace kb::query {

// A task as a query sees it: the task and where it lives.
struct TaskItem {
  std::string_view path;     // vault-relative file path, with ".md"
  std::string_view heading;  // text of the nearest heading above, "" if none
  int line = 0;              // 1-based
  const text::Task* task = nullptr;
};

struct TaskGroup {
  std::vector<std::string> names;  // one per `group by`, outermost first; empty when ungrouped
  std::vector<TaskItem> items;
};

class TasksQuery {
 public:
  // Parses query text (one instruction a line; blank lines and lines
  // starting with '#' are ignored). An unknown or malformed instruction
  // fails with a Diagnostic whose line is the 1-based line in `text`
  // (plus first_line - 1) and whose message names the instruction.
  static Expected<TasksQuery> parse(std::string_view text, int first_line = 1);

  // Filters, sorts (default: the plugin's default order after any `sort by`),
  // limits and groups. `today` resolves today/tomorrow/yesterday.
  std::vector<TaskGroup> run(const std::vector<TaskItem>& tasks, text::Date today) const;

  // The same, flattened in output order.
  std::vector<TaskItem> select(const std::vector<TaskItem>& tasks, text::Date today) const;

  TasksQuery(TasksQuery&&) noexcept;
  TasksQuery& operator=(TasksQuery&&) noexcept;
  ~TasksQuery();

 private:
  TasksQuery();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kb::query
