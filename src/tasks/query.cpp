// The Tasks query: instruction lines in, filtered/sorted/limited/grouped
// tasks out. The instructions themselves live in tasks_filter, tasks_sort
// and tasks_group; this file reads the lines and runs the pipeline in the
// plugin's order: filter, sort, limit, group, limit groups.
#include "kb/tasks/query.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <utility>

#include "cursor.hpp"
#include "filter.hpp"
#include "group.hpp"
#include "query_source.hpp"
#include "sort.hpp"

namespace kb::tasks {

struct TasksQuery::Impl {
  std::vector<Filter> filters;  // all must match
  std::vector<Sorter> sorters;
  std::vector<Grouper> groupers;
  std::optional<std::size_t> limit;
  std::optional<std::size_t> group_limit;
  bool reads_other_tasks = false;  // a filter compares tasks with the others
  std::string global_filter;  // what the description filter and sort leave out

  // Reads one instruction; an error message when it is wrong.
  std::optional<std::string> add(std::string_view line);

 private:
  std::optional<std::string> add_limit(Cursor words, std::string_view line);
};

namespace {

std::string unknown(std::string_view line) {
  return "unknown instruction " + quoted(line);
}

// Layout instructions change only how Obsidian draws the results.
bool is_layout_instruction(Cursor words) {
  for (std::string_view exact :
       {"short mode", "short", "full mode", "full", "explain", "ignore global query"}) {
    if (Cursor(words).accept_all(exact)) return true;
  }
  return (words.accept("hide") || words.accept("show")) && !words.at_end();
}

std::optional<std::size_t> read_count(std::string_view digits) {
  if (digits.empty() || digits.size() > 9) return std::nullopt;
  std::size_t n = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  return n;
}

}  // namespace

std::optional<std::string> TasksQuery::Impl::add_limit(Cursor words, std::string_view line) {
  // limit N | limit to N tasks | limit groups N | limit groups to N tasks
  bool groups = words.accept("groups");
  words.accept("to");
  std::string_view rest = words.rest();
  std::size_t digits_end = rest.find_first_of(" \t");
  std::optional<std::size_t> count = read_count(rest.substr(0, digits_end));
  Cursor after(digits_end == std::string_view::npos ? "" : rest.substr(digits_end));
  if (!count || !(after.at_end() || after.accept_all("tasks") || after.accept_all("task"))) {
    return "do not understand query limit " + quoted(line);
  }
  (groups ? group_limit : limit) = count;
  return std::nullopt;
}

std::optional<std::string> TasksQuery::Impl::add(std::string_view line) {
  if (line.empty() || line.front() == '#') return std::nullopt;  // blank or comment
  Cursor words(line);
  if (is_layout_instruction(words)) return std::nullopt;
  if (Cursor limit_words = words; limit_words.accept("limit")) {
    return add_limit(limit_words, line);
  }
  for (std::string_view verb : {"sort by", "group by"}) {
    Cursor key = words;
    if (!key.accept(verb)) continue;
    if (key.accept("function")) {
      std::string message = quoted(std::string(verb) + " function");
      return message + " (JavaScript) is not supported: " + quoted(line);
    }
    if (verb == "sort by") {
      auto sorter = parse_sorter(key.rest());
      if (!sorter) return unknown(line);
      sorters.push_back(std::move(*sorter));
    } else {
      auto grouper = parse_grouper(key.rest());
      if (!grouper) return unknown(line);
      groupers.push_back(*grouper);
    }
    return std::nullopt;
  }
  FilterResult filter = parse_filter(line);
  if (!filter) return filter.error();
  reads_other_tasks = reads_other_tasks || filter->reads_other_tasks;
  filters.push_back(std::move(*filter));
  return std::nullopt;
}

TasksQuery::TasksQuery() : impl_(std::make_unique<Impl>()) {}
TasksQuery::TasksQuery(TasksQuery&&) noexcept = default;
TasksQuery& TasksQuery::operator=(TasksQuery&&) noexcept = default;
TasksQuery::~TasksQuery() = default;

Expected<TasksQuery> TasksQuery::parse(std::string_view text, int first_line,
                                       const QueryContext& context) {
  // Statements, placeholders, presets, the global query: query_source.cpp.
  auto instructions = query_instructions(text, first_line, context);
  if (!instructions) return Expected<TasksQuery>::failure(std::move(instructions.error()));
  TasksQuery query;
  if (context.settings != nullptr) query.impl_->global_filter = context.settings->global_filter;
  for (const Instruction& instruction : *instructions) {
    if (std::optional<std::string> error = query.impl_->add(instruction.text)) {
      return Expected<TasksQuery>::failure(instruction_error(instruction, std::move(*error)));
    }
  }
  return query;
}

std::vector<TaskGroup> TasksQuery::run(std::span<const TaskItem> items,
                                       std::span<const TaskNote> notes, text::Date today) const {
  return run(items, notes, today, items);
}

std::vector<TaskGroup> TasksQuery::run(std::span<const TaskItem> items,
                                       std::span<const TaskNote> notes, text::Date today,
                                       std::span<const TaskItem> all_tasks) const {
  std::optional<Dependencies> dependencies;
  if (impl_->reads_other_tasks) dependencies.emplace(all_tasks);
  const RunContext run{today, notes, dependencies ? &*dependencies : nullptr,
                       impl_->global_filter};
  std::vector<TaskItem> selected;
  for (const TaskItem& item : items) {
    if (item.task == nullptr) continue;
    bool keep = true;
    for (const Filter& filter : impl_->filters) {
      if (!filter(item, run)) {
        keep = false;
        break;
      }
    }
    if (keep) selected.push_back(item);
  }
  sort_items(selected, impl_->sorters, run);
  if (impl_->limit && selected.size() > *impl_->limit) selected.resize(*impl_->limit);
  return group_items(selected, impl_->groupers, impl_->group_limit, run);
}

std::vector<TaskItem> TasksQuery::select(std::span<const TaskItem> items,
                                         std::span<const TaskNote> notes, text::Date today) const {
  return select(items, notes, today, items);
}

std::vector<TaskItem> TasksQuery::select(std::span<const TaskItem> items,
                                         std::span<const TaskNote> notes, text::Date today,
                                         std::span<const TaskItem> all_tasks) const {
  std::vector<TaskItem> flat;
  for (TaskGroup& group : run(items, notes, today, all_tasks)) {
    flat.insert(flat.end(), group.items.begin(), group.items.end());
  }
  return flat;
}

bool TasksQuery::reads_other_tasks() const {
  return impl_->reads_other_tasks;
}

std::optional<std::string_view> TasksQuery::required_path_text() const {
  for (const Filter& filter : impl_->filters) {
    if (!filter.required_path_texts.empty()) return filter.required_path_texts.front();
  }
  return std::nullopt;
}

}  // namespace kb::tasks
