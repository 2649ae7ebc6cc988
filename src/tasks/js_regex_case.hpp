#pragma once
// Case-insensitive classes with u or v, as ECMA-262 builds them.
// PCRE2 closes a class's literal characters over case, but not its
// properties: `[\p{Lu}]` under PCRE2_CASELESS still misses "a", where
// JavaScript (ECMA-262 Canonicalize by simple case folding; V8's
// closeOver(USET_SIMPLE_CASE_INSENSITIVE)) matches it. kb works on the
// cased code points only (those with another code point in their simple
// case folding class; about 2,900): whatever has no case matches with or
// without i, so a class is its PCRE2 text for the rest and an explicit set
// of cased code points.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kb::tasks::js {

// Membership of each cased code point, in the order of cased_code_points().
using CasedSet = std::vector<bool>;

// The cased code points, ascending.
const std::vector<char32_t>& cased_code_points();
// A PCRE2 class (its inside, as `[...]` holds it) over all of them.
const std::string& cased_class_text();

// The cased code points a PCRE2 class inside (`\p{Lu}`, `a-z`) holds,
// matched exactly (UTF, without caseless); computed once per text.
CasedSet cased_members(const std::string& class_text);
// The cased code points of the same literal characters, \w, \W...
CasedSet cased_range(char32_t lo, char32_t hi);
// Every code point whose simple case folding class meets `set`.
CasedSet case_closure(const CasedSet& set);
CasedSet complement(const CasedSet& set);
CasedSet operator&(const CasedSet& a, const CasedSet& b);
CasedSet operator|(const CasedSet& a, const CasedSet& b);
// The members as the inside of a PCRE2 class ("" when none).
std::string class_text(const CasedSet& set);

// Simple case folding (CaseFolding.txt statuses C and S).
char32_t simple_fold(char32_t c);

// JavaScript's \w with u or v and i: ASCII word characters and, folding to
// them, U+017F (long s) and U+212A (Kelvin sign); \W its complement. As
// the inside of a PCRE2 class.
std::string unicode_word_text(bool negated);

}  // namespace kb::tasks::js
