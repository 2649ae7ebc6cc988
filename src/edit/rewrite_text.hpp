#pragma once
// Small pieces the person-note rewrite's files share (src/edit/regen.cpp,
// generated_lines.cpp, last_contact.cpp): lines of the original text, the
// replacements planned on it, and a refusal's Diagnostic.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

#include "kb/text/markdown.hpp"
#include "kb/util/diagnostic.hpp"

namespace kb::edit::detail {

inline Diagnostic refusal(int line, std::string message) {
  return Diagnostic{"", line, std::move(message), Severity::Error};
}

inline bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

inline bool is_blank_line(std::string_view s) {
  return std::all_of(s.begin(), s.end(), is_blank);
}

struct Line {
  std::string_view content;  // without the line ending
  std::size_t begin = 0;
  std::size_t next = 0;  // after the line ending
};

inline Line line_at(std::string_view text, std::size_t begin) {
  const std::size_t nl = text.find('\n', begin);
  std::size_t end = nl == std::string_view::npos ? text.size() : nl;
  const std::size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
  if (end > begin && text[end - 1] == '\r') --end;
  return {text.substr(begin, end - begin), begin, next};
}

inline int line_number_at(std::string_view text, std::size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

// A range of the original text and what replaces it.
struct Replacement {
  text::ByteRange range;
  std::string with;
};

}  // namespace kb::edit::detail
