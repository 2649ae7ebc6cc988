// The Open Tasks snapshot with `show tree`: each task's nested lines written
// under its bullet, four spaces a level, as bullets that are no tasks (a
// checkbox's status escaped, "\[x]"). The snapshot must read back as kb's
// own: the next regen neither refuses it nor writes other bytes, while a task
// written by hand in the section is still refused.
#include <catch2/catch.hpp>
#include <string>

#include "kb/edit/person_sections.hpp"
#include "kb/edit/regen.hpp"
#include "kb/io/fs.hpp"
#include "kb/query/person.hpp"

namespace {

const kb::text::Date kToday{2025, 11, 12};
const std::string kPerson = "People/Ann Lee/Ann Lee.md";

// One regen of Ann's note over the vault `fs` holds, as kb regen runs it.
kb::Expected<std::string> regen(const kb::io::MemoryFileSystem& fs,
                                const kb::model::Conventions& conventions) {
  auto vault = kb::model::load_vault(fs, conventions);
  REQUIRE(vault.ok());
  const kb::model::NoteId person = vault->find_path(kPerson);
  REQUIRE(person >= 0);
  const auto tasks = kb::query::vault_tasks(*vault, vault->notes_with_tasks());
  auto view = kb::query::person_view(*vault, person, tasks, kToday);
  REQUIRE(view.ok());
  REQUIRE(vault->read_bodies(kb::query::listed_notes(*view)).empty());
  REQUIRE_FALSE(kb::query::add_task_trees(*vault, *view));
  const std::string text = (*vault->body(person))->text;
  return kb::edit::rewrite_person_note(text, kb::edit::person_sections(*vault, *view));
}

const std::string kNote =
    "---\ntype: people\ntitle: Ann Lee\n---\n# Ann Lee\n\n## Open Tasks\n\n"
    "```tasks\npath includes Ann Lee\nnot done\nshow tree\n```\n";

}  // namespace

TEST_CASE("show tree snapshot: written nested, read back as kb's own, stable", "[regen][tree]") {
  kb::io::MemoryFileSystem fs;
  fs.add(kPerson, kNote);
  // Under the global filter #task: "Buy milk" is a list item with a
  // checkbox, "Bake" a task in progress, "[x] odd" a checkbox without it.
  fs.add("People/Ann Lee/2025-11-01 - Party.md",
         "---\ndate: 2025-11-01\n---\n"
         "- [ ] #task Have a party\n"
         "    - Planning\n"
         "        - [x] #task Decide who to invite\n"
         "        - [ ] Buy milk\n"
         "    - [/] #task Bake <!-- soon\n"
         "    - [x] odd\n"
         "    * \t[ ] looks like a box\n");
  kb::model::Conventions conventions;
  conventions.tasks.global_filter = "#task";
  conventions.tasks.remove_global_filter = true;
  auto first = regen(fs, conventions);
  REQUIRE(first.ok());
  const std::string expected_section =
      "## Open Tasks\n\n```tasks\npath includes Ann Lee\nnot done\nshow tree\n```\n\n"
      "- Have a party — [[2025-11-01 - Party]]\n"
      "    - Planning\n"
      "        - \\[x] Decide who to invite\n"
      "        - \\[ ] Buy milk\n"
      "    - \\[/] Bake \\<\\!-- soon\n"
      "    - \\[x] odd\n"
      "    - \\[ ] looks like a box\n";
  CHECK(first->find(expected_section) != std::string::npos);

  // The next regen reads the snapshot (Ann's note is in her own folder, so
  // `path includes Ann Lee` reads it too) and writes the same bytes.
  fs.add(kPerson, *first);
  auto second = regen(fs, conventions);
  REQUIRE(second.ok());
  CHECK(*second == *first);
  // Without a global filter every checkbox line is a task: the snapshot
  // still holds none.
  auto plain = regen(fs, {});
  REQUIRE(plain.ok());
  fs.add(kPerson, *plain);
  auto plain_again = regen(fs, {});
  REQUIRE(plain_again.ok());
  CHECK(*plain_again == *plain);

  // A task written by hand under a snapshot bullet is still refused.
  std::string edited = *first;
  const std::string anchor = "    - Planning\n";
  edited.insert(edited.find(anchor) + anchor.size(), "        - [ ] mine\n");
  fs.add(kPerson, edited);
  auto refused = regen(fs, conventions);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message ==
        "section 'Open Tasks' contains hand-written tasks; move them out before regenerating");
}

TEST_CASE("snapshot bullets: a leading link stays a link, a leading box is escaped", "[regen]") {
  kb::io::MemoryFileSystem fs;
  fs.add(kPerson,
         "---\ntype: people\ntitle: Ann Lee\n---\n# Ann Lee\n\n## Open Tasks\n\n"
         "```tasks\npath includes Ann Lee\nnot done\n```\n");
  fs.add("People/Ann Lee/2025-11-01 - Sync.md",
         "---\ndate: 2025-11-01\n---\n"
         "- [ ] [[Bob]] sends the deck\n"
         "- [ ] [x] looks done\n"
         "- [ ] [[] odd status\n");
  auto first = regen(fs, {});
  REQUIRE(first.ok());
  CHECK(first->find("- [[Bob]] sends the deck — [[2025-11-01 - Sync]]\n") != std::string::npos);
  CHECK(first->find("- \\[x] looks done — [[2025-11-01 - Sync]]\n") != std::string::npos);
  CHECK(first->find("- \\[[] odd status — [[2025-11-01 - Sync]]\n") != std::string::npos);
  fs.add(kPerson, *first);
  auto second = regen(fs, {});
  REQUIRE(second.ok());
  CHECK(*second == *first);
}
