#pragma once
// The order ICU gives spaces, punctuation and symbols (CLDR root collation,
// as `localeCompare(b, 'en')` in Node 20 / ICU 78 reports it) for the
// blocks kb ranks explicitly: ASCII and Latin-1, general punctuation,
// currency, arrows, mathematical operators, technical symbols, box drawing,
// shapes, miscellaneous symbols and dingbats, CJK punctuation and the
// emoji and pictograph blocks, and the characters of other blocks that ICU
// sorts among them (modifier letters ˈ ˥, Thai ๆ, Hebrew ׳, Arabic ،,
// Indic dandas, supplemental punctuation); and of letters. The tables in
// collate_order.cpp are written by tests/tasks/oracle/collate_order.js.
#include <cstdint>
#include <optional>

namespace kb::tasks {

// The character's place in that order (1-based; characters ICU ranks
// equally share one), or nothing when it is not one of them.
std::optional<std::uint32_t> symbol_rank(char32_t c);

// The same for the lower-case letters of the Latin (with IPA and phonetic
// extensions), Greek, Coptic, Cyrillic, Georgian and Armenian blocks that do
// not decompose ("ŋ" after "n", "ґ" after "г", Georgian before Armenian).
std::optional<std::uint32_t> letter_rank(char32_t c);

}  // namespace kb::tasks
