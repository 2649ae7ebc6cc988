// The plugin's "use filename as scheduled date" (DateFallback.ts), and the
// moment.js formats kb reads for it.
#include "kb/tasks/filename_date.hpp"

#include <catch2/catch.hpp>

#include "kb/text/checkbox.hpp"

using kb::tasks::filename_date;
using kb::tasks::filename_format_problem;
using kb::tasks::parse_with_moment_format;
using kb::tasks::Settings;
using kb::text::Date;

namespace {

Settings on(std::string format = "", std::vector<std::string> folders = {}) {
  Settings s;
  s.use_filename_as_scheduled_date = true;
  s.filename_as_scheduled_date_format = std::move(format);
  s.filename_as_date_folders = std::move(folders);
  return s;
}

}  // namespace

TEST_CASE("a file name's date, as DateFallback.fromPath reads it", "[tasks][filename_date]") {
  CHECK_FALSE(filename_date("Daily/2026-11-03.md", Settings{}));  // off by default
  CHECK(filename_date("Daily/2026-11-03.md", on()) == Date{2026, 11, 3});
  CHECK(filename_date("Notes - 2022-11-05 x.md", on()) == Date{2022, 11, 5});
  CHECK(filename_date("Scheduled Implied - 20221105.md", on()) == Date{2022, 11, 5});
  // A YYYY-MM-DD naming no day gives none: the YYYYMMDD rule is not tried.
  CHECK_FALSE(filename_date("2023-02-30 20230301.md", on()));
  CHECK_FALSE(filename_date("No date here.md", on()));
  // Only the file name counts, not its folders.
  CHECK_FALSE(filename_date("2026-11-03/Notes.md", on()));
  // Folders: the note must lie inside one (at any depth); none listed is all.
  CHECK(filename_date("Daily/2026/2026-11-03.md", on("", {"Daily"})) == Date{2026, 11, 3});
  CHECK_FALSE(filename_date("Dailies/2026-11-03.md", on("", {"Daily"})));
  CHECK_FALSE(filename_date("2026-11-03.md", on("", {"Daily"})));
}

TEST_CASE("the settings' format is read as moment.js reads it in strict mode",
          "[tasks][filename_date]") {
  const Settings demo = on("MMM DD, YYYY");  // the Tasks demo vault's
  CHECK(filename_date("Manual/Nov 05, 2022.md", demo) == Date{2022, 11, 5});
  // Only a whole match: a name merely containing it falls to the built-in rules.
  CHECK_FALSE(filename_date("Manual/Scheduled Implied - Nov 05, 2022.md", demo));
  CHECK(filename_date("Manual/Scheduled Implied - 2022-11-05.md", demo) == Date{2022, 11, 5});

  CHECK(parse_with_moment_format("20221105", "YYYYMMDD") == Date{2022, 11, 5});
  CHECK(parse_with_moment_format("05.11.22", "DD.MM.YY") == Date{2022, 11, 5});
  CHECK(parse_with_moment_format("5.11.69", "D.M.YY") == Date{1969, 11, 5});
  CHECK(parse_with_moment_format("november 5th 2022", "MMMM Do YYYY") == Date{2022, 11, 5});
  CHECK(parse_with_moment_format("Saturday, 2022-11-05", "dddd, YYYY-MM-DD") == Date{2022, 11, 5});
  CHECK_FALSE(parse_with_moment_format("Friday, 2022-11-05", "dddd, YYYY-MM-DD"));  // wrong day
  CHECK(parse_with_moment_format("Daily 2022-11", "[Daily] YYYY-MM") == Date{2022, 11, 1});
  CHECK_FALSE(parse_with_moment_format("2022-11-5", "YYYY-MM-DD"));  // DD is two digits
  CHECK_FALSE(parse_with_moment_format("2022-02-30", "YYYY-MM-DD"));
  CHECK_FALSE(parse_with_moment_format("2022-11-05 notes", "YYYY-MM-DD"));
}

TEST_CASE("a format kb cannot read as moment.js does is named", "[tasks][filename_date]") {
  CHECK(filename_format_problem("MMM DD, YYYY").empty());
  CHECK(filename_format_problem("[Week] YYYY-MM-DD").empty());
  CHECK(filename_format_problem("YYYY-[W]WW") == "'W', which kb does not read in a file name");
  CHECK(filename_format_problem("MM-DD") == "no year (moment would take today's)");
  CHECK(filename_format_problem("[YYYY") == "an unclosed '['");
}

TEST_CASE("a task without start, scheduled or due date is scheduled on its file's date",
          "[tasks][filename_date]") {
  const Settings settings = on();
  const auto read = [&](std::string_view line) {
    const auto checkbox = kb::text::checkbox_line(line);
    REQUIRE(checkbox);
    return kb::tasks::read_task(*checkbox, settings, Date{2026, 11, 3});
  };
  const auto plain = read("- [ ] call Ron");
  REQUIRE(plain);
  CHECK(plain->scheduled_inferred);
  CHECK(kb::tasks::day_of(plain->scheduled) == Date{2026, 11, 3});
  for (const char* line : {"- [ ] call Ron 📅 2026-12-01", "- [ ] call Ron 🛫 2026-12-01",
                           "- [ ] call Ron ⏳ 2026-12-01", "- [ ] call Ron 📅 2026-02-30"}) {
    INFO(line);
    const auto task = read(line);
    REQUIRE(task);
    CHECK_FALSE(task->scheduled_inferred);
  }
}
