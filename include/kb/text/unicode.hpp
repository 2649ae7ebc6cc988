#pragma once
// UTF-8 helpers over utf8proc: the only place that includes utf8proc.h.
#include <cstddef>
#include <string>
#include <string_view>

namespace kb::text {

// NFC + Unicode case folding: how kb compares names, link targets and
// mentions case-insensitively. Invalid UTF-8 is folded bytewise (ASCII
// lower-casing), never rejected. ASCII input takes a fast path.
std::string fold_case(std::string_view s);
// fold_case into `out` (replacing its content, keeping its capacity): a scan
// over many texts folds each without allocating.
void fold_case_into(std::string_view s, std::string& out);
// What fold_case makes of one run of a longer text: a run of non-ASCII bytes
// with the ASCII byte before it, if any (memoised per thread). The view is
// into a memo or `scratch`, valid until the next call.
std::string_view fold_case_run(std::string_view run, std::string& scratch);

// fold_case plus removal of combining marks ("Élodie" -> "elodie"): how a
// user's typed NAME matches a person.
std::string fold_name(std::string_view s);

// NFC normalisation only.
std::string nfc(std::string_view s);

// Decodes one code point at s[i]; advances i. Invalid bytes decode as
// U+FFFD and advance by one, so a scan can never stall.
char32_t decode_utf8(std::string_view s, std::size_t& i);

// Letters, marks and digits (and '_') continue a word; everything else ends it.
bool is_word_char(char32_t c);

// The code point ending just before byte offset `end` (for word boundaries).
char32_t previous_code_point(std::string_view s, std::size_t end);

// Number of code points.
std::size_t utf8_length(std::string_view s);

// The first `max_chars` code points; "..." appended when cut.
std::string truncate_chars(std::string_view s, std::size_t max_chars);

// Compatibility decomposition (NFKD: "ﬁ" is "fi", "①" is "1", "é" is "e" and
// U+0301) as code points, case kept; invalid UTF-8 decodes as U+FFFD.
std::u32string decompose_compat(std::string_view s);

// The canonical combining class (0 for base characters; marks that
// canonical ordering sorts by it have another).
int combining_class(char32_t c);

// The Unicode general category's major class, as collation groups characters.
enum class CharClass {
  Letter,
  Mark,
  DecimalDigit,
  OtherNumber,
  Punctuation,
  Symbol,
  Currency,
  Space,
  Other
};
CharClass char_class(char32_t c);

// True when the code point's decomposition is a compatibility one ("ﬁ",
// "①", fullwidth "ａ"), not a canonical one ("é") or none.
bool is_compatibility_form(char32_t c);

// Simple lower- and upper-case mappings, and whether the code point is upper- or title-case.
char32_t to_lower(char32_t c);
char32_t to_upper(char32_t c);
bool is_upper(char32_t c);

// True when s is valid UTF-8.
bool valid_utf8(std::string_view s);

}  // namespace kb::text
