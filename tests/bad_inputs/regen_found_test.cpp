// Inputs the bad-input catalogue and the fuzzers found to break kb regen's
// section rewrite, kept as unit tests: each must rewrite once, and a second
// rewrite must change nothing (fuzz/fuzz_regen.cpp checks the same).
#include <catch2/catch.hpp>
#include <string>

#include "kb/edit/regen.hpp"

namespace {

using namespace std::string_literals;

kb::edit::PersonSections sections() {
  kb::edit::PersonSections s;
  s.default_query = "path includes Jane Doe\nnot done";
  s.recent_context_lines = {"- 2025-11-07: [[Kickoff]] - first meeting"};
  s.last_contact = "2025-11-07";
  return s;
}

std::string rewrite(const std::string& text) {
  auto once = kb::edit::rewrite_person_note(text, sections());
  REQUIRE(once.ok());
  auto twice = kb::edit::rewrite_person_note(*once, sections());
  REQUIRE(twice.ok());
  CHECK(*twice == *once);
  return *once;
}

}  // namespace

TEST_CASE("regen on lone-CR notes is idempotent", "[bad_inputs][regen]") {
  // Found by tests/bad_inputs: the first run finished the CR-only line with
  // "\n", the second run then saw a CRLF first line and rewrote every
  // generated line with CRLF.
  CHECK(rewrite("---\rtitle: Jane\r---\rbody\r") ==
        "---\rtitle: Jane\r---\rbody\r\n\n## Open Tasks\n\n```tasks\npath includes Jane Doe\n"
        "not done\n```\n\n## Recent Context\n\n- 2025-11-07: [[Kickoff]] - first meeting");
  // One line ending in its only CR reads as CRLF: finished with "\n" alone.
  CHECK(rewrite("body\r") ==
        "body\r\n\r\n## Open Tasks\r\n\r\n```tasks\r\npath includes Jane Doe\r\nnot done\r\n"
        "```\r\n\r\n## Recent Context\r\n\r\n- 2025-11-07: [[Kickoff]] - first meeting");
  rewrite("a\nb\r");
  rewrite("a\rb\r\nc\r");
}

TEST_CASE("regen ends a now-empty last section as the note ended", "[bad_inputs][regen]") {
  // Found by fuzz/fuzz_regen: with Recent Context last and emptied, the
  // heading kept the newline of the old last line although the note had no
  // final newline; so the bytes depended on what an earlier run generated.
  kb::edit::PersonSections with_lines = sections();
  with_lines.recent_context_lines.push_back("- 2020-01-01: [[Other]] - other");
  kb::edit::PersonSections empty = sections();
  empty.recent_context_lines.clear();
  const std::string note =
      "# Jane\n\n## Open Tasks\n\n```tasks\nnot done\n```\n\n## Recent Context";
  const auto direct = kb::edit::rewrite_person_note(note, empty);
  const auto first = kb::edit::rewrite_person_note(note, with_lines);
  REQUIRE(direct.ok());
  REQUIRE(first.ok());
  const auto back = kb::edit::rewrite_person_note(*first, empty);
  REQUIRE(back.ok());
  CHECK(*back == *direct);
  CHECK(direct->ends_with("```\n\n## Recent Context"));
}
