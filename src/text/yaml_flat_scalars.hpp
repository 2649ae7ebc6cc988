#pragma once
// The flat front-matter subset's lines and scalars (private to src/text):
// the line helpers both halves use, and the scalars and one-line values
// yaml_flat_scalars.cpp reads for frontmatter_fast.cpp's parser. Each reader
// declines (nullopt) what it is not sure yaml-cpp reads the same way.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "kb/text/frontmatter.hpp"

namespace kb::text::flat_yaml {

using Text = std::string_view;

inline std::size_t indent_of(Text line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  return i;
}

inline bool blank_or_comment(Text line) {
  const std::size_t i = indent_of(line);
  return i == line.size() || line[i] == '#';
}

inline Text skip_spaces(Text s) {
  return s.substr(std::min(indent_of(s), s.size()));
}

inline Text trim_right(Text s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// What may follow a complete value on its line: spaces, then optionally a
// comment that a space separates from the value.
inline bool only_comment_left(Text rest) {
  const Text after = skip_spaces(rest);
  return after.empty() || (after.front() == '#' && after.size() < rest.size());
}

// Characters that give a plain scalar's first character a meaning of its own.
inline bool is_indicator(char c) {
  return Text("-?:,[]{}#&*!|>'\"%@`").find(c) != Text::npos;
}

// yaml-cpp turns these plain scalars into null nodes.
inline bool is_null_word(Text s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

struct Scalar {
  std::string value;
  bool quoted = false;
  std::size_t length = 0;  // bytes of the line it took, quotes included
};

// A "..." or '...' scalar closed on its line, from its quote.
std::optional<Scalar> quoted(Text s);
// A plain scalar in block context: up to a comment or the end of the line.
std::optional<Scalar> block_plain(Text s);
// The value of a scalar: null for yaml-cpp's null words unless quoted (on
// `null_line`), else the text on `line`.
YamlValue scalar_value(Scalar&& s, int line, int null_line);
// A value written on the key's line, from its first character.
std::optional<YamlValue> inline_value(Text s, int line);

}  // namespace kb::text::flat_yaml
