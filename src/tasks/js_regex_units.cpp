#include "js_regex_units.hpp"

#include <array>
#include <memory>
#include <utility>

#include "js_regex_reader.hpp"
#include "kb/text/unicode.hpp"

namespace kb::tasks::js {

namespace {

// Where String.prototype.toUpperCase (full case mapping) differs from the
// simple mapping kb's Unicode tables give: these units upper-case to two
// or more units ("ß" is "SS"), so Canonicalize keeps them.
bool upper_cases_to_several(char16_t u) {
  return u == 0xDF || (u >= 0x1F80 && u <= 0x1F87) || (u >= 0x1F90 && u <= 0x1F97) ||
         (u >= 0x1FA0 && u <= 0x1FA7) || u == 0x1FB3 || u == 0x1FC3 || u == 0x1FF3;
}

// Upper-case pairs newer than kb's Unicode tables (Unicode 16), which V8
// (node 20's ICU 78) and current Chrome know.
constexpr std::pair<char16_t, char16_t> kNewerUpper[] = {
    {0x019B, 0xA7DC}, {0x0264, 0xA7CB}, {0x1C8A, 0x1C89}, {0xA7CD, 0xA7CC},
    {0xA7CF, 0xA7CE}, {0xA7D3, 0xA7D2}, {0xA7D5, 0xA7D4}, {0xA7DB, 0xA7DA}};

char16_t compute_canonical(char16_t u) {
  if (u >= 0xD800 && u <= 0xDFFF) return u;
  for (const auto& [from, to] : kNewerUpper) {
    if (u == from) return to;
  }
  if (upper_cases_to_several(u)) return u;
  const char32_t upper = text::to_upper(u);
  if (upper > 0xFFFF || (u >= 128 && upper < 128)) return u;
  return static_cast<char16_t>(upper);
}

const std::array<char16_t, 0x10000>& canonical_table() {
  static const auto table = [] {
    auto t = std::make_unique<std::array<char16_t, 0x10000>>();
    for (std::size_t u = 0; u < t->size(); ++u)
      (*t)[u] = compute_canonical(static_cast<char16_t>(u));
    return t;
  }();
  return *table;
}

}  // namespace

char16_t canonicalize(char16_t unit) {
  return canonical_table()[unit];
}

void UnitSet::add(char32_t lo, char32_t hi) {
  for (char32_t u = lo; u <= hi && u < 0x10000; ++u) bits_.set(u);
}

void UnitSet::add_escape(char kind) {
  UnitSet set;
  switch (kind) {
    case 'd':
    case 'D':
      set.add('0', '9');
      break;
    case 'w':
    case 'W':
      set.add('0', '9');
      set.add('A', 'Z');
      set.add('a', 'z');
      set.add('_', '_');
      break;
    default:  // s S: WhiteSpace and LineTerminator
      set.add(0x09, 0x0D);
      for (char32_t u : {0x20, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF})
        set.add(u, u);
      set.add(0x2000, 0x200A);
      break;
  }
  if (kind == 'D' || kind == 'W' || kind == 'S') set.invert();
  bits_ |= set.bits_;
}

void UnitSet::close_over_case() {
  const auto& canonical = canonical_table();
  std::bitset<0x10000> canonicals;
  for (std::size_t u = 0; u < bits_.size(); ++u) {
    if (bits_[u]) canonicals.set(canonical[u]);
  }
  for (std::size_t u = 0; u < bits_.size(); ++u) {
    if (canonicals[canonical[u]]) bits_.set(u);
  }
}

std::string UnitSet::pcre2() const {
  const std::size_t count = bits_.count();
  if (count == 0) return "(?!)";
  std::string inner;
  char32_t single = 0;
  for (std::size_t u = 0; u < bits_.size();) {
    if (!bits_[u]) {
      ++u;
      continue;
    }
    std::size_t end = u;
    while (end + 1 < bits_.size() && bits_[end + 1]) ++end;
    append_literal(inner, static_cast<char32_t>(u));
    if (end > u) {
      inner += '-';
      append_literal(inner, static_cast<char32_t>(end));
    }
    single = static_cast<char32_t>(u);
    u = end + 1;
  }
  if (count == 1) {
    std::string one;
    append_literal(one, single);
    return one;
  }
  return "[" + inner + "]";
}

}  // namespace kb::tasks::js
