#include "natural_date.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "cursor.hpp"
#include "dates.hpp"

namespace kb::tasks {
namespace {

// chrono's English WEEKDAY_DICTIONARY (each may end with '.').
constexpr std::array<std::pair<std::string_view, int>, 16> kWeekdays = {{{"sunday", 0},
                                                                         {"sun", 0},
                                                                         {"monday", 1},
                                                                         {"mon", 1},
                                                                         {"tuesday", 2},
                                                                         {"tue", 2},
                                                                         {"wednesday", 3},
                                                                         {"wed", 3},
                                                                         {"thursday", 4},
                                                                         {"thurs", 4},
                                                                         {"thur", 4},
                                                                         {"thu", 4},
                                                                         {"friday", 5},
                                                                         {"fri", 5},
                                                                         {"saturday", 6},
                                                                         {"sat", 6}}};

// chrono's MONTH_DICTIONARY ("sep" alone is no month in 2.3.9, "sep 3" is).
constexpr std::array<std::pair<std::string_view, int>, 24> kMonths = {
    {{"january", 1},   {"jan", 1},   {"february", 2},  {"feb", 2},      {"march", 3},
     {"mar", 3},       {"april", 4}, {"apr", 4},       {"may", 5},      {"june", 6},
     {"jun", 6},       {"july", 7},  {"jul", 7},       {"august", 8},   {"aug", 8},
     {"september", 9}, {"sept", 9},  {"sep", 9},       {"october", 10}, {"oct", 10},
     {"november", 11}, {"nov", 11},  {"december", 12}, {"dec", 12}}};

// chrono's INTEGER_WORD_DICTIONARY, plus "a"/"an" for one.
constexpr std::array<std::string_view, 13> kNumberWords = {
    "zero",  "one",   "two",  "three", "four",   "five",  "six",
    "seven", "eight", "nine", "ten",   "eleven", "twelve"};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

std::optional<int> weekday_named(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  for (const auto& [name, day] : kWeekdays) {
    if (word == name) return day;
  }
  return std::nullopt;
}

std::optional<int> month_named(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  for (const auto& [name, month] : kMonths) {
    if (word == name) return month;
  }
  return std::nullopt;
}

std::optional<int> small_number(std::string_view word) {
  if (word == "a" || word == "an") return 1;
  for (std::size_t i = 0; i < kNumberWords.size(); ++i) {
    if (word == kNumberWords[i]) return static_cast<int>(i);
  }
  if (word.empty() || word.size() > 4) return std::nullopt;
  int n = 0;
  for (char c : word) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

std::optional<char> unit_named(std::string_view word) {
  for (std::string_view unit : {"day", "week", "month", "year"}) {
    if (word == unit || (word.size() == unit.size() + 1 && word.substr(0, unit.size()) == unit &&
                         word.back() == 's')) {
      return unit[0];
    }
  }
  return std::nullopt;
}

// "14", "14th", "1st", "2nd", "3rd": the day of the month.
std::optional<int> day_number(std::string_view word) {
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (word.size() > suffix.size() && word.substr(word.size() - suffix.size()) == suffix) {
      word.remove_suffix(suffix.size());
      break;
    }
  }
  if (word.empty() || word.size() > 2) return std::nullopt;
  int n = 0;
  for (char c : word) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n >= 1 && n <= 31 ? std::optional<int>(n) : std::nullopt;
}

std::optional<int> year_number(std::string_view word) {
  if (word.size() != 4) return std::nullopt;
  int n = 0;
  for (char c : word) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

// The text's words, lower case; a comma is a word of its own.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (is_blank(c) || c == ',') {
      if (!word.empty()) words.push_back(lower(word));
      word.clear();
      if (c == ',') words.emplace_back(",");
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(lower(word));
  return words;
}

// JavaScript's getDay: 0 Sunday .. 6 Saturday.
int js_weekday(text::Date date) {
  return (weekday_index(date) + 1) % 7;
}

// dayjs's date.add(n, "month"): the same day, or the month's last.
text::Date add_months(text::Date date, int months) {
  int index = date.year * 12 + (date.month - 1) + months;
  const int year = index / 12 - (index % 12 < 0 ? 1 : 0);
  const int month = (index % 12 + 12) % 12 + 1;
  return {year, month, std::min(date.day, days_in_month(year, month))};
}

}  // namespace

std::optional<NaturalDate> NaturalDate::parse(std::string_view text) {
  const std::vector<std::string> w = words_of(text);
  NaturalDate date;
  // [this|last|past|next] WEEKDAY (ENWeekdayParser).
  if (w.size() == 1 || w.size() == 2) {
    int modifier = 0;
    if (w.size() == 2) {
      if (w[0] == "this") modifier = 1;
      if (w[0] == "next") modifier = 2;
      if (w[0] == "last" || w[0] == "past") modifier = 3;
    }
    if (w.size() == 1 || modifier != 0) {
      if (const auto day = weekday_named(w.back())) {
        date.kind_ = Kind::Weekday;
        date.weekday_ = *day;
        date.modifier_ = modifier;
        return date;
      }
    }
  }
  // in N UNIT (ENTimeUnitWithinFormatParser), N UNIT ago (ENTimeUnitAgoFormatParser).
  if (w.size() == 3) {
    const bool in = w[0] == "in", ago = w[2] == "ago";
    const auto n = small_number(in ? w[1] : w[0]);
    const auto unit = unit_named(in ? w[2] : w[1]);
    if ((in || ago) && n && unit) {
      date.kind_ = Kind::Offset;
      date.amount_ = in ? *n : -*n;
      date.unit_ = *unit;
      return date;
    }
  }
  // D [of] MONTH [[,] YYYY] (little endian), MONTH D [[,] YYYY] (middle endian).
  std::size_t i = 0;
  std::optional<int> day, month;
  if (w.size() >= 2 && (day = day_number(w[0]))) {
    i = 1;
    if (w[i] == "of" && w.size() >= 3) ++i;
    month = month_named(w[i++]);
  } else if (w.size() >= 2 && (month = month_named(w[0]))) {
    day = day_number(w[1]);
    i = 2;
  }
  if (!day || !month || *day > days_in_month(2000, *month)) return std::nullopt;
  if (i < w.size() && w[i] == "," && i + 1 < w.size()) ++i;
  std::optional<int> year;
  if (i < w.size() && !(year = year_number(w[i++]))) return std::nullopt;
  if (i != w.size()) return std::nullopt;
  if (year && *day > days_in_month(*year, *month)) return std::nullopt;  // "Feb 29 2023"
  date.kind_ = Kind::MonthDay;
  date.day_ = *day;
  date.month_ = *month;
  date.year_ = year.value_or(0);
  return date;
}

std::optional<text::Date> NaturalDate::resolve(text::Date today) const {
  switch (kind_) {
    case Kind::Weekday: {
      // dayjs's date.day(n): the day n of this Sunday-to-Saturday week (n
      // may leave it). chrono 2.3.9: "this" is that week's, "next" the
      // next week's, "last" the previous week's; none the closest of the three.
      const int today_weekday = js_weekday(today);
      const text::Date sunday = today.plus_days(-today_weekday);
      int offset = weekday_;
      if (modifier_ == 2) offset += 7;
      if (modifier_ == 3) offset -= 7;
      if (modifier_ == 0) {
        if (std::abs(weekday_ - 7 - today_weekday) < std::abs(weekday_ - today_weekday)) {
          offset = weekday_ - 7;
        } else if (std::abs(weekday_ + 7 - today_weekday) < std::abs(weekday_ - today_weekday)) {
          offset = weekday_ + 7;
        }
      }
      return sunday.plus_days(offset);
    }
    case Kind::Offset:
      switch (unit_) {
        case 'd':
          return today.plus_days(amount_);
        case 'w':
          return today.plus_days(7L * amount_);
        case 'm':
          return add_months(today, amount_);
        default:
          return add_months(today, 12 * amount_);
      }
    case Kind::MonthDay:
      break;
  }
  if (year_ != 0) return text::Date{year_, month_, day_};
  // findYearClosestToRef: this year's date, or the next or last year's
  // when that is closer to today.
  if (day_ > days_in_month(today.year, month_)) return std::nullopt;
  const text::Date here{today.year, month_, day_};
  const text::Date next = add_months(here, 12), last = add_months(here, -12);
  const auto distance = [&today](text::Date d) {
    return std::labs(d.days_since_epoch() - today.days_since_epoch());
  };
  if (distance(next) < distance(here)) return next;
  if (distance(last) < distance(here)) return last;
  return here;
}

}  // namespace kb::tasks
