#include "kb/model/vault.hpp"

#include <catch2/catch.hpp>
#include <span>

#include "kb/io/fs.hpp"

using kb::model::NoteId;
using kb::model::NoteKind;
using kb::model::Vault;

namespace {

Vault load(kb::io::MemoryFileSystem& fs) {
  auto vault = kb::model::load_vault(fs, kb::model::Conventions{});
  REQUIRE(vault.ok());
  return std::move(*vault);
}

NoteId id_of(const Vault& vault, const std::string& path) {
  const NoteId id = vault.find_path(path);
  REQUIRE(id >= 0);
  return id;
}

std::vector<NoteId> ids(std::span<const NoteId> span) {
  return {span.begin(), span.end()};
}

std::vector<std::string> involved_paths(const Vault& vault, const std::string& person) {
  std::vector<std::string> paths;
  for (const auto& inv : vault.involvement(id_of(vault, person))) {
    paths.emplace_back(vault.notes[inv.note].path);
  }
  return paths;
}

const std::string kAsaf =
    "---\ntype: people\ntitle: Asaf Levy\naliases: [Asaf L]\n---\n# Asaf Levy\n";

}  // namespace

TEST_CASE("links resolve as Obsidian resolves them", "[vault][resolve]") {
  kb::io::MemoryFileSystem fs;
  fs.add("Notes/Plan.md", "x");
  fs.add("Archive/Old/Plan.md", "x");
  fs.add("Projects/Cloud/Plan.md", "x");
  fs.add("Projects/Cloud/Cloud.md", "see [[Plan]] and [[plan.md]] and [[Old/Plan]]");
  fs.add("Root.md", "[[Notes/Plan]] [[Missing]] [[#Heading]]");
  const Vault vault = load(fs);
  const NoteId cloud = id_of(vault, "Projects/Cloud/Cloud.md");
  const NoteId root = id_of(vault, "Root.md");
  // The linking note's folder wins over the shortest path.
  CHECK(vault.resolve("Plan", cloud) == id_of(vault, "Projects/Cloud/Plan.md"));
  CHECK(vault.resolve("plan", cloud) == id_of(vault, "Projects/Cloud/Plan.md"));
  // Elsewhere: the shortest path among the notes of that name.
  CHECK(vault.resolve("Plan", root) == id_of(vault, "Notes/Plan.md"));
  // An exact vault path, case-insensitively, with or without .md.
  CHECK(vault.resolve("archive/old/plan", root) == id_of(vault, "Archive/Old/Plan.md"));
  // A partial path matches the end of a path.
  CHECK(vault.resolve("Old/Plan", root) == id_of(vault, "Archive/Old/Plan.md"));
  CHECK(vault.resolve("Missing", root) == -1);
  CHECK(ids(vault.link_targets(root)) ==
        std::vector<NoteId>{id_of(vault, "Notes/Plan.md"), -1, root});
  CHECK(ids(vault.backlinks(id_of(vault, "Projects/Cloud/Plan.md"))) == std::vector<NoteId>{cloud});
}

TEST_CASE("a partial link path matches whole folder names, accents and case folded",
          "[vault][resolve]") {
  kb::io::MemoryFileSystem fs;
  fs.add("Archive/Bold/Plan.md", "x");  // ends with "old/plan", but not "/old/plan"
  fs.add("Café/Menu.md", "x");
  fs.add("Deep/Café/Menu.md", "x");
  fs.add("Root.md", "x");
  const Vault vault = load(fs);
  const NoteId root = id_of(vault, "Root.md");
  CHECK(vault.resolve("Old/Plan", root) == -1);
  CHECK(vault.resolve("Bold/Plan", root) == id_of(vault, "Archive/Bold/Plan.md"));
  CHECK(vault.resolve("/archive/bold/PLAN", root) == id_of(vault, "Archive/Bold/Plan.md"));
  CHECK(vault.resolve("CAFÉ/menu", root) == id_of(vault, "Café/Menu.md"));
  CHECK(vault.resolve("Cafe\xcc\x81/Menu", root) == id_of(vault, "Café/Menu.md"));  // NFD
  CHECK(vault.resolve("Menu", root) == id_of(vault, "Café/Menu.md"));  // the shortest path
  CHECK(vault.resolve("Menu", id_of(vault, "Deep/Café/Menu.md")) ==
        id_of(vault, "Deep/Café/Menu.md"));  // the linking note's folder first
  CHECK(vault.resolve("afé/Menu", root) == -1);
}

TEST_CASE("aliases are not link targets but find people", "[vault][resolve]") {
  kb::io::MemoryFileSystem fs;
  fs.add("People/Asaf Levy.md", kAsaf);
  fs.add("Élodie.md", "---\ntype: person\ntitle: Élodie Marchand\n---\n");
  fs.add("Inbox.md", "[[Asaf L]]");
  const Vault vault = load(fs);
  CHECK(vault.resolve("Asaf L", id_of(vault, "Inbox.md")) == -1);
  CHECK(vault.find_entities("asaf l") == std::vector<NoteId>{id_of(vault, "People/Asaf Levy.md")});
  CHECK(vault.find_entities("ELODIE MARCHAND") == std::vector<NoteId>{id_of(vault, "Élodie.md")});
  CHECK(vault.find_entities("elodie marchand") == std::vector<NoteId>{id_of(vault, "Élodie.md")});
  CHECK(vault.find_entities("marchand").empty());  // a part of a name is not a name
  CHECK(vault.find_entities("Nobody").empty());
}

TEST_CASE("an entity owns the folder that bears its name", "[vault][owner]") {
  kb::io::MemoryFileSystem fs;
  fs.add("People/Asaf Levy/Asaf Levy.md", kAsaf);
  fs.add("People/Asaf Levy/2025-10 - Asaf Levy.md", "---\ntype: meeting\n---\nnotes");
  fs.add("People/Asaf Levy/Deep/x.md", "deep");
  fs.add("Customers/OpenAI/OpenAI.md", "---\ntype: customer\n---\n");
  fs.add("Customers/OpenAI/2025-10-01 - Kickoff.md", "---\ntype: meeting\n---\n");
  fs.add("Customers/Other/y.md", "y");
  const Vault vault = load(fs);
  const NoteId asaf = id_of(vault, "People/Asaf Levy/Asaf Levy.md");
  CHECK(vault.owner(id_of(vault, "People/Asaf Levy/2025-10 - Asaf Levy.md")) == asaf);
  CHECK(vault.owner(id_of(vault, "People/Asaf Levy/Deep/x.md")) == asaf);
  CHECK(vault.owner(id_of(vault, "Customers/OpenAI/2025-10-01 - Kickoff.md")) ==
        id_of(vault, "Customers/OpenAI/OpenAI.md"));
  CHECK(vault.owner(id_of(vault, "Customers/Other/y.md")) == -1);
}

TEST_CASE("involvement: listed, linked, mentioned, in folder, never from code",
          "[vault][involvement]") {
  kb::io::MemoryFileSystem fs;
  fs.add("People/Asaf Levy/Asaf Levy.md", kAsaf);
  fs.add("People/Asaf Levy/folder.md", "nothing here");
  fs.add("m/listed.md", "---\ntype: meeting\nparticipants: [Asaf Levy]\n---\n");
  fs.add("m/listed-link.md", "---\nattendees:\n  - \"[[Asaf Levy]]\"\n---\n");
  fs.add("m/linked.md", "Talked to [[Asaf Levy|him]].");
  fs.add("m/mentioned.md", "We met ASAF LEVY today.");
  fs.add("m/alias.md", "Asaf L said so.");
  fs.add("m/summary.md", "---\nsummary: Sync with Asaf Levy\n---\nbody");
  fs.add("m/decoy-fence.md", "```\nAsaf Levy [[Asaf Levy]]\n```\n");
  fs.add("m/decoy-inline.md", "use `Asaf Levy` and `[[Asaf Levy]]`");
  fs.add("m/decoy-word.md", "Asaf Levyson and XAsaf Levy");
  const Vault vault = load(fs);
  const auto paths = involved_paths(vault, "People/Asaf Levy/Asaf Levy.md");
  CHECK(paths == std::vector<std::string>{"People/Asaf Levy/folder.md", "m/alias.md", "m/linked.md",
                                          "m/listed-link.md", "m/listed.md", "m/mentioned.md",
                                          "m/summary.md"});
  const auto& inv = vault.involvement(id_of(vault, "People/Asaf Levy/Asaf Levy.md"));
  CHECK(inv[0].in_folder);
  CHECK(inv[2].linked);
  CHECK(inv[3].listed);
  CHECK(inv[5].mentioned);
}

// Comments, as Obsidian reads them: a mention in any comment is not prose
// anyone reads; a link inside %% ... %% is still a link in Obsidian's
// metadata (and backlinks), one inside <!-- --> is not.
TEST_CASE("involvement: comments hide mentions and HTML comments hide links",
          "[vault][involvement][comments]") {
  kb::io::MemoryFileSystem fs;
  fs.add("People/Asaf Levy/Asaf Levy.md", kAsaf);
  fs.add("m/percent-block.md", "%%\nWe met Asaf Levy.\n%%\n");
  fs.add("m/percent-inline.md", "Met %% Asaf Levy %% today.");
  fs.add("m/html-block.md", "<!--\nAsaf Levy and [[Asaf Levy]]\n-->\n");
  fs.add("m/html-inline.md", "Met <!-- [[Asaf Levy]] --> today.");
  fs.add("m/percent-link.md", "%% [[Asaf Levy]] %%");
  fs.add("m/summary.md", "<!-- draft -->\n%%\nhidden\n%%\nThe <!-- x --> visible line\n");
  const Vault vault = load(fs);
  const auto paths = involved_paths(vault, "People/Asaf Levy/Asaf Levy.md");
  CHECK(paths == std::vector<std::string>{"m/percent-link.md"});
  CHECK(vault.involvement(id_of(vault, "People/Asaf Levy/Asaf Levy.md"))[0].linked);
  CHECK(vault.notes[id_of(vault, "m/summary.md")].summary == "The  visible line");
}

TEST_CASE("a note's kind, name, aliases and date", "[vault][note]") {
  kb::io::MemoryFileSystem fs;
  fs.add("People/Jane.md", "no front-matter");
  fs.add("a/2025-11-07 - Sync.md", "---\ntype: meeting\n---\n");
  fs.add("a/quoted.md", "---\ntype: Meeting\ndate: \"2025-11-08\"\n---\n");
  fs.add("a/bare.md", "---\ndate: 2025-11-09\n---\n");
  fs.add("a/start.md", "---\nstart: 2026-08-03T10:00\n---\n");
  fs.add("a/linked.md", "---\ndate: \"[[2026-08-04]]\"\n---\n");
  fs.add("a/undated.md", "---\ndate: soon\n---\n");
  fs.add("a/2023-09-12 Meeting with Steph.md", "x");
  fs.add("t.md", "---\ntags: [person]\naliases: JJ\n---\n");
  const Vault vault = load(fs);
  auto date = [&](const std::string& path) {
    const auto& d = vault.notes[id_of(vault, path)].date;
    return d ? d->iso() : std::string("none");
  };
  CHECK(vault.notes[id_of(vault, "People/Jane.md")].kind == NoteKind::Person);
  CHECK(vault.notes[id_of(vault, "a/quoted.md")].kind == NoteKind::Meeting);
  CHECK(vault.notes[id_of(vault, "t.md")].kind == NoteKind::Person);
  const auto aliases = vault.notes[id_of(vault, "t.md")].aliases;
  CHECK(std::vector<std::string>(aliases.begin(), aliases.end()) == std::vector<std::string>{"JJ"});
  CHECK(date("a/2025-11-07 - Sync.md") == "2025-11-07");
  CHECK(date("a/quoted.md") == "2025-11-08");
  CHECK(date("a/bare.md") == "2025-11-09");
  CHECK(date("a/start.md") == "2026-08-03");
  CHECK(date("a/linked.md") == "2026-08-04");
  CHECK(date("a/undated.md") == "none");
  CHECK(date("a/2023-09-12 Meeting with Steph.md") == "2023-09-12");
}

TEST_CASE("wikilink_to uses the path when the stem is not unique", "[vault]") {
  kb::io::MemoryFileSystem fs;
  fs.add("People/Asaf Levy/2025-10 - Asaf Levy.md", "x");
  fs.add("Sources/Transcripts/2025/2025-10 - Asaf Levy.md", "x");
  fs.add("Unique.md", "x");
  const Vault vault = load(fs);
  CHECK(vault.wikilink_to(id_of(vault, "Unique.md")) == "[[Unique]]");
  CHECK(vault.wikilink_to(id_of(vault, "Sources/Transcripts/2025/2025-10 - Asaf Levy.md")) ==
        "[[Sources/Transcripts/2025/2025-10 - Asaf Levy|2025-10 - Asaf Levy]]");
}

// The index keeps folded paths and stems in flat tables: stems that begin
// with a non-ASCII letter are folded apart from their path, paths folding
// alike resolve to the first, and a note linking twice is one backlink.
TEST_CASE("the index: accented and cased stems, paths folding alike, repeated links",
          "[vault][resolve]") {
  kb::io::MemoryFileSystem fs;
  fs.add("A/Élan.md", "x");
  fs.add("B/ÉLAN.md", "x");
  fs.add("C/Über.md", "x");
  fs.add("Notes/PLAN.md", "x");
  fs.add("notes/plan.md", "x");
  fs.add("Zed.md", "[[élan]] [[über]] [[ÜBER]] [[notes/plan]] [[Zed]] [[nowhere]]");
  const Vault vault = load(fs);
  const NoteId zed = id_of(vault, "Zed.md");
  const NoteId uber = id_of(vault, "C/Über.md");
  // Two notes share the folded stem "élan": the shorter path, then the first.
  CHECK(vault.resolve("élan", zed) == id_of(vault, "A/Élan.md"));
  CHECK(vault.resolve("b/élan", zed) == id_of(vault, "B/ÉLAN.md"));
  CHECK(vault.resolve("ÜBER", zed) == uber);
  // Paths folding alike: the first in path order wins.
  CHECK(vault.resolve("NOTES/Plan", zed) == id_of(vault, "Notes/PLAN.md"));
  CHECK(ids(vault.link_targets(zed)) == std::vector<NoteId>{id_of(vault, "A/Élan.md"), uber, uber,
                                                            id_of(vault, "Notes/PLAN.md"), zed,
                                                            -1});
  CHECK(ids(vault.backlinks(uber)) == std::vector<NoteId>{zed});
  CHECK(vault.backlinks(zed).empty());  // a note's link to itself is no backlink
  CHECK(vault.wikilink_to(uber) == "[[Über]]");
  CHECK(vault.wikilink_to(id_of(vault, "A/Élan.md")) == "[[A/Élan|Élan]]");
  CHECK(vault.folded_path(uber) == "c/über.md");
  CHECK(vault.find_path("C/Über.md") == uber);
  CHECK(vault.find_path("c/über.md") == -1);  // exact
  CHECK(vault.find_path("Zed") == -1);
}
