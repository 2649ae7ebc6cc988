// The bad-input catalogue, end to end: each malformed note is dropped into a
// copy of examples/vault and the built kb runs over it (person, person --json,
// brief --json, graph --format json, people, people --json, tasks, check,
// regen twice). For every run: no crash and no hang (exit 0, 1 or 2 under
// `timeout 60`), every stderr line a `kb: ...` message, the expected warnings
// exactly, and no byte of any note lost or changed except the generated parts
// regen was asked to rewrite.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <functional>

#include "kb/text/frontmatter.hpp"
#include "kb/text/markdown.hpp"
#include "kb_process.hpp"

namespace {

using namespace kb::testing;
using namespace std::string_literals;

const std::string kBad = "People/Bad Case.md";

// Sanity every run must show: a normal exit, and stderr made of kb's own
// messages (a sanitizer report or a C++ abort message fails here too).
void check_sane(const Run& run) {
  INFO(run.command);
  INFO("stderr:\n" << run.err);
  CHECK(run.exit != 124);  // timed out: a hang
  CHECK((run.exit == 0 || run.exit == 1 || run.exit == 2));
  for (const std::string& line : run.err_lines()) {
    INFO(line);
    // "  name\tpath" continues the ambiguous-name message.
    CHECK((line.rfind("kb: ", 0) == 0 || line.rfind("  ", 0) == 0));
  }
}

Run kb_run(const fs::path& vault, const std::string& args) {
  Run run = run_kb(vault.string(), args);
  check_sane(run);
  return run;
}

// The non-blank lines of a note outside its generated sections (Open Tasks,
// Recent Context: heading to the next heading) and its last_contact line:
// what regen must never lose or reorder.
std::vector<std::string> kept_lines(const std::string& text) {
  const auto split = kb::text::split_front_matter(text);
  const std::size_t begin = split.terminated ? split.body_begin : split.bom;
  const auto scan =
      kb::text::scan_markdown(text, begin, split.terminated ? split.body_first_line : 1);
  std::string outside;
  std::size_t kept_from = 0;
  for (std::size_t i = 0; i < scan.headings.size(); ++i) {
    const auto& h = scan.headings[i];
    if (h.text != "Open Tasks" && h.text != "Recent Context") continue;
    outside += text.substr(kept_from, h.line_begin - kept_from);
    kept_from = i + 1 < scan.headings.size() ? scan.headings[i + 1].line_begin : text.size();
  }
  outside += text.substr(kept_from);
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < outside.size()) {
    std::size_t nl = outside.find('\n', pos);
    if (nl == std::string::npos) nl = outside.size();
    std::string line = outside.substr(pos, nl - pos);
    pos = nl + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty() && line.rfind("last_contact:", 0) != 0) lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> lines_about_bad_note(const Run& run) {
  std::vector<std::string> lines;
  for (const std::string& line : run.err_lines()) {
    if (line.rfind("kb: " + kBad, 0) == 0) lines.push_back(line);
  }
  return lines;
}

enum class Regen {
  Rewrites,   // the bad note is a person note regen rewrites (without loss)
  Refused,    // regen refuses it: exit 1, its bytes unchanged, `regen_warning` printed
  Untouched,  // not rewritten (not loaded, not a person, or nothing to change)
};

struct NoteCase {
  NoteCase(std::string name, std::function<std::string()> content,
           std::vector<std::string> warnings = {})
      : name(std::move(name)), content(std::move(content)), warnings(std::move(warnings)) {}
  // Builder steps for the less common expectations.
  NoteCase& found_as(std::string q, int exit = 0) {
    query = std::move(q);
    person_exit = exit;
    return *this;
  }
  NoteCase& refused(std::string warning) {
    regen = Regen::Refused;
    regen_warning = std::move(warning);
    return *this;
  }
  NoteCase& then(std::function<void(const std::string&)> check) {
    after_regen = std::move(check);
    return *this;
  }

  std::string name;
  std::function<std::string()> content;
  std::vector<std::string> warnings;  // exact stderr lines about the note from a reading command
  std::string query = "Bad Case";     // `kb person QUERY`
  int person_exit = 0;
  Regen regen = Regen::Rewrites;
  std::string regen_warning;                                  // exact stderr line of a refusal
  std::function<void(const std::string& after)> after_regen;  // more checks on the new bytes
};

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// A copy of examples/vault with enough filler notes that the loader parses
// on worker threads (it stays on one thread below 64 notes).
fs::path make_vault(const ScratchDir& dir) {
  const fs::path vault = dir.root() / "vault";
  fs::copy(fs::path(KB_SOURCE_DIR) / "examples/vault", vault, fs::copy_options::recursive);
  for (int i = 0; i < 40; ++i) {
    write_file(
        vault / "Filler" / ("Filler " + std::to_string(i) + ".md"),
        "---\ntype: note\n---\n- [ ] filler task " + std::to_string(i) + " with [[Asaf Levy]]\n");
  }
  return vault;
}

void run_case(const NoteCase& c) {
  INFO("case: " << c.name);
  ScratchDir dir(c.name);
  const fs::path vault = make_vault(dir);
  const std::string bytes = c.content();
  write_file(vault / kBad, bytes);
  const auto before = snapshot(vault);

  const std::string name = shell_quote(c.query);
  for (const std::string& verb : {"person " + name, "person --json " + name, "brief --json " + name,
                                  "graph --format json " + name}) {
    INFO(verb);
    CHECK(kb_run(vault, verb).exit == c.person_exit);
  }
  const Run people = kb_run(vault, "people");
  CHECK(people.exit == 0);
  {
    // examples/vault warns about notes of its own; those about this note must be exactly these.
    INFO("stderr:\n" << people.err);
    CHECK(lines_about_bad_note(people) == c.warnings);
  }
  const Run json = kb_run(vault, "people --json");
  CHECK(json.exit == 0);
  CHECK(json.out.rfind("[", 0) == 0);
  const Run tasks = kb_run(vault, "tasks 'not done'");
  CHECK(tasks.exit == 0);
  const Run check = kb_run(vault, "check");
  CHECK(check.exit == 1);  // examples/vault has problems of its own
  const auto after_reading = snapshot(vault);
  CHECK(after_reading == before);  // reading commands write nothing

  const Run regen = kb_run(vault, "regen --all");
  const auto after = snapshot(vault);
  REQUIRE(after.size() == before.size());
  for (const auto& [path, content] : before) {
    INFO(path);
    REQUIRE(after.count(path) == 1);
    if (after.at(path) == content) continue;
    CHECK(path.rfind("People/", 0) == 0);  // only person notes are written
    CHECK(kept_lines(after.at(path)) == kept_lines(content));
  }
  const std::string& bad_after = after.at(kBad);
  switch (c.regen) {
    case Regen::Rewrites:
      CHECK(regen.exit == 0);
      CHECK(bad_after != bytes);
      break;
    case Regen::Refused:
      CHECK(regen.exit == 1);
      CHECK(bad_after == bytes);
      {
        INFO("stderr:\n" << regen.err);
        CHECK(regen.has_err_line(c.regen_warning));
      }
      break;
    case Regen::Untouched:
      CHECK(regen.exit == 0);
      CHECK(bad_after == bytes);
      break;
  }
  if (c.after_regen) c.after_regen(bad_after);

  const Run again = kb_run(vault, "regen --all");
  CHECK(again.exit == regen.exit);
  CHECK(snapshot(vault) == after);  // idempotent: the second run writes nothing
}

std::string fm(const std::string& yaml, const std::string& body = "\n# Bad Case\n\nSome notes.\n") {
  return "---\n" + yaml + "---\n" + body;
}

bool no_bare_lf(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) return false;
  }
  return true;
}

const std::string kW = "kb: " + kBad;  // warnings about the bad note start so

}  // namespace

TEST_CASE("bad inputs: front-matter fences", "[bad_inputs]") {
  const std::vector<NoteCase> cases = {
      NoteCase("unterminated", [] { return "---\ntitle: Bad Case\nrole: x\n\n# Bad Case\n"; },
               {kW + ":1: front-matter has no closing '---' line; read as text"}),
      NoteCase("trailing spaces on the fences",
               [] { return "---  \ntitle: Bad Case\naliases: [Trailing]\n---\t \nbody\n"; })
          .found_as("Trailing"),
      NoteCase("not on line 1", [] { return "\n---\ntitle: Other Name\n---\nbody\n"; }),
      NoteCase(
          "BOM",
          [] { return "\xEF\xBB\xBF---\ntitle: Bad Case\naliases: [Bommy]\n---\n# Bad Case\n"; })
          .found_as("Bommy")
          .then([](const std::string& after) { CHECK(after.rfind("\xEF\xBB\xBF---\n", 0) == 0); }),
      NoteCase("CRLF",
               [] {
                 return "---\r\ntitle: Bad Case\r\naliases: [Crlfy]\r\n---\r\n# Bad Case\r\n\r\n"
                        "- [ ] crlf task\r\n";
               })
          .found_as("Crlfy")
          .then([](const std::string& after) { CHECK(no_bare_lf(after)); }),
      // A lone CR is no line ending (documented in text/frontmatter.hpp): the
      // whole file is one line of body, so the alias is unknown.
      NoteCase("lone CR line endings",
               [] { return "---\rtitle: Bad Case\raliases: [Lonely]\r---\rbody\r"; })
          .found_as("Lonely", 1),
  };
  for (const auto& c : cases) run_case(c);
}

TEST_CASE("bad inputs: front-matter values", "[bad_inputs]") {
  const std::vector<NoteCase> cases = {
      NoteCase("tabs in YAML", [] { return fm("title: Bad Case\n\taliases: x\n"); },
               {kW + ":3: malformed front-matter: illegal tab when looking for indentation"}),
      NoteCase("duplicate keys",
               [] { return fm("title: Bad Case\naliases: [Dupe]\naliases: [Other]\n"); },
               {kW + ":4: duplicate front-matter key 'aliases'"})
          .found_as("Dupe"),
      NoteCase("aliases as a string", [] { return fm("aliases: Stringy\n"); }).found_as("Stringy"),
      NoteCase("aliases as a list", [] { return fm("aliases:\n  - Listy\n  - Other Listy\n"); })
          .found_as("Other Listy"),
      NoteCase("aliases as a number", [] { return fm("aliases: 42\n"); }).found_as("42"),
      NoteCase("aliases as a map", [] { return fm("aliases: {a: b}\n"); }),
  };
  for (const auto& c : cases) run_case(c);
}

TEST_CASE("bad inputs: pathological YAML", "[bad_inputs]") {
  // Billion laughs: nine levels of ten aliases each, 10^9 values expanded.
  std::string laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    const std::string previous = std::string("*") + static_cast<char>(c - 1);
    laughs += std::string(1, c) + ": &" + c + " [" + repeat(previous + ", ", 9) + previous + "]\n";
  }
  const std::vector<NoteCase> cases = {
      NoteCase("[ repeated 20,000 times",
               [] { return fm("aliases: " + repeat("[", 20000) + "\n"); },
               {kW + ":2: malformed front-matter: nested too deeply"}),
      NoteCase("- repeated 20,000 times (block nesting)",
               [] { return fm("aliases:\n" + repeat("- ", 20000) + "x\n"); },
               {kW + ":3: malformed front-matter: nested too deeply"}),
      NoteCase("maps nested 3,000 deep by indentation",
               [] {
                 std::string yaml = "a:\n";
                 for (int depth = 1; depth < 3000; ++depth)
                   yaml += std::string(depth, ' ') + "a:\n";
                 return fm(yaml);
               },
               {kW + ":500: malformed front-matter: nested too deeply"}),
      NoteCase("billion laughs", [laughs] { return fm(laughs); },
               {kW + ":2: malformed front-matter: too many values (alias expansion?)"}),
  };
  for (const auto& c : cases) run_case(c);
}

TEST_CASE("bad inputs: note bodies", "[bad_inputs]") {
  const std::vector<NoteCase> cases = {
      NoteCase("non-UTF-8 bytes",
               [] {
                 return fm(
                     "title: Bad Case\naliases: [\"B\xE4"
                     "d\"]\n",
                     "\xFF\xFE \xC3\x28 [[\xFF]] text\n- [ ] t\xE9sk \xF0\x9F\n## \xC0\xAF\n");
               }),
      NoteCase("a non-UTF-8 title",
               [] {
                 return fm(
                     "title: \"B\xE4"
                     "d \xFF\"\naliases: [\"\xC3\"]\n");
               })
          .found_as("B\xE4"
                    "d \xFF"),
      NoteCase("NUL bytes",
               [] {
                 return fm("title: Bad Case\nrole: \"a\0b\"\n"s,
                           "a\0b [[x\0y]]\n- [ ] t\0ask\n# \0\n"s);
               }),
      NoteCase(
          "[ repeated 20,000 times in the body",
          [] { return fm("title: Bad Case\n", repeat("[", 20000) + repeat("[[a|", 5000) + "\n"); }),
      NoteCase("a 1 MB single line",
               [] { return fm("title: Bad Case\n", repeat("word [[Asaf Levy]] `x` ", 1 << 16)); }),
      NoteCase("an empty file", [] { return std::string(); }),
      NoteCase("an unterminated code fence",
               [] { return fm("title: Bad Case\n", "\n# Bad Case\n\n```\ncode [[Asaf Levy]]\n"); })
          .refused(kW + ":7: unterminated code fence; close it before regenerating"),
  };
  for (const auto& c : cases) run_case(c);
}

TEST_CASE("bad inputs: generated sections", "[bad_inputs]") {
  const std::vector<NoteCase> cases = {
      NoteCase("duplicated",
               [] {
                 return fm("title: Bad Case\n",
                           "\n## Open Tasks\n\n- mine\n\n## Recent Context\n\n## Open Tasks\n\n"
                           "- also\n");
               })
          .refused(kW + ":11: duplicate section 'Open Tasks'"),
      NoteCase("inside a code fence",
               [] {
                 return fm("title: Bad Case\n",
                           "\n```\n## Open Tasks\n- [ ] quoted\n## Recent Context\n```\n\nMine.\n");
               })
          .then([](const std::string& after) {
            CHECK(after.find("```\n## Open Tasks\n- [ ] quoted\n## Recent Context\n```\n") !=
                  std::string::npos);
          }),
      NoteCase("a hand-written task in a generated section",
               [] { return fm("title: Bad Case\n", "\n## Recent Context\n\n- [ ] my own task\n"); })
          .refused(kW + ":7: section 'Recent Context' contains hand-written tasks; move them out "
                        "before regenerating"),
  };
  for (const auto& c : cases) run_case(c);
}

TEST_CASE("bad inputs: a 100 MB note is skipped with a warning", "[bad_inputs]") {
  ScratchDir dir("huge");
  const fs::path vault = make_vault(dir);
  // Sparse: 100 MB by size, no 100 MB written. kb must not read it at all.
  write_file(vault / kBad, fm("title: Bad Case\n"));
  fs::resize_file(vault / kBad, 100u << 20);
  const auto before = snapshot(vault);
  const std::string warning =
      kW + ": skipped: 104857600 bytes is over the 16777216 byte limit for a note";
  const Run people = kb_run(vault, "people");
  CHECK(people.exit == 0);
  CHECK(lines_about_bad_note(people) == std::vector<std::string>{warning});
  const Run person = kb_run(vault, "person 'Bad Case'");
  CHECK(person.exit == 1);
  const Run check = kb_run(vault, "check");
  CHECK(check.out.find(kBad + ":1: skipped: 104857600 bytes") != std::string::npos);
  const Run regen = kb_run(vault, "regen --all");
  CHECK(regen.exit == 0);
  CHECK(snapshot(vault).at(kBad) == before.at(kBad));
}
