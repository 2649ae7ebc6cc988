#pragma once
// `sort by` instructions and the plugin's default order.
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "filter.hpp"
#include "kb/tasks/query.hpp"

namespace kb::tasks {

// Negative when a sorts first, as the plugin's comparators.
using Comparator = std::function<int(const TaskItem&, const TaskItem&, const RunContext&)>;

// A text sorter's key for an item (collation_key of its text): keys in
// byte order are in the comparator's order, and are built once per sort.
using SortKey = std::function<std::string(const TaskItem&, const RunContext&)>;

struct Sorter {
  Comparator compare;
  bool reverse = false;
  // `sort by tag 0`: the plugin's comparator reads tags[-1], undefined, and
  // throws when it compares two tasks that have tags (TagsField.ts).
  bool throws_on_two_tagged = false;
  SortKey key;  // empty: the comparator alone (dates, numbers)
};

// A "sort by" line ("sort by due reverse", "sort by tag 2"); nothing when
// no field of the plugin reads it.
std::optional<Sorter> parse_sorter(std::string_view line);

// Stable: the user's sorters first, then the plugin's default order (status
// type, urgency, due date, priority, path), then path and line, so that equal
// keys keep a deterministic order.
void sort_items(std::vector<TaskItem>& items, const std::vector<Sorter>& sorters,
                const RunContext& run);

// True when the plugin's sort of `items` by `sorters` throws: a sorter
// that throws_on_two_tagged would compare two tasks with tags, because the
// sorters before it leave them equal. (Any comparison sort compares the
// tasks that end up next to each other, and such tasks sort together.)
bool sort_throws(std::span<const TaskItem> items, const std::vector<Sorter>& sorters,
                 const RunContext& run);

}  // namespace kb::tasks
