#include "js_regex.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "js_regex_captures.hpp"
#include "js_regex_class.hpp"
#include "js_regex_reader.hpp"

// The grammar and messages follow V8's regexp parser (regexp-parser.cc) as
// node 20 reports them; the Annex B rules are ECMA-262's B.1.2.
namespace kb::tasks {

namespace js {
namespace {

class Translator : ClassReader {
 public:
  Translator(std::string_view pattern, JsRegexFlags flags)
      : ClassReader(pattern, flags), captures_(scan_captures(pattern, flags.unicode_sets)) {}

  Expected<std::string, JsRegexError> run() {
    using Result = Expected<std::string, JsRegexError>;
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
    if (!error_.empty()) return Result::failure(JsRegexError{error_, false});
    if (!unsupported_.empty()) return Result::failure(JsRegexError{unsupported_, true});
    return std::move(out_);
  }

 private:
  void disjunction() {
    alternatives_.push_back({opened_, opened_});
    while (error_.empty()) {
      alternative();
      if (peek() != '|' || at_end()) break;
      alternatives_.back().second = opened_;
      out_ += '|';
      ++i_;
    }
    alternatives_.pop_back();
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
        out_ += character_class();
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
      // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) on "{" + ...
      out_ += '{';
      out_ += clamp(b->min);
      out_ += ',';
      if (!b->open_ended) out_ += clamp(b->max);
      out_ += '}';
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
    const JsRegexFlags outer = flags_;  // a modifier group changes them inside
    if (peek() == '?') {
      const char kind = peek(1);
      if (kind == '-' || kind == 'i' || kind == 'm' || kind == 's') {
        if (!modifiers()) return;
      } else if (kind == ':' || kind == '=' || kind == '!') {
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
        ++opened_;
        const std::size_t start = i_;
        if (!group_name()) return;
        out_ += "(?<";
        out_ += captures_.pcre2_name(p_.substr(start, i_ - 1 - start));
        out_ += '>';
      } else {
        fail("Invalid group");
        return;
      }
    } else {
      ++opened_;
      out_ += '(';
    }
    disjunction();
    flags_ = outer;
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
      char32_t c = next_code_point();
      if (c >= 0xD800 && c <= 0xDBFF) {  // without u, a surrogate pair in a name is one character
        const std::size_t at = i_;
        const char32_t low = next_code_point();
        if (low >= 0xDC00 && low <= 0xDFFF) {
          c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
        } else {
          i_ = at;
        }
      }
      if (!(first ? is_name_start(c) : is_name_part(c))) return fail("Invalid capture group name");
      first = false;
    }
    if (at_end() || first) return fail("Invalid capture group name");
    const std::string name(p_.substr(start, i_ - start));
    ++i_;  // '>'
    // ES2025: a name may repeat when the two groups cannot both take part,
    // that is when an enclosing disjunction has the earlier one in an
    // alternative before this one's.
    for (const auto& [seen, seen_number] : named_) {
      if (seen != name) continue;
      const int number = seen_number;  // clang before 16 captures no structured binding
      const bool apart = std::any_of(alternatives_.begin(), alternatives_.end(), [&](auto span) {
        return number > span.first && number <= span.second;
      });
      if (!apart) return fail("Duplicate capture group name");
    }
    named_.emplace_back(name, opened_);
    return true;
  }

  // `(?ims-ims:` at i_ ('?'), ES2025's modifiers, read as V8 reads them:
  // flags_ changed for the group, and PCRE2's caseless state with them.
  bool modifiers() {
    std::size_t k = i_ + 1;
    bool dash = false;
    bool seen_i = false, seen_m = false, seen_s = false;
    for (;; ++k) {
      const char c = k < p_.size() ? p_[k] : '\0';
      if (c == '-') {
        if (dash) return fail("Multiple dashes in flag group");
        dash = true;
        continue;
      }
      bool* seen = c == 'i' ? &seen_i : c == 'm' ? &seen_m : c == 's' ? &seen_s : nullptr;
      if (seen != nullptr) {
        if (*seen) return fail("Repeated flag in flag group");
        *seen = true;
        bool& flag = c == 'i' ? flags_.ignore_case : c == 'm' ? flags_.multiline : flags_.dot_all;
        flag = !dash;
        continue;
      }
      if (c == ':') break;
      return fail("Invalid group");
    }
    if (dash && !seen_i && !seen_m && !seen_s) return fail("Invalid flag group");
    i_ = k + 1;
    // m and s are written into ^ $ and . as they are read; i also lives in
    // PCRE2 (u: its case folding; without u: back-references).
    out_ += !seen_i ? "(?:" : flags_.ignore_case ? "(?i:" : "(?-i:";
    return true;
  }

  // ---- escapes ---------------------------------------------------------

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
      // PCRE2 (DUPNAMES) refers to the group of that name that took part.
      if (captures_.number_of(name)) {
        out_ += "\\k<";  // GCC 12 at -O3 warns falsely (-Wrestrict) on "\\k<" + ...
        out_ += captures_.pcre2_name(name);
        out_ += '>';
      }
      i_ = close + 1;
      return;
    }
    if (c == 'p' && string_property()) {
      out_ += "(?!)";  // never run: kb refuses the pattern
      return;
    }
    if ((c == 'p' || c == 'P') && flags_.unicode) {
      if (const auto text = property(/*in_class=*/false)) out_ += "[" + *text + "]";
      return;
    }
    class_or_char_escape(out_, /*in_class=*/false);
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

  static constexpr int kMaxDepth = 250;

  int depth_ = 0;
  Captures captures_;
  std::string out_;
  int opened_ = 0;  // capturing groups opened so far
  // Per enclosing disjunction: the groups opened before it, and before its
  // last '|' (those in earlier alternatives are numbered between).
  std::vector<std::pair<int, int>> alternatives_;
  std::vector<std::pair<std::string, int>> named_;  // name, group number
  std::vector<std::string> references_;
};

}  // namespace
}  // namespace js

Expected<std::string, JsRegexError> js_regex_to_pcre2(std::string_view pattern,
                                                      JsRegexFlags flags) {
  if (flags.unicode) return js::Translator(pattern, flags).run();
  const std::string units = js::as_code_units(pattern);
  return js::Translator(units, flags).run();
}

}  // namespace kb::tasks
