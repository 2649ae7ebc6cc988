#pragma once
// The strings of a v-flag class (\q{...}, the properties of strings) as
// one PCRE2 alternation, written as a trie: shared beginnings are written
// once, so that the 2,300 emoji sequences of \p{RGI_Emoji} fit PCRE2's
// compiled-pattern limit (64 KiB with Debian's link size of 2). At each
// branch the longer strings come first, as ECMA-262 orders a class's
// strings; whether a line matches does not depend on the order.
#include <string>
#include <vector>

namespace kb::tasks::js {

// PCRE2 text matching any of `strings` (none empty, none with a
// surrogate); "" when there are none.
std::string strings_alternation(const std::vector<const std::u32string*>& strings);

}  // namespace kb::tasks::js
