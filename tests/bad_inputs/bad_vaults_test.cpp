// The bad-input catalogue, part two, end to end: vaults and files that are
// missing, unreadable, read-only, symlinked or looping, and names that are
// ambiguous or differ only by Unicode normalisation or case.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "kb_process.hpp"

namespace {

using namespace kb::testing;

void check_sane(const Run& run) {
  INFO(run.command);
  INFO("stderr:\n" << run.err);
  CHECK((run.exit == 0 || run.exit == 1 || run.exit == 2));  // no crash, no timeout (124)
  for (const std::string& line : run.err_lines()) {
    INFO(line);
    CHECK((line.rfind("kb: ", 0) == 0 || line.rfind("  ", 0) == 0));
  }
}

Run kb_run(const fs::path& vault, const std::string& args) {
  Run run = run_kb(vault.string(), args);
  check_sane(run);
  return run;
}

const char* kReadingCommands[] = {"person 'Jane Doe'", "people", "tasks 'not done'", "check",
                                  "regen --all"};

// A person note regen will want to rewrite.
const std::string kJane =
    "---\ntype: person\ntitle: Jane Doe\nlast_contact: \"2000-01-01\"\n---\n\n# Jane Doe\n\n"
    "## Profile\n\nRole: tester\n";

fs::path small_vault(const ScratchDir& dir) {
  const fs::path vault = dir.root() / "vault";
  write_file(vault / "People/Jane Doe.md", kJane);
  write_file(vault / "Meetings/2025-11-07 Kickoff.md",
             "---\ndate: 2025-11-07\nattendees: [\"[[Jane Doe]]\"]\n---\nKickoff.\n"
             "- [ ] send notes to [[Jane Doe]]\n");
  return vault;
}

// Whether this process can read what chmod 000 forbids (root can).
bool permissions_bind(const fs::path& path) {
  return ::access(path.c_str(), R_OK) != 0;
}

}  // namespace

TEST_CASE("bad vaults: empty, missing, a file", "[bad_inputs]") {
  ScratchDir dir("vaults");
  const fs::path empty = dir.root() / "empty";
  fs::create_directories(empty);
  const Run people = kb_run(empty, "people");
  CHECK(people.exit == 0);
  CHECK(people.err.empty());
  const Run none = kb_run(empty, "person 'Jane Doe'");
  CHECK(none.exit == 1);
  CHECK(none.err == "kb: no person named 'Jane Doe'\n");
  CHECK(kb_run(empty, "tasks 'not done'").exit == 0);
  CHECK(kb_run(empty, "check").exit == 0);
  const Run regen = kb_run(empty, "regen --all");
  CHECK(regen.exit == 0);
  CHECK(regen.err == "kb: regen: 0 updated, 0 unchanged, 0 failed\n");
  CHECK(snapshot(empty).empty());

  const fs::path missing = dir.root() / "missing";
  const fs::path file = dir.root() / "file.md";
  write_file(file, "# not a folder\n");
  for (const char* command : kReadingCommands) {
    INFO(command);
    const Run m = kb_run(missing, command);
    CHECK(m.exit == 2);
    CHECK(m.err == "kb: " + missing.string() + ": vault folder does not exist\n");
    const Run f = kb_run(file, command);
    CHECK(f.exit == 2);
    CHECK(f.err == "kb: " + file.string() + ": vault is not a folder\n");
  }
  CHECK(!fs::exists(missing));
  CHECK(slurp(file) == "# not a folder\n");
}

TEST_CASE("bad vaults: an unreadable vault folder", "[bad_inputs]") {
  ScratchDir dir("unreadable");
  const fs::path vault = small_vault(dir);
  fs::permissions(vault, fs::perms::none);
  if (!permissions_bind(vault)) {
    WARN("SKIP: running as root, chmod 000 does not stop reads");
    return;
  }
  for (const char* command : kReadingCommands) {
    INFO(command);
    const Run run = kb_run(vault, command);
    CHECK(run.exit == 2);
    CHECK(run.err == "kb: " + vault.string() + ": cannot read vault folder: Permission denied\n");
  }
}

TEST_CASE("bad vaults: an unreadable note and an unreadable folder", "[bad_inputs]") {
  ScratchDir dir("unreadable-note");
  const fs::path vault = small_vault(dir);
  write_file(vault / "People/Locked.md", "---\ntype: person\n---\nsecret\n");
  write_file(vault / "Private/Inside.md", "secret\n");
  fs::permissions(vault / "People/Locked.md", fs::perms::none);
  fs::permissions(vault / "Private", fs::perms::none);
  if (!permissions_bind(vault / "People/Locked.md")) {
    WARN("SKIP: running as root, chmod 000 does not stop reads");
    return;
  }
  const Run people = kb_run(vault, "people");
  CHECK(people.exit == 0);
  CHECK(people.has_err_line("kb: People/Locked.md: cannot read: Permission denied"));
  CHECK(people.has_err_line("kb: Private: cannot read folder: Permission denied"));
  CHECK(people.out.find("Jane Doe") != std::string::npos);
  // regen never writes from a partial read (tests/bad_inputs/partial_read_test.cpp).
  const auto before = snapshot(vault);
  const Run regen = kb_run(vault, "regen --all");
  CHECK(regen.exit == 1);
  CHECK(regen.has_err_line(
      "kb: regen: nothing written: notes or folders could not be read (People/Locked.md, "
      "Private); regenerating without them would drop what they hold (--allow-partial writes "
      "anyway)"));
  CHECK(snapshot(vault) == before);
  CHECK(kb_run(vault, "regen --all --allow-partial").exit == 0);
}

TEST_CASE("bad vaults: symlink loops and symlinked notes", "[bad_inputs]") {
  ScratchDir dir("symlinks");
  const fs::path vault = small_vault(dir);
  fs::create_directory_symlink(vault, vault / "People/Loop");  // a folder loop
  fs::create_symlink("b.md", vault / "a.md");                  // a file loop
  fs::create_symlink("a.md", vault / "b.md");
  fs::create_symlink("nowhere.md", vault / "Dangling.md");
  // A note that is a symlink to a file outside the vault.
  const fs::path outside = dir.root() / "outside/Linked Person.md";
  const std::string linked = "---\ntype: person\nlast_contact: \"2000-01-01\"\n---\n# Linked\n";
  write_file(outside, linked);
  fs::create_symlink(outside, vault / "People/Linked Person.md");
  const auto before = snapshot(vault);

  const Run people = kb_run(vault, "people");
  CHECK(people.exit == 0);
  CHECK(people.out.find("Linked Person") != std::string::npos);  // read through the link
  CHECK(people.out.find("Jane Doe") != std::string::npos);
  CHECK(kb_run(vault, "person 'Linked Person'").exit == 0);
  CHECK(kb_run(vault, "tasks 'not done'").exit == 0);
  kb_run(vault, "check");

  const Run regen = kb_run(vault, "regen --all");
  CHECK(regen.exit == 1);
  CHECK(regen.has_err_line(
      "kb: People/Linked Person.md: refusing to write a symlinked note (use --force)"));
  CHECK(slurp(outside) == linked);
  CHECK(fs::is_symlink(vault / "People/Linked Person.md"));
  CHECK(slurp(vault / "People/Jane Doe.md") != kJane);  // the other note was written

  // --force writes through a link, but never to a file outside the vault.
  const Run forced = kb_run(vault, "regen 'Linked Person' --force");
  CHECK(forced.exit == 1);
  CHECK(forced.has_err_line(
      "kb: People/Linked Person.md: refusing to write a symlinked note whose target is outside "
      "the vault"));
  CHECK(slurp(outside) == linked);
  CHECK(fs::is_symlink(vault / "People/Linked Person.md"));

  // A link to a note inside the vault is written through with --force.
  fs::remove(vault / "People/Linked Person.md");
  const fs::path inside = vault / "Archive/Linked Person.txt";
  write_file(inside, linked);
  fs::create_symlink("../Archive/Linked Person.txt", vault / "People/Linked Person.md");
  CHECK(kb_run(vault, "regen 'Linked Person'").exit == 1);
  CHECK(slurp(inside) == linked);
  CHECK(kb_run(vault, "regen 'Linked Person' --force").exit == 0);
  CHECK(slurp(inside) != linked);
  CHECK(fs::is_symlink(vault / "People/Linked Person.md"));
  CHECK(fs::is_symlink(vault / "a.md"));
  CHECK(before.size() > 0);
}

TEST_CASE("bad vaults: a read-only note at regen", "[bad_inputs]") {
  ScratchDir dir("read-only");
  const fs::path vault = small_vault(dir);
  const fs::path jane = vault / "People/Jane Doe.md";
  fs::permissions(jane, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  const Run regen = kb_run(vault, "regen --all");
  CHECK(regen.exit == 1);
  CHECK(regen.has_err_line(
      "kb: People/Jane Doe.md: refusing to write a read-only note (use --force)"));
  CHECK(slurp(jane) == kJane);
  const Run forced = kb_run(vault, "regen --all --force");
  CHECK(forced.exit == 0);
  CHECK(slurp(jane) != kJane);
  struct stat st {};
  REQUIRE(::stat(jane.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0444);  // the mode is kept
}

TEST_CASE("bad names: one that matches two people", "[bad_inputs]") {
  ScratchDir dir("ambiguous");
  const fs::path vault = small_vault(dir);
  write_file(vault / "People/Team A/Dana Cohen.md", "---\ntype: person\n---\n# Dana\n");
  write_file(vault / "People/Team B/Dana Cohen.md", "---\ntype: person\n---\n# Dana\n");
  const auto before = snapshot(vault);
  for (const char* command : {"person 'Dana Cohen'", "regen 'Dana Cohen'"}) {
    INFO(command);
    const Run run = kb_run(vault, command);
    CHECK(run.exit == 2);
    CHECK(run.out.empty());
    CHECK(run.has_err_line("kb: 'Dana Cohen' matches 2 people; name one of them:"));
    // Each with the argument that selects it: here the path, the name being shared.
    CHECK(run.has_err_line("  'People/Team A/Dana Cohen.md'"));
    CHECK(run.has_err_line("  'People/Team B/Dana Cohen.md'"));
  }
  CHECK(snapshot(vault) == before);
  for (const char* team : {"A", "B"}) {
    const Run run =
        kb_run(vault, std::string("person 'People/Team ") + team + "/Dana Cohen.md' --json");
    CHECK(run.exit == 0);
    CHECK(run.out.find(std::string("\"path\": \"People/Team ") + team + "/Dana Cohen.md\"") !=
          std::string::npos);
  }
}

TEST_CASE("bad names: NFC, NFD and case all find the person", "[bad_inputs]") {
  ScratchDir dir("unicode");
  const fs::path vault = small_vault(dir);
  const std::string nfc = "Zo\xC3\xAB M\xC3\xBCller";    // Zoë Müller, precomposed
  const std::string nfd = "Zoe\xCC\x88 Mu\xCC\x88ller";  // e + U+0308, u + U+0308
  write_file(vault / ("People/" + nfd + ".md"), "---\ntype: person\n---\n# Zoe\n");
  write_file(vault / "People/Ren\xC3\xA9 Roy.md",
             "---\ntype: person\naliases: [\"RENE\xCC\x81\"]\n---\n# Ren\n");
  for (const std::string& query :
       {nfc, nfd, std::string("zo\xC3\xAB m\xC3\xBCller"), std::string("ZO\xC3\x8B M\xC3\x9CLLER"),
        std::string("ZOE\xCC\x88 MU\xCC\x88LLER"), std::string("zoe muller")}) {
    INFO(query);
    const Run run = kb_run(vault, "person " + shell_quote(query) + " --json");
    CHECK(run.exit == 0);
    CHECK(run.out.find("People/" + nfd + ".md") != std::string::npos);
  }
  for (const std::string& query : {std::string("Ren\xC3\xA9 Roy"), std::string("Rene\xCC\x81 Roy"),
                                   std::string("REN\xC3\x89"), std::string("ren\xC3\xA9")}) {
    INFO(query);
    CHECK(kb_run(vault, "person " + shell_quote(query)).exit == 0);
  }
}

TEST_CASE("bad names: a file name that is not UTF-8", "[bad_inputs]") {
  ScratchDir dir("latin1");
  const fs::path vault = small_vault(dir);
  const std::string name = "B\xE4r Ng";  // Latin-1, as an old archive might hold
  write_file(vault / ("People/" + name + ".md"), "---\ntype: person\n---\n# B\n");
  for (const std::string& command : std::vector<std::string>{
           "person " + shell_quote(name), "person --json " + shell_quote(name), "people --json",
           "people --tsv", "brief --json " + shell_quote(name),
           "graph --format json " + shell_quote(name), "check --json"}) {
    INFO(command);
    const Run run = kb_run(vault, command);
    CHECK(run.exit == (command.rfind("check", 0) == 0 ? 1 : 0));
    CHECK(run.err.find("internal error") == std::string::npos);
  }
  const Run json = kb_run(vault, "person --json " + shell_quote(name));
  CHECK(json.out.find("\"People/B\xEF\xBF\xBDr Ng.md\"") != std::string::npos);  // U+FFFD
  CHECK(kb_run(vault, "regen --all").exit == 0);
  CHECK(fs::exists(vault / ("People/" + name + ".md")));
}
