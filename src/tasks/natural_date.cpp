#include "natural_date.hpp"

#include <vector>

#include "chrono_parsers.hpp"
#include "chrono_refiners.hpp"

namespace kb::tasks {
namespace {

// The reference instant: the day at noon. The plugin uses the moment the
// query runs; only phrases in hours, minutes or seconds ("in 13 hours") and
// "last night" before 7 o'clock can tell the difference.
chrono::Instant noon_of(text::Date day) {
  return chrono::make_instant(day.year, day.month, day.day, 12);
}

std::vector<chrono::Result> chrono_parse(std::string_view text, text::Date today) {
  return chrono::refine(text, chrono::run_parsers(text, noon_of(today)));
}

// A day that parses anything a calendar allows (a leap year: "Feb 29").
constexpr text::Date kProbeDay{2024, 6, 15};

}  // namespace

std::optional<NaturalDate> NaturalDate::parse(std::string_view date_text,
                                              std::string_view keyword_and_date) {
  NaturalDate date;
  date.date_text_ = date_text;
  date.keyword_and_date_ = keyword_and_date.data() == nullptr ? date_text : keyword_and_date;
  if (!date.resolve_range(kProbeDay)) return std::nullopt;
  return date;
}

std::optional<std::pair<text::Date, text::Date>> NaturalDate::resolve_range(
    text::Date today) const {
  std::vector<chrono::Result> found = chrono_parse(date_text_, today);
  if (!found.empty()) {
    const text::Date first = chrono::date_of(found[0].start.instant());
    const text::Date second = found.size() > 1 ? chrono::date_of(found[1].start.instant()) : first;
    return first <= second ? std::pair{first, second} : std::pair{second, first};
  }
  found = chrono_parse(keyword_and_date_, today);
  if (found.empty()) return std::nullopt;
  const text::Date day = chrono::date_of(found[0].start.instant());
  return std::pair{day, day};
}

std::optional<text::Date> NaturalDate::resolve(text::Date today) const {
  const std::vector<chrono::Result> found = chrono_parse(date_text_, today);
  if (found.empty()) return std::nullopt;
  return chrono::date_of(found[0].start.instant());
}

}  // namespace kb::tasks
