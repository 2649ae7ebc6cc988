#pragma once
// Character classes of a JavaScript pattern (js_regex.hpp), read as V8
// reads them: Annex B's ranges without u, the strict ones with u, and with
// v the class set notation (nested classes, `&&`, `--`, `\q{...}`). Each is
// written as PCRE2 text that matches what the class matches (the v
// notation in js_regex_sets.cpp).
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "js_regex_reader.hpp"

namespace kb::tasks::js {

class ClassReader : public PatternReader {
 public:
  using PatternReader::PatternReader;

 protected:
  // The class at i_ ('['), consumed: its PCRE2 text ("" after an error).
  std::string character_class();
  // With v, `\p{RGI_Emoji}` and the other properties of strings at i_:
  // consumed, and noted in unsupported_ (PCRE2 has no data for them).
  bool string_property();

  // What V8 accepts but kb cannot run, reported when V8 finds no error.
  std::string unsupported_;

 private:
  using Ranges = std::vector<std::pair<char32_t, char32_t>>;

  // One class atom at i_: a code point, or (escape set) the PCRE2 text of
  // a class escape (\d \w \s and their negations, \p{...}).
  struct ClassAtom {
    char32_t c = 0;
    std::string escape;
  };
  std::optional<ClassAtom> class_atom();
  std::string ranges_class();
  std::string emit_class(bool negated, const Ranges& ranges,
                         const std::vector<std::string>& escapes) const;

  // ---- v: class set notation -------------------------------------------

  // A set: the code points it holds (a PCRE2 expression matching one code
  // point, empty when none) and its strings of other lengths.
  struct SetValue {
    std::string chars;
    std::set<std::u32string> strings;
    bool may_contain_strings = false;
  };
  enum class OperandType { Character, Escape, Strings, Nested };
  struct Operand {
    OperandType type = OperandType::Character;
    char32_t c = 0;
    SetValue value;
  };
  SetValue class_set();
  std::optional<Operand> set_operand();
  std::optional<char32_t> set_character();
  std::optional<SetValue> string_disjunction();
  SetValue set_union(bool negated, Operand first);
  static SetValue operand_set(Operand& operand);
  SetValue set_intersection(bool negated, Operand first);
  SetValue set_subtraction(bool negated, Operand first);
  std::string set_text(const SetValue& set) const;
};

}  // namespace kb::tasks::js
