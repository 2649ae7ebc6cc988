#pragma once
// The reading of a whole JavaScript pattern into PCRE2 text (js_regex.hpp):
// disjunctions, terms, quantifiers and groups in js_regex.cpp; atom
// escapes, back-references, group names and modifiers in
// js_regex_escapes.cpp; classes in ClassReader.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "js_regex.hpp"
#include "js_regex_captures.hpp"
#include "js_regex_class.hpp"
#include "js_regex_references.hpp"

namespace kb::tasks::js {

class Translator : ClassReader {
 public:
  Translator(std::string_view pattern, JsRegexFlags flags);

  Expected<JsRegexProgram, JsRegexError> run();

 private:
  void disjunction();
  void alternative();

  // `{n}`, `{n,}` or `{n,m}` at i_: its length, bounds, and whether the
  // numbers are in order; nothing when the text there is no quantifier.
  struct Braces {
    std::size_t length;
    std::uint64_t min, max;
    bool open_ended;
  };
  std::optional<Braces> braces_at(std::size_t at) const;
  bool quantifier_at(std::size_t at) const;
  void term();
  void no_quantifier();
  // A quantifier at i_, if any, appended; true when it lets its atom match
  // more than once. Sets quantifier_, and nullable_ when its minimum is 0.
  bool quantifier();
  void group();
  // The group out_[group_at, close_at] just quantified (`repeats`: more
  // than once), its body starting at body_at: markers, checks or unrolling
  // for the captures inside.
  void passes(std::size_t group_at, std::size_t body_at, std::size_t close_at, bool repeats,
              bool body_nullable);

  // `name>` after "(?<": a valid, new name.
  bool group_name();
  // `(?ims-ims:` at i_ ('?'), ES2025's modifiers, read as V8 reads them:
  // flags_ changed for the group, and PCRE2's caseless state with them.
  bool modifiers();
  // What an escape outside a class means: appended to out_.
  void atom_escape();
  // The escapes shared by atoms and classes, at i_ ('\'): appended to `to`
  // as PCRE2 text (a class escape as its class; a character as itself).
  void class_or_char_escape(std::string& to, bool in_class);

  static constexpr int kMaxDepth = 250;
  // Unrolling writes a group five times; PCRE2 compiles up to 64 KiB.
  static constexpr std::size_t kMaxUnrolledGroup = 2048;

  const bool top_ignore_case_;
  // The pattern may hold a back-reference (`\1`, `\k`): repeated groups
  // need markers.
  const bool may_refer_;
  int depth_ = 0;
  int in_positive_lookaround_ = 0;  // how many `(?=` or `(?<=` are open around i_
  Captures captures_;
  std::string out_;
  int opened_ = 0;  // capturing groups opened so far
  // Per enclosing disjunction: the groups opened before it, and before its
  // last '|' (those in earlier alternatives are numbered between).
  std::vector<std::pair<int, int>> alternatives_;
  std::vector<std::pair<std::string, int>> named_;  // name, group number
  std::vector<std::string> references_;
  GroupReferences group_references_;
  bool has_back_reference_ = false;
  std::vector<int> open_captures_;  // the capturing groups around i_
  bool case_changes_ = false;       // a modifier group sets i other than the flags do
  // Whether the term, alternative or disjunction just read may match the
  // empty string (a back-reference may), and the last quantifier's minimum.
  bool nullable_ = false;
  struct Quantifier {
    bool present = false;
    std::uint64_t min = 1;
    std::optional<std::uint64_t> max;  // nothing: unbounded
    bool lazy = false;
  };
  Quantifier quantifier_;  // the last one read
};

}  // namespace kb::tasks::js
