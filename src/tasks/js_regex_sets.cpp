#include <algorithm>
#include <iterator>

#include "js_regex_class.hpp"
#include "js_regex_strings.hpp"

// The v flag's class set notation (ECMA-262 ClassSetExpression; V8's
// ParseClassSetOperand, ParseClassUnion, ParseClassIntersection and
// ParseClassSubtraction, with their messages as node 20 reports them).
// PCRE2 10.42 has no set operations: a code point in A and B is written
// (?=A)B, one in A but not B (?!B)A, and strings are kept as sets. With i,
// ECMA-262 folds every operand first (MaybeSimpleCaseFolding): kb keeps
// the cased code points of each set closed over case, the same sets.
namespace kb::tasks::js {

namespace {

// With v, these must be escaped in a class (ClassSetSyntaxCharacter), and
// a doubled one of the others is reserved (ClassSetReservedDoublePunctuator);
// an escaped ClassSetReservedPunctuator is itself.
constexpr std::string_view kSetSyntax = "()[]{}/-\\|";
constexpr std::string_view kDoublePunctuators = "&!#$%*+,.:;<=>?@^`~";
constexpr std::string_view kReservedPunctuators = "&-!#%,:;<=>@`~";

const std::string kAnyChar = "[\\x{0}-\\x{10ffff}]";

}  // namespace

// A class at i_ ('['), with v.
ClassReader::SetValue ClassReader::class_set() {
  ++i_;  // '['
  bool negated = false;
  if (peek() == '^' && !at_end()) {
    negated = true;
    ++i_;
  }
  if (peek() == ']' && !at_end()) {
    ++i_;
    SetValue empty;
    if (negated) empty.chars = kAnyChar;  // [^] matches anything
    if (folds()) empty.cased = CasedSet(cased_code_points().size(), negated);
    return empty;
  }
  auto first = set_operand();
  if (!first) return {};
  if (peek() == '-' && peek(1) == '-') return set_subtraction(negated, std::move(*first));
  if (peek() == '&' && peek(1) == '&') return set_intersection(negated, std::move(*first));
  return set_union(negated, std::move(*first));
}

// A ClassSetOperand at i_: a nested class, \q{...}, a class escape, or a
// character.
std::optional<ClassReader::Operand> ClassReader::set_operand() {
  Operand operand;
  if (peek() == '\\' && i_ + 1 < p_.size()) {
    const char c = peek(1);
    if (c == 'q') {
      i_ += 2;
      auto strings = string_disjunction();
      if (!strings) return std::nullopt;
      operand.type = OperandType::Strings;
      operand.value = std::move(*strings);
      return operand;
    }
    if (c == 'd' || c == 'D' || c == 'w' || c == 'W' || c == 's' || c == 'S' || c == 'p' ||
        c == 'P') {
      operand.type = OperandType::Escape;
      if (auto strings = string_property_set()) {
        operand.value = std::move(*strings);
        return operand;
      }
      const std::size_t at = i_;
      auto atom = class_atom();
      if (!atom) return std::nullopt;
      operand.value.chars = emit_class(false, {}, {atom->escape});
      if (folds()) {
        // A property folded (property_cased); \w and \W are closed
        // already; the others hold all or no cased code points.
        const std::size_t after = i_;
        i_ = at;
        operand.value.cased =
            c == 'p' || c == 'P' ? property_cased(atom->escape) : cased_members(atom->escape);
        i_ = after;
      }
      return operand;
    }
  }
  if (peek() == '[' && !at_end()) {
    operand.type = OperandType::Nested;
    operand.value = class_set();
    if (!error_.empty()) return std::nullopt;
    return operand;
  }
  const auto c = set_character();
  if (!c) return std::nullopt;
  operand.c = *c;
  return operand;
}

// A ClassSetCharacter at i_.
std::optional<char32_t> ClassReader::set_character() {
  if (at_end()) {
    fail("Unterminated character class");
    return std::nullopt;
  }
  const char c = peek();
  if (c == '\\') {
    if (i_ + 1 >= p_.size()) {
      fail("\\ at end of pattern");
      return std::nullopt;
    }
    const char next = peek(1);
    if (next == 'b' || kReservedPunctuators.find(next) != std::string_view::npos) {
      i_ += 2;
      return next == 'b' ? U'\b' : static_cast<char32_t>(next);
    }
    return escaped_char(/*in_class=*/true);
  }
  if (kSetSyntax.find(c) != std::string_view::npos) {
    fail("Invalid character in character class");
    return std::nullopt;
  }
  if (kDoublePunctuators.find(c) != std::string_view::npos && peek(1) == c && i_ + 1 < p_.size()) {
    fail("Invalid set operation in character class");
    return std::nullopt;
  }
  return next_code_point();
}

// `{a|bc|}` after \q: strings of one character join the code points.
std::optional<ClassReader::SetValue> ClassReader::string_disjunction() {
  if (peek() != '{' || at_end()) {
    fail("Invalid escape");
    return std::nullopt;
  }
  ++i_;
  SetValue set;
  Ranges singles;
  std::u32string current;
  const auto finish = [&] {
    if (current.size() == 1) {
      singles.emplace_back(current[0], current[0]);
    } else {
      set.may_contain_strings = true;
      set.strings.insert(current);
    }
    current.clear();
  };
  while (!at_end() && peek() != '}') {
    if (peek() == '|') {
      ++i_;
      finish();
      continue;
    }
    const auto c = set_character();
    if (!c) return std::nullopt;
    // With i, MaybeSimpleCaseFolding: a string folded code point by code
    // point; a single one stands for its whole case class (below).
    current += folds() ? simple_fold(*c) : *c;
  }
  if (at_end()) {
    fail("Unterminated character class");
    return std::nullopt;
  }
  ++i_;  // '}'
  finish();
  if (!singles.empty()) set.chars = emit_class(false, singles, {});
  if (folds()) {
    set.cased = CasedSet(cased_code_points().size(), false);
    for (const auto& [c, same] : singles) set.cased = set.cased | cased_range(c, c);
    set.cased = case_closure(set.cased);
  }
  return set;
}

ClassReader::SetValue ClassReader::set_union(bool negated, Operand first) {
  Ranges ranges;
  std::vector<std::string> alternatives;
  SetValue result;
  if (folds()) result.cased = CasedSet(cased_code_points().size(), false);
  const auto add = [&](Operand& operand) {
    if (operand.type == OperandType::Character) {
      ranges.emplace_back(operand.c, operand.c);
      return;
    }
    if (folds() && !operand.value.cased.empty()) result.cased = result.cased | operand.value.cased;
    if (!operand.value.chars.empty()) alternatives.push_back(std::move(operand.value.chars));
    result.strings.merge(operand.value.strings);
    result.may_contain_strings |= operand.value.may_contain_strings;
  };
  OperandType last_type = first.type;
  char32_t last_char = first.c;
  add(first);
  while (error_.empty() && !at_end() && peek() != ']') {
    if (peek() == '-') {
      if (peek(1) == '-') {
        fail("Invalid set operation in character class");
        return {};
      }
      if (last_type != OperandType::Character) {
        fail("Invalid character class");
        return {};
      }
      ++i_;
      auto to = set_operand();
      if (!to) return {};
      if (to->type != OperandType::Character) {
        fail("Invalid character class");
        return {};
      }
      if (to->c < last_char) {
        fail("Range out of order in character class");
        return {};
      }
      ranges.emplace_back(last_char, to->c);
      last_type = OperandType::Escape;  // a range ends no further range
      continue;
    }
    auto operand = set_operand();
    if (!operand) return {};
    last_type = operand->type;
    last_char = operand->c;
    add(*operand);
  }
  if (!error_.empty()) return {};
  if (at_end()) {
    fail("Unterminated character class");
    return {};
  }
  ++i_;  // ']'
  if (negated && result.may_contain_strings) {
    fail("Negated character class may contain strings");
    return {};
  }
  if (folds()) {
    // Every operand folded (closed over case), then the complement.
    for (const auto& [lo, hi] : ranges) result.cased = result.cased | cased_range(lo, hi);
    result.cased = case_closure(result.cased);
    if (negated) result.cased = complement(result.cased);
  }
  if (alternatives.empty()) {
    // Only characters and ranges: one PCRE2 class, negated in place.
    if (!ranges.empty())
      result.chars = emit_class(negated, ranges, {});
    else if (negated)
      result.chars = kAnyChar;
    return result;
  }
  if (!ranges.empty()) alternatives.insert(alternatives.begin(), emit_class(false, ranges, {}));
  std::string chars = alternatives.size() == 1 ? alternatives.front() : "(?:";
  if (alternatives.size() > 1) {
    for (std::size_t k = 0; k < alternatives.size(); ++k) {
      if (k > 0) chars += '|';
      chars += alternatives[k];
    }
    chars += ')';
  }
  result.chars = negated ? "(?!" + chars + ")" + kAnyChar : chars;
  return result;
}

// An operand of && or -- as a set: a single character is a set of one (a
// lone surrogate matches no code point).
ClassReader::SetValue ClassReader::operand_set(Operand& operand) const {
  if (operand.type == OperandType::Character) {
    SetValue set;
    append_literal(set.chars, operand.c);
    if (is_surrogate(operand.c)) set.chars = "(?!)";
    // With i, folded as every ClassSetOperand is (ECMA-262
    // MaybeSimpleCaseFolding): here, closed over case.
    if (folds()) set.cased = case_closure(cased_range(operand.c, operand.c));
    return set;
  }
  SetValue set = std::move(operand.value);
  if (folds() && set.cased.empty()) set.cased = CasedSet(cased_code_points().size(), false);
  return set;
}

void ClassReader::close_over_case(SetValue& set) {
  if (set.cased.empty()) set.cased = CasedSet(cased_code_points().size(), false);
  set.cased = case_closure(set.cased);
  // Code points without case as the set says, cased ones as listed.
  std::string chars;
  if (!set.chars.empty()) chars = "(?![" + cased_class_text() + "])" + set.chars;
  const std::string listed = class_text(set.cased);
  if (!listed.empty()) chars += (chars.empty() ? "[" : "|[") + listed + "]";
  set.chars = chars.empty() ? std::string() : "(?:" + chars + ")";
}

// [A&&B&&C]: a code point in all (one lookahead per operand), the strings
// in all.
ClassReader::SetValue ClassReader::set_intersection(bool negated, Operand first) {
  SetValue result = operand_set(first);
  while (error_.empty() && !at_end() && peek() != ']') {
    if (peek() != '&' || peek(1) != '&') {
      fail("Invalid set operation in character class");
      return {};
    }
    i_ += 2;
    if (peek() == '&' && !at_end()) {
      fail("Invalid character in character class");
      return {};
    }
    auto operand = set_operand();
    if (!operand) return {};
    SetValue next = operand_set(*operand);
    if (folds()) result.cased = result.cased & next.cased;
    result.chars = result.chars.empty() || next.chars.empty()
                       ? std::string()
                       : "(?=" + result.chars + ")" + next.chars;
    std::set<std::u32string> both;
    std::set_intersection(result.strings.begin(), result.strings.end(), next.strings.begin(),
                          next.strings.end(), std::inserter(both, both.end()));
    result.strings = std::move(both);
    result.may_contain_strings &= next.may_contain_strings;
  }
  if (!error_.empty()) return {};
  if (at_end()) {
    fail("Unterminated character class");
    return {};
  }
  if (negated && result.may_contain_strings) {
    fail("Negated character class may contain strings");
    return {};
  }
  ++i_;  // ']'
  if (negated)
    result.chars = result.chars.empty() ? kAnyChar : "(?!" + result.chars + ")" + kAnyChar;
  if (negated && folds()) result.cased = complement(result.cased);
  return result;
}

// [A--B--C]: a code point of A in neither B nor C, A's strings that are
// in neither.
ClassReader::SetValue ClassReader::set_subtraction(bool negated, Operand first) {
  SetValue result = operand_set(first);
  if (negated && result.may_contain_strings) {
    fail("Negated character class may contain strings");
    return {};
  }
  while (error_.empty() && !at_end() && peek() != ']') {
    if (peek() != '-' || peek(1) != '-') {
      fail("Invalid set operation in character class");
      return {};
    }
    i_ += 2;
    auto operand = set_operand();
    if (!operand) return {};
    SetValue next = operand_set(*operand);
    if (folds()) result.cased = result.cased & complement(next.cased);
    if (!result.chars.empty() && !next.chars.empty()) {
      result.chars = "(?!" + next.chars + ")" + result.chars;
    }
    for (const std::u32string& s : next.strings) result.strings.erase(s);
  }
  if (!error_.empty()) return {};
  if (at_end()) {
    fail("Unterminated character class");
    return {};
  }
  ++i_;  // ']'
  if (negated)
    result.chars = result.chars.empty() ? kAnyChar : "(?!" + result.chars + ")" + kAnyChar;
  if (negated && folds()) result.cased = complement(result.cased);
  return result;
}

// A set as PCRE2 text: its strings longest first, then its code points,
// then the empty string (ECMA-262 CompileAtom for a class with strings).
std::string ClassReader::set_text(const SetValue& set) const {
  if (!error_.empty()) return {};
  std::vector<const std::u32string*> strings;
  bool empty_string = false;
  for (const std::u32string& s : set.strings) {
    if (s.empty()) {
      empty_string = true;
    } else if (std::none_of(s.begin(), s.end(), is_surrogate)) {
      strings.push_back(&s);  // a lone surrogate is in no UTF-8 text
    }
  }
  if (strings.empty() && !empty_string) return set.chars.empty() ? "(?!)" : set.chars;
  std::string text = "(?:";
  bool first = true;
  const auto next = [&] {
    if (!first) text += '|';
    first = false;
  };
  if (!strings.empty()) {
    next();
    text += strings_alternation(strings);
  }
  if (!set.chars.empty()) {
    next();
    text += set.chars;
  }
  if (empty_string) next();
  return text + ")";
}

}  // namespace kb::tasks::js
