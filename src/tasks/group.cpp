#include "group.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

#include "collate.hpp"
#include "cursor.hpp"
#include "fields.hpp"
#include "kb/tasks/statuses.hpp"

namespace kb::tasks {
namespace {

std::vector<GroupName> one(std::string name) {
  GroupName group{name, std::move(name)};
  return {std::move(group)};
}

// "2025-11-07 Friday", "No due date", or "Invalid due date" (sorted first).
template <std::optional<TaskDate> Task::*field>
std::vector<GroupName> by_date(const TaskItem& item, std::string_view name) {
  const std::optional<TaskDate>& date = item.task->*field;
  if (!date) return one("No " + std::string(name) + " date");
  if (!date->valid()) {
    std::string display = "Invalid " + std::string(name) + " date";
    return {{"%%0%% " + display, display}};
  }
  return one(date->day->iso() + " " + std::string(weekday_name(*date->day)));
}

std::vector<GroupName> by_happens(const TaskItem& item, const RunContext&) {
  std::optional<text::Date> date = happens_date(*item.task);
  if (!date) return one("No happens date");
  return one(date->iso() + " " + std::string(weekday_name(*date)));
}

// "%%4%%DONE": the plugin's Status.typeGroupText, whose hidden prefix orders the groups.
std::vector<GroupName> by_status_type(const TaskItem& item, const RunContext&) {
  std::string name(status_type_name(item.task->status));
  return {{"%%" + std::to_string(status_type_rank(item.task->status)) + "%%" + name, name}};
}

std::vector<GroupName> by_priority(const TaskItem& item, const RunContext&) {
  // The plugin calls the default priority "Normal" in headings.
  static constexpr std::array<std::string_view, 6> kNames = {"Highest", "High", "Medium",
                                                             "Normal",  "Low",  "Lowest"};
  auto number = static_cast<std::size_t>(item.task->priority);  // Highest is 0
  std::string name = std::string(kNames[number]) + " priority";
  return {{"%%" + std::to_string(number) + "%%" + name, name}};
}

// TextField.escapeMarkdownCharacters: path, folder and root headings are
// Markdown, so a backslash is doubled and an underscore escaped.
std::string escape_markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\' || c == '_') out += '\\';
    out += c;
  }
  return out;
}

// PathField.grouper: the path with its first ".md" taken out (JavaScript's
// replace of a string replaces the first occurrence, wherever it is).
std::vector<GroupName> by_path(const TaskItem& item, const RunContext& run) {
  std::string path(run.path(item));
  if (const std::size_t md = path.find(".md"); md != std::string::npos) path.erase(md, 3);
  return one(escape_markdown(path));
}

std::vector<GroupName> by_filename(const TaskItem& item, const RunContext& run) {
  std::string_view name = filename_of(run.path(item));
  if (name.size() >= 3 && name.substr(name.size() - 3) == ".md") name.remove_suffix(3);
  return one("[[" + std::string(name) + "]]");
}

std::vector<GroupName> by_tags(const TaskItem& item, const RunContext&) {
  if (item.task->tags.empty()) return one("(No tags)");
  std::vector<GroupName> names;
  for (std::string_view tag : item.task->tags) {
    bool seen = std::any_of(names.begin(), names.end(),
                            [&](const GroupName& n) { return n.sort_key == tag; });
    if (!seen) names.push_back({std::string(tag), std::string(tag)});
  }
  return names;
}

constexpr std::array<std::pair<std::string_view, GroupNamer>, 22> kGroupKeys = {{
    {"status", [](const TaskItem& i,
                  const RunContext&) { return one(is_done(i.task->status) ? "Done" : "Todo"); }},
    {"status.type", by_status_type},
    {"status.name",
     [](const TaskItem& i, const RunContext&) { return one(std::string(i.task->status_name)); }},
    {"due", [](const TaskItem& i, const RunContext&) { return by_date<&Task::due>(i, "due"); }},
    {"scheduled", [](const TaskItem& i,
                     const RunContext&) { return by_date<&Task::scheduled>(i, "scheduled"); }},
    {"start",
     [](const TaskItem& i, const RunContext&) { return by_date<&Task::start>(i, "start"); }},
    {"done", [](const TaskItem& i, const RunContext&) { return by_date<&Task::done>(i, "done"); }},
    {"created",
     [](const TaskItem& i, const RunContext&) { return by_date<&Task::created>(i, "created"); }},
    {"cancelled", [](const TaskItem& i,
                     const RunContext&) { return by_date<&Task::cancelled>(i, "cancelled"); }},
    {"happens", by_happens},
    {"priority", by_priority},
    {"path", by_path},
    {"folder", [](const TaskItem& i,
                  const RunContext& run) { return one(escape_markdown(folder_of(run.path(i)))); }},
    {"root", [](const TaskItem& i,
                const RunContext& run) { return one(escape_markdown(root_of(run.path(i)))); }},
    {"filename", by_filename},
    {"heading",
     [](const TaskItem& i, const RunContext&) {
       return one(i.heading.empty() ? "(No heading)" : std::string(i.heading));
     }},
    {"tags", by_tags},
    {"recurring",
     [](const TaskItem& i, const RunContext&) {
       return one(is_recurring(*i.task) ? "Recurring" : "Not Recurring");
     }},
    // RecurrenceField: the rule as the plugin shows it, or "None".
    {"recurrence",
     [](const TaskItem& i, const RunContext&) {
       return one(is_recurring(*i.task) ? i.task->recurrence_rule : std::string("None"));
     }},
    // UrgencyField: the score to two decimals; parse_grouper reverses the order.
    {"urgency", [](const TaskItem& i,
                   const RunContext& run) { return one(to_fixed_2(urgency(*i.task, run.today))); }},
    {"backlink", [](const TaskItem& i,
                    const RunContext& run) { return one(backlink_text(run.path(i), i.heading)); }},
    // IdField is a TextField: its value, "" for tasks without an id.
    {"id", [](const TaskItem& i, const RunContext&) { return one(std::string(i.task->id)); }},
}};

struct Bucket {
  std::vector<GroupName> names;
  std::vector<TaskItem> items;
};

}  // namespace

std::optional<Grouper> parse_grouper(std::string_view line) {
  // Field.grouperRegExp: /^group by NAME( reverse)?$/i, spaces as written.
  constexpr std::string_view kVerb = "group by ";
  if (!istarts_with(line, kVerb)) return std::nullopt;
  const std::string_view rest = line.substr(kVerb.size());
  for (const auto& [name, namer] : kGroupKeys) {
    if (!istarts_with(rest, name)) continue;
    const std::string_view after = rest.substr(name.size());
    bool reverse = iequals(after, " reverse");
    if (!reverse && !after.empty()) continue;
    // Most urgent first unless reversed (UrgencyField.createGrouper).
    if (name == "urgency") reverse = !reverse;
    return Grouper{namer, reverse};
  }
  return std::nullopt;
}

std::vector<TaskGroup> group_items(const std::vector<TaskItem>& items,
                                   const std::vector<Grouper>& groupers,
                                   std::optional<std::size_t> per_group_limit,
                                   const RunContext& run) {
  if (groupers.empty()) return {TaskGroup{{}, items, items.size()}};

  std::vector<Bucket> buckets;
  std::map<std::vector<std::string>, std::size_t> bucket_of;  // by sort keys
  for (const TaskItem& item : items) {
    // Every combination of this task's names at each level is a group path.
    std::vector<std::vector<GroupName>> paths(1);
    for (const Grouper& grouper : groupers) {
      std::vector<std::vector<GroupName>> longer;
      for (const GroupName& name : grouper.names(item, run)) {
        for (const auto& path : paths) {
          longer.push_back(path);
          longer.back().push_back(name);
        }
      }
      paths = std::move(longer);
    }
    for (auto& path : paths) {
      std::vector<std::string> keys;
      keys.reserve(path.size());
      for (const GroupName& name : path) keys.push_back(name.sort_key);
      auto [it, added] = bucket_of.try_emplace(std::move(keys), buckets.size());
      if (added) buckets.push_back({std::move(path), {}});
      buckets[it->second].items.push_back(item);
    }
  }

  // Each group name's collation key, built once rather than per comparison.
  std::vector<std::vector<std::string>> keys(buckets.size());
  for (std::size_t i = 0; i < buckets.size(); ++i) {
    for (const GroupName& name : buckets[i].names) keys[i].push_back(collation_key(name.sort_key));
  }
  std::vector<std::size_t> order(buckets.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
    for (std::size_t level = 0; level < groupers.size(); ++level) {
      const int r = keys[i][level].compare(keys[j][level]);
      if (r != 0) return groupers[level].reverse ? r > 0 : r < 0;
    }
    return false;
  });

  std::vector<TaskGroup> groups;
  groups.reserve(buckets.size());
  for (std::size_t i : order) {
    Bucket& bucket = buckets[i];
    TaskGroup group;
    for (GroupName& name : bucket.names) group.names.push_back(std::move(name.display));
    group.items = std::move(bucket.items);
    group.count_before_limit = group.items.size();
    if (per_group_limit && group.items.size() > *per_group_limit) {
      group.items.resize(*per_group_limit);
    }
    groups.push_back(std::move(group));
  }
  return groups;
}

}  // namespace kb::tasks
