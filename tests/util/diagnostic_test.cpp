#include "kb/util/diagnostic.hpp"

#include <catch2/catch.hpp>

TEST_CASE("a diagnostic is always one line", "[diagnostic]") {
  CHECK(kb::format_diagnostic({"People/a.md", 3, "bad"}) == "People/a.md:3: bad");
  CHECK(kb::format_diagnostic({"", 0, "plain"}) == "plain");
  // A file name may hold a newline; a message may quote a line with controls.
  CHECK(kb::format_diagnostic({"People/two\nlines.md", 0, "tab\there \x1b[31m"}) ==
        "People/two\\nlines.md: tab\\there \\x1b[31m");
  CHECK(kb::printable("é ok") == "é ok");  // bytes above ASCII are kept
}
