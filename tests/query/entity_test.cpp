#include "kb/query/entity.hpp"

#include "fixture_vault.hpp"

using namespace kb;

TEST_CASE("show a customer: notes in its folder or linking to it, and their people", "[entity]") {
  const auto fs = testing::fixture_fs();
  const auto vault = testing::load(fs);
  const auto view = query::entity_view(vault, testing::id_of(vault, "Customers/Acme/Acme.md"));
  CHECK(view.name == "Acme");
  CHECK(view.kind == "customer");
  CHECK(view.path == "Customers/Acme/Acme.md");
  REQUIRE(view.notes.size() == 2);
  CHECK(view.notes[0].path == "People/Ann Lee/2025-11-10 - One on one.md");
  CHECK(view.notes[0].relations == std::vector<std::string>{"linked"});
  CHECK(view.notes[0].via == "Ann Lee");
  CHECK(view.notes[1].path == "Customers/Acme/2025-10-01 - Kickoff.md");
  CHECK(view.notes[1].relations == std::vector<std::string>{"folder"});
  CHECK_FALSE(view.notes[1].via.has_value());  // its own folder is not "via"
  REQUIRE(view.people.size() == 2);
  CHECK(view.people[0].name == "Ann Lee");
  CHECK(view.people[0].notes == 2);
  CHECK_FALSE(view.people[0].linked);
  CHECK(view.people[1].name == "Bob Stone");
  CHECK(view.people[1].notes == 1);
}

TEST_CASE("show a person: involved notes with why, and the others in them", "[entity]") {
  const auto fs = testing::fixture_fs();
  const auto vault = testing::load(fs);
  const auto view = query::entity_view(vault, testing::id_of(vault, "People/Ann Lee/Ann Lee.md"));
  CHECK(view.kind == "person");
  REQUIRE(view.notes.size() == 3);
  CHECK(view.notes[0].path == "People/Ann Lee/2025-11-10 - One on one.md");
  CHECK(view.notes[0].relations == std::vector<std::string>{"folder"});
  CHECK_FALSE(view.notes[0].via.has_value());
  CHECK(view.notes[1].path == "Customers/Acme/2025-10-01 - Kickoff.md");
  CHECK(view.notes[1].relations == std::vector<std::string>{"listed"});
  CHECK(view.notes[1].via == "Acme");
  CHECK(view.notes[2].path == "Notes/Undated sync.md");
  // Bob shares the kickoff, and Ann's note links to his; never Ann herself.
  REQUIRE(view.people.size() == 1);
  CHECK(view.people[0].name == "Bob Stone");
  CHECK(view.people[0].notes == 1);
  CHECK(view.people[0].linked);
}

TEST_CASE("show a person whose only tie is a link from another person's note", "[entity]") {
  const auto fs = testing::fixture_fs();
  const auto vault = testing::load(fs);
  const auto view = query::entity_view(vault, testing::id_of(vault, "People/Bob Stone.md"));
  REQUIRE(view.notes.size() == 2);
  CHECK(view.notes[0].relations == std::vector<std::string>{"listed"});
  CHECK(view.notes[1].path == "Notes/Idea.md");
  CHECK(view.notes[1].relations == std::vector<std::string>{"mentioned"});
  REQUIRE(view.people.size() == 1);
  CHECK(view.people[0].name == "Ann Lee");
  CHECK(view.people[0].notes == 1);
  CHECK(view.people[0].linked);
}
