// The vault's own settings keep templates and excluded files out of the
// people graph: kb neither lists them, nor counts them as contact, nor
// rewrites them; their tasks still count, as in the Tasks plugin.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "shell.hpp"
#include "vault_copy.hpp"

namespace {

namespace fs = std::filesystem;
using kb::test::quote;
using kb::test::shell;
using kb::test::slurp;
using kb::test::VaultCopy;

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// A template that would be a person, one that would be a meeting with Asaf,
// an archived meeting with him and a draft naming him.
void add_excluded_notes(const fs::path& root) {
  write(root / "Templates/Person Template.md",
        "---\ntype: person\ntitle: \"{{title}}\"\n---\n# {{title}}\n\n## Open Tasks\n\n"
        "- [ ] Template task for {{title}}\n");
  write(root / "Templates/Meeting Template.md",
        "---\ntype: meeting\ndate: \"{{date}}\"\nparticipants: [\"[[Asaf Levy]]\"]\n---\n"
        "Template meeting with Asaf Levy.\n");
  write(root / "Archive/2019-01-01 Old sync.md",
        "---\ntype: meeting\ndate: 2019-01-01\nparticipants: [\"[[Asaf Levy]]\"]\n---\n"
        "Archived sync with Asaf Levy.\n");
  write(root / "Notes/drafts/Idea.md", "Draft naming Asaf Levy.\n");
}

std::string kb_in(const VaultCopy& vault) {
  return "kb --vault " + quote(vault.root().string()) + " --today 2026-11-24 ";
}

}  // namespace

TEST_CASE("templates, excluded files and exclude globs stay out of the people graph",
          "[e2e][exclusions]") {
  const VaultCopy plain;
  const VaultCopy vault;
  const fs::path root = vault.root();
  add_excluded_notes(root);
  write(root / ".obsidian/templates.json", "{\n  \"folder\": \"Templates\"\n}\n");
  write(root / ".obsidian/app.json", "{\"userIgnoreFilters\": [\"Archive/\"]}\n");
  write(root / ".kb.yaml", "exclude: [drafts/]\n");
  const std::string kb = kb_in(vault);

  // Nobody new, and Asaf's view as if the excluded notes were not there.
  CHECK(shell(kb + "-q people --tsv").out == shell(kb_in(plain) + "-q people --tsv").out);
  const auto asaf = shell(kb + "-q person 'Asaf Levy' --json");
  CHECK(asaf.exit == 0);
  CHECK(asaf.out == shell(kb_in(plain) + "-q person 'Asaf Levy' --json").out);

  // regen leaves the templates alone and refuses to be pointed at one.
  const std::string before = slurp(root / "Templates/Person Template.md");
  CHECK(shell(kb + "-q regen --all").exit == 0);
  CHECK(slurp(root / "Templates/Person Template.md") == before);
  const auto refused = shell(kb + "regen 'Templates/Person Template.md'");
  CHECK(refused.exit == 1);
  CHECK(refused.err.find("kb: Templates/Person Template.md is excluded: Templates/ (templates "
                         "folder, .obsidian/templates.json)\n") != std::string::npos);

  // The Tasks plugin reads every note: the template's task is a task.
  const auto tasks = shell(kb + "-q tasks 'description includes Template task' --tsv");
  CHECK(tasks.exit == 0);
  CHECK(tasks.out.find("Templates/Person Template.md") != std::string::npos);

  // kb config says what is excluded and why.
  const auto config = shell(kb + "config");
  CHECK(config.out.find("exclude: [\"drafts/\"]") != std::string::npos);
  CHECK(config.out.find("#   drafts/ (exclude in the config, .kb.yaml:1)\n"
                        "#   Templates/ (templates folder, .obsidian/templates.json)\n"
                        "#   Archive/ (Obsidian excluded files, .obsidian/app.json)\n") !=
        std::string::npos);
  const auto json = shell(kb + "config --json | jq -c '.exclusions[1]'");
  CHECK(json.out ==
        "{\"pattern\":\"Templates\",\"form\":\"folder\",\"reason\":\"templates folder\","
        "\"source\":\".obsidian/templates.json\"}\n");
}

TEST_CASE("without the settings the same notes are people and meetings", "[e2e][exclusions]") {
  // The other half of the test above: it is the settings that keep them out.
  const VaultCopy vault;
  add_excluded_notes(vault.root());
  const std::string kb = kb_in(vault);
  CHECK(shell(kb + "-q people --tsv").out.find("Templates/Person Template.md") !=
        std::string::npos);
  CHECK(shell(kb + "-q person 'Asaf Levy'").out.find("Old sync") != std::string::npos);
}

TEST_CASE("unusable Obsidian settings warn and are left out", "[e2e][exclusions]") {
  const VaultCopy vault;
  write(vault.root() / ".obsidian/templates.json", "{\"folder\": ");
  const auto run = shell(kb_in(vault) + "people --tsv");
  CHECK(run.exit == 0);
  CHECK(
      run.err.find("kb: .obsidian/templates.json: not a JSON object; its settings are ignored\n") !=
      std::string::npos);
}

TEST_CASE("settings files that never end are refused, not read", "[e2e][exclusions]") {
  // A synced vault may hold a link to /dev/zero where a settings file belongs.
  const VaultCopy vault;
  fs::remove(vault.root() / ".obsidian/app.json");
  fs::create_symlink("/dev/zero", vault.root() / ".obsidian/app.json");
  const auto run = shell(kb_in(vault) + "people --tsv --no-header | wc -l");
  CHECK(run.out != "0\n");
  CHECK(run.err.find("kb: .obsidian/app.json: cannot read: not a regular file; its settings are "
                     "ignored\n") != std::string::npos);
  fs::create_symlink("/dev/zero", vault.root() / ".kb.yaml");
  const auto config = shell(kb_in(vault) + "people");
  CHECK(config.exit == 2);
  CHECK(config.err.find("kb: .kb.yaml: cannot read: not a regular file\n") != std::string::npos);
}
