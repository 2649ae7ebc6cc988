#pragma once
// The plugin sorts text with JavaScript's
// `a.localeCompare(b, undefined, {numeric: true})`: ICU's collation in the
// user's locale. kb follows ICU's root (English) order without ICU, from
// Unicode data utf8proc gives (compatibility decomposition, case, general
// category) and the order of symbols (collate_order.cpp): first the base
// characters (spaces, punctuation, symbols, currency, numbers by value,
// letters by script: Latin, Greek, Cyrillic, ..., Hangul, kana, Han), then
// accents, then case (lower first) and compatibility forms.
#include <string>
#include <string_view>

namespace kb::tasks {

// Negative, zero or positive, like localeCompare. Zero only for equal bytes:
// strings ICU calls equal ("a1" and "a01", NFC and NFD) are ordered by bytes.
int collate(std::string_view a, std::string_view b);

// A byte string whose order (std::string's compare, bytes unsigned) is
// collate's: sign(collation_key(a).compare(collation_key(b))) ==
// sign(collate(a, b)). Sorting many texts, build each key once: a
// comparison of keys is a memcmp, collate builds the elements every time.
std::string collation_key(std::string_view s);

}  // namespace kb::tasks
