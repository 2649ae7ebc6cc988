#include "kb/tasks/filename_date.hpp"

#include <array>

namespace kb::tasks {

namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdays = {"sunday",   "monday", "tuesday", "wednesday",
                                                       "thursday", "friday", "saturday"};

// The tokens kb reads, longest first, as moment's tokenizer takes them.
constexpr std::array<std::string_view, 13> kTokens = {"YYYY", "YY", "MMMM", "MMM", "MM", "Do", "DD",
                                                      "D",    "M",  "dddd", "ddd", "dd", ""};

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool starts_with_ci(std::string_view text, std::string_view word) {
  if (text.size() < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (lower(text[i]) != lower(word[i])) return false;
  }
  return true;
}

std::string_view token_at(std::string_view format) {
  for (const std::string_view token : kTokens) {
    if (!token.empty() && format.starts_with(token)) return token;
  }
  return {};
}

// `count` to `most` digits at the front of `text` (greedy), their value.
std::optional<int> digits(std::string_view& text, std::size_t count, std::size_t most) {
  std::size_t n = 0;
  int value = 0;
  while (n < most && n < text.size() && is_digit(text[n])) value = value * 10 + (text[n++] - '0');
  if (n < count) return std::nullopt;
  text.remove_prefix(n);
  return value;
}

// The longest of `names` (or their first `length` letters) at the front of
// `text`, ignoring case: its index.
template <std::size_t N>
std::optional<int> name(std::string_view& text, const std::array<std::string_view, N>& names,
                        std::size_t length) {
  std::optional<int> found;
  std::size_t longest = 0;
  for (std::size_t i = 0; i < N; ++i) {
    const std::string_view word = length ? names[i].substr(0, length) : names[i];
    if (word.size() > longest && starts_with_ci(text, word)) {
      found = static_cast<int>(i);
      longest = word.size();
    }
  }
  if (found) text.remove_prefix(longest);
  return found;
}

bool real_day(const text::Date& date) {
  return date.month >= 1 && date.month <= 12 && date.day >= 1 &&
         text::Date::from_days(date.days_since_epoch()) == date;
}

// DateFallback.matchesAnyFolder: no folders means every one.
bool in_folders(std::string_view path, const std::vector<std::string>& folders) {
  if (folders.empty()) return true;
  for (const std::string& folder : folders) {
    if (path.size() > folder.size() && path.starts_with(folder) && path[folder.size()] == '/') {
      return true;
    }
  }
  return false;
}

// /(\d{4})-(\d{2})-(\d{2})/ (or without dashes) at its first match.
std::optional<text::Date> first_date(std::string_view name, bool dashes) {
  const std::size_t length = dashes ? 10 : 8;
  for (std::size_t i = 0; i + length <= name.size(); ++i) {
    bool ok = true;
    for (std::size_t k = 0; k < length && ok; ++k) {
      const bool dash = dashes && (k == 4 || k == 7);
      ok = dash ? name[i + k] == '-' : is_digit(name[i + k]);
    }
    if (!ok) continue;
    const auto number = [&](std::size_t at, std::size_t n) {
      int v = 0;
      for (std::size_t k = 0; k < n; ++k) v = v * 10 + (name[i + at + k] - '0');
      return v;
    };
    const text::Date date{number(0, 4), number(dashes ? 5 : 4, 2), number(dashes ? 8 : 6, 2)};
    if (!real_day(date)) return std::nullopt;  // moment([y, m, d]) is invalid: no date
    return date;
  }
  return std::nullopt;
}

}  // namespace

std::string filename_format_problem(std::string_view format) {
  bool year = false;
  while (!format.empty()) {
    if (format.front() == '[') {
      const std::size_t close = format.find(']');
      if (close == std::string_view::npos) return "an unclosed '['";
      format.remove_prefix(close + 1);
      continue;
    }
    if (format.front() == '\\' && format.size() > 1) {
      format.remove_prefix(2);
      continue;
    }
    const std::string_view token = token_at(format);
    if (!token.empty()) {
      year = year || token.front() == 'Y';
      format.remove_prefix(token.size());
      continue;
    }
    if (is_letter(format.front())) {
      return std::string("'") + format.front() + "', which kb does not read in a file name";
    }
    format.remove_prefix(1);
  }
  if (!year) return "no year (moment would take today's)";
  return {};
}

std::optional<text::Date> parse_with_moment_format(std::string_view text, std::string_view format) {
  std::optional<int> year, month, day, weekday;
  while (!format.empty()) {
    std::string_view literal;
    if (format.front() == '[') {
      const std::size_t close = format.find(']');
      if (close == std::string_view::npos) return std::nullopt;
      literal = format.substr(1, close - 1);
      format.remove_prefix(close + 1);
    } else if (format.front() == '\\' && format.size() > 1) {
      literal = format.substr(1, 1);
      format.remove_prefix(2);
    } else if (const std::string_view token = token_at(format); !token.empty()) {
      format.remove_prefix(token.size());
      std::optional<int> value;
      if (token == "YYYY") {
        value = year = digits(text, 4, 4);
      } else if (token == "YY") {
        // moment's parseTwoDigitYear: 69..99 are 1900s, 00..68 2000s.
        if ((value = digits(text, 2, 2))) year = *value + (*value > 68 ? 1900 : 2000);
      } else if (token == "MMMM" || token == "MMM") {
        if ((value = name(text, kMonths, token == "MMM" ? 3 : 0))) month = *value + 1;
      } else if (token == "MM" || token == "M") {
        value = month = digits(text, token.size(), 2);
      } else if (token == "DD" || token == "D") {
        value = day = digits(text, token.size(), 2);
      } else if (token == "Do") {
        // The English ordinal: /\d{1,2}(th|st|nd|rd)/.
        if ((value = day = digits(text, 1, 2))) {
          bool suffix = false;
          for (const std::string_view s : {"th", "st", "nd", "rd"}) {
            if (!suffix && text.starts_with(s)) {
              text.remove_prefix(2);
              suffix = true;
            }
          }
          if (!suffix) return std::nullopt;
        }
      } else {  // dddd, ddd, dd
        value = weekday = name(text, kWeekdays, token == "dddd" ? 0 : token.size());
      }
      if (!value) return std::nullopt;
      continue;
    } else {
      literal = format.substr(0, 1);
      format.remove_prefix(1);
    }
    if (!text.starts_with(literal)) return std::nullopt;
    text.remove_prefix(literal.size());
  }
  // Strict: nothing may be left over. Missing parts after the year are
  // January and the 1st, as moment fills them.
  if (!text.empty() || !year) return std::nullopt;
  const text::Date date{*year, month.value_or(1), day.value_or(1)};
  if (!real_day(date)) return std::nullopt;
  // 1970-01-01 was a Thursday; moment marks a wrong weekday invalid.
  if (weekday && (date.days_since_epoch() % 7 + 7 + 4) % 7 != *weekday) return std::nullopt;
  return date;
}

std::optional<text::Date> filename_date(std::string_view path, const Settings& settings) {
  if (!settings.use_filename_as_scheduled_date) return std::nullopt;
  if (!in_folders(path, settings.filename_as_date_folders)) return std::nullopt;
  const std::size_t slash = path.rfind('/');
  const std::size_t first = slash == std::string_view::npos ? 0 : slash + 1;
  const std::size_t dot = path.rfind('.');
  // JavaScript's substring(first, last) swaps its ends when last < first.
  const std::size_t last = dot == std::string_view::npos ? 0 : dot;
  const std::string_view basename =
      last >= first ? path.substr(first, last - first) : path.substr(last, first - last);
  const std::string_view format = settings.filename_as_scheduled_date_format;
  if (!format.empty() && filename_format_problem(format).empty()) {
    if (auto date = parse_with_moment_format(basename, format)) return date;
  }
  if (auto date = first_date(basename, true)) return date;
  // Only when no YYYY-MM-DD matched at all, valid or not.
  for (std::size_t i = 0; i + 10 <= basename.size(); ++i) {
    if (is_digit(basename[i]) && basename[i + 4] == '-' && basename[i + 7] == '-' &&
        is_digit(basename[i + 1]) && is_digit(basename[i + 2]) && is_digit(basename[i + 3]) &&
        is_digit(basename[i + 5]) && is_digit(basename[i + 6]) && is_digit(basename[i + 8]) &&
        is_digit(basename[i + 9])) {
      return std::nullopt;
    }
  }
  return first_date(basename, false);
}

}  // namespace kb::tasks
