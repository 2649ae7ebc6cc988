#pragma once
// The layout instructions of a Tasks query (`hide`/`show` FIELD, `short
// mode`, `full mode`, `explain`), as the plugin reads them
// (src/Layout/QueryLayoutOptions.ts, TaskLayoutOptions.ts), and a task drawn
// as text under them, as its renderer draws it (DefaultTaskSerializer
// componentToString for each shown component).
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "kb/tasks/task.hpp"

namespace kb::tasks {

// The parts of a drawn task, in the order the plugin draws them
// (TaskLayoutComponent).
enum class TaskComponent {
  Description,
  Id,
  DependsOn,
  Priority,
  RecurrenceRule,
  OnCompletion,
  CreatedDate,
  StartDate,
  ScheduledDate,
  DueDate,
  CancelledDate,
  DoneDate,
  BlockLink,
};
inline constexpr std::size_t kTaskComponentCount = 13;

struct QueryLayout {
  // QueryLayoutOptions, with the plugin's defaults.
  bool hide_toolbar = false;
  bool hide_postpone_button = false;
  bool hide_task_count = false;
  bool hide_group_count = true;
  bool hide_backlinks = false;
  bool hide_nested_backlinks = false;
  bool hide_edit_button = false;
  bool hide_urgency = true;
  bool hide_tree = true;
  bool short_mode = false;
  bool explain = false;
  // TaskLayoutOptions: every component and the tags shown.
  std::array<bool, kTaskComponentCount> shown = {true, true, true, true, true, true, true,
                                                 true, true, true, true, true, true};
  bool tags_shown = true;

  bool is_shown(TaskComponent component) const {
    return shown[static_cast<std::size_t>(component)];
  }
  // True when a task drawn under this layout can differ from its line:
  // a component or the tags hidden, or short mode.
  bool changes_task_text() const;
};

// Applies `option` (what follows `hide` or `show`) as the plugin does: the
// first known name it starts with, ignoring case (`due date`, `backlinks`,
// `tags`, ...). False when it names nothing the plugin knows.
bool apply_show_hide(QueryLayout& layout, std::string_view option, bool hide);

// The task as the plugin draws it under `layout`: the description (its tags
// left out when tags are hidden), then each shown field with a value, ` 📅
// 2025-11-07` (only the emoji in short mode), the block link last. An
// invalid date is drawn `Invalid date`, as moment formats it.
std::string task_layout_text(const Task& task, const QueryLayout& layout);

// The task's urgency as `show urgency` draws it: Intl.NumberFormat's
// default, at most three decimals without trailing zeros ("10.75", "-1.8").
std::string urgency_layout_text(const Task& task, text::Date today);

}  // namespace kb::tasks
