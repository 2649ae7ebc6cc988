#pragma once
// One Obsidian Tasks task: a checkbox line (text::CheckboxLine) read in the
// plugin's task format, `- [c] description 📅 2025-11-07 ⏫ #tag`, as its
// DefaultTaskSerializer reads it (src/TaskSerializer/DefaultTaskSerializer.ts).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/text/checkbox.hpp"
#include "kb/text/date.hpp"

namespace kb::tasks {

using text::Date;

// The Tasks plugin's status types (StatusConfiguration.ts). Which symbol has
// which type is the status collection's business (kb/tasks/statuses.hpp):
// by default ' ' TODO, 'x' DONE, '/' IN_PROGRESS, '-' CANCELLED, and any
// other symbol is an unknown status, of type TODO. EMPTY is the plugin's
// internal type, kept for a settings file that names it.
enum class StatusType { Todo, InProgress, OnHold, Done, Cancelled, NonTask, Empty };

// Tasks plugin priority order, highest first; None sits between Medium and Low.
enum class Priority { Highest, High, Medium, None, Low, Lowest };

// 🏁: what the plugin does with a recurring task's done instance.
enum class OnCompletion { Ignore, Keep, Delete };

// A date field. The plugin keeps a YYYY-MM-DD that names no calendar day
// (2025-02-30) as an invalid date: the task has the date, but it is on,
// before and after no day.
struct TaskDate {
  std::optional<Date> day;   // none when invalid
  std::string_view written;  // "YYYY-MM-DD" as in the line

  bool valid() const { return day.has_value(); }
  friend bool operator==(const TaskDate& a, const Date& b) { return a.day == b; }
};

// The day of a date field, when it has a valid one.
inline std::optional<Date> day_of(const std::optional<TaskDate>& date) {
  return date ? date->day : std::nullopt;
}

// Which syntax the task fields are written in: the plugin's "Task Format"
// setting (data.json `taskFormat`: "tasksPluginEmoji" or "dataview").
struct TaskFormat {
  enum class Syntax { Emoji, Dataview };
  Syntax syntax = Syntax::Emoji;
};

struct Task {
  std::string_view indentation;    // blanks and '>' before the list marker
  std::string_view list_marker;    // "-", "*", "+", "1." or "1)"
  std::string_view status_symbol;  // the character(s) between [ and ] (one code point)
  StatusType status = StatusType::Todo;
  // The status's name in the collection ("Todo", "In Progress", "Unknown");
  // it points into the collection the task was read with (or is static).
  std::string_view status_name = "Todo";
  std::string_view text;  // everything after "] ", as written
  // What remains of the text when the fields and block link are taken off
  // its end; tags found between fields are appended, as the plugin does:
  // "a #x 📅 2025-01-01 #y" -> "a #x #y".
  std::string description;
  Priority priority = Priority::None;
  std::optional<TaskDate> created;    // ➕
  std::optional<TaskDate> start;      // 🛫
  std::optional<TaskDate> scheduled;  // ⏳ ⌛
  // The scheduled date comes from the note's file name (the plugin's
  // scheduledDateIsInferred: kb/tasks/filename_date.hpp), not from the line.
  bool scheduled_inferred = false;
  std::optional<TaskDate> due;        // 📅 📆 🗓
  std::optional<TaskDate> done;       // ✅
  std::optional<TaskDate> cancelled;  // ❌
  std::string_view recurrence;        // 🔁 rule text as written ("every Sunday"), "" if none
  // The rule as the plugin shows it ("every week on Sunday"); empty when
  // there is none or the plugin cannot read it: then the task is not recurring.
  std::string recurrence_rule;
  OnCompletion on_completion = OnCompletion::Ignore;  // 🏁
  std::string_view id;                                // 🆔
  std::vector<std::string_view> depends_on;           // ⛔ ids, in line order
  std::string_view block_link;                        // " ^abc" at the very end, "" if none
  std::vector<std::string> tags;                      // "#tag" as in the description
};

bool is_done(StatusType t);  // the Tasks `done` filter: DONE, CANCELLED, NON_TASK
// "TODO", "IN_PROGRESS", "ON_HOLD", "DONE", "CANCELLED", "NON_TASK", "EMPTY"
std::string_view status_type_name(StatusType t);
std::string_view priority_name(Priority p);  // "highest", "high", "medium", "none", "low", "lowest"

// The task a checkbox line holds, its status from the plugin's default
// collection (kb::tasks::read_task reads it under a vault's settings). The
// Tasks plugin reads fields from the end of the line backwards; so does this.
Task parse_task(const text::CheckboxLine& line, const TaskFormat& format = {});

// The same from one line (without its line ending; a trailing '\r' is
// ignored); nothing when the line is not a checkbox line.
std::optional<Task> parse_task(std::string_view line, const TaskFormat& format = {});

// The plugin's tags of a text: `(^|\s)#[^ !@#$%^&*(),.?":{}|<>]+`, each
// without the space before it.
std::vector<std::string> extract_tags(std::string_view text);

}  // namespace kb::tasks
