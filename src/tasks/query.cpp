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
  std::string global_filter;       // what the description filter and sort leave out
  QueryLayout layout;
  std::optional<Grouper> columns;  // `view columns by KEY`: the first grouping

  // Reads one instruction; an error message when it is wrong.
  std::optional<std::string> add(std::string_view line);

 private:
  std::optional<std::string> add_limit(Cursor words, std::string_view line);
  std::optional<std::string> add_view(Cursor words);
  // Query.parseLine's layout cases; nothing when `line` is none of them.
  std::optional<std::optional<std::string>> add_layout(std::string_view line);
};

namespace {

std::string unknown(std::string_view line) {
  return "unknown instruction " + quoted(line);
}

// The plugin's /^word/i.
bool starts_with_word(std::string_view line, std::string_view word) {
  return line.size() >= word.size() && iequals(line.substr(0, word.size()), word);
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

std::optional<std::optional<std::string>> TasksQuery::Impl::add_layout(std::string_view line) {
  // Checked before limit, sort and group, as the plugin does: any line
  // starting with "short" is short mode, with "full" full mode.
  if (starts_with_word(line, "short")) {
    layout.short_mode = true;
  } else if (starts_with_word(line, "full")) {
    layout.short_mode = false;
  } else if (starts_with_word(line, "explain")) {
    layout.explain = true;
  } else if (starts_with_word(line, "ignore global query")) {
    // query_source.cpp has dropped the global query.
  } else {
    return std::nullopt;
  }
  return std::optional<std::string>();
}

std::optional<std::string> TasksQuery::Impl::add_view(Cursor words) {
  // ViewLayoutOptions.ts parseQueryViewMode.
  const std::string_view mode = words.rest();
  if (Cursor list = words; list.accept_all("list")) {
    columns.reset();
    return std::nullopt;
  }
  if (Cursor list = words; list.accept("list")) {
    return "do not understand view mode \"" + std::string(mode) + "\"";
  }
  if (words.accept("columns")) {
    if (words.at_end()) return std::string("columns view requires a grouping expression");
    const std::string_view remainder = words.rest();
    std::optional<Grouper> grouper;
    if (words.accept("by")) grouper = parse_grouper(words.rest());
    if (!grouper) return "do not understand columns grouping \"" + std::string(remainder) + "\"";
    columns = std::move(*grouper);
    return std::nullopt;
  }
  return "do not understand view mode \"" + std::string(mode) + "\"";
}

std::optional<std::string> TasksQuery::Impl::add(std::string_view line) {
  if (line.empty()) return std::nullopt;
  if (auto layout_result = add_layout(line)) return *layout_result;
  Cursor words(line);
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
  if (Cursor view = words; view.accept("view")) return add_view(view);
  for (std::string_view verb : {"hide", "show"}) {
    // /^(hide|show) +(.*)/i
    if (line.size() > verb.size() && starts_with_word(line, verb) && line[verb.size()] == ' ') {
      if (apply_show_hide(layout, trim_blanks(line.substr(verb.size())), verb == "hide")) {
        return std::nullopt;
      }
      return "do not understand hide/show option " + quoted(line);
    }
  }
  if (line.front() == '#') return std::nullopt;  // a comment
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
  const RunContext run{today, notes, dependencies ? &*dependencies : nullptr, impl_->global_filter};
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
  if (!impl_->columns) return group_items(selected, impl_->groupers, impl_->group_limit, run);
  std::vector<Grouper> groupers = {*impl_->columns};
  groupers.insert(groupers.end(), impl_->groupers.begin(), impl_->groupers.end());
  return group_items(selected, groupers, impl_->group_limit, run);
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

const QueryLayout& TasksQuery::layout() const {
  return impl_->layout;
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
