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
  // How a space in a phrase matches the text: One, exactly one ' ' (the
  // plugin's regular expressions mostly write a literal space, so
  // `not  done` is no instruction there); Any, a run of blanks (its `\s+`,
  // as PriorityField's).
  enum class Spaces { One, Any };

  explicit Cursor(std::string_view s, Spaces spaces = Spaces::One)
      : rest_(trim_blanks(s)), spaces_(spaces) {}

  // Consumes `phrase` when it comes next, ignoring ASCII case. The phrase
  // must end at a blank or at the end of the text, and the space after it
  // is consumed too: with Spaces::One exactly one ' ', so what follows keeps
  // any further blanks (the plugin's `(.*)` after `includes `).
  bool accept(std::string_view phrase) {
    std::size_t i = 0;
    for (std::size_t p = 0; p < phrase.size(); ++p) {
      if (phrase[p] == ' ') {
        if (!space_at(i)) return false;
        i = after_space(i);
        continue;
      }
      if (i >= rest_.size() || ascii_lower(rest_[i]) != ascii_lower(phrase[p])) return false;
      ++i;
    }
    if (i < rest_.size()) {
      if (!space_at(i)) return false;
      i = after_space(i);
    }
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
  bool space_at(std::size_t i) const {
    if (i >= rest_.size()) return false;
    return spaces_ == Spaces::One ? rest_[i] == ' ' : is_blank(rest_[i]);
  }
  std::size_t after_space(std::size_t i) const {
    if (spaces_ == Spaces::One) return i + 1;
    while (i < rest_.size() && is_blank(rest_[i])) ++i;
    return i;
  }

  std::string_view rest_;
  Spaces spaces_;
};

}  // namespace kb::tasks
