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

std::string person_text(const query::PersonView& view, const Style& style);
nlohmann::json person_json(const query::PersonView& view);

// {"path", "line", "status", "text", "due", "priority"}: one task, as every
// JSON output of kb writes it.
nlohmann::json task_json(std::string_view path, int line, const tasks::Task& task);

// One task as text: "- [ ] text" (the task as written).
std::string task_text(const tasks::Task& task);

}  // namespace kb::output
