#include <algorithm>
#include <cstdint>
#include <vector>

#include "js_regex_translator.hpp"

// Escapes outside classes, back-references, group names and modifiers, as
// V8's regexp parser reads them (js_regex.cpp).
namespace kb::tasks::js {

// `name>` after "(?<": a valid, new name.
bool Translator::group_name() {
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
bool Translator::modifiers() {
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
  if (seen_i && flags_.ignore_case != top_ignore_case_) case_changes_ = true;
  i_ = k + 1;
  // m and s are written into ^ $ and . as they are read; i also lives in
  // PCRE2 (u: its case folding; without u: back-references).
  out_ += !seen_i ? "(?:" : flags_.ignore_case ? "(?i:" : "(?-i:";
  return true;
}

// What an escape outside a class means: appended to out_.
void Translator::atom_escape() {
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
      // Inside the group it refers to, V8 matches empty (nothing can have
      // been captured there yet, V8's IsInsideCaptureGroup).
      const bool inside = std::find(open_captures_.begin(), open_captures_.end(),
                                    static_cast<int>(n)) != open_captures_.end();
      out_ += inside ? "(?:)" : GroupReferences::reference(static_cast<int>(n));
      has_back_reference_ = true;
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
    has_back_reference_ = true;
    // The groups of that name (several in other alternatives, ES2025).
    std::vector<int> groups;
    for (const auto& [written, number] : captures_.names) {
      if (written == name) groups.push_back(number);
    }
    const bool inside = std::any_of(groups.begin(), groups.end(), [&](int group) {
      return std::find(open_captures_.begin(), open_captures_.end(), group) != open_captures_.end();
    });
    if (inside)
      out_ += "(?:)";  // as for a number, above
    else if (!groups.empty())
      out_ += GroupReferences::reference(groups);
    i_ = close + 1;
    return;
  }
  if (c == 'p' && string_property(out_)) return;
  if ((c == 'p' || c == 'P') && flags_.unicode) {
    const std::size_t at = i_;
    const auto text = property(/*in_class=*/false);
    if (!text) return;
    if (!flags_.ignore_case) {
      out_ += "[" + *text + "]";
    } else if (flags_.unicode_sets) {
      // v: the property folded, then complemented for \P (ECMA-262).
      const std::size_t after = i_;
      i_ = at;
      out_ += split_by_case(*text, property_cased(*text));
      i_ = after;
    } else {
      out_ += '[';  // piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict)
      out_ += case_closed(*text);
      out_ += ']';
    }
    return;
  }
  class_or_char_escape(out_, /*in_class=*/false);
}

// The escapes shared by atoms and classes, at i_ ('\'): appended to `to`
// as PCRE2 text (a class escape as its class; a character as itself).
void Translator::class_or_char_escape(std::string& to, bool in_class) {
  const char c = peek(1);
  switch (c) {
    case 'w':
    case 'W':
      if (flags_.unicode && flags_.ignore_case) {
        to += '[';  // piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict)
        to += unicode_word_text(c == 'W');
        to += ']';
        i_ += 2;
        return;
      }
      [[fallthrough]];
    case 'd':
    case 'D':
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

}  // namespace kb::tasks::js
