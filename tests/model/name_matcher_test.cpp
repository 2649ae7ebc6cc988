#include "kb/model/name_matcher.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "kb/text/unicode.hpp"

namespace {

std::vector<int> matches(const kb::model::NameMatcher& m, std::string_view text) {
  std::vector<int> found;
  m.scan(kb::text::fold_case(text), [&](int v) { found.push_back(v); });
  return found;
}

}  // namespace

TEST_CASE("NameMatcher finds whole-word names in one pass", "[name_matcher]") {
  kb::model::NameMatcher m;
  m.add("Asaf Levy", 1);
  m.add("Levy", 2);
  m.add("Élodie Marchand", 3);
  m.add("Andy", 4);
  m.add("andy p", 5);
  m.build();
  CHECK(matches(m, "met asaf levy.") == std::vector<int>{1, 2});
  CHECK(matches(m, "Asaf Levyson") == std::vector<int>{});
  CHECK(matches(m, "ÉLODIE MARCHAND, then") == std::vector<int>{3});
  CHECK(matches(m, "élodie marchandé") == std::vector<int>{});
  CHECK(matches(m, "Andy P and andy") == std::vector<int>{4, 5, 4});
  CHECK(matches(m, "Sandy") == std::vector<int>{});
  CHECK(matches(m, "") == std::vector<int>{});
}

TEST_CASE("NameMatcher with no names matches nothing", "[name_matcher]") {
  kb::model::NameMatcher m;
  m.build();
  CHECK(m.empty());
  CHECK(matches(m, "anything").empty());
}

namespace {

// Every whole-word occurrence of each name, found the slow way: at every
// offset of the folded text, every name, its neighbours decoded.
std::vector<int> naive_matches(const std::vector<std::string>& names, std::string_view text) {
  const std::string folded = kb::text::fold_case(text);
  std::vector<std::pair<std::size_t, int>> found;  // (end, value), in the matcher's order
  for (std::size_t end = 1; end <= folded.size(); ++end) {
    std::vector<std::pair<std::size_t, int>> here;
    for (std::size_t v = 0; v < names.size(); ++v) {
      const std::string name = kb::text::fold_case(names[v]);
      if (name.empty() || name.size() > end || folded.compare(end - name.size(), name.size(), name))
        continue;
      const std::size_t begin = end - name.size();
      if (begin > 0 && kb::text::is_word_char(kb::text::previous_code_point(folded, begin)))
        continue;
      std::size_t after = end;
      if (end < folded.size() && kb::text::is_word_char(kb::text::decode_utf8(folded, after)))
        continue;
      here.push_back({name.size(), static_cast<int>(v)});
    }
    // Longest first; names folding alike, the one added last first.
    std::sort(here.begin(), here.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second > b.second;
    });
    for (const auto& h : here) found.push_back({end, h.second});
  }
  std::vector<int> values;
  for (const auto& f : found) values.push_back(f.second);
  return values;
}

}  // namespace

TEST_CASE("NameMatcher finds what a naive search finds, on random names and texts",
          "[name_matcher]") {
  // A small alphabet makes names share prefixes and suffixes, so failure
  // links and output chains are exercised; accents and case test folding.
  const std::vector<std::string> letters = {"a", "b", "A", "B", " ", "é", "É", "-", ".", "ab"};
  std::mt19937 random(17);
  const auto word = [&](std::size_t max) {
    std::string out;
    const std::size_t n = 1 + random() % max;
    for (std::size_t i = 0; i < n; ++i) out += letters[random() % letters.size()];
    return out;
  };
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> names;
    kb::model::NameMatcher m;
    const std::size_t count = 1 + random() % 6;
    for (std::size_t v = 0; v < count; ++v) {
      names.push_back(word(4));
      m.add(names.back(), static_cast<int>(v));
    }
    m.build();
    for (int t = 0; t < 5; ++t) {
      const std::string text = word(40);
      INFO("text: " << text);
      std::vector<int> values;
      m.scan(kb::text::fold_case(text), [&](int v) { values.push_back(v); });
      CHECK(values == naive_matches(names, text));
    }
  }
}

TEST_CASE("NameMatcher::scan_unfolded reports what scan reports on the folded text",
          "[name_matcher]") {
  // Pieces whose folding changes length or composes across the ASCII byte
  // before a non-ASCII run ("e" + U+0301 is "é"; "<" + U+0338 is "≮"), "ß"
  // folding to "ss", "İ" to "i̇", invalid bytes, and texts past the scan's
  // 4 KiB ring of recent bytes.
  const std::vector<std::string> letters = {
      "a", "B",        "e", "E",    " ",    "\xcc\x81", "<", "\xcc\xb8",         "\xc3\x9f", "ss",
      "-", "\xc4\xb0", "i", "\xff", "\xc3", "é",        "É", "\xf0\x9f\x93\x85", "_",        "1"};
  std::mt19937 random(29);
  const auto word = [&](std::size_t max) {
    std::string out;
    const std::size_t n = 1 + random() % max;
    for (std::size_t i = 0; i < n; ++i) out += letters[random() % letters.size()];
    return out;
  };
  for (int round = 0; round < 300; ++round) {
    kb::model::NameMatcher m;
    const std::size_t count = 1 + random() % 6;
    for (std::size_t v = 0; v < count; ++v) m.add(word(4), static_cast<int>(v));
    m.build();
    for (int t = 0; t < 5; ++t) {
      const std::string text = word(round % 50 == 0 ? 3000 : 40);
      INFO("text: " << text);
      std::vector<int> expected, got;
      m.scan(kb::text::fold_case(text), [&](int v) { expected.push_back(v); });
      m.scan_unfolded(text, [&](int v) { got.push_back(v); });
      CHECK(got == expected);
    }
  }
  kb::model::NameMatcher m;
  m.add("Élodie", 1);
  m.add("Rene\xcc\x81", 2);
  m.build();
  std::vector<int> got;
  m.scan_unfolded("ÉLODIE and \xc3\x89lodie's friend rEn\xc3\xa9 and Elodie",
                  [&](int v) { got.push_back(v); });
  CHECK(got == std::vector<int>{1, 1, 2});
}
