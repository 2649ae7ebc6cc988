#include "kb/query/brief.hpp"

#include <catch2/catch.hpp>

#include "kb/io/fs.hpp"

using kb::model::NoteId;
using kb::model::Vault;
using kb::query::Brief;
using kb::query::BriefOptions;
using kb::query::BriefTask;
using kb::query::Bullet;
using kb::query::SpanStart;
using kb::text::Date;

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

std::string meeting(const std::string& date, const std::string& front, const std::string& body) {
  return "---\ntype: meeting\ndate: " + date + "\n" + front + "---\n" + body;
}

const std::string kAda =
    "---\ntype: people\ntitle: Ada Byron\n---\n# Ada Byron\n\n"
    "## Key Facts\n\n"
    "- Runs the analytical engine team.\n"
    "  - Reports to Charles.\n"
    "1. Prefers *written* proposals.\n"
    "A paragraph that is not a list item.\n"
    "```\n- not a fact (code)\n```\n"
    "## Topics\n\n- not a fact (other section)\n\n"
    "## Key Decisions\n\n- ✅ Ship the engine in Q3.\n";

// Today is 2025-06-20 in every test; the notes around it test each part.
kb::io::MemoryFileSystem ada_vault() {
  kb::io::MemoryFileSystem fs;
  fs.add("People/Ada Byron/Ada Byron.md", kAda);
  fs.add("People/Bob Stone.md", "---\ntype: people\n---\n# Bob Stone\n");
  fs.add("Meetings/2025-06-01 - Kickoff.md",
         meeting("2025-06-01", "participants: [Ada Byron]\n",
                 "- [ ] Old open task 📅 2025-06-05\n"
                 "- [x] Closed before the span ✅ 2025-06-02\n"));
  fs.add("People/Ada Byron/2025-06-10 - Sync.md",
         meeting("2025-06-10", "",
                 "Ada Byron and I went through the plan.\n"
                 "- [ ] Reopened ✅ 2025-06-14\n"
                 "- [ ] New task ➕ 2025-06-12 📅 2025-06-25\n"
                 "- [x] Done in the span ✅ 2025-06-15\n"
                 "- [ ] Due in seven days 📅 2025-06-27\n"
                 "- [ ] Due in eight days 📅 2025-06-28\n"
                 "- [-] Cancelled ❌ 2025-06-16 📅 2025-06-18\n"
                 "- [x] Done late 📅 2025-06-01 ✅ 2025-06-11\n"
                 "- [/] In progress due today 📅 2025-06-20\n"));
  fs.add("Meetings/2025-06-15 - Board.md", meeting("2025-06-15", "",
                                                   "The board asked about Ada Byron's engine.\n"
                                                   "- [ ] Board follow-up ➕ 2025-06-15\n"));
  fs.add("Meetings/2025-06-16 - Linked.md",
         meeting("2025-06-16", "", "Notes for [[Ada Byron]]; Ada Byron agreed.\n"));
  fs.add("Meetings/2025-06-18 - Unrelated.md",
         meeting("2025-06-18", "participants: [Bob Stone]\n",
                 "- [ ] Unrelated ➕ 2025-06-18 📅 2025-06-19\n"));
  fs.add("Meetings/2025-06-20 - Today.md",
         meeting("2025-06-20", "participants: [Ada Byron]\n", ""));
  fs.add("Meetings/2025-06-25 - Future.md",
         meeting("2025-06-25", "participants: [Ada Byron]\n", ""));
  fs.add("Inbox.md", "Ask Ada Byron about the engine.\n");
  // Not involved (no title, no mention) but its path includes her name.
  fs.add("Inbox/Ada Byron followups.md", "- [ ] From the path ➕ 2025-06-13\n");
  return fs;
}

const Date kToday{2025, 6, 20};

Brief brief_of(const Vault& vault, std::optional<Date> since = std::nullopt,
               const std::string& person = "People/Ada Byron/Ada Byron.md") {
  BriefOptions options;
  options.today = kToday;
  options.since = since;
  auto brief =
      kb::query::make_brief(vault, id_of(vault, person),
                            kb::query::vault_tasks(vault, vault.notes_with_tasks()), options);
  REQUIRE(brief.ok());
  return std::move(*brief);
}

std::vector<std::string> note_stems(const Brief& brief) {
  std::vector<std::string> stems;
  for (const auto& note : brief.notes) stems.push_back(note.entry.stem);
  return stems;
}

std::vector<std::string> descriptions(const std::vector<BriefTask>& tasks) {
  std::vector<std::string> out;
  for (const auto& task : tasks) out.emplace_back(task.task.description);
  return out;
}

}  // namespace

TEST_CASE("the span starts at the newest involved note before today", "[brief]") {
  auto fs = ada_vault();
  const Vault vault = load(fs);
  const Brief brief = brief_of(vault);
  CHECK(brief.span_start == SpanStart::LastMeeting);
  REQUIRE(brief.since.has_value());
  CHECK(brief.since->iso() == "2025-06-16");
  REQUIRE(brief.last_meeting.has_value());
  CHECK(brief.last_meeting->stem == "2025-06-16 - Linked");
  // Today's note is in the span (but is not the last meeting); the future one is not.
  CHECK(note_stems(brief) == std::vector<std::string>{"2025-06-20 - Today", "2025-06-16 - Linked"});
}

TEST_CASE("brief: --since replaces the last meeting and includes its own day", "[brief]") {
  auto fs = ada_vault();
  const Vault vault = load(fs);
  const Brief brief = brief_of(vault, Date{2025, 6, 10});
  CHECK(brief.span_start == SpanStart::Since);
  CHECK_FALSE(brief.last_meeting.has_value());
  CHECK(note_stems(brief) == std::vector<std::string>{"2025-06-20 - Today", "2025-06-16 - Linked",
                                                      "2025-06-15 - Board", "2025-06-10 - Sync"});
  CHECK(brief.notes[3].involvement.in_folder);
  CHECK(brief.notes[3].entry.via == std::nullopt);  // her own folder
}

TEST_CASE("without an earlier meeting the span is everything up to today", "[brief]") {
  kb::io::MemoryFileSystem fs;
  fs.add("People/Bob Stone.md", "---\ntype: people\n---\n# Bob Stone\n");
  fs.add("Meetings/2025-06-20 - Today.md",
         meeting("2025-06-20", "participants: [Bob Stone]\n", ""));
  fs.add("Meetings/Undated.md", "---\nparticipants: [Bob Stone]\n---\n- [ ] Old ➕ 2020-01-01\n");
  const Vault vault = load(fs);
  const Brief brief = brief_of(vault, std::nullopt, "People/Bob Stone.md");
  CHECK(brief.span_start == SpanStart::Everything);
  CHECK_FALSE(brief.since.has_value());
  CHECK(note_stems(brief) == std::vector<std::string>{"2025-06-20 - Today"});  // undated left out
  CHECK(descriptions(brief.opened) == std::vector<std::string>{"Old"});
}

TEST_CASE("tasks opened and closed in the span", "[brief][tasks]") {
  auto fs = ada_vault();
  const Vault vault = load(fs);
  const Brief brief = brief_of(vault, Date{2025, 6, 10});
  // By created date: from her folder, from a path with her name (not
  // involved), from a note that only mentions her. Not: a note without her.
  CHECK(descriptions(brief.opened) ==
        std::vector<std::string>{"New task", "From the path", "Board follow-up"});
  CHECK(brief.opened[1].path == "Inbox/Ada Byron followups.md");
  CHECK(brief.opened[1].line == 1);
  CHECK(brief.opened[1].link == "[[Ada Byron followups]]");
  // By done date; done before the span is left out; cancelled, and a ✅
  // date on a task that is not done, are not "closed".
  CHECK(descriptions(brief.closed) == std::vector<std::string>{"Done late", "Done in the span"});
}

TEST_CASE("open tasks overdue or due within seven days", "[brief][tasks]") {
  auto fs = ada_vault();
  const Vault vault = load(fs);
  const Brief brief = brief_of(vault);
  // Open only (the cancelled 06-18 and the done 06-01 are not overdue), and
  // only the person's (the unrelated 06-19 is not).
  CHECK(descriptions(brief.overdue) == std::vector<std::string>{"Old open task"});
  // Today through today + 7, in progress counts as open; today + 8 does not.
  CHECK(descriptions(brief.due_soon) ==
        std::vector<std::string>{"In progress due today", "New task", "Due in seven days"});
}

TEST_CASE("the due window is an option", "[brief][tasks]") {
  auto fs = ada_vault();
  const Vault vault = load(fs);
  BriefOptions options;
  options.today = kToday;
  options.due_window_days = 8;
  auto brief =
      kb::query::make_brief(vault, id_of(vault, "People/Ada Byron/Ada Byron.md"),
                            kb::query::vault_tasks(vault, vault.notes_with_tasks()), options);
  REQUIRE(brief.ok());
  CHECK(descriptions(brief->due_soon).back() == "Due in eight days");
}

TEST_CASE("new mentions are notes in the span involving the person by a mention only", "[brief]") {
  auto fs = ada_vault();
  const Vault vault = load(fs);
  const Brief brief = brief_of(vault, Date{2025, 6, 1});
  // 06-16 links her, 06-10 is in her folder (and mentions her), 06-01 and
  // 06-20 list her; the undated Inbox mention is outside any span.
  REQUIRE(brief.new_mentions.size() == 1);
  CHECK(brief.new_mentions[0].stem == "2025-06-15 - Board");
  CHECK(brief_of(vault).new_mentions.empty());  // 06-15 is before the last meeting
}

TEST_CASE("key facts and key decisions are the person note's list items", "[brief]") {
  auto fs = ada_vault();
  const Vault vault = load(fs);
  const Brief brief = brief_of(vault);
  REQUIRE(brief.key_facts.size() == 3);
  CHECK(brief.key_facts[0].text == "Runs the analytical engine team.");
  CHECK(brief.key_facts[0].depth == 0);
  CHECK(brief.key_facts[1].text == "Reports to Charles.");
  CHECK(brief.key_facts[1].depth == 1);
  CHECK(brief.key_facts[2].text == "Prefers *written* proposals.");
  CHECK(brief.key_facts[2].depth == 0);
  REQUIRE(brief.key_decisions.size() == 1);
  CHECK(brief.key_decisions[0].text == "✅ Ship the engine in Q3.");
}

TEST_CASE("section bullets: heading case, CRLF, missing section", "[brief]") {
  kb::io::MemoryFileSystem fs;
  fs.add("People/Bob Stone.md",
         "---\r\ntype: people\r\n---\r\n# Bob Stone\r\n## key facts\r\n* One\r\n+ Two\r\n");
  const Vault vault = load(fs);
  const auto& note = **vault.body(id_of(vault, "People/Bob Stone.md"));
  const auto facts = kb::query::section_bullets(note, "Key Facts");
  REQUIRE(facts.size() == 2);
  CHECK(facts[0].text == "One");
  CHECK(facts[1].text == "Two");
  CHECK(kb::query::section_bullets(note, "Key Decisions").empty());
}

TEST_CASE("the person's own query chooses the tasks, without `not done`", "[brief][tasks]") {
  kb::io::MemoryFileSystem fs;
  fs.add("People/Bob Stone.md",
         "---\ntype: people\n---\n# Bob Stone\n\n```tasks\ntag includes #bob\nnot done\n```\n");
  fs.add("Elsewhere.md", "- [x] Tagged and done #bob ✅ 2025-06-19\n- [x] Untagged ✅ 2025-06-19\n");
  const Vault vault = load(fs);
  const Brief brief = brief_of(vault, Date{2025, 6, 1}, "People/Bob Stone.md");
  CHECK(descriptions(brief.closed) == std::vector<std::string>{"Tagged and done #bob"});
  CHECK(brief.tasks_query == "tag includes #bob\n\n");
}

TEST_CASE("`not done` also leaves the presets, global query and TQ_extra_instructions",
          "[brief][tasks]") {
  // Each source alone would hide the closed task: a preset the block names,
  // a placeholder preset, the global query, the note's Query File Defaults.
  struct Case {
    const char* what;
    const char* block;
    const char* front;
    const char* global_query;
  };
  for (const Case& c : {Case{"preset line", "preset mine", "", ""},
                        Case{"preset placeholder", "{{preset.mine}}", "", ""},
                        Case{"global query", "tag includes #bob", "", "not done"},
                        Case{"TQ_extra_instructions", "tag includes #bob",
                             "TQ_extra_instructions: not done\n", ""}}) {
    INFO(c.what);
    kb::io::MemoryFileSystem fs;
    fs.add("People/Bob Stone.md", std::string("---\ntype: people\n") + c.front +
                                      "---\n# Bob Stone\n\n```tasks\n" + c.block + "\n```\n");
    fs.add("Elsewhere.md",
           "- [x] Tagged and done #bob ✅ 2025-06-19\n- [x] Untagged ✅ 2025-06-19\n");
    kb::model::Conventions conventions;
    conventions.tasks.presets.emplace_back("mine", "tag includes #bob\nnot done");
    conventions.tasks.global_query = c.global_query;
    auto loaded = kb::model::load_vault(fs, conventions);
    REQUIRE(loaded.ok());
    const Brief brief = brief_of(*loaded, Date{2025, 6, 1}, "People/Bob Stone.md");
    CHECK(descriptions(brief.closed) == std::vector<std::string>{"Tagged and done #bob"});
  }
}

TEST_CASE("a broken ```tasks block fails the brief with the note's path", "[brief]") {
  kb::io::MemoryFileSystem fs;
  fs.add("People/Bob Stone.md",
         "---\ntype: people\n---\n# Bob Stone\n\n```tasks\nfrobnicate the tasks\n```\n");
  const Vault vault = load(fs);
  BriefOptions options;
  options.today = kToday;
  auto brief =
      kb::query::make_brief(vault, id_of(vault, "People/Bob Stone.md"),
                            kb::query::vault_tasks(vault, vault.notes_with_tasks()), options);
  REQUIRE_FALSE(brief.ok());
  CHECK(brief.error().path == "People/Bob Stone.md");
  CHECK(brief.error().line == 7);
}

TEST_CASE("without_not_done drops `not done` lines and keeps line numbers", "[brief]") {
  CHECK(kb::query::without_not_done("path includes X\nnot done\n") == "path includes X\n\n");
  CHECK(kb::query::without_not_done("  Not Done  \r\ndue before today") == "\ndue before today\n");
  CHECK(kb::query::without_not_done("not done\nnot done") == "\n\n");
  // A line continuing the previous instruction stays.
  CHECK(kb::query::without_not_done("(done) OR \\\nnot done\n") == "(done) OR \\\nnot done\n");
  CHECK(kb::query::without_not_done("done\n") == "done\n");
}
