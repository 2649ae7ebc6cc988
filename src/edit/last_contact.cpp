// kb regen's edit of `last_contact`: one line of the front-matter, found by
// its top-level key, rewritten in place; refused when the value is a form
// (block scalar, flow collection, anchor...) that a line edit could break.
#include "last_contact.hpp"

namespace kb::edit::detail {
namespace {

// A top-level `key:` line; `colon` is set to the ':' offset.
bool is_key_line(std::string_view content, std::string_view key, std::size_t& colon) {
  if (!content.starts_with(key)) return false;
  std::size_t i = key.size();
  while (i < content.size() && is_blank(content[i])) ++i;
  if (i >= content.size() || content[i] != ':') return false;
  if (i + 1 < content.size() && !is_blank(content[i + 1])) return false;
  colon = i;
  return true;
}

bool continues_entry(std::string_view content) {
  return !content.empty() && (is_blank(content[0]) || content == "-" || content.starts_with("- "));
}

// The edited line, or nullopt when the value has a form that is not safe to edit.
std::optional<std::string> with_new_value(std::string_view content, std::size_t colon,
                                          std::string_view date, bool value_on_next_lines) {
  std::size_t v = colon + 1;
  while (v < content.size() && is_blank(content[v])) ++v;
  std::string out(content);
  if (v == content.size() || content[v] == '#') {
    if (value_on_next_lines) return std::nullopt;
    return out.insert(colon + 1, " \"" + std::string(date) + "\"");
  }
  const char first = content[v];
  if (first == '"' || first == '\'') {
    std::size_t j = v + 1;
    while (j < content.size()) {
      if (first == '"' && content[j] == '\\') {
        j += 2;
      } else if (content[j] == first) {
        if (first == '\'' && j + 1 < content.size() && content[j + 1] == '\'') {
          j += 2;  // '' is an escaped quote
        } else {
          break;
        }
      } else {
        ++j;
      }
    }
    if (j >= content.size()) return std::nullopt;
    return out.replace(v + 1, j - v - 1, date);
  }
  if (std::string_view("[{|>&*!%@`").find(first) != std::string_view::npos) return std::nullopt;
  std::size_t end = v;
  while (end < content.size() && !(content[end] == '#' && is_blank(content[end - 1]))) ++end;
  while (end > v && is_blank(content[end - 1])) --end;
  return out.replace(v, end - v, date);
}

}  // namespace

std::optional<Diagnostic> plan_last_contact(std::string_view text,
                                            const text::FrontMatterSplit& split,
                                            std::string_view date, const std::string& eol,
                                            std::vector<Replacement>& plan) {
  if (!split.present || !split.terminated) return std::nullopt;
  std::optional<Line> key_line;
  std::size_t key_colon = 0;
  bool value_on_next_lines = false;
  std::optional<std::size_t> after_title;
  bool in_title = false;
  int line_number = split.yaml_first_line;
  for (std::size_t pos = split.yaml_begin; pos < split.yaml_end; ++line_number) {
    const Line line = line_at(text, pos);
    pos = line.next;
    std::size_t colon = 0;
    if (key_line && key_line->next == line.begin && continues_entry(line.content)) {
      value_on_next_lines = true;
    }
    if (is_key_line(line.content, "last_contact", colon)) {
      if (key_line) return refusal(line_number, "front-matter has two last_contact keys");
      key_line = line;
      key_colon = colon;
    }
    if (in_title && !is_blank_line(line.content) && !continues_entry(line.content))
      in_title = false;
    if (is_key_line(line.content, "title", colon)) in_title = true;
    if (in_title && !is_blank_line(line.content)) after_title = line.next;
  }
  if (!key_line) {
    const std::size_t at = after_title.value_or(split.yaml_end);
    plan.push_back({{at, at}, "last_contact: \"" + std::string(date) + "\"" + eol});
    return std::nullopt;
  }
  auto edited = with_new_value(key_line->content, key_colon, date, value_on_next_lines);
  if (!edited) {
    return refusal(line_number_at(text, key_line->begin),
                   "front-matter last_contact has a form kb cannot update; edit it by hand");
  }
  plan.push_back(
      {{key_line->begin, key_line->begin + key_line->content.size()}, std::move(*edited)});
  return std::nullopt;
}

}  // namespace kb::edit::detail
