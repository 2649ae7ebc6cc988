#include "js_regex_class.hpp"

#include <algorithm>

#include "js_regex_emoji.hpp"
#include "js_regex_units.hpp"

// V8's class grammar without v (regexp-parser.cc: ParseClassRanges) and
// its messages, as node 20 reports them; with v, js_regex_sets.cpp.
namespace kb::tasks::js {

std::string ClassReader::character_class() {
  if (!flags_.unicode_sets) return ranges_class();
  SetValue set = class_set();
  if (folds() && error_.empty()) close_over_case(set);
  return set_text(set);
}

std::string ClassReader::case_closed(const std::string& text) {
  const CasedSet members = cased_members(text);
  return text + class_text(case_closure(members) & complement(members));
}

std::string ClassReader::split_by_case(const std::string& text, const CasedSet& cased) {
  std::string out = "(?:(?![" + cased_class_text() + "])[" + text + "]";
  const std::string listed = class_text(cased);
  if (!listed.empty()) out += "|[" + listed + "]";
  return out + ")";
}

CasedSet ClassReader::property_cased(const std::string& text) const {
  // ECMA-262 CompileToCharSet: the property's set case-folded
  // (MaybeSimpleCaseFolding), and for \P its CharacterComplement, so a
  // closed set's complement. The spec's text folds no lone General_Category
  // value (`\p{Lu}`, unlike `\p{gc=Lu}`), which would make /[^\P{Lu}]/vi
  // miss "A"; kb folds it as V8 does (AddPropertyClassRange).
  const bool negated = peek(1) == 'P';
  const CasedSet members = cased_members(text);  // of \P{X}: those not in X
  return negated ? complement(case_closure(complement(members))) : case_closure(members);
}

bool ClassReader::string_property(std::string& to) {
  auto set = string_property_set();
  if (!set) return false;
  to += set_text(*set);
  return true;
}

std::optional<ClassReader::SetValue> ClassReader::string_property_set() {
  if (!flags_.unicode_sets || peek() != '\\' || peek(1) != 'p' || peek(2) != '{')
    return std::nullopt;
  const std::size_t close = p_.find('}', i_ + 3);
  if (close == std::string_view::npos) return std::nullopt;
  const EmojiSequences* sequences = property_of_strings(p_.substr(i_ + 3, close - i_ - 3));
  if (sequences == nullptr) return std::nullopt;
  i_ = close + 1;
  SetValue set;
  set.chars = emit_class(false, sequences->singles, {});
  set.strings.insert(sequences->strings.begin(), sequences->strings.end());
  set.may_contain_strings = true;
  // No emoji has a case; its sequences' letters (keycaps, tags) neither.
  if (folds()) set.cased = CasedSet(cased_code_points().size(), false);
  return set;
}

std::optional<ClassReader::ClassAtom> ClassReader::class_atom() {
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
    // With u or v and i, \w also holds what folds to a word character.
    if ((c == 'w' || c == 'W') && flags_.unicode && flags_.ignore_case)
      atom.escape = unicode_word_text(c == 'W');
    i_ += 2;
    return atom;
  }
  if (flags_.unicode && (c == 'p' || c == 'P')) {
    auto text = property(/*in_class=*/true);
    if (!text) return std::nullopt;
    // With v, sets close it over case (js_regex_sets.cpp).
    const bool close = flags_.ignore_case && !flags_.unicode_sets;
    atom.escape = close ? case_closed(*text) : std::move(*text);
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

// Without v: atoms and ranges.
std::string ClassReader::ranges_class() {
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
    if (!first) return {};
    if (peek() == '-' && peek(1) != ']' && i_ + 1 < p_.size()) {
      ++i_;  // '-'
      auto last = class_atom();
      if (!last) return {};
      if (!first->escape.empty() || !last->escape.empty()) {
        if (flags_.unicode) {
          fail("Invalid character class");
          return {};
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
        return {};
      }
      ranges.emplace_back(first->c, last->c);
      continue;
    }
    if (first->escape.empty())
      ranges.emplace_back(first->c, first->c);
    else
      escapes.push_back(first->escape);
  }
  if (!error_.empty()) return {};
  if (!closed) {
    fail("Unterminated character class");
    return {};
  }
  if (!flags_.unicode) {
    // UTF-16 units: the class as the set of units it matches.
    UnitSet units;
    for (const auto& [lo, hi] : ranges) units.add(lo, hi);
    for (const std::string& e : escapes) units.add_escape(e[1]);
    if (flags_.ignore_case) units.close_over_case();
    if (negated) units.invert();
    return units.pcre2();
  }
  return emit_class(negated, ranges, escapes);
}

// With u (UTF-8): PCRE2 has no class inside a class, so \S (not a
// JavaScript space, which no PCRE2 escape says) is written as an
// alternative beside it.
std::string ClassReader::emit_class(bool negated, const Ranges& ranges,
                                    const std::vector<std::string>& escapes) const {
  std::string inner;
  std::vector<std::string> apart;  // classes that cannot go inside `inner`
  for (const auto& [lo, hi] : ranges) {
    // Surrogates match nothing in UTF-8, and a range across them is cut.
    if (is_surrogate(lo) && is_surrogate(hi)) continue;
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
  std::string out;
  const std::string any_char = "[\\x{0}-\\x{10ffff}]";
  if (apart.empty()) {
    if (inner.empty()) {
      out += negated ? any_char : "(?!)";  // [] matches nothing, [^] anything
    } else {
      out += (negated ? "[^" : "[") + inner + "]";
    }
    return out;
  }
  // [x\S] is x or a non-space; [^x\S] is a space that is not x.
  if (!negated) {
    out += "(?:";
    if (!inner.empty()) out += "[" + inner + "]|";
    out += apart.front() + ")";
  } else {
    out += "(?:";
    if (!inner.empty()) out += "(?![" + inner + "])";
    out += "[" + std::string(kJsSpaces) + "])";
  }
  return out;
}

}  // namespace kb::tasks::js
