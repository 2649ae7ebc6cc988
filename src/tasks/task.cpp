#include "kb/tasks/task.hpp"

#include <initializer_list>
#include <utility>

namespace kb::tasks {
namespace {

// Field regexes of the plugin's DefaultTaskSerializer, all anchored at the end
// of the line, are matched here by hand from the back of a string_view.

constexpr std::string_view kVariationSelector16 = "\xEF\xB8\x8F";  // U+FE0F

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_alnum(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// JavaScript's String.trim() for the whitespace a task line can hold.
std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// If s ends with one of `emojis`, the offset where it starts.
std::optional<std::size_t> emoji_before(std::string_view s,
                                        std::initializer_list<std::string_view> emojis) {
  for (std::string_view e : emojis) {
    if (ends_with(s, e)) return s.size() - e.size();
  }
  return std::nullopt;
}

struct FieldMatch {
  std::size_t begin = 0;  // where the field starts (the line is cut here)
  std::string_view value;
};

// `<emoji> *YYYY-MM-DD$` (\d{4}-\d{2}-\d{2}, validity is checked later).
std::optional<FieldMatch> date_field(std::string_view s,
                                     std::initializer_list<std::string_view> emojis) {
  if (s.size() < 10) return std::nullopt;
  const std::string_view date = s.substr(s.size() - 10);
  for (std::size_t i = 0; i < 10; ++i) {
    if (i == 4 || i == 7 ? date[i] != '-' : !is_digit(date[i])) return std::nullopt;
  }
  std::string_view before = s.substr(0, s.size() - 10);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  const auto at = emoji_before(before, emojis);
  if (!at) return std::nullopt;
  return FieldMatch{*at, date};
}

// `([🔺⏫🔼🔽⏬])\uFE0F?$`
std::optional<std::pair<std::size_t, Priority>> priority_field(std::string_view s) {
  if (ends_with(s, kVariationSelector16)) s.remove_suffix(kVariationSelector16.size());
  static constexpr std::pair<std::string_view, Priority> kSymbols[] = {{"🔺", Priority::Highest},
                                                                       {"⏫", Priority::High},
                                                                       {"🔼", Priority::Medium},
                                                                       {"🔽", Priority::Low},
                                                                       {"⏬", Priority::Lowest}};
  for (const auto& [symbol, priority] : kSymbols) {
    if (ends_with(s, symbol)) return std::pair{s.size() - symbol.size(), priority};
  }
  return std::nullopt;
}

// `🔁 ?([a-zA-Z0-9, !]+)$` (case-insensitive, so the class is all letters).
std::optional<FieldMatch> recurrence_field(std::string_view s) {
  std::size_t start = s.size();
  while (start > 0 && (is_alnum(s[start - 1]) || s[start - 1] == ',' || s[start - 1] == ' ' ||
                       s[start - 1] == '!')) {
    --start;
  }
  if (start == s.size()) return std::nullopt;
  const auto at = emoji_before(s.substr(0, start), {"🔁"});
  if (!at) return std::nullopt;
  return FieldMatch{*at, trim(s.substr(start))};
}

bool is_id_char(char c) {
  return is_alnum(c) || c == '-' || c == '_';
}

// `🆔 *([a-zA-Z0-9-_]+)$`
std::optional<FieldMatch> id_field(std::string_view s) {
  std::size_t start = s.size();
  while (start > 0 && is_id_char(s[start - 1])) --start;
  if (start == s.size()) return std::nullopt;
  std::string_view before = s.substr(0, start);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  const auto at = emoji_before(before, {"🆔"});
  if (!at) return std::nullopt;
  return FieldMatch{*at, s.substr(start)};
}

// `⛔\uFE0F? *(ID( *, *ID *)*)$`
std::optional<FieldMatch> depends_on_field(std::string_view s) {
  std::size_t start = s.size();
  while (start > 0 && (is_id_char(s[start - 1]) || s[start - 1] == ',' || s[start - 1] == ' ')) {
    --start;
  }
  std::string_view list = s.substr(start);
  while (!list.empty() && list.front() == ' ') list.remove_prefix(1);
  // The list must be ids separated by commas: no empty id, no space inside one.
  bool expect_id = true;
  for (std::size_t i = 0; i < list.size();) {
    if (expect_id) {
      if (!is_id_char(list[i])) return std::nullopt;
      while (i < list.size() && is_id_char(list[i])) ++i;
      while (i < list.size() && list[i] == ' ') ++i;
      expect_id = false;
    } else {
      if (list[i] != ',') return std::nullopt;
      ++i;
      while (i < list.size() && list[i] == ' ') ++i;
      expect_id = true;
    }
  }
  if (list.empty() || expect_id) return std::nullopt;
  std::string_view before = s.substr(0, s.size() - list.size());
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  if (ends_with(before, kVariationSelector16)) before.remove_suffix(kVariationSelector16.size());
  const auto at = emoji_before(before, {"⛔"});
  if (!at) return std::nullopt;
  return FieldMatch{*at, list};
}

// The plugin's tag: `(^|\s)#[^ !@#$%^&*(),.?":{}|<>]+`.
bool is_tag_char(char c) {
  return std::string_view(" !@#$%^&*(),.?\":{}|<>").find(c) == std::string_view::npos;
}

// `(^|\s)#TAG$`: the tag's offset.
std::optional<std::size_t> trailing_tag(std::string_view s) {
  std::size_t start = s.size();
  while (start > 0 && is_tag_char(s[start - 1])) --start;
  if (start == s.size() || start == 0 || s[start - 1] != '#') return std::nullopt;
  const std::size_t hash = start - 1;
  if (hash > 0 && !is_space(s[hash - 1])) return std::nullopt;
  return hash;
}

void collect_tags(std::string_view s, std::vector<std::string_view>& tags) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '#' || (i > 0 && !is_space(s[i - 1]))) continue;
    std::size_t end = i + 1;
    while (end < s.size() && is_tag_char(s[end])) ++end;
    if (end > i + 1) {
      tags.push_back(s.substr(i, end - i));
      i = end - 1;
    }
  }
}

// ` \^[a-zA-Z0-9-]+$`: a block link, which the plugin removes before the fields.
std::string_view strip_block_link(std::string_view s) {
  std::size_t start = s.size();
  while (start > 0 && (is_alnum(s[start - 1]) || s[start - 1] == '-')) --start;
  if (start == s.size() || start < 2 || s[start - 1] != '^' || s[start - 2] != ' ') return s;
  return trim(s.substr(0, start - 2));
}

// Reads the fields from the end of `body`, the way DefaultTaskSerializer.deserialize does.
void parse_fields(std::string_view body, Task& task) {
  std::string_view line = body;
  std::vector<std::string_view> trailing_tags;  // in line order
  std::size_t first_field = body.size();        // where the leftmost non-tag field starts
  const auto cut = [&](std::size_t at, bool is_tag) {
    if (!is_tag) first_field = at;  // fields are cut right to left
    line = trim(line.substr(0, at));
  };
  const auto date = [&](std::optional<Date>& field,
                        std::initializer_list<std::string_view> emojis) {
    if (auto m = date_field(line, emojis)) {
      field = text::parse_iso_date(m->value);  // the plugin keeps an invalid date; kb has none
      cut(m->begin, false);
      return true;
    }
    return false;
  };
  constexpr int kMaxRuns = 20;  // the plugin's failsafe
  bool matched = false;
  int runs = 0;
  do {
    matched = false;
    if (auto p = priority_field(line)) {
      task.priority = p->second;
      cut(p->first, false);
      matched = true;
    }
    matched |= date(task.done, {"✅"});
    matched |= date(task.cancelled, {"❌"});
    matched |= date(task.due, {"📅", "📆", "🗓"});
    matched |= date(task.scheduled, {"⏳", "⌛"});
    matched |= date(task.start, {"🛫"});
    matched |= date(task.created, {"➕"});
    if (auto m = recurrence_field(line)) {
      task.recurrence = m->value;
      cut(m->begin, false);
      matched = true;
    }
    if (auto hash = trailing_tag(line)) {
      trailing_tags.insert(trailing_tags.begin(), trim(line.substr(*hash)));
      cut(*hash, true);
      matched = true;
    }
    if (auto m = id_field(line)) {
      task.id = m->value;
      cut(m->begin, false);
      matched = true;
    }
    if (auto m = depends_on_field(line)) {
      task.depends_on = m->value;
      cut(m->begin, false);
      matched = true;
    }
    ++runs;
  } while (matched && runs <= kMaxRuns);

  // The plugin puts the tags it took off the end back onto the description.
  // Those before the first field are contiguous with it, so the view extends
  // over them; tags between fields are only listed in `tags`.
  std::size_t description_end = line.size();
  for (std::string_view tag : trailing_tags) {
    const auto tag_end = static_cast<std::size_t>(tag.data() - body.data()) + tag.size();
    if (tag_end <= first_field) description_end = tag_end;
  }
  task.description = body.substr(0, description_end);
  collect_tags(line, task.tags);
  task.tags.insert(task.tags.end(), trailing_tags.begin(), trailing_tags.end());
}

}  // namespace

StatusType status_type_of(std::string_view symbol) {
  if (symbol == "/") return StatusType::InProgress;
  if (symbol == "x" || symbol == "X") return StatusType::Done;
  if (symbol == "-") return StatusType::Cancelled;
  return StatusType::Todo;  // ' ' and every unknown symbol
}

bool is_done(StatusType t) {
  return t == StatusType::Done || t == StatusType::Cancelled || t == StatusType::NonTask;
}

std::string_view status_type_name(StatusType t) {
  switch (t) {
    case StatusType::Todo:
      return "TODO";
    case StatusType::InProgress:
      return "IN_PROGRESS";
    case StatusType::Done:
      return "DONE";
    case StatusType::Cancelled:
      return "CANCELLED";
    case StatusType::NonTask:
      return "NON_TASK";
  }
  return "TODO";
}

std::string_view priority_name(Priority p) {
  switch (p) {
    case Priority::Highest:
      return "highest";
    case Priority::High:
      return "high";
    case Priority::Medium:
      return "medium";
    case Priority::None:
      return "none";
    case Priority::Low:
      return "low";
    case Priority::Lowest:
      return "lowest";
  }
  return "none";
}

Task parse_task(const text::CheckboxLine& line) {
  Task task;
  task.indent = static_cast<int>(line.indentation.size());
  task.status_symbol = line.status_symbol;
  task.status = status_type_of(line.status_symbol);
  task.text = line.text;
  parse_fields(strip_block_link(task.text), task);
  return task;
}

std::optional<Task> parse_task(std::string_view line) {
  const auto checkbox = text::checkbox_line(line);
  if (!checkbox) return std::nullopt;
  return parse_task(*checkbox);
}

}  // namespace kb::tasks
