#include "kb/model/name_matcher.hpp"

#include <catch2/catch.hpp>

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
