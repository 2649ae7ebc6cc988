#pragma once
// Filter instructions of the Tasks query language: the built-in filters
// (status, dates, priority, text fields, tags, ...) and their Boolean
// combinations.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "kb/query/tasks_query.hpp"
#include "kb/text/date.hpp"
#include "kb/util/expected.hpp"

namespace kb::query::tasks {

// What a query needs to know at run time (relative dates, urgency).
struct RunContext {
  text::Date today;
};

using Filter = std::function<bool(const TaskItem&, const RunContext&)>;
using FilterResult = Expected<Filter, std::string>;

// One filter line (trimmed, continuations joined): a built-in filter, else a
// Boolean combination, else "unknown instruction '<line>'".
FilterResult parse_filter(std::string_view line);

// A built-in filter; nothing when the line is not one (so that the caller
// can try other readings), a failure when it is one but malformed.
std::optional<FilterResult> parse_builtin_filter(std::string_view line);

// The date filters ("due before tomorrow", "has start date", ...); as above.
// Defined in tasks_date_filter.cpp.
std::optional<FilterResult> parse_date_filter(std::string_view line);

// A Boolean combination such as "(done) OR (due today)"; nothing when the
// line does not look like one. Defined in tasks_boolean.cpp.
std::optional<FilterResult> parse_boolean_filter(std::string_view line);

}  // namespace kb::query::tasks
