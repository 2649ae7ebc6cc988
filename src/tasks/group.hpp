#pragma once
// `group by` instructions: group names as the plugin writes its headings,
// groups ordered by name, tasks inside a group in sorted order.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "filter.hpp"
#include "kb/tasks/query.hpp"

namespace kb::tasks {

struct GroupName {
  // The plugin orders some headings by a hidden "%%N%%" prefix (priority,
  // status type); the sort key keeps it, the display name drops it.
  std::string sort_key;
  std::string display;
};

// A task may fall in several groups of one level (one per tag).
using GroupNamer = std::vector<GroupName> (*)(const TaskItem&, const RunContext&);

struct Grouper {
  GroupNamer names = nullptr;
  bool reverse = false;
};

// A "group by" line ("group by due reverse"); nothing when no field of the
// plugin reads it.
std::optional<Grouper> parse_grouper(std::string_view line);

// Groups already sorted items. Without groupers: one group, no names, all
// items. `per_group_limit` (`limit groups N`) applies only with groupers.
std::vector<TaskGroup> group_items(const std::vector<TaskItem>& items,
                                   const std::vector<Grouper>& groupers,
                                   std::optional<std::size_t> per_group_limit,
                                   const RunContext& run);

}  // namespace kb::tasks
