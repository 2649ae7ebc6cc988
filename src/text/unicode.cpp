#include "kb/text/unicode.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace kb::text {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool is_ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// utf8proc_map, or nullopt-like false when the input is not valid UTF-8.
bool map_utf8(std::string_view s, int options, std::string& out) {
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                          static_cast<utf8proc_ssize_t>(s.size()), &mapped,
                                          static_cast<utf8proc_option_t>(options));
  if (n < 0) {
    std::free(mapped);
    return false;
  }
  out.assign(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
  std::free(mapped);
  return true;
}

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string_view fold_run_uncached(std::string_view run, int options, std::string& mapped) {
  if (!map_utf8(run, options, mapped))
    mapped = ascii_lower(run);  // invalid UTF-8: fold what we can
  return mapped;
}

// Notes repeat the same few non-ASCII runs (task emoji, accented names)
// thousands of times, and utf8proc_map allocates and decomposes each time: a
// per-thread memo of short runs makes folding a body nearly as cheap as
// lower-casing ASCII.
std::string_view folded_run(std::string_view run, int options, std::string& mapped) {
  constexpr std::size_t kMaxRun = 64, kMaxEntries = 8192;
  if (run.size() > kMaxRun) return fold_run_uncached(run, options, mapped);
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Memo = std::unordered_map<std::string, std::string, Hash, std::equal_to<>>;
  thread_local std::vector<std::pair<int, Memo>> memos;  // one per options value
  Memo* memo = nullptr;
  for (auto& [o, m] : memos) {
    if (o == options) memo = &m;
  }
  if (memo == nullptr) memo = &memos.emplace_back(options, Memo{}).second;
  if (auto it = memo->find(run); it != memo->end()) return it->second;
  if (memo->size() >= kMaxEntries) memo->clear();
  return memo->emplace(std::string(run), std::string(fold_run_uncached(run, options, mapped)))
      .first->second;
}

// Folds ASCII runs byte by byte and hands only the non-ASCII runs to
// utf8proc: most of a note is ASCII, and one emoji must not send the whole
// body through utf8proc. Each non-ASCII run takes the ASCII character before
// it along, so "e" + U+0301 still composes to "é" under NFC. Appends to `out`.
void fold_into(std::string_view s, int options, std::string& out) {
  std::string mapped;
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      std::size_t ascii_end = i + 1;
      while (ascii_end < s.size() && static_cast<unsigned char>(s[ascii_end]) < 0x80) ++ascii_end;
      const std::size_t at = out.size();
      out.resize(at + (ascii_end - i));
      char* to = out.data() + at;
      for (std::size_t k = i; k < ascii_end; ++k) *to++ = ascii_lower(s[k]);
      i = ascii_end;
      continue;
    }
    std::size_t begin = i;
    if (begin > 0 && static_cast<unsigned char>(s[begin - 1]) < 0x80) {
      --begin;
      out.pop_back();
    }
    std::size_t end = i;
    while (end < s.size() && static_cast<unsigned char>(s[end]) >= 0x80) ++end;
    out += folded_run(s.substr(begin, end - begin), options, mapped);
    i = end;
  }
}

std::string fold(std::string_view s, int options) {
  if (is_ascii(s)) return ascii_lower(s);
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  fold_into(s, options, out);
  return out;
}

constexpr int kFoldCase = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;

}  // namespace

std::string fold_case(std::string_view s) {
  return fold(s, kFoldCase);
}

void fold_case_into(std::string_view s, std::string& out) {
  out.clear();
  fold_into(s, kFoldCase, out);
}

std::string_view fold_case_run(std::string_view run, std::string& scratch) {
  return folded_run(run, kFoldCase, scratch);
}

std::string fold_name(std::string_view s) {
  return fold(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
}

std::string nfc(std::string_view s) {
  if (is_ascii(s)) return std::string(s);
  std::string out;
  if (map_utf8(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE, out)) return out;
  return std::string(s);
}

char32_t decode_utf8(std::string_view s, std::size_t& i) {
  if (i >= s.size()) return 0;
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  std::size_t len = 0;
  char32_t cp = 0, min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    ++i;
    return kReplacement;
  }
  if (i + len > s.size()) {
    ++i;
    return kReplacement;
  }
  for (std::size_t k = 1; k < len; ++k) {
    const unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return kReplacement;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  // Overlong forms, UTF-16 surrogates and values past U+10FFFF are invalid.
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return kReplacement;
  }
  i += len;
  return cp;
}

std::u32string decompose_compat(std::string_view s) {
  std::u32string out;
  std::size_t i = 0;
  utf8proc_int32_t buffer[32];
  while (i < s.size()) {
    const char32_t c = decode_utf8(s, i);
    int last_boundclass = 0;
    const utf8proc_ssize_t n = utf8proc_decompose_char(
        static_cast<utf8proc_int32_t>(c), buffer, 32,
        static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT), &last_boundclass);
    if (n < 0 || n > 32) {
      out += c;
      continue;
    }
    for (utf8proc_ssize_t k = 0; k < n; ++k) out += static_cast<char32_t>(buffer[k]);
  }
  return out;
}

int combining_class(char32_t c) {
  if (c > 0x10FFFF) return 0;
  return utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->combining_class;
}

CharClass char_class(char32_t c) {
  if (c > 0x10FFFF) return CharClass::Other;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return CharClass::Letter;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return CharClass::Mark;
    case UTF8PROC_CATEGORY_ND:
      return CharClass::DecimalDigit;
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return CharClass::OtherNumber;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
      return CharClass::Punctuation;
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
      return CharClass::Symbol;
    case UTF8PROC_CATEGORY_SC:
      return CharClass::Currency;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return CharClass::Space;
    default:
      return CharClass::Other;
  }
}

bool is_compatibility_form(char32_t c) {
  if (c > 0x10FFFF) return false;
  return utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->decomp_type != 0;
}

char32_t to_lower(char32_t c) {
  if (c > 0x10FFFF) return c;
  return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
}

char32_t to_upper(char32_t c) {
  if (c > 0x10FFFF) return c;
  return static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(c)));
}

bool is_upper(char32_t c) {
  if (c > 0x10FFFF) return false;
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT;
}

bool is_word_char(char32_t c) {
  if (c == U'_') return true;
  if (c < 0x80) {
    return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
  }
  if (c > 0x10FFFF) return false;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

char32_t previous_code_point(std::string_view s, std::size_t end) {
  if (end == 0 || end > s.size()) return 0;
  std::size_t start = end - 1;
  // Back over at most three continuation bytes to the lead byte.
  while (start > 0 && end - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
  }
  std::size_t i = start;
  const char32_t c = decode_utf8(s, i);
  if (i == end) return c;
  return kReplacement;  // the byte before `end` is not the end of a valid sequence
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) decode_utf8(s, i);
  return n;
}

std::string truncate_chars(std::string_view s, std::size_t max_chars) {
  std::size_t i = 0;
  for (std::size_t n = 0; n < max_chars && i < s.size(); ++n) decode_utf8(s, i);
  if (i >= s.size()) return std::string(s);
  return std::string(s.substr(0, i)) + "...";
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t before = i;
    if (decode_utf8(s, i) == kReplacement) {
      // U+FFFD written literally (EF BF BD) is valid; a one-byte advance is not.
      if (i - before == 1) return false;
    }
  }
  return true;
}

}  // namespace kb::text
