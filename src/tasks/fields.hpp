#pragma once
// Values the Tasks plugin derives from a task and its file, shared by the
// filters, sorters and groupers.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kb/tasks/task.hpp"
#include "kb/text/date.hpp"

namespace kb::tasks {

// "Work/Projects/" for "Work/Projects/a.md"; "/" for a file at the vault root.
std::string_view folder_of(std::string_view path);
// The top-level folder: "Work/" for "Work/Projects/a.md"; "/" at the root.
std::string_view root_of(std::string_view path);
// "a.md" for "Work/Projects/a.md".
std::string_view filename_of(std::string_view path);

// `happens`: the earliest valid one of the start, scheduled and due dates.
std::optional<text::Date> happens_date(const Task& task);

// The plugin's compareByDate: dates first, invalid ones before valid ones,
// then earliest first; tasks without the date last.
int compare_dates(const std::optional<TaskDate>& a, const std::optional<TaskDate>& b);

// The plugin's urgency score (docs: Advanced/Urgency).
double urgency(const Task& task, text::Date today);

// JavaScript's Number.prototype.toFixed(2): the exact value, rounded half
// away from zero ("1.95", "-1.80", "12.00").
// new Intl.NumberFormat().format(x) in English: at most three decimals,
// without grouping (the scores it is used for stay below 1000).
std::string intl_number_text(double x);
std::string to_fixed_2(double x);

// `sort by random` (RandomField.ts): a hash of "YYYY-MM-DD description", so
// the order is the same all day and changes the next.
std::int32_t random_key(const Task& task, text::Date today);

// `group by backlink`: "[[file]]", or "[[file#heading|file > heading]]".
std::string backlink_text(std::string_view path, std::string_view heading);

// The description as `sort by description` compares it: a leading link shows
// its alias, and leading bold/italic/highlight markers are dropped.
std::string sortable_description(std::string_view description);

// "Monday" ... "Sunday".
std::string_view weekday_name(text::Date date);

// A task with a recurrence rule (🔁) the plugin can read.
bool is_recurring(const Task& task);

}  // namespace kb::tasks
