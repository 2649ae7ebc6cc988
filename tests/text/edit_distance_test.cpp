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

TEST_CASE("did you mean: every known word at the smallest distance, if it is small",
          "[edit_distance]") {
  using kb::text::did_you_mean;
  const std::vector<std::string> verbs = {"person", "people",    "regen", "brief", "show",
                                          "links",  "backlinks", "tasks", "check", "cache"};
  CHECK(did_you_mean("persn", verbs) == std::vector<std::string>{"person"});
  CHECK(did_you_mean("peple", verbs) == std::vector<std::string>{"people"});
  CHECK(did_you_mean("xyzzy", verbs).empty());
  // The limit grows with the word: a short word allows one edit.
  CHECK(did_you_mean("sow", verbs) == std::vector<std::string>{"show"});
  CHECK(did_you_mean("sxw", verbs).empty());  // two edits from "show": too far for 3 letters
  CHECK(did_you_mean("shaww", verbs) == std::vector<std::string>{"show"});  // 5 letters: 2 edits
  const std::vector<std::string> options = {"--json", "--jsonl", "--tsv", "--vault"};
  CHECK(did_you_mean("--jsn", options) == std::vector<std::string>{"--json"});
  CHECK(did_you_mean("--vaul", options) == std::vector<std::string>{"--vault"});
  CHECK(did_you_mean("--backlinks", options).empty());
  // Ties are all offered, in the known words' order.
  CHECK(did_you_mean("--jsonx", options) == std::vector<std::string>{"--json", "--jsonl"});
}
