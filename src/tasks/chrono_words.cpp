#include "chrono_words.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <utility>
#include <vector>

namespace kb::tasks::chrono {
namespace {

template <typename T>
struct Word {
  std::string_view word;
  T value;
};

constexpr std::array<Word<int>, 25> kWeekdays = {{
    {"sunday", 0}, {"sun", 0},     {"sun.", 0},     {"monday", 1}, {"mon", 1},
    {"mon.", 1},   {"tuesday", 2}, {"tue", 2},      {"tue.", 2},   {"wednesday", 3},
    {"wed", 3},    {"wed.", 3},    {"thursday", 4}, {"thurs", 4},  {"thurs.", 4},
    {"thur", 4},   {"thur.", 4},   {"thu", 4},      {"thu.", 4},   {"friday", 5},
    {"fri", 5},    {"fri.", 5},    {"saturday", 6}, {"sat", 6},    {"sat.", 6},
}};

constexpr std::array<Word<int>, 36> kMonths = {{
    {"january", 1},   {"february", 2},  {"march", 3},  {"april", 4},     {"may", 5},
    {"june", 6},      {"july", 7},      {"august", 8}, {"september", 9}, {"october", 10},
    {"november", 11}, {"december", 12}, {"jan", 1},    {"jan.", 1},      {"feb", 2},
    {"feb.", 2},      {"mar", 3},       {"mar.", 3},   {"apr", 4},       {"apr.", 4},
    {"jun", 6},       {"jun.", 6},      {"jul", 7},    {"jul.", 7},      {"aug", 8},
    {"aug.", 8},      {"sep", 9},       {"sep.", 9},   {"sept", 9},      {"sept.", 9},
    {"oct", 10},      {"oct.", 10},     {"nov", 11},   {"nov.", 11},     {"dec", 12},
    {"dec.", 12},
}};
constexpr std::size_t kFullMonthNames = 12;

constexpr std::array<Word<int>, 12> kIntegers = {{{"one", 1},
                                                  {"two", 2},
                                                  {"three", 3},
                                                  {"four", 4},
                                                  {"five", 5},
                                                  {"six", 6},
                                                  {"seven", 7},
                                                  {"eight", 8},
                                                  {"nine", 9},
                                                  {"ten", 10},
                                                  {"eleven", 11},
                                                  {"twelve", 12}}};

constexpr std::array<Word<int>, 41> kOrdinals = {{
    {"first", 1},           {"second", 2},          {"third", 3},          {"fourth", 4},
    {"fifth", 5},           {"sixth", 6},           {"seventh", 7},        {"eighth", 8},
    {"ninth", 9},           {"tenth", 10},          {"eleventh", 11},      {"twelfth", 12},
    {"thirteenth", 13},     {"fourteenth", 14},     {"fifteenth", 15},     {"sixteenth", 16},
    {"seventeenth", 17},    {"eighteenth", 18},     {"nineteenth", 19},    {"twentieth", 20},
    {"twenty first", 21},   {"twenty-first", 21},   {"twenty second", 22}, {"twenty-second", 22},
    {"twenty third", 23},   {"twenty-third", 23},   {"twenty fourth", 24}, {"twenty-fourth", 24},
    {"twenty fifth", 25},   {"twenty-fifth", 25},   {"twenty sixth", 26},  {"twenty-sixth", 26},
    {"twenty seventh", 27}, {"twenty-seventh", 27}, {"twenty eighth", 28}, {"twenty-eighth", 28},
    {"twenty ninth", 29},   {"twenty-ninth", 29},   {"thirtieth", 30},     {"thirty first", 31},
    {"thirty-first", 31},
}};

constexpr std::array<Word<Unit>, 25> kTimeUnits = {{
    {"sec", Unit::Second},     {"second", Unit::Second},   {"seconds", Unit::Second},
    {"min", Unit::Minute},     {"mins", Unit::Minute},     {"minute", Unit::Minute},
    {"minutes", Unit::Minute}, {"h", Unit::Hour},          {"hr", Unit::Hour},
    {"hrs", Unit::Hour},       {"hour", Unit::Hour},       {"hours", Unit::Hour},
    {"day", Unit::Day},        {"days", Unit::Day},        {"week", Unit::Week},
    {"weeks", Unit::Week},     {"month", Unit::Month},     {"months", Unit::Month},
    {"qtr", Unit::Quarter},    {"quarter", Unit::Quarter}, {"quarters", Unit::Quarter},
    {"y", Unit::Year},         {"yr", Unit::Year},         {"year", Unit::Year},
    {"years", Unit::Year},
}};

// matchAnyPattern: the words, longest first (a stable sort), dots escaped.
template <typename Words>
std::string alternation(const Words& words, std::size_t count = ~std::size_t{0}) {
  std::vector<std::string_view> sorted;
  for (const auto& w : words) {
    if (sorted.size() == count) break;
    if (!w.word.empty()) sorted.push_back(w.word);
  }
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
  std::string out = "(?:";
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (i > 0) out += '|';
    for (char c : sorted[i]) {
      if (c == '.') out += '\\';
      out += c;
    }
  }
  out += ')';
  return out;
}

template <typename Words, typename T>
T look_up(const Words& words, std::string_view word, T missing) {
  const std::string key = lower(word);
  for (const auto& w : words) {
    if (!w.word.empty() && w.word == key) return w.value;
  }
  return missing;
}

// repeatedTimeunitPattern: the single pattern with its groups made non-capturing.
std::string without_groups(std::string_view pattern) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    out += pattern[i];
    if (pattern[i] == '(' && (i + 1 >= pattern.size() || pattern[i + 1] != '?') &&
        (i == 0 || pattern[i - 1] != '\\')) {
      out += "?:";
    }
  }
  return out;
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

}  // namespace

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

const std::string& weekday_words() {
  static const std::string words = alternation(kWeekdays);
  return words;
}

const std::string& month_words() {
  static const std::string words = alternation(kMonths);
  return words;
}

const std::string& time_unit_words() {
  static const std::string words = alternation(kTimeUnits);
  return words;
}

const std::string& number_pattern() {
  static const std::string pattern =
      "(?:" + alternation(kIntegers).substr(3, alternation(kIntegers).size() - 4) +
      R"(|[0-9]+|[0-9]+\.[0-9]+|half(?:\s{0,2}an?)?|an?\b(?:\s{0,2}few)?|few|several|a?\s{0,2}couple\s{0,2}(?:of)?))";
  return pattern;
}

const std::string& ordinal_number_pattern() {
  static const std::string pattern =
      "(?:" + alternation(kOrdinals).substr(3, alternation(kOrdinals).size() - 4) +
      "|[0-9]{1,2}(?:st|nd|rd|th)?)";
  return pattern;
}

const std::string& year_pattern() {
  static const std::string pattern =
      R"((?:[1-9][0-9]{0,3}\s{0,2}(?:BE|AD|BC|BCE|CE)|[1-2][0-9]{3}|[5-9][0-9]))";
  return pattern;
}

const std::string& single_time_unit_pattern() {
  static const std::string pattern =
      "(" + number_pattern() + R"()\s{0,3}()" + time_unit_words() + ")";
  return pattern;
}

const std::string& time_units_pattern() {
  static const std::string pattern = [] {
    const std::string single = without_groups(single_time_unit_pattern());
    return R"((?:(?:about|around)\s{0,3})?)" + single + R"(\s{0,5}(?:,?\s{0,5})" + single +
           "){0,10}";
  }();
  return pattern;
}

int weekday_value(std::string_view word) {
  return look_up(kWeekdays, word, 0);
}

int month_value(std::string_view word) {
  return look_up(kMonths, word, 1);
}

bool is_full_month_name(std::string_view word) {
  const std::string key = lower(word);
  for (std::size_t i = 0; i < kFullMonthNames; ++i) {
    if (kMonths[i].word == key) return true;
  }
  return false;
}

Unit time_unit_value(std::string_view word) {
  return look_up(kTimeUnits, word, Unit::Day);
}

double number_value(std::string_view text) {
  const std::string num = lower(text);
  for (const auto& w : kIntegers) {
    if (w.word == num) return w.value;
  }
  if (num == "a" || num == "an") return 1;
  if (contains(num, "few")) return 3;
  if (contains(num, "half")) return 0.5;
  if (contains(num, "couple")) return 2;
  if (contains(num, "several")) return 7;
  return std::strtod(num.c_str(), nullptr);  // parseFloat: the digits are all there is
}

int ordinal_value(std::string_view text) {
  std::string num = lower(text);
  for (const auto& w : kOrdinals) {
    if (!w.word.empty() && w.word == num) return w.value;
  }
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (num.size() > suffix.size() && num.compare(num.size() - 2, 2, suffix) == 0) {
      num.resize(num.size() - 2);
      break;
    }
  }
  return std::atoi(num.c_str());
}

std::int64_t most_likely_ad_year(std::int64_t year) {
  if (year < 100) return year > 50 ? year + 1900 : year + 2000;
  return year;
}

std::int64_t year_value(std::string_view text) {
  const std::string upper = [&] {
    std::string out(text);
    for (char& c : out) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    }
    return out;
  }();
  const std::int64_t digits = std::atoll(upper.c_str());  // parseInt: the leading digits
  if (contains(upper, "BE")) return digits - 543;         // Buddhist Era
  if (contains(upper, "BC")) return -digits;
  if (contains(upper, "AD") || contains(upper, "CE")) return digits;
  return most_likely_ad_year(digits);
}

std::int64_t year_closest_to(Instant reference, int day, int month) {
  const Fields ref = fields_of(reference);
  Instant date =
      add(reference, month - ref.month, Unit::Month);  // dayjs month(): day kept or clamped
  const Fields f = fields_of(date);
  date = make_instant(f.year, f.month, day, f.hour, f.minute, f.second,
                      f.millisecond);  // date(): rolls over
  date = add(date, static_cast<double>(ref.year - fields_of(date).year), Unit::Year);
  const Instant next = add(date, 1, Unit::Year), last = add(date, -1, Unit::Year);
  // dayjs's diff: the time between the moments, which daylight saving changes.
  const auto distance = [moment = utc_of_local(reference)](Instant i) {
    const std::int64_t at = utc_of_local(i);
    return at > moment ? at - moment : moment - at;
  };
  if (distance(next) < distance(date)) return fields_of(next).year;
  if (distance(last) < distance(date)) return fields_of(last).year;
  return fields_of(date).year;
}

}  // namespace kb::tasks::chrono
