#pragma once
// The lexical half of reading a JavaScript pattern (js_regex.hpp): a cursor
// over the pattern that keeps V8's first error, and the escapes, read as
// V8 reads them (\x \u \c, legacy octal, identity escapes, \p{...}) and
// written back as PCRE2 text.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "js_regex.hpp"
#include "kb/text/unicode.hpp"

namespace kb::tasks::js {

// JavaScript's WhiteSpace and LineTerminator: what \s matches (PCRE2's \s
// without UCP is ASCII only), as the inside of a PCRE2 class.
constexpr std::string_view kJsSpaces =
    "\\t\\n\\x{0b}\\f\\r\\x{20}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}"
    "\\x{205f}\\x{3000}\\x{feff}";
// What `.` does not match without the s flag, and where ^ and $ match with m.
constexpr std::string_view kLineTerminators = "\\n\\r\\x{2028}\\x{2029}";

inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
inline bool is_surrogate(char32_t c) {
  return c >= 0xD800 && c <= 0xDFFF;
}

// One code point as PCRE2 reads it literally, in or out of a class.
void append_literal(std::string& out, char32_t c);

// The pattern as the UTF-16 units JavaScript reads without u: each
// character outside the BMP written as its two surrogates, each surrogate
// in UTF-8's three-byte form (which next_code_point reads back).
std::string as_code_units(std::string_view pattern);

// ID_Start / ID_Continue for group names, approximated with kb's word
// characters outside ASCII.
bool is_name_start(char32_t c);
bool is_name_part(char32_t c);

class PatternReader {
 public:
  PatternReader(std::string_view pattern, JsRegexFlags flags) : p_(pattern), flags_(flags) {}

 protected:
  bool at_end() const { return i_ >= p_.size(); }
  char peek(std::size_t ahead = 0) const { return i_ + ahead < p_.size() ? p_[i_ + ahead] : '\0'; }
  // Keeps the first error, as V8 reports the first; always false.
  bool fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
    return false;
  }
  // The next code point; without u the next UTF-16 unit, the pattern
  // having its surrogates spelt out (as_code_units).
  char32_t next_code_point();

  // A character escape at i_ ('\'), consumed: its code point; nothing on
  // error. (\f \n \r \t \v, \c, \0, legacy octal, \x, \u, identity escapes.)
  std::optional<char32_t> escaped_char(bool in_class);
  // A legacy octal escape (Annex B) at i_, after the backslash: up to three
  // octal digits, at most 0377.
  char32_t legacy_octal();
  // \p{...} or \P{...} at i_, with u: the same property in PCRE2's
  // spelling (a class escape, valid inside a class too); nothing on error
  // (V8's message says when it was in a class).
  std::optional<std::string> property(bool in_class);
  // One code point outside a class, as JavaScript matches it.
  void literal(std::string& to, char32_t c) const;

  std::string_view p_;
  JsRegexFlags flags_;
  std::size_t i_ = 0;
  std::string error_;

 private:
  std::optional<char32_t> hex_escape(char kind);
};

}  // namespace kb::tasks::js
