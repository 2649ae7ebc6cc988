// Natural-language dates in date filters. The plugin reads them with
// chrono-node 2.3.9 (src/DateTime/DateParser.ts parseDate, forwardDate off;
// docs/Queries/Filters.md "Dates in filters"). Every expected day below is
// what chrono.parseDate returned for the text with the reference day at noon.
#include "../../src/tasks/natural_date.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "kb/tasks/query.hpp"
#include "kb/tasks/task.hpp"

using kb::tasks::NaturalDate;
using kb::text::Date;

namespace {

std::string resolved(std::string_view text, Date today) {
  const auto date = NaturalDate::parse(text);
  if (!date) return "not a date";
  const auto day = date->resolve(today, kb::tasks::DateClock{});
  return day ? day->iso() : "no day";
}

const Date kFriday{2023, 2, 10}, kSunday{2023, 2, 12}, kTuesday{2023, 1, 31};

}  // namespace

TEST_CASE("Weekdays: closest, this, next, last as chrono 2.3.9", "[natural_date]") {
  // chrono 2.3.9 moves within Sunday-to-Saturday weeks (dayjs day()).
  struct Case {
    const char* text;
    const char* from_friday;
    const char* from_sunday;
    const char* from_tuesday;
  };
  for (const Case& c : {
           Case{"monday", "2023-02-13", "2023-02-13", "2023-01-30"},
           Case{"friday", "2023-02-10", "2023-02-10", "2023-02-03"},
           Case{"sunday", "2023-02-12", "2023-02-12", "2023-01-29"},
           Case{"saturday", "2023-02-11", "2023-02-11", "2023-01-28"},
           Case{"this monday", "2023-02-06", "2023-02-13", "2023-01-30"},
           Case{"next monday", "2023-02-13", "2023-02-20", "2023-02-06"},
           Case{"last monday", "2023-01-30", "2023-02-06", "2023-01-23"},
           Case{"last friday", "2023-02-03", "2023-02-10", "2023-01-27"},
           Case{"next friday", "2023-02-17", "2023-02-24", "2023-02-10"},
           Case{"this friday", "2023-02-10", "2023-02-17", "2023-02-03"},
           Case{"this sunday", "2023-02-05", "2023-02-12", "2023-01-29"},
           Case{"next sunday", "2023-02-12", "2023-02-19", "2023-02-05"},
           Case{"Mon", "2023-02-13", "2023-02-13", "2023-01-30"},
           Case{"next mon", "2023-02-13", "2023-02-20", "2023-02-06"},
       }) {
    INFO(c.text);
    CHECK(resolved(c.text, kFriday) == c.from_friday);
    CHECK(resolved(c.text, kSunday) == c.from_sunday);
    CHECK(resolved(c.text, kTuesday) == c.from_tuesday);
  }
  CHECK(resolved("tue", kFriday) == "2023-02-07");
  CHECK(resolved("thurs", kFriday) == "2023-02-09");
  CHECK(resolved("mon.", kFriday) == "2023-02-13");
  CHECK(resolved("past monday", kFriday) == "2023-01-30");
  CHECK(resolved("NEXT MONDAY", Date{2023, 8, 15}) == "2023-08-21");
  CHECK(resolved("tues", kFriday) == "not a date");  // not in chrono's dictionary
}

TEST_CASE("in N units, N units ago", "[natural_date]") {
  CHECK(resolved("in two weeks", kFriday) == "2023-02-24");
  CHECK(resolved("in 2 weeks", kFriday) == "2023-02-24");
  CHECK(resolved("in 3 days", kFriday) == "2023-02-13");
  CHECK(resolved("in a month", kFriday) == "2023-03-10");
  CHECK(resolved("in 1 month", kTuesday) == "2023-02-28");  // the month's last day
  CHECK(resolved("3 days ago", kFriday) == "2023-02-07");
  CHECK(resolved("two weeks ago", kFriday) == "2023-01-27");
  CHECK(resolved("a month ago", kTuesday) == "2022-12-31");
  CHECK(resolved("in 1 year", kFriday) == "2024-02-10");
  CHECK(resolved("2 years ago", kFriday) == "2021-02-10");
  CHECK(resolved("in 12 months", kFriday) == "2024-02-10");
  CHECK(resolved("in twelve days", kFriday) == "2023-02-22");
  CHECK(resolved("In Two Weeks", kFriday) == "2023-02-24");
  CHECK(resolved("in 2 week", kFriday) == "2023-02-24");
  CHECK(resolved("in 100 days", kFriday) == "2023-05-21");
  CHECK(resolved("in thirteen days", kFriday) == "not a date");  // chrono: null
  CHECK(resolved("two weeks", kFriday) == "not a date");
}

TEST_CASE("Month and day, the year closest to today when not written", "[natural_date]") {
  CHECK(resolved("14 October", kFriday) == "2022-10-14");
  CHECK(resolved("October 14", kFriday) == "2022-10-14");
  CHECK(resolved("14 Oct", Date{2023, 8, 15}) == "2023-10-14");
  CHECK(resolved("Oct 14 2025", kFriday) == "2025-10-14");
  CHECK(resolved("14 October 2025", kFriday) == "2025-10-14");
  CHECK(resolved("October 14, 2025", kFriday) == "2025-10-14");
  CHECK(resolved("14 Oct, 2025", kFriday) == "2025-10-14");
  CHECK(resolved("October 14th, 2025", kFriday) == "2025-10-14");
  CHECK(resolved("14th October", kFriday) == "2022-10-14");
  CHECK(resolved("1st of March", kFriday) == "2023-03-01");
  CHECK(resolved("3rd of sept", kFriday) == "2022-09-03");
  CHECK(resolved("sep 3", Date{2023, 8, 15}) == "2023-09-03");
  CHECK(resolved("Oct. 14", kFriday) == "2022-10-14");
  CHECK(resolved("dec 31 1999", kFriday) == "1999-12-31");
  CHECK(resolved("31 June", kFriday) == "not a date");
  CHECK(resolved("june 31", kFriday) == "not a date");
  CHECK(resolved("Feb 29 2023", kFriday) == "not a date");
  CHECK(resolved("Feb 29", kFriday) == "no day");  // chrono: null in 2023
  CHECK(resolved("Feb 29", Date{2024, 1, 10}) == "2024-02-29");
}

TEST_CASE("Natural dates in filters", "[natural_date]") {
  // docs/Queries/Filters.md: "due before next monday", "due in two weeks"
  // (read again as the date "in two weeks"), "done after last friday".
  kb::tasks::TaskList list;
  list.notes.push_back({"a.md"});
  int line = 0;
  for (const char* markdown : {"- [ ] a 📅 2023-02-13", "- [ ] b 📅 2023-02-24",
                               "- [x] c ✅ 2023-02-06", "- [ ] d 📅 2022-10-14"}) {
    list.add(0, ++line, "", *kb::tasks::parse_task(markdown));
  }
  const auto lines = [&list](const std::string& query) {
    auto parsed = kb::tasks::TasksQuery::parse(query);
    INFO(query);
    if (!parsed) FAIL(parsed.error().message);
    std::string out;
    for (const auto& item : parsed->select(list, kFriday)) out += std::to_string(item.line);
    return out;
  };
  CHECK(lines("due next monday") == "1");
  CHECK(lines("due before next monday") == "4");
  CHECK(lines("due in two weeks") == "2");
  CHECK(lines("due on 14 October") == "4");
  CHECK(lines("due after 14 October") == "12");
  CHECK(lines("done after last friday") == "3");
  CHECK(lines("(due after yesterday) AND (due before in two weeks)") == "1");
  auto bad = kb::tasks::TasksQuery::parse("due before next blue moon");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message == "do not understand due date 'due before next blue moon'");
}
