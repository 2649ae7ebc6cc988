#include "kb/query/resolve.hpp"

#include "fixture_vault.hpp"

using namespace kb;
using Result = query::NameLookup::Result;

namespace {

const query::NameRules kPeople{{model::NoteKind::Person}, false, false};
const query::NameRules kPeopleToRead{{model::NoteKind::Person}, false, true};

// A vault of people with shared first names, accents and an alias.
io::MemoryFileSystem people_fs() {
  io::MemoryFileSystem fs;
  fs.add("People/Asaf Levy/Asaf Levy.md", "---\ntype: person\n---\n");
  fs.add("People/Asaf Levy/2025-10 - Asaf Levy.md", "---\ntype: meeting\n---\n");
  fs.add("People/Élodie Marchand.md", "---\ntype: person\n---\n");
  fs.add("People/Eyal Traitel.md", "---\ntype: person\naliases: [Eyal]\n---\n");
  fs.add("People/Dana Cohen.md", "---\ntype: person\n---\n");
  fs.add("People/Team/Dana Cohen.md", "---\ntype: person\n---\n");
  fs.add("People/Dana Roe.md", "---\ntype: person\naliases: [D. Roe]\n---\n");
  fs.add("Customers/Asafco.md", "---\ntype: customer\n---\n");
  return fs;
}

model::NoteId found(const model::Vault& vault, std::string_view name,
                    const query::NameRules& rules) {
  const auto lookup = query::resolve_name(vault, name, rules);
  return lookup.result == Result::Found ? lookup.notes.front() : -1;
}

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

TEST_CASE("a name of another kind is not found, the closest names are offered", "[resolve]") {
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
  const query::NameRules rules{{}, true, false};
  const auto idea = query::resolve_name(vault, "Notes/Idea", rules);
  CHECK(idea.result == Result::Found);
  CHECK(idea.notes == std::vector<model::NoteId>{testing::id_of(vault, "Notes/Idea.md")});
  // Taking people only, the path names a note of another kind.
  const auto not_person = query::resolve_name(vault, "Notes/Idea.md", kPeople);
  CHECK(not_person.result == Result::NotOfKind);
  CHECK(not_person.notes == idea.notes);
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

TEST_CASE("spaces, wikilinks, file names and paths all name the note", "[resolve]") {
  const auto fs = people_fs();
  const auto vault = testing::load(fs);
  const model::NoteId asaf = testing::id_of(vault, "People/Asaf Levy/Asaf Levy.md");
  for (const char* name : {"Asaf Levy", "  asaf levy\t", "[[Asaf Levy]]", "[[Asaf Levy|Asaf]]",
                           "[[Asaf Levy#Profile]]", " [[People/Asaf Levy/Asaf Levy]] ",
                           "Asaf Levy.md", "People/Asaf Levy/Asaf Levy.md",
                           "People/Asaf Levy/Asaf Levy", "./People/Asaf Levy/Asaf Levy.md"}) {
    INFO(name);
    CHECK(found(vault, name, kPeople) == asaf);
  }
  // A link resolving to another kind of note says so; one reaching nothing
  // falls back to names ("[[Eyal]]": an alias Obsidian would not resolve).
  CHECK(query::resolve_name(vault, "[[2025-10 - Asaf Levy]]", kPeople).result == Result::NotOfKind);
  CHECK(found(vault, "[[Eyal]]", kPeople) == testing::id_of(vault, "People/Eyal Traitel.md"));
}

TEST_CASE("verbs that only read take a unique word prefix, ignoring case and accents",
          "[resolve]") {
  const auto fs = people_fs();
  const auto vault = testing::load(fs);
  const model::NoteId asaf = testing::id_of(vault, "People/Asaf Levy/Asaf Levy.md");
  for (const char* name : {"asaf", "ASAF", "levy", "a levy", "as le", "[[asaf]]"}) {
    INFO(name);
    const auto lookup = query::resolve_name(vault, name, kPeopleToRead);
    CHECK(lookup.result == Result::Found);
    CHECK(lookup.how == query::NameLookup::How::Prefix);
    CHECK(lookup.notes == std::vector<model::NoteId>{asaf});
  }
  const model::NoteId elodie = testing::id_of(vault, "People/Élodie Marchand.md");
  CHECK(found(vault, "el", kPeopleToRead) == elodie);
  CHECK(found(vault, "Él march", kPeopleToRead) == elodie);
  CHECK(found(vault, "d. r", kPeopleToRead) == testing::id_of(vault, "People/Dana Roe.md"));
  // Words in the name's order only; the middle of a word is no prefix.
  CHECK(found(vault, "levy asaf", kPeopleToRead) == -1);
  CHECK(found(vault, "saf", kPeopleToRead) == -1);
  // regen: exact names only.
  CHECK(query::resolve_name(vault, "asaf", kPeople).result == Result::NotFound);
  // The kinds count: as an entity of any kind, "asaf" is Asaf Levy or Asafco.
  CHECK(query::resolve_name(vault, "asaf", {{}, false, true}).result == Result::Ambiguous);
  CHECK(found(vault, "asafco", {{}, false, true}) == testing::id_of(vault, "Customers/Asafco.md"));
}

TEST_CASE("an ambiguous name lists each match with an argument that selects it alone",
          "[resolve]") {
  const auto fs = people_fs();
  const auto vault = testing::load(fs);
  for (const char* name : {"e", "dana", "Dana Cohen", "dana c"}) {
    INFO(name);
    for (const auto& rules : {kPeople, kPeopleToRead}) {
      const auto lookup = query::resolve_name(vault, name, rules);
      if (!rules.prefixes && lookup.result != Result::Ambiguous) continue;
      REQUIRE(lookup.result == Result::Ambiguous);
      CHECK(lookup.notes.size() >= 2);
      for (const model::NoteId id : lookup.notes) {
        const std::string argument = query::selecting_argument(vault, id, rules);
        INFO(argument);
        CHECK(found(vault, argument, rules) == id);
      }
    }
  }
  // The shared name is no way to one of them: the path is.
  const model::NoteId team = testing::id_of(vault, "People/Team/Dana Cohen.md");
  CHECK(query::selecting_argument(vault, team, kPeople) == "People/Team/Dana Cohen.md");
  CHECK(query::selecting_argument(vault, testing::id_of(vault, "People/Dana Roe.md"), kPeople) ==
        "Dana Roe");
}

TEST_CASE("a partly typed name completes to the arguments that select each match",
          "[resolve][complete]") {
  const auto fs = people_fs();
  const auto vault = testing::load(fs);
  using Names = std::vector<std::string>;
  CHECK(query::complete_name(vault, "as", kPeopleToRead) == Names{"Asaf Levy"});
  // Accents and case ignored; an alias completes to the name.
  CHECK(query::complete_name(vault, "EL", kPeopleToRead) == Names{"Élodie Marchand"});
  CHECK(query::complete_name(vault, "eyal", kPeopleToRead) == Names{"Eyal Traitel"});
  // Word prefixes when no name starts with the text.
  CHECK(query::complete_name(vault, "a lev", kPeopleToRead) == Names{"Asaf Levy"});
  // A shared name completes to the paths that tell the notes apart.
  CHECK(query::complete_name(vault, "dana", kPeopleToRead) ==
        Names{"Dana Roe", "People/Dana Cohen.md", "People/Team/Dana Cohen.md"});
  CHECK(query::complete_name(vault, "people/team/", kPeopleToRead) ==
        Names{"People/Team/Dana Cohen.md"});
  CHECK(query::complete_name(vault, "people/asaf levy/2", kPeopleToRead).empty());
  // The kinds count; nothing matches, nothing is offered.
  const query::NameRules entities{
      {model::NoteKind::Person, model::NoteKind::Customer}, false, true};
  CHECK(query::complete_name(vault, "asaf", entities) == Names{"Asaf Levy", "Asafco"});
  CHECK(query::complete_name(vault, "zz", kPeopleToRead).empty());
  // Notes: paths once the text holds a '/'.
  const query::NameRules notes{{}, true, true};
  CHECK(query::complete_name(vault, "people/asaf", notes) ==
        Names{"People/Asaf Levy/2025-10 - Asaf Levy.md", "People/Asaf Levy/Asaf Levy.md"});
}

TEST_CASE("the closest names: those containing the typed text first, then by edit distance",
          "[resolve]") {
  const auto fs = people_fs();
  const auto vault = testing::load(fs);
  const auto names = [&](std::string_view typed, std::size_t max_count = 3) {
    std::vector<std::string> out;
    for (const model::NoteId id :
         query::closest_entities(vault, typed, {model::NoteKind::Person}, max_count)) {
      out.emplace_back(vault.notes[id].name);
    }
    return out;
  };
  // Containing "dana", by name; at most three.
  CHECK(names("dana") == std::vector<std::string>{"Dana Cohen", "Dana Cohen", "Dana Roe"});
  CHECK(names("dana", 1) == std::vector<std::string>{"Dana Cohen"});
  // Accents and case ignored; then the nearest by edit distance.
  CHECK(names("elodie marchnd") == std::vector<std::string>{"Élodie Marchand"});
  CHECK(names("Asaf Lev") == std::vector<std::string>{"Asaf Levy"});
  // Nothing further than about half the typed length; other kinds never.
  CHECK(names("zzzzzzzz").empty());
  CHECK(names("Asafco").empty());  // a customer's name, too far from every person's
  CHECK(query::closest_entities(vault, "Asafco", {model::NoteKind::Customer}).size() == 1);
}
