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
  // DateParser.parseDateRange of `text` (a filter's text after its keyword),
  // then DateField's second try with `keyword_and_text` (from the keyword on):
  // "(last|this|next) (week|month|quarter|year)" anywhere in the text, as
  // written (lower case, one space); YYYY, YYYY-Qq, YYYY-MM, YYYY-Www alone
  // (blanks around allowed; Q and W capitals) naming a real period; else the
  // dates chrono finds (NaturalDate).
  // Natural dates must be found from the clock's reading day.
  static std::optional<DateSpec> parse(std::string_view text,
                                       std::string_view keyword_and_text = {},
                                       const DateClock& clock = {});

  // Relative dates seen from `today`; chrono's from `today` at the clock's time.
  DateRange resolve(text::Date today, const DateClock& clock = {}) const;

 private:
  enum class Kind { Fixed, Period, Natural };
  Kind kind_ = Kind::Fixed;
  DateRange fixed_{};
  int offset_ = 0;   // Period: -1 last, 0 this, 1 next
  char unit_ = 'w';  // Period: 'w'eek, 'm'onth, 'q'uarter, 'y'ear
  std::optional<NaturalDate> natural_;
};

int days_in_month(int year, int month);
// 0 for Monday .. 6 for Sunday.
int weekday_index(text::Date date);

}  // namespace kb::tasks
