// Values the plugin derives from a task, where they must match JavaScript's arithmetic.
#include "../../src/tasks/fields.hpp"

#include <catch2/catch.hpp>

using kb::tasks::to_fixed_2;

TEST_CASE("to_fixed_2 rounds like JavaScript's toFixed(2)", "[tasks_query]") {
  // Values checked with node: (x).toFixed(2).
  CHECK(to_fixed_2(1.95) == "1.95");
  CHECK(to_fixed_2(-1.8) == "-1.80");
  CHECK(to_fixed_2(0.125) == "0.13");  // an exact tie goes up
  CHECK(to_fixed_2(1.005) == "1.00");  // 1.00499999... in binary
  CHECK(to_fixed_2(2.675) == "2.67");
  CHECK(to_fixed_2(12) == "12.00");
  CHECK(to_fixed_2(0) == "0.00");
  CHECK(to_fixed_2(-0.001) == "-0.00");
  CHECK(to_fixed_2(9.995) == "9.99");
  CHECK(to_fixed_2(99.999) == "100.00");
}
