#include "kb/text/markdown.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "kb/text/frontmatter.hpp"

using namespace kb::text;

namespace {

MarkdownScan scan(std::string_view text) {
  return scan_markdown(text, 0, 1);
}

std::string_view slice(std::string_view text, ByteRange r) {
  return text.substr(r.begin, r.end - r.begin);
}

}  // namespace

TEST_CASE("Headings: levels, trimming, closing hashes", "[markdown]") {
  const std::string_view text =
      "# Title\n"
      "## Open Tasks ##\n"
      "###   Spaced   \n"
      "#tag is not a heading\n"
      "####### seven\n"
      "    # indented code\n"
      "   ### three spaces\n"
      "## C# notes\n"
      "##\n"
      "###### six #\n";
  const MarkdownScan s = scan(text);
  REQUIRE(s.headings.size() == 7);
  REQUIRE(s.headings[0].level == 1);
  REQUIRE(s.headings[0].text == "Title");
  REQUIRE(s.headings[0].line == 1);
  REQUIRE(s.headings[0].line_begin == 0);
  REQUIRE(s.headings[0].line_end == 8);
  REQUIRE(s.headings[1].text == "Open Tasks");
  REQUIRE(s.headings[1].level == 2);
  REQUIRE(s.headings[2].text == "Spaced");
  REQUIRE(s.headings[3].text == "three spaces");
  REQUIRE(s.headings[3].line == 7);
  REQUIRE(s.headings[4].text == "C# notes");
  REQUIRE(s.headings[5].text.empty());
  REQUIRE(s.headings[6].text == "six");
  REQUIRE(s.headings[6].level == 6);
}

TEST_CASE("Wikilinks in every form", "[markdown]") {
  const std::string_view text =
      "See [[Jane Doe]], [[Jane Doe|Jane]] and ![[diagram.png]].\n"
      "[[Folder/Note.md#Heading|x]] [[Note#^block]] [[a [[b]] [[]] [[c]\n"
      "| [[Bob\\|Bobby]] | cell |\n";
  const MarkdownScan s = scan(text);
  REQUIRE(s.links.size() == 7);
  REQUIRE(s.links[0].link.target == "Jane Doe");
  REQUIRE(s.links[0].offset == 4);
  REQUIRE(s.links[0].line == 1);
  REQUIRE(s.links[1].link.alias == "Jane");
  REQUIRE(s.links[2].link.embed);
  REQUIRE(s.links[2].link.target == "diagram.png");
  REQUIRE(text.substr(s.links[2].offset, 3) == "![[");
  REQUIRE(s.links[3].link.target == "Folder/Note.md");
  REQUIRE(s.links[3].link.subpath == "Heading");
  REQUIRE(s.links[3].line == 2);
  REQUIRE(s.links[4].link.subpath == "^block");
  REQUIRE(s.links[5].link.target == "b");
  REQUIRE(s.links[6].link.target == "Bob");
  REQUIRE(s.links[6].link.alias == "Bobby");
  REQUIRE(s.links[6].line == 3);
}

TEST_CASE("Links never span lines", "[markdown]") {
  const MarkdownScan s = scan("[[Jane\nDoe]] [[Ok]]\n");
  REQUIRE(s.links.size() == 1);
  REQUIRE(s.links[0].link.target == "Ok");
}

TEST_CASE("Code hides links, tasks and headings", "[markdown]") {
  const std::string_view text =
      "```\n"               // 1
      "[[InFence]]\n"       // 2
      "- [ ] fenced\n"      // 3
      "# fenced heading\n"  // 4
      "```\n"               // 5
      "~~~~ python\n"       // 6
      "[[Tilde]]\n"         // 7
      "~~~\n"               // 8: too short to close
      "~~~~~\n"             // 9
      "Use `[[Inline]]` and ``a ` [[Double]]`` but [[Real]] `unclosed [[Open]]\n"  // 10
      "- [ ] real task\n";                                                         // 11
  const MarkdownScan s = scan(text);
  REQUIRE(s.headings.empty());
  REQUIRE(s.links.size() == 2);
  REQUIRE(s.links[0].link.target == "Real");
  REQUIRE(s.links[1].link.target == "Open");
  REQUIRE(s.tasks.size() == 1);
  REQUIRE(s.tasks[0].line == 11);
  REQUIRE(s.code.size() == 4);
  REQUIRE(slice(text, s.code[0]) == "```\n[[InFence]]\n- [ ] fenced\n# fenced heading\n```\n");
  REQUIRE(slice(text, s.code[1]) == "~~~~ python\n[[Tilde]]\n~~~\n~~~~~\n");
  REQUIRE(slice(text, s.code[2]) == "`[[Inline]]`");
  REQUIRE(slice(text, s.code[3]) == "``a ` [[Double]]``");
}

TEST_CASE("Backtick runs close only on a run of the same length", "[markdown]") {
  const std::string_view text = "a ``` b `` c ` d `` e ``` f\n";
  const MarkdownScan s = scan(text);
  REQUIRE(s.code.size() == 1);
  REQUIRE(slice(text, s.code[0]) == "``` b `` c ` d `` e ```");
}

TEST_CASE("Fences inside list items and unterminated fences", "[markdown]") {
  const std::string_view text =
      "- item\n"
      "    ```\n"
      "    [[Hidden]]\n"
      "    ```\n"
      "[[Shown]]\n"
      "```js\n"
      "[[AlsoHidden]]\n";
  const MarkdownScan s = scan(text);
  REQUIRE(s.links.size() == 1);
  REQUIRE(s.links[0].link.target == "Shown");
  REQUIRE(s.code.size() == 2);
  REQUIRE(s.code[1].end == text.size());
}

TEST_CASE("```tasks blocks become queries", "[markdown]") {
  const std::string_view text =
      "## Open Tasks\n"
      "\n"
      "```tasks\n"
      "path includes Asaf Levy\n"
      "not done\n"
      "```\n"
      "```Tasks\n"
      "not a query\n"
      "```\n"
      "~~~tasks extra words\n"
      "done\n"
      "~~~\n"
      "```tasks\n"
      "unterminated\n";
  const MarkdownScan s = scan(text);
  REQUIRE(s.task_queries.size() == 3);
  REQUIRE(s.task_queries[0].query == "path includes Asaf Levy\nnot done\n");
  REQUIRE(s.task_queries[0].line == 3);
  REQUIRE(s.task_queries[0].begin == 15);
  REQUIRE(text.substr(s.task_queries[0].end, 8) == "```Tasks");
  REQUIRE(s.task_queries[1].query == "done\n");
  REQUIRE(s.task_queries[2].query == "unterminated\n");
  REQUIRE(s.task_queries[2].end == text.size());
}

TEST_CASE("Tasks know their nearest heading", "[markdown]") {
  const std::string_view text =
      "- [ ] before\n"
      "# A\n"
      "- [x] under A ✅ 2025-01-01\n"
      "## B\n"
      "  * [ ] under B\n"
      "> - [ ] quoted\n";
  const MarkdownScan s = scan(text);
  REQUIRE(s.tasks.size() == 4);
  REQUIRE(s.tasks[0].heading == -1);
  REQUIRE(s.tasks[1].heading == 0);
  REQUIRE(s.tasks[1].checkbox.status_symbol == "x");
  REQUIRE(s.tasks[1].line == 3);
  REQUIRE(s.tasks[1].line_begin == 17);
  REQUIRE(s.tasks[2].heading == 1);
  REQUIRE(s.tasks[3].heading == 1);
  REQUIRE(s.tasks[3].checkbox.text == "quoted");
}

TEST_CASE("CRLF text: lines count LF, views exclude CR", "[markdown]") {
  const std::string_view text =
      "# Title #\r\n"
      "- [ ] task [[Link]]\r\n"
      "```tasks\r\n"
      "not done\r\n"
      "```\r\n"
      "## Next\r\n";
  const MarkdownScan s = scan(text);
  REQUIRE(s.headings.size() == 2);
  REQUIRE(s.headings[0].text == "Title");
  REQUIRE(s.headings[0].line_end == 11);
  REQUIRE(s.headings[1].text == "Next");
  REQUIRE(s.headings[1].line == 6);
  REQUIRE(s.tasks.size() == 1);
  REQUIRE(s.tasks[0].checkbox.text == "task [[Link]]");
  REQUIRE(s.links[0].link.target == "Link");
  REQUIRE(s.task_queries[0].query == "not done\r\n");
}

TEST_CASE("Scanning a note body after front-matter", "[markdown]") {
  const std::string_view text =
      "\xEF\xBB\xBF---\n"
      "title: \"[[NotALink]]\"\n"
      "---\n"
      "# Asaf Levy\n"
      "- [ ] ask [[Jane]]\n";
  const FrontMatterSplit split = split_front_matter(text);
  const MarkdownScan s = scan_markdown(text, split.body_begin, split.body_first_line);
  REQUIRE(s.headings.size() == 1);
  REQUIRE(s.headings[0].line == 4);
  REQUIRE(s.headings[0].line_begin == split.body_begin);
  REQUIRE(s.links.size() == 1);
  REQUIRE(s.links[0].link.target == "Jane");
  REQUIRE(s.links[0].line == 5);
  REQUIRE(s.tasks[0].line == 5);
}

TEST_CASE("section_body runs to the next heading of the same or higher level", "[markdown]") {
  const std::string_view text =
      "# Top\n"
      "intro\n"
      "## A\n"
      "a\n"
      "### A1\n"
      "a1\n"
      "## B\n"
      "b\n";
  const MarkdownScan s = scan(text);
  REQUIRE(s.headings.size() == 4);
  REQUIRE(slice(text, section_body(s, 0, text.size())) == "intro\n## A\na\n### A1\na1\n## B\nb\n");
  REQUIRE(slice(text, section_body(s, 1, text.size())) == "a\n### A1\na1\n");
  REQUIRE(slice(text, section_body(s, 2, text.size())) == "a1\n");
  REQUIRE(slice(text, section_body(s, 3, text.size())) == "b\n");
}

TEST_CASE("Empty and pathological input", "[markdown]") {
  REQUIRE(scan("").headings.empty());
  const std::string many_ticks = "a" + std::string(10000, '`');
  REQUIRE(scan(many_ticks).code.empty());
  std::string growing;
  for (int n = 1; n < 300; ++n) growing += std::string(static_cast<std::size_t>(n), '`') + " ";
  REQUIRE(scan(growing).code.empty());
  const std::string brackets(10000, '[');
  REQUIRE(scan(brackets).links.empty());
}

TEST_CASE("Fence details: info strings, closing rules", "[markdown]") {
  SECTION("a backtick info string with a backtick is not a fence") {
    const std::string_view text = "``` a`b\n[[Shown]]\n";
    const MarkdownScan s = scan(text);
    REQUIRE(s.links.size() == 1);
    REQUIRE(s.code.empty());  // neither ``` nor ` finds a closing run of its length
  }
  SECTION("a closing fence may be longer but carries no text") {
    const std::string_view text =
        "```\n"
        "``` not a close\n"
        "[[Hidden]]\n"
        "`````\n"
        "[[Shown]]\n";
    const MarkdownScan s = scan(text);
    REQUIRE(s.links.size() == 1);
    REQUIRE(s.links[0].link.target == "Shown");
    REQUIRE(slice(text, s.code[0]) == "```\n``` not a close\n[[Hidden]]\n`````\n");
  }
  SECTION("a tilde fence may contain backtick fences") {
    const std::string_view text = "~~~\n```\n[[Hidden]]\n```\n~~~\n[[Shown]]\n";
    const MarkdownScan s = scan(text);
    REQUIRE(s.links.size() == 1);
    REQUIRE(s.links[0].link.target == "Shown");
  }
  SECTION("two backticks are not a fence") {
    const MarkdownScan s = scan("``\n[[Shown]]\n``\n");
    REQUIRE(s.links.size() == 1);
  }
}

TEST_CASE("Fences inside blockquotes and callouts", "[markdown]") {
  const std::string_view text =
      "> [!todo] Open\n"       // 1
      "> ```tasks\n"           // 2
      "> not done\n"           // 3
      "> ```\n"                // 4
      "> - [ ] quoted task\n"  // 5
      "> ```\n"                // 6
      "> [[Hidden]]\n"         // 7
      "[[Shown]]\n"            // 8: the blockquote ends, and the fence with it
      "- [ ] after\n";         // 9
  const MarkdownScan s = scan(text);
  REQUIRE(s.task_queries.empty());
  REQUIRE(s.tasks.size() == 2);
  REQUIRE(s.tasks[0].line == 5);
  REQUIRE(s.tasks[1].line == 9);
  REQUIRE(s.links.size() == 1);
  REQUIRE(s.links[0].link.target == "Shown");
  REQUIRE(s.code.size() == 2);
  REQUIRE(slice(text, s.code[0]) == "> ```tasks\n> not done\n> ```\n");
  REQUIRE(slice(text, s.code[1]) == "> ```\n> [[Hidden]]\n");
}

TEST_CASE("Inline code and links inside headings and tasks", "[markdown]") {
  const std::string_view text =
      "## Call [[Jane]] about `[[x]]`\n"
      "- [ ] ask [[Bob|Robert]] re `code [[y]]` ![[pic.png]]\n";
  const MarkdownScan s = scan(text);
  REQUIRE(s.headings.size() == 1);
  REQUIRE(s.headings[0].text == "Call [[Jane]] about `[[x]]`");
  REQUIRE(s.links.size() == 3);
  REQUIRE(s.links[0].link.target == "Jane");
  REQUIRE(s.links[1].link.target == "Bob");
  REQUIRE(s.links[1].line == 2);
  REQUIRE(s.links[2].link.embed);
  REQUIRE(s.links[2].offset == text.find("![[pic"));
  REQUIRE(s.tasks.size() == 1);
  REQUIRE(s.tasks[0].checkbox.text == "ask [[Bob|Robert]] re `code [[y]]` ![[pic.png]]");
  REQUIRE(s.code.size() == 2);
}

TEST_CASE("An embed at the very start of the scan and code ranges are sorted", "[markdown]") {
  const std::string_view text = "x\n![[A]] `c` [[B]] `d`\n```\nz\n```\n`e`\n";
  const MarkdownScan s = scan_markdown(text, 2, 2);
  REQUIRE(s.links.size() == 2);
  REQUIRE(s.links[0].link.embed);
  REQUIRE(s.links[0].offset == 2);
  REQUIRE(s.links[0].line == 2);
  REQUIRE(s.code.size() == 4);
  for (std::size_t i = 1; i < s.code.size(); ++i) REQUIRE(s.code[i - 1].end <= s.code[i].begin);
}

TEST_CASE("A text without a final newline", "[markdown]") {
  const std::string_view text = "# A\n- [ ] last [[L]]";
  const MarkdownScan s = scan(text);
  REQUIRE(s.tasks.size() == 1);
  REQUIRE(s.tasks[0].checkbox.text == "last [[L]]");
  REQUIRE(s.links[0].line == 2);
  REQUIRE(section_body(s, 0, text.size()).end == text.size());
}

TEST_CASE("Random input never breaks the scan's invariants", "[markdown]") {
  const std::string_view alphabet[] = {"`", "```",  "~~~",          "[[",     "]]",   "!",  "#",
                                       " ", "\n",   "\r\n",         "- [ ] ", "> ",   "|",  "a",
                                       "é", "\xFF", "📅 2025-01-01", "%%",     "<!--", "-->"};
  std::uint32_t state = 12345;
  const auto next = [&state] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int pieces = static_cast<int>(next() % 80);
    for (int i = 0; i < pieces; ++i) text += alphabet[next() % std::size(alphabet)];
    const MarkdownScan s = scan(text);
    for (std::size_t i = 0; i < s.code.size(); ++i) {
      REQUIRE(s.code[i].begin < s.code[i].end);
      REQUIRE(s.code[i].end <= text.size());
      if (i > 0) REQUIRE(s.code[i - 1].end <= s.code[i].begin);
    }
    for (const LinkOccurrence& l : s.links) {
      REQUIRE(l.offset < text.size());
      for (const ByteRange& c : s.code) REQUIRE((l.offset < c.begin || l.offset >= c.end));
      for (const Comment& c : s.comments) {
        if (c.html) REQUIRE((l.offset < c.range.begin || l.offset >= c.range.end));
      }
    }
    const auto hidden = hidden_ranges(s);
    for (std::size_t i = 0; i < hidden.size(); ++i) {
      REQUIRE(hidden[i].begin < hidden[i].end);
      REQUIRE(hidden[i].end <= text.size());
      if (i > 0) REQUIRE(hidden[i - 1].end <= hidden[i].begin);
    }
    for (const TaskOccurrence& t : s.tasks) {
      for (const ByteRange& h : hidden) REQUIRE((t.line_begin < h.begin || t.line_begin >= h.end));
    }
    for (std::size_t h = 0; h < s.headings.size(); ++h) {
      const ByteRange body = section_body(s, h, text.size());
      REQUIRE(body.begin <= body.end);
    }
  }
}

TEST_CASE("scan_markdown reports a fence that nothing closes", "[markdown]") {
  CHECK_FALSE(scan("```\ncode\n```\n").unclosed_fence);
  const auto open = scan("# A\n\n```js\ncode\n").unclosed_fence;
  REQUIRE(open);
  CHECK(open->begin == 5);
  CHECK(open->line == 3);
  CHECK(open->quote_depth == 0);
  const auto quoted = scan("> ```\n> code\n").unclosed_fence;
  REQUIRE(quoted);
  CHECK(quoted->quote_depth == 1);
  CHECK_FALSE(scan("> ```\n> code\nafter\n").unclosed_fence);  // the quote ended, and the fence
  CHECK_FALSE(scan("``` a`b\n").unclosed_fence);               // no fence: inline code
}

// The demo vault of the Tasks plugin (Test Data/comments_*.md, non_tasks.md)
// and the metadata Obsidian recorded for it: a line starting inside a
// comment block is no list item; HTML comments hide links and tags, %%
// comments do not; inline comments leave the task line a task.
TEST_CASE("Comment blocks hide tasks and headings", "[markdown][comments]") {
  const std::string_view text =
      "%%\n"                                 // 1
      "- [ ] in a percent comment\n"         // 2
      "# hidden heading [[Kept]]\n"          // 3
      "%%\n"                                 // 4
      "<!--\n"                               // 5
      "- [ ] in an HTML comment [[Gone]]\n"  // 6
      "-->\n"                                // 7
      "- [ ] real task\n"                    // 8
      "```tasks\nnot done\n```\n";           // 9-11
  const MarkdownScan s = scan(text);
  REQUIRE(s.tasks.size() == 1);
  CHECK(s.tasks[0].line == 8);
  CHECK(s.headings.empty());
  REQUIRE(s.links.size() == 1);
  CHECK(s.links[0].link.target == "Kept");
  CHECK(s.links[0].line == 3);
  REQUIRE(s.comments.size() == 2);
  CHECK(slice(text, s.comments[0].range) ==
        "%%\n- [ ] in a percent comment\n# hidden heading [[Kept]]\n%%");
  CHECK_FALSE(s.comments[0].html);
  CHECK(slice(text, s.comments[1].range) == "<!--\n- [ ] in an HTML comment [[Gone]]\n-->\n");
  CHECK(s.comments[1].html);
  CHECK(s.task_queries.size() == 1);
}

TEST_CASE("Inline comments leave the task and HTML ones hide links", "[markdown][comments]") {
  const std::string_view text =
      "- [ ] a #task with <!-- #hidden [[Html]] --> and [[After]]\n"
      "- [ ] b #task with %% #seen [[Percent]] %% - end\n"
      "Text `%% not a comment` and `<!--` [[Code]]\n";
  const MarkdownScan s = scan(text);
  REQUIRE(s.tasks.size() == 2);
  CHECK(s.tasks[0].checkbox.text == "a #task with <!-- #hidden [[Html]] --> and [[After]]");
  REQUIRE(s.links.size() == 3);
  CHECK(s.links[0].link.target == "After");
  CHECK(s.links[1].link.target == "Percent");
  CHECK(s.links[2].link.target == "Code");
  REQUIRE(s.comments.size() == 2);
  CHECK(slice(text, s.comments[0].range) == "<!-- #hidden [[Html]] -->");
  CHECK(slice(text, s.comments[1].range) == "%% #seen [[Percent]] %%");
  REQUIRE(s.code.size() == 2);
}

TEST_CASE("Comment edges: unclosed or mid-line or inside code or in quotes",
          "[markdown][comments]") {
  SECTION("an unclosed %% runs to the end; the line that opens it keeps its task") {
    const std::string_view text = "- [ ] opens %% here\n- [ ] inside\n# Not a heading\n";
    const MarkdownScan s = scan(text);
    REQUIRE(s.tasks.size() == 1);
    CHECK(s.tasks[0].checkbox.text == "opens %% here");
    CHECK(s.headings.empty());
    REQUIRE(s.comments.size() == 1);
    CHECK(s.comments[0].range.end == text.size());
  }
  SECTION("a %% block closing mid-line: the rest of that line is read, not as a task") {
    const std::string_view text = "%%\nhidden %% then [[Link]] - [ ] x\n- [ ] after\n";
    const MarkdownScan s = scan(text);
    REQUIRE(s.tasks.size() == 1);
    CHECK(s.tasks[0].line == 3);
    REQUIRE(s.links.size() == 1);
    CHECK(slice(text, s.comments[0].range) == "%%\nhidden %%");
  }
  SECTION("an unclosed <!-- mid-line is text; at a line start it opens an HTML block") {
    const std::string_view text =
        "a <!-- not closed [[One]]\n- [ ] task\n  <!-- block\n- [ ] hidden [[Two]]\n--> tail\n- [ "
        "] last\n";
    const MarkdownScan s = scan(text);
    REQUIRE(s.tasks.size() == 2);
    CHECK(s.tasks[0].line == 2);
    CHECK(s.tasks[1].line == 6);
    REQUIRE(s.links.size() == 1);
    CHECK(s.links[0].link.target == "One");
    REQUIRE(s.comments.size() == 1);
    CHECK(slice(text, s.comments[0].range) == "<!-- block\n- [ ] hidden [[Two]]\n--> tail\n");
  }
  SECTION("a fence inside a comment is no fence; a comment inside a fence is no comment") {
    const std::string_view text = "```\n%%\n```\n- [ ] a\n```tasks\n%%\n```\n- [ ] b\n";
    const MarkdownScan s = scan(text);
    REQUIRE(s.tasks.size() == 2);
    CHECK(s.comments.size() == 0);
    CHECK(s.task_queries.size() == 1);
    const std::string_view swapped = "%%\n```\n%%\n- [ ] a\n```\n";
    const MarkdownScan t = scan(swapped);
    REQUIRE(t.tasks.size() == 1);  // the fence opens after the comment closed
    CHECK(t.code.size() == 1);
  }
  SECTION("backticks inside a comment are text") {
    const std::string_view text = "%% ` %% [[A]] ` x\n";
    const MarkdownScan s = scan(text);
    REQUIRE(s.links.size() == 1);
    CHECK(s.code.empty());
  }
  SECTION("a comment block inside a callout") {
    const std::string_view text = "> %%\n> - [ ] hidden\n> %%\n> - [ ] shown\n";
    const MarkdownScan s = scan(text);
    REQUIRE(s.tasks.size() == 1);
    CHECK(s.tasks[0].line == 4);
  }
}

TEST_CASE("hidden_ranges merges code and comments in order", "[markdown][comments]") {
  const std::string_view text = "`a` %% b %% `c` <!-- d --> `e`\n";
  const MarkdownScan s = scan(text);
  const auto all = hidden_ranges(s);
  REQUIRE(all.size() == 5);
  for (std::size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1].end <= all[i].begin);
  const auto html = hidden_ranges(s, HiddenComments::HtmlOnly);
  REQUIRE(html.size() == 4);
  CHECK(slice(text, html[2]) == "<!-- d -->");
}
