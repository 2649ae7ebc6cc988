#include "kb/model/exclusions.hpp"

#include <catch2/catch.hpp>

#include "kb/io/fs.hpp"
#include "kb/model/config.hpp"
#include "kb/model/vault.hpp"

using kb::model::Exclusion;
using kb::model::NoteKind;

namespace {

std::vector<std::string> described(const kb::model::Exclusions& exclusions) {
  std::vector<std::string> out;
  for (const auto& rule : exclusions.rules()) out.push_back(kb::model::describe(rule));
  return out;
}

std::string messages(const kb::Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += kb::format_diagnostic(d) + "\n";
  return out;
}

const char* const kPersonTemplate =
    "---\ntype: person\naliases: [\"{{title}}\"]\n---\n# {{title}}\n\n## Open Tasks\n"
    "- [ ] Ask about [[{{date}}]]\n";

}  // namespace

TEST_CASE("exclusions: read from Obsidian's settings, each with its source", "[exclusions]") {
  kb::io::MemoryFileSystem fs;
  fs.add(".obsidian/templates.json", "{\"folder\": \"/_meta/Templates/\"}");
  fs.add(".obsidian/plugins/templater-obsidian/data.json",
         "{\"templates_folder\": \"Templater\", \"trigger_on_file_creation\": false}");
  fs.add(".obsidian/app.json",
         "{\"userIgnoreFilters\": [\"Archive/\", \"/\\\\.excalidraw\\\\.md$/\", \"\", 7],"
         " \"alwaysUpdateLinks\": true}");
  kb::Diagnostics warnings;
  const auto exclusions = kb::model::read_obsidian_exclusions(fs, warnings);
  CHECK(messages(warnings) == "");
  CHECK(described(exclusions) ==
        std::vector<std::string>{
            "_meta/Templates/ (templates folder, .obsidian/templates.json)",
            "Templater/ (templates folder, .obsidian/plugins/templater-obsidian/data.json)",
            "Archive/ (Obsidian excluded files, .obsidian/app.json)",
            "/\\.excalidraw\\.md$/ (Obsidian excluded files, .obsidian/app.json)"});
  CHECK(exclusions.match_index("_meta/Templates/Person.md") == 0);
  CHECK(exclusions.match_index("_meta/Templates.md") == -1);  // inside the folder only
  CHECK(exclusions.match_index("Templater/a/b.md") == 1);
  CHECK(exclusions.match_index("Archive/2020/x.md") == 2);
  CHECK(exclusions.match_index("Archive.md") == -1);
  CHECK(exclusions.match_index("Drawings/d.excalidraw.md") == 3);
  CHECK(exclusions.match_index("Drawings/d.md") == -1);
}

TEST_CASE("exclusions: Obsidian filters are prefixes or /regular expressions/", "[exclusions]") {
  auto prefix = kb::model::obsidian_filter("Arch");  // a prefix, not a folder: as Obsidian
  REQUIRE(prefix);
  CHECK(prefix->form == Exclusion::Form::Prefix);
  CHECK(prefix->matches("Archive/a.md"));
  CHECK(prefix->matches("Arch.md"));
  CHECK_FALSE(prefix->matches("archive/a.md"));
  CHECK_FALSE(prefix->matches("Old/Archive/a.md"));
  auto regex = kb::model::obsidian_filter("/(^|/)drafts?//");
  REQUIRE(regex);
  CHECK(regex->form == Exclusion::Form::Regex);
  CHECK(regex->matches("Work/draft/a.md"));
  CHECK_FALSE(regex->matches("Work/redraft/a.md"));
  CHECK_FALSE(kb::model::obsidian_filter("/(unclosed/"));
  CHECK(kb::model::obsidian_filter("//")->form == Exclusion::Form::Prefix);  // too short for /x/
}

TEST_CASE("exclusions: missing settings ask for nothing, bad ones warn", "[exclusions]") {
  kb::io::MemoryFileSystem fs;
  kb::Diagnostics warnings;
  CHECK(kb::model::read_obsidian_exclusions(fs, warnings).empty());
  CHECK(warnings.empty());

  fs.add(".obsidian/templates.json", "{\"folder\": \"\"}");
  fs.add(".obsidian/plugins/templater-obsidian/data.json", "not json");
  fs.add(".obsidian/app.json", "{\"userIgnoreFilters\": [\"/(a/\", \"Keep/\"]}");
  const auto exclusions = kb::model::read_obsidian_exclusions(fs, warnings);
  CHECK(described(exclusions) ==
        std::vector<std::string>{"Keep/ (Obsidian excluded files, .obsidian/app.json)"});
  REQUIRE(warnings.size() == 2);
  CHECK(kb::format_diagnostic(warnings[0]) ==
        ".obsidian/plugins/templater-obsidian/data.json: not a JSON object; its settings are "
        "ignored");
  CHECK(kb::format_diagnostic(warnings[1])
            .starts_with(".obsidian/app.json: excluded files filter '/(a/' is ignored: "));
}

TEST_CASE("exclusions: .kb.yaml exclude globs, checked where they are written", "[exclusions]") {
  kb::Diagnostics warnings;
  auto conventions = kb::model::load_config(
      "summary_length: 80\nexclude:\n  - Archive/\n"
      "  - \"**/drafts\"\n",
      ".kb.yaml", warnings);
  REQUIRE(conventions);
  CHECK(described(conventions->exclusions) ==
        std::vector<std::string>{"Archive/ (exclude in the config, .kb.yaml:2)",
                                 "**/drafts (exclude in the config, .kb.yaml:2)"});
  auto bad = kb::model::load_config("exclude: [ok, \"!keep.md\"]\n", ".kb.yaml", warnings);
  REQUIRE_FALSE(bad);
  CHECK(kb::format_diagnostic(bad.error()) ==
        ".kb.yaml:1: 'exclude' pattern '!keep.md': '!' patterns (exceptions) are not supported");
}

TEST_CASE("exclusions: an excluded note is no entity, involves no one, keeps its tasks",
          "[exclusions]") {
  kb::io::MemoryFileSystem fs;
  fs.add("People/Asaf Levy.md", "---\ntype: person\n---\n# Asaf Levy\n");
  fs.add("Templates/Person.md", kPersonTemplate);
  fs.add("Templates/Meeting.md",
         "---\ntype: meeting\ndate: \"{{date}}\"\nparticipants: [\"[[Asaf Levy]]\"]\n---\n"
         "Met Asaf Levy.\n");
  fs.add("Meetings/2025-01-02.md",
         "---\ntype: meeting\ndate: 2025-01-02\nparticipants: [\"[[Asaf Levy]]\"]\n---\nx\n");
  fs.add("Notes/Plan.md", "See [[Person]].\n");
  kb::model::Conventions conventions;
  conventions.exclusions.add(
      {Exclusion::Form::Folder, "Templates", ".obsidian/templates.json", "templates folder", {}});
  auto loaded = kb::model::load_vault(fs, conventions);
  REQUIRE(loaded);
  const auto& vault = *loaded;
  const auto person_template = vault.find_path("Templates/Person.md");
  REQUIRE(person_template >= 0);
  CHECK(vault.notes[person_template].kind == NoteKind::Other);
  CHECK(vault.notes[person_template].excluded_by == 0);
  CHECK(vault.notes[person_template].task_count == 1);  // still a task, as in the plugin
  CHECK(vault.find_entities("{{title}}").empty());
  CHECK(vault.people().size() == 1);
  // Only the real meeting involves Asaf; links to the template still resolve.
  const auto asaf = vault.find_path("People/Asaf Levy.md");
  REQUIRE(vault.involvement(asaf).size() == 1);
  CHECK(vault.notes[vault.involvement(asaf)[0].note].path == "Meetings/2025-01-02.md");
  CHECK(vault.resolve("Person", vault.find_path("Notes/Plan.md")) == person_template);
  // The template's date "{{date}}" gives no warning.
  CHECK(messages(vault.diagnostics) == "");

  auto unexcluded = kb::model::load_vault(fs, kb::model::Conventions{});
  REQUIRE(unexcluded);
  CHECK(unexcluded->people().size() == 2);  // without the rule the template is a person
}

TEST_CASE("exclusions: the obsidian-settings fixture vault, read as kb reads it", "[exclusions]") {
  // tests/fixtures/obsidian-settings: a templates folder in each plugin's
  // settings, excluded files (a folder and a /regex/), a .kb.yaml glob.
  kb::io::DiskFileSystem fs(std::string(KB_SOURCE_DIR) + "/tests/fixtures/obsidian-settings");
  kb::Diagnostics warnings;
  auto config = kb::model::load_config(*fs.read(".kb.yaml"), ".kb.yaml", warnings);
  REQUIRE(config);
  const auto obsidian = kb::model::read_obsidian_exclusions(fs, warnings);
  for (const auto& rule : obsidian.rules()) config->exclusions.add(rule);
  CHECK(warnings.empty());
  CHECK(described(config->exclusions) ==
        std::vector<std::string>{
            "drafts/ (exclude in the config, .kb.yaml:2)",
            "Templates/ (templates folder, .obsidian/templates.json)",
            "_tools/Templater/ (templates folder, .obsidian/plugins/templater-obsidian/data.json)",
            "Archive/ (Obsidian excluded files, .obsidian/app.json)",
            "/\\.excalidraw\\.md$/ (Obsidian excluded files, .obsidian/app.json)"});

  auto loaded = kb::model::load_vault(fs, *config);
  REQUIRE(loaded);
  const auto& vault = *loaded;
  CHECK(messages(vault.diagnostics) == "");  // no "{{date}}" or "<% ... %>" warnings
  REQUIRE(vault.people().size() == 1);
  const auto dana = vault.people().front();
  CHECK(vault.notes[dana].name == "Dana Cohen");
  REQUIRE(vault.involvement(dana).size() == 1);
  CHECK(vault.notes[vault.involvement(dana)[0].note].path == "Meetings/2025-03-04 Sync.md");
  // Every excluded note is still read: its tasks are the plugin's tasks too.
  std::size_t excluded_tasks = 0;
  for (const auto& note : vault.notes) {
    if (note.excluded_by >= 0) excluded_tasks += note.task_count;
  }
  CHECK(excluded_tasks == 2);  // the person template's and the draft's

  // The same vault without the rules: the templates and the archive count.
  auto plain = kb::model::load_vault(fs, kb::model::Conventions{});
  REQUIRE(plain);
  CHECK(plain->people().size() == 2);
  const auto plain_dana = plain->find_path("People/Dana Cohen.md");
  CHECK(plain->involvement(plain_dana).size() == 5);
}
