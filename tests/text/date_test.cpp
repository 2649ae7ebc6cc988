#include "kb/text/date.hpp"

#include <catch2/catch.hpp>

using kb::text::Date;
using kb::text::parse_iso_date;
using kb::text::parse_leading_date;

TEST_CASE("parse_iso_date accepts exactly YYYY-MM-DD naming a real day", "[date]") {
  REQUIRE(parse_iso_date("2025-11-07") == Date{2025, 11, 7});
  REQUIRE(parse_iso_date("2024-02-29") == Date{2024, 2, 29});  // leap year
  REQUIRE(parse_iso_date("2000-02-29") == Date{2000, 2, 29});  // divisible by 400
  REQUIRE_FALSE(parse_iso_date("1900-02-29"));                 // divisible by 100 only
  REQUIRE_FALSE(parse_iso_date("2025-02-29"));
  REQUIRE_FALSE(parse_iso_date("2025-02-30"));
  REQUIRE_FALSE(parse_iso_date("2025-04-31"));
  REQUIRE(parse_iso_date("2025-12-31") == Date{2025, 12, 31});
  REQUIRE_FALSE(parse_iso_date("2025-13-01"));
  REQUIRE_FALSE(parse_iso_date("2025-00-10"));
  REQUIRE_FALSE(parse_iso_date("2025-01-00"));
  REQUIRE_FALSE(parse_iso_date("2025-1-07"));
  REQUIRE_FALSE(parse_iso_date("2025/11/07"));
  REQUIRE_FALSE(parse_iso_date("2025-11-07 "));
  REQUIRE_FALSE(parse_iso_date(" 2025-11-07"));
  REQUIRE_FALSE(parse_iso_date("2025-11-0x"));
  REQUIRE_FALSE(parse_iso_date("+025-11-07"));
  REQUIRE_FALSE(parse_iso_date(""));
}

TEST_CASE("parse_leading_date reads a date at the start of a longer string", "[date]") {
  REQUIRE(parse_leading_date("2026-08-03T10:00") == Date{2026, 8, 3});
  REQUIRE(parse_leading_date("2023-09-12 Meeting") == Date{2023, 9, 12});
  REQUIRE(parse_leading_date("2023-09-12") == Date{2023, 9, 12});
  REQUIRE(parse_leading_date("2023-09-12-notes") == Date{2023, 9, 12});
  REQUIRE_FALSE(parse_leading_date("2023-09-123"));
  REQUIRE_FALSE(parse_leading_date("2023-02-30 x"));
  REQUIRE_FALSE(parse_leading_date("Meeting 2023-09-12"));
  REQUIRE_FALSE(parse_leading_date("2023-09"));
}

TEST_CASE("Date formats and does day arithmetic", "[date]") {
  REQUIRE(Date{2025, 1, 5}.iso() == "2025-01-05");
  REQUIRE(Date{1970, 1, 1}.days_since_epoch() == 0);
  REQUIRE(Date{1970, 1, 2}.days_since_epoch() == 1);
  REQUIRE(Date{1969, 12, 31}.days_since_epoch() == -1);
  REQUIRE(Date{2000, 3, 1}.days_since_epoch() == 11017);
  REQUIRE(Date::from_days(0) == Date{1970, 1, 1});
  REQUIRE(Date::from_days(11017) == Date{2000, 3, 1});
  REQUIRE(Date{2024, 2, 28}.plus_days(1) == Date{2024, 2, 29});
  REQUIRE(Date{2025, 2, 28}.plus_days(1) == Date{2025, 3, 1});
  REQUIRE(Date{2025, 12, 31}.plus_days(1) == Date{2026, 1, 1});
  REQUIRE(Date{2026, 1, 1}.plus_days(-1) == Date{2025, 12, 31});
  REQUIRE(Date{2025, 3, 1}.plus_days(-365) == Date{2024, 3, 1});
  // Round trip over a few centuries, including leap days.
  for (long d = -50000; d <= 50000; d += 7) {
    REQUIRE(Date::from_days(d).days_since_epoch() == d);
  }
}

TEST_CASE("Dates order chronologically", "[date]") {
  REQUIRE(Date{2025, 1, 31} < Date{2025, 2, 1});
  REQUIRE(Date{2024, 12, 31} < Date{2025, 1, 1});
  REQUIRE(Date{2025, 5, 5} == Date{2025, 5, 5});
}
