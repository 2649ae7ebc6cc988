// The three small fixture vaults under tests/fixtures, one marking style
// each, read from disk as `kb` reads them (with the vault's .kb.yaml).
#include <catch2/catch.hpp>
#include <map>
#include <memory>

#include "kb/edit/person_sections.hpp"
#include "kb/edit/regen.hpp"
#include "kb/io/fs.hpp"
#include "kb/model/config.hpp"
#include "kb/model/vault.hpp"
#include "kb/query/person.hpp"

using kb::model::NoteId;
using kb::model::Vault;
using Strings = std::vector<std::string>;

namespace {

const kb::text::Date kToday{2026, 1, 15};

Vault load_fixture(const std::string& name) {
  // The vault reads bodies on demand through it: it lives as long as the tests.
  static std::map<std::string, std::unique_ptr<kb::io::DiskFileSystem>> file_systems;
  auto& owned = file_systems[name];
  if (!owned) {
    owned = std::make_unique<kb::io::DiskFileSystem>(std::string(KB_SOURCE_DIR) +
                                                     "/tests/fixtures/" + name);
  }
  const kb::io::DiskFileSystem& fs = *owned;
  kb::model::Conventions conventions;
  if (fs.stat(".kb.yaml")) {
    auto text = fs.read(".kb.yaml");
    REQUIRE(text.ok());
    kb::Diagnostics warnings;
    auto loaded = kb::model::load_config(*text, ".kb.yaml", warnings);
    REQUIRE(loaded.ok());
    CHECK(warnings.empty());
    conventions = std::move(*loaded);
  }
  auto vault = kb::model::load_vault(fs, conventions);
  REQUIRE(vault.ok());
  CHECK(vault->diagnostics.empty());
  return std::move(*vault);
}

Strings people(const Vault& vault) {
  Strings names;
  for (NoteId id : vault.people()) names.emplace_back(vault.notes[id].name);
  return names;
}

kb::query::PersonView view_of(const Vault& vault, const std::string& path) {
  const NoteId id = vault.find_path(path);
  REQUIRE(id >= 0);
  const auto tasks = kb::query::vault_tasks(vault, vault.notes_with_tasks());
  auto view = kb::query::person_view(vault, id, tasks, kToday);
  REQUIRE(view.ok());
  return std::move(*view);
}

// The notes in the person's Recent Context, newest first.
Strings context_paths(const Vault& vault, const std::string& path) {
  Strings paths;
  for (const auto& entry : view_of(vault, path).recent_context) paths.push_back(entry.path);
  return paths;
}

// The person note as `kb regen` rewrites it; the bullet lines under `heading`.
Strings regenerated_context(const Vault& vault, const std::string& path,
                            const std::string& heading) {
  const auto view = view_of(vault, path);
  const auto sections = kb::edit::person_sections(vault, view);
  CHECK(sections.recent_context_heading == heading);
  auto rewritten =
      kb::edit::rewrite_person_note((*vault.body(vault.find_path(path)))->text, sections);
  REQUIRE(rewritten.ok());
  const std::string& text = *rewritten;
  std::size_t at = text.find("## " + heading + "\n");
  REQUIRE(at != std::string::npos);
  Strings lines;
  for (at = text.find('\n', at) + 1; at < text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(at, end - at);
    if (line.starts_with("#")) break;
    if (!line.empty()) lines.push_back(line);
    at = end + 1;
  }
  CHECK(lines == sections.recent_context_lines);
  return lines;
}

}  // namespace

TEST_CASE("seed style: type people/person, People/<name>/ folders, participants keys",
          "[fixtures]") {
  const Vault vault = load_fixture("seed-style");
  CHECK(people(vault) == Strings{"Asaf Levy", "Dana Cohen"});
  const std::string asaf = "People/Asaf Levy/Asaf Levy.md";
  CHECK(context_paths(vault, asaf) ==
        Strings{"Meetings/2025-11-03 - Release planning.md",
                "People/Asaf Levy/2025-10-21 - Persistence design review.md"});
  CHECK(context_paths(vault, "People/Dana Cohen.md") ==
        Strings{"Customers/Acme/2025-11-05 - Acme kickoff.md",
                "Meetings/2025-11-03 - Release planning.md"});
  CHECK(view_of(vault, asaf).open_tasks.size() == 1);
  CHECK(regenerated_context(vault, asaf, "Recent Context") ==
        Strings{"- 2025-11-03: [[2025-11-03 - Release planning]] - Planned the 5.5 release and "
                "agreed on the feature freeze date.",
                "- 2025-10-21: [[2025-10-21 - Persistence design review]] - Reviewed metadata "
                "persistence options and agreed to benchmark two of them."});
  CHECK(regenerated_context(vault, "People/Dana Cohen.md", "Recent Context") ==
        Strings{"- 2025-11-05: [[2025-11-05 - Acme kickoff]] - Kickoff with Acme on their "
                "capacity forecast. (via Acme)",
                "- 2025-11-03: [[2025-11-03 - Release planning]] - Planned the 5.5 release and "
                "agreed on the feature freeze date."});
}

TEST_CASE("categories style: [[People]] in References/, people/attendees links, linked dates",
          "[fixtures]") {
  const Vault vault = load_fixture("categories-style");
  CHECK(people(vault) == Strings{"John Smith", "Steph Ango"});
  CHECK(context_paths(vault, "References/Steph Ango.md") ==
        Strings{"Meetings/Weekly sync.md", "Meetings/2023-09-12 Meeting with Steph.md"});
  CHECK(context_paths(vault, "References/John Smith.md") ==
        Strings{"Daily/2023-10-05.md", "Meetings/Planning.md", "Meetings/Weekly sync.md"});
  CHECK(regenerated_context(vault, "References/Steph Ango.md", "Recent Context") ==
        Strings{"- 2023-09-19: [[Weekly sync]] - Agreed to ship the templates on Friday.",
                "- 2023-09-12: [[2023-09-12 Meeting with Steph]] - Talked about the new "
                "properties release."});
  CHECK(regenerated_context(vault, "References/John Smith.md", "Recent Context") ==
        Strings{"- 2023-10-05: [[2023-10-05]] - Lunch with John Smith.",
                "- 2023-10-02: [[Planning]] - Planned the October roadmap.",
                "- 2023-09-19: [[Weekly sync]] - Agreed to ship the templates on Friday."});
}

TEST_CASE("tag style: #people, People/ folder, ## Attendees, no front-matter, a .kb.yaml",
          "[fixtures]") {
  const Vault vault = load_fixture("tag-style");
  CHECK(people(vault) == Strings{"Jane Doe", "John Smith", "Omar Haddad"});
  CHECK(vault.notes[vault.find_path("Clients/Acme.md")].kind == kb::model::NoteKind::Customer);
  CHECK(vault.conventions.origins.at("recent_context_heading") == ".kb.yaml:2");
  CHECK(context_paths(vault, "People/John Smith.md") ==
        Strings{"Meetings/2024-03-11 Review.md", "Meetings/2024-03-04 Planning.md"});
  CHECK(context_paths(vault, "People/Jane Doe.md") ==
        Strings{"Meetings/2024-03-18 Retro.md", "Meetings/2024-03-04 Planning.md"});
  CHECK(context_paths(vault, "Contacts/Omar Haddad.md") ==
        Strings{"Meetings/2024-03-18 Retro.md", "Meetings/2024-03-11 Review.md"});
  // The vault's template and summary length; the section is "Interactions".
  CHECK(regenerated_context(vault, "People/John Smith.md", "Interactions") ==
        Strings{"- 2024-03-11: [[2024-03-11 Review]] — Reviewed the vendor quote line by line.",
                "- 2024-03-04: [[2024-03-04 Planning]] — We planned the second quarter and "
                "split ..."});
  CHECK(regenerated_context(vault, "Contacts/Omar Haddad.md", "Interactions") ==
        Strings{"- 2024-03-18: [[2024-03-18 Retro]] — Went well: shipping on time. To improve:...",
                "- 2024-03-11: [[2024-03-11 Review]] — Reviewed the vendor quote line by line."});
}
