#pragma once
// Renderings of the person view: terminal text and the JSON object scripts
// rely on (field names are a contract: see docs/cli.md).
#include <nlohmann/json.hpp>
#include <string>

#include "kb/query/person.hpp"

namespace kb::output {

struct Style {
  bool color = false;  // ANSI colour (terminal only, never with NO_COLOR)
};

// What `kb person` shows of the Recent Context: with `since`, the entries
// dated on or after it (undated ones left out); with `limit`, the newest
// `limit` of those. By default every entry.
struct ContextShown {
  std::optional<text::Date> since;
  std::size_t limit = 0;  // 0: no limit
};

// The text on a terminal. Open tasks due before `today` are marked OVERDUE,
// those due on it DUE TODAY (and coloured with style.color).
std::string person_text(const query::PersonView& view, const Style& style, text::Date today,
                        const ContextShown& shown = {});
nlohmann::json person_json(const query::PersonView& view, const ContextShown& shown = {});

// "OVERDUE" for a task not done and due before `today`, "DUE TODAY" for one
// due on it, else "".
std::string_view due_marker(const tasks::Task& task, text::Date today);

// The marker, painted red (overdue) or yellow (today) with colour, after
// two spaces; "" when there is none.
std::string due_marker_text(const tasks::Task& task, text::Date today, const Style& style);

// {"path", "line", "status", "text", "due", "priority"}: one task, as every
// JSON output of kb writes it; "text" is `description`, the task's
// description as shown (tasks::shown_text: without the global filter when
// the settings remove it).
nlohmann::json task_json(std::string_view path, int line, const tasks::Task& task,
                         std::string_view description);

// One task as text: "- [ ] text", `text` the task's text as shown.
std::string task_text(const tasks::Task& task, std::string_view text);

// A line `show tree` draws under a listed task of the note at `path`, after
// `indent` and four spaces a level: a task as "- [c] text", its due marker
// and "path:line"; a list item as "- text" or "- [c] text".
std::string nested_line_text(const query::NestedLine& line, std::string_view path, text::Date today,
                             const Style& style, std::string_view indent);

}  // namespace kb::output
