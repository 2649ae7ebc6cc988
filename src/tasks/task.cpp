#include "kb/tasks/task.hpp"

#include <initializer_list>
#include <utility>

#include "kb/tasks/recurrence.hpp"
#include "kb/tasks/statuses.hpp"
#include "kb/text/unicode.hpp"
#include "task_syntax.hpp"

namespace kb::tasks {
// Shared with the Dataview format (task_syntax.hpp declares what it uses).
namespace detail {

// The field regexes of the plugin's DefaultTaskSerializer, all anchored at
// the end of the line (`<emoji>\uFE0F? *<value>$`), are matched here by hand
// from the back of a string_view.

constexpr std::string_view kVariationSelector16 = "\xEF\xB8\x8F";  // U+FE0F

// JavaScript's \s and String.prototype.trim(): WhiteSpace and LineTerminator.
bool is_js_space(char32_t c) {
  return c == U'\t' || c == U'\n' || c == U'\v' || c == U'\f' || c == U'\r' || c == U' ' ||
         c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// The byte length of the JavaScript space starting at s[i], or 0.
std::size_t js_space_at(std::string_view s, std::size_t i) {
  std::size_t next = i;
  return is_js_space(text::decode_utf8(s, next)) ? next - i : 0;
}

// The byte length of the JavaScript space ending at s[end - 1], or 0.
std::size_t js_space_before(std::string_view s, std::size_t end) {
  if (end == 0) return 0;
  std::size_t start = end - 1;
  while (start > 0 && end - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
  }
  std::size_t next = start;
  const char32_t c = text::decode_utf8(s, next);
  return next == end && is_js_space(c) ? end - start : 0;
}

std::string_view js_trim(std::string_view s) {
  while (std::size_t n = s.empty() ? 0 : js_space_at(s, 0)) s.remove_prefix(n);
  while (std::size_t n = js_space_before(s, s.size())) s.remove_suffix(n);
  return s;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_alnum(char c) {
  return is_digit(c) || is_alpha(c);
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Where a field whose value starts at `value_begin` starts: the text before
// the value must end with one of `emojis`, an optional U+FE0F and spaces.
std::optional<std::size_t> field_start(std::string_view s, std::size_t value_begin,
                                       std::initializer_list<std::string_view> emojis) {
  std::string_view before = s.substr(0, value_begin);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  if (ends_with(before, kVariationSelector16)) before.remove_suffix(kVariationSelector16.size());
  for (std::string_view e : emojis) {
    if (ends_with(before, e)) return before.size() - e.size();
  }
  return std::nullopt;
}

// The longest run at the end of s of characters `in_value` accepts.
template <typename InValue>
std::size_t run_start(std::string_view s, InValue in_value) {
  std::size_t start = s.size();
  while (start > 0 && in_value(s[start - 1])) --start;
  return start;
}

// `<emoji>\uFE0F? *(\d{4}-\d{2}-\d{2})$`; validity is checked by the caller.
std::optional<FieldMatch> date_field(std::string_view s,
                                     std::initializer_list<std::string_view> emojis) {
  if (s.size() < 10) return std::nullopt;
  const std::string_view date = s.substr(s.size() - 10);
  for (std::size_t i = 0; i < 10; ++i) {
    if (i == 4 || i == 7 ? date[i] != '-' : !is_digit(date[i])) return std::nullopt;
  }
  const auto at = field_start(s, s.size() - 10, emojis);
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

// `<emoji>\uFE0F? *(<run of in_value>)$`, the value trimmed.
template <typename InValue>
std::optional<FieldMatch> word_field(std::string_view s, std::string_view emoji, InValue in_value) {
  const std::size_t start = run_start(s, in_value);
  if (start == s.size()) return std::nullopt;
  const auto at = field_start(s, start, {emoji});
  if (!at) return std::nullopt;
  return FieldMatch{*at, js_trim(s.substr(start))};
}

bool is_id_char(char c) {
  return is_alnum(c) || c == '-' || c == '_';
}

// `⛔\uFE0F? *(ID( *, *ID *)*)$`
std::optional<FieldMatch> depends_on_field(std::string_view s) {
  std::size_t start = run_start(s, [](char c) { return is_id_char(c) || c == ',' || c == ' '; });
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
  const auto at = field_start(s, s.size() - list.size(), {"⛔"});
  if (!at) return std::nullopt;
  return FieldMatch{*at, list};
}

// The ids of a ⛔ list: spaces removed, split at commas, empty ones dropped.
std::vector<std::string_view> split_ids(std::string_view list) {
  std::vector<std::string_view> ids;
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && !is_id_char(list[i])) ++i;
    const std::size_t begin = i;
    while (i < list.size() && is_id_char(list[i])) ++i;
    if (i > begin) ids.push_back(list.substr(begin, i - begin));
  }
  return ids;
}

// The plugin's tag characters: `[^ !@#$%^&*(),.?":{}|<>]`.
bool is_tag_char(char c) {
  return std::string_view(" !@#$%^&*(),.?\":{}|<>").find(c) == std::string_view::npos;
}

// `(^|\s)#TAG$`: where the match starts (at the space before '#', if any)
// and the tag.
bool take_trailing_tag(std::string_view& line, std::string& trailing_tags) {
  const auto m = trailing_tag(line);
  if (!m) return false;
  trailing_tags =
      trailing_tags.empty() ? std::string(m->value) : std::string(m->value) + " " + trailing_tags;
  line = js_trim(line.substr(0, m->begin));
  return true;
}

std::optional<FieldMatch> trailing_tag(std::string_view s) {
  const std::size_t start = run_start(s, is_tag_char);
  if (start == s.size() || start == 0 || s[start - 1] != '#') return std::nullopt;
  const std::size_t hash = start - 1;
  if (hash == 0) return FieldMatch{0, js_trim(s)};
  const std::size_t space = js_space_before(s, hash);
  if (space == 0) return std::nullopt;
  return FieldMatch{hash - space, js_trim(s.substr(hash))};
}

// ` \^[a-zA-Z0-9-]+$`: a block link, which the plugin takes off before the fields.
std::size_t block_link_start(std::string_view s) {
  const std::size_t start = run_start(s, [](char c) { return is_alnum(c) || c == '-'; });
  if (start == s.size() || start < 2 || s[start - 1] != '^' || s[start - 2] != ' ') {
    return s.size();
  }
  return start - 2;
}

OnCompletion on_completion_of(std::string_view value) {
  std::string lower(value);
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  if (lower == "delete") return OnCompletion::Delete;
  if (lower == "keep") return OnCompletion::Keep;
  return OnCompletion::Ignore;
}

TaskDate task_date(std::string_view written) {
  return TaskDate{text::parse_iso_date(written), written};
}

// Reads the fields from the end of `body`, as DefaultTaskSerializer.deserialize does.
void parse_emoji_fields(std::string_view body, Task& task) {
  std::string_view line = body;
  std::string trailing_tags;  // tags taken off the end, in line order, space-separated
  const auto cut = [&](std::size_t at) { line = js_trim(line.substr(0, at)); };
  const auto date = [&](std::optional<TaskDate>& field,
                        std::initializer_list<std::string_view> emojis) {
    const auto m = date_field(line, emojis);
    if (!m) return false;
    field = task_date(m->value);
    cut(m->begin);
    return true;
  };
  constexpr int kMaxRuns = 20;  // the plugin's failsafe
  bool matched = false;
  int runs = 0;
  do {
    matched = false;
    if (auto p = priority_field(line)) {
      task.priority = p->second;
      cut(p->first);
      matched = true;
    }
    matched |= date(task.done, {"✅"});
    matched |= date(task.cancelled, {"❌"});
    matched |= date(task.due, {"📅", "📆", "🗓"});
    matched |= date(task.scheduled, {"⏳", "⌛"});
    matched |= date(task.start, {"🛫"});
    matched |= date(task.created, {"➕"});
    const auto in_rule = [](char c) { return is_alnum(c) || c == ',' || c == ' ' || c == '!'; };
    if (auto m = word_field(line, "🔁", in_rule)) {
      task.recurrence = m->value;
      cut(m->begin);
      matched = true;
    }
    if (auto m = word_field(line, "🏁", is_alpha)) {
      task.on_completion = on_completion_of(m->value);
      cut(m->begin);
      matched = true;
    }
    if (take_trailing_tag(line, trailing_tags)) matched = true;
    if (auto m = word_field(line, "🆔", is_id_char)) {
      task.id = m->value;
      cut(m->begin);
      matched = true;
    }
    if (auto m = depends_on_field(line)) {
      task.depends_on = split_ids(m->value);
      cut(m->begin);
      matched = true;
    }
    ++runs;
  } while (matched && runs <= kMaxRuns);

  if (!task.recurrence.empty()) {
    task.recurrence_rule = recurrence_rule_text(task.recurrence).value_or(std::string());
  }

  // The plugin puts the tags it took off the end back onto the description.
  task.description = line;
  if (!trailing_tags.empty()) {
    if (!task.description.empty()) task.description += ' ';
    task.description += trailing_tags;
  }
}

}  // namespace detail

using namespace detail;

bool is_done(StatusType t) {
  return t == StatusType::Done || t == StatusType::Cancelled || t == StatusType::NonTask;
}

std::string_view status_type_name(StatusType t) {
  switch (t) {
    case StatusType::Todo:
      return "TODO";
    case StatusType::InProgress:
      return "IN_PROGRESS";
    case StatusType::OnHold:
      return "ON_HOLD";
    case StatusType::Done:
      return "DONE";
    case StatusType::Cancelled:
      return "CANCELLED";
    case StatusType::NonTask:
      return "NON_TASK";
    case StatusType::Empty:
      return "EMPTY";
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

std::vector<std::string> extract_tags(std::string_view text) {
  // The regex's global match: tried at each position, a match resumes the
  // search where it ends (so a tag that ends in a tab, a tag character,
  // hides a '#' right after it).
  std::vector<std::string> tags;
  const auto tag_end = [&](std::size_t hash) {
    std::size_t end = hash + 1;
    if (hash >= text.size() || text[hash] != '#') return hash;
    while (end < text.size() && is_tag_char(text[end])) ++end;
    return end == hash + 1 ? hash : end;
  };
  std::size_t p = 0;
  while (p < text.size()) {
    std::size_t hash = p;
    std::size_t end = p == 0 ? tag_end(0) : p;
    if (end == p) {
      hash = p + js_space_at(text, p);
      end = hash > p ? tag_end(hash) : hash;
    }
    if (end > hash) {
      tags.emplace_back(js_trim(text.substr(hash, end - hash)));
      p = end;
    } else {
      text::decode_utf8(text, p);
    }
  }
  return tags;
}

Task parse_task(const text::CheckboxLine& line, const TaskFormat& format) {
  Task task;
  task.indentation = line.indentation;
  task.list_marker = line.marker;
  task.status_symbol = line.status_symbol;
  const Status& status = StatusCollection::defaults().find(line.status_symbol);
  task.status = status.type;
  task.status_name = status.name;
  task.text = line.text;
  std::string_view body = js_trim(line.text);
  const std::size_t link = block_link_start(body);
  task.block_link = body.substr(link);
  body = js_trim(body.substr(0, link));
  if (format.syntax == TaskFormat::Syntax::Dataview) {
    parse_dataview_fields(body, task);
  } else {
    parse_emoji_fields(body, task);
  }
  task.tags = extract_tags(task.description);
  return task;
}

std::optional<Task> parse_task(std::string_view line, const TaskFormat& format) {
  const auto checkbox = text::checkbox_line(line);
  if (!checkbox) return std::nullopt;
  return parse_task(*checkbox, format);
}

}  // namespace kb::tasks
