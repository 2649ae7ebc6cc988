#include "kb/text/checkbox.hpp"

#include "kb/text/unicode.hpp"

namespace kb::text {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// JavaScript's String.trim() for the whitespace a line can hold.
std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<CheckboxLine> checkbox_line(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::size_t i = 0;
  // Indentation, including the '>' of blockquotes and callouts (the Tasks plugin's `[\s\t>]*`).
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '>')) ++i;
  const std::size_t marker_begin = i;

  if (i < line.size() && (line[i] == '-' || line[i] == '*' || line[i] == '+')) {
    ++i;
  } else {
    const std::size_t digits_begin = i;
    while (i < line.size() && is_digit(line[i]) && i - digits_begin < 9) ++i;
    if (i == digits_begin || i >= line.size() || (line[i] != '.' && line[i] != ')')) {
      return std::nullopt;
    }
    ++i;
  }
  const std::size_t marker_end = i;
  if (i >= line.size() || line[i] != ' ') return std::nullopt;
  while (i < line.size() && line[i] == ' ') ++i;

  if (i >= line.size() || line[i] != '[') return std::nullopt;
  const std::size_t symbol_begin = ++i;
  const char32_t symbol = decode_utf8(line, i);
  if (symbol_begin >= line.size() || symbol == U'\n' || symbol == U'\r') return std::nullopt;
  if (i >= line.size() || line[i] != ']') return std::nullopt;
  const std::string_view status_symbol = line.substr(symbol_begin, i - symbol_begin);
  ++i;
  // Obsidian only makes a checkbox when whitespace or the end follows `]`.
  if (i < line.size() && line[i] != ' ' && line[i] != '\t') return std::nullopt;

  return CheckboxLine{line.substr(0, marker_begin),
                      line.substr(marker_begin, marker_end - marker_begin), status_symbol,
                      trim(line.substr(i))};
}

}  // namespace kb::text
