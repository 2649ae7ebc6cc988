// What a query is read with besides its text: the global query, presets,
// placeholders and the Query File Defaults (the plugin's src/Query/Query.ts,
// QueryRendererHelper.ts, src/Scripting/ExpandPlaceholders.ts; docs:
// Queries/Global Query.md, Queries/Presets.md, Scripting/Placeholders.md,
// Queries/Query File Defaults.md).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "../../src/tasks/placeholders.hpp"
#include "kb/tasks/query.hpp"
#include "kb/tasks/settings.hpp"
#include "kb/text/frontmatter.hpp"

using kb::tasks::QueryContext;
using kb::tasks::QueryFile;
using kb::tasks::Settings;
using kb::tasks::TaskList;
using kb::tasks::TasksQuery;
using kb::text::Date;

namespace {

const Date kToday{2025, 1, 10};

// Tasks in a few notes; each task's text is what the checks look for.
TaskList sample() {
  TaskList list;
  list.notes = {{"People/Asaf Levy.md"}, {"Work/Plan.md"}, {"Daily/2025-01-10.md"}};
  const auto add = [&](int note, std::string_view line) {
    list.add(note, static_cast<int>(list.size()) + 1, "", *kb::tasks::parse_task(line));
  };
  add(0, "- [ ] call Asaf 📅 2025-01-09");
  add(0, "- [x] sent deck");
  add(1, "- [ ] plan #work 📅 2025-01-20");
  add(1, "- [/] draft #work");
  add(2, "- [ ] daily chore 📅 2025-01-10");
  return list;
}

std::vector<std::string> run(std::string_view query, const QueryContext& context = {}) {
  static const TaskList list = sample();
  auto parsed = TasksQuery::parse(query, 1, context);
  if (!parsed) FAIL(parsed.error().line << ": " << parsed.error().message);
  std::vector<std::string> texts;
  for (const auto& item : parsed->select(list, kToday)) texts.emplace_back(item.task->text);
  return texts;
}

kb::Diagnostic error_of(std::string_view query, const QueryContext& context = {}) {
  auto parsed = TasksQuery::parse(query, 1, context);
  REQUIRE_FALSE(parsed.ok());
  return parsed.error();
}

kb::text::FrontMatter front_matter(std::string_view yaml) {
  auto parsed = kb::text::parse_front_matter(yaml, 2);
  REQUIRE(parsed.ok);
  return parsed.fm;
}

}  // namespace

TEST_CASE("The global query runs before every query, unless it says not to",
          "[tasks][global-query]") {
  Settings settings;
  settings.global_query = "# only open work\nnot done\npath does not include Daily\n";
  const QueryContext context{&settings, {}};
  CHECK(run("sort by description", context) == std::vector<std::string>{"call Asaf 📅 2025-01-09",
                                                                        "draft #work",
                                                                        "plan #work 📅 2025-01-20"});
  // `ignore global query`, in any case, anywhere in the query.
  CHECK(run("path includes Daily\nIgnore Global Query", context) ==
        std::vector<std::string>{"daily chore 📅 2025-01-10"});
  // Its errors say where they are.
  settings.global_query = "not done\nfrobnicate\n";
  const auto e = error_of("done", context);
  CHECK(e.line == 0);
  CHECK(e.message == "in the Tasks global query: do not understand query 'frobnicate'");
  CHECK(run("done\nignore global query", context) == std::vector<std::string>{"sent deck"});
}

TEST_CASE("Presets: preset NAME and {{preset.NAME}}", "[tasks][presets]") {
  Settings settings;
  settings.presets = {{"work", "path includes Work\nnot done"},
                      {"open_work", "preset work\nsort by description"},
                      {"loop", "preset loop"},
                      {"here", "path includes {{query.file.path}}"}};
  const QueryContext no_note{&settings, {}};
  // (The default order puts IN_PROGRESS before TODO.)
  CHECK(run("preset work", no_note) ==
        std::vector<std::string>{"draft #work", "plan #work 📅 2025-01-20"});
  CHECK(run("PRESET   open_work  ", no_note) ==
        std::vector<std::string>{"draft #work", "plan #work 📅 2025-01-20"});
  const auto unknown = error_of("not done\npreset nope", no_note);
  CHECK(unknown.line == 2);
  CHECK(unknown.message ==
        "unknown preset 'nope'; the Tasks settings define: here, loop, open_work, work");
  CHECK(error_of("preset loop", no_note).message == "preset 'loop' includes itself");
  // A preset's placeholder needs a note, as any placeholder does: never a literal match.
  CHECK(error_of("preset here", no_note).message ==
        "preset 'here': placeholder {{query.file.path}} needs the note that holds the query, and "
        "there is none");
  const QueryContext in_plan{&settings, QueryFile{"Work/Plan.md", nullptr}};
  CHECK(run("preset here\nnot done", in_plan) ==
        std::vector<std::string>{"draft #work", "plan #work 📅 2025-01-20"});
  // {{preset.NAME}} expands to its lines, each an instruction.
  CHECK(run("{{preset.work}}\nsort by description", in_plan) ==
        std::vector<std::string>{"draft #work", "plan #work 📅 2025-01-20"});
  CHECK(error_of("{{preset.nope}}", in_plan).message ==
        "unknown placeholder {{preset.nope}} (placeholder names are case-sensitive)");
  // The default presets.
  const QueryContext defaults_in_people{nullptr, QueryFile{"People/Asaf Levy.md", nullptr}};
  CHECK(run("preset this_file\nnot done", defaults_in_people) ==
        std::vector<std::string>{"call Asaf 📅 2025-01-09"});
}

TEST_CASE("Placeholders expand with the note that holds the query", "[tasks][placeholders]") {
  // docs/Scripting/Placeholders.md: the query in `some/sample/file path.md`.
  const QueryContext sample{nullptr, QueryFile{"People/Asaf Levy.md", nullptr}};
  CHECK(run("path includes {{query.file.path}}", sample).size() == 2);
  CHECK(run("path includes {{ query.file.pathWithoutExtension }}\nnot done", sample) ==
        std::vector<std::string>{"call Asaf 📅 2025-01-09"});
  CHECK(run("root includes {{query.file.root}}", sample).size() == 2);
  CHECK(run("folder includes {{query.file.folder}}", sample).size() == 2);
  CHECK(run("filename includes {{query.file.filename}}", sample).size() == 2);
  CHECK(run("description includes {{query.file.filenameWithoutExtension}}", sample).empty());
  // A Mustache comment goes.
  CHECK(run("path includes Asaf {{! a comment }}\nnot done", sample).size() == 1);
  // A daily note's date as a filter value.
  const QueryContext daily{nullptr, QueryFile{"Daily/2025-01-10.md", nullptr}};
  CHECK(run("due on {{query.file.filenameWithoutExtension}}", daily) ==
        std::vector<std::string>{"daily chore 📅 2025-01-10"});

  // Without a note, an unknown name, JavaScript: errors naming the placeholder.
  const auto none = error_of("not done\npath includes {{query.file.path}}");
  CHECK(none.line == 2);
  CHECK(none.message ==
        "placeholder {{query.file.path}} needs the note that holds the query, and there is none");
  CHECK(error_of("# even in a comment {{query.file.path}}").line == 1);
  CHECK(error_of("filename includes {{query.file.fileName}}", sample).message ==
        "unknown placeholder {{query.file.fileName}} (placeholder names are case-sensitive)");
  CHECK(error_of("path includes {{query.file.path.toUpperCase()}}", sample).message ==
        "placeholder {{query.file.path.toUpperCase()}} is JavaScript, which kb does not run");
  CHECK(error_of("path includes {{query.file.outlinks}}", sample).message ==
        "placeholder {{query.file.outlinks}} is not supported by kb");
  CHECK(error_of("path includes {{query.file.path", sample).message ==
        "unclosed placeholder '{{query.file.path'");
}

TEST_CASE("Placeholders read the note's properties", "[tasks][placeholders]") {
  const auto fm = front_matter(
      "search: plan\nWorkDate: 2025-01-20\ncount: 3\nlist: [a, b]\ntags: [x, '#y']\n"
      "nested:\n  inner: deep\nempty:\nflag: true\n");
  const QueryContext note{nullptr, QueryFile{"Work/Plan.md", &fm}};
  CHECK(run("description includes {{query.file.property('search')}}", note) ==
        std::vector<std::string>{"plan #work 📅 2025-01-20"});
  // Any case of the key; a date property as a filter value.
  CHECK(run("due on {{query.file.property(\"workdate\")}}", note) ==
        std::vector<std::string>{"plan #work 📅 2025-01-20"});
  // Mustache's own lookup: exact keys, lists joined with commas, tags with '#'.
  CHECK(run("description includes {{query.file.frontmatter.search}}", note).size() == 1);
  CHECK(run("description includes {{query.file.frontmatter.nested.inner}}", note).empty());
  CHECK(error_of("path includes {{query.file.frontmatter.workdate}}", note).message ==
        "unknown placeholder {{query.file.frontmatter.workdate}} (placeholder names are "
        "case-sensitive)");
  CHECK(error_of("path includes {{query.file.property('missing')}}", note).message ==
        "placeholder {{query.file.property('missing')}}: the note 'Work/Plan.md' has no property "
        "'missing' (or it is empty)");
  CHECK(error_of("path includes {{query.file.property('empty')}}", note).line == 1);
  // What each prints.
  const auto expanded = [&](std::string_view text) {
    auto result = kb::tasks::expand_placeholders(text, *note.file, Settings{});
    REQUIRE(result.ok());
    return *result;
  };
  CHECK(expanded("{{query.file.property('list')}}") == "[\"a\",\"b\"]");
  CHECK(expanded("{{query.file.frontmatter.list}}") == "a,b");
  CHECK(expanded("{{query.file.frontmatter.tags}} {{query.file.property('TAGS')}}") ==
        "#x,#y [\"#x\",\"#y\"]");
  CHECK(expanded("{{query.file.property('count')}} {{query.file.hasProperty('flag')}} "
                 "{{query.file.hasProperty('nope')}} {{query.file.hasProperty('empty')}}") ==
        "3 true false false");
  CHECK(expanded("{{query.file.frontmatter.nested}} {{query.file.frontmatter.empty}}.") ==
        "[object Object] .");
  // A value with a placeholder in it is expanded in turn.
  const auto chained = front_matter("a: \"{{query.file.filename}}\"\n");
  CHECK(*kb::tasks::expand_placeholders("{{query.file.property('a')}}",
                                        QueryFile{"x/y.md", &chained}, Settings{}) == "y.md");
  // Without front-matter, tags are an empty list and nothing else is there.
  CHECK(*kb::tasks::expand_placeholders("[{{query.file.frontmatter.tags}}]",
                                        QueryFile{"x/y.md", nullptr}, Settings{}) == "[]");
}

TEST_CASE("Query File Defaults: the note's TQ_extra_instructions come first",
          "[tasks][placeholders]") {
  Settings settings;
  settings.global_query = "not done";
  const auto fm = front_matter(
      "TQ_extra_instructions: |-\n  path includes Work\n  ignore global query\nTQ_short_mode: "
      "true\nTQ_explain: false\n");
  const QueryContext note{&settings, QueryFile{"Work/Plan.md", &fm}};
  CHECK(run("sort by description", note) ==
        std::vector<std::string>{"draft #work", "plan #work 📅 2025-01-20"});
  const auto bad = front_matter("TQ_extra_instructions: frobnicate\n");
  const auto e = error_of("not done", QueryContext{&settings, QueryFile{"Work/Plan.md", &bad}});
  CHECK(e.message ==
        "in the note's TQ_ properties (Query File Defaults): do not understand query 'frobnicate'");
}

TEST_CASE("Status filters, sorts and groups with custom statuses", "[tasks][settings]") {
  auto read = kb::tasks::read_settings_json(R"({"statusSettings": {
      "coreStatuses": [{"symbol": " ", "name": "Todo", "type": "TODO"},
                       {"symbol": "x", "name": "Done", "type": "DONE"}],
      "customStatuses": [{"symbol": ">", "name": "Forwarded", "type": "ON_HOLD"},
                         {"symbol": "Q", "name": "Question", "type": "NON_TASK"}]}})");
  REQUIRE(read.ok());
  const Settings& s = read->settings;
  TaskList list;
  list.notes = {{"a.md"}};
  int line = 0;
  for (std::string_view text :
       {"- [ ] one", "- [>] two", "- [Q] three", "- [x] four", "- [/] five"}) {
    list.add(0, ++line, "", *kb::tasks::read_task(*kb::text::checkbox_line(text), s));
  }
  const auto texts = [&](std::string_view query) {
    std::vector<std::string> out;
    for (const auto& item : TasksQuery::parse(query)->select(list, kToday)) {
      out.emplace_back(item.task->text);
    }
    return out;
  };
  // ON_HOLD is not done; NON_TASK is done; '/' is not registered here: unknown, TODO.
  CHECK(texts("not done") == std::vector<std::string>{"one", "five", "two"});
  CHECK(texts("status.type is on_hold") == std::vector<std::string>{"two"});
  CHECK(texts("status.name includes unknown") == std::vector<std::string>{"five"});
  // Status types in the plugin's order: IN_PROGRESS, TODO, ON_HOLD, DONE, CANCELLED, NON_TASK.
  CHECK(texts("sort by status.type") ==
        std::vector<std::string>{"one", "five", "two", "four", "three"});
  const auto groups = TasksQuery::parse("group by status.type")->run(list, kToday);
  REQUIRE(groups.size() == 4);
  CHECK(groups[0].names == std::vector<std::string>{"TODO"});
  CHECK(groups[1].names == std::vector<std::string>{"ON_HOLD"});
  CHECK(groups[2].names == std::vector<std::string>{"DONE"});
  CHECK(groups[3].names == std::vector<std::string>{"NON_TASK"});
  const auto names = TasksQuery::parse("group by status.name")->run(list, kToday);
  REQUIRE(names.size() == 5);
  CHECK(names[1].names == std::vector<std::string>{"Forwarded"});
}

TEST_CASE("The description filter and sort leave the global filter out", "[tasks][settings]") {
  Settings settings;
  settings.global_filter = "#work";
  const QueryContext context{&settings, {}};
  // "plan #work": the description without '#work' is "plan".
  CHECK(run("description includes work", context).empty());
  CHECK(run("description includes plan", context).size() == 1);
  CHECK(run("description includes work").size() == 2);  // without the setting
}
