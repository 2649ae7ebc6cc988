// `show tree` (docs/Queries/Layout.md, "Hide and Show Tree"): the found tasks
// with every task and list item nested under them, as the plugin's
// QueryResultsRendererBase.addTreeTaskList draws them. Each case is drawn as
// the plugin's Markdown renderer draws results (MarkdownQueryResultsRenderer:
// four spaces a level, "- [c] text" for a task, "- text" or "- [c] text" for
// a list item), so its expected text is the plugin's own where a case comes
// from its tests (tests/Renderer/MarkdownQueryResultsRenderer.test.ts, the
// approved files of tests/Renderer/HtmlQueryResultsRenderer.test.ts, on the
// notes of tests/Obsidian/__test_data__/).
#include "kb/tasks/tree.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "kb/tasks/note_lists.hpp"
#include "kb/tasks/query.hpp"

namespace {

const kb::text::Date kToday{2024, 11, 1};

// The results of `query` over the note `note` (one note, "note.md"), each
// group's rows drawn as the plugin's Markdown renderer draws them, groups
// under "## name" lines.
std::string drawn(const std::string& note, const std::string& query,
                  const kb::tasks::Settings& settings = {}) {
  const auto scan = kb::text::scan_markdown(note, 0, 1);
  kb::tasks::TaskList list;
  list.notes.push_back({"note.md"});
  kb::tasks::add_note_tasks(list, 0, {note, &scan, 0, 1}, settings);
  auto parsed = kb::tasks::TasksQuery::parse(query);
  INFO(query);
  if (!parsed) FAIL(parsed.error().message);
  std::string out;
  for (const auto& group : parsed->run(list, kToday)) {
    for (const auto& name : group.names) out += "## " + name + "\n";
    // Without show tree, the found tasks alone (addFlatTaskList).
    std::vector<kb::tasks::TreeRow> rows;
    for (const auto& item : group.items) rows.push_back({0, &item, item.list_item});
    if (!parsed->layout().hide_tree) rows = kb::tasks::tree_rows(list, group.items);
    for (const auto& row : rows) {
      out += std::string(4 * static_cast<std::size_t>(row.depth), ' ');
      if (row.task) {
        out += "- [" + std::string(row.task->task->status_symbol) + "] " +
               std::string(row.task->task->text) + "\n";
      } else {
        const auto item = kb::tasks::list_item_text(list.list_items()[row.list_item].markdown);
        out += "- ";
        if (!item.status_symbol.empty()) out += "[" + std::string(item.status_symbol) + "] ";
        out += std::string(item.description) + "\n";
      }
    }
  }
  return out;
}

// docs/Queries/Layout.md, "Show Tree example".
const std::string kPartyPlanner =
    "- [ ] Have a party\n"
    "    - Planning\n"
    "        - [x] Decide who to invite ✅ 2024-10-26\n"
    "        - [ ] Send out the invites\n"
    "    - Preparation\n"
    "        - [ ] Plan the menu\n"
    "            - **Remember Sam's dietary requests**\n"
    "        - [ ] Buy the food\n"
    "    - On the day\n"
    "        - [ ] Prepare the food\n"
    "        - [ ] Tidy up\n";

// tests/Obsidian/__test_data__/inheritance_1parent2children2grandchildren1sibling.json
const std::string kGrandchildren =
    "- [ ] #task parent task\n"
    "    - [ ] #task child task 1\n"
    "        - [ ] #task grandchild 1\n"
    "    - [ ] #task child task 2\n"
    "        - [ ] #task grandchild 2\n"
    "- [ ] #task sibling\n";

}  // namespace

TEST_CASE("show tree draws each found task with everything nested under it", "[tasks_tree]") {
  // Layout.md: "Decide who to invite did not match the not done query, but it
  // is still shown"; the nested tasks are drawn once, under their parent.
  CHECK(drawn(kPartyPlanner, "not done\nfilename includes note\nshow tree\nhide backlink") ==
        kPartyPlanner);
  // Without show tree, the found tasks only, flat (MarkdownQueryResultsRenderer
  // "should remove indentation for nested tasks").
  CHECK(drawn(kPartyPlanner, "not done\nfilename includes note") ==
        "- [ ] Have a party\n"
        "- [ ] Send out the invites\n"
        "- [ ] Plan the menu\n"
        "- [ ] Buy the food\n"
        "- [ ] Prepare the food\n"
        "- [ ] Tidy up\n");
}

TEST_CASE("show tree: nested items keep their line order whatever the sort", "[tasks_tree]") {
  // Layout.md: sorting affects only the left-most tasks; a found task whose
  // parent task was found too waits for it (willBeAddedLater), even when it
  // sorts first.
  CHECK(drawn(kPartyPlanner, "not done\nshow tree\nsort by description") == kPartyPlanner);
  CHECK(drawn(kPartyPlanner, "not done\nshow tree\nsort by description reverse") == kPartyPlanner);
}

TEST_CASE("show tree indents nested tasks and list items", "[tasks_tree]") {
  // MarkdownQueryResultsRenderer.test.ts "should indent nested tasks"
  // (inheritance_1parent2children2grandchildren1sibling_start_with_heading).
  CHECK(drawn("# Test heading\n\n" + kGrandchildren, "show tree") ==
        "- [ ] #task parent task\n"
        "    - [ ] #task child task 1\n"
        "        - [ ] #task grandchild 1\n"
        "    - [ ] #task child task 2\n"
        "        - [ ] #task grandchild 2\n"
        "- [ ] #task sibling\n");
  // "should indent nested list items" (inheritance_task_2listitem_3task).
  const std::string note =
      "- [ ] parent task\n"
      "    - child list item 1\n"
      "        - [ ] grandchild task 1\n"
      "        - [ ] grandchild task 2\n"
      "    - child list item 2\n"
      "        - [ ] grandchild task 3\n";
  CHECK(drawn(note, "show tree") == note);
  // HtmlQueryResultsRenderer "should render tasks without their parents": the
  // found tasks' parent task was not found, so they are drawn at the top.
  CHECK(drawn(note, "show tree\ndescription includes grandchild") ==
        "- [ ] grandchild task 1\n"
        "- [ ] grandchild task 2\n"
        "- [ ] grandchild task 3\n");
}

TEST_CASE("show tree draws checkbox lines without the global filter as list items",
          "[tasks_tree]") {
  // MarkdownQueryResultsRenderer.test.ts "should render status of non-task
  // list items" (inheritance_non_task_child, global filter #task).
  kb::tasks::Settings settings;
  settings.global_filter = "#task";
  CHECK(drawn("-  [ ] #task task parent\n"
              "    - [ ] #task task child\n"
              "    - [ ] non-task child\n"
              "    - [x] non-task child status x\n"
              "    - list item child\n",
              "show tree", settings) ==
        "- [ ] #task task parent\n"
        "    - [ ] #task task child\n"
        "    - [ ] non-task child\n"
        "    - [x] non-task child status x\n"
        "    - list item child\n");
}

TEST_CASE("show tree draws a task once, where it is first drawn", "[tasks_tree]") {
  // HtmlQueryResultsRenderer "should render grandchildren once under the
  // parent": in line order, the parent comes first and draws them all.
  const std::string found =
      "show tree\n(description includes grandchild) OR "
      "(description includes parent)\n";
  CHECK(drawn(kGrandchildren, found) ==
        "- [ ] #task parent task\n"
        "    - [ ] #task child task 1\n"
        "        - [ ] #task grandchild 1\n"
        "    - [ ] #task child task 2\n"
        "        - [ ] #task grandchild 2\n");
  // "should render grandchildren once and on the same level as parent": sorted
  // before the parent, and their own parent task not found, the grandchildren
  // are drawn at the top; under the parent they are not drawn again.
  CHECK(drawn(kGrandchildren, found + "sort by description") ==
        "- [ ] #task grandchild 1\n"
        "- [ ] #task grandchild 2\n"
        "- [ ] #task parent task\n"
        "    - [ ] #task child task 1\n"
        "    - [ ] #task child task 2\n");
  // HtmlQueryResultsRenderer "parent-child items reverse sorted"
  // (inheritance_rendering_sample): the list item above the first parent is
  // not drawn; the tasks under parent 1 are drawn under it only.
  CHECK(drawn("-  grandparent list item\n"
              "    - [ ] parent 1\n"
              "        - [ ] child 1\n"
              "            - [ ] grandchild 1\n"
              "                - list item grand grand child\n"
              "        - [ ] child 2\n"
              "            - non task grandchild\n"
              "                - [ ] grand grand child\n"
              "    - [ ] parent 2\n",
              "show tree\nsort by description reverse") ==
        "- [ ] parent 2\n"
        "- [ ] parent 1\n"
        "    - [ ] child 1\n"
        "        - [ ] grandchild 1\n"
        "            - list item grand grand child\n"
        "    - [ ] child 2\n"
        "        - non task grandchild\n"
        "            - [ ] grand grand child\n");
}

TEST_CASE("show tree draws each group's tree on its own", "[tasks_tree]") {
  // QueryResultsRendererBase.addAllTaskGroups: what was drawn is forgotten
  // at each group, so a nested task found in another group than its parent is
  // drawn in both.
  CHECK(drawn("- [ ] parent\n    - [x] done child ✅ 2024-10-26\n    - note\n",
              "show tree\ngroup by status") ==
        "## Done\n"
        "- [x] done child ✅ 2024-10-26\n"
        "## Todo\n"
        "- [ ] parent\n"
        "    - [x] done child ✅ 2024-10-26\n"
        "    - note\n");
  // `limit` cuts the found tasks, not what is nested under them.
  CHECK(drawn(kPartyPlanner, "show tree\nlimit 1") == kPartyPlanner);
}

TEST_CASE("show tree draws the list item Obsidian finds on a numbered task's line",
          "[tasks_tree]") {
  // tests/Obsidian/__test_data__/numbered_tasks_issue_3481.json: the line is
  // a task and a list item nested under it; FileParser keeps the list item
  // as the line's item, so what is nested under the line goes under it.
  CHECK(drawn("- [ ] 1. first\n    - [ ] child\n", "show tree") ==
        "- [ ] 1. first\n"
        "    - [ ] 1. first\n"
        "        - [ ] child\n");
}
