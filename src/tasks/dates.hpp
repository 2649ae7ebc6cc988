#pragma once
// Dates and date ranges as written in Tasks date filters ("due before
// tomorrow", "done in 2025-W14"), kept unresolved until the query runs so
// that relative dates follow the `today` given to run().
#include <optional>
#include <string_view>

#include "kb/text/date.hpp"
#include "natural_date.hpp"

namespace kb::tasks {

struct DateRange {
  text::Date start, end;  // inclusive
};

class DateSpec {
 public:
  // Accepts YYYY-MM-DD; today, tomorrow, yesterday; "YYYY-MM-DD YYYY-MM-DD";
  // (last|this|next) (week|month|quarter|year); YYYY-Www, YYYY-MM, YYYY-Qq, YYYY;
  // else one of the natural-language dates of NaturalDate. Words are
  // case-insensitive.
  static std::optional<DateSpec> parse(std::string_view text);

  DateRange resolve(text::Date today) const;

 private:
  enum class Kind { Fixed, DaysFromToday, Period, Natural };
  Kind kind_ = Kind::Fixed;
  DateRange fixed_{};
  int offset_ = 0;   // days (DaysFromToday) or periods (Period: -1 last, 0 this, 1 next)
  char unit_ = 'w';  // Period: 'w'eek, 'm'onth, 'q'uarter, 'y'ear
  std::optional<NaturalDate> natural_;
};

int days_in_month(int year, int month);
// 0 for Monday .. 6 for Sunday.
int weekday_index(text::Date date);

}  // namespace kb::tasks
