#include "kb/model/tasks_settings.hpp"

#include <catch2/catch.hpp>

#include "kb/io/fs.hpp"
#include "kb/model/parse_cache.hpp"

namespace {

const std::string kFile(kb::tasks::kSettingsFile);

}  // namespace

TEST_CASE("without the plugin's settings file, its defaults apply silently", "[model][tasks]") {
  kb::io::MemoryFileSystem fs;
  kb::Diagnostics warnings;
  kb::model::TasksSettingsSource source;
  const auto settings = kb::model::load_tasks_settings(fs, source, warnings);
  CHECK(warnings.empty());
  CHECK(source.file.empty());
  CHECK(settings.global_filter.empty());
  CHECK(settings.global_query.empty());
  CHECK(settings.statuses == kb::tasks::StatusCollection::defaults());
}

TEST_CASE("the plugin's settings file is read, and named as their source", "[model][tasks]") {
  kb::io::MemoryFileSystem fs;
  fs.add(kFile, R"({"globalFilter": "#task", "globalQuery": "not done", "removeGlobalFilter": 3})");
  kb::Diagnostics warnings;
  kb::model::TasksSettingsSource source;
  const auto settings = kb::model::load_tasks_settings(fs, source, warnings);
  CHECK(source.file == kFile);
  CHECK(settings.global_filter == "#task");
  CHECK(settings.global_query == "not done");
  CHECK_FALSE(settings.remove_global_filter);
  // The unusable value is a warning naming the file; the setting keeps its default.
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].path == kFile);
  CHECK(warnings[0].message.find("removeGlobalFilter") != std::string::npos);
}

TEST_CASE("a settings file that is not JSON, or cannot be read, warns and leaves the defaults",
          "[model][tasks]") {
  kb::io::MemoryFileSystem fs;
  fs.add(kFile, "{\n  \"globalFilter\": \"#task\",\n  oops\n}\n");
  kb::Diagnostics warnings;
  kb::model::TasksSettingsSource source;
  auto settings = kb::model::load_tasks_settings(fs, source, warnings);
  CHECK(settings.global_filter.empty());
  CHECK(source.file.empty());
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].path == kFile);
  CHECK(warnings[0].line == 3);
  CHECK(warnings[0].message.find("default settings") != std::string::npos);

  fs.add(kFile, R"({"globalFilter": "#task"})");
  fs.unreadable.insert(kFile);
  warnings.clear();
  settings = kb::model::load_tasks_settings(fs, source, warnings);
  CHECK(settings.global_filter.empty());
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].path == kFile);
  CHECK(warnings[0].message.find("cannot read") != std::string::npos);
}

TEST_CASE("the parse cache's conventions hash covers the Tasks settings", "[model][tasks]") {
  kb::model::Conventions a, b;
  CHECK(kb::model::conventions_hash(a) == kb::model::conventions_hash(b));
  b.tasks.global_filter = "#task";
  CHECK(kb::model::conventions_hash(a) != kb::model::conventions_hash(b));
  b = a;
  b.tasks.statuses = kb::tasks::StatusCollection({{"X", "Done", " ", kb::tasks::StatusType::Done}});
  CHECK(kb::model::conventions_hash(a) != kb::model::conventions_hash(b));
  b = a;
  b.tasks.format.syntax = kb::tasks::TaskFormat::Syntax::Dataview;
  CHECK(kb::model::conventions_hash(a) != kb::model::conventions_hash(b));
  b = a;
  b.tasks.presets.emplace_back("mine", "not done");
  CHECK(kb::model::conventions_hash(a) != kb::model::conventions_hash(b));
}

TEST_CASE("the conventions hash covers the dates from file names", "[model][tasks]") {
  kb::model::Conventions a, b;
  b.tasks.use_filename_as_scheduled_date = true;
  CHECK(kb::model::conventions_hash(a) != kb::model::conventions_hash(b));
  b = a;
  b.tasks.filename_as_scheduled_date_format = "YYYYMMDD";
  CHECK(kb::model::conventions_hash(a) != kb::model::conventions_hash(b));
  b = a;
  b.tasks.filename_as_date_folders = {"Daily"};
  CHECK(kb::model::conventions_hash(a) != kb::model::conventions_hash(b));
}
