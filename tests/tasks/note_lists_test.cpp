// A note's tasks and list items with their nesting, as Obsidian's metadata
// cache gives them to the Tasks plugin (ListItemCache.parent, read by
// src/Obsidian/FileParser.ts into ListItem parent/children). The expected
// parents are Obsidian's own, recorded in the plugin's test data
// (tests/Obsidian/__test_data__/<name>.json: `listItems[].parent`, 0-based
// lines there, 1-based here).
#include "kb/tasks/note_lists.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace {

using kb::tasks::TaskList;

// Each list item kept for `note`, as "line<parent line T|-" (0 for the root; T
// a task, - a list item that is not one), joined by ", ".
std::string nesting(const std::string& note, const kb::tasks::Settings& settings = {}) {
  const auto scan = kb::text::scan_markdown(note, 0, 1);
  TaskList list;
  list.notes.push_back({"note.md"});
  kb::tasks::add_note_tasks(list, 0, {note, &scan, 0, 1}, settings);
  std::string out;
  for (const auto& item : list.list_items()) {
    if (!out.empty()) out += ", ";
    const int parent = item.parent < 0 ? 0 : list.list_items()[item.parent].line;
    out += std::to_string(item.line) + "<" + std::to_string(parent) + (item.task >= 0 ? "T" : "-");
  }
  return out;
}

kb::tasks::Settings with_global_filter(const std::string& filter) {
  kb::tasks::Settings settings;
  settings.global_filter = filter;
  return settings;
}

}  // namespace

TEST_CASE("Nested tasks know their parent task", "[tasks_nesting]") {
  // inheritance_1parent2children2grandchildren1sibling.json
  CHECK(nesting("- [ ] #task parent task\n"
                "    - [ ] #task child task 1\n"
                "        - [ ] #task grandchild 1\n"
                "    - [ ] #task child task 2\n"
                "        - [ ] #task grandchild 2\n"
                "- [ ] #task sibling\n") == "1<0T, 2<1T, 3<2T, 4<1T, 5<4T, 6<0T");
  // inheritance_2siblings.json
  CHECK(nesting("- [ ] #task sibling 1\n- [ ] #task sibling 2\n") == "1<0T, 2<0T");
}

TEST_CASE("List items above and under tasks are kept with their nesting", "[tasks_nesting]") {
  // inheritance_rendering_sample.json
  CHECK(nesting("-  grandparent list item\n"
                "    - [ ] parent 1\n"
                "        - [ ] child 1\n"
                "            - [ ] grandchild 1\n"
                "                - list item grand grand child\n"
                "        - [ ] child 2\n"
                "            - non task grandchild\n"
                "                - [ ] grand grand child\n"
                "    - [ ] parent 2\n") == "1<0-, 2<1T, 3<2T, 4<3T, 5<4-, 6<2T, 7<6-, 8<7T, 9<1T");
  // inheritance_task_listitem_mixed_grandchildren.json
  CHECK(nesting("- [ ] parent task\n"
                "    - child list item\n"
                "        - grandchild list item 1\n"
                "        - [ ] grandchild task\n"
                "        - grandchild list item 2\n") == "1<0T, 2<1-, 3<2-, 4<2T, 5<2-");
  // inheritance_2roots_listitem_listitem_task.json
  CHECK(nesting("- parent list item 1\n"
                "    - child list item 1\n"
                "        - [ ] grandchild task 1\n"
                "\n"
                "- parent list item 2\n"
                "    - child list item 2\n"
                "        - [ ] grandchild task 2\n") == "1<0-, 2<1-, 3<2T, 5<0-, 6<5-, 7<6T");
}

TEST_CASE("List items no task needs are not kept", "[tasks_nesting]") {
  // inheritance_listitem_task_siblings.json: the list item is the task's sibling.
  CHECK(nesting("- list item\n- [ ] task\n") == "2<0T");
  CHECK(nesting("# Notes\n- a\n  - b\n\nno tasks here\n") == "");
  // Items after the task's list has ended.
  CHECK(nesting("- [ ] task\n\ntext\n  - not under the task\n") == "1<0T");
}

TEST_CASE("Checkbox lines without the global filter are list items", "[tasks_nesting]") {
  // inheritance_non_task_child.json, global filter #task (FileParser.parseLine:
  // "Treat tasks without the global filter as list items").
  CHECK(nesting("-  [ ] #task task parent\n"
                "    - [ ] #task task child\n"
                "    - [ ] non-task child\n"
                "    - [x] non-task child status x\n"
                "    - list item child\n",
                with_global_filter("#task")) == "1<0T, 2<1T, 3<1-, 4<1-, 5<1-");
}

TEST_CASE("Nesting follows the content column of the item above", "[tasks_nesting]") {
  // inheritance_1parent1child1sibling_emptystring.json: one space is not
  // nested under "- " (content column 2), after a blank line too.
  CHECK(nesting("- [ ] #task parent task\n"
                "    - [ ] #task child task 1\n"
                "\n"
                " - [ ] #task sibling\n") == "1<0T, 2<1T, 4<0T");
  CHECK(nesting("- [ ] a\n  - [ ] b\n") == "1<0T, 2<1T");
  CHECK(nesting("- [ ] a\n - [ ] b\n") == "1<0T, 2<0T");
  // numbered_list_items_standard.json, numbered_list_items_with_paren.json:
  // "1. " puts the content at column 3.
  CHECK(nesting("1. [ ] #task Task 1\n"
                "    1. Sub-item 1\n"
                "2. [ ] #task Task 2\n"
                "    1. Sub-item 2\n"
                "3. List item\n") == "1<0T, 2<1-, 3<0T, 4<3-");
  CHECK(nesting("1) [ ] a\n   - [ ] b\n10. [ ] c\n   - [ ] d\n") == "1<0T, 2<1T, 3<0T, 4<0T");
  // zero_width.json: a tab is four columns.
  CHECK(nesting("- Root 1\n\t- [ ] #task Task line 1\n- Root 2\n") == "1<0-, 2<1T");
  // Deeper indentation than needed still nests, under the nearest item.
  CHECK(nesting("- [ ] a\n        - [ ] b\n    - [ ] c\n") == "1<0T, 2<1T, 3<1T");
}

TEST_CASE("Blockquotes and callouts nest as their lines do", "[tasks_nesting]") {
  // blockquote.json, callout.json
  CHECK(nesting("> - [ ] #task Task in 'blockquote'\n"
                ">     - [ ] #task Task indented in 'blockquote'\n") == "1<0T, 2<1T");
  CHECK(nesting("> [!NOTE]\n"
                "> - [ ] #task Task in 'callout'\n"
                ">     - [ ] #task Task indented in 'callout'\n") == "2<0T, 3<2T");
  // Out of the quote, the list in it has ended.
  CHECK(nesting("> - [ ] a\n\n    - [ ] b\n") == "1<0T, 3<0T");
}

TEST_CASE("What ends a list item and what continues it", "[tasks_nesting]") {
  // multi_line_task_and_list_item.json: indented lines continue the task.
  CHECK(nesting("- [ ] #task Task\n"
                "    task line 1\n"
                "    task line 2\n"
                "- muli-line list item\n") == "1<0T");
  // A paragraph line right after an item continues it (CommonMark's lazy
  // continuation); after a blank line it ends the items it is left of.
  CHECK(nesting("- [ ] a\ncontinued\n  - [ ] b\n") == "1<0T, 3<1T");
  CHECK(nesting("- [ ] a\n\nparagraph\n  - [ ] b\n") == "1<0T, 4<0T");
  CHECK(nesting("- [ ] a\n\n  paragraph in a\n  - [ ] b\n") == "1<0T, 4<1T");
  // Headings, fences and thematic breaks end the list.
  // inheritance_1parent1child1newroot_after_header.json
  CHECK(nesting("- [ ] a\n# Heading\n  - [ ] b\n") == "1<0T, 3<0T");
  CHECK(nesting("- [ ] a\n---\n  - [ ] b\n") == "1<0T, 3<0T");
  CHECK(nesting("- [ ] a\n```\n- [ ] code\n```\n  - [ ] b\n") == "1<0T, 5<0T");
  // A fence inside the item keeps it open; its lines are no list items.
  // code_block_in_task.json
  CHECK(nesting("- [ ] a\n  ```sh\n  - not an item\n  ```\n  - [ ] b\n") == "1<0T, 5<1T");
  // A line starting inside a comment is no list item.
  CHECK(nesting("- [ ] a\n  %% hidden\n  - [ ] no\n  %%\n  - b\n") == "1<0T, 5<1-");
  // "- - -" is a thematic break, not a list item.
  CHECK(nesting("- [ ] a\n- - -\n  - [ ] b\n") == "1<0T, 3<0T");
}

TEST_CASE("Lines after the front-matter and CRLF endings", "[tasks_nesting]") {
  const std::string note = "---\ntags:\n  - x\n---\n- [ ] a\r\n    - b\r\n";
  const auto scan = kb::text::scan_markdown(note, 20, 5);
  TaskList list;
  list.notes.push_back({"n.md"});
  kb::tasks::add_note_tasks(list, 0, {note, &scan, 20, 5}, {});
  REQUIRE(list.list_items().size() == 2);
  CHECK(list.list_items()[0].line == 5);
  CHECK(list.list_items()[1].line == 6);
  CHECK(list.list_items()[1].parent == 0);
  CHECK(list.list_items()[1].markdown == "    - b");
  CHECK(list.items()[0].list_item == 0);
}

TEST_CASE("A list item is drawn from its line as the plugin reads it", "[tasks_nesting]") {
  // ListItem.fromListItemLine (nonTaskRegex), drawn by
  // MarkdownQueryResultsRenderer.formatListItem.
  const auto parts = [](std::string_view line) {
    const auto text = kb::tasks::list_item_text(line);
    return std::string(text.status_symbol) + "|" + std::string(text.description);
  };
  CHECK(parts("    - Planning") == "|Planning");
  CHECK(parts("            - **Remember Sam's dietary requests**") ==
        "|**Remember Sam's dietary requests**");
  CHECK(parts("    - [x] non-task child status x") == "x|non-task child status x");
  CHECK(parts("    1. Sub-item 1") == "|Sub-item 1");
  CHECK(parts(">     - item in a quote  ") == "|item in a quote");
}

TEST_CASE("A task of a list read with its lists is found by note and line", "[tasks_nesting]") {
  const std::string note = "- [ ] a\n    - b\n        - [ ] c\n";
  const auto scan = kb::text::scan_markdown(note, 0, 1);
  TaskList list;
  list.notes = {{"a.md"}, {"b.md"}};
  kb::tasks::add_note_tasks(list, 0, {note, &scan, 0, 1}, {});
  kb::tasks::add_note_tasks(list, 1, {note, &scan, 0, 1}, {});
  const auto* found = list.find(1, 3);
  REQUIRE(found);
  CHECK(found->note == 1);
  CHECK(found->task->description == "c");
  CHECK(list.list_items()[list.list_items()[found->list_item].parent].line == 2);
  CHECK(list.find(1, 2) == nullptr);  // a list item, not a task
  CHECK(list.find(2, 1) == nullptr);
}

TEST_CASE("A checkbox whose text starts a numbered list holds a list item on its line",
          "[tasks_nesting]") {
  // numbered_tasks_issue_3481.json: Obsidian lists "- [ ] 1. ..." and
  // "- [ ] 3) ..." twice, the second time as a list item whose parent is the
  // line itself; "2 ", "4 - ", "5:" and "(6)" are text.
  CHECK(nesting("- [ ] 1. #task Task 1\n"
                "- [ ] 2 #task Task 2\n"
                "- [ ] 3) #task Task 3\n"
                "- [ ] 4 - #task Task 4\n"
                "- [ ] 5: #task Task 5\n"
                "- [ ] (6) #task Task 6\n") == "1<0T, 1<1-, 2<0T, 3<0T, 3<3-, 4<0T, 5<0T, 6<0T");
}
