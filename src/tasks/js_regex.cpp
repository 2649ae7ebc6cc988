#include "js_regex.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "kb/text/unicode.hpp"

// The grammar and messages follow V8's regexp parser (regexp-parser.cc) as
// node 20 reports them; the Annex B rules are ECMA-262's B.1.2.
namespace kb::tasks {

namespace {

// JavaScript's WhiteSpace and LineTerminator: what \s matches (PCRE2's \s
// without UCP is ASCII only).
constexpr std::string_view kJsSpaces =
    "\\t\\n\\x{0b}\\f\\r\\x{20}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}"
    "\\x{205f}\\x{3000}\\x{feff}";
// What `.` does not match without the s flag, and where ^ and $ match with m.
constexpr std::string_view kLineTerminators = "\\n\\r\\x{2028}\\x{2029}";

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_surrogate(char32_t c) {
  return c >= 0xD800 && c <= 0xDFFF;
}

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

// The capturing groups and their names, found before parsing as V8 does: a
// back-reference may come before its group.
struct Captures {
  int count = 0;
  std::vector<std::pair<std::string, int>> names;  // name, group number
  bool any_named() const { return !names.empty(); }
  std::optional<int> number_of(std::string_view name) const {
    for (const auto& [n, number] : names) {
      if (n == name) return number;
    }
    return std::nullopt;
  }
};

Captures scan_captures(std::string_view p) {
  Captures captures;
  bool in_class = false;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\') {
      ++i;
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
    } else if (c == '(') {
      if (i + 1 < p.size() && p[i + 1] == '?') {
        if (i + 2 >= p.size() || p[i + 2] != '<' || i + 3 >= p.size() || p[i + 3] == '=' ||
            p[i + 3] == '!') {
          continue;
        }
        const std::size_t close = p.find('>', i + 3);
        ++captures.count;
        if (close != std::string_view::npos) {
          captures.names.emplace_back(std::string(p.substr(i + 3, close - i - 3)), captures.count);
        }
      } else {
        ++captures.count;
      }
    }
  }
  return captures;
}

class Translator {
 public:
  Translator(std::string_view pattern, JsRegexFlags flags)
      : p_(pattern), flags_(flags), captures_(scan_captures(pattern)) {}

  Expected<std::string, std::string> run() {
    using Result = Expected<std::string, std::string>;
    disjunction();
    if (error_.empty() && i_ < p_.size()) error_ = "Unmatched ')'";  // disjunction stops at ')'
    if (error_.empty()) {
      for (const std::string& name : references_) {
        if (!captures_.number_of(name)) {
          error_ = "Invalid named capture referenced";
          break;
        }
      }
    }
    if (!error_.empty()) return Result::failure(error_);
    return std::move(out_);
  }

 private:
  bool at_end() const { return i_ >= p_.size(); }
  char peek(std::size_t ahead = 0) const { return i_ + ahead < p_.size() ? p_[i_ + ahead] : '\0'; }
  bool fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
    return false;
  }
  char32_t next_code_point() {
    std::size_t i = i_;
    const char32_t c = text::decode_utf8(p_, i);
    i_ = i;
    return c;
  }

  void disjunction() {
    while (error_.empty()) {
      alternative();
      if (peek() != '|' || at_end()) return;
      out_ += '|';
      ++i_;
    }
  }

  void alternative() {
    while (error_.empty() && !at_end() && peek() != '|' && peek() != ')') term();
  }

  // `{n}`, `{n,}` or `{n,m}` at i_: its length, bounds, and whether the
  // numbers are in order; nothing when the text there is no quantifier.
  struct Braces {
    std::size_t length;
    std::uint64_t min, max;
    bool open_ended;
  };
  std::optional<Braces> braces_at(std::size_t at) const {
    std::size_t i = at + 1;
    const auto number = [&](std::uint64_t& value) {
      const std::size_t start = i;
      value = 0;
      for (; i < p_.size() && is_digit(p_[i]); ++i) {
        value = std::min<std::uint64_t>(value * 10 + static_cast<unsigned>(p_[i] - '0'), 1u << 30);
      }
      return i > start;
    };
    Braces b{0, 0, 0, false};
    if (at >= p_.size() || p_[at] != '{' || !number(b.min)) return std::nullopt;
    b.max = b.min;
    if (i < p_.size() && p_[i] == ',') {
      ++i;
      if (!number(b.max)) b.open_ended = true;
    }
    if (i >= p_.size() || p_[i] != '}') return std::nullopt;
    b.length = i + 1 - at;
    return b;
  }

  bool quantifier_at(std::size_t at) const {
    if (at >= p_.size()) return false;
    const char c = p_[at];
    return c == '*' || c == '+' || c == '?' || braces_at(at).has_value();
  }

  void term() {
    const char c = peek();
    switch (c) {
      case '^':
        ++i_;
        out_ += flags_.multiline ? "(?:\\A|(?<=[" + std::string(kLineTerminators) + "]))" : "\\A";
        no_quantifier();
        return;
      case '$':
        ++i_;
        out_ += flags_.multiline ? "(?=[" + std::string(kLineTerminators) + "]|\\z)" : "\\z";
        no_quantifier();
        return;
      case '(':
        group();
        return;
      case '*':
      case '+':
      case '?':
        fail("Nothing to repeat");
        return;
      case '{':
        if (braces_at(i_)) {
          fail("Nothing to repeat");
          return;
        }
        if (flags_.unicode) {
          fail("Lone quantifier brackets");
          return;
        }
        break;
      case '}':
      case ']':
        if (flags_.unicode) {
          fail("Lone quantifier brackets");
          return;
        }
        break;
      case '[':
        character_class();
        quantifier();
        return;
      case '.':
        ++i_;
        out_ += flags_.dot_all ? "(?s:.)" : "[^" + std::string(kLineTerminators) + "]";
        quantifier();
        return;
      case '\\':
        if (peek(1) == 'b' || peek(1) == 'B') {
          out_ += p_.substr(i_, 2);
          i_ += 2;
          no_quantifier();
          return;
        }
        atom_escape();
        quantifier();
        return;
      default:
        break;
    }
    literal(out_, next_code_point());
    quantifier();
  }

  void no_quantifier() {
    if (quantifier_at(i_)) fail("Nothing to repeat");
  }

  void quantifier() {
    if (!error_.empty() || at_end()) return;
    const char c = peek();
    if (c == '*' || c == '+' || c == '?') {
      out_ += c;
      ++i_;
    } else if (c == '{') {
      const auto b = braces_at(i_);
      if (!b) {
        if (flags_.unicode) fail("Incomplete quantifier");
        return;  // Annex B: a literal '{', read by the next term
      }
      if (!b->open_ended && b->max < b->min) {
        fail("numbers out of order in {} quantifier");
        return;
      }
      // PCRE2 counts up to 65535; no task line is longer.
      const auto clamp = [](std::uint64_t v) {
        return std::to_string(std::min<std::uint64_t>(v, 65535));
      };
      out_ += "{" + clamp(b->min) + "," + (b->open_ended ? "" : clamp(b->max)) + "}";
      i_ += b->length;
    } else {
      return;
    }
    if (peek() == '?' && !at_end()) {
      out_ += '?';
      ++i_;
    }
    if (quantifier_at(i_)) fail("Nothing to repeat");  // a++, a*?? and x{1}{2}
  }

  void group() {
    ++i_;  // '('
    // Each group is a level of recursion here; PCRE2 nests 250 deep.
    if (++depth_ > kMaxDepth) {
      fail("Regular expression too large");
      return;
    }
    struct Leave {
      int& depth;
      ~Leave() { --depth; }
    } leave{depth_};
    bool quantifiable = true;
    if (peek() == '?') {
      const char kind = peek(1);
      if (kind == ':' || kind == '=' || kind == '!') {
        out_ += "(?";
        out_ += kind;
        i_ += 2;
        // Annex B lets a lookahead be quantified, the u grammar does not.
        if (kind != ':' && flags_.unicode) quantifiable = false;
      } else if (kind == '<' && (peek(2) == '=' || peek(2) == '!')) {
        out_ += "(?<";
        out_ += peek(2);
        i_ += 3;
        quantifiable = false;
      } else if (kind == '<') {
        i_ += 2;
        if (!group_name()) return;
        out_ += '(';  // numbered as JavaScript numbers it; \k<name> becomes \g{N}
      } else {
        fail("Invalid group");
        return;
      }
    } else {
      out_ += '(';
    }
    disjunction();
    if (!error_.empty()) return;
    if (peek() != ')' || at_end()) {
      fail("Unterminated group");
      return;
    }
    ++i_;
    out_ += ')';
    if (quantifiable) {
      quantifier();
    } else if (quantifier_at(i_)) {
      fail("Invalid quantifier");
    }
  }

  // `name>` after "(?<": a valid, new name.
  bool group_name() {
    const std::size_t start = i_;
    bool first = true;
    while (!at_end() && peek() != '>') {
      const char32_t c = next_code_point();
      if (!(first ? is_name_start(c) : is_name_part(c))) return fail("Invalid capture group name");
      first = false;
    }
    if (at_end() || first) return fail("Invalid capture group name");
    const std::string name(p_.substr(start, i_ - start));
    ++i_;  // '>'
    if (std::find(seen_names_.begin(), seen_names_.end(), name) != seen_names_.end()) {
      return fail("Duplicate capture group name");
    }
    seen_names_.push_back(name);
    return true;
  }

  // ---- escapes ---------------------------------------------------------

  // \xHH, \uHHHH (a surrogate pair as one code point) or, with u, \u{H...}:
  // the code point, with i_ after it; nothing (i_ unchanged) when malformed.
  std::optional<char32_t> hex_escape(char kind) {
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
    if (*v >= 0xD800 && *v <= 0xDBFF && peek() == '\\' && peek(1) == 'u') {
      if (const auto low = fixed(i_ + 2, 4); low && *low >= 0xDC00 && *low <= 0xDFFF) {
        i_ += 6;
        return 0x10000 + ((*v - 0xD800) << 10) + (*low - 0xDC00);
      }
    }
    return v;
  }

  // A legacy octal escape (Annex B) at i_ (after the backslash): up to three
  // octal digits, at most 0377.
  char32_t legacy_octal() {
    char32_t v = 0;
    for (int k = 0; k < 3 && !at_end() && peek() >= '0' && peek() <= '7'; ++k) {
      const char32_t next = v * 8 + static_cast<char32_t>(peek() - '0');
      if (next > 0377) break;
      v = next;
      ++i_;
    }
    return v;
  }

  // What an escape outside a class means: appended to out_.
  void atom_escape() {
    if (i_ + 1 >= p_.size()) {
      fail("\\ at end of pattern");
      ++i_;
      return;
    }
    const char c = peek(1);
    if (c >= '1' && c <= '9') {
      std::size_t k = i_ + 1;
      std::uint64_t n = 0;
      for (; k < p_.size() && is_digit(p_[k]); ++k)
        n = std::min<std::uint64_t>(n * 10 + (p_[k] - '0'), 1u << 30);
      if (n <= static_cast<std::uint64_t>(captures_.count)) {
        out_ += "\\g{" + std::to_string(n) + "}";
        i_ = k;
        return;
      }
      if (flags_.unicode) {
        fail("Invalid escape");
        return;
      }
      // Annex B: no such group, so \8 is "8" and \12 the octal escape \12.
      ++i_;
      if (c >= '8') {
        ++i_;
        literal(out_, static_cast<char32_t>(c));
      } else {
        literal(out_, legacy_octal());
      }
      return;
    }
    if (c == 'k' && (flags_.unicode || captures_.any_named())) {
      const std::size_t close = p_.find('>', i_ + 2);
      if (peek(2) != '<' || close == std::string_view::npos || close == i_ + 3) {
        fail("Invalid named reference");
        return;
      }
      const std::string name(p_.substr(i_ + 3, close - i_ - 3));
      references_.push_back(name);
      if (const auto number = captures_.number_of(name)) {
        out_ += "\\g{" + std::to_string(*number) + "}";
      }
      i_ = close + 1;
      return;
    }
    if ((c == 'p' || c == 'P') && flags_.unicode) {
      if (const auto text = property()) out_ += "[" + *text + "]";
      return;
    }
    class_or_char_escape(out_, /*in_class=*/false);
  }

  // \p{...} or \P{...} at i_, with u: the same property in PCRE2's
  // spelling (a class escape, valid inside a class too); nothing on error.
  std::optional<std::string> property() {
    const bool negated = peek(1) == 'P';
    const std::size_t close = p_.find('}', i_ + 2);
    if (peek(2) != '{' || close == std::string_view::npos) {
      fail("Invalid property name");
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
      fail("Invalid property name");
      return std::nullopt;
    }
    return (negated ? "\\P{" : "\\p{") + name + "}";
  }

 private:
  // The escapes shared by atoms and classes, at i_ ('\'): appended to `to`
  // as PCRE2 text (a class escape as its class; a character as itself).
  void class_or_char_escape(std::string& to, bool in_class) {
    const char c = peek(1);
    switch (c) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
        to += p_.substr(i_, 2);
        i_ += 2;
        return;
      case 's':
      case 'S':
        to += (c == 's' ? "[" : "[^") + std::string(kJsSpaces) + "]";
        i_ += 2;
        return;
      default:
        break;
    }
    const std::optional<char32_t> ch = escaped_char(in_class);
    if (ch) literal(to, *ch);
  }

  // One code point outside a class, as JavaScript matches it.
  void literal(std::string& to, char32_t c) const {
    if (is_surrogate(c)) {
      // Without u, JavaScript matches UTF-16 units: a lone high surrogate is
      // the first half of each character of its block. A low one, or any
      // with u, is in no UTF-8 text.
      const auto block = high_surrogate_block(c);
      to += block ? "[" + *block + "]" : "(?!)";
      return;
    }
    if (flags_.ignore_case && !flags_.unicode) {
      if (const char* exact = non_unicode_case(c)) {
        to += exact;
        return;
      }
    }
    append_literal(to, c);
  }

  // The characters whose UTF-16 first unit is the high surrogate `c`
  // (without u), as the inside of a class.
  std::optional<std::string> high_surrogate_block(char32_t c) const {
    if (flags_.unicode || c < 0xD800 || c > 0xDBFF) return std::nullopt;
    const char32_t first = 0x10000 + ((c - 0xD800) << 10);
    std::string inside;
    append_literal(inside, first);
    inside += '-';
    append_literal(inside, first + 0x3FF);
    return inside;
  }

  // Without u, JavaScript's `i` compares upper cases and never maps a
  // non-ASCII character to an ASCII one (Canonicalize, ECMA-262 22.2.2.7.3);
  // PCRE2 folds cases as Unicode does. They differ on these characters,
  // which are written out as JavaScript matches them.
  static const char* non_unicode_case(char32_t c) {
    switch (c) {
      case U'k':
      case U'K':
        return "(?-i:[kK])";  // not the Kelvin sign
      case U's':
      case U'S':
        return "(?-i:[sS])";  // not the long s
      case U'\u00E5':
      case U'\u00C5':
        return "(?-i:[\\x{e5}\\x{c5}])";  // not the Angstrom sign
      case U'\u03C9':
      case U'\u03A9':
        return "(?-i:[\\x{3c9}\\x{3a9}])";  // not the Ohm sign
      case U'\u00DF':
        return "(?-i:\\x{df})";  // its upper case is two letters
      case U'\u1E9E':
        return "(?-i:\\x{1e9e})";
      case U'\u212A':
        return "(?-i:\\x{212a})";
      case U'\u212B':
        return "(?-i:\\x{212b})";
      case U'\u2126':
        return "(?-i:\\x{2126})";
      case U'\u017F':
        return "(?-i:\\x{17f})";
      default:
        return nullptr;
    }
  }

  // A character escape at i_ ('\'), consumed: its code point; nothing on
  // error. (\c, \0, \x, \u, identity escapes.)
  std::optional<char32_t> escaped_char(bool in_class) {
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
      const bool ascii_letter =
          (letter >= 'a' && letter <= 'z') || (letter >= 'A' && letter <= 'Z');
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
        fail(c == '0' ? "Invalid decimal escape" : "Invalid class escape");
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
        fail(in_class ? "Invalid class escape" : "Invalid escape");
        return std::nullopt;
      }
    }
    return ch;  // Annex B: any other escaped character is itself
  }

  // ---- classes ---------------------------------------------------------

  // One class atom at i_: a code point, or (escape set) the PCRE2 text of
  // a class escape (\d \w \s and their negations).
  struct ClassAtom {
    char32_t c = 0;
    std::string escape;
  };

  std::optional<ClassAtom> class_atom() {
    ClassAtom atom;
    if (peek() != '\\') {
      atom.c = next_code_point();
      return atom;
    }
    if (i_ + 1 >= p_.size()) {
      fail("\\ at end of pattern");
      return std::nullopt;
    }
    const char c = peek(1);
    if (c == 'b') {
      i_ += 2;
      atom.c = 0x08;
      return atom;
    }
    if (c == 'd' || c == 'D' || c == 'w' || c == 'W' || c == 's' || c == 'S') {
      atom.escape = std::string(p_.substr(i_, 2));
      i_ += 2;
      return atom;
    }
    if (flags_.unicode && (c == 'p' || c == 'P')) {
      auto text = property();
      if (!text) return std::nullopt;
      atom.escape = std::move(*text);
      return atom;
    }
    if (!flags_.unicode && c == 'k') {
      i_ += 2;
      atom.c = 'k';
      return atom;
    }
    const auto ch = escaped_char(/*in_class=*/true);
    if (!ch) return std::nullopt;
    atom.c = *ch;
    return atom;
  }

  void character_class() {
    ++i_;  // '['
    bool negated = false;
    if (peek() == '^' && !at_end()) {
      negated = true;
      ++i_;
    }
    std::vector<std::pair<char32_t, char32_t>> ranges;
    std::vector<std::string> escapes;
    bool closed = false;
    while (error_.empty() && !at_end()) {
      if (peek() == ']') {
        ++i_;
        closed = true;
        break;
      }
      auto first = class_atom();
      if (!first) return;
      if (peek() == '-' && peek(1) != ']' && i_ + 1 < p_.size()) {
        ++i_;  // '-'
        auto last = class_atom();
        if (!last) return;
        if (!first->escape.empty() || !last->escape.empty()) {
          if (flags_.unicode) {
            fail("Invalid character class");
            return;
          }
          // Annex B: [\d-z] is \d, '-' and 'z'.
          for (const ClassAtom* a : {&*first, &*last}) {
            if (a->escape.empty())
              ranges.emplace_back(a->c, a->c);
            else
              escapes.push_back(a->escape);
          }
          ranges.emplace_back(U'-', U'-');
          continue;
        }
        if (last->c < first->c) {
          fail("Range out of order in character class");
          return;
        }
        ranges.emplace_back(first->c, last->c);
        continue;
      }
      if (first->escape.empty())
        ranges.emplace_back(first->c, first->c);
      else
        escapes.push_back(first->escape);
    }
    if (!error_.empty()) return;
    if (!closed) {
      fail("Unterminated character class");
      return;
    }
    emit_class(negated, ranges, escapes);
  }

  // PCRE2 has no class inside a class: \S (not a JavaScript space, which no
  // PCRE2 escape says) and \p{...} written as an alternative beside it.
  void emit_class(bool negated, const std::vector<std::pair<char32_t, char32_t>>& ranges,
                  const std::vector<std::string>& escapes) {
    std::string inner;
    std::vector<std::string> apart;  // classes that cannot go inside `inner`
    for (const auto& [lo, hi] : ranges) {
      // Surrogates: high ones without u stand for their blocks (literal());
      // the rest match nothing in UTF-8, and a range across them is cut.
      if (is_surrogate(lo) && is_surrogate(hi)) {
        for (char32_t c = lo; c <= std::min<char32_t>(hi, 0xDBFF); ++c) {
          if (const auto block = high_surrogate_block(c)) inner += *block;
        }
        continue;
      }
      const char32_t a = is_surrogate(lo) ? 0xE000 : lo;
      const char32_t b = is_surrogate(hi) ? 0xD7FF : hi;
      if (lo < 0xD800 && hi > 0xDFFF) {
        append_literal(inner, a);
        inner += '-';
        append_literal(inner, 0xD7FF);
        append_literal(inner, 0xE000);
        inner += '-';
        append_literal(inner, b);
        continue;
      }
      append_literal(inner, a);
      if (b != a) {
        inner += '-';
        append_literal(inner, b);
      }
    }
    for (const std::string& e : escapes) {
      if (e == "\\s") {
        inner += kJsSpaces;
      } else if (e == "\\S") {
        apart.push_back("[^" + std::string(kJsSpaces) + "]");
      } else {
        inner += e;  // \d \D \w \W \p{..} \P{..} are valid inside a PCRE2 class
      }
    }
    const std::string any_char = "[\\x{0}-\\x{10ffff}]";
    if (apart.empty()) {
      if (inner.empty()) {
        out_ += negated ? any_char : "(?!)";  // [] matches nothing, [^] anything
      } else {
        out_ += (negated ? "[^" : "[") + inner + "]";
      }
      return;
    }
    // [x\S] is x or a non-space; [^x\S] is a space that is not x.
    if (!negated) {
      out_ += "(?:";
      if (!inner.empty()) out_ += "[" + inner + "]|";
      out_ += apart.front() + ")";
    } else {
      out_ += "(?:";
      if (!inner.empty()) out_ += "(?![" + inner + "])";
      out_ += "[" + std::string(kJsSpaces) + "])";
    }
  }

  static constexpr int kMaxDepth = 250;

  std::string_view p_;
  JsRegexFlags flags_;
  int depth_ = 0;
  Captures captures_;
  std::size_t i_ = 0;
  std::string out_;
  std::string error_;
  std::vector<std::string> seen_names_;
  std::vector<std::string> references_;
};

}  // namespace

Expected<std::string, std::string> js_regex_to_pcre2(std::string_view pattern, JsRegexFlags flags) {
  return Translator(pattern, flags).run();
}

}  // namespace kb::tasks
