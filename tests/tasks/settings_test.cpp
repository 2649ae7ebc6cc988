// The Tasks plugin's settings (data.json) and what they change: which lines
// are tasks (the global filter), their statuses (the status collection),
// how they print (removeGlobalFilter), and how fields are written (the
// Dataview format). Expected values follow the plugin's source:
// src/Config/Settings.ts, GlobalFilter.ts, src/Statuses/, src/TaskSerializer/.
#include "kb/tasks/settings.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "kb/tasks/query.hpp"

using kb::tasks::read_settings_json;
using kb::tasks::read_task;
using kb::tasks::Settings;
using kb::tasks::StatusType;
using kb::tasks::Task;

namespace {

std::optional<Task> task_under(std::string_view line, const Settings& settings) {
  const auto checkbox = kb::text::checkbox_line(line);
  REQUIRE(checkbox);
  return read_task(*checkbox, settings);
}

Settings settings_from(std::string_view json) {
  auto read = read_settings_json(json);
  REQUIRE(read.ok());
  return read->settings;
}

// The statuses of the plugin's docs (Statuses/Custom Statuses.md) and the
// Dataview format, as a data.json would hold them.
const std::string kData = R"({
  "globalFilter": "#task",
  "removeGlobalFilter": true,
  "globalQuery": "not done\n",
  "presets": {"mine": "path includes Work", "chained": "preset mine\ndue before 2030-01-01"},
  "taskFormat": "dataview",
  "statusSettings": {
    "coreStatuses": [
      {"symbol": " ", "name": "Todo", "nextStatusSymbol": "x", "availableAsCommand": true, "type": "TODO"},
      {"symbol": "x", "name": "Done", "nextStatusSymbol": " ", "availableAsCommand": true, "type": "DONE"}
    ],
    "customStatuses": [
      {"symbol": ">", "name": "Forwarded", "nextStatusSymbol": "x", "type": "ON_HOLD"},
      {"symbol": "Q", "name": "Question", "nextStatusSymbol": "A", "type": "NON_TASK"},
      {"symbol": "x", "name": "Shadowed", "nextStatusSymbol": " ", "type": "TODO"},
      {"name": "No symbol", "type": "DONE"},
      {"symbol": "?", "name": "Odd type", "type": "WAITING"}
    ]
  }
})";

}  // namespace

TEST_CASE("Without data.json every setting is the plugin's default", "[tasks][settings]") {
  const Settings defaults;
  CHECK(defaults.global_filter.empty());
  CHECK_FALSE(defaults.remove_global_filter);
  CHECK(defaults.global_query.empty());
  CHECK(defaults.format.syntax == kb::tasks::TaskFormat::Syntax::Emoji);
  REQUIRE(defaults.preset("this_file"));
  CHECK(*defaults.preset("this_file") == "path includes {{query.file.path}}");
  CHECK(defaults.statuses.statuses().size() == 4);
  CHECK(defaults.statuses.find("X").name == "Unknown");
  CHECK(defaults.statuses.find("X").type == StatusType::Todo);
  // An empty object sets nothing.
  auto read = read_settings_json("{}");
  REQUIRE(read.ok());
  CHECK(read->set.empty());
  CHECK(read->settings.presets == kb::tasks::default_presets());
}

TEST_CASE("data.json: every setting kb reads", "[tasks][settings]") {
  auto read = read_settings_json(kData);
  REQUIRE(read.ok());
  CHECK(read->warnings.empty());
  const Settings& s = read->settings;
  CHECK(s.global_filter == "#task");
  CHECK(s.remove_global_filter);
  CHECK(s.global_query == "not done\n");
  CHECK(s.format.syntax == kb::tasks::TaskFormat::Syntax::Dataview);
  // Presets replace the defaults whole, as the plugin's shallow merge does.
  CHECK(s.presets.size() == 2);
  CHECK_FALSE(s.preset("this_file"));
  CHECK(read->set == std::vector<std::string>{"global_filter", "remove_global_filter",
                                              "global_query", "presets", "statuses", "task_format"});
  // Core then custom; the first of a symbol wins; a missing symbol is ' '
  // (taken already); an unknown type is TODO.
  const auto& statuses = s.statuses.statuses();
  REQUIRE(statuses.size() == 5);
  CHECK(s.statuses.find("x").name == "Done");
  CHECK(s.statuses.find(">").type == StatusType::OnHold);
  CHECK(s.statuses.find("Q").type == StatusType::NonTask);
  CHECK(s.statuses.find("?").type == StatusType::Todo);
  CHECK(s.statuses.find("?").name == "Odd type");
  // Not registered here, unlike the defaults: unknown.
  CHECK(s.statuses.find("/").name == "Unknown");
  CHECK(s.statuses.find("-").type == StatusType::Todo);
}

TEST_CASE("data.json problems: a warning per key, or defaults for a broken file",
          "[tasks][settings]") {
  auto bad = read_settings_json("{\n  \"globalFilter\": \"#task\",\n  oops\n}");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().line == 3);
  CHECK(bad.error().message == "not valid JSON");
  CHECK_FALSE(read_settings_json("[1, 2]").ok());
  CHECK_FALSE(read_settings_json("").ok());

  auto odd = read_settings_json(
      R"({"globalFilter": 5, "removeGlobalFilter": "yes", "taskFormat": "markdown",
          "presets": {"ok": "done", "bad": 3}, "statusSettings": {"customStatuses": []}})");
  REQUIRE(odd.ok());
  const Settings& s = odd->settings;
  CHECK(s.global_filter.empty());
  CHECK_FALSE(s.remove_global_filter);
  CHECK(s.format.syntax == kb::tasks::TaskFormat::Syntax::Emoji);
  CHECK(s.presets.size() == 1);
  // coreStatuses missing: the default core ones, and a warning.
  CHECK(s.statuses.statuses().size() == 2);
  REQUIRE(odd->warnings.size() == 5);
  CHECK(odd->warnings[0].message == "globalFilter is not text; the plugin's default is used");
  CHECK(odd->warnings[2].message == "presets.bad is not text; that preset is left out");

  // The old name of presets.
  const Settings old = settings_from(R"({"includes": {"x": "done"}})");
  REQUIRE(old.preset("x"));
}

TEST_CASE("The global filter decides which lines are tasks", "[tasks][settings]") {
  Settings s;
  s.global_filter = "#task";
  CHECK(task_under("- [ ] a #task here", s));
  CHECK(task_under("- [ ] #tasks is a substring: still a task", s));
  CHECK(task_under("- [ ] nested #task/sub", s));
  CHECK_FALSE(task_under("- [ ] no filter", s));
  CHECK_FALSE(task_under("- [ ] case counts #Task", s));
  // The block link is not part of the body the plugin checks.
  CHECK_FALSE(task_under("- [ ] a ^task", s));
  // The filter is not a tag of the task; other tags are.
  const auto t = task_under("- [ ] a #task #work", s);
  REQUIRE(t);
  CHECK(t->tags == std::vector<std::string>{"#work"});
  // No global filter: every checkbox line.
  CHECK(task_under("- [ ] a", Settings{}));
}

TEST_CASE("removeGlobalFilter: the filter leaves printed text as a word only",
          "[tasks][settings]") {
  Settings s;
  s.global_filter = "#task";
  CHECK(kb::tasks::shown_text("#task do it", s) == "#task do it");  // not set: unchanged
  s.remove_global_filter = true;
  CHECK(kb::tasks::shown_text("#task do it", s) == "do it");
  CHECK(kb::tasks::shown_text("do #task it", s) == "do it");
  CHECK(kb::tasks::shown_text("do it #task", s) == "do it");
  CHECK(kb::tasks::shown_text("do #task/sub it", s) == "do #task/sub it");
  CHECK(kb::tasks::shown_text("do#task it", s) == "do#task it");
  // Each match takes the space after it: of two in a row only the first goes.
  CHECK(kb::tasks::shown_text("a #task #task b", s) == "a #task b");
  // "a  b  c", then .replace('  ', ' ') takes the first double space only.
  CHECK(kb::tasks::shown_text("a #task b #task c", s) == "a b  c");
  // The description filter and sort remove it as a substring, once.
  CHECK(kb::tasks::description_without_global_filter("#task do #task it", "#task") ==
        "do #task it");
}

TEST_CASE("Custom statuses: type and name of each symbol", "[tasks][settings]") {
  const Settings s = settings_from(kData);
  const auto forwarded = task_under("- [>] sent on #task", s);
  REQUIRE(forwarded);
  CHECK(forwarded->status == StatusType::OnHold);
  CHECK(forwarded->status_name == "Forwarded");
  const auto unknown = task_under("- [X] capital #task", s);
  REQUIRE(unknown);
  CHECK(unknown->status == StatusType::Todo);
  CHECK(unknown->status_name == "Unknown");
  CHECK_FALSE(kb::tasks::is_done(StatusType::OnHold));
  CHECK(kb::tasks::is_done(StatusType::NonTask));
}

TEST_CASE("The Dataview format reads inline fields from the end", "[tasks][settings][dataview]") {
  Settings s;
  s.format.syntax = kb::tasks::TaskFormat::Syntax::Dataview;
  // docs/Reference/Task Formats/Dataview Format.md
  const auto t = task_under(
      "- [ ] Do it #tag [due:: 2025-01-01]  [priority:: high] (start:: 2024-12-30), "
      "[created:: 2024-12-01] [repeat:: every week ] [id:: abc] [dependsOn:: x1, y2]",
      s);
  REQUIRE(t);
  CHECK(t->description == "Do it #tag");
  REQUIRE(t->due);
  CHECK(t->due->written == "2025-01-01");
  CHECK(t->priority == kb::tasks::Priority::High);
  REQUIRE(t->start);
  CHECK(t->start->written == "2024-12-30");
  REQUIRE(t->created);
  CHECK(t->recurrence == "every week");
  CHECK(t->id == "abc");
  CHECK(t->depends_on == std::vector<std::string_view>{"x1", "y2"});
  // Done and cancelled dates; tags between fields go back on the description.
  const auto done = task_under(
      "- [x] Done #a [completion:: 2025-02-01] #b (cancelled:: 2025-02-02) (onCompletion:: delete)",
      s);
  REQUIRE(done);
  CHECK(done->description == "Done #a #b");
  CHECK(done->done);
  CHECK(done->cancelled);
  CHECK(done->on_completion == kb::tasks::OnCompletion::Delete);
  // Emoji fields are text in this format; so are mismatched or other-case fields.
  const auto emoji = task_under("- [ ] a 📅 2025-01-01", s);
  REQUIRE(emoji);
  CHECK_FALSE(emoji->due);
  CHECK(emoji->description == "a 📅 2025-01-01");
  const auto mismatched = task_under("- [ ] a [due:: 2025-01-01)", s);
  CHECK_FALSE(mismatched->due);
  CHECK_FALSE(task_under("- [ ] a [Due:: 2025-01-01]", s)->due);
  CHECK_FALSE(task_under("- [ ] a [priority:: urgent]", s)->priority != kb::tasks::Priority::None);
  // The emoji format does not read Dataview fields.
  CHECK_FALSE(task_under("- [ ] a [due:: 2025-01-01]", Settings{})->due);
}
