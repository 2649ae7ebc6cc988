#include "sort.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <utility>

#include "collate.hpp"
#include "cursor.hpp"
#include "fields.hpp"
#include "kb/tasks/settings.hpp"
#include "kb/tasks/statuses.hpp"

namespace kb::tasks {
namespace {

template <typename T>
int three_way(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

// Dated tasks first, earliest first; undated ones last.
int compare_days(const std::optional<text::Date>& a, const std::optional<text::Date>& b) {
  if (a && b) return three_way(*a, *b);
  return three_way(!a.has_value(), !b.has_value());
}

// DescriptionField.cleanDescription: without the global filter first.
std::string clean_description(const Task& task, const RunContext& run) {
  return sortable_description(run.global_filter.empty() ? task.description
                                                        : description_without_global_filter(
                                                              task.description, run.global_filter));
}

using PlainCompare = int (*)(const TaskItem&, const TaskItem&, const RunContext&);

template <std::optional<TaskDate> Task::*field>
int by_date(const TaskItem& a, const TaskItem& b, const RunContext&) {
  return compare_dates(a.task->*field, b.task->*field);
}

constexpr std::array<std::pair<std::string_view, PlainCompare>, 19> kSortKeys = {{
    // Not done before done.
    {"status",
     [](const TaskItem& a, const TaskItem& b, const RunContext&) {
       return three_way(is_done(a.task->status), is_done(b.task->status));
     }},
    {"status.type",
     [](const TaskItem& a, const TaskItem& b, const RunContext&) {
       return three_way(status_type_rank(a.task->status), status_type_rank(b.task->status));
     }},
    {"status.name",
     [](const TaskItem& a, const TaskItem& b, const RunContext&) {
       return collate(a.task->status_name, b.task->status_name);
     }},
    // Most urgent first.
    {"urgency",
     [](const TaskItem& a, const TaskItem& b, const RunContext& run) {
       return three_way(urgency(*b.task, run.today), urgency(*a.task, run.today));
     }},
    {"due", by_date<&Task::due>},
    {"scheduled", by_date<&Task::scheduled>},
    {"start", by_date<&Task::start>},
    {"done", by_date<&Task::done>},
    {"created", by_date<&Task::created>},
    {"cancelled", by_date<&Task::cancelled>},
    {"happens",
     [](const TaskItem& a, const TaskItem& b, const RunContext&) {
       return compare_days(happens_date(*a.task), happens_date(*b.task));
     }},
    // Highest first.
    {"priority", [](const TaskItem& a, const TaskItem& b,
                    const RunContext&) { return three_way(a.task->priority, b.task->priority); }},
    {"description",
     [](const TaskItem& a, const TaskItem& b, const RunContext& run) {
       return collate(clean_description(*a.task, run), clean_description(*b.task, run));
     }},
    {"path", [](const TaskItem& a, const TaskItem& b,
                const RunContext& run) { return collate(run.path(a), run.path(b)); }},
    {"filename",
     [](const TaskItem& a, const TaskItem& b, const RunContext& run) {
       return collate(filename_of(run.path(a)), filename_of(run.path(b)));
     }},
    // Tasks without a heading sort first (empty text).
    {"heading", [](const TaskItem& a, const TaskItem& b,
                   const RunContext&) { return collate(a.heading, b.heading); }},
    {"recurring",  // recurring tasks first
     [](const TaskItem& a, const TaskItem& b, const RunContext&) {
       return three_way(!is_recurring(*a.task), !is_recurring(*b.task));
     }},
    {"random",
     [](const TaskItem& a, const TaskItem& b, const RunContext& run) {
       return three_way(random_key(*a.task, run.today), random_key(*b.task, run.today));
     }},
    // IdField is a TextField: its value compared as text ("" first).
    {"id", [](const TaskItem& a, const TaskItem& b,
              const RunContext&) { return collate(a.task->id, b.task->id); }},
}};

using PlainKey = std::string (*)(const TaskItem&, const RunContext&);

// The text sorters' keys: collation_key of the text each one collates.
constexpr std::array<std::pair<std::string_view, PlainKey>, 6> kTextKeys = {{
    {"status.name",
     [](const TaskItem& i, const RunContext&) { return collation_key(i.task->status_name); }},
    {"description",
     [](const TaskItem& i, const RunContext& run) {
       return collation_key(clean_description(*i.task, run));
     }},
    {"path", [](const TaskItem& i, const RunContext& run) { return collation_key(run.path(i)); }},
    {"filename", [](const TaskItem& i,
                    const RunContext& run) { return collation_key(filename_of(run.path(i))); }},
    {"heading", [](const TaskItem& i, const RunContext&) { return collation_key(i.heading); }},
    {"id", [](const TaskItem& i, const RunContext&) { return collation_key(i.task->id); }},
}};

PlainKey find_text_key(std::string_view name) {
  for (const auto& [key, make] : kTextKeys) {
    if (key == name) return make;
  }
  return nullptr;
}

PlainCompare find_key(std::string_view name) {
  for (const auto& [key, compare] : kSortKeys) {
    if (key == name) return compare;
  }
  return nullptr;
}

// The n-th tag (1-based), as TagsField.makeCompareByTagComparator: tasks
// without tags last, then tasks with fewer than n tags.
Comparator by_tag(std::size_t n) {
  return [n](const TaskItem& a, const TaskItem& b, const RunContext&) {
    const auto& ta = a.task->tags;
    const auto& tb = b.task->tags;
    if (ta.empty() || tb.empty()) return three_way(ta.empty(), tb.empty());
    const bool a_has = ta.size() >= n, b_has = tb.size() >= n;
    if (!a_has || !b_has || n == 0) return three_way(!a_has, !b_has);
    return collate(ta[n - 1], tb[n - 1]);
  };
}

// by_tag's order as a key: the n-th tag's collation key after a 0, a 1 for
// fewer tags, a 2 for none.
SortKey tag_key(std::size_t n) {
  return [n](const TaskItem& item, const RunContext&) {
    const auto& tags = item.task->tags;
    if (tags.empty()) return std::string(1, '\2');
    if (tags.size() < n || n == 0) return std::string(1, n == 0 ? '\0' : '\1');
    return '\0' + collation_key(tags[n - 1]);
  };
}

// JavaScript's +"123" for a run of digits; a huge count means "no such tag".
std::size_t read_number(std::string_view digits) {
  std::size_t n = 0;
  for (char c : digits) {
    if (n > 1'000'000'000) return n;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  return n;
}

// The fields that sort, in the order the plugin tries them
// (FilterParser.ts fieldCreators): the first whose name follows "sort by "
// wins, so "sort by status.name" is not "sort by status".
constexpr std::array<std::string_view, 20> kSortOrder = {
    "status.name", "status.type", "status",    "recurring", "priority", "happens", "cancelled",
    "created",     "start",       "scheduled", "due",       "done",     "path",    "description",
    "tag",         "heading",     "filename",  "urgency",   "id",       "random"};

}  // namespace

std::optional<Sorter> parse_sorter(std::string_view line) {
  // Field.sorterRegExp, /^sort by NAME( reverse)?/i: not anchored at the end,
  // so "sort by due date" is "sort by due", and "sort by due date reverse" is
  // not reversed.
  constexpr std::string_view kVerb = "sort by ";
  if (!istarts_with(line, kVerb)) return std::nullopt;
  const std::string_view rest = line.substr(kVerb.size());
  for (std::string_view name : kSortOrder) {
    if (!istarts_with(rest, name)) continue;
    std::string_view after = rest.substr(name.size());
    const bool reverse = istarts_with(after, " reverse");
    if (name != "tag") return Sorter{find_key(name), reverse, false, find_text_key(name)};
    // TagsField.sorterRegExp: /^sort by tag( reverse)?[\s]*(\d+)?/i.
    if (reverse) after.remove_prefix(std::string_view(" reverse").size());
    while (!after.empty() && (is_blank(after.front()) || after.front() == '\r')) {
      after.remove_prefix(1);
    }
    std::size_t digits = 0;
    while (digits < after.size() && after[digits] >= '0' && after[digits] <= '9') ++digits;
    const std::size_t n = digits == 0 ? 1 : read_number(after.substr(0, digits));
    return Sorter{by_tag(n), reverse, n == 0, tag_key(n)};
  }
  return std::nullopt;
}

void sort_items(std::vector<TaskItem>& items, const std::vector<Sorter>& sorters,
                const RunContext& run) {
  static const std::array<PlainCompare, 4> kDefaultOrder = {
      find_key("status.type"), find_key("urgency"), find_key("due"), find_key("priority")};
  if (items.size() < 2) return;
  // Text keys built once per item (collate would build them per comparison):
  // each text sorter's.
  std::vector<std::vector<std::string>> keys(sorters.size());
  for (std::size_t s = 0; s < sorters.size(); ++s) {
    if (!sorters[s].key) continue;
    keys[s].reserve(items.size());
    for (const TaskItem& item : items) keys[s].push_back(sorters[s].key(item, run));
  }
  // The path's key for the default order, made once per note and only when
  // two tasks of different notes tie on all that comes before it (two tasks
  // of one note have the same path: only their lines differ). Local to this
  // call, so sorts on several threads share nothing. unordered_map keeps
  // references to its values valid as it grows.
  std::unordered_map<int, std::string> note_keys;
  const auto path_key = [&](const TaskItem& item) -> const std::string& {
    auto [it, added] = note_keys.try_emplace(item.note);
    if (added) it->second = collation_key(run.path(item));
    return it->second;
  };
  std::vector<std::size_t> order(items.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
    const TaskItem &a = items[i], &b = items[j];
    for (std::size_t s = 0; s < sorters.size(); ++s) {
      const int r =
          keys[s].empty() ? sorters[s].compare(a, b, run) : keys[s][i].compare(keys[s][j]);
      if (r != 0) return sorters[s].reverse ? r > 0 : r < 0;
    }
    for (PlainCompare compare : kDefaultOrder) {
      if (int r = compare(a, b, run)) return r < 0;
    }
    if (a.note != b.note) {
      if (int r = path_key(a).compare(path_key(b))) return r < 0;
      if (int r = run.path(a).compare(run.path(b))) return r < 0;
    }
    return a.line < b.line;
  });
  std::vector<TaskItem> sorted;
  sorted.reserve(items.size());
  for (std::size_t i : order) sorted.push_back(items[i]);
  items = std::move(sorted);
}

bool sort_throws(std::span<const TaskItem> items, const std::vector<Sorter>& sorters,
                 const RunContext& run) {
  const auto throwing = std::find_if(sorters.begin(), sorters.end(),
                                     [](const Sorter& s) { return s.throws_on_two_tagged; });
  if (throwing == sorters.end()) return false;
  const std::vector<Sorter> before(sorters.begin(), throwing);
  const auto order = [&](const TaskItem& a, const TaskItem& b) {
    for (const Sorter& sorter : before) {
      if (const int r = sorter.compare(a, b, run)) return sorter.reverse ? r > 0 : r < 0;
    }
    return false;
  };
  std::vector<TaskItem> sorted(items.begin(), items.end());
  std::stable_sort(sorted.begin(), sorted.end(), order);
  std::size_t tagged_in_run = 0;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (i > 0 && order(sorted[i - 1], sorted[i])) tagged_in_run = 0;  // a new run of equals
    if (!sorted[i].task->tags.empty() && ++tagged_in_run == 2) return true;
  }
  return false;
}

}  // namespace kb::tasks
