#include "collate.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "collate_order.hpp"
#include "collate_weights.hpp"
#include "kb/text/unicode.hpp"

namespace kb::tasks {
namespace {

using text::CharClass;

// One collation element: a primary weight (0: ignorable at that level), a
// secondary one (accents; 1 is "none") and a tertiary one (case, forms).
// A number (a run of decimal digits) is one element holding its value.
struct Element {
  std::uint64_t primary = 0;
  std::uint32_t secondary = 1;
  std::uint32_t tertiary = 0;
  std::string digits;  // a number's digits without leading zeros
};

// Primary weight bands, in ICU's order of groups.
constexpr std::uint64_t kSymbols = 1;             // + symbol_rank: spaces, punctuation, symbols
constexpr std::uint64_t kOtherSymbols = 0x10000;  // + code point: symbols kb has no rank for
constexpr std::uint64_t kCurrency = 0x200000;     // + code point
constexpr std::uint64_t kNumbers = 0x400000;      // digit runs, compared by value
constexpr std::uint64_t kLetters = 0x800000;      // + letter key
// Letters of the Hebrew..Tibetan blocks (U+0590..U+0FFF): ICU's rank among
// them, in the place of those code points among the letters kb has no rank for.
constexpr std::uint64_t kScriptLetters = 0x1000 + 0x590;

// The secondary weight of a combining mark: ICU's (collate_weights.cpp), or
// after all of those, by code point, for a mark ICU 78 does not know.
std::uint32_t mark_weight(char32_t mark) {
  if (const auto w = icu_weight(mark); w && w->kind == Weight::Accent) return w->weight;
  return 0x10000 + mark;
}

// Letters ICU sorts as another letter with an accent (ø is o with a stroke,
// between ȯ and o̸) or as two letters with one (æ, ß).
struct SpecialLetter {
  char32_t letter;
  char32_t base, second;  // second: 0, or the second letter of the expansion
};
constexpr std::array<SpecialLetter, 9> kSpecial = {{
    {U'ø', U'o', 0},
    {U'ł', U'l', 0},
    {U'đ', U'd', 0},
    {U'ħ', U'h', 0},
    {U'ð', U'd', 0},
    {U'ŀ', U'l', 0},
    {U'æ', U'a', U'e'},
    {U'œ', U'o', U'e'},
    {U'ß', U's', U's'},
}};

// Ranked letters (collate_order.cpp) first, in ICU's order; then the others
// by code point, except that ICU puts Hangul before kana and Han last.
std::uint64_t letter_key(char32_t c) {
  if (const auto rank = letter_rank(c)) return 0x100 + *rank;
  std::uint64_t key = c;
  if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF)) key += 0x200000;  // kana
  if ((c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF)) {
    key += 0x400000;  // Han
  }
  return 0x1000 + key;
}

// A decimal digit's value: digits come in runs of ten from zero.
int digit_value(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  int value = 0;
  while (value < 9 && text::char_class(c - 1) == CharClass::DecimalDigit) {
    --c;
    ++value;
  }
  return value;
}

// The string's characters after compatibility decomposition, each marked
// when it came from a compatibility form ("①", "ﬁ", "ａ").
struct Char {
  char32_t c;  // after decomposition
  bool compat;
  bool from_other_number;  // a digit of "①", "²", "½": a digit, not part of a number
  bool long_s;
};

// The canonical combining class; every character below U+0300 has none.
int combining_class(char32_t c) {
  return c < 0x300 ? 0 : text::combining_class(c);
}

void characters_of(std::string_view s, std::vector<Char>& out) {
  out.clear();
  bool ascii = true;
  for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    for (char c : s) out.push_back({static_cast<char32_t>(c), false, false, false});
    return;
  }
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t start = i;
    const char32_t original = text::decode_utf8(s, i);
    const std::u32string parts = text::decompose_compat(s.substr(start, i - start));
    const bool other_number = text::char_class(original) == CharClass::OtherNumber;
    const bool compat = text::is_compatibility_form(original);
    for (char32_t part : parts) out.push_back({part, compat, other_number, original == U'ſ'});
  }
  // Canonical ordering, as ICU reads NFD: marks after one base character
  // sorted by combining class (stable), so that their order in the text
  // does not matter when Unicode says it does not (U+0E3A U+0E38 = U+0E38 U+0E3A).
  for (std::size_t start = 0; start < out.size(); ++start) {
    if (combining_class(out[start].c) == 0) continue;
    std::size_t end = start + 1;
    while (end < out.size() && combining_class(out[end].c) != 0) ++end;
    if (end - start > 1) {
      std::stable_sort(
          out.begin() + static_cast<std::ptrdiff_t>(start),
          out.begin() + static_cast<std::ptrdiff_t>(end),
          [](const Char& a, const Char& b) { return combining_class(a.c) < combining_class(b.c); });
    }
    start = end;
  }
}

// Thai and Lao vowels written before their consonant sort after it (ICU's
// logical-order exception); before anything else (a digit, a sign) they stay.
void reorder_prevowels(std::vector<Char>& chars) {
  const auto consonant = [](char32_t c) {
    return (c >= 0x0E01 && c <= 0x0E2E) || (c >= 0x0E81 && c <= 0x0EAE) || c == 0x0EDE ||
           c == 0x0EDF;
  };
  for (std::size_t i = 0; i + 1 < chars.size(); ++i) {
    const char32_t c = chars[i].c;
    if (((c >= 0x0E40 && c <= 0x0E44) || (c >= 0x0EC0 && c <= 0x0EC4)) &&
        consonant(chars[i + 1].c)) {
      std::swap(chars[i], chars[i + 1]);
      ++i;
    }
  }
}

// The rank of the letter at chars[i] when it starts a contraction (the
// contracted characters are consumed: i moves past them, or a mark that
// canonical ordering put later is erased), else `rank`. As ICU, a mark
// may join its letter across marks of a lower combining class (و + ّ + ٔ
// is ؤ + ّ).
std::uint16_t contract(std::vector<Char>& chars, std::size_t& i, std::uint16_t rank) {
  const char32_t third = i + 2 < chars.size() ? chars[i + 2].c : 0;
  if (const auto joined = icu_contraction(chars[i].c, chars[i + 1].c, third)) {
    i += joined->length - 1;
    return joined->weight;
  }
  for (std::size_t j = i + 2; j < chars.size(); ++j) {
    const int ccc = combining_class(chars[j].c);
    if (ccc == 0 || ccc <= combining_class(chars[j - 1].c)) break;
    if (const auto joined = icu_contraction(chars[i].c, chars[j].c, 0)) {
      chars.erase(chars.begin() + static_cast<std::ptrdiff_t>(j));
      return joined->weight;
    }
  }
  return rank;
}

// Katakana sort as hiragana, small kana as large ones; both differ at the
// tertiary level only.
char32_t kana_base(char32_t c, std::uint32_t& tertiary) {
  if (c >= 0x30A1 && c <= 0x30F6) {
    c -= 0x60;
    tertiary += 8;
  }
  switch (c) {
    case 0x3041:
    case 0x3043:
    case 0x3045:
    case 0x3047:
    case 0x3049:
    case 0x3083:
    case 0x3085:
    case 0x3087:
      tertiary += 4;
      return c + 1;
    case 0x3063:
      tertiary += 4;
      return 0x3064;
    case 0x308E:
      tertiary += 4;
      return 0x308F;
    case 0x3095:
      tertiary += 4;
      return 0x304B;
    case 0x3096:
      tertiary += 4;
      return 0x3051;
    default:
      return c;
  }
}

// The elements into `out` (cleared first; buffers are reused across calls).
void elements_into(std::string_view s, std::vector<Element>& out) {
  thread_local std::vector<Char> chars;
  characters_of(s, chars);
  reorder_prevowels(chars);
  out.clear();
  for (std::size_t i = 0; i < chars.size(); ++i) {
    const char32_t original = chars[i].c;
    const CharClass kind = text::char_class(original);
    Element e;
    // Tertiary: lower case, its compatibility forms ("ﬂ", "ａ"), upper case,
    // its compatibility forms. The long s "ſ" is an s with an accent.
    e.tertiary = chars[i].compat && !chars[i].long_s ? 1 : 0;
    if (kind == CharClass::DecimalDigit && chars[i].from_other_number) {
      e.primary = kNumbers + 1 + static_cast<std::uint64_t>(digit_value(original));
      out.push_back(std::move(e));
      continue;
    }
    if (kind == CharClass::DecimalDigit) {
      std::string digits;
      for (; i < chars.size() && !chars[i].from_other_number &&
             text::char_class(chars[i].c) == CharClass::DecimalDigit;
           ++i) {
        const int v = digit_value(chars[i].c);
        if (!(digits.empty() && v == 0)) digits += static_cast<char>('0' + v);
      }
      --i;
      e.primary = kNumbers;
      e.digits = std::move(digits);
      out.push_back(std::move(e));
      continue;
    }
    // ICU's own weights: accents, and the letters, vowel signs, viramas and
    // points of the Hebrew..Tibetan blocks (some are accents, some ignorable).
    if (const auto w = original >= 0x300 ? icu_weight(original) : std::nullopt) {
      if (w->kind == Weight::Ignorable) continue;
      if (w->kind == Weight::Accent) {
        Element accent;
        accent.secondary = w->weight;
        out.push_back(accent);
        continue;
      }
      std::uint16_t rank = w->weight;
      if (i + 1 < chars.size() && starts_contraction(original)) rank = contract(chars, i, rank);
      e.primary = kLetters + kScriptLetters + rank;
      e.tertiary += 4 * w->tertiary;
      out.push_back(e);
      if (w->second != 0) {
        e.primary = kLetters + kScriptLetters + w->second;
        out.push_back(e);
      }
      if (w->accent != 0) {
        Element accent;
        accent.secondary = w->accent;
        out.push_back(accent);
      }
      continue;
    }
    if (kind == CharClass::Mark) {
      Element accent;
      accent.secondary = mark_weight(original);
      out.push_back(accent);
      continue;
    }
    if (kind == CharClass::Letter && original >= 0x2B0) {
      // Modifier letters and signs ICU ranks among the symbols (ˈ ˥ ๆ ॱ).
      if (const auto rank = symbol_rank(original)) {
        e.primary = kSymbols + *rank;
        out.push_back(std::move(e));
        continue;
      }
    }
    if (kind == CharClass::Letter) {
      char32_t lower = kana_base(text::to_lower(original), e.tertiary);
      if (lower >= 0x2D00 && lower <= 0x2D25)
        lower = lower - 0x2D00 + 0x10D0;  // Nuskhuri as Mkhedruli
      e.tertiary += text::is_upper(original) ? 2 : 0;
      e.primary = kLetters + letter_key(lower);
      for (const SpecialLetter& special : kSpecial) {
        if (special.letter != lower) continue;
        e.primary = kLetters + letter_key(special.base);
        out.push_back(e);
        if (special.second != 0) {
          Element second = e;
          second.primary = kLetters + letter_key(special.second);
          out.push_back(second);
        }
        Element accent;
        accent.secondary = letter_accent(special.letter);
        out.push_back(accent);
        e.primary = 0;
        break;
      }
      if (e.primary != 0) out.push_back(e);
      if (chars[i].long_s) {
        Element accent;
        accent.secondary = letter_accent(U'ſ');
        out.push_back(accent);
      }
      continue;
    }
    if (const auto rank = symbol_rank(original)) {
      e.primary = kSymbols + *rank;
    } else if (kind == CharClass::Space) {
      e.primary = kSymbols + symbol_rank(U' ').value_or(0);
    } else if (kind == CharClass::Currency) {
      e.primary = kCurrency + original;
    } else if (kind == CharClass::Punctuation || kind == CharClass::Symbol ||
               kind == CharClass::OtherNumber) {
      e.primary = kOtherSymbols + original;
    } else {
      continue;  // controls and format characters (U+200B) are ignored
    }
    out.push_back(std::move(e));
  }
}

int sign(int v) {
  return (v > 0) - (v < 0);
}

int compare_primary(const std::vector<Element>& a, const std::vector<Element>& b) {
  std::size_t i = 0, j = 0;
  while (true) {
    while (i < a.size() && a[i].primary == 0) ++i;
    while (j < b.size() && b[j].primary == 0) ++j;
    if (i == a.size() || j == b.size()) return (i < a.size()) - (j < b.size());
    if (a[i].primary != b[j].primary) return a[i].primary < b[j].primary ? -1 : 1;
    if (a[i].primary == kNumbers) {
      const std::string &x = a[i].digits, &y = b[j].digits;
      if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
      if (int r = sign(x.compare(y))) return r;
    }
    ++i;
    ++j;
  }
}

template <typename Weight>
int compare_level(const std::vector<Element>& a, const std::vector<Element>& b, Weight weight) {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t k = 0; k < n; ++k) {
    const auto x = weight(a[k]), y = weight(b[k]);
    if (x != y) return x < y ? -1 : 1;
  }
  return (a.size() > n) - (b.size() > n);
}

// The primary weight of an ASCII character that is neither a digit nor
// ignorable (0 for those): one element per character.
std::uint64_t ascii_primary(unsigned char c) {
  static const std::array<std::uint64_t, 128> weights = [] {
    std::array<std::uint64_t, 128> w{};
    for (unsigned char c = 0; c < 128; ++c) {
      if (c >= '0' && c <= '9') continue;
      const std::string one(1, static_cast<char>(c));
      std::vector<Element> e;
      elements_into(one, e);
      if (e.size() == 1) w[c] = e[0].primary;
    }
    return w;
  }();
  return c < 128 ? weights[c] : 0;
}

// Most comparisons are decided by the first ASCII letters or punctuation
// that differ: compare those without building the elements.
int quick_primary(std::string_view a, std::string_view b, bool& decided) {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const auto wa = ascii_primary(static_cast<unsigned char>(a[i]));
    const auto wb = ascii_primary(static_cast<unsigned char>(b[i]));
    if (wa == 0 || wb == 0)
      break;  // a digit, an ignorable or a non-ASCII byte: the full comparison
    if (wa != wb) {
      decided = true;
      return wa < wb ? -1 : 1;
    }
  }
  decided = false;
  return 0;
}

}  // namespace

std::string collation_key(std::string_view s) {
  thread_local std::vector<Element> elements;
  elements_into(s, elements);
  std::string key;
  key.reserve(elements.size() * 12 + s.size() + 12);
  // Four bytes, most significant first: bytes compare as the number does.
  const auto put = [&key](std::uint64_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) {
      key.push_back(static_cast<char>((v >> shift) & 0xFF));
    }
  };
  // Each level ends with 0, below every weight: a text that is a prefix of
  // another at a level sorts first, as compare_primary and compare_level do.
  for (const Element& e : elements) {
    if (e.primary == 0) continue;
    put(e.primary);
    if (e.primary == kNumbers) {  // by value: the count of digits, then the digits
      put(e.digits.size());
      key += e.digits;
    }
  }
  put(0);
  for (const Element& e : elements) put(e.secondary);  // never 0
  put(0);
  for (const Element& e : elements) put(e.tertiary + 1);
  put(0);
  key += s;  // equal to ICU: the bytes decide
  return key;
}

int collate(std::string_view a, std::string_view b) {
  if (a == b) return 0;
  bool decided = false;
  if (int r = quick_primary(a, b, decided); decided) return r;
  thread_local std::vector<Element> ea, eb;
  elements_into(a, ea);
  elements_into(b, eb);
  if (int r = compare_primary(ea, eb)) return r;
  if (int r = compare_level(ea, eb, [](const Element& e) { return e.secondary; })) return r;
  if (int r = compare_level(ea, eb, [](const Element& e) { return e.tertiary; })) return r;
  return sign(a.compare(b));  // ICU calls them equal; bytes decide, for a stable order
}

}  // namespace kb::tasks
