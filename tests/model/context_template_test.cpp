#include "kb/model/context_template.hpp"

#include <catch2/catch.hpp>

#include "kb/model/conventions.hpp"

using kb::model::context_template_problem;
using kb::model::ContextFields;
using kb::model::render_context_line;

TEST_CASE("the default template writes the seed's lines", "[context_template]") {
  const std::string_view tmpl = kb::model::kDefaultContextTemplate;
  CHECK(render_context_line(tmpl, {"2025-11-07", "[[M1]]", "first", "Jeff Denworth"}) ==
        "- 2025-11-07: [[M1]] - first (via Jeff Denworth)");
  // No summary: " - {summary}" goes; no owner: " (via {via})" goes, ")" included.
  CHECK(render_context_line(tmpl, {"2025-11-07", "[[M1]]", "", "Jeff Denworth"}) ==
        "- 2025-11-07: [[M1]] (via Jeff Denworth)");
  CHECK(render_context_line(tmpl, {"unknown", "[[M2]]", "second", ""}) ==
        "- unknown: [[M2]] - second");
  CHECK(render_context_line(tmpl, {"unknown", "[[M2]]", "", ""}) == "- unknown: [[M2]]");
}

TEST_CASE("custom templates: brackets, braces, order", "[context_template]") {
  const std::string_view tmpl = "* {link} [{via}] {{{date}}}";
  CHECK(render_context_line(tmpl, {"2024-03-04", "[[P]]", "We planned.", "Acme"}) ==
        "* [[P]] [Acme] {2024-03-04}");
  // Empty via drops " [" and the "]" right after it.
  CHECK(render_context_line(tmpl, {"2024-03-04", "[[P]]", "", ""}) == "* [[P]] {2024-03-04}");
  CHECK(render_context_line("- {date} {link} ((via {via}))", {"d", "l", "", ""}) == "- d l");
  CHECK(render_context_line("{summary} - {link}", {"d", "[[L]]", "", ""}) == " - [[L]]");
}

TEST_CASE("template problems are named", "[context_template]") {
  CHECK(context_template_problem(kb::model::kDefaultContextTemplate).empty());
  CHECK(context_template_problem("- {{literal}} {link}").empty());
  CHECK(context_template_problem("- {who}: {link}") ==
        "unknown placeholder '{who}' (known: {date}, {link}, {summary}, {via})");
  CHECK(context_template_problem("- {date") == "unmatched '{' (write '{{' for a brace)");
  CHECK(context_template_problem("- date} {link}") == "unmatched '}' (write '}}' for a brace)");
  CHECK(context_template_problem("- {date}\n{link}") == "must be a single line");
  CHECK(context_template_problem("") == "must not be empty");
}
