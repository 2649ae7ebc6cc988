#pragma once
// A parsed Tasks query's state: its instructions and what `explain` says
// about each of the queries that run together. Private to src/tasks: query.cpp
// reads the lines into it, query_explain.cpp words the explanation.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "filter.hpp"
#include "group.hpp"
#include "kb/tasks/query.hpp"
#include "query_source.hpp"
#include "sort.hpp"

namespace kb::tasks {

// What `explain` says about one query of the ones that run together (the
// global query, the Query File Defaults, the block itself), as the plugin
// keeps them: separate Query objects explained one after the other.
struct ExplainedStatement {
  std::string raw;     // its lines as written
  std::string source;  // continuation lines joined
  std::string text;    // as it runs (placeholders expanded)
};

struct ExplainedQuery {
  Instruction::From from = Instruction::From::Query;
  std::vector<std::pair<ExplainedStatement, std::function<std::string(text::Date)>>> filters;
  std::vector<ExplainedStatement> groups, sorts, layouts;
  std::optional<std::size_t> limit, group_limit;
  bool ignore_global_query = false;
};

struct TasksQuery::Impl {
  std::vector<Filter> filters;  // all must match
  std::vector<Sorter> sorters;
  std::vector<Grouper> groupers;
  std::optional<std::size_t> limit;
  std::optional<std::size_t> group_limit;
  bool reads_other_tasks = false;  // a filter compares tasks with the others
  std::string global_filter;       // what the description filter and sort leave out
  DateClock clock;                 // chrono's reference and zone (the settings')
  QueryLayout layout;
  std::optional<Grouper> columns;         // `view columns by KEY`: the first grouping
  std::vector<ExplainedQuery> explained;  // the last one is the instruction being read
  ExplainedStatement statement;           // the instruction being read

  // Reads one instruction; an error message when it is wrong.
  std::optional<std::string> add(std::string_view line);

 private:
  // Reads a `limit` line; false when the line is not one.
  bool add_limit(std::string_view line);
  std::optional<std::string> add_view(std::string_view mode);
  // Query.parseLine's layout cases; nothing when `line` is none of them.
  std::optional<std::optional<std::string>> add_layout(std::string_view line);
};

}  // namespace kb::tasks
