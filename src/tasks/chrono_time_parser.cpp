// chrono-node 2.3.9's ENTimeExpressionParser (AbstractTimeExpressionParser
// in its casual, non-strict mode): a time, perhaps followed by the time a
// range ends. For Tasks only the day matters, but the time decides which
// phrases are found and how they merge with the dates around them.
#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

#include "chrono_parsers.hpp"
#include "search_pattern.hpp"

namespace kb::tasks::chrono {
namespace {

using C = Component;
constexpr std::size_t kHour = 2, kMinute = 3, kSecond = 4, kMillisecond = 5, kAmPm = 6;

int to_int(std::string_view digits) {
  return std::atoi(std::string(digits).c_str());  // parseInt: the leading digits
}

bool ends_with(std::string_view text, std::string_view end) {
  return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

bool matches(const SearchPattern& pattern, std::string_view text) {
  return pattern.find(text).has_value();
}

std::optional<std::string_view> group(const SearchPattern& pattern, std::string_view text,
                                      std::size_t i) {
  const auto m = pattern.find(text);
  if (!m || i >= m->groups.size() || !m->groups[i]) return std::nullopt;
  return text.substr(m->groups[i]->begin, m->groups[i]->end - m->groups[i]->begin);
}

// Milliseconds and seconds, as both patterns carry them; false when out of range.
bool read_seconds(const Found& found, Components& c) {
  if (found.has(kMillisecond))
    c.assign(C::Millisecond, to_int(found.group(kMillisecond).substr(0, 3)));
  if (found.has(kSecond)) {
    const int second = to_int(found.group(kSecond));
    if (second >= 60) return false;
    c.assign(C::Second, second);
  }
  return true;
}

std::optional<Components> primary(Instant reference, const Found& found) {
  Components c(reference);
  int hour = to_int(found.group(kHour)), minute = 0;
  std::optional<int> meridiem;
  if (hour > 100) {
    if (found.has(kMinute)) return std::nullopt;
    minute = hour % 100;
    hour /= 100;
  }
  if (hour > 24) return std::nullopt;
  if (found.has(kMinute)) {
    if (found.group(kMinute).size() == 1 && !found.has(kAmPm)) return std::nullopt;  // "at 1.1 xx"
    minute = to_int(found.group(kMinute));
  }
  if (minute >= 60) return std::nullopt;
  if (hour > 12) meridiem = kPM;
  if (found.has(kAmPm)) {
    if (hour > 12) return std::nullopt;
    const char ampm = found.group(kAmPm)[0];
    if (ampm == 'a' || ampm == 'A') {
      meridiem = kAM;
      if (hour == 12) hour = 0;
    } else {
      meridiem = kPM;
      if (hour != 12) hour += 12;
    }
  }
  c.assign(C::Hour, hour).assign(C::Minute, minute);
  if (meridiem) {
    c.assign(C::Meridiem, *meridiem);
  } else {
    c.imply(C::Meridiem, hour < 12 ? kAM : kPM);
  }
  if (!read_seconds(found, c)) return std::nullopt;
  // "at night", "in the afternoon", "in the morning" (matched as written).
  const std::string_view whole = found.group(0);
  if (ends_with(whole, "night")) {
    const auto h = c.value(C::Hour);
    if (h >= 6 && h < 12) {
      c.assign(C::Hour, h + 12).assign(C::Meridiem, kPM);
    } else if (h < 6) {
      c.assign(C::Meridiem, kAM);
    }
  }
  if (ends_with(whole, "afternoon")) {
    c.assign(C::Meridiem, kPM);
    const auto h = c.value(C::Hour);
    if (h >= 0 && h <= 6) c.assign(C::Hour, h + 12);
  }
  if (ends_with(whole, "morning")) c.assign(C::Meridiem, kAM);
  return c;
}

std::optional<Components> following(Instant reference, const Found& found, Result& result) {
  Components c(reference);
  if (!read_seconds(found, c)) return std::nullopt;
  int hour = to_int(found.group(kHour)), minute = 0, meridiem = -1;
  if (found.has(kMinute)) {
    minute = to_int(found.group(kMinute));
  } else if (hour > 100) {
    minute = hour % 100;
    hour /= 100;
  }
  if (minute >= 60 || hour > 24) return std::nullopt;
  if (hour >= 12) meridiem = kPM;
  Components& start = result.start;
  if (found.has(kAmPm)) {
    if (hour > 12) return std::nullopt;
    const char ampm = found.group(kAmPm)[0];
    if (ampm == 'a' || ampm == 'A') {
      meridiem = kAM;
      if (hour == 12) {
        hour = 0;
        if (!c.certain(C::Day)) c.imply(C::Day, c.value(C::Day) + 1);
      }
    } else {
      meridiem = kPM;
      if (hour != 12) hour += 12;
    }
    if (!start.certain(C::Meridiem)) {
      if (meridiem == kAM) {
        start.imply(C::Meridiem, kAM);
        if (start.value(C::Hour) == 12) start.assign(C::Hour, 0);
      } else {
        start.imply(C::Meridiem, kPM);
        if (start.value(C::Hour) != 12) start.assign(C::Hour, start.value(C::Hour) + 12);
      }
    }
  }
  c.assign(C::Hour, hour).assign(C::Minute, minute);
  if (meridiem >= 0) {
    c.assign(C::Meridiem, meridiem);
  } else if (start.certain(C::Meridiem) && start.value(C::Hour) > 12) {
    if (start.value(C::Hour) - 12 > hour) {
      c.imply(C::Meridiem, kAM);  // 10pm - 1 (am)
    } else if (hour <= 12) {
      c.assign(C::Hour, hour + 12).assign(C::Meridiem, kPM);
    }
  } else if (hour > 12) {
    c.imply(C::Meridiem, kPM);
  } else {
    c.imply(C::Meridiem, kAM);
  }
  if (c.date() < start.date()) c.imply(C::Day, c.value(C::Day) + 1);
  return c;
}

// A number with dots ends well only as "1.30" or "1.30.45".
bool bad_dotted_end(std::string_view numbers) {
  static const SearchPattern two_digit_parts(R"(\d(\.\d{2})+$)");
  return numbers.find('.') != std::string_view::npos && !matches(two_digit_parts, numbers);
}

// checkAndReturnWithoutFollowingPattern: "1", "203", "1a", "at 25" are no times.
std::optional<Result> alone(Result result) {
  static const SearchPattern one_digit(R"(^\d$)"), three_digits(R"(^\d\d\d+$)"),
      letter_end(R"(\d[apAP]$)"), number_end(R"([^\d:.](\d[\d.]+)$)");
  if (matches(one_digit, result.text) || matches(three_digits, result.text) ||
      matches(letter_end, result.text)) {
    return std::nullopt;
  }
  if (const auto numbers = group(number_end, result.text, 1)) {
    if (bad_dotted_end(*numbers) || to_int(*numbers) > 24) return std::nullopt;
  }
  return result;
}

// checkAndReturnWithFollowingPattern: "1-3" alone, "at 25 - 26" are no times.
std::optional<Result> with_end(Result result) {
  static const SearchPattern numbers_only(R"(^\d+-\d+$)"),
      numbers_end(R"([^\d:.](\d[\d.]+)\s*-\s*(\d[\d.]+)$)");
  if (matches(numbers_only, result.text)) return std::nullopt;
  const auto from = group(numbers_end, result.text, 1), to = group(numbers_end, result.text, 2);
  if (from && to && (bad_dotted_end(*to) || to_int(*to) > 24 || to_int(*from) > 24)) {
    return std::nullopt;
  }
  return result;
}

}  // namespace

std::optional<Result> time_expression(std::string_view text, Instant reference, Found& found) {
  static const SearchPattern following_time(
      R"(^(\s*(?:\-|–|\~|〜|to|\?)\s*)(\d{1,4})(?:(?:\.|\:|：)(\d{1,2})(?:(?:\.|\:|：)(\d{1,2})(?:\.(\d{1,6}))?)?)?(?:\s*(a\.m\.|p\.m\.|am?|pm?))?(?=\W|$))");
  static const SearchPattern leading_digits(R"(^\d{3,4})"),
      signed_short(R"(^\s*([+-])\s*\d{2,4}$)"), signed_long(R"(^\s*([+-])\s*\d{3,4}$)");
  const std::optional<Components> start = primary(reference, found);
  const std::size_t whole = found.group(0).size();
  if (!start) {
    found.index += whole;  // skip what may overlap
    return std::nullopt;
  }
  const std::size_t boundary = found.group(1).size();
  Result result{found.index + boundary, std::string(found.group(0).substr(boundary)), *start,
                std::nullopt};
  found.index += whole;
  const std::string_view remaining = text.substr(std::min(found.index, text.size()));
  const std::optional<PatternMatch> next = following_time.find(remaining);
  std::string_view next_text;
  if (next) next_text = remaining.substr(0, next->groups[0]->end);
  // "456-12", "2022-12" are no times without more context.
  if (matches(leading_digits, result.text) && next && matches(signed_short, next_text))
    return std::nullopt;
  if (!next || matches(signed_long, next_text))
    return alone(std::move(result));  // "-0800" is an offset
  Found end{text, found.index, {}};
  for (const auto& span : next->groups) {
    if (span) {
      end.groups.emplace_back(remaining.substr(span->begin, span->end - span->begin));
    } else {
      end.groups.emplace_back(std::nullopt);
    }
  }
  result.end = following(reference, end, result);
  if (result.end) result.text += next_text;
  return with_end(std::move(result));
}

}  // namespace kb::tasks::chrono
