// Built-in filters other than dates: status, priority, text fields, tags,
// recurrence and sub-items.
#include "filter.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "cursor.hpp"
#include "fields.hpp"
#include "kb/tasks/regex.hpp"
#include "kb/tasks/settings.hpp"
#include "kb/tasks/statuses.hpp"
#include "kb/text/unicode.hpp"

namespace kb::tasks {
namespace {

Filter always(bool (*predicate)(const Task&)) {
  return [predicate](const TaskItem& item, const RunContext&) { return predicate(*item.task); };
}

// ---- status ---------------------------------------------------------------

std::optional<FilterResult> parse_status_filter(std::string_view line) {
  Cursor words(line);
  // StatusField.ts: their explanations name the status types.
  if (words.accept_all("done")) {
    Filter filter = always([](const Task& t) { return is_done(t.status); });
    filter.explain = [](text::Date) -> std::string {
      return "status type is DONE or CANCELLED or NON_TASK";
    };
    return filter;
  }
  if (words.accept_all("not done")) {
    Filter filter = always([](const Task& t) { return !is_done(t.status); });
    filter.explain = [](text::Date) -> std::string {
      return "status type is TODO or IN_PROGRESS or ON_HOLD";
    };
    return filter;
  }
  // StatusTypeField: a line starting with "status.type" is its own (a
  // relaxed /^(?:status\.type)/i); the rest must match its filterRegExp,
  // /^(?:status\.type) (is|is not) ([^ ]+)$/i, or the help is the error.
  if (!istarts_with(trim_blanks(line), "status.type")) return std::nullopt;
  const auto one_word = [](std::string_view s) {
    return !s.empty() && s.find(' ') == std::string_view::npos;
  };
  std::optional<StatusType> type;
  bool negate = false;
  if (words.accept("status.type")) {
    Cursor is_not = words;
    negate = is_not.accept("is not") && one_word(is_not.rest());
    if (negate) words = is_not;
    if (negate || (words.accept("is") && one_word(words.rest()))) {
      type = status_type_named(words.rest());
    }
  }
  if (type) {
    return Filter([type = *type, negate](const TaskItem& item, const RunContext&) {
      return (item.task->status == type) != negate;
    });
  }
  // StatusTypeField.helpMessage, its lines joined.
  return FilterResult::failure(
      "Invalid status.type instruction: " + quoted(line) +
      ". Allowed options: 'is' and 'is not' (without quotes). Allowed values: TODO DONE "
      "IN_PROGRESS ON_HOLD CANCELLED NON_TASK. Note: values are case-insensitive, so "
      "'in_progress' works too, for example. Example: status.type is not NON_TASK");
}

// ---- priority -------------------------------------------------------------

std::optional<FilterResult> parse_priority_filter(std::string_view line) {
  // PriorityField.priorityRegexp: /^priority(\s+is)?(\s+(above|below|not))?(\s+(...))$/i.
  Cursor words(line, Cursor::Spaces::Any);
  if (!words.accept("priority")) return std::nullopt;
  words.accept("is");
  enum class Mode { Is, Above, Below, Not } mode = Mode::Is;
  if (words.accept("above")) {
    mode = Mode::Above;
  } else if (words.accept("below")) {
    mode = Mode::Below;
  } else if (words.accept("not")) {
    mode = Mode::Not;
  }
  static constexpr std::array<Priority, 6> kPriorities = {Priority::Highest, Priority::High,
                                                          Priority::Medium,  Priority::None,
                                                          Priority::Low,     Priority::Lowest};
  for (Priority wanted : kPriorities) {
    const std::string_view written = words.rest();
    if (!words.accept_all(priority_name(wanted))) continue;
    // Lower enum values are higher priorities, as the plugin's numbers 0..5.
    Filter filter([wanted, mode](const TaskItem& item, const RunContext&) {
      Priority p = item.task->priority;
      switch (mode) {
        case Mode::Above:
          return p < wanted;
        case Mode::Below:
          return p > wanted;
        case Mode::Not:
          return p != wanted;
        case Mode::Is:
          break;
      }
      return p == wanted;
    });
    if (mode == Mode::Is) {
      // PriorityField: "priority is <the word as written>".
      filter.explain = [word = std::string(written)](text::Date) {
        std::string out = "priority is ";
        out += word;
        return out;
      };
    }
    return filter;
  }
  // PriorityField.priorityRegexp does not match: not a priority filter.
  return std::nullopt;
}

// ---- text fields ----------------------------------------------------------

using TextValue = std::string_view (*)(const TaskItem&, const RunContext&);

struct TextField {
  std::string_view name;
  TextValue value;
};

constexpr std::array<TextField, 9> kTextFields = {{
    {"status.name", [](const TaskItem& i, const RunContext&) { return i.task->status_name; }},
    {"path", [](const TaskItem& i, const RunContext& run) { return run.path(i); }},
    {"folder", [](const TaskItem& i, const RunContext& run) { return folder_of(run.path(i)); }},
    {"root", [](const TaskItem& i, const RunContext& run) { return root_of(run.path(i)); }},
    {"description",
     [](const TaskItem& i, const RunContext&) -> std::string_view { return i.task->description; }},
    {"heading", [](const TaskItem& i, const RunContext&) { return i.heading; }},
    {"filename", [](const TaskItem& i, const RunContext& run) { return filename_of(run.path(i)); }},
    // The rule as the plugin shows it ("every week on Sunday"), "" when none.
    {"recurrence",
     [](const TaskItem& i, const RunContext&) -> std::string_view {
       return i.task->recurrence_rule;
     }},
    {"id", [](const TaskItem& i, const RunContext&) { return i.task->id; }},
}};

enum class TextOp { Includes, Excludes, Matches, NotMatches };

// Reads "includes", "does not include", "regex matches" or "regex does not
// match" (and for tags also "include" and "do not include").
std::optional<TextOp> read_text_op(Cursor& words, bool plural_forms) {
  if (words.accept("includes") || (plural_forms && words.accept("include"))) {
    return TextOp::Includes;
  }
  if (words.accept("does not include") || (plural_forms && words.accept("do not include"))) {
    return TextOp::Excludes;
  }
  if (words.accept("regex matches")) return TextOp::Matches;
  if (words.accept("regex does not match")) return TextOp::NotMatches;
  return std::nullopt;
}

// A matcher over one string: case-insensitive substring or regex.
using StringMatcher = std::function<bool(std::string_view)>;
struct TextMatcher {
  StringMatcher matches;
  std::optional<RegexMatcher> regex;  // when it is one
};

Expected<TextMatcher, std::string> make_matcher(TextOp op, std::string_view value,
                                                std::string_view line) {
  using Result = Expected<TextMatcher, std::string>;
  if (op == TextOp::Includes || op == TextOp::Excludes) {
    return TextMatcher{[needle = text::fold_case(value)](std::string_view haystack) {
                         return text::fold_case(haystack).find(needle) != std::string::npos;
                       },
                       std::nullopt};
  }
  // TextField.createFilterOrErrorMessage's two messages.
  if (!RegexMatcher::is_literal(value)) {
    return Result::failure("Invalid instruction: " + quoted(line) +
                           ". Regular expressions must look like /pattern/ or /pattern/flags");
  }
  auto regex = RegexMatcher::compile(value);
  if (!regex) {
    return Result::failure(
        "Error: Parsing regular expression. The error message was: \"SyntaxError: " +
        regex.error() + "\" " + quoted(line));
  }
  return TextMatcher{[regex = *regex](std::string_view s) { return regex.matches(s); }, *regex};
}

void keep_regex(Filter& filter, const TextMatcher& matcher) {
  if (matcher.regex) filter.regexes.push_back(*matcher.regex);
}

// RegexMatcher.explanation: "using regex: " padded so that the pattern
// stands under the one in the instruction, then 'pattern' with its flags.
std::string regex_explanation(TextOp op, std::string_view literal, std::string_view line) {
  if (op != TextOp::Matches && op != TextOp::NotMatches) return {};
  const std::size_t close = literal.rfind('/');
  const std::string_view pattern = literal.substr(1, close - 1);
  std::string flags;
  for (char flag : std::string_view("dgimsuvy")) {  // RegExp.flags' order
    if (literal.substr(close + 1).find(flag) != std::string_view::npos) flags += flag;
  }
  // RegExp.source writes an unescaped '/' as '\/'.
  std::string source;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      source += pattern.substr(i++, 2);
    } else {
      if (pattern[i] == '/') source += '\\';
      source += pattern[i];
    }
  }
  std::string out = "using regex: ";
  const std::size_t slash = line.find('/');
  const std::size_t start = slash == std::string_view::npos || slash < 2 ? 0 : slash - 2;
  if (out.size() < start) out.resize(start, ' ');
  out += quoted(source);
  out += " with ";
  if (flags.empty()) {
    out += "no flags";
  } else {
    out += flags.size() == 1 ? "flag " : "flags ";
    out += quoted(flags);
  }
  return out;
}

bool negated(TextOp op) {
  return op == TextOp::Excludes || op == TextOp::NotMatches;
}

std::optional<FilterResult> parse_text_filter(std::string_view line) {
  for (const TextField& field : kTextFields) {
    Cursor words(line);
    if (!words.accept(field.name)) continue;
    std::optional<TextOp> op = read_text_op(words, false);
    if (!op || words.at_end()) return std::nullopt;
    auto matcher = make_matcher(*op, words.rest(), line);
    if (!matcher) return FilterResult::failure(matcher.error());
    const std::string explanation = regex_explanation(*op, words.rest(), line);
    Filter filter(
        [value = field.value, matcher = matcher->matches, negate = negated(*op),
         description = field.name == "description"](const TaskItem& item, const RunContext& run) {
          if (description && !run.global_filter.empty()) {  // the plugin's DescriptionField.value
            return matcher(description_without_global_filter(item.task->description,
                                                             run.global_filter)) != negate;
          }
          return matcher(value(item, run)) != negate;
        });
    if (!explanation.empty())
      filter.explain = [explanation](text::Date) { return std::string(explanation); };
    if (field.name == "path" && op == TextOp::Includes) {
      filter.required_path_texts.emplace_back(words.rest());
    }
    keep_regex(filter, *matcher);
    return filter;
  }
  return std::nullopt;
}

std::optional<FilterResult> parse_tag_filter(std::string_view line) {
  Cursor words(line);
  if (words.accept_all("has tags") || words.accept_all("has tag")) {
    return always([](const Task& t) { return !t.tags.empty(); });
  }
  if (words.accept_all("no tags") || words.accept_all("no tag")) {
    return always([](const Task& t) { return t.tags.empty(); });
  }
  if (!words.accept("tags") && !words.accept("tag")) return std::nullopt;
  std::optional<TextOp> op = read_text_op(words, true);
  if (!op || words.at_end()) return std::nullopt;
  auto matcher = make_matcher(*op, words.rest(), line);
  if (!matcher) return FilterResult::failure(matcher.error());
  const std::string explanation = regex_explanation(*op, words.rest(), line);
  // The search succeeds when any one tag matches ("#" is optional: "home"
  // is a substring of "#home").
  Filter filter(
      [matcher = matcher->matches, negate = negated(*op)](const TaskItem& item, const RunContext&) {
        bool any = false;
        for (std::string_view tag : item.task->tags) any = any || matcher(tag);
        return any != negate;
      });
  if (!explanation.empty())
    filter.explain = [explanation](text::Date) { return std::string(explanation); };
  keep_regex(filter, *matcher);
  return filter;
}

// ---- the rest -------------------------------------------------------------

// Task.isBlocked: not done, and depends on a task that is not done.
bool is_blocked(const Task& t, const Dependencies& d) {
  if (t.depends_on.empty() || is_done(t.status)) return false;
  return std::any_of(t.depends_on.begin(), t.depends_on.end(),
                     [&](std::string_view id) { return d.open_ids.count(id) > 0; });
}

// Task.isBlocking: not done, and a task that is not done depends on it.
bool is_blocking(const Task& t, const Dependencies& d) {
  if (t.id.empty() || is_done(t.status)) return false;
  return d.open_dependencies.count(t.id) > 0;
}

// `exclude sub-items` keeps tasks without indentation, and tasks in a
// blockquote or callout with at most one space after the last '>'
// (ExcludeSubItemsField.ts).
bool is_top_level(const Task& t) {
  const std::string_view indentation = t.indentation;
  if (indentation.empty()) return true;
  const std::size_t last_quote = indentation.rfind('>');
  if (last_quote == std::string_view::npos) return false;
  const std::string_view after = indentation.substr(last_quote + 1);
  return after.empty() || after == " ";
}

std::optional<FilterResult> parse_other_filter(std::string_view line) {
  Cursor words(line);
  if (words.accept_all("is recurring")) return always(is_recurring);
  if (words.accept_all("is not recurring")) {
    return always([](const Task& t) { return !is_recurring(t); });
  }
  if (words.accept_all("exclude sub-items")) return always(is_top_level);
  if (words.accept_all("has id")) return always([](const Task& t) { return !t.id.empty(); });
  if (words.accept_all("no id")) return always([](const Task& t) { return t.id.empty(); });
  if (words.accept_all("has depends on")) {
    return always([](const Task& t) { return !t.depends_on.empty(); });
  }
  if (words.accept_all("no depends on")) {
    return always([](const Task& t) { return t.depends_on.empty(); });
  }
  for (const auto& [instruction, blocks, wants] :
       {std::tuple{"is blocked", false, true}, std::tuple{"is not blocked", false, false},
        std::tuple{"is blocking", true, true}, std::tuple{"is not blocking", true, false}}) {
    if (!Cursor(line).accept_all(instruction)) continue;
    // Copies: clang 14 cannot capture structured bindings (C++20 allows it).
    const bool blocking = blocks;
    const bool wanted = wants;
    Filter filter([blocking, wanted](const TaskItem& item, const RunContext& run) {
      if (run.dependencies == nullptr) return !wanted;
      const Task& t = *item.task;
      return (blocking ? is_blocking(t, *run.dependencies) : is_blocked(t, *run.dependencies)) ==
             wanted;
    });
    filter.reads_other_tasks = true;
    return filter;
  }
  if (words.accept("filter by function")) {
    return FilterResult::failure("'filter by function' (JavaScript) is not supported: " +
                                 quoted(line));
  }
  return std::nullopt;
}

}  // namespace

Dependencies::Dependencies(std::span<const TaskItem> all) {
  for (const TaskItem& item : all) {
    const Task& t = *item.task;
    if (is_done(t.status)) continue;
    if (!t.id.empty()) open_ids.insert(t.id);
    open_dependencies.insert(t.depends_on.begin(), t.depends_on.end());
  }
}

std::optional<FilterResult> parse_builtin_filter(std::string_view line, const DateClock& clock) {
  // The plugin's order: status before dates, so that "done" alone is the status.
  for (auto parse : {parse_status_filter, parse_other_filter, parse_priority_filter}) {
    if (auto result = parse(line)) return result;
  }
  if (auto result = parse_date_filter(line, clock)) return result;
  for (auto parse : {parse_text_filter, parse_tag_filter}) {
    if (auto result = parse(line)) return result;
  }
  return std::nullopt;
}

FilterResult parse_filter(std::string_view line, const DateClock& clock) {
  if (auto result = parse_builtin_filter(line, clock)) return std::move(*result);
  if (auto result = parse_boolean_filter(line, clock)) return std::move(*result);
  return FilterResult::failure(do_not_understand_query(line));
}

std::string do_not_understand_query(std::string_view line) {
  return "do not understand query " + quoted(line);
}

}  // namespace kb::tasks
