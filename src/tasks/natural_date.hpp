#pragma once
// The natural-language dates of Tasks date filters ("next monday", "in two
// weeks", "14 October"), which the plugin reads with chrono-node 2.3.9
// (DateParser.parseDate, forwardDate off). kb reads a documented subset of
// chrono's English, each form computed as chrono computes it; anything else
// is not a date.
#include <optional>
#include <string_view>

#include "kb/text/date.hpp"

namespace kb::tasks {

class NaturalDate {
 public:
  // The whole of `text` must be one of the forms (case-insensitive):
  //   [this|last|past|next] WEEKDAY      (monday, mon, mon., tue, thu, thur, thurs, ...)
  //   in N day(s)|week(s)|month(s)|year(s)   N ago  (N: digits, one..twelve, a, an)
  //   D MONTH [YYYY], D(st|nd|rd|th) [of] MONTH [[,] YYYY], MONTH D [[,] YYYY]
  static std::optional<NaturalDate> parse(std::string_view text);

  // The day meant, seen from `today`; nothing when it names no calendar day
  // (chrono's null: "june 31").
  std::optional<text::Date> resolve(text::Date today) const;

 private:
  enum class Kind { Weekday, Offset, MonthDay };
  Kind kind_ = Kind::Weekday;
  int weekday_ = 0;                     // Weekday: 0 Sunday .. 6 Saturday (JavaScript's getDay)
  int modifier_ = 0;                    // Weekday: 0 closest, 1 this, 2 next, 3 last
  int amount_ = 0;                      // Offset: signed count of `unit_`
  char unit_ = 'd';                     // Offset: 'd'ay, 'w'eek, 'm'onth, 'y'ear
  int month_ = 0, day_ = 0, year_ = 0;  // MonthDay; year 0 when not written
};

}  // namespace kb::tasks
