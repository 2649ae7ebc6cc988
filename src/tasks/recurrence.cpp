// Recurrence rules as the plugin reads them: Recurrence.fromText takes
// `^([a-zA-Z0-9, !]+?)( when done)?$`, hands the rule to the rrule library's
// English parser (rrule 2.8, src/nlp/parsetext.ts) and shows it with rrule's
// toText (src/nlp/totext.ts). This is that parser and that text, written
// again: a tokenizer that takes the longest token at each step, a
// recursive-descent reader of the grammar, and the text of the options read.
#include "kb/tasks/recurrence.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <initializer_list>
#include <stdexcept>
#include <vector>

#include "kb/text/date.hpp"
#include "kb/text/unicode.hpp"

namespace kb::tasks {
namespace {

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Case-insensitive prefix test.
bool starts_with_word(std::string_view text, std::string_view word) {
  if (text.size() < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (lower(text[i]) != word[i]) return false;
  }
  return true;
}

// The tokens of rrule's English grammar (i18n.ts), in its order: a tie in
// length goes to the earlier one.
enum class Sym {
  Skip,
  Number,
  NumberAsText,
  Every,
  Days,
  Weekdays,
  Weeks,
  Hours,
  Minutes,
  Months,
  Years,
  On,
  At,
  The,
  First,
  Second,
  Third,
  Nth,
  Last,
  For,
  Times,
  Until,
  Monday,
  Tuesday,
  Wednesday,
  Thursday,
  Friday,
  Saturday,
  Sunday,
  January,
  February,
  March,
  April,
  May,
  June,
  July,
  August,
  September,
  October,
  November,
  December,
  Comma,
  None
};

struct WordToken {
  Sym sym;
  std::initializer_list<std::string_view> forms;  // what the regex accepts, in lower case
};

// The word tokens; a regex like /^mo(n(day)?)?/i accepts exactly these forms,
// and takes the longest one that the text starts with.
const std::array<WordToken, 38>& word_tokens() {
  static const std::array<WordToken, 38> kTokens = {{
      {Sym::NumberAsText, {"one", "two", "three"}},
      {Sym::Every, {"every"}},
      {Sym::Days, {"day", "days"}},
      {Sym::Weekdays, {"weekday", "weekdays"}},
      {Sym::Weeks, {"week", "weeks"}},
      {Sym::Hours, {"hour", "hours"}},
      {Sym::Minutes, {"minute", "minutes"}},
      {Sym::Months, {"month", "months"}},
      {Sym::Years, {"year", "years"}},
      {Sym::On, {"on", "in"}},
      {Sym::At, {"at"}},
      {Sym::The, {"the"}},
      {Sym::First, {"first"}},
      {Sym::Second, {"second"}},
      {Sym::Third, {"third"}},
      {Sym::Nth, {}},  // digits and a suffix, below
      {Sym::Last, {"last"}},
      {Sym::For, {"for"}},
      {Sym::Times, {"time", "times"}},
      {Sym::Until, {"until", "til"}},
      {Sym::Monday, {"mo", "mon", "monday"}},
      {Sym::Tuesday, {"tu", "tue", "tues", "tuesday"}},
      {Sym::Wednesday, {"we", "wed", "wedn", "wednesday"}},
      {Sym::Thursday, {"th", "thu", "thur", "thursday"}},
      {Sym::Friday, {"fr", "fri", "friday"}},
      {Sym::Saturday, {"sa", "sat", "saturday"}},
      {Sym::Sunday, {"su", "sun", "sunday"}},
      {Sym::January, {"jan", "january"}},
      {Sym::February, {"feb", "february"}},
      {Sym::March, {"mar", "march"}},
      {Sym::April, {"apr", "april"}},
      {Sym::May, {"may"}},
      {Sym::June, {"jun", "june"}},
      {Sym::July, {"jul", "july"}},
      {Sym::August, {"aug", "august"}},
      {Sym::September, {"sep", "sept", "september"}},
      {Sym::October, {"oct", "october"}},
      {Sym::November, {"nov", "november"}},
  }};
  return kTokens;
}

std::size_t digits_at(std::string_view text) {
  if (text.empty() || text[0] < '1' || text[0] > '9') return 0;
  std::size_t n = 1;
  while (n < text.size() && is_digit(text[n])) ++n;
  return n;
}

// JavaScript's \s, for the comma token's `\s*`.
std::size_t js_space_length(std::string_view text) {
  std::size_t next = 0;
  const char32_t c = text::decode_utf8(text, next);
  const bool space = c == U'\t' || c == U'\n' || c == U'\v' || c == U'\f' || c == U'\r' ||
                     c == U' ' || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
                     c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 ||
                     c == 0xFEFF;
  return space ? next : 0;
}

struct Token {
  Sym sym = Sym::None;
  std::size_t length = 0;
  long long number = 0;  // Number and Nth: the value
};

// The longest token at the start of `text` (ties: the earlier token).
Token longest_token(std::string_view text) {
  Token best;
  const auto offer = [&](Sym sym, std::size_t length, long long number = 0) {
    if (length > best.length) best = Token{sym, length, number};
  };
  // SKIP: /^[ \r\n\t]+|^\.$/
  std::size_t blanks = 0;
  while (blanks < text.size() &&
         std::string_view(" \r\n\t").find(text[blanks]) != std::string_view::npos) {
    ++blanks;
  }
  offer(Sym::Skip, blanks > 0 ? blanks : (text == "." ? 1 : 0));
  // number: /^[1-9][0-9]*/ (capped where JavaScript's numbers stop being exact)
  const std::size_t digits = digits_at(text);
  long long value = 0;
  for (std::size_t i = 0; i < digits; ++i) {
    value = std::min(value * 10 + (text[i] - '0'), 1'000'000'000'000'000LL);
  }
  offer(Sym::Number, digits, value);
  for (const WordToken& token : word_tokens()) {
    if (token.sym == Sym::Nth) {
      // nth: /^([1-9][0-9]*)(\.|th|nd|rd|st)/i
      if (digits == 0 || digits >= text.size()) continue;
      const std::string_view rest = text.substr(digits);
      std::size_t suffix = rest[0] == '.' ? 1 : 0;
      for (std::string_view s : {"th", "nd", "rd", "st"}) {
        if (suffix == 0 && starts_with_word(rest, s)) suffix = 2;
      }
      if (suffix > 0) offer(Sym::Nth, digits + suffix, value);
      continue;
    }
    std::size_t length = 0;
    for (std::string_view form : token.forms) {
      if (form.size() > length && starts_with_word(text, form)) length = form.size();
    }
    offer(token.sym, length);
  }
  // december after november, then comma: /^(,\s*|(and|or)\s*)+/i
  offer(Sym::December,
        starts_with_word(text, "december") ? 8 : (starts_with_word(text, "dec") ? 3 : 0));
  std::size_t comma = 0;
  for (;;) {
    std::size_t step = 0;
    const std::string_view rest = text.substr(comma);
    if (!rest.empty() && rest[0] == ',') {
      step = 1;
    } else if (starts_with_word(rest, "and")) {
      step = 3;
    } else if (starts_with_word(rest, "or")) {
      step = 2;
    }
    if (step == 0) break;
    comma += step;
    while (comma < text.size()) {
      const std::size_t space = js_space_length(text.substr(comma));
      if (space == 0) break;
      comma += space;
    }
  }
  offer(Sym::Comma, comma);
  return best;
}

struct ParseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// rrule's Parser: the current symbol and the text after it.
class Tokens {
 public:
  explicit Tokens(std::string_view text) : text_(text) {}

  bool start() {
    done_ = false;
    return next();
  }

  bool is_done() const { return done_ && sym_ == Sym::None; }
  Sym sym() const { return sym_; }
  long long number() const { return number_; }
  std::string_view rest() const { return text_; }

  // nextSymbol(): false at the end, or when no token matches (which ends the text).
  bool next() {
    sym_ = Sym::None;
    has_value_ = false;
    Token best;
    do {
      if (done_) return false;
      best = longest_token(text_);
      if (best.length == 0) {
        done_ = true;
        return false;
      }
      text_.remove_prefix(best.length);
      if (text_.empty()) done_ = true;
    } while (best.sym == Sym::Skip);
    sym_ = best.sym;
    number_ = best.number;
    has_value_ = true;
    return true;
  }

  bool accept(Sym sym) {
    if (sym_ != sym) return false;
    next();
    return true;
  }

  // acceptNumber(): the number, or nothing.
  std::optional<long long> accept_number() {
    if (sym_ != Sym::Number) return std::nullopt;
    const long long n = number_;
    next();
    return n;
  }

  void expect(Sym sym) {
    if (!accept(sym)) throw ParseError("expected a token");
  }

  bool has_value() const { return has_value_; }

 private:
  std::string_view text_;
  Sym sym_ = Sym::None;
  long long number_ = 0;
  bool has_value_ = false;
  bool done_ = true;
};

enum class Freq { Yearly, Monthly, Weekly, Daily, Hourly, Minutely };

struct Weekday {
  int day = 0;  // 0 Monday .. 6 Sunday
  int n = 0;    // 0: every such day; else the n-th (negative: from the end)
};

// The options parseText sets (rrule's Options), each present or not.
struct Options {
  std::optional<long long> interval;
  Freq freq = Freq::Daily;
  std::optional<std::vector<Weekday>> byweekday;
  std::optional<std::vector<int>> bymonthday;
  std::optional<std::vector<int>> bymonth;
  std::optional<std::vector<long long>> byweekno;
  std::optional<std::vector<long long>> byhour;
  std::optional<long long> count;
  std::optional<text::Date> until;
};

std::optional<int> weekday_of(Sym sym) {
  if (sym < Sym::Monday || sym > Sym::Sunday) return std::nullopt;
  return static_cast<int>(sym) - static_cast<int>(Sym::Monday);
}

std::optional<int> month_of(Sym sym) {
  if (sym < Sym::January || sym > Sym::December) return std::nullopt;
  return static_cast<int>(sym) - static_cast<int>(Sym::January) + 1;
}

// The few date forms an `until` takes here (the rule text has letters,
// digits, spaces and commas): "January 1, 2025", "Jan 1 2025", "1 January 2025".
std::optional<text::Date> until_date(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == ',')) ++i;
    const std::size_t begin = i;
    while (i < text.size() && text[i] != ' ' && text[i] != ',') ++i;
    if (i > begin) words.push_back(text.substr(begin, i - begin));
  }
  if (words.size() != 3) return std::nullopt;
  const auto number = [](std::string_view w) -> std::optional<int> {
    if (w.empty() || w.size() > 4) return std::nullopt;
    int v = 0;
    for (char c : w) {
      if (!is_digit(c)) return std::nullopt;
      v = v * 10 + (c - '0');
    }
    return v;
  };
  const auto month = [](std::string_view w) -> std::optional<int> {
    const Token t = longest_token(w);
    if (t.length != w.size()) return std::nullopt;
    return month_of(t.sym);
  };
  std::optional<int> m = month(words[0]), d = number(words[1]);
  if (!m) {
    d = number(words[0]);
    m = month(words[1]);
  }
  const std::optional<int> y = number(words[2]);
  if (!m || !d || !y || words[2].size() != 4) return std::nullopt;
  if (*d > 99) return std::nullopt;
  return text::parse_iso_date(text::Date{*y, *m, *d}.iso());
}

// parsetext.ts, function by function.
class Reader {
 public:
  explicit Reader(std::string_view text) : t_(text) {}

  std::optional<Options> read() {
    if (!t_.start()) return std::nullopt;
    S();
    return o_;
  }

 private:
  void S() {
    t_.expect(Sym::Every);
    if (auto n = t_.accept_number()) o_.interval = *n;
    if (t_.is_done()) throw ParseError("unexpected end");
    const Sym sym = t_.sym();
    switch (sym) {
      case Sym::Days:
        o_.freq = Freq::Daily;
        if (t_.next()) {
          AT();
          F();
        }
        return;
      case Sym::Weekdays:
        o_.freq = Freq::Weekly;
        o_.byweekday = std::vector<Weekday>{{0}, {1}, {2}, {3}, {4}};
        t_.next();
        AT();
        F();
        return;
      case Sym::Weeks:
        o_.freq = Freq::Weekly;
        if (t_.next()) {
          ON();
          AT();
          F();
        }
        return;
      case Sym::Hours:
      case Sym::Minutes:
      case Sym::Months:
      case Sym::Years:
        o_.freq = sym == Sym::Hours     ? Freq::Hourly
                  : sym == Sym::Minutes ? Freq::Minutely
                  : sym == Sym::Months  ? Freq::Monthly
                                        : Freq::Yearly;
        if (t_.next()) {
          ON();
          F();
        }
        return;
      default:
        break;
    }
    if (auto day = weekday_of(sym)) {
      o_.freq = Freq::Weekly;
      o_.byweekday = std::vector<Weekday>{{*day}};
      if (!t_.next()) return;
      while (t_.accept(Sym::Comma)) {
        if (t_.is_done()) throw ParseError("unexpected end");
        const auto next_day = weekday_of(t_.sym());
        if (!next_day) throw ParseError("expected weekday");
        o_.byweekday->push_back({*next_day});
        t_.next();
      }
      AT();
      MDAYs();
      F();
      return;
    }
    if (auto month = month_of(sym)) {
      o_.freq = Freq::Yearly;
      o_.bymonth = std::vector<int>{*month};
      if (!t_.next()) return;
      while (t_.accept(Sym::Comma)) {
        if (t_.is_done()) throw ParseError("unexpected end");
        const auto next_month = month_of(t_.sym());
        if (!next_month) throw ParseError("expected month");
        o_.bymonth->push_back(*next_month);
        t_.next();
      }
      ON();
      F();
      return;
    }
    throw ParseError("unknown symbol");
  }

  void ON() {
    const bool on = t_.accept(Sym::On);
    const bool the = t_.accept(Sym::The);
    if (!(on || the)) return;
    do {
      const int nth = decode_nth();
      const auto wkd = weekday_of(t_.sym());
      const auto m = month_of(t_.sym());
      if (nth != 0) {
        if (wkd) {
          t_.next();
          add_weekday({*wkd, nth});
        } else {
          if (!o_.bymonthday) o_.bymonthday.emplace();
          o_.bymonthday->push_back(nth);
          t_.accept(Sym::Days);
        }
      } else if (wkd) {
        t_.next();
        add_weekday({*wkd});
      } else if (t_.sym() == Sym::Weekdays) {
        t_.next();
        if (!o_.byweekday) o_.byweekday = std::vector<Weekday>{{0}, {1}, {2}, {3}, {4}};
      } else if (t_.sym() == Sym::Weeks) {
        t_.next();
        auto n = t_.accept_number();
        if (!n) throw ParseError("expected week number");
        o_.byweekno = std::vector<long long>{*n};
        while (t_.accept(Sym::Comma)) {
          n = t_.accept_number();
          if (!n) throw ParseError("expected monthday");
          o_.byweekno->push_back(*n);
        }
      } else if (m) {
        t_.next();
        if (!o_.bymonth) o_.bymonth.emplace();
        o_.bymonth->push_back(*m);
      } else {
        return;
      }
    } while (t_.accept(Sym::Comma) || t_.accept(Sym::The) || t_.accept(Sym::On));
  }

  void add_weekday(Weekday w) {
    if (!o_.byweekday) o_.byweekday.emplace();
    o_.byweekday->push_back(w);
  }

  void AT() {
    if (!t_.accept(Sym::At)) return;
    do {
      auto n = t_.accept_number();
      if (!n) throw ParseError("expected hour");
      o_.byhour = std::vector<long long>{*n};
      while (t_.accept(Sym::Comma)) {
        n = t_.accept_number();
        if (!n) throw ParseError("expected hour");
        o_.byhour->push_back(*n);
      }
    } while (t_.accept(Sym::Comma) || t_.accept(Sym::At));
  }

  // decodeNTH(): 0 when the symbol is no ordinal; it moves past ordinals.
  int decode_nth() {
    switch (t_.sym()) {
      case Sym::Last:
        t_.next();
        return -1;
      case Sym::First:
        t_.next();
        return 1;
      case Sym::Second:
        t_.next();
        return t_.accept(Sym::Last) ? -2 : 2;
      case Sym::Third:
        t_.next();
        return t_.accept(Sym::Last) ? -3 : 3;
      case Sym::Nth: {
        const auto v = static_cast<int>(std::min(t_.number(), 367LL));
        if (v > 366) throw ParseError("nth out of range");
        t_.next();
        return t_.accept(Sym::Last) ? -v : v;
      }
      default:
        return 0;
    }
  }

  void MDAYs() {
    t_.accept(Sym::On);
    t_.accept(Sym::The);
    int nth = decode_nth();
    if (nth == 0) return;
    o_.bymonthday = std::vector<int>{nth};
    t_.next();
    while (t_.accept(Sym::Comma)) {
      nth = decode_nth();
      if (nth == 0) throw ParseError("expected monthday");
      o_.bymonthday->push_back(nth);
      t_.next();
    }
  }

  void F() {
    if (t_.sym() == Sym::Until) {
      auto date = until_date(t_.rest());
      if (!date) throw ParseError("cannot parse until date");
      o_.until = date;
    } else if (t_.accept(Sym::For)) {
      if (t_.sym() != Sym::Number) throw ParseError("expected number");
      o_.count = t_.number();
      t_.expect(Sym::Number);
    }
  }

  Tokens t_;
  Options o_;
};

// ---- totext.ts --------------------------------------------------------------

constexpr std::array<std::string_view, 7> kDayNames = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

bool plural(long long n) {
  return n % 100 != 1;
}

std::string nth_text(int n) {
  if (n == -1) return "last";
  const int npos = n < 0 ? -n : n;
  std::string s = std::to_string(npos);
  switch (npos) {
    case 1:
    case 21:
    case 31:
      s += "st";
      break;
    case 2:
    case 22:
      s += "nd";
      break;
    case 3:
    case 23:
      s += "rd";
      break;
    default:
      s += "th";
  }
  return n < 0 ? s + " last" : s;
}

std::string weekday_text(const Weekday& w) {
  return (w.n != 0 ? nth_text(w.n) + " " : std::string()) +
         std::string(kDayNames[static_cast<std::size_t>(w.day)]);
}

// "a, b and c" with a final delimiter; "a, b, c" without.
std::string list(const std::vector<std::string>& items, std::string_view final_delim = {}) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i != 0) {
      if (!final_delim.empty() && i == items.size() - 1) {
        out += " ";
        out += final_delim;
        out += " ";
      } else {
        out += ", ";
      }
    }
    out += items[i];
  }
  return out;
}

class Text {
 public:
  explicit Text(const Options& o) : o_(o), interval_(o.interval.value_or(1LL)) {
    if (o.bymonthday) {
      std::vector<int> positive, negative;
      for (int d : *o.bymonthday) (d > 0 ? positive : negative).push_back(d);
      std::stable_sort(positive.begin(), positive.end());
      std::stable_sort(negative.begin(), negative.end(), [](int a, int b) { return a > b; });
      positive.insert(positive.end(), negative.begin(), negative.end());
      if (!positive.empty()) bymonthday_ = positive;
    }
    if (o.byweekday) {
      std::vector<Weekday> all, some;
      bool has[7] = {};
      for (const Weekday& w : *o.byweekday) {
        (w.n == 0 ? all : some).push_back(w);
        has[w.day] = true;
      }
      const auto by_day = [](const Weekday& a, const Weekday& b) { return a.day < b.day; };
      std::stable_sort(all.begin(), all.end(), by_day);
      std::stable_sort(some.begin(), some.end(), by_day);
      if (!all.empty()) all_weeks_ = all;
      if (!some.empty()) some_weeks_ = some;
      is_weekdays_ = has[0] && has[1] && has[2] && has[3] && has[4] && !has[5] && !has[6];
      is_every_day_ = has[0] && has[1] && has[2] && has[3] && has[4] && has[5] && has[6];
    }
  }

  std::string str() {
    out_ = "every";
    switch (o_.freq) {
      case Freq::Hourly:
        if (interval_ != 1) add(std::to_string(interval_));
        add(plural(interval_) ? "hours" : "hour");
        break;
      case Freq::Minutely:
        if (interval_ != 1) add(std::to_string(interval_));
        add(plural(interval_) ? "minutes" : "minute");
        break;
      case Freq::Daily:
        daily();
        break;
      case Freq::Weekly:
        weekly();
        break;
      case Freq::Monthly:
        monthly();
        break;
      case Freq::Yearly:
        yearly();
        break;
    }
    if (o_.until) {
      add("until");
      add(std::string(kMonthNames[static_cast<std::size_t>(o_.until->month - 1)]) + " " +
          std::to_string(o_.until->day) + ", " + std::to_string(o_.until->year));
    } else if (o_.count) {
      add("for");
      add(std::to_string(*o_.count));
      add(plural(*o_.count) ? "times" : "time");
    }
    return out_;
  }

 private:
  void add(std::string_view s) {
    out_ += ' ';
    out_ += s;
  }

  bool has_weekdays() const { return all_weeks_ || some_weeks_; }

  void daily() {
    if (interval_ != 1) add(std::to_string(interval_));
    if (has_weekdays() && is_weekdays_) {
      add(plural(interval_) ? "weekdays" : "weekday");
    } else {
      add(plural(interval_) ? "days" : "day");
    }
    if (o_.bymonth) {
      add("in");
      by_month();
    }
    if (bymonthday_) {
      by_monthday();
    } else if (has_weekdays()) {
      by_weekday();
    } else if (o_.byhour) {
      by_hour();
    }
  }

  void weekly() {
    if (interval_ != 1) {
      add(std::to_string(interval_));
      add(plural(interval_) ? "weeks" : "week");
    }
    if (has_weekdays() && is_weekdays_) {
      if (interval_ == 1) {
        add(plural(interval_) ? "weekdays" : "weekday");
      } else {
        add("on");
        add("weekdays");
      }
    } else if (has_weekdays() && is_every_day_) {
      add(plural(interval_) ? "days" : "day");
    } else {
      if (interval_ == 1) add("week");
      if (o_.bymonth) {
        add("in");
        by_month();
      }
      if (bymonthday_) {
        by_monthday();
      } else if (has_weekdays()) {
        by_weekday();
      }
      if (o_.byhour) by_hour();
    }
  }

  void monthly() {
    if (o_.bymonth) {
      if (interval_ != 1) {
        add(std::to_string(interval_));
        add("months");
        if (plural(interval_)) add("in");
      }
      by_month();
    } else {
      if (interval_ != 1) add(std::to_string(interval_));
      add(plural(interval_) ? "months" : "month");
    }
    if (bymonthday_) {
      by_monthday();
    } else if (has_weekdays() && is_weekdays_) {
      add("on");
      add("weekdays");
    } else if (has_weekdays()) {
      by_weekday();
    }
  }

  void yearly() {
    if (o_.bymonth) {
      if (interval_ != 1) {
        add(std::to_string(interval_));
        add("years");
      }
      by_month();
    } else {
      if (interval_ != 1) add(std::to_string(interval_));
      add(plural(interval_) ? "years" : "year");
    }
    if (bymonthday_) {
      by_monthday();
    } else if (has_weekdays()) {
      by_weekday();
    }
    if (o_.byweekno) {
      add("in");
      add(plural(static_cast<long long>(o_.byweekno->size())) ? "weeks" : "week");
      std::vector<std::string> weeks;
      for (long long w : *o_.byweekno) weeks.push_back(std::to_string(w));
      add(list(weeks, "and"));
    }
  }

  void by_monthday() {
    std::vector<std::string> days;
    for (int d : *bymonthday_) days.push_back(nth_text(d));
    if (all_weeks_) {
      std::vector<std::string> weekdays;
      for (const Weekday& w : *all_weeks_) weekdays.push_back(weekday_text(w));
      add("on");
      add(list(weekdays, "or"));
      add("the");
      add(list(days, "or"));
    } else {
      add("on the");
      add(list(days, "and"));
    }
  }

  void by_weekday() {
    if (all_weeks_ && !is_weekdays_) {
      std::vector<std::string> weekdays;
      for (const Weekday& w : *all_weeks_) weekdays.push_back(weekday_text(w));
      add("on");
      add(list(weekdays));
    }
    if (some_weeks_) {
      if (all_weeks_) add("and");
      std::vector<std::string> weekdays;
      for (const Weekday& w : *some_weeks_) weekdays.push_back(weekday_text(w));
      add("on the");
      add(list(weekdays, "and"));
    }
  }

  void by_hour() {
    std::vector<std::string> hours;
    for (long long h : *o_.byhour) hours.push_back(std::to_string(h));
    add("at");
    add(list(hours, "and"));
  }

  void by_month() {
    std::vector<std::string> months;
    for (int m : *o_.bymonth) months.emplace_back(kMonthNames[static_cast<std::size_t>(m - 1)]);
    add(list(months, "and"));
  }

  const Options& o_;
  long long interval_ = 1;
  std::optional<std::vector<int>> bymonthday_;
  std::optional<std::vector<Weekday>> all_weeks_, some_weeks_;
  bool is_weekdays_ = false, is_every_day_ = false;
  std::string out_;
};

bool is_rule_char(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ',' || c == ' ' ||
         c == '!';
}

}  // namespace

std::optional<std::string> recurrence_rule_text(std::string_view rule) {
  // ^([a-zA-Z0-9, !]+?)( when done)?$ (case-insensitive)
  if (rule.empty() || !std::all_of(rule.begin(), rule.end(), is_rule_char)) return std::nullopt;
  bool when_done = false;
  constexpr std::string_view kWhenDone = " when done";
  if (rule.size() > kWhenDone.size() &&
      starts_with_word(rule.substr(rule.size() - kWhenDone.size()), kWhenDone)) {
    rule.remove_suffix(kWhenDone.size());
    when_done = true;
  }
  while (!rule.empty() && rule.front() == ' ') rule.remove_prefix(1);
  while (!rule.empty() && rule.back() == ' ') rule.remove_suffix(1);
  try {
    const std::optional<Options> options = Reader(rule).read();
    if (!options) return std::nullopt;
    std::string text = Text(*options).str();
    if (when_done) text += " when done";
    return text;
  } catch (const ParseError&) {
    return std::nullopt;  // the plugin: "Could not read recurrence rule"
  }
}

}  // namespace kb::tasks
