#pragma once
// The tokens of the rrule library's English grammar (rrule 2.8, i18n.ts and
// src/nlp/parsetext.ts's Parser), which the Tasks plugin reads 🔁 rules
// with: a tokenizer that takes the longest token at each step.
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string_view>

namespace kb::tasks::rrule {

inline char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Case-insensitive prefix test.
inline bool starts_with_word(std::string_view text, std::string_view word) {
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

struct Token {
  Sym sym = Sym::None;
  std::size_t length = 0;
  long long number = 0;  // Number and Nth: the value
};

// The longest token at the start of `text` (ties: the earlier token).
Token longest_token(std::string_view text);

// The grammar's failure: the rule is not one rrule reads.
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

}  // namespace kb::tasks::rrule
