#include "kb/query/links.hpp"

#include "fixture_vault.hpp"

using namespace kb;

TEST_CASE("outgoing links: front-matter and body, notes and attachments", "[links]") {
  const auto fs = testing::fixture_fs();
  const auto vault = testing::load(fs);
  Diagnostics warnings;
  const query::AttachmentIndex attachments(*fs.list_files(warnings));
  const auto links = query::outgoing_links(
      vault, testing::id_of(vault, "Customers/Acme/2025-10-01 - Kickoff.md"), attachments);
  REQUIRE(links.size() == 3);
  CHECK(links[0].line == 3);
  CHECK(links[0].target == "Ann Lee");
  CHECK(links[0].front_matter);
  CHECK(links[0].note == testing::id_of(vault, "People/Ann Lee/Ann Lee.md"));
  CHECK(links[1].line == 6);
  CHECK(links[1].target == "diagram.png");
  CHECK(links[1].embed);
  CHECK_FALSE(links[1].front_matter);
  CHECK(links[1].note == -1);
  CHECK(links[1].attachment == "Attachments/diagram.png");
  CHECK(links[1].resolved());
  CHECK(links[2].target == "Nowhere");
  CHECK_FALSE(links[2].resolved());
}

TEST_CASE("incoming links: every link from other notes, by path then line", "[links]") {
  const auto fs = testing::fixture_fs();
  const auto vault = testing::load(fs);
  const auto to_bob = query::incoming_links(vault, testing::id_of(vault, "People/Bob Stone.md"));
  REQUIRE(to_bob.size() == 1);
  CHECK(vault.notes[to_bob[0].from].path == "People/Ann Lee/Ann Lee.md");
  CHECK(to_bob[0].line == 17);

  const auto to_ann =
      query::incoming_links(vault, testing::id_of(vault, "People/Ann Lee/Ann Lee.md"));
  REQUIRE(to_ann.size() == 1);
  CHECK(vault.notes[to_ann[0].from].path == "Customers/Acme/2025-10-01 - Kickoff.md");
  CHECK(to_ann[0].front_matter);

  const auto to_acme =
      query::incoming_links(vault, testing::id_of(vault, "Customers/Acme/Acme.md"));
  REQUIRE(to_acme.size() == 1);
  CHECK(vault.notes[to_acme[0].from].path == "People/Ann Lee/2025-11-10 - One on one.md");
  CHECK(to_acme[0].line == 4);
}

TEST_CASE("a link to the note's own heading is not a backlink", "[links]") {
  io::MemoryFileSystem fs;
  fs.add("A.md", "# Top\nsee [[#Top]] and [[B]]\n");
  fs.add("B.md", "back to [[A]]\nand [[a|again]]\n");
  const auto vault = testing::load(fs);
  const auto to_a = query::incoming_links(vault, testing::id_of(vault, "A.md"));
  REQUIRE(to_a.size() == 2);
  CHECK(to_a[0].line == 1);
  CHECK(to_a[1].line == 2);
  CHECK(to_a[1].target == "a");
}

TEST_CASE("attachments resolve like notes: exact path, own folder, shortest", "[links]") {
  const query::AttachmentIndex index(
      {"A/x.png", "B/C/x.png", "Deep/Er/Still/x.png", "Notes/n.md", "Docs/Spec.PDF"});
  CHECK(index.resolve("x.png", "") == "A/x.png");
  CHECK(index.resolve("x.png", "B/C") == "B/C/x.png");
  CHECK(index.resolve("C/x.png", "") == "B/C/x.png");
  CHECK(index.resolve("/b/c/X.PNG", "") == "B/C/x.png");
  CHECK(index.resolve("docs/spec.pdf", "") == "Docs/Spec.PDF");
  CHECK_FALSE(index.resolve("x", "").has_value());          // the extension is part of the name
  CHECK_FALSE(index.resolve("n.md", "Notes").has_value());  // notes are the vault's business
  CHECK_FALSE(index.resolve("Z/x.png", "").has_value());
  CHECK_FALSE(index.resolve("", "A").has_value());
}

TEST_CASE("a NAME may be a vault-relative path, with or without .md", "[links]") {
  const auto fs = testing::fixture_fs();
  const auto vault = testing::load(fs);
  const auto bob = testing::id_of(vault, "People/Bob Stone.md");
  CHECK(query::find_note_by_path(vault, "People/Bob Stone.md") == bob);
  CHECK(query::find_note_by_path(vault, "People/Bob Stone") == bob);
  CHECK(query::find_note_by_path(vault, "./People/Bob Stone.md") == bob);
  CHECK(query::find_note_by_path(vault, "Bob Stone") == -1);
  CHECK(query::find_note_by_path(vault, "") == -1);
}
