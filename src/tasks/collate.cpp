#include "collate.hpp"

#include <cstddef>
#include <string>

#include "kb/text/unicode.hpp"

namespace kb::tasks {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// ICU's root order of character groups: spaces and punctuation, digits, letters.
int character_group(char32_t c) {
  if (c < 0x80) {
    if (c >= '0' && c <= '9') return 1;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return 2;
    return 0;
  }
  return text::is_word_char(c) ? 2 : 0;
}

// Within the first group, ASCII follows the CLDR root order (so "(No tags)"
// sorts before "#tag"); other characters come after it, by code point.
char32_t punctuation_rank(char32_t c) {
  static constexpr std::string_view kOrder = "\t\n\v\f\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";
  if (c < 0x80) {
    std::size_t at = kOrder.find(static_cast<char>(c));
    return at == std::string_view::npos ? 0x80 + c : static_cast<char32_t>(at);
  }
  return 0x100 + c;
}

int sign(int v) {
  return (v > 0) - (v < 0);
}

// Compares one run of digits numerically; advances both positions past it.
int compare_digit_runs(std::string_view a, std::size_t& i, std::string_view b, std::size_t& j) {
  std::size_t a_end = i, b_end = j;
  while (a_end < a.size() && is_digit(a[a_end])) ++a_end;
  while (b_end < b.size() && is_digit(b[b_end])) ++b_end;
  while (i + 1 < a_end && a[i] == '0') ++i;  // "007" is 7
  while (j + 1 < b_end && b[j] == '0') ++j;
  std::string_view da = a.substr(i, a_end - i), db = b.substr(j, b_end - j);
  i = a_end;
  j = b_end;
  if (da.size() != db.size()) return da.size() < db.size() ? -1 : 1;
  return sign(da.compare(db));
}

int compare_primary(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (is_digit(a[i]) && is_digit(b[j])) {
      if (int r = compare_digit_runs(a, i, b, j)) return r;
      continue;
    }
    char32_t ca = text::decode_utf8(a, i);
    char32_t cb = text::decode_utf8(b, j);
    if (ca == cb) continue;
    int ga = character_group(ca), gb = character_group(cb);
    if (ga != gb) return ga < gb ? -1 : 1;
    if (ga == 0) return punctuation_rank(ca) < punctuation_rank(cb) ? -1 : 1;
    return ca < cb ? -1 : 1;
  }
  if (i < a.size()) return 1;
  if (j < b.size()) return -1;
  return 0;
}

}  // namespace

int collate(std::string_view a, std::string_view b) {
  if (a == b) return 0;
  if (int r = compare_primary(text::fold_name(a), text::fold_name(b))) return r;
  if (int r = sign(text::fold_case(a).compare(text::fold_case(b)))) return r;
  // Same letters, different case: ICU puts lower case first, and ASCII
  // lower case has the higher code, so the byte order is inverted.
  return a.compare(b) < 0 ? 1 : -1;
}

}  // namespace kb::tasks
