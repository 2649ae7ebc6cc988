// Names as people type them, end to end: every verb taking a name takes the
// same forms (query/resolve.hpp), a word prefix is announced on stderr, an
// ambiguous name lists arguments that work, and `kb regen -` reads what
// `kb people` prints.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "shell.hpp"
#include "vault_copy.hpp"

namespace {

namespace fs = std::filesystem;
using kb::test::quote;
using kb::test::Run;
using kb::test::shell;
using kb::test::VaultCopy;

const std::string kVault = std::string(KB_SOURCE_DIR) + "/examples/vault";

Run kb_on(const std::string& vault, const std::string& args, const std::string& input = "") {
  return shell("kb -q --vault " + quote(vault) + " --today 2026-11-24 " + args, ".", input);
}

}  // namespace

TEST_CASE("kb person takes a name as people type it", "[e2e][names]") {
  const Run exact = kb_on(kVault, "person 'Asaf Levy'");
  REQUIRE(exact.exit == 0);
  for (const std::string args :
       {"person Asaf Levy", "person ' Asaf Levy '", "person '[[Asaf Levy]]'",
        "person 'People/Asaf Levy/Asaf Levy.md'", "person 'People/Asaf Levy/Asaf Levy'",
        "person 'Asaf Levy.md'", "person asaf levy",
        "person '[[Asaf Levy|Asaf, the architect]]'"}) {
    INFO(args);
    const Run run = kb_on(kVault, args);
    CHECK(run.exit == 0);
    CHECK(run.out == exact.out);
    CHECK(run.err.empty());
  }
  // A word prefix reads the same, and says on stderr whom it chose (not with -q).
  for (const std::string name : {"asaf", "levy", "'a levy'"}) {
    INFO(name);
    const Run run = shell("kb --vault " + quote(kVault) + " --today 2026-11-24 person " + name);
    CHECK(run.exit == 0);
    CHECK(run.out == exact.out);
    CHECK(run.err.find("kb: '" + (name[0] == '\'' ? name.substr(1, name.size() - 2) : name) +
                       "' is Asaf Levy (People/Asaf Levy/Asaf Levy.md)\n") != std::string::npos);
  }
  const Run elodie = kb_on(kVault, "person el --json");
  CHECK(elodie.exit == 0);
  CHECK(elodie.out.find("\"path\": \"People/Élodie Marchand.md\"") != std::string::npos);
}

TEST_CASE("every verb taking a name takes the same forms", "[e2e][names]") {
  for (const std::string verb : {"brief", "graph", "show", "links", "backlinks"}) {
    const Run exact = kb_on(kVault, verb + " 'Asaf Levy'");
    REQUIRE(exact.exit == 0);
    for (const std::string name :
         {"asaf", "Asaf Levy", "'[[Asaf Levy]]'", "'People/Asaf Levy/Asaf Levy.md'"}) {
      INFO(verb << " " << name);
      const Run run = kb_on(kVault, verb + " " + name);
      CHECK(run.exit == 0);
      CHECK(run.out == exact.out);
    }
  }
  const Run with = kb_on(kVault, "meetings --with 'Asaf Levy' --jsonl");
  CHECK(kb_on(kVault, "meetings --with asaf --jsonl").out == with.out);
  CHECK(kb_on(kVault, "meetings --with '[[Asaf Levy]]' --jsonl").out == with.out);
  // show takes customers and projects by prefix too.
  CHECK(kb_on(kVault, "show open --json").out == kb_on(kVault, "show OpenAI --json").out);
  CHECK(kb_on(kVault, "show 'vip fail' --json").out ==
        kb_on(kVault, "show 'Projects/VIP Failover Design.md' --json").out);
}

TEST_CASE("regen takes full names, links and paths, never a prefix", "[e2e][names]") {
  const VaultCopy vault;
  const auto before = vault.snapshot();
  const Run prefix = vault.kb("-q regen asaf");
  CHECK(prefix.exit == 1);
  CHECK(prefix.err.find("kb: no person named 'asaf'; closest: Asaf Levy\n") == 0);
  CHECK(vault.snapshot() == before);
  for (const std::string name :
       {"'Asaf Levy'", "'[[Asaf Levy]]'", "'People/Asaf Levy/Asaf Levy.md'", "'asaf levy'"}) {
    INFO(name);
    CHECK(vault.kb("-q regen --check " + name).exit == 1);  // found; out of date
  }
}

TEST_CASE("an ambiguous name lists arguments that each select one note", "[e2e][names]") {
  const VaultCopy vault;
  std::ofstream(vault.root() / "People/Asaf Cohen.md") << "---\ntype: person\n---\n# Asaf Cohen\n";
  std::ofstream(vault.root() / "Customers/Asaf Levy.md") << "---\ntype: customer\n---\n";
  const std::string root = vault.root().string();
  const Run people = kb_on(root, "person asaf");
  CHECK(people.exit == 2);
  CHECK(people.out.empty());
  CHECK(people.err ==
        "kb: 'asaf' matches 2 people; name one of them:\n"
        "  'Asaf Cohen'  (People/Asaf Cohen.md)\n"
        "  'Asaf Levy'  (People/Asaf Levy/Asaf Levy.md)\n");
  // As any entity, "Asaf Levy" is a person and a customer: only paths select them.
  const Run entities = kb_on(root, "show 'Asaf Levy'");
  CHECK(entities.exit == 2);
  CHECK(entities.err ==
        "kb: 'Asaf Levy' matches 2 entities; name one of them:\n"
        "  'Customers/Asaf Levy.md'\n"
        "  'People/Asaf Levy/Asaf Levy.md'\n");
  for (const std::string argument : {"'Asaf Cohen'", "'Asaf Levy'", "'Customers/Asaf Levy.md'",
                                     "'People/Asaf Levy/Asaf Levy.md'"}) {
    INFO(argument);
    const std::string verb = argument.starts_with("'Customers") ? "show " : "person ";
    CHECK(kb_on(root, verb + argument).exit == 0);
  }
}

TEST_CASE("kb regen - reads kb people -0 and kb people --tsv, escaped names included",
          "[e2e][names]") {
  const VaultCopy vault;
  // A name with a backslash and a tab: TSV writes them \\ and \t.
  std::ofstream(vault.root() / "People/Odd Name.md")
      << "---\ntype: person\ntitle: \"Back\\\\slash\\tTab\"\n---\n# Odd\n";
  const std::string root = quote(vault.root().string());
  const std::string kb = "kb -q --vault " + root + " --today 2026-11-24 ";
  const Run nul = shell(kb + "people -0 | " + kb + "regen --check -");
  CHECK(nul.exit == 1);  // every person found; some notes out of date
  CHECK(nul.err.empty());
  const Run all = shell(kb + "regen --all --check");
  CHECK(nul.out == all.out);
  const Run tsv = shell(kb + "people --tsv | tail -n +2 | cut -f1 | " + kb + "regen --check -");
  // The README's pipeline: --no-header leaves out the "name" heading regen would refuse.
  const Run no_header =
      shell(kb + "people --tsv --no-header | cut -f1 | " + kb + "regen --check -");
  CHECK(no_header.exit == tsv.exit);
  CHECK(no_header.out == tsv.out);
  CHECK(no_header.err == tsv.err);
  CHECK(tsv.err.empty());
  CHECK(tsv.out == all.out);
  CHECK(all.out.find("People/Odd Name.md\n") != std::string::npos);
  // Written, then current: every person note, the odd one included.
  CHECK(shell(kb + "people -0 | " + kb + "regen -").exit == 0);
  CHECK(shell(kb + "regen --all --check").exit == 0);
}
