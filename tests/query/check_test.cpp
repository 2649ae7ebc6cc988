#include "kb/query/check.hpp"

#include "fixture_vault.hpp"

using namespace kb;

namespace {

std::vector<query::Problem> check(const io::MemoryFileSystem& fs) {
  const auto vault = testing::load(fs);
  Diagnostics warnings;
  return query::check_vault(vault, query::AttachmentIndex(*fs.list_files(warnings)));
}

std::string line_of(const query::Problem& p) {
  return p.path + ":" + std::to_string(p.line) + ": [" + p.check + "] " + p.message;
}

std::vector<std::string> lines_of(const std::vector<query::Problem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(line_of(p));
  return out;
}

}  // namespace

TEST_CASE("check: links Obsidian leaves unresolved, and why", "[check]") {
  io::MemoryFileSystem fs;
  fs.add("People/Élodie Marchand.md",
         "---\ntype: people\naliases: [Elo]\n---\n```tasks\nnot done\n```\n");
  fs.add("Notes/Links.md",
         "See [[Elodie Marchand]] and [[Elo]].\n"
         "![[pic.png]] [[Gone]] [[People/Élodie Marchand]] [[élodie marchand#Top|x]]\n"
         "`[[In code]]`\n");
  fs.add("Attachments/pic.png", "PNG");
  CHECK(lines_of(check(fs)) ==
        std::vector<std::string>{
            "Notes/Links.md:1: [accent-link] link [[Elodie Marchand]] differs from 'Élodie "
            "Marchand' only in accents; Obsidian leaves it unresolved",
            "Notes/Links.md:1: [alias-link] link [[Elo]] matches only an alias of 'Élodie "
            "Marchand'; Obsidian resolves links by file name: write [[Élodie Marchand|Elo]]",
            "Notes/Links.md:2: [broken-link] link [[Gone]] resolves to no note or file",
        });
}

TEST_CASE("check: front-matter links are links too", "[check]") {
  io::MemoryFileSystem fs;
  fs.add("Meetings/M.md", "---\ntype: meeting\nparticipants:\n  - \"[[Nobody]]\"\n---\nx\n");
  CHECK(lines_of(check(fs)) ==
        std::vector<std::string>{
            "Meetings/M.md:4: [broken-link] link [[Nobody]] resolves to no note or file"});
}

TEST_CASE("check: entities sharing a name, people without a tasks block", "[check]") {
  io::MemoryFileSystem fs;
  fs.add("Customers/Sam.md", "---\ntype: customer\n---\n# Sam\n");
  fs.add("People/Sam.md", "---\ntype: people\ntitle: Sam\n---\n## Open Tasks\n");
  fs.add("People/Kim.md", "---\ntype: people\naliases: [Sammy]\n---\n```tasks\nnot done\n```\n");
  CHECK(lines_of(check(fs)) ==
        std::vector<std::string>{
            "Customers/Sam.md:1: [duplicate-name] name 'Sam' also names People/Sam.md (person); "
            "kb cannot tell them apart by that name",
            "People/Sam.md:1: [duplicate-name] name 'Sam' also names Customers/Sam.md "
            "(customer); kb cannot tell them apart by that name",
            "People/Sam.md:5: [no-tasks-block] person note has no ```tasks block; kb uses the "
            "default query",
        });
}

TEST_CASE("check: an alias shared by two people is reported once per person", "[check]") {
  io::MemoryFileSystem fs;
  const std::string tasks = "```tasks\nnot done\n```\n";
  fs.add("People/Ann A.md", "---\ntype: people\naliases: [Ann]\n---\n" + tasks);
  fs.add("People/Ann B.md", "---\ntype: people\naliases: [ann, ANN]\n---\n" + tasks);
  CHECK(lines_of(check(fs)) ==
        std::vector<std::string>{
            "People/Ann A.md:1: [duplicate-name] name 'Ann' also names People/Ann B.md (person); "
            "kb cannot tell them apart by that name",
            "People/Ann B.md:1: [duplicate-name] name 'Ann' also names People/Ann A.md (person); "
            "kb cannot tell them apart by that name",
        });
}

TEST_CASE("check: load diagnostics become problems with their check name", "[check]") {
  io::MemoryFileSystem fs;
  fs.add("Notes/Dup.md", "---\ntype: x\ntype: y\n---\nbody\n");
  fs.add("Notes/Bad.md", "---\nkey: [unclosed\n---\nbody\n");
  fs.add("Notes/Open.md", "---\nkey: v\nno closing fence\n");
  const auto problems = check(fs);
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].path == "Notes/Bad.md");
  CHECK(problems[0].check == "front-matter");
  CHECK(problems[0].message.rfind("malformed front-matter", 0) == 0);
  CHECK(line_of(problems[1]) ==
        "Notes/Dup.md:3: [duplicate-key] duplicate front-matter key 'type'");
  CHECK(line_of(problems[2]) ==
        "Notes/Open.md:1: [front-matter] front-matter has no closing '---' line; read as text");
}

TEST_CASE("check: the fixture vault's only problems", "[check]") {
  const auto fs = testing::fixture_fs();
  CHECK(lines_of(check(fs)) ==
        std::vector<std::string>{
            "Customers/Acme/2025-10-01 - Kickoff.md:6: [broken-link] link [[Nowhere]] resolves "
            "to no note or file",
            "People/Bob Stone.md:7: [no-tasks-block] person note has no ```tasks block; kb uses "
            "the default query",
        });
}
