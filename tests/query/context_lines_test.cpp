// ContextLines renders each involved note's Recent Context line once for all
// its people: every person must get exactly the line person_view renders for
// them alone (with `via` the owner, except for the owner itself).
#include <catch2/catch.hpp>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "fixture_vault.hpp"
#include "kb/query/person.hpp"

namespace {

using kb::testing::id_of;
using kb::testing::load;

const kb::text::Date kToday{2026, 1, 15};

std::vector<std::string> lines_of(const kb::query::PersonView& view) {
  std::vector<std::string> out;
  for (const auto& entry : view.recent_context) out.push_back(kb::query::context_line(entry));
  return out;
}

}  // namespace

TEST_CASE("context lines rendered once per note equal each person's own", "[person][context]") {
  auto fs = kb::testing::fixture_fs();
  // In Ann's folder and naming Bob: Ann (the owner) sees no "via", Bob does.
  fs.add("People/Ann Lee/2025-11-12 - Sync.md",
         "---\ntype: meeting\nparticipants: [Bob Stone]\nsummary: \"Sync | with *Bob*\"\n---\n"
         "Sync.\n");
  const auto vault = load(fs);
  const std::vector<kb::model::NoteId> people = vault.people();
  REQUIRE(people.size() == 2);
  const kb::query::ContextLines lines(vault, people);
  const kb::tasks::TaskList no_tasks = kb::query::vault_tasks(vault, {});
  for (const kb::model::NoteId person : people) {
    const auto alone = kb::query::person_view(vault, person, no_tasks, kToday);
    const auto shared = kb::query::person_view(vault, person, no_tasks, kToday, nullptr, &lines);
    REQUIRE(alone.ok());
    REQUIRE(shared.ok());
    CHECK(lines_of(*shared) == lines_of(*alone));
    CHECK_FALSE(lines_of(*alone).empty());
  }
  const auto bob = kb::query::person_view(vault, id_of(vault, "People/Bob Stone.md"), no_tasks,
                                          kToday, nullptr, &lines);
  REQUIRE(bob.ok());
  CHECK(lines_of(*bob).front() ==
        "- 2025-11-12: [[2025-11-12 - Sync]] - Sync | with *Bob* (via Ann Lee)");
  const auto ann = kb::query::person_view(vault, id_of(vault, "People/Ann Lee/Ann Lee.md"),
                                          no_tasks, kToday, nullptr, &lines);
  REQUIRE(ann.ok());
  CHECK(lines_of(*ann).front() == "- 2025-11-12: [[2025-11-12 - Sync]] - Sync | with *Bob*");
}

TEST_CASE("context lines: people sharing a meeting get the same line, checked once",
          "[person][context]") {
  auto fs = kb::testing::fixture_fs();
  // No owner: Ann and Bob both see the line without "via".
  fs.add("Meetings/2025-11-20 - Planning.md",
         "---\ntype: meeting\nparticipants: [Ann Lee, Bob Stone]\nsummary: Plan it\n---\n");
  const auto vault = load(fs);
  const std::vector<kb::model::NoteId> people = vault.people();
  std::mutex mutex;
  std::map<std::string, int> calls;  // per line checked
  const auto check = [&](std::string_view line) {
    const std::lock_guard<std::mutex> lock(mutex);
    ++calls[std::string(line)];
    return line.find("Kickoff") == std::string_view::npos;  // one line fails
  };
  const kb::query::ContextLines lines(vault, people, check);
  const kb::model::NoteId planning = id_of(vault, "Meetings/2025-11-20 - Planning.md");
  const kb::model::NoteId ann = id_of(vault, "People/Ann Lee/Ann Lee.md");
  const kb::model::NoteId bob = id_of(vault, "People/Bob Stone.md");
  CHECK(lines.line(planning, ann) == "- 2025-11-20: [[2025-11-20 - Planning]] - Plan it");
  CHECK(lines.line(planning, bob) == lines.line(planning, ann));
  CHECK(lines.checked(planning, ann));
  CHECK(lines.checked(planning, bob));
  // Each line was checked once, however many people show it.
  CHECK(calls.at(std::string(lines.line(planning, ann))) == 1);
  for (const auto& [line, count] : calls) CHECK(count == 1);
  // The views carry the verdicts, one per line, for the rewrite to reuse.
  const kb::tasks::TaskList no_tasks = kb::query::vault_tasks(vault, {});
  for (const kb::model::NoteId person : {ann, bob}) {
    const auto view = kb::query::person_view(vault, person, no_tasks, kToday, nullptr, &lines);
    REQUIRE(view.ok());
    for (const auto& entry : view->recent_context) {
      INFO(kb::query::context_line(entry));
      const bool kickoff = kb::query::context_line(entry).find("Kickoff") != std::string::npos;
      CHECK(entry.line_checked == !kickoff);
    }
  }
  // Without a check nothing is marked checked.
  const kb::query::ContextLines unchecked(vault, people);
  CHECK_FALSE(unchecked.checked(planning, ann));
}
