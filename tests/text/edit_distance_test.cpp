#include "kb/text/edit_distance.hpp"

#include <catch2/catch.hpp>

using kb::text::closest_words;
using kb::text::edit_distance;

TEST_CASE("edit distance counts insertions, deletions and substitutions", "[edit_distance]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("person", "person") == 0);
  CHECK(edit_distance("persn", "person") == 1);
  CHECK(edit_distance("peple", "people") == 1);
  CHECK(edit_distance("jsn", "json") == 1);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("abc", "") == 3);
}

TEST_CASE("closest words: within the distance, closest first, at most the count",
          "[edit_distance]") {
  const std::vector<std::string> verbs = {"person", "people", "regen", "brief", "show"};
  CHECK(closest_words("persn", verbs, 2) == std::vector<std::string>{"person"});
  CHECK(closest_words("peple", verbs, 4, 2) == std::vector<std::string>{"people", "person"});
  CHECK(closest_words("zzzzzz", verbs, 2).empty());
  CHECK(closest_words("peop", verbs, 2, 1) == std::vector<std::string>{"people"});
}
