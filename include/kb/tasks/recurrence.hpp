#pragma once
// The 🔁 recurrence rule of a task, read as the Tasks plugin reads it
// (src/Task/Recurrence.ts): `RULE` or `RULE when done`, where RULE is the
// English text the rrule library's parseText understands ("every week on
// Monday", "every 2 months on the last Friday", "every weekday").
#include <optional>
#include <string>
#include <string_view>

namespace kb::tasks {

// The rule as the plugin shows it, rrule's toText() plus " when done"
// ("every Sunday" -> "every week on Sunday"); nothing when the plugin cannot
// read it, and then the task is not recurring.
std::optional<std::string> recurrence_rule_text(std::string_view rule);

}  // namespace kb::tasks
