// Values the plugin derives from a task, where they must match JavaScript's arithmetic.
#include "../../src/tasks/fields.hpp"

#include <catch2/catch.hpp>

using kb::tasks::intl_number_text;
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

TEST_CASE("intl_number_text formats as Intl.NumberFormat (show urgency)", "[tasks_query]") {
  // HtmlQueryResultsRenderer.ts: new Intl.NumberFormat().format(task.urgency).
  // Expected texts are node's (V8/ICU) own answers; ICU rounds the shortest
  // decimal of the double, where toFixed rounds its exact binary value.
  CHECK(intl_number_text(1.0005) == "1.001");  // (1.0005).toFixed(3) is "1.000"
  CHECK(intl_number_text(1.2225) == "1.223");  // toFixed: "1.222"
  CHECK(intl_number_text(2.0005) == "2.001");
  CHECK(intl_number_text(0.0005) == "0.001");
  CHECK(intl_number_text(10.2345) == "10.235");
  CHECK(intl_number_text(8.5625) == "8.563");
  CHECK(intl_number_text(-1.8) == "-1.8");
  CHECK(intl_number_text(-0.0004) == "-0");
  CHECK(intl_number_text(-0.0) == "-0");
  CHECK(intl_number_text(0.0) == "0");
  CHECK(intl_number_text(12.0) == "12");
  CHECK(intl_number_text(0.9999) == "1");
}
