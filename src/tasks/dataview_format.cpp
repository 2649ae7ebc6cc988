// The Dataview task format: fields as inline fields, `[due:: 2025-01-01]` or
// `(priority:: high)`, read from the end of the line as the plugin's
// DataviewTaskSerializer reads them (src/TaskSerializer/
// DataviewTaskSerializer.ts, docs/Reference/Task Formats/Dataview Format.md).
//
// Its regexes are `(?:(?=[^\]]+\])\[|(?=[^)]+\))\() *KEY:: *(VALUE) *[)\]](?: *,)?$`,
// case-sensitive. Neither a key nor a value holds a bracket, so the field is
// the text from the last '[' or '(' to a closing bracket at the end of the
// line (a comma may follow it), and its brackets pair up: a '[' needs a ']'
// after it, a '(' a ')'.
#include <optional>
#include <string>

#include "task_syntax.hpp"

namespace kb::tasks::detail {

namespace {

struct InlineField {
  std::size_t begin = 0;   // the opening bracket: the line is cut here
  std::string_view inner;  // between the brackets, without the spaces at its ends
};

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// The inline field at the end of `s`, if any.
std::optional<InlineField> last_inline_field(std::string_view s) {
  std::size_t end = s.size();
  if (end > 0 && s[end - 1] == ',') {  // (?: *,)?
    --end;
    while (end > 0 && s[end - 1] == ' ') --end;
  }
  if (end == 0 || (s[end - 1] != ']' && s[end - 1] != ')')) return std::nullopt;
  const std::size_t close = end - 1;
  const std::size_t open = s.substr(0, close).find_last_of("[()]");
  if (open == std::string_view::npos) return std::nullopt;
  if (!(s[open] == '[' && s[close] == ']') && !(s[open] == '(' && s[close] == ')')) {
    return std::nullopt;
  }
  if (close == open + 1) return std::nullopt;  // the lookahead wants a character before the bracket
  return InlineField{open, trim_spaces(s.substr(open + 1, close - open - 1))};
}

// "KEY:: VALUE" -> VALUE (spaces after "::" skipped); nothing for another key.
std::optional<std::string_view> value_of(std::string_view inner, std::string_view key) {
  if (!inner.starts_with(key) || inner.substr(key.size(), 2) != "::") return std::nullopt;
  return trim_spaces(inner.substr(key.size() + 2));
}

bool is_date(std::string_view v) {
  if (v.size() != 10) return false;
  for (std::size_t i = 0; i < 10; ++i) {
    const bool digit = v[i] >= '0' && v[i] <= '9';
    if (i == 4 || i == 7 ? v[i] != '-' : !digit) return false;
  }
  return true;
}

template <typename Accept>
bool all_of(std::string_view v, Accept accept) {
  for (char c : v) {
    if (!accept(c)) return false;
  }
  return !v.empty();
}

// `ID( *, *ID *)*`
bool is_id_list(std::string_view v) {
  bool expect_id = true;
  for (std::size_t i = 0; i < v.size();) {
    if (expect_id) {
      if (!is_id_char(v[i])) return false;
      while (i < v.size() && is_id_char(v[i])) ++i;
      while (i < v.size() && v[i] == ' ') ++i;
      expect_id = false;
    } else {
      if (v[i] != ',') return false;
      ++i;
      while (i < v.size() && v[i] == ' ') ++i;
      expect_id = true;
    }
  }
  return !v.empty() && !expect_id;
}

std::optional<Priority> priority_named(std::string_view v) {
  static constexpr std::pair<std::string_view, Priority> kNames[] = {{"highest", Priority::Highest},
                                                                     {"high", Priority::High},
                                                                     {"medium", Priority::Medium},
                                                                     {"low", Priority::Low},
                                                                     {"lowest", Priority::Lowest}};
  for (const auto& [name, priority] : kNames) {
    if (v == name) return priority;
  }
  return std::nullopt;
}

}  // namespace

void parse_dataview_fields(std::string_view body, Task& task) {
  std::string_view line = body;
  std::string trailing_tags;  // tags taken off the end, in line order, space-separated
  const auto cut = [&](std::size_t at) { line = js_trim(line.substr(0, at)); };
  // Takes the field KEY off the end when its value passes `accept`.
  const auto field = [&](std::string_view key, auto accept) -> std::optional<std::string_view> {
    const auto found = last_inline_field(line);
    if (!found) return std::nullopt;
    const auto value = value_of(found->inner, key);
    if (!value || !accept(*value)) return std::nullopt;
    cut(found->begin);
    return value;
  };
  const auto date = [&](std::optional<TaskDate>& slot, std::string_view key) {
    const auto value = field(key, is_date);
    if (value) slot = task_date(*value);
    return value.has_value();
  };
  constexpr int kMaxRuns = 20;  // the plugin's failsafe
  bool matched = false;
  int runs = 0;
  do {
    matched = false;
    if (auto value = field("priority", [](std::string_view v) { return priority_named(v); })) {
      task.priority = *priority_named(*value);
      matched = true;
    }
    matched |= date(task.done, "completion");
    matched |= date(task.cancelled, "cancelled");
    matched |= date(task.due, "due");
    matched |= date(task.scheduled, "scheduled");
    matched |= date(task.start, "start");
    matched |= date(task.created, "created");
    const auto in_rule = [](char c) { return is_alnum(c) || c == ',' || c == ' ' || c == '!'; };
    if (auto value = field("repeat", [&](std::string_view v) { return all_of(v, in_rule); })) {
      task.recurrence = js_trim(*value);
      matched = true;
    }
    if (auto value =
            field("onCompletion", [](std::string_view v) { return all_of(v, is_alpha); })) {
      task.on_completion = on_completion_of(*value);
      matched = true;
    }
    if (take_trailing_tag(line, trailing_tags)) matched = true;
    if (auto value = field("id", [](std::string_view v) { return all_of(v, is_id_char); })) {
      task.id = *value;
      matched = true;
    }
    if (auto value = field("dependsOn", is_id_list)) {
      task.depends_on = split_ids(*value);
      matched = true;
    }
    ++runs;
  } while (matched && runs <= kMaxRuns);

  // The plugin puts the tags it took off the end back onto the description.
  task.description = line;
  if (!trailing_tags.empty()) {
    if (!task.description.empty()) task.description += ' ';
    task.description += trailing_tags;
  }
}

}  // namespace kb::tasks::detail
