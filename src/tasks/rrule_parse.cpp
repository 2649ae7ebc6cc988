// rrule's parsetext.ts: a recursive-descent reader of the English grammar
// over rrule_tokens, filling the Options.
#include <algorithm>
#include <vector>

#include "rrule_options.hpp"
#include "rrule_tokens.hpp"

namespace kb::tasks::rrule {
namespace {

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

}  // namespace

std::optional<Options> parse_rule(std::string_view rule) {
  try {
    return Reader(rule).read();
  } catch (const ParseError&) {
    return std::nullopt;
  }
}

}  // namespace kb::tasks::rrule
