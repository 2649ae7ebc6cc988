#pragma once
// ECMA-262's properties of strings (v flag only): \p{RGI_Emoji} and the
// six sets it joins, from the Unicode emoji data (js_regex_emoji_data.inc,
// made by scripts/gen-emoji-sequences; Emoji 15.0, where V8 may know a
// newer version).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kb::tasks::js {

struct EmojiSequences {
  std::vector<std::pair<char32_t, char32_t>> singles;  // code points, as ranges
  std::vector<std::u32string> strings;                 // two or more code points
};

// The property's sequences; nullptr when `name` is no property of strings.
const EmojiSequences* property_of_strings(std::string_view name);

}  // namespace kb::tasks::js
