#include "kb/query/resolve.hpp"

#include "fixture_vault.hpp"

using namespace kb;
using Result = query::NameLookup::Result;

namespace {

const query::NameRules kPeople{{model::NoteKind::Person}};

}  // namespace

TEST_CASE("a name resolves by title, stem or alias, ignoring case", "[resolve]") {
  const auto fs = testing::fixture_fs();
  const auto vault = testing::load(fs);
  const model::NoteId ann = testing::id_of(vault, "People/Ann Lee/Ann Lee.md");
  for (const char* name : {"Ann Lee", "ann lee", "ANNIE"}) {
    const auto lookup = query::resolve_name(vault, name, kPeople);
    INFO(name);
    CHECK(lookup.result == Result::Found);
    CHECK(lookup.notes == std::vector<model::NoteId>{ann});
  }
}

TEST_CASE("a name of another kind is not found; the closest names are offered", "[resolve]") {
  const auto fs = testing::fixture_fs();
  const auto vault = testing::load(fs);
  const auto acme = query::resolve_name(vault, "Acme", kPeople);
  CHECK(acme.result == Result::NotFound);
  const auto typo = query::resolve_name(vault, "Bob Stne", kPeople);
  CHECK(typo.result == Result::NotFound);
  REQUIRE_FALSE(typo.notes.empty());
  CHECK(typo.notes.front() == testing::id_of(vault, "People/Bob Stone.md"));
  CHECK(query::resolve_name(vault, "Acme", {}).result == Result::Found);
}

TEST_CASE("with paths, a vault path names any note, .md optional", "[resolve]") {
  const auto fs = testing::fixture_fs();
  const auto vault = testing::load(fs);
  const query::NameRules rules{{}, true};
  const auto idea = query::resolve_name(vault, "Notes/Idea", rules);
  CHECK(idea.result == Result::Found);
  CHECK(idea.notes == std::vector<model::NoteId>{testing::id_of(vault, "Notes/Idea.md")});
  CHECK(query::resolve_name(vault, "Notes/Idea", kPeople).result == Result::NotFound);
}

TEST_CASE("two entities answering to one name are ambiguous", "[resolve]") {
  io::MemoryFileSystem fs;
  fs.add("People/Alex Kim.md", "---\ntype: person\naliases: [Alex]\n---\n");
  fs.add("People/Alex Roe.md", "---\ntype: person\naliases: [Alex]\n---\n");
  const auto vault = testing::load(fs);
  const auto lookup = query::resolve_name(vault, "alex", kPeople);
  CHECK(lookup.result == Result::Ambiguous);
  CHECK(lookup.notes.size() == 2);
}
