#include "kb/text/markdown_escape.hpp"

#include <catch2/catch.hpp>

#include "kb/text/markdown.hpp"

using namespace kb::text;

TEST_CASE("one_line folds white space and control characters", "[escape]") {
  CHECK(one_line("a\n  b\r\n") == "a b");
  CHECK(one_line("  first line\nsecond\tline\x1b[0m ") == "first line second line [0m");
  CHECK(one_line("") == "");
  CHECK(one_line("\n\n") == "");
}

TEST_CASE("escape_inline leaves no syntax that takes effect", "[escape]") {
  CHECK(escape_inline("Agreed on pricing.") == "Agreed on pricing.");
  CHECK(escape_inline("see [[Other]] and ![[img.png]]") ==
        "see \\[\\[Other\\]\\] and !\\[\\[img.png\\]\\]");
  CHECK(escape_inline("a <!-- hidden") == "a \\<\\!-- hidden");
  CHECK(escape_inline("50 % off, %% comment") == "50 % off, \\%\\% comment");
  CHECK(escape_inline("<b>bold</b> and 1 < 2") == "\\<b>bold\\</b> and 1 < 2");
  CHECK(escape_inline("# heading") == "\\# heading");
  CHECK(escape_inline("C# and #tag and a^b ^block") == "C# and \\#tag and a^b \\^block");
  CHECK(escape_inline("> quote") == "\\> quote");
  CHECK(escape_inline("```js") == "\\```js");
  CHECK(escape_inline("- item") == "\\- item");
  CHECK(escape_inline("-5 degrees") == "-5 degrees");
  CHECK(escape_inline("12. point") == "12\\. point");
  CHECK(escape_inline("a\\[b") == "a\\\\\\[b");
  CHECK(escape_inline("**bold** _it_ ==mark==") == "**bold** _it_ ==mark==");
  CHECK(escape_inline("two\nlines") == "two lines");
  // Whatever the input, kb's own scanner finds no link, task, heading or fence in it.
  for (const char* text : {"[[x]]", "- [ ] task", "# h", "```", "![[e]]", "[a](b.md)"}) {
    const std::string line = "- " + escape_inline(text);
    const MarkdownScan scan = scan_markdown(line, 0, 1);
    CHECK(scan.links.empty());
    CHECK(scan.tasks.empty());
    CHECK(scan.headings.empty());
    CHECK_FALSE(scan.unclosed_fence);
  }
}

TEST_CASE("wikilinks_as_text shows links as Obsidian does", "[escape]") {
  CHECK(wikilinks_as_text("Lunch with [[John Smith]].") == "Lunch with John Smith.");
  CHECK(wikilinks_as_text("with [[People/Jane Doe.md|Jane]] and ![[chart.png]]") ==
        "with Jane and chart.png");
  CHECK(wikilinks_as_text("see [[Plan#Budget]]") == "see Plan > Budget");
  CHECK(wikilinks_as_text("[[a [[b]] c") == "[[a b c");
  CHECK(wikilinks_as_text("no link [[ ]] here") == "no link [[ ]] here");
}

TEST_CASE("escape_comments escapes comment openers only", "[escape]") {
  CHECK(escape_comments("call [[Bob]] #urgent %% later") == "call [[Bob]] #urgent \\%\\% later");
  CHECK(escape_comments("<!-- x") == "\\<\\!-- x");
}

TEST_CASE("note_link writes a link Obsidian resolves, whatever the name", "[escape]") {
  CHECK(note_link("Meetings/Kickoff.md", "Kickoff", true) == "[[Kickoff]]");
  CHECK(note_link("A/Kickoff.md", "Kickoff", false) == "[[A/Kickoff|Kickoff]]");
  // Names a wikilink cannot hold: a Markdown link, its path percent-encoded.
  CHECK(note_link("Meetings/a|b.md", "a|b", true) == "[a|b](Meetings/a%7Cb.md)");
  CHECK(note_link("Meetings/x]] y.md", "x]] y", true) == "[x\\]\\] y](Meetings/x%5D%5D%20y.md)");
  CHECK(note_link("Meetings/up^date.md", "up^date", true) == "[up^date](Meetings/up%5Edate.md)");
  CHECK(note_link("[Draft] plan.md", "[Draft] plan", true) ==
        "[\\[Draft\\] plan](%5BDraft%5D%20plan.md)");
  CHECK(note_link("Réunion/été|x.md", "été|x", true) == "[été|x](Réunion/été%7Cx.md)");
  // '#' ends the path of every kind of link in Obsidian: the name, as text.
  CHECK(note_link("Meetings/C# sync.md", "C# sync", true) == "C# sync");
  CHECK(note_link("Meetings/#1 sync.md", "#1 sync", false) == "Meetings/#1 sync");
}
