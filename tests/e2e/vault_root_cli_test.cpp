// Without --vault and KB_VAULT, kb finds its vault by walking up from the
// current folder, as git finds .git; started outside any vault it stops.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "shell.hpp"
#include "vault_copy.hpp"

namespace {

namespace fs = std::filesystem;
using kb::test::quote;
using kb::test::shell;
using kb::test::VaultCopy;

}  // namespace

TEST_CASE("started in a subfolder, kb answers as from the vault's top folder", "[e2e][vault]") {
  const VaultCopy vault;
  const std::string sub = (vault.root() / "People/Asaf Levy").string();
  const std::string top = vault.root().string();
  for (const std::string args : {"person 'Asaf Levy' --json", "people --tsv", "meetings --json",
                                 "regen 'Asaf Levy' --check", "backlinks 'Asaf Levy'"}) {
    INFO(args);
    const auto from_sub = shell("kb --today 2026-11-24 " + args, sub);
    const auto from_top = shell("kb --vault " + quote(top) + " --today 2026-11-24 " + args);
    CHECK(from_sub.exit == from_top.exit);
    CHECK(from_sub.out == from_top.out);
    CHECK(from_sub.err == from_top.err);
  }
  // Once regenerated from the top, Asaf's note is current when the whole
  // vault is read; his folder alone would shrink his Recent Context to the
  // notes in it.
  REQUIRE(shell("kb --vault " + quote(top) + " --today 2026-11-24 regen 'Asaf Levy'").exit == 0);
  CHECK(shell("kb --today 2026-11-24 regen 'Asaf Levy' --check", sub).exit == 0);
  const auto config = shell("kb config", sub);
  CHECK(config.exit == 0);
  CHECK(config.out.find("# vault: " + top +
                        " (the nearest folder from the current one up "
                        "holding .obsidian/)\n") == 0);
}

TEST_CASE("a .kb.yaml marks a vault too, --vault and KB_VAULT are taken as given", "[e2e][vault]") {
  const VaultCopy vault;
  fs::remove_all(vault.root() / ".obsidian");
  const std::string sub = (vault.root() / "Customers/OpenAI").string();
  CHECK(shell("kb people", sub).exit == 2);  // no marker left anywhere above
  std::ofstream(vault.root() / ".kb.yaml") << "";
  const auto found = shell("kb people --tsv", sub);
  CHECK(found.exit == 0);
  CHECK(found.out.find("Asaf Levy\tPeople/Asaf Levy/Asaf Levy.md") != std::string::npos);
  CHECK(shell("kb config --json", sub).out.find("\"found_by\": \".kb.yaml\"") != std::string::npos);
  // Named explicitly, a folder is the vault even without a marker (here:
  // only the notes under Customers/OpenAI).
  const auto given = shell("kb --vault . people --tsv", sub);
  CHECK(given.exit == 0);
  CHECK(given.out == "name\tpath\tlast_contact\tnotes\trole\n");
  CHECK(shell("KB_VAULT=. kb config --json", sub).out.find("\"found_by\": \"KB_VAULT\"") !=
        std::string::npos);
}

TEST_CASE("outside any vault kb exits 2 and says how to name one", "[e2e][vault]") {
  const fs::path outside =
      fs::temp_directory_path() / ("kb-no-vault-" + std::to_string(::getpid()));
  fs::create_directories(outside / "notes");
  std::ofstream(outside / "notes/Someone.md") << "---\ntype: person\n---\n";
  for (const std::string args : {"people", "person Someone", "regen --all", "config"}) {
    INFO(args);
    const auto run = shell("kb " + args, (outside / "notes").string());
    CHECK(run.exit == 2);
    CHECK(run.out.empty());
    CHECK(run.err.find("kb: no vault found: no folder from " + (outside / "notes").string() +
                       " up holds .obsidian/ or .kb.yaml; name the vault with --vault DIR or "
                       "KB_VAULT=DIR") == 0);
  }
  fs::remove_all(outside);
}
