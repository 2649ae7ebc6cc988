#pragma once
// The Obsidian Tasks query language, run outside Obsidian with the plugin's
// documented semantics (filters, boolean combinations, sort, group, limit).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kb/tasks/layout.hpp"
#include "kb/tasks/query_context.hpp"
#include "kb/tasks/task_list.hpp"
#include "kb/text/date.hpp"
#include "kb/util/expected.hpp"

namespace kb::tasks {

struct TaskGroup {
  std::vector<std::string> names;  // one per `group by`, outermost first; empty when ungrouped
  std::vector<TaskItem> items;
  std::size_t count_before_limit = 0;  // items.size() before `limit groups`
};

class TasksQuery {
 public:
  // Parses query text (one instruction a line; blank lines and lines
  // starting with '#' are ignored), read with `context`: its placeholders
  // expanded with the note holding it, its presets, the Query File Defaults
  // of that note and the global query before it (kb/tasks/query_context.hpp).
  // An unknown or malformed instruction, an unknown preset or placeholder,
  // or a placeholder without a note fails with a Diagnostic whose line is
  // the 1-based line in `text` (plus first_line - 1) and whose message names
  // the instruction (line 0 for the global query and the note's properties).
  static Expected<TasksQuery> parse(std::string_view text, int first_line = 1,
                                    const QueryContext& context = {});

  // Filters, sorts (default: the plugin's default order after any `sort by`),
  // limits and groups `items`, whose notes are `notes` (by TaskItem::note).
  // `today` resolves today/tomorrow/yesterday.
  std::vector<TaskGroup> run(std::span<const TaskItem> items, std::span<const TaskNote> notes,
                             text::Date today) const;
  // The same when `items` are a part of the tasks the query is about:
  // `is blocked` and `is blocking` look for the other tasks in `all_tasks`.
  std::vector<TaskGroup> run(std::span<const TaskItem> items, std::span<const TaskNote> notes,
                             text::Date today, std::span<const TaskItem> all_tasks) const;
  std::vector<TaskGroup> run(const TaskList& list, text::Date today) const {
    return run(list.items(), list.notes, today);
  }

  // Why the plugin's search of `items` fails at run time (its error text),
  // or nothing. Only `sort by tag 0` fails so: the plugin's comparator
  // throws when it compares two tasks with tags. Callers ask before run().
  std::optional<std::string> search_failure(std::span<const TaskItem> items,
                                            std::span<const TaskNote> notes, text::Date today,
                                            std::span<const TaskItem> all_tasks) const;
  std::optional<std::string> search_failure(const TaskList& list, text::Date today) const {
    return search_failure(list.items(), list.notes, today, list.items());
  }

  // The same, flattened in output order.
  std::vector<TaskItem> select(std::span<const TaskItem> items, std::span<const TaskNote> notes,
                               text::Date today) const;
  std::vector<TaskItem> select(std::span<const TaskItem> items, std::span<const TaskNote> notes,
                               text::Date today, std::span<const TaskItem> all_tasks) const;
  std::vector<TaskItem> select(const TaskList& list, text::Date today) const {
    return select(list.items(), list.notes, today);
  }

  // A text that the path of every task this query selects includes (ignoring
  // case, as `path includes` compares): the value of a `path includes`
  // filter that every selected task must pass (one of the query's filter
  // lines, or under AND in one). Nothing when there is none. Lets a caller
  // read only the notes whose paths include it.
  std::optional<std::string_view> required_path_text() const;

  // The layout instructions (`hide`/`show`, `short mode`, `explain`), for
  // whoever draws the results.
  const QueryLayout& layout() const;

  // What `explain` prints (the plugin's explainResults): the global filter,
  // then each of the global query, the note's Query File Defaults and the
  // query itself explained as its Explainer does; relative dates resolved
  // with `today`.
  std::string explanation(text::Date today) const;

  // True when a filter compares each task with all the others (`is blocked`,
  // `is blocking`): then run() needs every task, not only the candidates.
  bool reads_other_tasks() const;

  // The regular expressions whose searches hit PCRE2's limit in the runs
  // so far (each such task counted as not matching, where JavaScript would
  // search on), with how many searches each gave up: the answer may lack
  // tasks, and callers say so.
  struct RegexGivenUp {
    std::string literal;  // "/pattern/flags"
    std::uint64_t searches;
  };
  std::vector<RegexGivenUp> regexes_given_up() const;

  TasksQuery(TasksQuery&&) noexcept;
  TasksQuery& operator=(TasksQuery&&) noexcept;
  ~TasksQuery();

 private:
  TasksQuery();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kb::tasks
