// What regen writes into a person note from other notes, end to end on an
// in-memory vault: summaries on several lines, summaries holding comment,
// link, embed or heading syntax, and file names a wikilink cannot hold.
#include <catch2/catch.hpp>

#include "kb/edit/person_sections.hpp"
#include "kb/edit/regen.hpp"
#include "kb/io/fs.hpp"
#include "kb/model/vault.hpp"
#include "kb/query/person.hpp"
#include "kb/text/markdown.hpp"

namespace {

const kb::text::Date kToday{2026, 1, 15};

struct Regenerated {
  std::string text;
  kb::edit::PersonSections sections;
};

Regenerated regen_jane(kb::io::MemoryFileSystem& fs) {
  fs.add("People/Jane Doe.md",
         "---\ntype: person\nlast_contact: \"2000-01-01\"\n---\n# Jane Doe\n");
  auto vault = kb::model::load_vault(fs, kb::model::Conventions{});
  REQUIRE(vault.ok());
  const auto id = vault->find_path("People/Jane Doe.md");
  REQUIRE(id >= 0);
  const auto tasks = kb::query::vault_tasks(*vault, vault->notes_with_tasks());
  auto view = kb::query::person_view(*vault, id, tasks, kToday);
  REQUIRE(view.ok());
  const auto body = vault->body(id);
  REQUIRE(body.ok());
  Regenerated out;
  out.sections = kb::edit::person_sections(*vault, *view);
  auto rewritten = kb::edit::rewrite_person_note((*body)->text, out.sections);
  if (!rewritten) FAIL(rewritten.error().message);
  out.text = *rewritten;
  auto again = kb::edit::rewrite_person_note(out.text, out.sections);
  REQUIRE(again.ok());
  CHECK(*again == out.text);
  return out;
}

void meeting(kb::io::MemoryFileSystem& fs, const std::string& path, const std::string& date,
             const std::string& summary_yaml, const std::string& body = "") {
  fs.add(path, "---\ndate: " + date + "\nattendees: [\"[[Jane Doe]]\"]\n" + summary_yaml + "---\n" +
                   body);
}

}  // namespace

TEST_CASE("generated lines: a summary on several lines is one line", "[regen][generated]") {
  kb::io::MemoryFileSystem fs;
  meeting(fs, "Meetings/a.md", "2025-11-01", "summary: >\n  Folded\n  text\n");
  meeting(fs, "Meetings/b.md", "2025-11-02", "summary: |\n  Literal\n  lines\n");
  meeting(fs, "Meetings/c.md", "2025-11-03", "summary: \"Quoted\\nnewline\"\n");
  const auto out = regen_jane(fs);
  CHECK(out.sections.recent_context_lines ==
        std::vector<std::string>{"- 2025-11-03: [[c]] - Quoted newline",
                                 "- 2025-11-02: [[b]] - Literal lines",
                                 "- 2025-11-01: [[a]] - Folded text"});
}

TEST_CASE("generated lines: no syntax in a summary takes effect in the person note",
          "[regen][generated]") {
  kb::io::MemoryFileSystem fs;
  meeting(fs, "Meetings/a.md", "2025-11-01", "summary: \"Budget <!-- draft\"\n");
  meeting(fs, "Meetings/b.md", "2025-11-02", "summary: \"Plan %% later\"\n");
  meeting(fs, "Meetings/c.md", "2025-11-03", "summary: \"Met [[Bob]] and ![[chart.png]]\"\n");
  meeting(fs, "Meetings/d.md", "2025-11-04", "summary: \"# Not a heading #tag\"\n");
  fs.add("Bob.md", "# Bob\n");
  const auto out = regen_jane(fs);
  CHECK(out.sections.recent_context_lines ==
        std::vector<std::string>{"- 2025-11-04: [[d]] - \\# Not a heading \\#tag",
                                 "- 2025-11-03: [[c]] - Met Bob and chart.png",
                                 "- 2025-11-02: [[b]] - Plan \\%\\% later",
                                 "- 2025-11-01: [[a]] - Budget \\<\\!-- draft"});
  // Read back: the person note links only to the meetings, has no new heading.
  const auto scan = kb::text::scan_markdown(out.text, 0, 1);
  for (const auto& link : scan.links) CHECK(link.link.target.size() == 1);  // a, b, c, d
  CHECK(scan.links.size() == 4);
  CHECK(scan.comments.empty());
  CHECK_FALSE(scan.unclosed_comment);
}

TEST_CASE("generated lines: file names a wikilink cannot hold", "[regen][generated]") {
  kb::io::MemoryFileSystem fs;
  meeting(fs, "Meetings/Sync | Q4.md", "2025-11-01", "summary: pipes\n");
  meeting(fs, "Meetings/Retro ]] notes.md", "2025-11-02", "summary: brackets\n");
  meeting(fs, "Meetings/C# review.md", "2025-11-03", "summary: hash\n");
  meeting(fs, "Meetings/v2^final.md", "2025-11-04", "summary: caret\n");
  const auto out = regen_jane(fs);
  CHECK(out.sections.recent_context_lines ==
        std::vector<std::string>{
            "- 2025-11-04: [v2^final](Meetings/v2%5Efinal.md) - caret",
            "- 2025-11-03: C# review - hash",
            "- 2025-11-02: [Retro \\]\\] notes](Meetings/Retro%20%5D%5D%20notes.md) - brackets",
            "- 2025-11-01: [Sync | Q4](Meetings/Sync%20%7C%20Q4.md) - pipes"});
}

TEST_CASE("generated lines: last_contact is the newest meeting on or before today",
          "[regen][generated]") {
  kb::io::MemoryFileSystem fs;
  meeting(fs, "Meetings/past.md", "2025-12-01", "summary: held\n");
  meeting(fs, "Meetings/planned.md", "2026-02-01", "summary: planned\n");
  const auto out = regen_jane(fs);
  CHECK(out.sections.last_contact == "2025-12-01");
  // The future meeting still comes first in Recent Context: it is the newest.
  REQUIRE(out.sections.recent_context_lines.size() == 2);
  CHECK(out.sections.recent_context_lines[0].starts_with("- 2026-02-01: [[planned]]"));
  CHECK(out.text.find("last_contact: \"2025-12-01\"") != std::string::npos);
}

TEST_CASE("generated lines: a plain line reads back as itself", "[regen][generated]") {
  CHECK(kb::edit::reads_as_plain_line("- 2025-11-07: [[M1]] - first (via Ann)"));
  CHECK(kb::edit::reads_as_plain_line("- Send deck — [[M1]]"));
  CHECK_FALSE(kb::edit::reads_as_plain_line("# a heading"));
  CHECK_FALSE(kb::edit::reads_as_plain_line("- [ ] a task"));
  CHECK_FALSE(kb::edit::reads_as_plain_line("```"));
  CHECK_FALSE(kb::edit::reads_as_plain_line("--- "));
  CHECK_FALSE(kb::edit::reads_as_plain_line("%% open"));
  CHECK_FALSE(kb::edit::reads_as_plain_line("two\nlines"));
  CHECK_FALSE(kb::edit::reads_as_plain_line("a\rb"));
}

TEST_CASE("generated lines: a line's verdict, once given, is reused", "[regen][generated]") {
  // A line marked checked (query::ContextLines checked it once for every
  // person showing it) is not scanned again: the rewrite takes the verdict.
  // Here the verdict is made up, so that reusing it shows.
  kb::edit::PersonSections s;
  s.recent_context_lines = {"- 2025-11-07: [[M1]] - fine", "# not plain"};
  s.recent_context_sources = {"M1.md", "M2.md"};
  const std::string note = "# Jane\n\n## Recent Context\n";
  const auto refused = kb::edit::rewrite_person_note(note, s);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message ==
        "cannot regenerate: generated line is not a plain line (from M2.md): # not plain");
  s.recent_context_checked = {0, 1};
  CHECK(kb::edit::rewrite_person_note(note, s).ok());
  s.recent_context_checked = {1};  // shorter: the second line is checked again
  CHECK_FALSE(kb::edit::rewrite_person_note(note, s).ok());
  s.recent_context_checked.clear();
  s.open_task_lines = {"- [ ] a task"};
  s.open_task_checked = {1};
  s.recent_context_lines.pop_back();
  CHECK(kb::edit::rewrite_person_note(note, s).ok());
  s.open_task_checked.clear();
  CHECK_FALSE(kb::edit::rewrite_person_note(note, s).ok());
}
