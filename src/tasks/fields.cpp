#include "fields.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <string>

#include "kb/text/unicode.hpp"

namespace kb::tasks {

std::string_view folder_of(std::string_view path) {
  std::size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return "/";
  return path.substr(0, slash + 1);
}

std::string_view root_of(std::string_view path) {
  std::size_t slash = path.find('/');
  if (slash == std::string_view::npos) return "/";
  return path.substr(0, slash + 1);
}

std::string_view filename_of(std::string_view path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::optional<text::Date> happens_date(const Task& task) {
  std::optional<text::Date> earliest;
  for (const auto* date : {&task.start, &task.scheduled, &task.due}) {
    const auto day = day_of(*date);
    if (day && (!earliest || *day < *earliest)) earliest = day;
  }
  return earliest;
}

int compare_dates(const std::optional<TaskDate>& a, const std::optional<TaskDate>& b) {
  if (a.has_value() != b.has_value()) return a ? -1 : 1;
  if (!a) return 0;
  if (a->valid() != b->valid()) return a->valid() ? 1 : -1;
  if (!a->valid()) return 0;
  return *a->day < *b->day ? -1 : (*b->day < *a->day ? 1 : 0);
}

double urgency(const Task& task, text::Date today) {
  double score = 0.0;
  // Invalid dates count as none (Urgency.ts: `dueDate?.isValid()`).
  const auto due = day_of(task.due), scheduled = day_of(task.scheduled), start = day_of(task.start);
  if (due) {
    // A due date maps 7 days overdue .. 14 days ahead onto 1.0 .. 0.2.
    long days_overdue = today.days_since_epoch() - due->days_since_epoch();
    double multiplier = 0.2;
    if (days_overdue >= 7) {
      multiplier = 1.0;
    } else if (days_overdue >= -14) {
      multiplier = ((static_cast<double>(days_overdue) + 14.0) * 0.8) / 21.0 + 0.2;
    }
    score += multiplier * 12.0;
  }
  if (scheduled && today >= *scheduled) score += 5.0;
  if (start && today < *start) score += -3.0;
  switch (task.priority) {
    case Priority::Highest:
      score += 1.5 * 6.0;
      break;
    case Priority::High:
      score += 1.0 * 6.0;
      break;
    case Priority::Medium:
      score += 0.65 * 6.0;
      break;
    case Priority::None:
      score += 0.325 * 6.0;
      break;
    case Priority::Low:
      break;
    case Priority::Lowest:
      score -= 0.3 * 6.0;
      break;
  }
  return score;
}

namespace {

// A string of decimal digits plus one in its last place ("199" -> "200", "99" -> "100").
void add_one_in_last_place(std::string& digits) {
  std::size_t i = digits.size();
  while (i > 0 && digits[i - 1] == '9') digits[--i] = '0';
  if (i == 0) {
    digits.insert(digits.begin(), '1');
  } else {
    ++digits[i - 1];
  }
}

}  // namespace

std::string intl_number_text(double x) {
  // ICU rounds the shortest decimal that reads back as the double (1.0005,
  // not 1.000499...) half away from zero, and keeps the sign of a negative
  // number that rounds to zero ("-0").
  std::array<char, 400> buffer{};
  const auto written = std::to_chars(buffer.data(), buffer.data() + buffer.size(), std::fabs(x),
                                     std::chars_format::fixed);
  std::string digits(buffer.data(), written.ptr);
  std::size_t point = digits.find('.');
  if (point == std::string::npos) {
    point = digits.size();
    digits += '.';
  }
  digits.append(4, '0');
  std::string kept = digits.substr(0, point) + digits.substr(point + 1, 3);
  if (digits[point + 4] >= '5') {
    add_one_in_last_place(kept);
  }
  std::string out = std::signbit(x) ? "-" : "";
  out += kept.substr(0, kept.size() - 3);
  std::string decimals = kept.substr(kept.size() - 3);
  while (!decimals.empty() && decimals.back() == '0') decimals.pop_back();
  if (!decimals.empty()) out += "." + decimals;
  return out;
}

std::string to_fixed_2(double x) {
  // glibc prints a double's exact decimal value; round that half up on the
  // magnitude, as toFixed does (it picks the larger n on a tie).
  char exact[720];
  std::snprintf(exact, sizeof exact, "%.350f", x < 0 ? -x : x);
  std::string digits(exact);
  const std::size_t point = digits.find('.');
  std::string kept = digits.substr(0, point) + digits.substr(point + 1, 2);
  if (digits[point + 3] >= '5') {
    add_one_in_last_place(kept);
  }
  std::string out = x < 0 ? "-" : "";  // toFixed keeps the sign: (-0.001).toFixed(2) is "-0.00"
  out += kept.substr(0, kept.size() - 2);
  out += '.';
  out += kept.substr(kept.size() - 2);
  return out;
}

std::int32_t random_key(const Task& task, text::Date today) {
  // TinySimpleHash over UTF-16 code units, as JavaScript's charCodeAt sees them.
  std::uint32_t h = 9;
  const auto mix = [&h](std::uint32_t unit) { h = (h ^ unit) * 387420489u; };  // 9 ** 9
  const std::string key = today.iso() + " " + task.description;
  for (std::size_t i = 0; i < key.size();) {
    const char32_t c = text::decode_utf8(key, i);
    if (c > 0xFFFF) {
      mix(0xD800 + ((static_cast<std::uint32_t>(c) - 0x10000) >> 10));
      mix(0xDC00 + ((static_cast<std::uint32_t>(c) - 0x10000) & 0x3FF));
    } else {
      mix(static_cast<std::uint32_t>(c));
    }
  }
  return static_cast<std::int32_t>(h ^ (h >> 9));
}

std::string backlink_text(std::string_view path, std::string_view heading) {
  std::string_view name = filename_of(path);
  if (name.size() >= 3 && name.substr(name.size() - 3) == ".md") name.remove_suffix(3);
  std::string out = "[[";
  out += name;
  if (!heading.empty()) {
    out += '#';
    out += heading;
    out += '|';
    out += name;
    out += " > ";
    out += heading;
  }
  out += "]]";
  return out;
}

namespace {

// Replaces a leading `marker text marker` (text without the marker's
// character) by its text, as the plugin's /^\*\*([^*]+)\*\*/ and friends do.
void unwrap_leading(std::string& s, std::string_view marker) {
  if (s.compare(0, marker.size(), marker) != 0) return;
  std::size_t close = s.find(marker[0], marker.size());
  if (close == std::string::npos || close == marker.size()) return;
  if (s.compare(close, marker.size(), marker) != 0) return;
  s = s.substr(marker.size(), close - marker.size()) + s.substr(close + marker.size());
}

}  // namespace

std::string sortable_description(std::string_view description) {
  std::string s(description);
  if (!s.empty() && s[0] == '[') {
    std::size_t start = (s.size() > 1 && s[1] == '[') ? 2 : 1;
    std::size_t close = s.find(']', start);
    if (close != std::string::npos) {
      std::string inner = s.substr(start, close - start);
      std::size_t after = close + 1;
      if (after < s.size() && s[after] == ']') ++after;
      std::size_t bar = inner.find('|');
      std::string shown = bar == std::string::npos ? inner : inner.substr(bar + 1);
      s = shown + s.substr(after);
    }
  }
  for (std::string_view marker : {"**", "*", "==", "__", "_"}) unwrap_leading(s, marker);
  return s;
}

std::string_view weekday_name(text::Date date) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  long days = date.days_since_epoch();
  long monday_based = ((days % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday
  return kNames[static_cast<std::size_t>(monday_based)];
}

bool is_recurring(const Task& task) {
  return !task.recurrence_rule.empty();
}

}  // namespace kb::tasks
