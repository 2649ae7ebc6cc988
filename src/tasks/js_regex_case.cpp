#include "js_regex_case.hpp"

#include <pcre2.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <numeric>
#include <utility>

#include "js_regex_reader.hpp"
#include "kb/text/unicode.hpp"

namespace kb::tasks::js {

namespace {

// Upper-case pairs newer than kb's Unicode tables, which V8 knows
// (js_regex_units.cpp has the same list for Canonicalize).
constexpr std::pair<char32_t, char32_t> kNewerPairs[] = {
    {0x019B, 0xA7DC}, {0x0264, 0xA7CB}, {0x1C8A, 0x1C89}, {0xA7CD, 0xA7CC},
    {0xA7CF, 0xA7CE}, {0xA7D3, 0xA7D2}, {0xA7D5, 0xA7D4}, {0xA7DB, 0xA7DA}};

// The dotted capital I and the dotless small i map to ASCII letters by
// their simple case mappings but fold to themselves (Turkic folding is not
// simple case folding).
bool folds_alone(char32_t c) {
  return c == 0x130 || c == 0x131;
}

// The members of `set` (over `cased`) as the inside of a PCRE2 class.
std::string listed(const CasedSet& set, const std::vector<char32_t>& cased) {
  std::string out;
  for (std::size_t k = 0; k < set.size();) {
    if (!set[k]) {
      ++k;
      continue;
    }
    std::size_t end = k;
    while (end + 1 < set.size() && set[end + 1] && cased[end + 1] == cased[end] + 1) ++end;
    append_literal(out, cased[k]);
    if (end > k) {
      out += '-';
      append_literal(out, cased[end]);
    }
    k = end + 1;
  }
  return out;
}

struct CaseTables {
  std::vector<char32_t> cased;     // ascending
  std::vector<std::size_t> group;  // per cased index: its class (an index into members)
  std::vector<std::vector<std::size_t>> members;
  std::string text;
};

const CaseTables& tables() {
  static const CaseTables t = [] {
    // Classes by union-find over the simple lower and upper mappings.
    std::map<char32_t, char32_t> parent;
    const auto find = [&](char32_t c) {
      auto it = parent.find(c);
      if (it == parent.end()) return parent.emplace(c, c).first->second;
      while (it->second != it->first) it = parent.find(it->second);
      return it->first;
    };
    const auto join = [&](char32_t a, char32_t b) {
      if (a == b || folds_alone(a) || folds_alone(b)) return;
      const char32_t ra = find(a), rb = find(b);
      if (ra != rb) parent[std::max(ra, rb)] = std::min(ra, rb);
    };
    for (char32_t c = 0; c <= 0x10FFFF; ++c) {
      if (is_surrogate(c)) continue;
      join(c, text::to_lower(c));
      join(c, text::to_upper(c));
    }
    for (const auto& [a, b] : kNewerPairs) join(a, b);
    std::map<char32_t, std::vector<char32_t>> by_root;
    for (const auto& entry : parent) by_root[find(entry.first)].push_back(entry.first);
    CaseTables out;
    for (const auto& [root, codes] : by_root) {
      if (codes.size() > 1) out.cased.insert(out.cased.end(), codes.begin(), codes.end());
    }
    std::sort(out.cased.begin(), out.cased.end());
    out.group.resize(out.cased.size());
    std::map<char32_t, std::size_t> group_of_root;
    for (std::size_t k = 0; k < out.cased.size(); ++k) {
      const char32_t root = find(out.cased[k]);
      auto [it, added] = group_of_root.emplace(root, out.members.size());
      if (added) out.members.emplace_back();
      out.group[k] = it->second;
      out.members[it->second].push_back(k);
    }
    out.text = listed(CasedSet(out.cased.size(), true), out.cased);
    return out;
  }();
  return t;
}

std::string utf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

std::size_t index_of(char32_t c) {
  const auto& cased = tables().cased;
  const auto it = std::lower_bound(cased.begin(), cased.end(), c);
  return it != cased.end() && *it == c ? static_cast<std::size_t>(it - cased.begin())
                                       : cased.size();
}

}  // namespace

const std::vector<char32_t>& cased_code_points() {
  return tables().cased;
}

const std::string& cased_class_text() {
  return tables().text;
}

CasedSet cased_members(const std::string& class_text) {
  static std::mutex mutex;
  static std::map<std::string, CasedSet> cache;
  const std::lock_guard<std::mutex> lock(mutex);
  if (const auto it = cache.find(class_text); it != cache.end()) return it->second;
  const auto& cased = tables().cased;
  CasedSet set(cased.size(), false);
  const std::string pattern = "[" + class_text + "]";
  int error = 0;
  PCRE2_SIZE offset = 0;
  std::unique_ptr<pcre2_code_8, decltype(&pcre2_code_free_8)> code(
      pcre2_compile_8(reinterpret_cast<PCRE2_SPTR8>(pattern.data()), pattern.size(),
                      PCRE2_UTF | PCRE2_ANCHORED, &error, &offset, nullptr),
      &pcre2_code_free_8);
  if (code) {
    std::unique_ptr<pcre2_match_data_8, decltype(&pcre2_match_data_free_8)> data(
        pcre2_match_data_create_from_pattern_8(code.get(), nullptr), &pcre2_match_data_free_8);
    for (std::size_t k = 0; k < cased.size(); ++k) {
      const std::string one = utf8(cased[k]);
      set[k] = pcre2_match_8(code.get(), reinterpret_cast<PCRE2_SPTR8>(one.data()), one.size(), 0,
                             0, data.get(), nullptr) >= 0;
    }
  }
  return cache.emplace(class_text, set).first->second;
}

CasedSet cased_range(char32_t lo, char32_t hi) {
  const auto& cased = tables().cased;
  CasedSet set(cased.size(), false);
  for (auto it = std::lower_bound(cased.begin(), cased.end(), lo); it != cased.end() && *it <= hi;
       ++it) {
    set[static_cast<std::size_t>(it - cased.begin())] = true;
  }
  return set;
}

CasedSet case_closure(const CasedSet& set) {
  const CaseTables& t = tables();
  CasedSet out(set.size(), false);
  for (std::size_t k = 0; k < set.size(); ++k) {
    if (!set[k] || out[k]) continue;
    for (std::size_t m : t.members[t.group[k]]) out[m] = true;
  }
  return out;
}

CasedSet complement(const CasedSet& set) {
  CasedSet out(set.size());
  for (std::size_t k = 0; k < set.size(); ++k) out[k] = !set[k];
  return out;
}

CasedSet operator&(const CasedSet& a, const CasedSet& b) {
  CasedSet out(a.size());
  for (std::size_t k = 0; k < a.size(); ++k) out[k] = a[k] && b[k];
  return out;
}

CasedSet operator|(const CasedSet& a, const CasedSet& b) {
  CasedSet out(a.size());
  for (std::size_t k = 0; k < a.size(); ++k) out[k] = a[k] || b[k];
  return out;
}

std::string class_text(const CasedSet& set) {
  return listed(set, cased_code_points());
}

char32_t simple_fold(char32_t c) {
  if (folds_alone(c) || index_of(c) == cased_code_points().size()) return c;
  // Cherokee folds to its capitals, the older letters.
  if (c >= 0x13A0 && c <= 0x13F5) return c;
  if ((c >= 0xAB70 && c <= 0xABBF) || (c >= 0x13F8 && c <= 0x13FD)) return text::to_upper(c);
  for (const auto& [lower, upper] : kNewerPairs) {
    if (c == upper) return lower;
  }
  const char32_t lower = text::to_lower(c);
  if (lower != c) return lower;
  return text::to_lower(text::to_upper(c));  // U+017F long s -> s, final sigma -> sigma
}

std::string unicode_word_text(bool negated) {
  return negated ? "\\x{0}-\\x{2f}\\x{3a}-\\x{40}\\x{5b}-\\x{5e}\\x{60}\\x{7b}-\\x{17e}\\x{180}-"
                   "\\x{2129}\\x{212b}-\\x{10ffff}"
                 : "\\w\\x{17f}\\x{212a}";
}

}  // namespace kb::tasks::js
