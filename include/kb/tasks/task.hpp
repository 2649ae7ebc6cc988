#pragma once
// One Obsidian Tasks task: a checkbox line (text::CheckboxLine) read in the
// plugin's task format, `- [c] description 📅 2025-11-07 ⏫ #tag`.
#include <optional>
#include <string_view>
#include <vector>

#include "kb/text/checkbox.hpp"
#include "kb/text/date.hpp"

namespace kb::tasks {

using text::Date;

// The Tasks plugin's status types. Its defaults: ' ' TODO, '/' IN_PROGRESS,
// 'x'/'X' DONE, '-' CANCELLED; any other symbol is an unknown status, which
// the plugin treats as TODO.
enum class StatusType { Todo, InProgress, Done, Cancelled, NonTask };

// Tasks plugin priority order, highest first; None sits between Medium and Low.
enum class Priority { Highest, High, Medium, None, Low, Lowest };

struct Task {
  std::string_view status_symbol;  // the character(s) between [ and ] (one code point)
  StatusType status = StatusType::Todo;
  std::string_view text;  // everything after "] ", as written
  // text minus the trailing emoji fields, block link and spaces; trailing
  // tags stay. The plugin also appends tags found *between* fields ("a #x 📅 d
  // #y" -> "a #x #y"); a view cannot, so those are only in `tags` ("a #x").
  std::string_view description;
  Priority priority = Priority::None;
  std::optional<Date> due;             // 📅
  std::optional<Date> scheduled;       // ⏳
  std::optional<Date> start;           // 🛫
  std::optional<Date> done;            // ✅
  std::optional<Date> created;         // ➕
  std::optional<Date> cancelled;       // ❌
  std::vector<std::string_view> tags;  // "#tag" as written, anywhere in text
  std::string_view recurrence;         // 🔁 rule text ("every week"), empty if none
  std::string_view id;                 // 🆔
  std::string_view depends_on;         // ⛔ comma-separated ids as written
  int indent = 0;                      // bytes of blanks and '>' before the list marker
};

StatusType status_type_of(std::string_view symbol);
bool is_done(StatusType t);  // the Tasks `done` filter: DONE, CANCELLED, NON_TASK
std::string_view status_type_name(
    StatusType t);  // "TODO", "IN_PROGRESS", "DONE", "CANCELLED", "NON_TASK"
std::string_view priority_name(Priority p);  // "highest", "high", "medium", "none", "low", "lowest"

// The task a checkbox line holds. The Tasks plugin reads fields from the end
// of the line backwards; so does this.
Task parse_task(const text::CheckboxLine& line);

// The same from one line (without its line ending; a trailing '\r' is
// ignored); nothing when the line is not a checkbox line.
std::optional<Task> parse_task(std::string_view line);

}  // namespace kb::tasks
