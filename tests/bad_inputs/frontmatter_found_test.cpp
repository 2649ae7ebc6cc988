// Front-matter inputs the fuzzers found to crash kb, kept as unit tests.
#include <catch2/catch.hpp>

#include "kb/text/frontmatter.hpp"

TEST_CASE("front-matter: an alias inside its own anchor is refused, not recursed", "[bad_inputs]") {
  // Found by fuzz/fuzz_frontmatter: yaml-cpp builds a cycle for "&b [*b]",
  // and converting it recursed until the stack overflowed.
  for (const char* yaml : {"b: &b [x, *b]\n", "a: &a [x]\nb: &b [*a, *b]\n", "b: &b {k: *b}\n"}) {
    INFO(yaml);
    const auto parsed = kb::text::parse_front_matter(yaml, 2);
    CHECK_FALSE(parsed.ok);
    REQUIRE(parsed.diagnostics.size() == 1);
    CHECK(parsed.diagnostics[0].message == "malformed front-matter: nested too deeply");
  }
}
