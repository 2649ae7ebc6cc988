// person_view narrows `path includes NAME` + `not done` queries to the notes
// whose path includes NAME before running them: the open tasks must be
// exactly what the query gives over every task of the vault.
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "fixture_vault.hpp"
#include "kb/query/person.hpp"

namespace {

using kb::testing::id_of;
using kb::testing::load;

const kb::text::Date kToday{2026, 1, 15};

std::string person_note(const std::string& title, const std::string& query) {
  return "---\ntype: person\ntitle: \"" + title + "\"\n---\n# " + title + "\n\n```tasks\n" + query +
         "```\n";
}

// "path:line" of each open task, as the view lists them and as the query
// alone selects them from all tasks.
std::vector<std::string> listed(const kb::query::PersonView& view) {
  std::vector<std::string> out;
  for (const auto& task : view.open_tasks)
    out.push_back(task.path + ":" + std::to_string(task.line));
  return out;
}

std::vector<std::string> selected(const std::string& query, const kb::tasks::TaskList& all) {
  auto parsed = kb::tasks::TasksQuery::parse(query);
  std::vector<std::string> out;
  for (const auto& item : parsed->select(all, kToday)) {  // the query over every task
    out.push_back(std::string(all.notes[item.note].path) + ":" + std::to_string(item.line));
  }
  return out;
}

const std::vector<std::pair<std::string, std::string>> kPeople = {
    {"Élodie Marchand", "path includes Élodie Marchand\nnot done\n"},
    {"Ann Lee", "not done\n\npath includes ann lee\n"},            // either order, case
    {"Bo (Ops)", "path includes Bo (Ops)\nnot done\n"},            // read as Boolean
    {"Cy", "path includes Cy\nnot done\nsort by path reverse\n"},  // a third line
    {"Dee", "path includes Dee\ndone\n"},                          // not `not done`
    {"Fay", "(path includes Fay) AND (not done)\n"},               // under AND: narrowed
    {"Gus", "(path includes Gus) OR (done)\n"},                    // under OR: every task
    {"Hal", "path includes Hal\nnot a filter\n"},                  // does not parse
};
const std::vector<std::string> kFolders = {"People/Élodie Marchand",
                                           "People/ÉLODIE MARCHAND x",
                                           "Meetings/ann lee",
                                           "Meetings/ANN LEE 2",
                                           "Ops/Bo (Ops)",
                                           "Notes/Cy",
                                           "Notes/Dee",
                                           "Notes/Fay",
                                           "Notes/Gus",
                                           "Notes/Other"};

// The people above and a note with four tasks in each folder.
kb::io::MemoryFileSystem people_and_tasks() {
  kb::io::MemoryFileSystem fs;
  for (const auto& [name, query] : kPeople)
    fs.add("People/" + name + ".md", person_note(name, query));
  for (std::size_t i = 0; i < kFolders.size(); ++i) {
    fs.add(kFolders[i] + "/2025-12-0" + std::to_string(i + 1) + " - Sync.md",
           "- [ ] first 📅 2026-01-0" + std::to_string(i + 1) + "\n- [x] done ✅ 2025-12-01\n" +
               "- [/] going\n- [ ] later\n");
  }
  return fs;
}

}  // namespace

TEST_CASE("person_view: path-includes queries select exactly what the query selects",
          "[person][tasks]") {
  const auto fs = people_and_tasks();
  const auto& people = kPeople;
  const auto& folders = kFolders;
  const auto vault = load(fs);
  const auto tasks = kb::query::vault_tasks(vault, vault.notes_with_tasks());
  const auto& all = tasks;
  REQUIRE(all.size() == folders.size() * 4);
  for (const auto& [name, query] : people) {
    INFO(name);
    auto view = kb::query::person_view(vault, id_of(vault, "People/" + name + ".md"), all, kToday);
    if (!kb::tasks::TasksQuery::parse(query).ok()) {
      REQUIRE_FALSE(view.ok());
      continue;
    }
    REQUIRE(view.ok());
    REQUIRE(listed(*view) == selected(query, all));
  }
  auto elodie =
      kb::query::person_view(vault, id_of(vault, "People/Élodie Marchand.md"), all, kToday);
  REQUIRE(elodie->open_tasks.size() == 6);  // both accented folders, three open tasks each

  // What is read: only the notes under a required path text, else every note with tasks.
  const auto read_for = [&](const std::string& name) {
    return kb::query::notes_with_candidate_tasks(vault, id_of(vault, "People/" + name + ".md"))
        .size();
  };
  CHECK(read_for("Élodie Marchand") == 2);
  CHECK(read_for("Fay") == 1);
  CHECK(read_for("Gus") == folders.size());
  CHECK(read_for("Hal") == 0);  // person_view fails on the query: no task is read
}

TEST_CASE("person_view: each query parsed once for many people gives the same views",
          "[person][tasks]") {
  const auto fs = people_and_tasks();
  const auto vault = load(fs);
  const auto all = kb::query::vault_tasks(vault, vault.notes_with_tasks());
  std::vector<kb::model::NoteId> ids;
  for (const auto& person : kPeople) ids.push_back(id_of(vault, "People/" + person.first + ".md"));
  std::vector<std::optional<kb::tasks::TasksQuery>> queries;
  const auto candidates = kb::query::notes_with_candidate_tasks(vault, ids, nullptr, &queries);
  REQUIRE(queries.size() == ids.size());
  std::size_t dee = 0;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    INFO(kPeople[i].first);
    if (kPeople[i].first == "Dee") dee = i;
    if (kPeople[i].first == "Hal") {
      CHECK_FALSE(queries[i].has_value());  // does not parse: person_view reports it
      continue;
    }
    REQUIRE(queries[i].has_value());
    const auto alone = kb::query::person_view(vault, ids[i], all, kToday);
    const auto shared =
        kb::query::person_view(vault, ids[i], all, kToday, &candidates[i], nullptr, &*queries[i]);
    REQUIRE(alone.ok());
    REQUIRE(shared.ok());
    CHECK(listed(*shared) == listed(*alone));
  }
  // The query given is the one run, not the note's parsed again: Cy's note
  // with Dee's query lists Dee's done tasks.
  const auto cy = id_of(vault, "People/Cy.md");
  const auto as_dee =
      kb::query::person_view(vault, cy, all, kToday, &candidates[dee], nullptr, &*queries[dee]);
  const auto dee_view = kb::query::person_view(vault, ids[dee], all, kToday);
  REQUIRE(as_dee.ok());
  CHECK(listed(*as_dee) == listed(*dee_view));
  CHECK_FALSE(listed(*as_dee).empty());
}
