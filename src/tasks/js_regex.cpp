#include "js_regex.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "js_regex_translator.hpp"

// The grammar and messages follow V8's regexp parser (regexp-parser.cc) as
// node 20 reports them; the Annex B rules are ECMA-262's B.1.2.
namespace kb::tasks {

namespace js {

namespace {
bool may_hold_back_reference(std::string_view pattern) {
  for (std::size_t at = pattern.find('\\'); at != std::string_view::npos && at + 1 < pattern.size();
       at = pattern.find('\\', at + 2)) {
    const char next = pattern[at + 1];
    if ((next >= '1' && next <= '9') || next == 'k') return true;
  }
  return false;
}
}  // namespace

Translator::Translator(std::string_view pattern, JsRegexFlags flags)
    : ClassReader(pattern, flags),
      top_ignore_case_(flags.ignore_case),
      may_refer_(may_hold_back_reference(pattern)),
      captures_(scan_captures(pattern, flags.unicode_sets)) {}

Expected<JsRegexProgram, JsRegexError> Translator::run() {
  using Result = Expected<JsRegexProgram, JsRegexError>;
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
  JsRegexProgram program;
  program.pcre2 = group_references_.resolve(out_, program.uses_callouts);
  program.canonical_subject =
      !flags_.unicode && top_ignore_case_ && has_back_reference_ && !case_changes_;
  return program;
}

void Translator::disjunction() {
  alternatives_.push_back({opened_, opened_});
  bool any_nullable = false;
  while (error_.empty()) {
    alternative();
    any_nullable = any_nullable || nullable_;
    if (peek() != '|' || at_end()) break;
    alternatives_.back().second = opened_;
    out_ += '|';
    ++i_;
  }
  alternatives_.pop_back();
  nullable_ = any_nullable;
}

void Translator::alternative() {
  bool all_nullable = true;
  while (error_.empty() && !at_end() && peek() != '|' && peek() != ')') {
    term();
    all_nullable = all_nullable && nullable_;
  }
  nullable_ = all_nullable;
}

std::optional<Translator::Braces> Translator::braces_at(std::size_t at) const {
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

bool Translator::quantifier_at(std::size_t at) const {
  if (at >= p_.size()) return false;
  const char c = p_[at];
  return c == '*' || c == '+' || c == '?' || braces_at(at).has_value();
}

void Translator::term() {
  const char c = peek();
  // Assertions and back-references may match empty; with v a class may
  // (`[\q{}]`); the other atoms may not (quantifier() may say otherwise).
  nullable_ = c == '^' || c == '$' ||
              (c == '\\' && (peek(1) == 'b' || peek(1) == 'B' || peek(1) == 'k' ||
                             (peek(1) >= '1' && peek(1) <= '9'))) ||
              (c == '[' && flags_.unicode_sets);
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

void Translator::no_quantifier() {
  if (quantifier_at(i_)) fail("Nothing to repeat");
}

bool Translator::quantifier() {
  quantifier_ = {};
  if (!error_.empty() || at_end()) return false;
  const char c = peek();
  bool repeats = false;
  if (c == '*' || c == '+' || c == '?') {
    out_ += c;
    ++i_;
    repeats = c != '?';
    quantifier_.min = c == '+' ? 1 : 0;
    if (c == '?') quantifier_.max = 1;
  } else if (c == '{') {
    const auto b = braces_at(i_);
    if (!b) {
      if (flags_.unicode) fail("Incomplete quantifier");
      return false;  // Annex B: a literal '{', read by the next term
    }
    if (!b->open_ended && b->max < b->min) {
      fail("numbers out of order in {} quantifier");
      return false;
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
    repeats = b->open_ended || b->max > 1;
    quantifier_.min = b->min;
    if (!b->open_ended) quantifier_.max = b->max;
  } else {
    return false;
  }
  quantifier_.present = true;
  if (quantifier_.min == 0) nullable_ = true;
  if (peek() == '?' && !at_end()) {
    out_ += '?';
    ++i_;
    quantifier_.lazy = true;
  }
  if (quantifier_at(i_)) fail("Nothing to repeat");  // a++, a*?? and x{1}{2}
  return repeats;
}

void Translator::group() {
  const std::size_t group_at = out_.size();
  ++i_;  // '('
  // Each group is a level of recursion here; PCRE2 nests 250 deep.
  if (++depth_ > kMaxDepth) {
    fail("Regular expression too large");
    return;
  }
  struct Leave {
    int& depth;
    std::vector<int>& open;
    std::size_t open_before;
    ~Leave() {
      --depth;
      open.resize(open_before);
    }
  } leave{depth_, open_captures_, open_captures_.size()};
  bool quantifiable = true;
  bool lookaround = false;
  bool keeps_captures = false;        // a positive lookaround
  const JsRegexFlags outer = flags_;  // a modifier group changes them inside
  if (peek() == '?') {
    const char kind = peek(1);
    if (kind == '-' || kind == 'i' || kind == 'm' || kind == 's') {
      if (!modifiers()) return;
    } else if (kind == ':' || kind == '=' || kind == '!') {
      out_ += "(?";
      out_ += kind;
      i_ += 2;
      lookaround = kind != ':';
      keeps_captures = kind == '=';
      // Annex B lets a lookahead be quantified, the u grammar does not.
      if (lookaround && flags_.unicode) quantifiable = false;
    } else if (kind == '<' && (peek(2) == '=' || peek(2) == '!')) {
      out_ += "(?<";
      out_ += peek(2);
      keeps_captures = peek(2) == '=';
      i_ += 3;
      quantifiable = false;
    } else if (kind == '<') {
      i_ += 2;
      ++opened_;
      open_captures_.push_back(opened_);
      if (!group_name()) return;
      out_ += group_references_.open_capture(opened_);  // references are by number
    } else {
      fail("Invalid group");
      return;
    }
  } else {
    ++opened_;
    open_captures_.push_back(opened_);
    out_ += group_references_.open_capture(opened_);
  }
  const std::size_t body_at = out_.size();
  if (keeps_captures) ++in_positive_lookaround_;
  disjunction();
  if (keeps_captures) --in_positive_lookaround_;
  flags_ = outer;
  if (!error_.empty()) return;
  if (peek() != ')' || at_end()) {
    fail("Unterminated group");
    return;
  }
  ++i_;
  const std::size_t close_at = out_.size();
  out_ += ')';
  nullable_ = nullable_ || lookaround;
  const bool body_nullable = nullable_;
  if (quantifiable) {
    const std::size_t quantifier_at = out_.size();
    const bool repeats = quantifier();
    if (quantifier_.present && lookaround && quantifier_.min == 0) {
      // A pass of an assertion matches empty: beyond a minimum of 0 it
      // fails, so JavaScript never takes one, where PCRE2 tries it first.
      // Kept behind a failing (?!), its groups keep their numbers (PCRE2
      // 10.42's own {0} there can wrongly fail what follows).
      std::string never = "(?:(?!)";
      never += std::string_view(out_).substr(group_at, quantifier_at - group_at);
      never += ")?";
      out_.replace(group_at, std::string::npos, never);
    } else if (quantifier_.present && !lookaround && may_refer_) {
      passes(group_at, body_at, close_at, repeats, body_nullable);
    }
  } else if (quantifier_at(i_)) {
    fail("Invalid quantifier");
  }
}

// The captures inside a quantified group, as RepeatMatcher treats them
// (js_regex_references.hpp): a group that may match more than once gets a
// marker before its alternatives; when its body may match empty, a pass
// beyond its minimum may not: with a minimum of 0 each pass is checked,
// with more the group is unrolled.
void Translator::passes(std::size_t group_at, std::size_t body_at, std::size_t close_at,
                        bool repeats, bool body_nullable) {
  const std::string_view group_text =
      std::string_view(out_).substr(group_at, close_at + 1 - group_at);
  const bool more_than_min = !quantifier_.max || *quantifier_.max > quantifier_.min;
  // Unrolling keeps what can match, not the order it is tried in, which a
  // positive lookaround (atomic: its first match stays) would show.
  if (body_nullable && quantifier_.min > 0 && more_than_min && repeats &&
      in_positive_lookaround_ == 0 && group_references_.holds_capture(group_text) &&
      group_text.size() <= kMaxUnrolledGroup) {
    const std::string unrolled = group_references_.unrolled(
        group_text, {quantifier_.min, quantifier_.max, quantifier_.lazy});
    out_.replace(group_at, std::string::npos, unrolled);
    return;
  }
  if (!repeats && !(body_nullable && quantifier_.min == 0)) return;
  using Check = GroupReferences::PassCheck;
  Check check = Check::kNone;
  if (body_nullable && quantifier_.min == 0) check = Check::kConsumed;
  // In a positive lookaround, with a minimum of 1, PCRE2's own loop in
  // JavaScript's order: a pass after the first may not match empty (PCRE2
  // stops after an empty first pass, where JavaScript tries one that
  // consumes). Larger minimums there keep PCRE2's reading.
  if (body_nullable && quantifier_.min == 1 && more_than_min) check = Check::kConsumedAfterFirst;
  const auto texts = group_references_.repeated(group_text, check);
  if (texts.start.empty()) return;
  out_.insert(close_at, ")" + texts.end);
  out_.insert(body_at, texts.start + "(?:");
  out_.insert(group_at, texts.entry);
}

}  // namespace js

Expected<JsRegexProgram, JsRegexError> js_regex_to_pcre2(std::string_view pattern,
                                                         JsRegexFlags flags) {
  if (flags.unicode) return js::Translator(pattern, flags).run();
  const std::string units = js::as_code_units(pattern);
  return js::Translator(units, flags).run();
}

}  // namespace kb::tasks
