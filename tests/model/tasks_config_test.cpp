// The `tasks:` section of .kb.yaml, read by load_config, and how it
// overrides the plugin's data.json setting by setting.
#include "kb/model/tasks_config.hpp"

#include <catch2/catch.hpp>

#include "kb/io/fs.hpp"
#include "kb/model/config.hpp"
#include "kb/model/parse_cache.hpp"
#include "kb/model/tasks_settings.hpp"

using kb::Diagnostics;
using kb::model::Conventions;
using kb::tasks::StatusType;

namespace {

const std::string kDataJson(kb::tasks::kSettingsFile);

Conventions load_ok(std::string_view yaml, Diagnostics& warnings) {
  auto loaded = kb::model::load_config(yaml, ".kb.yaml", warnings);
  REQUIRE(loaded.ok());
  return std::move(*loaded);
}

std::string failure(std::string_view yaml) {
  Diagnostics warnings;
  auto loaded = kb::model::load_config(yaml, ".kb.yaml", warnings);
  REQUIRE_FALSE(loaded.ok());
  return kb::format_diagnostic(loaded.error());
}

}  // namespace

TEST_CASE("the tasks: section reads every Tasks setting", "[config][tasks]") {
  Diagnostics warnings;
  const Conventions c = load_ok(R"(summary_length: 80
tasks:
  global_filter: "#todo"
  remove_global_filter: TRUE
  global_query: |
    not done
    path does not include Archive/
  presets:
    mine: |-
      not done
      priority is high
    empty:
  statuses:
    - {symbol: " ", name: Todo, next_symbol: x, type: TODO}
    - symbol: w
      name: Waiting
      type: on_hold
  task_format: dataview
  use_filename_as_scheduled_date: true
  filename_as_scheduled_date_format: YYYYMMDD
  filename_as_date_folders: [" /Daily/ ", Journal]
)",
                                warnings);
  CHECK(warnings.empty());
  const kb::tasks::Settings& t = c.tasks_config;
  CHECK(t.global_filter == "#todo");
  CHECK(t.remove_global_filter);
  CHECK(t.global_query == "not done\npath does not include Archive/\n");
  REQUIRE(t.presets.size() == 2);
  CHECK(t.presets[0] == std::pair<std::string, std::string>{"mine", "not done\npriority is high"});
  CHECK(t.presets[1].second.empty());
  REQUIRE(t.statuses.statuses().size() == 2);
  CHECK(t.statuses.find("w").type == StatusType::OnHold);
  CHECK(t.statuses.find("w").next_symbol == "x");
  CHECK(t.statuses.find("x").name == "Unknown");  // the list is the whole collection
  CHECK(t.format.syntax == kb::tasks::TaskFormat::Syntax::Dataview);
  CHECK(t.use_filename_as_scheduled_date);
  CHECK(t.filename_as_scheduled_date_format == "YYYYMMDD");
  CHECK(t.filename_as_date_folders == std::vector<std::string>{"Daily", "Journal"});
  CHECK(c.origins.at("tasks.global_filter") == ".kb.yaml:3");
  CHECK(c.origins.at("tasks.global_query") == ".kb.yaml:5");
  CHECK(c.origins.at("tasks.statuses") == ".kb.yaml:13");
  CHECK(c.origins.at("tasks.filename_as_date_folders") == ".kb.yaml:21");
}

TEST_CASE("a bad tasks: setting stops with its file and line", "[config][tasks]") {
  CHECK(failure("tasks: 3\n") ==
        ".kb.yaml:1: 'tasks' must be a map of Tasks plugin settings (global_filter, "
        "global_query, presets, statuses, task_format, ...)");
  CHECK(failure("tasks:\n  remove_global_filter: maybe\n") ==
        ".kb.yaml:2: 'tasks.remove_global_filter' must be true or false, not 'maybe'");
  CHECK(failure("tasks:\n  global_filter: [a, b]\n") ==
        ".kb.yaml:2: 'tasks.global_filter' must be one line of text");
  CHECK(failure("tasks:\n  presets: [a]\n") ==
        ".kb.yaml:2: 'tasks.presets' must be a map of preset names to instructions");
  CHECK(failure("tasks:\n  presets:\n    a: [b]\n") ==
        ".kb.yaml:3: 'tasks.presets.a' must be text: query instructions, one a line");
  CHECK(failure("tasks:\n  statuses: x\n") ==
        ".kb.yaml:2: 'tasks.statuses' must be a list of statuses, each {symbol, name, "
        "next_symbol, type}");
  CHECK(failure("tasks:\n  statuses:\n    - {symbol: ab, name: A, type: TODO}\n") ==
        ".kb.yaml:3: 'tasks.statuses' entry: 'symbol' must be one character, not 'ab'");
  CHECK(failure("tasks:\n  statuses:\n    - {symbol: a, name: A, type: LATER}\n") ==
        ".kb.yaml:3: 'tasks.statuses' entry: unknown type 'LATER' (known: TODO, IN_PROGRESS, "
        "ON_HOLD, DONE, CANCELLED, NON_TASK)");
  CHECK(failure("tasks:\n  statuses:\n    - {symbol: a, type: TODO}\n") ==
        ".kb.yaml:3: 'tasks.statuses' entry needs a 'symbol', a 'name' and a 'type'");
  CHECK(failure("tasks:\n  task_format: org\n") ==
        ".kb.yaml:2: 'tasks.task_format' must be emoji or dataview, not 'org'");
  CHECK(failure("tasks:\n  filename_as_date_folders: {a: b}\n") ==
        ".kb.yaml:2: 'tasks.filename_as_date_folders' must be a list of folders");
}

TEST_CASE("unknown and duplicate tasks: keys are warnings", "[config][tasks]") {
  Diagnostics warnings;
  const Conventions c = load_ok(
      "tasks:\n  globalFilter: '#t'\n  statuses:\n    - {symbol: a, name: A, type: "
      "TODO, colour: red}\n    - {symbol: a, name: B, type: DONE}\n",
      warnings);
  REQUIRE(warnings.size() == 3);
  CHECK(kb::format_diagnostic(warnings[0]) == ".kb.yaml:2: unknown key 'tasks.globalFilter'");
  CHECK(kb::format_diagnostic(warnings[1]) ==
        ".kb.yaml:4: 'tasks.statuses' entry: unknown key 'colour'");
  CHECK(kb::format_diagnostic(warnings[2]) ==
        ".kb.yaml:5: 'tasks.statuses' entry: symbol 'a' is listed twice; the first is used, as "
        "in the plugin");
  CHECK(c.tasks_config.statuses.find("a").name == "A");
  CHECK_FALSE(c.origins.count("tasks.global_filter"));
}

TEST_CASE("the config's tasks: settings override data.json one by one", "[config][tasks]") {
  kb::io::MemoryFileSystem fs;
  fs.add(kDataJson,
         R"({"globalFilter": "#task", "removeGlobalFilter": true, "globalQuery": "not done"})");
  Diagnostics warnings;
  Conventions c = load_ok("tasks:\n  global_filter: ''\n  task_format: dataview\n", warnings);
  kb::model::read_vault_tasks_settings(fs, c, warnings);
  CHECK(warnings.empty());
  CHECK(c.tasks.global_filter.empty());  // the config turns the filter off
  CHECK(c.tasks.remove_global_filter);   // data.json's
  CHECK(c.tasks.global_query == "not done");
  CHECK(c.tasks.format.syntax == kb::tasks::TaskFormat::Syntax::Dataview);
  CHECK(kb::model::tasks_setting_origin(c, "global_filter") == ".kb.yaml:2");
  CHECK(kb::model::tasks_setting_origin(c, "remove_global_filter") == kDataJson);
  CHECK(kb::model::tasks_setting_origin(c, "task_format") == ".kb.yaml:3");
  CHECK(kb::model::tasks_setting_origin(c, "presets") == "default");

  // The parse cache's conventions hash sees the override.
  Conventions plain = load_ok("", warnings);
  kb::model::read_vault_tasks_settings(fs, plain, warnings);
  CHECK(kb::model::conventions_hash(plain) != kb::model::conventions_hash(c));
}

TEST_CASE("an error of the global query is placed where the global query is set",
          "[config][tasks]") {
  kb::io::MemoryFileSystem fs;
  fs.add(kDataJson, R"({"globalQuery": "bogus"})");
  Diagnostics warnings;
  Conventions c = load_ok("", warnings);
  kb::model::read_vault_tasks_settings(fs, c, warnings);
  kb::Diagnostic d{"", 1, "in the Tasks global query: unknown instruction 'bogus'"};
  CHECK(kb::model::placed_in_global_query(c, d).path == kDataJson);
  CHECK(kb::model::placed_in_global_query(c, d).line == 1);

  c = load_ok("# comment\ntasks:\n  global_query: |\n    not done\n    bogus\n", warnings);
  kb::model::read_vault_tasks_settings(fs, c, warnings);
  d.line = 2;
  CHECK(kb::model::placed_in_global_query(c, d).path == ".kb.yaml");
  CHECK(kb::model::placed_in_global_query(c, d).line == 3);
}

TEST_CASE("a file name format kb cannot read is refused, never guessed", "[config][tasks]") {
  CHECK(failure("tasks:\n  filename_as_scheduled_date_format: YYYY-[W]WW-E\n") ==
        ".kb.yaml:2: 'tasks.filename_as_scheduled_date_format': kb cannot read the format "
        "'YYYY-[W]WW-E' as the plugin does: 'W', which kb does not read in a file name");
  kb::io::MemoryFileSystem fs;
  fs.add(kDataJson,
         R"({"useFilenameAsScheduledDate": true, "filenameAsScheduledDateFormat": "MM-DD"})");
  Diagnostics warnings;
  Conventions c = load_ok("", warnings);
  kb::model::read_vault_tasks_settings(fs, c, warnings);
  CHECK_FALSE(c.tasks.use_filename_as_scheduled_date);
  REQUIRE(warnings.size() == 1);
  CHECK(kb::format_diagnostic(warnings[0]) ==
        kDataJson +
            ": filenameAsScheduledDateFormat 'MM-DD': kb cannot read it as the plugin does (no "
            "year (moment would take today's)); no scheduled dates are taken from file names");
  // A readable format from .kb.yaml takes the place of data.json's.
  warnings.clear();
  c = load_ok("tasks:\n  filename_as_scheduled_date_format: YYYYMMDD\n", warnings);
  kb::model::read_vault_tasks_settings(fs, c, warnings);
  CHECK(warnings.empty());
  CHECK(c.tasks.use_filename_as_scheduled_date);
}
