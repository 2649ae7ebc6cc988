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

bool looks_like_iso_date(std::string_view s) {
  return s.size() == 10 && all_digits(s.substr(0, 4)) && s[4] == '-' &&
         all_digits(s.substr(5, 2)) && s[7] == '-' && all_digits(s.substr(8, 2));
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

// The numbered ranges: YYYY-Www, YYYY-MM, YYYY-Qq, YYYY.
std::optional<DateRange> parse_numbered_range(std::string_view s) {
  if (s.size() < 4 || !all_digits(s.substr(0, 4))) return std::nullopt;
  int year = to_int(s.substr(0, 4));
  if (s.size() == 4) return DateRange{{year, 1, 1}, {year, 12, 31}};
  if (s[4] != '-') return std::nullopt;
  std::string_view rest = s.substr(5);
  if (rest.size() == 3 && (rest[0] == 'W' || rest[0] == 'w') && all_digits(rest.substr(1))) {
    int week = to_int(rest.substr(1));
    if (week >= 1 && week <= 53) return iso_week(year, week);
  } else if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'q') && rest[1] >= '1' &&
             rest[1] <= '4') {
    return months_range(year, (rest[1] - '1') * 3 + 1, 3);
  } else if (rest.size() == 2 && all_digits(rest)) {
    int month = to_int(rest);
    if (month >= 1 && month <= 12) return months_range(year, month, 1);
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

std::optional<DateSpec> DateSpec::parse(std::string_view text) {
  DateSpec spec;
  Cursor words(text);
  if (words.at_end()) return std::nullopt;
  if (words.accept_all("today") || words.accept_all("tomorrow") || words.accept_all("yesterday")) {
    std::string_view word = trim_blanks(text);
    spec.kind_ = Kind::DaysFromToday;
    spec.offset_ = iequals(word, "today") ? 0 : iequals(word, "tomorrow") ? 1 : -1;
    return spec;
  }
  for (auto [word, offset] : {std::pair{"last", -1}, {"this", 0}, {"next", 1}}) {
    Cursor period = words;
    if (!period.accept(word)) continue;
    for (std::string_view unit : {"week", "month", "quarter", "year"}) {
      if (period.accept_all(unit)) {
        spec.kind_ = Kind::Period;
        spec.offset_ = offset;
        spec.unit_ = unit[0];
        return spec;
      }
    }
    break;  // perhaps "next monday"
  }

  std::string_view rest = words.rest();
  std::size_t blank = rest.find_first_of(" \t");
  if (blank != std::string_view::npos) {
    // Two dates: an inclusive range, in either order. The plugin ignores an
    // impossible calendar date in a range and uses the other one alone.
    std::string_view first = rest.substr(0, blank);
    std::string_view second = trim_blanks(rest.substr(blank));
    auto a = text::parse_iso_date(first), b = text::parse_iso_date(second);
    if (second.find_first_of(" \t") != std::string_view::npos || (!a && !b)) {
      if ((spec.natural_ = NaturalDate::parse(text))) {
        spec.kind_ = Kind::Natural;
        return spec;
      }
      return std::nullopt;
    }
    if (a && b) {
      spec.fixed_ = *a < *b ? DateRange{*a, *b} : DateRange{*b, *a};
      return spec;
    }
    if (a && looks_like_iso_date(second)) b = a;
    if (b && looks_like_iso_date(first)) a = b;
    if (!a || !b) return std::nullopt;
    spec.fixed_ = {*a, *a};
    return spec;
  }
  if (auto date = text::parse_iso_date(rest)) {
    spec.fixed_ = {*date, *date};
    return spec;
  }
  if (looks_like_iso_date(rest)) return std::nullopt;  // an impossible day, not a range
  if (auto range = parse_numbered_range(rest)) {
    spec.fixed_ = *range;
    return spec;
  }
  if ((spec.natural_ = NaturalDate::parse(text))) {
    spec.kind_ = Kind::Natural;
    return spec;
  }
  return std::nullopt;
}

DateRange DateSpec::resolve(text::Date today) const {
  switch (kind_) {
    case Kind::Fixed:
      return fixed_;
    case Kind::DaysFromToday: {
      text::Date day = today.plus_days(offset_);
      return {day, day};
    }
    case Kind::Natural: {
      // A day chrono would not return ("Feb 29" seen from 2023) matches none.
      const std::optional<text::Date> day = natural_->resolve(today);
      if (!day) return {today.plus_days(1), today};
      return {*day, *day};
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
