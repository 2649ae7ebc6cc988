#pragma once
// When and where the plugin's chrono-node reads a date filter's words: it
// takes the moment the query runs (`new Date()`) as its reference and
// converts a time written in another zone ("5pm PST") into the machine's
// zone before the plugin truncates it to a day.
#include <cstdint>
#include <optional>

#include "kb/text/date.hpp"

namespace kb::tasks {

struct DateClock {
  // The reference's time on the query's today, in milliseconds after
  // midnight: the clock time when kb runs, 12:00 for `--today`.
  std::int64_t time_of_day_ms = std::int64_t{12} * 3'600'000;
  // The zone: a fixed offset in minutes east of UTC, or nothing for the
  // machine's (TZ, with its daylight saving). Tests pass a fixed one.
  std::optional<int> utc_offset_minutes = 0;
  // The day the query is read on: a date chrono finds no date in from this
  // day ("Feb 29" in 2023) makes the query fail, as in the plugin. Nothing:
  // a leap day, that accepts every date a calendar has.
  std::optional<text::Date> reading_day;
};

}  // namespace kb::tasks
