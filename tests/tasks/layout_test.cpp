// Layout instructions as the plugin reads them (docs/Queries/Layout.md,
// docs/Queries/Views.md; src/Layout/*.ts, src/Query/Query.ts parseLine) and a
// task drawn under them (DefaultTaskSerializer.componentToString).
#include "kb/tasks/layout.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "kb/tasks/query.hpp"
#include "kb/tasks/task.hpp"

using kb::tasks::QueryLayout;
using kb::tasks::TaskComponent;
using kb::tasks::TasksQuery;

namespace {

std::string parse_error(const std::string& query) {
  auto parsed = TasksQuery::parse(query);
  if (parsed) return "(parsed)";
  return std::to_string(parsed.error().line) + ": " + parsed.error().message;
}

QueryLayout layout_of(const std::string& query) {
  auto parsed = TasksQuery::parse(query);
  INFO(query);
  if (!parsed) FAIL(parsed.error().message);
  return parsed->layout();
}

// `line` drawn under the layout of `query`.
std::string drawn(const std::string& line, const std::string& query) {
  const auto task = kb::tasks::parse_task(line);
  REQUIRE(task);
  return kb::tasks::task_layout_text(*task, layout_of(query));
}

}  // namespace

TEST_CASE("Every element the plugin knows can be hidden and shown", "[tasks_layout]") {
  // docs/Queries/Layout.md: Task Elements and Query Elements.
  for (const char* element : {"id",
                              "depends on",
                              "priority",
                              "cancelled date",
                              "created date",
                              "start date",
                              "scheduled date",
                              "due date",
                              "done date",
                              "recurrence rule",
                              "on completion",
                              "tags",
                              "toolbar",
                              "tree",
                              "edit button",
                              "postpone button",
                              "backlink",
                              "nested backlink",
                              "urgency",
                              "task count",
                              "group count"}) {
    INFO(element);
    CHECK(parse_error(std::string("hide ") + element) == "(parsed)");
    CHECK(parse_error(std::string("SHOW ") + element) == "(parsed)");
  }
  // The plugin compares the start of the option: plurals and extra words pass.
  CHECK(parse_error("hide backlinks\nhide due dates\nshow tags please") == "(parsed)");
  CHECK(parse_error("not done\nhide colour") ==
        "2: do not understand hide/show option 'hide colour'");
  CHECK(parse_error("show due") == "1: do not understand hide/show option 'show due'");
  CHECK(parse_error("hide") == "1: do not understand query 'hide'");
}

TEST_CASE("Layout options take the plugin's defaults and the last instruction", "[tasks_layout]") {
  const QueryLayout defaults = layout_of("not done");
  CHECK(defaults.hide_group_count);
  CHECK(defaults.hide_urgency);
  CHECK(defaults.hide_tree);
  CHECK_FALSE(defaults.hide_backlinks);
  CHECK_FALSE(defaults.short_mode);
  CHECK_FALSE(defaults.changes_task_text());

  const QueryLayout shown = layout_of(
      "show urgency\nshow group count\nhide task count\nhide "
      "backlink\nhide due date\nhide due date\nshow due date");
  CHECK_FALSE(shown.hide_urgency);
  CHECK_FALSE(shown.hide_group_count);
  CHECK(shown.hide_task_count);
  CHECK(shown.hide_backlinks);
  CHECK(shown.is_shown(TaskComponent::DueDate));
  CHECK_FALSE(shown.changes_task_text());

  CHECK(layout_of("short mode").short_mode);
  CHECK_FALSE(layout_of("short mode\nfull mode").short_mode);
  // Query.ts: /^short/i and /^full/i, so any line starting so is a mode.
  CHECK(layout_of("Shortly").short_mode);
  CHECK(layout_of("explain").explain);
  CHECK_FALSE(layout_of("hide tags").tags_shown);
}

TEST_CASE("A task is drawn from its fields in the plugin's order", "[tasks_layout]") {
  const std::string line = "- [ ] a 📅 2021-09-12 #x ⏫ #y";
  CHECK(drawn(line, "") == "a #x #y ⏫ 📅 2021-09-12");
  CHECK(drawn(line, "hide due date") == "a #x #y ⏫");
  CHECK(drawn(line, "hide priority\nhide tags") == "a 📅 2021-09-12");
  CHECK(drawn(line, "short mode") == "a #x #y ⏫ 📅");
  const std::string full =
      "- [x] b 🆔 abc ⛔ p1,p2 🔼 🔁 every Sunday when done 🏁 delete ➕ 2025-01-01 🛫 "
      "2025-01-02 "
      "⏳ 2025-01-03 📅 2025-01-04 ❌ 2025-01-05 ✅ 2025-01-06 ^blk";
  CHECK(drawn(full, "") ==
        "b 🆔 abc ⛔ p1,p2 🔼 🔁 every week on Sunday when done 🏁 delete ➕ 2025-01-01 "
        "🛫 "
        "2025-01-02 ⏳ 2025-01-03 📅 2025-01-04 ❌ 2025-01-05 ✅ 2025-01-06 ^blk");
  CHECK(drawn(full, "short mode\nhide id\nhide created date") ==
        "b ⛔ 🔼 🔁 🏁 🛫 ⏳ 📅 ❌ ✅ ^blk");
  CHECK(drawn(full,
              "hide depends on\nhide recurrence rule\nhide on completion\nhide start "
              "date\nhide scheduled date\nhide cancelled date\nhide done date") ==
        "b 🆔 abc 🔼 ➕ 2025-01-01 📅 2025-01-04 ^blk");
  // moment formats an invalid date so; an unreadable rule is no recurrence.
  CHECK(drawn("- [ ] c 🔁 every two weeks 📅 2025-02-30", "") == "c 📅 Invalid date");
  CHECK(drawn("- [ ] #lead d #mid #x/y e", "hide tags") == "d e");
}

TEST_CASE("view columns groups first, view list undoes it", "[tasks_layout]") {
  // docs/Queries/Views.md; ViewLayoutOptions.ts messages (their first line).
  kb::tasks::TaskList list;
  list.notes.push_back({"a.md"});
  list.add(0, 1, "", *kb::tasks::parse_task("- [ ] one ⏫ #x"));
  list.add(0, 2, "", *kb::tasks::parse_task("- [x] two #y"));
  const kb::text::Date today{2025, 1, 1};
  auto names = [&](const std::string& query) {
    std::string s;
    auto parsed = TasksQuery::parse(query);
    REQUIRE(parsed);
    for (const auto& group : parsed->run(list, today)) {
      if (!s.empty()) s += " | ";
      for (const auto& name : group.names) s += name + "/";
      s += std::to_string(group.items.size());
    }
    return s;
  };
  CHECK(names("group by tags\nview columns by status") == "Done/#y/1 | Todo/#x/1");
  CHECK(names("view columns by priority reverse") == "Normal priority/1 | High priority/1");
  CHECK(names("view columns by status\nview list") == "2");
  CHECK(parse_error("view columns") == "1: columns view requires a grouping expression");
  CHECK(parse_error("view columns by colour") ==
        "1: do not understand columns grouping \"by colour\"");
  CHECK(parse_error("view board") == "1: do not understand view mode \"board\"");
  CHECK(parse_error("view list please") == "1: do not understand view mode \"list please\"");
}

TEST_CASE("Group counts count the tasks before limit groups", "[tasks_layout]") {
  kb::tasks::TaskList list;
  list.notes.push_back({"a.md"});
  for (int line = 1; line <= 3; ++line) {
    list.add(0, line, "", *kb::tasks::parse_task("- [ ] t" + std::to_string(line)));
  }
  auto parsed = TasksQuery::parse("group by path\nlimit groups 2");
  REQUIRE(parsed);
  const auto groups = parsed->run(list, kb::text::Date{2025, 1, 1});
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].items.size() == 2);
  CHECK(groups[0].count_before_limit == 3);
}
