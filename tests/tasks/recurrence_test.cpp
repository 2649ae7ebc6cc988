#include "kb/tasks/recurrence.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "kb/tasks/task.hpp"

using kb::tasks::recurrence_rule_text;

namespace {

std::string text_of(std::string_view rule) {
  return recurrence_rule_text(rule).value_or("(unreadable)");
}

std::string lower(std::string s) {
  for (char& c : s) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return s;
}

}  // namespace

TEST_CASE("Rules rrule reads and writes back the same", "[recurrence]") {
  // The rrule library's own round trip (test/nlp.test.ts: fromText, toText).
  for (const char* rule : {"Every day",
                           "Every day at 10, 12 and 17",
                           "Every week on Sunday at 10, 12 and 17",
                           "Every week",
                           "Every hour",
                           "Every 4 hours",
                           "Every week on Tuesday",
                           "Every week on Monday, Wednesday",
                           "Every weekday",
                           "Every 2 weeks",
                           "Every month",
                           "Every 6 months",
                           "Every year",
                           "Every year on the 1st Friday",
                           "Every year on the 13th Friday",
                           "Every month on the 4th",
                           "Every month on the 4th last",
                           "Every month on the 3rd Tuesday",
                           "Every month on the 3rd last Tuesday",
                           "Every month on the last Monday",
                           "Every month on the 2nd last Friday",
                           "Every week for 20 times"}) {
    INFO(rule);
    CHECK(lower(text_of(rule)) == lower(rule));
  }
}

TEST_CASE("The plugin's documented rules", "[recurrence]") {
  // docs/Getting Started/Recurring Tasks.md, and docs/Queries/Grouping.md: "a task with
  // `🔁 every Sunday` is grouped in `every week on Sunday`".
  CHECK(text_of("every Sunday") == "every week on Sunday");
  CHECK(text_of("every 3 days") == "every 3 days");
  CHECK(text_of("every 10 days when done") == "every 10 days when done");
  CHECK(text_of("every weekday") == "every weekday");
  CHECK(text_of("every week on Tuesday, Friday") == "every week on Tuesday, Friday");
  CHECK(text_of("every 3 weeks on Friday") == "every 3 weeks on Friday");
  CHECK(text_of("every month on the 1st") == "every month on the 1st");
  CHECK(text_of("every month on the last") == "every month on the last");
  CHECK(text_of("every month on the last Friday") == "every month on the last Friday");
  CHECK(text_of("every 6 months on the 2nd Wednesday") == "every 6 months on the 2nd Wednesday");
  CHECK(text_of("every January on the 15th") == "every January on the 15th");
  CHECK(text_of("every February on the last") == "every February on the last");
  CHECK(text_of("every April and December on the 1st and 24th") ==
        "every April and December on the 1st and 24th");
  CHECK(text_of("every year") == "every year");
  CHECK(text_of("every week when done") == "every week when done");
}

TEST_CASE("Rules in other words come out in rrule's words", "[recurrence]") {
  CHECK(text_of("EVERY DAY WHEN DONE") == "every day when done");
  CHECK(text_of("every 1 day") == "every day");
  CHECK(text_of("every mon, wed and fri") == "every week on Monday, Wednesday, Friday");
  CHECK(text_of("every week on weekdays") == "every weekday");
  CHECK(text_of("every 2 weeks on weekdays") == "every 2 weeks on weekdays");
  CHECK(text_of("every week on mo, tu, we, th, fr, sa, su") == "every day");
  CHECK(text_of("every day for 1 time") == "every day for 1 time");
  CHECK(text_of("every week until January 1, 2007") == "every week until January 1, 2007");
  CHECK(text_of("every 101 days") == "every 101 day");  // rrule's plural(): n % 100 != 1
  CHECK(text_of("every year on week 5, 6") == "every year in weeks 5 and 6");
  CHECK(text_of("every month on the 3rd, 1st and 2nd last") ==
        "every month on the 1st, 3rd and 2nd last");
  // Anything after a rule rrule has finished reading is ignored, as rrule does.
  CHECK(text_of("every day and more words") == "every day");
}

TEST_CASE("Rules the plugin cannot read", "[recurrence]") {
  for (const char* rule :
       {"", "every", "each day", "every two weeks", "every 2", "!!!", "when done", "every day at",
        "every month on the 400th", "every week for ever", "every week until someday",
        "every 0 days", "every day; then"}) {
    INFO(rule);
    CHECK_FALSE(recurrence_rule_text(rule));
  }
}

TEST_CASE("A task with an unreadable rule is not recurring but loses the field", "[recurrence]") {
  // DefaultTaskSerializer: the 🔁 text is taken off the description before
  // Recurrence.fromText, which gives null for a rule it cannot read.
  const auto task = kb::tasks::parse_task("- [ ] a 🔁 every two weeks 📅 2025-01-01");
  REQUIRE(task);
  CHECK(task->description == "a");
  CHECK(task->recurrence == "every two weeks");
  CHECK(task->recurrence_rule.empty());
  CHECK(kb::tasks::parse_task("- [ ] a 🔁 every Sunday")->recurrence_rule == "every week on Sunday");
}
