#include "js_regex_emoji.hpp"

#include <map>

namespace kb::tasks::js {

namespace {

#include "js_regex_emoji_data.inc"

char32_t hex(std::string_view digits) {
  char32_t value = 0;
  for (char c : digits) {
    value = value * 16 + static_cast<char32_t>(c <= '9' ? c - '0' : c - 'A' + 10);
  }
  return value;
}

// One entry: "1F600", "231A..231B" or "1F3F3_FE0F_200D_1F308".
void add_entry(std::string_view entry, EmojiSequences& to) {
  if (const std::size_t dots = entry.find(".."); dots != std::string_view::npos) {
    to.singles.emplace_back(hex(entry.substr(0, dots)), hex(entry.substr(dots + 2)));
    return;
  }
  std::u32string sequence;
  for (std::size_t at = 0; at <= entry.size();) {
    std::size_t end = entry.find('_', at);
    if (end == std::string_view::npos) end = entry.size();
    sequence += hex(entry.substr(at, end - at));
    at = end + 1;
  }
  if (sequence.size() == 1)
    to.singles.emplace_back(sequence[0], sequence[0]);
  else
    to.strings.push_back(std::move(sequence));
}

void add_all(std::string_view data, EmojiSequences& to) {
  for (std::size_t at = 0; at < data.size();) {
    std::size_t end = data.find(' ', at);
    if (end == std::string_view::npos) end = data.size();
    if (end > at) add_entry(data.substr(at, end - at), to);
    at = end + 1;
  }
}

}  // namespace

const EmojiSequences* property_of_strings(std::string_view name) {
  static const std::map<std::string_view, EmojiSequences> properties = [] {
    std::map<std::string_view, EmojiSequences> out;
    EmojiSequences& all = out["RGI_Emoji"];  // the union of the six
    for (const auto& [property, data] : kEmojiSequenceData) {
      add_all(data, out[property]);
      add_all(data, all);
    }
    return out;
  }();
  const auto it = properties.find(name);
  return it == properties.end() ? nullptr : &it->second;
}

}  // namespace kb::tasks::js
