// Each way real vaults mark people, customers, projects, meetings,
// participants and dates, recognised with the default conventions.
#include <catch2/catch.hpp>

#include "kb/io/fs.hpp"
#include "kb/model/classify.hpp"
#include "kb/model/config.hpp"
#include "kb/model/vault.hpp"

using kb::model::Conventions;
using kb::model::NoteId;
using kb::model::NoteKind;
using kb::model::Vault;
using Strings = std::vector<std::string>;

namespace {

Vault load(kb::io::MemoryFileSystem& fs, const Conventions& conventions = {}) {
  auto vault = kb::model::load_vault(fs, conventions);
  REQUIRE(vault.ok());
  return std::move(*vault);
}

const kb::model::NoteSummary& note(const Vault& vault, const std::string& path) {
  const NoteId id = vault.find_path(path);
  REQUIRE(id >= 0);
  return vault.notes[id];
}

NoteKind kind(const Vault& vault, const std::string& path) {
  return note(vault, path).kind;
}

std::string date(const Vault& vault, const std::string& path) {
  const auto& d = note(vault, path).date;
  return d ? d->iso() : "none";
}

// Paths of the notes involving a person, in note order.
Strings involved(const Vault& vault, const std::string& person) {
  Strings paths;
  for (const auto& inv : vault.involvement(vault.find_path(person))) {
    paths.emplace_back(vault.notes[inv.note].path);
  }
  return paths;
}

Strings strings(std::span<const std::string_view> items) {
  return {items.begin(), items.end()};
}

// One note parsed on its own, its summary's fields copied out.
struct Parsed {
  Strings participants;
  std::string summary;
};

Parsed parse(const std::string& path, std::string text) {
  kb::Diagnostics diagnostics;
  kb::model::Arena arena;
  const auto body = kb::model::parse_body(std::move(text), diagnostics);
  const auto note = kb::model::summarise(path, *body, Conventions{}, arena, diagnostics);
  return {strings(note.participants), std::string(note.summary)};
}

}  // namespace

TEST_CASE("people by type, in any case", "[conventions][kind]") {
  kb::io::MemoryFileSystem fs;
  fs.add("a.md", "---\ntype: person\n---\n");
  fs.add("b.md", "---\ntype: Person\n---\n");
  fs.add("c.md", "---\ntype: PEOPLE\n---\n");
  fs.add("d.md", "---\nType: people\n---\n");
  fs.add("e.md", "---\ntype: \"[[Person]]\"\n---\n");
  fs.add("f.md", "---\ntype: [[Person]]\n---\n");  // YAML: a list in a list
  fs.add("g.md", "---\ntype: [person]\n---\n");
  const Vault vault = load(fs);
  for (const char* path : {"a.md", "b.md", "c.md", "d.md", "e.md", "f.md", "g.md"}) {
    INFO(path);
    CHECK(kind(vault, path) == NoteKind::Person);
  }
}

TEST_CASE("people by tag: front-matter tags or a #people in the body", "[conventions][kind]") {
  kb::io::MemoryFileSystem fs;
  fs.add("t1.md", "---\ntags: [people]\n---\n");
  fs.add("t2.md", "---\ntags:\n  - \"#person\"\n---\n");
  fs.add("t3.md", "---\ntags: work, People\n---\n");
  fs.add("t4.md", "---\ntags: work people\n---\n");
  fs.add("t5.md", "---\ntag: person\n---\n");
  fs.add("b1.md", "#people\n\nWorks at Acme.\n");
  fs.add("b2.md", "Met at the conference. #People #work\n");
  fs.add("b3.md", "---\ntitle: Jane\n---\nTags: #person\n");
  // Not tags: in code, a heading, part of a word or a longer tag, a link's heading.
  fs.add("n1.md", "```\n#people\n```\n`#people`\n");
  fs.add("n2.md", "# people\n## People\n");
  fs.add("n3.md", "issue#people and #peoples and #people/work and [[x#people]]\n");
  fs.add("n4.md", "---\ntags: [people-ops]\n---\n");
  const Vault vault = load(fs);
  for (const char* path :
       {"t1.md", "t2.md", "t3.md", "t4.md", "t5.md", "b1.md", "b2.md", "b3.md"}) {
    INFO(path);
    CHECK(kind(vault, path) == NoteKind::Person);
  }
  for (const char* path : {"n1.md", "n2.md", "n3.md", "n4.md"}) {
    INFO(path);
    CHECK(kind(vault, path) == NoteKind::Other);
  }
}

TEST_CASE("people by categories [[People]], wherever they are kept", "[conventions][kind]") {
  kb::io::MemoryFileSystem fs;
  fs.add("References/Steph Ango.md", "---\ncategories:\n  - \"[[People]]\"\n---\n");
  fs.add("References/John Smith.md", "---\ncategories: [\"[[People]]\"]\n---\n");
  fs.add("References/Ana.md", "---\ncategories: [[People]]\n---\n");
  fs.add("References/Bo.md", "---\ncategories: People\n---\n");
  fs.add("References/Cy.md", "---\ncategories: \"[[Categories/People|people]]\"\n---\n");
  fs.add("References/A Book.md", "---\ncategories: [\"[[Books]]\"]\n---\n");
  fs.add("References/Acme.md", "---\ncategories: [\"[[Customers]]\"]\n---\n");
  fs.add("References/Apollo.md", "---\ncategories: [\"[[Projects]]\"]\n---\n");
  fs.add("Meetings/Sync.md", "---\ncategories: [\"[[Meetings]]\"]\ntype: []\n---\n");
  const Vault vault = load(fs);
  for (const char* path : {"References/Steph Ango.md", "References/John Smith.md",
                           "References/Ana.md", "References/Bo.md", "References/Cy.md"}) {
    INFO(path);
    CHECK(kind(vault, path) == NoteKind::Person);
  }
  CHECK(kind(vault, "References/A Book.md") == NoteKind::Other);
  CHECK(kind(vault, "References/Acme.md") == NoteKind::Customer);
  CHECK(kind(vault, "References/Apollo.md") == NoteKind::Project);
  CHECK(kind(vault, "Meetings/Sync.md") == NoteKind::Meeting);
}

TEST_CASE("people by folder: directly inside People/, or in a folder of their own there",
          "[conventions][kind]") {
  kb::io::MemoryFileSystem fs;
  fs.add("People/Jane Doe.md", "Product lead.\n");
  fs.add("Work/people/Omar.md", "");
  fs.add("People/Asaf Levy/Asaf Levy.md", "");
  fs.add("People/Asaf Levy/2025-10-21 - Review.md", "Notes.\n");
  fs.add("People/Archive/Old.md", "");
  fs.add("People/2025-10-01 Sync.md", "---\ntype: meeting\n---\n");
  fs.add("People/Reading list.md", "---\ntype: book\n---\n");
  fs.add("Customers/Acme.md", "");
  fs.add("Projects/Apollo/Apollo.md", "");
  fs.add("Meetings/Sync.md", "");
  const Vault vault = load(fs);
  CHECK(kind(vault, "People/Jane Doe.md") == NoteKind::Person);
  CHECK(kind(vault, "Work/people/Omar.md") == NoteKind::Person);
  CHECK(kind(vault, "People/Asaf Levy/Asaf Levy.md") == NoteKind::Person);
  CHECK(kind(vault, "People/Asaf Levy/2025-10-21 - Review.md") == NoteKind::Other);
  CHECK(kind(vault, "People/Archive/Old.md") == NoteKind::Other);
  // `type` outranks the folder, even a type that names no kind.
  CHECK(kind(vault, "People/2025-10-01 Sync.md") == NoteKind::Meeting);
  CHECK(kind(vault, "People/Reading list.md") == NoteKind::Other);
  CHECK(kind(vault, "Customers/Acme.md") == NoteKind::Customer);
  CHECK(kind(vault, "Projects/Apollo/Apollo.md") == NoteKind::Project);
  CHECK(kind(vault, "Meetings/Sync.md") == NoteKind::Other);  // no default meeting folder
}

TEST_CASE("customers and projects are marked the same ways", "[conventions][kind]") {
  kb::io::MemoryFileSystem fs;
  fs.add("c1.md", "---\ntype: Customer\n---\n");
  fs.add("c2.md", "---\ntags: [customers]\n---\n");
  fs.add("c3.md", "Big account. #customer\n");
  fs.add("p1.md", "---\ntype: projects\n---\n");
  fs.add("p2.md", "---\ncategories: \"[[Projects]]\"\n---\n");
  fs.add("p3.md", "#project\n");
  fs.add("m1.md", "#meeting with the team\n");
  fs.add("s1.md", "---\ntype: Transcript\n---\n");
  // A type that names no kind leaves the decision to tags and categories.
  fs.add("x1.md", "---\ntype: \"[[Friend]]\"\ncategories: [\"[[People]]\"]\n---\n");
  const Vault vault = load(fs);
  CHECK(kind(vault, "c1.md") == NoteKind::Customer);
  CHECK(kind(vault, "c2.md") == NoteKind::Customer);
  CHECK(kind(vault, "c3.md") == NoteKind::Customer);
  CHECK(kind(vault, "p1.md") == NoteKind::Project);
  CHECK(kind(vault, "p2.md") == NoteKind::Project);
  CHECK(kind(vault, "p3.md") == NoteKind::Project);
  CHECK(kind(vault, "m1.md") == NoteKind::Meeting);
  CHECK(kind(vault, "s1.md") == NoteKind::Source);
  CHECK(kind(vault, "x1.md") == NoteKind::Person);
}

TEST_CASE("participants from participants/attendees/people keys in every form",
          "[conventions][participants]") {
  CHECK(parse("m.md", "---\nattendees: [John Smith, Jane Doe]\n---\n").participants ==
        Strings{"John Smith", "Jane Doe"});
  CHECK(parse("m.md", "---\nPeople:\n  - \"[[John Smith]]\"\n  - Jane Doe\n---\n").participants ==
        Strings{"John Smith", "Jane Doe"});
  CHECK(parse("m.md", "---\nATTENDEES: \"[[People/John Smith]]\"\n---\n").participants ==
        Strings{"People/John Smith"});
  CHECK(parse("m.md", "---\npeople: [[John Smith]]\n---\n").participants == Strings{"John Smith"});
  CHECK(parse("m.md", "---\npeople:\n  - [[John Smith]]\n  - [[People/Jane Doe|Jane]]\n---\n")
            .participants == Strings{"John Smith", "People/Jane Doe"});
  CHECK(parse("m.md", "---\nparticipants: \"[[A B]], [[C D.md]]\"\n---\n").participants ==
        Strings{"A B", "C D"});
  CHECK(parse("m.md", "---\nParticipants: John Smith, Jane Doe\n---\n").participants ==
        Strings{"John Smith", "Jane Doe"});
  CHECK(parse("m.md", "---\nparticipants: []\nattendees:\n---\n").participants.empty());
}

TEST_CASE("participants from the list under ## Attendees or ## Participants",
          "[conventions][participants]") {
  const auto m1 = parse("m.md",
                        "# Planning\n\n## Attendees\n- [[John Smith]]\n- [[People/Jane Doe]]\n"
                        "* Omar Haddad\n\n## Notes\nWe planned Q2 with [[Acme]].\n");
  CHECK(m1.participants == Strings{"John Smith", "People/Jane Doe", "Omar Haddad"});
  CHECK(m1.summary == "We planned Q2 with [[Acme]].");  // the attendee list is no summary
  // One link a line without bullets; the list ends at a blank line.
  const auto m2 = parse("m.md", "## attendees:\n\n[[A]]\n[[B]], [[C]]\n\nSpoke about [[D]].\n");
  CHECK(m2.participants == Strings{"A", "B", "C"});
  CHECK(m2.summary == "Spoke about [[D]].");
  // Any heading ends the section; code and embeds are not participants.
  const auto m3 = parse("m.md",
                        "### Participants\n1. Jane Doe, John Smith\n- `[[Code]]`\n- ![[pic.png]]\n"
                        "#### Later\n- [[Not Listed]]\n");
  CHECK(m3.participants == Strings{"Jane Doe", "John Smith"});
  CHECK(parse("m.md", "## Agenda\n- [[John Smith]]\n").participants.empty());
}

TEST_CASE("dates from date, Date, start, a linked date or the file name", "[conventions][date]") {
  kb::io::MemoryFileSystem fs;
  fs.add("a.md", "---\ndate: 2023-09-12\n---\n");
  fs.add("b.md", "---\nDate: \"2023-09-13\"\n---\n");
  fs.add("c.md", "---\nstart: 2023-09-14T10:00:00-07:00\n---\n");
  fs.add("d.md", "---\nstart: 2023-09-15 10:00\n---\n");
  fs.add("e.md", "---\ndate: \"[[2023-09-16]]\"\n---\n");
  fs.add("f.md", "---\ndate: [[2023-09-17]]\n---\n");
  fs.add("g.md", "---\ndate: \"[[Daily/2023-09-18|Monday]]\"\n---\n");
  fs.add("h.md", "---\ndate: later\nstart: 2023-09-19\n---\n");
  fs.add("Meetings/2023-09-20 Meeting with Steph.md", "");
  fs.add("Meetings/2023-09-21.md", "");
  fs.add("Meetings/2023-09 Month.md", "");
  fs.add("Meetings/2023-09-22 Named.md", "---\ndate: 2023-01-01\n---\n");
  const Vault vault = load(fs);
  CHECK(date(vault, "a.md") == "2023-09-12");
  CHECK(date(vault, "b.md") == "2023-09-13");
  CHECK(date(vault, "c.md") == "2023-09-14");
  CHECK(date(vault, "d.md") == "2023-09-15");
  CHECK(date(vault, "e.md") == "2023-09-16");
  CHECK(date(vault, "f.md") == "2023-09-17");
  CHECK(date(vault, "g.md") == "2023-09-18");
  CHECK(date(vault, "h.md") == "2023-09-19");
  CHECK(date(vault, "Meetings/2023-09-20 Meeting with Steph.md") == "2023-09-20");
  CHECK(date(vault, "Meetings/2023-09-21.md") == "2023-09-21");
  CHECK(date(vault, "Meetings/2023-09 Month.md") == "none");
  CHECK(date(vault, "Meetings/2023-09-22 Named.md") == "2023-01-01");  // the key wins
}

TEST_CASE("participants written as links, paths or names find the person",
          "[conventions][participants]") {
  kb::io::MemoryFileSystem fs;
  fs.add("People/John Smith.md", "#people\n");
  fs.add("References/Steph Ango.md", "---\ncategories: [\"[[People]]\"]\n---\n");
  fs.add("Meetings/a.md", "---\nattendees: [\"[[People/John Smith]]\"]\n---\n");
  fs.add("Meetings/b.md", "---\npeople: [[Steph Ango]]\n---\n");
  fs.add("Meetings/c.md", "## Attendees\n- John Smith\n- Steph Ango\n");
  fs.add("Meetings/d.md", "---\nparticipants: [Nobody]\n---\n");
  const Vault vault = load(fs);
  CHECK(involved(vault, "People/John Smith.md") == Strings{"Meetings/a.md", "Meetings/c.md"});
  CHECK(involved(vault, "References/Steph Ango.md") == Strings{"Meetings/b.md", "Meetings/c.md"});
  for (const auto& inv : vault.involvement(vault.find_path("People/John Smith.md"))) {
    CHECK(inv.listed);
  }
}

TEST_CASE("a config changes every marker", "[conventions][config]") {
  kb::Diagnostics warnings;
  auto conventions = kb::model::load_config(
      "person:\n  types: [contact]\n  tags: [contact]\n  categories: [Contacts]\n"
      "  folders: [Areas/Contacts]\n"
      "participant_keys: [with]\nparticipant_headings: [Present]\ndate_keys: [when]\n",
      ".kb.yaml", warnings);
  REQUIRE(conventions.ok());
  kb::io::MemoryFileSystem fs;
  fs.add("a.md", "---\ntype: Contact\n---\n");
  fs.add("b.md", "#contact\n");
  fs.add("c.md", "---\ncategories: \"[[Contacts]]\"\n---\n");
  fs.add("Areas/Contacts/d.md", "");
  fs.add("Contacts/e.md", "");  // the folder is a path now: Areas/Contacts only
  fs.add("People/f.md", "---\ntype: person\n---\n#people\n");
  fs.add("m1.md", "---\nwith: [a]\nparticipants: [b]\nwhen: 2024-01-02\ndate: 2024-05-05\n---\n");
  fs.add("m2.md", "## Present\n- [[c]]\n## Attendees\n- [[b]]\n");
  const Vault vault = load(fs, *conventions);
  CHECK(kind(vault, "a.md") == NoteKind::Person);
  CHECK(kind(vault, "b.md") == NoteKind::Person);
  CHECK(kind(vault, "c.md") == NoteKind::Person);
  CHECK(kind(vault, "Areas/Contacts/d.md") == NoteKind::Person);
  CHECK(kind(vault, "Contacts/e.md") == NoteKind::Other);
  CHECK(kind(vault, "People/f.md") == NoteKind::Other);
  CHECK(strings(note(vault, "m1.md").participants) == Strings{"a"});
  CHECK(date(vault, "m1.md") == "2024-01-02");
  CHECK(strings(note(vault, "m2.md").participants) == Strings{"c"});
}
