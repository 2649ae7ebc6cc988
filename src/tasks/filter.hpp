#pragma once
// Filter instructions of the Tasks query language: the built-in filters
// (status, dates, priority, text fields, tags, ...) and their Boolean
// combinations.
#include <concepts>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_set>
#include <utility>
#include <vector>

#include "kb/tasks/date_clock.hpp"
#include "kb/tasks/query.hpp"
#include "kb/tasks/regex.hpp"
#include "kb/text/date.hpp"
#include "kb/util/expected.hpp"

namespace kb::tasks {

// Which tasks others depend on, among all the tasks a query is given
// (Task.isBlocked / isBlocking take `allTasks`).
struct Dependencies {
  std::unordered_set<std::string_view> open_ids;           // 🆔 of tasks not done
  std::unordered_set<std::string_view> open_dependencies;  // ⛔ ids of tasks not done

  explicit Dependencies(std::span<const TaskItem> all);
};

// What a query needs to know at run time: today (relative dates, urgency),
// the notes the tasks refer to and, for the filters that compare a task with
// the others, the dependencies among all tasks.
struct RunContext {
  text::Date today;
  std::span<const TaskNote> notes;
  const Dependencies* dependencies = nullptr;
  std::string_view global_filter;  // the Tasks settings'; "" when none

  // The item's note; an empty one when the item names none.
  const TaskNote& note(const TaskItem& item) const {
    static const TaskNote kNone;
    const auto i = static_cast<std::size_t>(item.note);
    return item.note >= 0 && i < notes.size() ? notes[i] : kNone;
  }
  std::string_view path(const TaskItem& item) const { return note(item).path; }
};

using Predicate = std::function<bool(const TaskItem&, const RunContext&)>;

// A filter instruction: its test, and what it tells about every task it accepts.
struct Filter {
  Predicate test;
  // Values of `path includes` filters that every accepted task passes.
  std::vector<std::string> required_path_texts;
  // The filter looks at other tasks (`is blocked`, `is blocking`).
  bool reads_other_tasks = false;
  // The regular expressions it runs (to tell when one gave up a search).
  std::vector<RegexMatcher> regexes;
  // How `explain` describes it when that is not the instruction itself
  // (Explanation.asString: one line, or lines indented by two per level).
  std::function<std::string(text::Date today)> explain;

  Filter() = default;
  template <typename F>
  requires(!std::same_as<std::remove_cvref_t<F>, Filter> &&
           std::is_invocable_r_v<bool, F&, const TaskItem&, const RunContext&>) Filter(F f)
      : test(std::move(f)) {}  // NOLINT(google-explicit-constructor): a lambda is a filter

  bool operator()(const TaskItem& item, const RunContext& run) const { return test(item, run); }
};
using FilterResult = Expected<Filter, std::string>;

// One filter line (trimmed, continuations joined): a built-in filter, else a
// Boolean combination, else do_not_understand_query(line).
// Dates are read with `clock` (kb/tasks/date_clock.hpp).
FilterResult parse_filter(std::string_view line, const DateClock& clock);

// The plugin's message for a line no instruction reads, with the line.
std::string do_not_understand_query(std::string_view line);

// A built-in filter; nothing when the line is not one (so that the caller
// can try other readings), a failure when it is one but malformed.
std::optional<FilterResult> parse_builtin_filter(std::string_view line, const DateClock& clock);

// The date filters ("due before tomorrow", "has start date", ...); as above.
// Defined in tasks_date_filter.cpp.
std::optional<FilterResult> parse_date_filter(std::string_view line, const DateClock& clock);

// A Boolean combination such as "(done) OR (due today)"; nothing when the
// line does not look like one. Defined in tasks_boolean.cpp.
std::optional<FilterResult> parse_boolean_filter(std::string_view line, const DateClock& clock);

}  // namespace kb::tasks
