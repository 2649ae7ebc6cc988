#pragma once
// What the two task formats share of reading a task line (task.cpp): the
// plugin's JavaScript trimming, tags taken off the end, id lists, dates.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/tasks/task.hpp"

namespace kb::tasks::detail {

std::string_view js_trim(std::string_view s);
bool is_alpha(char c);
bool is_alnum(char c);
bool is_id_char(char c);  // [a-zA-Z0-9-_]

struct FieldMatch {
  std::size_t begin = 0;  // where the field starts (the line is cut here)
  std::string_view value;
};

// `(^|\s)#TAG$`: where the match starts (at the space before '#', if any)
// and the tag.
std::optional<FieldMatch> trailing_tag(std::string_view s);

// Takes a trailing tag off `line` (trimmed after the cut) and puts it before
// the tags taken so far, in line order; false when `line` ends otherwise.
// Both formats keep such tags in the description.
bool take_trailing_tag(std::string_view& line, std::string& trailing_tags);

// The ids of a ⛔ list: spaces removed, split at commas, empty ones dropped.
std::vector<std::string_view> split_ids(std::string_view list);

OnCompletion on_completion_of(std::string_view value);
TaskDate task_date(std::string_view written);

// Reads the fields from the end of `body` in the Dataview format
// (dataview_format.cpp), as the plugin's DataviewTaskSerializer does.
void parse_dataview_fields(std::string_view body, Task& task);

}  // namespace kb::tasks::detail
