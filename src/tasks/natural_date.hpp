#pragma once
// The natural-language dates of Tasks date filters ("next monday", "in two
// weeks", "the meeting on 14 October"), which the plugin reads with
// chrono-node 2.3.9 (DateParser: chrono.parse for a range, chrono.parseDate
// for one day, forwardDate off). kb runs chrono's English parsers and
// refiners (chrono_parsers.cpp, chrono_refiners.cpp) the same way.
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "kb/tasks/date_clock.hpp"
#include "kb/text/date.hpp"

namespace kb::tasks {

class NaturalDate {
 public:
  // A date filter's text after its keyword, and the text from the keyword
  // on ("due in two weeks": "two weeks" and "in two weeks"). Nothing when
  // chrono finds no date in either (seen from a fixed reference day; see
  // resolve for the one that counts).
  // Found from the clock's reading day (a leap day without one).
  static std::optional<NaturalDate> parse(std::string_view date_text,
                                          std::string_view keyword_and_date = {},
                                          const DateClock& clock = {});

  // DateParser.parseDateRange then DateField's second try, seen from `today`
  // at the clock's time in its zone: the first two dates chrono finds in the
  // date text, in order (one when it finds one), else the first it finds in
  // the text with the keyword; nothing when it finds none from this day
  // ("Feb 29" in 2023).
  std::optional<std::pair<text::Date, text::Date>> resolve_range(text::Date today,
                                                                 const DateClock& clock) const;

  // chrono.parseDate of the date text: the first date found, from `today`
  // at the clock's time.
  std::optional<text::Date> resolve(text::Date today, const DateClock& clock) const;

 private:
  std::string date_text_, keyword_and_date_;
};

}  // namespace kb::tasks
