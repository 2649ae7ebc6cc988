#pragma once
// Reads one Tasks query instruction word by word. The plugin matches its
// instructions with case-insensitive regular expressions; this is the same
// matching done by a linear scan.
#include <cstddef>
#include <string>
#include <string_view>

namespace kb::tasks {

inline bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

inline char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

inline std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (is_blank(s.front()) || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (is_blank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// 'text', for messages. Built by appending: GCC 12 at -O3 warns falsely
// (-Wrestrict) on "'" + std::string(text) + "'".
inline std::string quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '\'';
  out += text;
  out += '\'';
  return out;
}

inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

// The plugin's /^prefix/i: `text` starts with `prefix`, ignoring ASCII case
// (a space in `prefix` is one space, as in the plugin's regular expressions).
inline bool istarts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

class Cursor {
 public:
  explicit Cursor(std::string_view s) : rest_(trim_blanks(s)) {}

  // Consumes `phrase` when it comes next, ignoring ASCII case. A space in
  // `phrase` matches any run of blanks; the phrase must end at a blank or at
  // the end of the text. Blanks after it are consumed too.
  bool accept(std::string_view phrase) {
    std::size_t i = 0;
    for (std::size_t p = 0; p < phrase.size(); ++p) {
      if (phrase[p] == ' ') {
        if (i >= rest_.size() || !is_blank(rest_[i])) return false;
        while (i < rest_.size() && is_blank(rest_[i])) ++i;
        continue;
      }
      if (i >= rest_.size() || ascii_lower(rest_[i]) != ascii_lower(phrase[p])) return false;
      ++i;
    }
    if (i < rest_.size() && !is_blank(rest_[i])) return false;
    while (i < rest_.size() && is_blank(rest_[i])) ++i;
    rest_.remove_prefix(i);
    return true;
  }

  // Consumes `phrase` only when it is all that is left.
  bool accept_all(std::string_view phrase) {
    Cursor copy = *this;
    if (!copy.accept(phrase) || !copy.at_end()) return false;
    *this = copy;
    return true;
  }

  bool at_end() const { return rest_.empty(); }
  std::string_view rest() const { return rest_; }

 private:
  std::string_view rest_;
};

}  // namespace kb::tasks
