#pragma once
// Without the u or v flag a JavaScript pattern matches UTF-16 code units,
// not code points: `.` and `[^a]` match half of an emoji, and `i` compares
// units by Canonicalize (ECMA-262 22.2.2.7.3: a unit's toUpperCase when
// that is one unit, and never a non-ASCII unit's ASCII one). kb runs such
// patterns with PCRE2's 16-bit library, without UTF, and writes every class
// out as the set of units JavaScript's class matches.
#include <bitset>
#include <string>

namespace kb::tasks::js {

// JavaScript's Canonicalize of one code unit without u or v.
char16_t canonicalize(char16_t unit);

class UnitSet {
 public:
  // The units lo..hi (both below 0x10000).
  void add(char32_t lo, char32_t hi);
  // A class escape's units: kind is one of d D w W s S.
  void add_escape(char kind);
  // With i: every unit whose Canonicalize is a member's.
  void close_over_case();
  void invert() { bits_.flip(); }
  // As PCRE2 text: "(?!)" when empty, else one literal or a class.
  std::string pcre2() const;

 private:
  std::bitset<0x10000> bits_;
};

}  // namespace kb::tasks::js
