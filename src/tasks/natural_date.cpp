#include "natural_date.hpp"

#include <vector>

#include "chrono_parsers.hpp"
#include "chrono_refiners.hpp"

namespace kb::tasks {
namespace {

// chrono.parse(text, new Date()) in the clock's zone: the start of each date
// found, as the day the plugin truncates it to (moment's startOf('day')).
std::vector<text::Date> found_days(std::string_view text, text::Date today,
                                   const DateClock& clock) {
  const chrono::ZoneScope zone(chrono::Zone{clock.utc_offset_minutes});
  const chrono::Instant reference =
      chrono::make_instant(today.year, today.month, today.day) + clock.time_of_day_ms;
  std::vector<text::Date> days;
  for (const chrono::Result& r : chrono::refine(text, chrono::run_parsers(text, reference))) {
    days.push_back(chrono::date_of(r.start.date()));
  }
  return days;
}

// A day that parses anything a calendar allows (a leap year: "Feb 29").
constexpr text::Date kProbeDay{2024, 6, 15};

}  // namespace

std::optional<NaturalDate> NaturalDate::parse(std::string_view date_text,
                                              std::string_view keyword_and_date,
                                              const DateClock& clock) {
  NaturalDate date;
  date.date_text_ = date_text;
  date.keyword_and_date_ = keyword_and_date.data() == nullptr ? date_text : keyword_and_date;
  if (!date.resolve_range(clock.reading_day.value_or(kProbeDay), clock)) return std::nullopt;
  return date;
}

std::optional<std::pair<text::Date, text::Date>> NaturalDate::resolve_range(
    text::Date today, const DateClock& clock) const {
  std::vector<text::Date> found = found_days(date_text_, today, clock);
  if (!found.empty()) {
    const text::Date first = found[0];
    const text::Date second = found.size() > 1 ? found[1] : first;
    return first <= second ? std::pair{first, second} : std::pair{second, first};
  }
  found = found_days(keyword_and_date_, today, clock);
  if (found.empty()) return std::nullopt;
  return std::pair{found[0], found[0]};
}

std::optional<text::Date> NaturalDate::resolve(text::Date today, const DateClock& clock) const {
  const std::vector<text::Date> found = found_days(date_text_, today, clock);
  if (found.empty()) return std::nullopt;
  return found[0];
}

}  // namespace kb::tasks
