#include "kb/text/checkbox.hpp"

#include <catch2/catch.hpp>

using kb::text::checkbox_line;

TEST_CASE("Checkbox lines: indentation, marker, status symbol and text", "[checkbox]") {
  const auto plain = checkbox_line("- [ ] Call Ann 📅 2025-01-01");
  REQUIRE(plain);
  CHECK(plain->indentation.empty());
  CHECK(plain->marker == "-");
  CHECK(plain->status_symbol == " ");
  CHECK(plain->text == "Call Ann 📅 2025-01-01");

  const auto quoted = checkbox_line("> > 12) [x]   done  \r");
  REQUIRE(quoted);
  CHECK(quoted->indentation == "> > ");
  CHECK(quoted->marker == "12)");
  CHECK(quoted->status_symbol == "x");
  CHECK(quoted->text == "done");

  CHECK(checkbox_line("\t* [é] x")->status_symbol == "é");
  CHECK(checkbox_line("+ [ ]")->text.empty());
}

TEST_CASE("Lines that are not checkboxes", "[checkbox]") {
  for (std::string_view line : {"", "[ ] x", "- [] x", "- [ ]x", "-[ ] x", "- [xy] x",
                                "1234567890. [ ] x", "a. [ ] x", "- x", "# [ ] x"}) {
    INFO(line);
    CHECK_FALSE(checkbox_line(line));
  }
}
