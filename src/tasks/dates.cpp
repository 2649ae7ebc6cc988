#include "dates.hpp"

#include <cstddef>
#include <utility>

#include "cursor.hpp"

namespace kb::tasks {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// Month `month` of `year` moved by `delta` months, normalised.
std::pair<int, int> add_months(int year, int month, int delta) {
  int index = year * 12 + (month - 1) + delta;
  int y = index / 12, m = index % 12;
  if (m < 0) {
    m += 12;
    --y;
  }
  return {y, m + 1};
}

DateRange months_range(int year, int first_month, int count) {
  auto [end_year, end_month] = add_months(year, first_month, count - 1);
  return {{year, first_month, 1}, {end_year, end_month, days_in_month(end_year, end_month)}};
}

DateRange iso_week(int year, int week) {
  text::Date jan4{year, 1, 4};  // ISO week 1 is the week with January 4th
  text::Date monday = jan4.plus_days(-weekday_index(jan4) + 7L * (week - 1));
  return {monday, monday.plus_days(6)};
}

bool is_js_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int iso_weeks_in(int year) {
  // A year has 53 ISO weeks when it starts on a Thursday, or on a Wednesday in a leap year.
  const int jan1 = weekday_index(text::Date{year, 1, 1});
  const bool leap = days_in_month(year, 2) == 29;
  return jan1 == 3 || (leap && jan1 == 2) ? 53 : 52;
}

// parseNumberedDateRange: /^\s*[0-9]{4}(-Q[1-4]|-[0-9]{2}|-W[0-9]{2})?\s*$/
// read by moment, which refuses month 00 or 13 and weeks the year lacks.
std::optional<DateRange> parse_numbered_range(std::string_view s) {
  while (!s.empty() && is_js_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_js_space(s.back())) s.remove_suffix(1);
  if (s.size() < 4 || !all_digits(s.substr(0, 4))) return std::nullopt;
  const int year = to_int(s.substr(0, 4));
  if (s.size() == 4) return DateRange{{year, 1, 1}, {year, 12, 31}};
  if (s[4] != '-') return std::nullopt;
  const std::string_view rest = s.substr(5);
  if (rest.size() == 3 && rest[0] == 'W' && all_digits(rest.substr(1))) {
    const int week = to_int(rest.substr(1));
    if (week >= 1 && week <= iso_weeks_in(year)) return iso_week(year, week);
  } else if (rest.size() == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4') {
    return months_range(year, (rest[1] - '1') * 3 + 1, 3);
  } else if (rest.size() == 2 && all_digits(rest)) {
    const int month = to_int(rest);
    if (month >= 1 && month <= 12) return months_range(year, month, 1);
  }
  return std::nullopt;
}

// parseRelativeDateRange's /(last|this|next) (week|month|quarter|year)/: the
// first such words anywhere, case-sensitive, one space apart.
std::optional<std::pair<int, char>> relative_period(std::string_view s) {
  for (std::size_t i = 0; i + 5 <= s.size(); ++i) {
    int offset = 0;
    const std::string_view word = s.substr(i, 5);
    if (word == "last ") {
      offset = -1;
    } else if (word == "this ") {
      offset = 0;
    } else if (word == "next ") {
      offset = 1;
    } else {
      continue;
    }
    for (std::string_view unit : {"week", "month", "quarter", "year"}) {
      if (s.substr(i + 5, unit.size()) == unit) return std::pair{offset, unit[0]};
    }
  }
  return std::nullopt;
}

}  // namespace

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

int weekday_index(text::Date date) {
  long days = date.days_since_epoch();
  return static_cast<int>(((days % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday
}

std::optional<DateSpec> DateSpec::parse(std::string_view text, std::string_view keyword_and_text,
                                        const DateClock& clock) {
  DateSpec spec;
  if (const auto period = relative_period(text)) {
    spec.kind_ = Kind::Period;
    spec.offset_ = period->first;
    spec.unit_ = period->second;
    return spec;
  }
  if (const auto range = parse_numbered_range(text)) {
    spec.fixed_ = *range;
    return spec;
  }
  if (const auto date =
          text::parse_iso_date(trim_blanks(text))) {  // what chrono reads it as, sooner
    spec.fixed_ = {*date, *date};
    return spec;
  }
  if ((spec.natural_ = NaturalDate::parse(
           text, keyword_and_text.data() == nullptr ? text : keyword_and_text, clock))) {
    spec.kind_ = Kind::Natural;
    return spec;
  }
  return std::nullopt;
}

DateRange DateSpec::resolve(text::Date today, const DateClock& clock) const {
  switch (kind_) {
    case Kind::Fixed:
      return fixed_;
    case Kind::Natural: {
      // No date found from this day ("Feb 29" seen from 2023): matches none.
      const auto range = natural_->resolve_range(today, clock);
      if (!range) return {today.plus_days(1), today};
      return {range->first, range->second};
    }
    case Kind::Period:
      break;
  }
  switch (unit_) {
    case 'w': {
      text::Date monday = today.plus_days(-weekday_index(today) + 7L * offset_);
      return {monday, monday.plus_days(6)};
    }
    case 'm': {
      auto [year, month] = add_months(today.year, today.month, offset_);
      return months_range(year, month, 1);
    }
    case 'q': {
      int first_month = (today.month - 1) / 3 * 3 + 1;
      auto [year, month] = add_months(today.year, first_month, 3 * offset_);
      return months_range(year, month, 3);
    }
    default:
      return {{today.year + offset_, 1, 1}, {today.year + offset_, 12, 31}};
  }
}

}  // namespace kb::tasks
