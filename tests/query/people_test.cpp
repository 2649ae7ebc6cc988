#include "kb/query/people.hpp"

#include "fixture_vault.hpp"
#include "kb/model/vault.hpp"

using namespace kb;

TEST_CASE("people: every person by name with role, last contact and note count", "[people]") {
  const auto fs = testing::fixture_fs();
  const auto vault = testing::load(fs);
  const auto people = query::list_people(vault);
  REQUIRE(people.size() == 2);

  CHECK(people[0].name == "Ann Lee");
  CHECK(people[0].path == "People/Ann Lee/Ann Lee.md");
  CHECK(people[0].aliases == std::vector<std::string>{"Annie"});
  CHECK(people[0].role == "Architect");  // from the body's **Role**: line
  CHECK(people[0].last_contact == "2025-11-10");
  CHECK(people[0].notes == 3);  // her folder's 1:1, the kickoff, the undated sync (as Annie)

  CHECK(people[1].name == "Bob Stone");
  CHECK(people[1].role == "PM");  // from front-matter
  CHECK(people[1].last_contact.empty());
  CHECK(people[1].notes == 2);  // listed in the kickoff, mentioned in the idea
}

TEST_CASE("people: an empty vault has none", "[people]") {
  io::MemoryFileSystem fs;
  fs.add("Notes/Idea.md", "nothing\n");
  CHECK(query::list_people(testing::load(fs)).empty());
}

TEST_CASE("people: a warm run answers from the cache's summaries, reading no note", "[people]") {
  auto fs = testing::fixture_fs();
  fs.advance_clock(10'000'000'000);  // every note settled: all of them cached
  io::MemoryCacheStore store;
  model::LoadOptions options;
  options.cache = &store;
  options.vault_id = "/v";
  auto cold = model::load_vault(fs, {}, options);
  REQUIRE(cold.ok());
  REQUIRE(model::save_parse_cache(*cold, store, "/v"));
  int reads = 0;
  fs.before_read = [&](const std::string&) { ++reads; };
  auto warm = model::load_vault(fs, {}, options);
  REQUIRE(warm.ok());
  const auto people = query::list_people(*warm);
  fs.before_read = nullptr;
  CHECK(reads == 0);
  REQUIRE(people.size() == 2);
  CHECK(people[0].role == "Architect");  // the body's **Role**: line, as the cache kept it
  CHECK(people[0].last_contact == "2025-11-10");
  CHECK(people[1].role == "PM");
}
