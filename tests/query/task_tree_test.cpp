// `show tree` in the person view and the brief (query::add_task_trees): each
// listed task with what is nested under it in its note, as the plugin's
// tree mode draws it (docs: Layout, "Hide and Show Tree";
// QueryResultsRendererBase.addTreeTaskList).
#include "kb/query/task_tree.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "kb/io/fs.hpp"
#include "kb/query/brief.hpp"
#include "kb/query/person.hpp"

using kb::model::NoteId;
using kb::model::Vault;
using kb::query::NestedLine;
using kb::query::PersonView;

namespace {

const kb::text::Date kToday{2025, 11, 12};

// The party of the plugin's docs ("Hide and Show Tree"), and one more task.
const std::string kParty =
    "---\ndate: 2025-11-01\n---\n"
    "- [ ] Have a party 📅 2025-11-03\n"       // line 4
    "    - Planning\n"                        // 5
    "        - [x] Decide who to invite\n"    // 6
    "        - [ ] Send out the invites ⏫\n"  // 7
    "    - [ ] [ ] odd\n"                     // 8
    "- [ ] Unrelated\n";                      // 9

std::string person_note(const std::string& query) {
  return "---\ntype: people\ntitle: Ann Lee\n---\n# Ann Lee\n\n```tasks\n" + query + "```\n";
}

Vault load(const kb::io::MemoryFileSystem& fs, const kb::model::Conventions& conventions = {}) {
  auto vault = kb::model::load_vault(fs, conventions);
  REQUIRE(vault.ok());
  return std::move(*vault);
}

PersonView view_of(const Vault& vault) {
  const NoteId person = vault.find_path("People/Ann Lee/Ann Lee.md");
  REQUIRE(person >= 0);
  const auto tasks = kb::query::vault_tasks(vault, vault.notes_with_tasks());
  auto view = kb::query::person_view(vault, person, tasks, kToday);
  REQUIRE(view.ok());
  REQUIRE_FALSE(vault.read_bodies(kb::query::listed_notes(*view)).size());
  REQUIRE_FALSE(kb::query::add_task_trees(vault, *view));
  return std::move(*view);
}

// The view as lines: a listed task drawn at the left as "line", what is
// under it as "  ..." per level ("task:line" or "item:[c]text").
std::vector<std::string> drawn(const PersonView& view) {
  std::vector<std::string> out;
  for (const auto& task : view.open_tasks) {
    if (task.tree.under_another) continue;
    out.push_back(std::to_string(task.line));
    for (const NestedLine& line : task.tree.nested) {
      std::string text(2 * static_cast<std::size_t>(line.depth), ' ');
      if (line.task) {
        text += "task:" + std::to_string(line.line);
      } else {
        text += "item:" + (line.status_symbol.empty() ? "" : "[" + line.status_symbol + "]") +
                line.text;
      }
      out.push_back(text);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("show tree: a listed task with everything nested under it, listed or not", "[tree]") {
  kb::io::MemoryFileSystem fs;
  fs.add("People/Ann Lee/Ann Lee.md", person_note("path includes Ann Lee\nnot done\nshow tree\n"));
  fs.add("People/Ann Lee/Party.md", kParty);
  const Vault vault = load(fs);
  const PersonView view = view_of(vault);
  CHECK(view.show_tree);
  REQUIRE(view.open_tasks.size() == 4);  // lines 4, 7, 8, 9: every listed task is still listed
  // Lines 7 and 8 are drawn under line 4 (their closest parent task, listed
  // too), not again at the left; the done task 6 is drawn though not listed.
  CHECK(drawn(view) == std::vector<std::string>{"4", "  item:Planning", "    task:6", "    task:7",
                                                "  task:8", "9"});
  const auto& nested = view.open_tasks.front().tree.nested;
  CHECK(nested[1].task->status_symbol == "x");
  CHECK(nested[1].text == "Decide who to invite");
}

TEST_CASE("show tree: without it the view stays flat", "[tree]") {
  kb::io::MemoryFileSystem fs;
  fs.add("People/Ann Lee/Ann Lee.md", person_note("path includes Ann Lee\nnot done\n"));
  fs.add("People/Ann Lee/Party.md", kParty);
  const Vault vault = load(fs);
  const PersonView view = view_of(vault);
  CHECK_FALSE(view.show_tree);
  CHECK(drawn(view) == std::vector<std::string>{"4", "7", "8", "9"});
  // `hide tree` after `show tree`: the last one wins.
  fs.add("People/Ann Lee/Ann Lee.md",
         person_note("path includes Ann Lee\nnot done\nshow tree\nhide tree\n"));
  const Vault hidden = load(fs);
  CHECK(drawn(view_of(hidden)) == std::vector<std::string>{"4", "7", "8", "9"});
  CHECK_FALSE(
      kb::query::person_query_shows_tree(hidden, hidden.find_path("People/Ann Lee/Ann Lee.md")));
}

TEST_CASE("show tree: each group draws its own tree", "[tree]") {
  // Line 7 (high) is in another group than its parent (none): drawn under
  // it there, and at the left in its own group, as the plugin's groups do.
  kb::io::MemoryFileSystem fs;
  fs.add("People/Ann Lee/Ann Lee.md",
         person_note("path includes Ann Lee\nnot done\nshow tree\ngroup by priority\n"));
  fs.add("People/Ann Lee/Party.md", kParty);
  const Vault vault = load(fs);
  CHECK(drawn(view_of(vault)) == std::vector<std::string>{"7", "4", "  item:Planning", "    task:6",
                                                          "    task:7", "  task:8", "9"});
}

TEST_CASE("show tree: the global filter decides what is a task, the rest are list items",
          "[tree]") {
  kb::io::MemoryFileSystem fs;
  fs.add("People/Ann Lee/Ann Lee.md", person_note("path includes Ann Lee\nnot done\nshow tree\n"));
  fs.add("People/Ann Lee/Party.md",
         "- [ ] #task Have a party\n"
         "    - [ ] Buy milk\n"    // no global filter: a list item with a checkbox
         "    - [/] #task Bake\n"  // a task, in progress
         "        1. Flour\n");    // a numbered item, drawn "- Flour"
  kb::model::Conventions conventions;
  conventions.tasks.global_filter = "#task";
  conventions.tasks.remove_global_filter = true;
  const Vault vault = load(fs, conventions);
  const PersonView view = view_of(vault);
  // Bake is listed (in progress is not done) and drawn under Have a party.
  CHECK(drawn(view) ==
        std::vector<std::string>{"1", "  item:[ ]Buy milk", "  task:3", "    item:Flour"});
  // Bake sorts first (in progress before todo) but is drawn under its parent.
  REQUIRE(view.open_tasks.size() == 2);
  CHECK(view.open_tasks[0].tree.under_another);
  const auto& nested = view.open_tasks[1].tree.nested;
  REQUIRE(nested.size() == 3);
  CHECK(nested[1].text == "Bake");  // shown without the global filter
  CHECK(kb::query::nested_line_markdown(nested[0]) == "- \\[ ] Buy milk");
  CHECK(kb::query::nested_line_markdown(nested[1]) == "- \\[/] Bake");
  CHECK(kb::query::nested_line_markdown(nested[2]) == "- Flour");
}

TEST_CASE("nested_line_markdown: a bullet that is never a task", "[tree]") {
  NestedLine item;
  item.text = "[ ] looks like a box";  // a plain item's text
  CHECK(kb::query::nested_line_markdown(item) == "- \\[ ] looks like a box");
  item.text = "[[Bob]] brings cake %% not a comment";
  CHECK(kb::query::nested_line_markdown(item) == "- [[Bob]] brings cake \\%\\% not a comment");
  item.text = "";
  CHECK(kb::query::nested_line_markdown(item) == "- ");
}

TEST_CASE("show tree in the brief: each of its lists draws its own tree", "[tree][brief]") {
  kb::io::MemoryFileSystem fs;
  fs.add("People/Ann Lee/Ann Lee.md", person_note("path includes Ann Lee\nnot done\nshow tree\n"));
  fs.add("People/Ann Lee/Party.md",
         "- [ ] Have a party 📅 2025-11-03\n"
         "    - [ ] Send out the invites 📅 2025-11-01\n"
         "    - [ ] Book the hall 📅 2025-11-13\n"
         "        - call first\n");
  const Vault vault = load(fs);
  const NoteId person = vault.find_path("People/Ann Lee/Ann Lee.md");
  const auto tasks = kb::query::vault_tasks(vault, kb::query::brief_task_notes(vault, person));
  kb::query::BriefOptions options;
  options.today = kToday;
  auto brief = kb::query::make_brief(vault, person, tasks, options);
  REQUIRE(brief.ok());
  CHECK(brief->show_tree);
  REQUIRE_FALSE(vault.read_bodies(kb::query::listed_notes(*brief)).size());
  REQUIRE_FALSE(kb::query::add_task_trees(vault, *brief));
  // Overdue: the invites (due first) and the party; the invites are drawn
  // under the party only. Due soon: the hall, alone in its list, at the left.
  REQUIRE(brief->overdue.size() == 2);
  CHECK(brief->overdue[0].line == 2);
  CHECK(brief->overdue[0].tree.under_another);
  CHECK_FALSE(brief->overdue[1].tree.under_another);
  CHECK(brief->overdue[1].tree.nested.size() == 3);
  REQUIRE(brief->due_soon.size() == 1);
  CHECK_FALSE(brief->due_soon[0].tree.under_another);
  REQUIRE(brief->due_soon[0].tree.nested.size() == 1);
  CHECK(brief->due_soon[0].tree.nested[0].text == "call first");
}
