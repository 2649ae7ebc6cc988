// Recurrence rules as the plugin reads them: Recurrence.fromText takes
// `^([a-zA-Z0-9, !]+?)( when done)?$`, hands the rule to the rrule library's
// English parser (rrule 2.8, src/nlp/parsetext.ts: rrule_tokens.cpp,
// rrule_parse.cpp) and shows it with rrule's toText (src/nlp/totext.ts:
// rrule_text.cpp).
#include "kb/tasks/recurrence.hpp"

#include <algorithm>

#include "rrule_options.hpp"
#include "rrule_tokens.hpp"

namespace kb::tasks {
namespace {

bool is_rule_char(char c) {
  return rrule::is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ',' ||
         c == ' ' || c == '!';
}

}  // namespace

std::optional<std::string> recurrence_rule_text(std::string_view rule) {
  // ^([a-zA-Z0-9, !]+?)( when done)?$ (case-insensitive)
  if (rule.empty() || !std::all_of(rule.begin(), rule.end(), is_rule_char)) return std::nullopt;
  bool when_done = false;
  constexpr std::string_view kWhenDone = " when done";
  if (rule.size() > kWhenDone.size() &&
      rrule::starts_with_word(rule.substr(rule.size() - kWhenDone.size()), kWhenDone)) {
    rule.remove_suffix(kWhenDone.size());
    when_done = true;
  }
  while (!rule.empty() && rule.front() == ' ') rule.remove_prefix(1);
  while (!rule.empty() && rule.back() == ' ') rule.remove_suffix(1);
  const std::optional<rrule::Options> options = rrule::parse_rule(rule);
  if (!options) return std::nullopt;  // the plugin: "Could not read recurrence rule"
  std::string text = rrule::rule_text(*options);
  if (when_done) text += " when done";
  return text;
}

}  // namespace kb::tasks
