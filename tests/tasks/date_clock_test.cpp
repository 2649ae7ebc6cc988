// When and in which zone date filters' words are read. The plugin's
// DateParser calls chrono-node 2.3.9 with no reference, so chrono reads from
// `new Date()` (the moment the query runs) in the machine's zone, and the
// plugin truncates what it finds to a day (src/DateTime/DateParser.ts;
// chrono's results.ts date(): a time written with a zone is moved into the
// machine's). Every expectation below is what chrono 2.3.9 and the plugin's
// logic answered under node 20 with TZ set to the zone named.
#include "kb/tasks/date_clock.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

#include "../../src/tasks/dates.hpp"
#include "kb/tasks/query.hpp"
#include "kb/tasks/task.hpp"

using kb::tasks::DateClock;
using kb::text::Date;

namespace {

DateClock clock_at(int hour, int minute, std::optional<int> utc_offset_minutes = 0) {
  DateClock clock;
  clock.time_of_day_ms = (hour * 60LL + minute) * 60'000;
  clock.utc_offset_minutes = utc_offset_minutes;
  return clock;
}

// The date text alone (no keyword): its range as "start end".
std::string range_of(std::string_view text, Date today, const DateClock& clock) {
  const auto spec = kb::tasks::DateSpec::parse(text, text, clock);
  if (!spec) return "invalid";
  const auto range = spec->resolve(today, clock);
  return range.start.iso() + " " + range.end.iso();
}

// Sets TZ for its lifetime (the machine's zone, as JavaScript reads it).
class MachineZone {
 public:
  explicit MachineZone(const char* zone) {
    if (const char* old = std::getenv("TZ")) saved_ = old;
    ::setenv("TZ", zone, 1);
    ::tzset();
  }
  ~MachineZone() {
    if (saved_) {
      ::setenv("TZ", saved_->c_str(), 1);
    } else {
      ::unsetenv("TZ");
    }
    ::tzset();
  }
  MachineZone(const MachineZone&) = delete;
  MachineZone& operator=(const MachineZone&) = delete;

 private:
  std::optional<std::string> saved_;
};

const Date kMonday{2025, 3, 10};

}  // namespace

TEST_CASE("chrono reads from the query's today at the clock's time", "[natural_date][chrono]") {
  CHECK(range_of("in 13 hours", kMonday, clock_at(9, 0)) == "2025-03-10 2025-03-10");
  CHECK(range_of("in 13 hours", kMonday, clock_at(12, 0)) == "2025-03-11 2025-03-11");
  CHECK(range_of("36 hours ago", kMonday, clock_at(23, 30)) == "2025-03-09 2025-03-09");
  CHECK(range_of("36 hours ago", kMonday, clock_at(0, 0)) == "2025-03-08 2025-03-08");
  // "last night": the night before, once the clock is past 6 o'clock.
  CHECK(range_of("last night", kMonday, clock_at(5, 0)) == "2025-03-10 2025-03-10");
  CHECK(range_of("last night", kMonday, clock_at(7, 0)) == "2025-03-09 2025-03-09");
  // Days and weeks do not depend on the hour.
  CHECK(range_of("tomorrow", kMonday, clock_at(23, 59)) == "2025-03-11 2025-03-11");
  CHECK(range_of("in 2 weeks", kMonday, clock_at(0, 0)) == "2025-03-24 2025-03-24");
}

TEST_CASE("A time written with a zone moves into the machine's zone", "[natural_date][chrono]") {
  // 11pm PST on the 11th is 07:00 UTC on the 12th; in UTC-8 it stays the 11th.
  CHECK(range_of("tomorrow 11pm PST", kMonday, clock_at(12, 0, 0)) == "2025-03-12 2025-03-12");
  CHECK(range_of("tomorrow 11pm PST", kMonday, clock_at(12, 0, -480)) == "2025-03-11 2025-03-11");
  // 5pm at UTC+2 is 1am the next day at UTC+10.
  CHECK(range_of("at 5pm +0200", kMonday, clock_at(12, 0, 0)) == "2025-03-10 2025-03-10");
  CHECK(range_of("at 5pm +0200", kMonday, clock_at(12, 0, 600)) == "2025-03-11 2025-03-11");
  // "in 2 hours" carries the machine's offset: a zone after it that differs
  // is not read, so 23:00 + 2 hours is the next day whatever follows.
  CHECK(range_of("in 2 hours EST", kMonday, clock_at(23, 0, 0)) == "2025-03-11 2025-03-11");
  CHECK(range_of("2025-03-09 23:30 -0500", kMonday, clock_at(12, 0, 0)) == "2025-03-10 2025-03-10");
}

TEST_CASE("The machine's zone, with its daylight saving", "[natural_date][chrono]") {
  const MachineZone zone("America/New_York");  // daylight saving from 2025-03-09 02:00
  const DateClock machine = clock_at(23, 30, std::nullopt);
  // "in 3 days" keeps the reference's offset (EST): 23:30 EST on the 9th is
  // 00:30 EDT on the 10th.
  CHECK(range_of("in 3 days", Date{2025, 3, 6}, machine) == "2025-03-10 2025-03-10");
  CHECK(range_of("in 2 days", Date{2025, 3, 6}, machine) == "2025-03-08 2025-03-08");
  // 02:30 on 2025-03-09 does not exist there: no date.
  CHECK(range_of("2025-03-09 02:30", kMonday, machine) == "invalid");
  CHECK(range_of("2025-03-09 23:30 -0500", kMonday, machine) == "2025-03-10 2025-03-10");
  // A day and month without a year: the closest in elapsed time (daylight
  // saving included): from 22:00 on 2024-05-08, Nov 7 2023 is an hour closer.
  CHECK(range_of("11/07", Date{2024, 5, 8}, clock_at(22, 0, std::nullopt)) ==
        "2023-11-07 2023-11-07");
  CHECK(range_of("11/07", Date{2024, 5, 8}, clock_at(22, 0, 0)) == "2024-11-07 2024-11-07");
}

TEST_CASE("A date chrono finds no date in on the reading day fails the query",
          "[natural_date][chrono]") {
  // The plugin reads the query on the day it runs: "Feb 29" in 2025 and
  // "11pm - 1am" on a month's last day (whose end is the 32nd) are not
  // understood (DateField: "do not understand due date").
  kb::tasks::Settings settings;
  const auto parse_on = [&settings](std::string_view query, Date day) -> std::string {
    settings.clock.reading_day = day;
    const auto parsed = kb::tasks::TasksQuery::parse(query, 1, {&settings, std::nullopt});
    return parsed ? "ok" : parsed.error().message;
  };
  CHECK(parse_on("due Feb 29", Date{2025, 3, 10}) == "do not understand due date 'due Feb 29'");
  CHECK(parse_on("due Feb 29", Date{2024, 3, 10}) == "ok");
  CHECK(parse_on("due 11pm - 1am", Date{2025, 1, 31}) ==
        "do not understand due date 'due 11pm - 1am'");
  CHECK(parse_on("due 11pm - 1am", Date{2025, 1, 30}) == "ok");
}
