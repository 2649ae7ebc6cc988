// The Tasks query: instruction lines in, filtered/sorted/limited/grouped
// tasks out. The instructions themselves live in tasks_filter, tasks_sort
// and tasks_group; this file reads the lines and runs the pipeline in the
// plugin's order: filter, sort, limit, group, limit groups.
#include "kb/tasks/query.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cursor.hpp"
#include "query_impl.hpp"
#include "query_source.hpp"

namespace kb::tasks {

bool TasksQuery::Impl::add_limit(std::string_view line) {
  // Query.limitRegexp, /^limit (groups )?(to )?(\d+)( tasks?)?/i: not
  // anchored at the end, so "limit 5 tasks please" is "limit 5". A line
  // that does not match goes on to be read as the other instructions.
  if (!istarts_with(line, "limit ")) return false;
  std::string_view rest = line.substr(6);
  const bool groups = istarts_with(rest, "groups ");
  if (groups) rest.remove_prefix(7);
  if (istarts_with(rest, "to ")) rest.remove_prefix(3);
  std::size_t digits = 0;
  while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
  if (digits == 0) return false;
  std::size_t count = 0;  // Number.parseInt: a huge count is no limit at all
  for (char c : rest.substr(0, digits)) {
    count = count > 1'000'000'000'000 ? count : count * 10 + static_cast<std::size_t>(c - '0');
  }
  (groups ? group_limit : limit) = count;
  (groups ? explained.back().group_limit : explained.back().limit) = count;
  return true;
}

std::optional<std::optional<std::string>> TasksQuery::Impl::add_layout(std::string_view line) {
  // Checked before limit, sort and group, as the plugin does: any line
  // starting with "short" is short mode, with "full" full mode.
  if (istarts_with(line, "short")) {
    layout.short_mode = true;
    explained.back().layouts.push_back(statement);
  } else if (istarts_with(line, "full")) {
    layout.short_mode = false;
    explained.back().layouts.push_back(statement);
  } else if (istarts_with(line, "explain")) {
    layout.explain = true;  // not explained, as in the plugin
  } else if (istarts_with(line, "ignore global query")) {
    // query_source.cpp has dropped the global query.
    explained.back().ignore_global_query = explained.back().from != Instruction::From::GlobalQuery;
  } else {
    return std::nullopt;
  }
  return std::optional<std::string>();
}

std::optional<std::string> TasksQuery::Impl::add_view(std::string_view mode) {
  // ViewLayoutOptions.ts parseQueryViewMode: the mode is the first word.
  mode = trim_blanks(mode);
  const std::size_t space = mode.find(' ');
  const std::string_view word = mode.substr(0, space);
  const std::string_view remainder =
      space == std::string_view::npos ? std::string_view() : trim_blanks(mode.substr(space + 1));
  if (iequals(word, "list") && remainder.empty()) {
    columns.reset();
    explained.back().layouts.push_back(statement);
    return std::nullopt;
  }
  if (iequals(word, "columns")) {
    if (remainder.empty()) return std::string("columns view requires a grouping expression");
    // The remainder read as "group " + remainder: "by priority".
    std::string instruction = "group ";
    instruction += remainder;
    std::optional<Grouper> grouper = parse_grouper(instruction);
    if (!grouper) return "do not understand columns grouping \"" + std::string(remainder) + "\"";
    columns = *grouper;
    explained.back().layouts.push_back(statement);
    return std::nullopt;
  }
  return "do not understand view mode \"" + std::string(mode) + "\"";
}

namespace {

// /^(hide|show|view) +/i: the word, then at least one space.
std::optional<std::string_view> after_word(std::string_view line, std::string_view word) {
  if (line.size() <= word.size() || !istarts_with(line, word) || line[word.size()] != ' ') {
    return std::nullopt;
  }
  return line.substr(word.size() + 1);
}

std::optional<std::string> javascript_refusal(std::string_view line) {
  // FunctionField: /^sort by function( reverse)? (.*)/i and its group by twin.
  for (std::string_view verb : {"sort by function", "group by function"}) {
    if (!istarts_with(line, verb)) continue;
    std::string_view after = line.substr(verb.size());
    if (istarts_with(after, " reverse")) after.remove_prefix(8);
    if (!after.empty() && after.front() != ' ') continue;
    return quoted(verb) + " (JavaScript) is not supported: " + quoted(line);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> TasksQuery::Impl::add(std::string_view line) {
  // Query.parseLine: the first of these readings that accepts the line.
  if (line.empty()) return std::nullopt;
  if (auto layout_result = add_layout(line)) return *layout_result;
  if (add_limit(line)) return std::nullopt;
  if (auto refusal = javascript_refusal(line)) return refusal;
  if (auto sorter = parse_sorter(line)) {
    sorters.push_back(std::move(*sorter));
    explained.back().sorts.push_back(statement);
    return std::nullopt;
  }
  if (auto grouper = parse_grouper(line)) {
    groupers.push_back(*grouper);
    explained.back().groups.push_back(statement);
    return std::nullopt;
  }
  if (auto mode = after_word(line, "view")) return add_view(*mode);
  for (std::string_view verb : {"hide", "show"}) {
    // /^(hide|show) +(.*)/i
    if (auto option = after_word(line, verb)) {
      if (apply_show_hide(layout, trim_blanks(*option), verb == "hide")) {
        explained.back().layouts.push_back(statement);
        return std::nullopt;
      }
      return "do not understand hide/show option " + quoted(line);
    }
  }
  if (line.front() == '#') return std::nullopt;  // a comment
  FilterResult filter = parse_filter(line, clock);
  if (!filter) return filter.error();
  reads_other_tasks = reads_other_tasks || filter->reads_other_tasks;
  explained.back().filters.emplace_back(statement, filter->explain);
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
  if (!instructions) return Expected<TasksQuery>::failure(instructions.error());
  TasksQuery query;
  if (context.settings != nullptr) {
    query.impl_->global_filter = context.settings->global_filter;
    query.impl_->clock = context.settings->clock;
  }
  auto& explained = query.impl_->explained;
  for (const Instruction& instruction : *instructions) {
    if (explained.empty() || explained.back().from != instruction.from) {
      explained.emplace_back();
      explained.back().from = instruction.from;
    }
    const bool written = !trim_blanks(instruction.source).empty();
    query.impl_->statement = {written ? instruction.raw : instruction.text,
                              written ? instruction.source : instruction.text, instruction.text};
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

namespace {

// The items every filter keeps, in their order.
std::vector<TaskItem> filtered(std::span<const TaskItem> items, const std::vector<Filter>& filters,
                               const RunContext& run) {
  std::vector<TaskItem> selected;
  for (const TaskItem& item : items) {
    if (item.task == nullptr) continue;
    const bool keep = std::all_of(filters.begin(), filters.end(),
                                  [&](const Filter& filter) { return filter(item, run); });
    if (keep) selected.push_back(item);
  }
  return selected;
}

}  // namespace

std::optional<std::string> TasksQuery::search_failure(std::span<const TaskItem> items,
                                                      std::span<const TaskNote> notes,
                                                      text::Date today,
                                                      std::span<const TaskItem> all_tasks) const {
  const bool may_throw = std::any_of(impl_->sorters.begin(), impl_->sorters.end(),
                                     [](const Sorter& s) { return s.throws_on_two_tagged; });
  if (!may_throw) return std::nullopt;
  std::optional<Dependencies> dependencies;
  if (impl_->reads_other_tasks) dependencies.emplace(all_tasks);
  const RunContext run{today, notes, dependencies ? &*dependencies : nullptr, impl_->global_filter};
  if (!sort_throws(filtered(items, impl_->filters, run), impl_->sorters, run)) return std::nullopt;
  // Query.applyQueryToTasks' catch (errorMessageForException), its lines joined.
  return "Error: Search failed. The error message was: \"TypeError: Cannot read properties of "
         "undefined (reading 'localeCompare')\"";
}

std::vector<TaskGroup> TasksQuery::run(std::span<const TaskItem> items,
                                       std::span<const TaskNote> notes, text::Date today,
                                       std::span<const TaskItem> all_tasks) const {
  std::optional<Dependencies> dependencies;
  if (impl_->reads_other_tasks) dependencies.emplace(all_tasks);
  const RunContext run{today, notes, dependencies ? &*dependencies : nullptr, impl_->global_filter};
  std::vector<TaskItem> selected = filtered(items, impl_->filters, run);
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

std::vector<TasksQuery::RegexGivenUp> TasksQuery::regexes_given_up() const {
  std::vector<RegexGivenUp> given_up;
  for (const Filter& filter : impl_->filters) {
    for (const RegexMatcher& regex : filter.regexes) {
      if (const std::uint64_t n = regex.searches_given_up(); n > 0)
        given_up.push_back({regex.literal(), n});
    }
  }
  return given_up;
}

std::optional<std::string_view> TasksQuery::required_path_text() const {
  for (const Filter& filter : impl_->filters) {
    if (!filter.required_path_texts.empty()) return filter.required_path_texts.front();
  }
  return std::nullopt;
}

}  // namespace kb::tasks
