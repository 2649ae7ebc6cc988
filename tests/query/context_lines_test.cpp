// ContextLines renders each involved note's Recent Context line once for all
// its people: every person must get exactly the line person_view renders for
// them alone (with `via` the owner, except for the owner itself).
#include <catch2/catch.hpp>
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
