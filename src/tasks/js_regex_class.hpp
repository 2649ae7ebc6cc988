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

#include "js_regex_case.hpp"
#include "js_regex_reader.hpp"

namespace kb::tasks::js {

class ClassReader : public PatternReader {
 public:
  using PatternReader::PatternReader;

 protected:
  // The class at i_ ('['), consumed: its PCRE2 text ("" after an error).
  std::string character_class();
  // With v, `\p{RGI_Emoji}` or another property of strings at i_:
  // consumed, and its PCRE2 text (the emoji sequences, js_regex_emoji.hpp)
  // appended to `to`.
  bool string_property(std::string& to);

  // With u and i: a property's PCRE2 text (\p{..}, \P{..}) closed over
  // case as JavaScript closes it (js_regex_case.hpp).
  static std::string case_closed(const std::string& text);
  // With v and i, a property's cased code points as ECMA-262 computes
  // them: closed over case (MaybeSimpleCaseFolding), then complemented for
  // \P (CharacterComplement). The \p or \P at i_, `text` its PCRE2 text.
  CasedSet property_cased(const std::string& text) const;
  // A set of one code point: the others as `text` says, cased ones as
  // `cased` says.
  static std::string split_by_case(const std::string& text, const CasedSet& cased);

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
    // With i: the cased code points it holds, closed over case as
    // ECMA-262 folds every operand (js_regex_case.hpp); `chars` then
    // stands only for the others.
    CasedSet cased;
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
  // A property of strings at i_, consumed; nothing when there is none.
  std::optional<SetValue> string_property_set();
  std::optional<Operand> set_operand();
  std::optional<char32_t> set_character();
  std::optional<SetValue> string_disjunction();
  SetValue set_union(bool negated, Operand first);
  SetValue operand_set(Operand& operand) const;
  // With v and i, the top class: its cased code points closed over case,
  // its other code points as written (js_regex_case.hpp).
  static void close_over_case(SetValue& set);
  bool folds() const { return flags_.unicode_sets && flags_.ignore_case; }
  SetValue set_intersection(bool negated, Operand first);
  SetValue set_subtraction(bool negated, Operand first);
  std::string set_text(const SetValue& set) const;
};

}  // namespace kb::tasks::js
