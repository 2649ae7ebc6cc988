// rrule's English tokens (i18n.ts): each a regular expression there, a
// list of the forms it accepts here.
#include "rrule_tokens.hpp"

#include <array>
#include <initializer_list>

#include "kb/text/unicode.hpp"

namespace kb::tasks::rrule {
namespace {

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

}  // namespace

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

}  // namespace kb::tasks::rrule
