#pragma once
// Calendar dates (no time zone, no time of day): what notes and tasks carry.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace kb::text {

struct Date {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Date&) const = default;

  std::string iso() const;        // "YYYY-MM-DD"
  long days_since_epoch() const;  // 1970-01-01 is 0; for arithmetic
  static Date from_days(long days);
  Date plus_days(long n) const { return from_days(days_since_epoch() + n); }
};

// Exactly "YYYY-MM-DD" naming a real calendar day.
std::optional<Date> parse_iso_date(std::string_view s);

// A date at the start of s: "YYYY-MM-DD" followed by the end, a space, 'T',
// or any non-digit ("2026-08-03T10:00", "2023-09-12 Meeting").
std::optional<Date> parse_leading_date(std::string_view s);

}  // namespace kb::text
