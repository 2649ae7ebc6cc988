#include "js_regex_reader.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <utility>

#include "js_regex_units.hpp"
#include "kb/text/unicode.hpp"

namespace kb::tasks::js {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A General_Category value, long or short (ECMA-262's table of them), as
// PCRE2 names it; nullptr when it is none.
const char* general_category(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kCategories[] = {
      {"Letter", "L"},
      {"Cased_Letter", "L&"},
      {"Uppercase_Letter", "Lu"},
      {"Lowercase_Letter", "Ll"},
      {"Titlecase_Letter", "Lt"},
      {"Modifier_Letter", "Lm"},
      {"Other_Letter", "Lo"},
      {"Mark", "M"},
      {"Combining_Mark", "M"},
      {"Nonspacing_Mark", "Mn"},
      {"Spacing_Mark", "Mc"},
      {"Enclosing_Mark", "Me"},
      {"Number", "N"},
      {"Decimal_Number", "Nd"},
      {"digit", "Nd"},
      {"Letter_Number", "Nl"},
      {"Other_Number", "No"},
      {"Punctuation", "P"},
      {"punct", "P"},
      {"Connector_Punctuation", "Pc"},
      {"Dash_Punctuation", "Pd"},
      {"Open_Punctuation", "Ps"},
      {"Close_Punctuation", "Pe"},
      {"Initial_Punctuation", "Pi"},
      {"Final_Punctuation", "Pf"},
      {"Other_Punctuation", "Po"},
      {"Symbol", "S"},
      {"Math_Symbol", "Sm"},
      {"Currency_Symbol", "Sc"},
      {"Modifier_Symbol", "Sk"},
      {"Other_Symbol", "So"},
      {"Separator", "Z"},
      {"Space_Separator", "Zs"},
      {"Line_Separator", "Zl"},
      {"Paragraph_Separator", "Zp"},
      {"Other", "C"},
      {"Control", "Cc"},
      {"cntrl", "Cc"},
      {"Format", "Cf"},
      {"Surrogate", "Cs"},
      {"Private_Use", "Co"},
      {"Unassigned", "Cn"},
  };
  for (const auto& [long_name, short_name] : kCategories) {
    if (name == long_name || name == short_name) return short_name.data();
  }
  return name == "LC" ? "L&" : nullptr;
}

// ECMA-262's binary Unicode properties (table-binary-unicode-properties),
// by their long names, which PCRE2 also reads.
bool is_binary_property(std::string_view name) {
  static constexpr std::string_view kProperties[] = {"ASCII_Hex_Digit",
                                                     "Alphabetic",
                                                     "Bidi_Control",
                                                     "Bidi_Mirrored",
                                                     "Case_Ignorable",
                                                     "Cased",
                                                     "Changes_When_Casefolded",
                                                     "Changes_When_Casemapped",
                                                     "Changes_When_Lowercased",
                                                     "Changes_When_NFKC_Casefolded",
                                                     "Changes_When_Titlecased",
                                                     "Changes_When_Uppercased",
                                                     "Dash",
                                                     "Default_Ignorable_Code_Point",
                                                     "Deprecated",
                                                     "Diacritic",
                                                     "Emoji",
                                                     "Emoji_Component",
                                                     "Emoji_Modifier",
                                                     "Emoji_Modifier_Base",
                                                     "Emoji_Presentation",
                                                     "Extended_Pictographic",
                                                     "Extender",
                                                     "Grapheme_Base",
                                                     "Grapheme_Extend",
                                                     "Hex_Digit",
                                                     "IDS_Binary_Operator",
                                                     "IDS_Trinary_Operator",
                                                     "ID_Continue",
                                                     "ID_Start",
                                                     "Ideographic",
                                                     "Join_Control",
                                                     "Logical_Order_Exception",
                                                     "Lowercase",
                                                     "Math",
                                                     "Noncharacter_Code_Point",
                                                     "Pattern_Syntax",
                                                     "Pattern_White_Space",
                                                     "Quotation_Mark",
                                                     "Radical",
                                                     "Regional_Indicator",
                                                     "Sentence_Terminal",
                                                     "Soft_Dotted",
                                                     "Terminal_Punctuation",
                                                     "Unified_Ideograph",
                                                     "Uppercase",
                                                     "Variation_Selector",
                                                     "White_Space",
                                                     "XID_Continue",
                                                     "XID_Start"};
  return std::find(std::begin(kProperties), std::end(kProperties), name) != std::end(kProperties);
}

}  // namespace

// One code point as PCRE2 reads it literally, in or out of a class.
void append_literal(std::string& out, char32_t c) {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
    out += static_cast<char>(c);
  } else if (c > 0x20 && c < 0x7f) {
    out += '\\';  // PCRE2: a backslash before ASCII punctuation is always that character
    out += static_cast<char>(c);
  } else {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string digits;
    for (char32_t v = c; v != 0 || digits.empty(); v >>= 4)
      digits.insert(digits.begin(), kHex[v & 15]);
    out += "\\x{" + digits + "}";
  }
}

namespace {
void append_three_bytes(std::string& out, char32_t c) {
  out += static_cast<char>(0xE0 | (c >> 12));
  out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out += static_cast<char>(0x80 | (c & 0x3F));
}
}  // namespace

std::string as_code_units(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size() + 8);
  for (std::size_t i = 0; i < pattern.size();) {
    const std::size_t start = i;
    const char32_t c = text::decode_utf8(pattern, i);
    if (c < 0x10000) {
      out += pattern.substr(start, i - start);
      continue;
    }
    append_three_bytes(out, 0xD800 + ((c - 0x10000) >> 10));
    append_three_bytes(out, 0xDC00 + ((c - 0x10000) & 0x3FF));
  }
  return out;
}

char32_t PatternReader::next_code_point() {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(peek(k)); };
  if (!flags_.unicode && byte(0) == 0xED && byte(1) >= 0xA0 && byte(1) <= 0xBF && byte(2) >= 0x80 &&
      byte(2) <= 0xBF && i_ + 2 < p_.size()) {
    const char32_t c = 0xD000 | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
    i_ += 3;
    return c;
  }
  return text::decode_utf8(p_, i_);
}

// ID_Start / ID_Continue for group names, approximated with kb's word
// characters outside ASCII.
bool is_name_start(char32_t c) {
  if (c < 0x80) return c == '$' || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return text::is_word_char(c);
}
bool is_name_part(char32_t c) {
  return is_name_start(c) || (c >= '0' && c <= '9') || c == 0x200C || c == 0x200D ||
         (c >= 0x80 && text::is_word_char(c));
}

// \xHH, \uHHHH (a surrogate pair as one code point) or, with u, \u{H...}:
// the code point, with i_ after it; nothing (i_ unchanged) when malformed.
std::optional<char32_t> PatternReader::hex_escape(char kind) {
  const auto fixed = [&](std::size_t at, int digits) -> std::optional<char32_t> {
    char32_t v = 0;
    for (int k = 0; k < digits; ++k) {
      const int h = at + k < p_.size() ? hex_value(p_[at + k]) : -1;
      if (h < 0) return std::nullopt;
      v = v * 16 + static_cast<char32_t>(h);
    }
    return v;
  };
  if (kind == 'x') {
    const auto v = fixed(i_ + 2, 2);
    if (v) i_ += 4;
    return v;
  }
  if (flags_.unicode && peek(2) == '{') {
    std::size_t k = i_ + 3;
    char32_t v = 0;
    for (; k < p_.size() && hex_value(p_[k]) >= 0; ++k) {
      v = v * 16 + static_cast<char32_t>(hex_value(p_[k]));
      if (v > 0x10FFFF) return std::nullopt;
    }
    if (k == i_ + 3 || k >= p_.size() || p_[k] != '}') return std::nullopt;
    i_ = k + 1;
    return v;
  }
  auto v = fixed(i_ + 2, 4);
  if (!v) return std::nullopt;
  i_ += 6;
  if (flags_.unicode && *v >= 0xD800 && *v <= 0xDBFF && peek() == '\\' && peek(1) == 'u') {
    if (const auto low = fixed(i_ + 2, 4); low && *low >= 0xDC00 && *low <= 0xDFFF) {
      i_ += 6;
      return 0x10000 + ((*v - 0xD800) << 10) + (*low - 0xDC00);
    }
  }
  return v;
}

// A legacy octal escape (Annex B) at i_ (after the backslash): up to three
// octal digits, at most 0377.
char32_t PatternReader::legacy_octal() {
  char32_t v = 0;
  for (int k = 0; k < 3 && !at_end() && peek() >= '0' && peek() <= '7'; ++k) {
    const char32_t next = v * 8 + static_cast<char32_t>(peek() - '0');
    if (next > 0377) break;
    v = next;
    ++i_;
  }
  return v;
}

// \p{...} or \P{...} at i_, with u: the same property in PCRE2's
// spelling (a class escape, valid inside a class too); nothing on error.
std::optional<std::string> PatternReader::property(bool in_class) {
  const bool negated = peek(1) == 'P';
  const std::size_t close = p_.find('}', i_ + 2);
  if (peek(2) != '{' || close == std::string_view::npos) {
    fail(in_class ? "Invalid property name in character class" : "Invalid property name");
    return std::nullopt;
  }
  const std::string_view written = p_.substr(i_ + 3, close - i_ - 3);
  i_ = close + 1;
  std::string name;
  const std::size_t equals = written.find('=');
  if (equals != std::string_view::npos) {
    const std::string_view key = written.substr(0, equals);
    const std::string_view value = written.substr(equals + 1);
    if (key == "General_Category" || key == "gc") {
      if (const char* category = general_category(value)) name = category;
    } else if (key == "Script" || key == "sc" || key == "Script_Extensions" || key == "scx") {
      // PCRE2 knows the script names and their short aliases.
      const bool plain = !value.empty() && std::all_of(value.begin(), value.end(), [](char ch) {
        return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_';
      });
      const bool extensions = key == "Script_Extensions" || key == "scx";
      if (plain) name = (extensions ? "scx:" : "sc:") + std::string(value);
    }
  } else if (written == "ASCII") {
    return negated ? "\\x{80}-\\x{10ffff}" : "\\x{0}-\\x{7f}";
  } else if (written == "Any") {
    return negated ? "\\P{Any}" : "\\p{Any}";
  } else if (written == "Assigned") {
    return negated ? "\\p{Cn}" : "\\P{Cn}";
  } else if (const char* category = general_category(written)) {
    name = category;
  } else if (is_binary_property(written)) {
    name = written;
  }
  if (name.empty()) {
    fail(in_class ? "Invalid property name in character class" : "Invalid property name");
    return std::nullopt;
  }
  return (negated ? "\\P{" : "\\p{") + name + "}";
}

// One code point outside a class, as JavaScript matches it.
void PatternReader::literal(std::string& to, char32_t c) const {
  if (!flags_.unicode) {
    // A UTF-16 unit (the 16-bit pattern); with i, each unit of its case.
    UnitSet units;
    units.add(c, c);
    if (flags_.ignore_case) units.close_over_case();
    to += units.pcre2();
    return;
  }
  // With u, a lone surrogate is in no UTF-8 text.
  if (is_surrogate(c)) {
    to += "(?!)";
    return;
  }
  append_literal(to, c);
}

// A character escape at i_ ('\'), consumed: its code point; nothing on
// error. (\c, \0, \x, \u, identity escapes.)
std::optional<char32_t> PatternReader::escaped_char(bool in_class) {
  const char c = peek(1);
  for (const auto& [escape, code] :
       {std::pair{'f', U'\f'}, {'n', U'\n'}, {'r', U'\r'}, {'t', U'\t'}, {'v', U'\v'}}) {
    if (c == escape) {
      i_ += 2;
      return code;
    }
  }
  if (c == 'c') {
    const char letter = peek(2);
    const bool ascii_letter = (letter >= 'a' && letter <= 'z') || (letter >= 'A' && letter <= 'Z');
    // Annex B: in a class, \c also takes a digit or '_'.
    if (ascii_letter || (in_class && !flags_.unicode && (is_digit(letter) || letter == '_'))) {
      i_ += 3;
      return static_cast<char32_t>(letter % 32);
    }
    if (flags_.unicode) {
      fail("Invalid Unicode escape");
      return std::nullopt;
    }
    ++i_;  // "\c" is a backslash; the 'c' is read next
    return U'\\';
  }
  if (c == '0' && !is_digit(peek(2))) {
    i_ += 2;
    return U'\0';
  }
  if (is_digit(c)) {  // in a class, or \0 followed by digits
    if (flags_.unicode) {
      // V8's words: \8 and \9 are no escape at all; \1 in a class no class
      // escape; \01 no decimal escape.
      fail(c >= '8'   ? "Invalid escape"
           : in_class ? "Invalid class escape"
                      : "Invalid decimal escape");
      return std::nullopt;
    }
    ++i_;
    if (c >= '8') {
      ++i_;
      return static_cast<char32_t>(c);
    }
    return legacy_octal();
  }
  if (c == 'x' || c == 'u') {
    if (const auto v = hex_escape(c)) return v;
    if (flags_.unicode) {
      fail(c == 'x' ? "Invalid escape" : "Invalid Unicode escape");
      return std::nullopt;
    }
    i_ += 2;
    return static_cast<char32_t>(c);
  }
  ++i_;
  const std::size_t at = i_;
  const char32_t ch = next_code_point();
  if (flags_.unicode) {
    static constexpr std::string_view kSyntax = "^$\\.*+?()[]{}|/";
    const bool allowed =
        (ch < 0x80 && kSyntax.find(static_cast<char>(ch)) != std::string_view::npos) ||
        (in_class && ch == '-');
    if (!allowed) {
      i_ = at;
      fail("Invalid escape");
      return std::nullopt;
    }
  }
  return ch;  // Annex B: any other escaped character is itself
}

}  // namespace kb::tasks::js
