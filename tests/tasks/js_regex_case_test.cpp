// The pieces under kb's case-insensitive classes (u or v with i) and its
// back-references into repeated groups: simple case folding classes, and
// the callout's test of a capture against the markers of its passes.
#include "../../src/tasks/js_regex_case.hpp"

#include <catch2/catch.hpp>
#include <cstddef>
#include <string>

#include "../../src/tasks/js_regex_references.hpp"

namespace {

using namespace kb::tasks::js;

bool has(const CasedSet& set, char32_t c) {
  const auto& cased = cased_code_points();
  for (std::size_t k = 0; k < cased.size(); ++k) {
    if (cased[k] == c) return set[k];
  }
  return false;
}

}  // namespace

TEST_CASE("Simple case folding as CaseFolding.txt's C and S lines", "[tasks][regex]") {
  CHECK(simple_fold(U'A') == U'a');
  CHECK(simple_fold(U'a') == U'a');
  CHECK(simple_fold(0x212A) == U'k');    // Kelvin sign
  CHECK(simple_fold(0x017F) == U's');    // long s
  CHECK(simple_fold(0x03C2) == 0x03C3);  // final sigma
  CHECK(simple_fold(0x1E9E) == 0x00DF);  // capital sharp s (S line)
  CHECK(simple_fold(0x00DF) == 0x00DF);  // sharp s folds to "ss" only fully
  CHECK(simple_fold(0x01C5) == 0x01C6);  // titlecase dz
  CHECK(simple_fold(0x13A0) == 0x13A0);  // Cherokee folds to its capitals
  CHECK(simple_fold(0xAB70) == 0x13A0);
  CHECK(simple_fold(0x0130) == 0x0130);  // dotted I: Turkic, not simple
  CHECK(simple_fold(0x0131) == 0x0131);
  CHECK(simple_fold(U'1') == U'1');
}

TEST_CASE("A case closure adds each member's whole folding class", "[tasks][regex]") {
  const CasedSet k = case_closure(cased_range(U'k', U'k'));
  CHECK(has(k, U'k'));
  CHECK(has(k, U'K'));
  CHECK(has(k, 0x212A));
  CHECK_FALSE(has(k, U'l'));
  const CasedSet i = case_closure(cased_range(U'i', U'i'));
  CHECK(has(i, U'I'));
  CHECK_FALSE(has(i, 0x0130));
  CHECK_FALSE(has(i, 0x0131));
  // The capitals, closed, hold the small letters; a property asked of PCRE2.
  const CasedSet upper = cased_members("\\p{Lu}");
  CHECK(has(upper, U'A'));
  CHECK_FALSE(has(upper, U'a'));
  CHECK(has(case_closure(upper), U'a'));
  CHECK(class_text(cased_range(U'a', U'c')) == "a-c");
}

TEST_CASE("A capture counts when it starts at or after each pass's marker", "[tasks][regex]") {
  constexpr std::size_t kUnset = ~std::size_t{0};
  // Pairs: group 0, marker 1 (the pass began at 2), group 2.
  const std::size_t ovector[] = {0, 3, 2, 2, 0, 1};
  CHECK_FALSE(capture_is_current("2,1", ovector, 3));  // captured in an earlier pass
  const std::size_t current[] = {0, 3, 2, 2, 2, 3};
  CHECK(capture_is_current("2,1", current, 3));
  CHECK(capture_is_current("2", current, 3));  // no repeated group around it
  const std::size_t unset[] = {0, 3, 2, 2, kUnset, kUnset};
  CHECK_FALSE(capture_is_current("2,1", unset, 3));
  CHECK_FALSE(capture_is_current("2", current, 2));  // beyond the highest set group
}
