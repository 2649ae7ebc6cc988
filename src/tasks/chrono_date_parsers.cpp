// chrono-node 2.3.9's English parsers of dates written with month names or
// digits (ENMonthNameLittleEndianParser, ENMonthNameMiddleEndianParser,
// ENMonthNameParser, ISOFormatParser, ENYearMonthDayParser,
// ENSlashMonthFormatParser, SlashDateFormatParser); chrono_parsers.cpp runs
// them with the others.
#include <optional>
#include <string>
#include <string_view>

#include "chrono_parsers.hpp"
#include "chrono_words.hpp"

namespace kb::tasks::chrono {

namespace {

using C = Component;

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

std::optional<Result> month_little_endian(const ParserContext& context, Found& found) {
  const int day = ordinal_value(found.group(1));
  if (day > 31) {
    found.index += found.group(1).size();  // "96 Aug" is "9[6 Aug]"
    return std::nullopt;
  }
  const int month = month_value(found.group(3));
  Result result = result_at(context, found.index, found.group(0));
  result.start.assign(C::Month, month).assign(C::Day, day);
  if (found.has(4)) {
    result.start.assign(C::Year, year_value(found.group(4)));
  } else {
    result.start.imply(C::Year, year_closest_to(context.reference, day, month));
  }
  if (found.has(2)) {
    result.end = result.start;
    result.end->assign(C::Day, ordinal_value(found.group(2)));
  }
  return result;
}

std::optional<Result> month_middle_endian(const ParserContext& context, Found& found) {
  const int day = ordinal_value(found.group(2));
  if (day > 31) return std::nullopt;
  const int month = month_value(found.group(1));
  Components c(context.reference);
  c.assign(C::Day, day).assign(C::Month, month);
  if (found.has(4)) {
    c.assign(C::Year, year_value(found.group(4)));
  } else {
    c.imply(C::Year, year_closest_to(context.reference, day, month));
  }
  Result result = result_of(context, found, c);
  if (found.has(3)) {
    result.end = c;
    result.end->assign(C::Day, ordinal_value(found.group(3)));
  }
  return result;
}

std::optional<Result> month_name(const ParserContext& context, Found& found) {
  const std::string_view name = found.group(2);
  if (found.group(0).size() <= 3 && !is_full_month_name(name)) return std::nullopt;  // "jan", "mar"
  const std::size_t prefix = found.group(1).size();
  Result result = result_at(context, found.index + prefix, found.group(0).substr(prefix));
  const int month = month_value(name);
  result.start.imply(C::Day, 1).assign(C::Month, month);
  if (found.has(3)) {
    result.start.assign(C::Year, year_value(found.group(3)));
  } else {
    result.start.imply(C::Year, year_closest_to(context.reference, 1, month));
  }
  return result;
}

// --- numbers ------------------------------------------------------------------

std::optional<Result> iso_date(const ParserContext& context, Found& found) {
  Components c(context.reference);
  c.assign(C::Year, to_int(found.group(1)))
      .assign(C::Month, to_int(found.group(2)))
      .assign(C::Day, to_int(found.group(3)));
  if (found.has(4)) {
    c.assign(C::Hour, to_int(found.group(4))).assign(C::Minute, to_int(found.group(5)));
    if (found.has(6)) c.assign(C::Second, to_int(found.group(6)));
    if (found.has(7)) c.assign(C::Millisecond, to_int(found.group(7)));
    int offset = 0;
    if (found.has(8)) {
      const int hours = to_int(found.group(8));
      const int minutes = found.has(9) ? to_int(found.group(9)) : 0;
      offset = hours * 60 + (hours < 0 ? -minutes : minutes);
    }
    c.assign(C::TimezoneOffset, offset);
  }
  return result_of(context, found, c);
}

std::optional<Result> year_month_day(const ParserContext& context, Found& found) {
  const int month = found.has(3) ? to_int(found.group(3)) : month_value(found.group(2));
  if (month < 1 || month > 12) return std::nullopt;
  Components c(context.reference);
  c.assign(C::Day, to_int(found.group(4)))
      .assign(C::Month, month)
      .assign(C::Year, to_int(found.group(1)));
  return result_of(context, found, c);
}

std::optional<Result> slash_month(const ParserContext& context, Found& found) {
  Components c(context.reference);
  c.imply(C::Day, 1)
      .assign(C::Month, to_int(found.group(1)))
      .assign(C::Year, to_int(found.group(2)));
  return result_of(context, found, c);
}

// SlashDateFormatParser, month first (en-US): 7/10, 7/12/2020, 7.12.2020, 7-12-20.
std::optional<Result> slash_date(const ParserContext& context, Found& found) {
  const std::string_view opening = found.group(1), ending = found.group(5);
  if (opening == "/" || ending == "/") {  // part of a longer run: XX[/YY/ZZ]
    found.index += found.group(0).size();
    return std::nullopt;
  }
  const std::string_view whole = found.group(0);
  const std::string_view text =
      whole.substr(opening.size(), whole.size() - opening.size() - ending.size());
  // "1.12" and "1.12.12" look like version numbers.
  const auto is_version = [](std::string_view t) {
    while (!t.empty() &&
           (t.back() == ' ' || t.back() == '\t' || t.back() == '\n' || t.back() == '\r')) {
      t.remove_suffix(1);
    }
    if (t.size() == 3 && all_digits(t.substr(0, 1)) && t[1] == '.' && all_digits(t.substr(2)))
      return true;
    const std::size_t dot1 = t.find('.'), dot2 = t.find('.', dot1 + 1);
    return dot1 == 1 && dot2 != std::string_view::npos && all_digits(t.substr(0, 1)) &&
           dot2 - dot1 - 1 >= 1 && dot2 - dot1 - 1 <= 2 && all_digits(t.substr(2, dot2 - 2)) &&
           t.size() - dot2 - 1 >= 1 && t.size() - dot2 - 1 <= 2 && all_digits(t.substr(dot2 + 1));
  };
  if (is_version(text)) return std::nullopt;
  if (!found.has(4) && whole.find('/') == std::string_view::npos) return std::nullopt;
  int month = to_int(found.group(2)), day = to_int(found.group(3));
  if (month > 12) {
    if (day >= 1 && day <= 12 && month <= 31) {
      std::swap(day, month);
    } else {
      return std::nullopt;
    }
  }
  if (day < 1 || day > 31) return std::nullopt;
  Result result = result_at(context, found.index + opening.size(), text);
  result.start.assign(C::Day, day).assign(C::Month, month);
  if (found.has(4)) {
    result.start.assign(C::Year, most_likely_ad_year(to_int(found.group(4))));
  } else {
    result.start.imply(C::Year, year_closest_to(context.reference, day, month));
  }
  return result;
}

}  // namespace kb::tasks::chrono
