// The vault's Tasks plugin settings (.obsidian/plugins/obsidian-tasks-plugin/
// data.json) in every verb that reads tasks: a settings file kb cannot use
// warns and leaves the defaults; a changed setting never answers from the
// parse cache; placeholders in a person note's block expand with that note.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "vault_copy.hpp"

namespace {

namespace fs = std::filesystem;
using kb::test::slurp;
using kb::test::VaultCopy;

void write_settings(const VaultCopy& vault, const std::string& json) {
  const fs::path dir = vault.root() / ".obsidian/plugins/obsidian-tasks-plugin";
  fs::create_directories(dir);
  std::ofstream(dir / "data.json", std::ios::binary) << json;
}

void replace_in(const fs::path& path, const std::string& from, const std::string& to) {
  std::string text = slurp(path);
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("a Tasks settings file kb cannot read warns, names it and leaves the defaults",
          "[e2e][tasks]") {
  const VaultCopy vault;
  const auto before = vault.kb("tasks");
  REQUIRE(before.exit == 0);
  REQUIRE_FALSE(before.out.empty());
  write_settings(vault, "{\"globalFilter\": \"#task\",\n");
  const auto after = vault.kb("tasks");
  CHECK(after.exit == 0);
  CHECK(after.out == before.out);
  // (The example vault's own warning follows.)
  CHECK(after.err.starts_with(
      "kb: .obsidian/plugins/obsidian-tasks-plugin/data.json:2: not valid JSON; using the "
      "Tasks plugin's default settings\n"));
  CHECK(vault.kb("-q tasks").err.empty());
}

TEST_CASE("a changed global filter never answers from the parse cache", "[e2e][tasks]") {
  const VaultCopy vault;
  const auto all = vault.kb("person 'Asaf Levy' --json");
  REQUIRE(all.exit == 0);
  REQUIRE(all.out.find("\"open_tasks\": []") == std::string::npos);
  write_settings(vault, R"({"globalFilter": "#no-such-filter"})");
  const auto none = vault.kb("person 'Asaf Levy' --json");
  CHECK(none.exit == 0);
  CHECK(none.out.find("\"open_tasks\": []") != std::string::npos);
  CHECK(vault.kb("tasks").out.empty());
  write_settings(vault, "{}");
  CHECK(vault.kb("person 'Asaf Levy' --json").out == all.out);
}

TEST_CASE("placeholders in a person note's block expand with that note in person and regen",
          "[e2e][tasks]") {
  const VaultCopy vault;
  REQUIRE(vault.kb("regen --all").exit == 0);
  const auto literal = vault.kb("person 'Asaf Levy' --json");
  const fs::path note = vault.root() / "People/Asaf Levy/Asaf Levy.md";
  replace_in(note, "path includes Asaf Levy\n",
             "path includes {{query.file.filenameWithoutExtension}}\n");
  const auto expanded = vault.kb("person 'Asaf Levy' --json");
  CHECK(expanded.exit == 0);
  const auto tasks_of = [](const std::string& json) {
    const std::size_t at = json.find("\"open_tasks\"");
    return at == std::string::npos ? std::string() : json.substr(at);
  };
  CHECK_FALSE(tasks_of(literal.out).empty());
  CHECK(tasks_of(expanded.out) == tasks_of(literal.out));
  // The snapshot regen writes under the block is the same tasks.
  const std::string written = slurp(note);
  const auto check = vault.kb("regen 'Asaf Levy' --check");
  CHECK(check.exit == 0);
  CHECK(slurp(note) == written);
}

TEST_CASE("the Dataview task format, custom statuses and the global query apply to kb tasks",
          "[e2e][tasks]") {
  const VaultCopy vault;
  write_settings(vault, R"({
  "taskFormat": "dataview",
  "globalQuery": "path includes Dataview",
  "statusSettings": {"customStatuses": [{"symbol": "X", "name": "Shipped", "type": "DONE"}]}
})");
  std::ofstream(vault.root() / "Dataview tasks.md", std::ios::binary)
      << "- [ ] pay the invoice [due:: 2026-11-20] (priority:: high)\n"
         "- [X] shipped already [due:: 2026-11-01]\n"
         "- [?] unknown symbol, still to do\n"
         "- [ ] emoji fields are text here 📅 2026-11-01\n";
  const auto due = vault.kb("tasks 'due before 2026-11-21' --tsv");
  CHECK(due.exit == 0);
  CHECK(due.out.find("pay the invoice") != std::string::npos);
  CHECK(due.out.find("shipped already") != std::string::npos);
  CHECK(due.out.find("emoji fields") == std::string::npos);
  const auto open = vault.kb("tasks 'not done' --tsv");
  CHECK(open.exit == 0);
  CHECK(open.out.find("Dataview tasks.md\t1\t \t") != std::string::npos);
  CHECK(open.out.find("Dataview tasks.md\t2\t") == std::string::npos);     // [X]: Shipped, DONE
  CHECK(open.out.find("Dataview tasks.md\t3\t?\t") != std::string::npos);  // unknown: TODO
  CHECK(open.out.find("Dataview tasks.md\t4\t \t") != std::string::npos);
  CHECK(open.out.find("Asaf Levy") == std::string::npos);  // the global query
  const auto high = vault.kb("tasks 'priority is high' --tsv");
  CHECK(high.out.find("Dataview tasks.md\t1\t") != std::string::npos);
  CHECK(high.out.find("Dataview tasks.md\t4\t") == std::string::npos);
}

TEST_CASE("regen on a warm parse cache reads the notes the person's own block selects",
          "[e2e][tasks]") {
  const VaultCopy vault;
  std::ofstream(vault.root() / "Elsewhere.md", std::ios::binary)
      << "- [ ] Ping Asaf about the launch plan\n";
  replace_in(vault.root() / "People/Asaf Levy/Asaf Levy.md", "path includes Asaf Levy\n",
             "description includes Ping Asaf\n");
  REQUIRE(vault.kb("people").exit == 0);  // the parse cache now holds every note
  const auto diff = vault.kb("regen 'Asaf Levy' --diff");
  CHECK(diff.exit == 0);
  CHECK(diff.out.find("+- Ping Asaf about the launch plan — [[Elsewhere]]") != std::string::npos);
}

TEST_CASE("descriptions print without the global filter when the settings remove it",
          "[e2e][tasks]") {
  const VaultCopy vault;
  std::ofstream(vault.root() / ".kb.yaml", std::ios::binary)
      << "tasks:\n  global_filter: '#task'\n  remove_global_filter: true\n";
  std::ofstream(vault.root() / "People/Asaf Levy/Asaf tasks.md", std::ios::binary)
      << "- [ ] #task Send Asaf the deck 📅 2026-11-30\n- [ ] #task/sub stays as written\n";
  const auto text = vault.kb("person 'Asaf Levy'");
  CHECK(text.out.find("- [ ] Send Asaf the deck 📅 2026-11-30") != std::string::npos);
  CHECK(text.out.find("- [ ] #task/sub stays as written") != std::string::npos);
  const auto json = vault.kb("person 'Asaf Levy' --json");
  CHECK(json.out.find("\"text\": \"Send Asaf the deck\"") != std::string::npos);
  const auto brief = vault.kb("brief 'Asaf Levy' --md");
  CHECK(brief.out.find("- Send Asaf the deck (due 2026-11-30)") != std::string::npos);
  CHECK(vault.kb("regen 'Asaf Levy' --diff").out.find("+- Send Asaf the deck 📅 2026-11-30 — ") !=
        std::string::npos);
}
