#include "kb/text/frontmatter.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace kb::text;

namespace {

FrontMatterResult parse_note(std::string_view text) {
  const FrontMatterSplit split = split_front_matter(text);
  return parse_front_matter(split.yaml, split.yaml_first_line);
}

}  // namespace

TEST_CASE("split_front_matter finds the block between --- lines", "[frontmatter]") {
  const std::string_view text = "---\ntitle: A\n---\n# Body\n";
  const FrontMatterSplit s = split_front_matter(text);
  REQUIRE(s.bom == 0);
  REQUIRE(s.present);
  REQUIRE(s.terminated);
  REQUIRE(s.yaml == "title: A\n");
  REQUIRE(s.yaml_begin == 4);
  REQUIRE(s.yaml_end == 13);
  REQUIRE(s.body_begin == 17);
  REQUIRE(text.substr(s.body_begin) == "# Body\n");
  REQUIRE(s.yaml_first_line == 2);
  REQUIRE(s.body_first_line == 4);
}

TEST_CASE("split_front_matter: closing with ..., trailing blanks, CRLF, BOM", "[frontmatter]") {
  SECTION("... closes") {
    const FrontMatterSplit s = split_front_matter("---\na: 1\n...\nbody");
    REQUIRE(s.terminated);
    REQUIRE(s.yaml == "a: 1\n");
  }
  SECTION("fences with trailing spaces and tabs") {
    const std::string_view text = "--- \t\na: 1\n---  \nbody";
    const FrontMatterSplit s = split_front_matter(text);
    REQUIRE(s.terminated);
    REQUIRE(s.yaml == "a: 1\n");
    REQUIRE(text.substr(s.body_begin) == "body");
  }
  SECTION("CRLF") {
    const std::string_view text = "---\r\na: 1\r\nb: 2\r\n---\r\nbody\r\n";
    const FrontMatterSplit s = split_front_matter(text);
    REQUIRE(s.terminated);
    REQUIRE(s.yaml == "a: 1\r\nb: 2\r\n");
    REQUIRE(text.substr(s.body_begin) == "body\r\n");
    REQUIRE(s.body_first_line == 5);
    const FrontMatterResult r = parse_front_matter(s.yaml, s.yaml_first_line);
    REQUIRE(r.ok);
    REQUIRE(r.fm.get_string("b") == "2");
    REQUIRE(r.fm.find("b")->line == 3);
  }
  SECTION("BOM") {
    const std::string_view text = "\xEF\xBB\xBF---\na: 1\n---\nbody";
    const FrontMatterSplit s = split_front_matter(text);
    REQUIRE(s.bom == 3);
    REQUIRE(s.terminated);
    REQUIRE(s.yaml_begin == 7);
    REQUIRE(s.yaml == "a: 1\n");
  }
  SECTION("BOM without front-matter") {
    const FrontMatterSplit s = split_front_matter("\xEF\xBB\xBF# Title\n");
    REQUIRE(s.bom == 3);
    REQUIRE_FALSE(s.present);
    REQUIRE(s.body_begin == 3);
  }
  SECTION("closing fence at the end of the text without a newline") {
    const std::string_view text = "---\na: 1\n---";
    const FrontMatterSplit s = split_front_matter(text);
    REQUIRE(s.terminated);
    REQUIRE(s.body_begin == text.size());
    REQUIRE(s.body_first_line == 4);
  }
  SECTION("empty block") {
    const FrontMatterSplit s = split_front_matter("---\n---\nbody");
    REQUIRE(s.terminated);
    REQUIRE(s.yaml.empty());
    REQUIRE(s.body_begin == 8);
    REQUIRE(s.body_first_line == 3);
  }
}

TEST_CASE("split_front_matter: what is not front-matter", "[frontmatter]") {
  SECTION("not on line 1") {
    const FrontMatterSplit s = split_front_matter("\n---\na: 1\n---\n");
    REQUIRE_FALSE(s.present);
    REQUIRE(s.body_begin == 0);
    REQUIRE(s.body_first_line == 1);
  }
  SECTION("leading space before the fence") {
    REQUIRE_FALSE(split_front_matter(" ---\na: 1\n---\n").present);
  }
  SECTION("four dashes") {
    REQUIRE_FALSE(split_front_matter("----\na: 1\n----\n").present);
  }
  SECTION("text after the dashes") {
    REQUIRE_FALSE(split_front_matter("--- a\na\n---\n").present);
  }
  SECTION("unterminated") {
    const FrontMatterSplit s = split_front_matter("---\na: 1\nbody\n");
    REQUIRE(s.present);
    REQUIRE_FALSE(s.terminated);
    REQUIRE(s.yaml.empty());
    REQUIRE(s.body_begin == 0);
    REQUIRE(s.body_first_line == 1);
  }
  SECTION("lone CR is not a line ending") {
    const FrontMatterSplit s = split_front_matter("---\ra: 1\r---\rbody");
    REQUIRE_FALSE(s.present);
  }
  SECTION("only the opening fence") {
    const FrontMatterSplit s = split_front_matter("---");
    REQUIRE(s.present);
    REQUIRE_FALSE(s.terminated);
  }
  SECTION("empty text") {
    const FrontMatterSplit s = split_front_matter("");
    REQUIRE_FALSE(s.present);
    REQUIRE(s.body_begin == 0);
  }
}

TEST_CASE("parse_front_matter keeps scalars as text and records quoting and lines",
          "[frontmatter]") {
  const FrontMatterResult r = parse_note(
      "---\n"
      "type: people\n"
      "title: Asaf Levy\n"
      "last_contact: \"2025-11-07\"\n"
      "created: '2026-01-03'\n"
      "updated: 2026-01-04\n"
      "count: 007\n"
      "empty:\n"
      "tags:\n"
      "- type/people\n"
      "- generated\n"
      "---\n"
      "# Asaf Levy\n");
  REQUIRE(r.ok);
  REQUIRE(r.diagnostics.empty());
  REQUIRE(r.fm.entries.size() == 8);
  REQUIRE(r.fm.entries[0].first == "type");
  REQUIRE(r.fm.entries[7].first == "tags");
  REQUIRE(r.fm.get_string("type") == "people");
  REQUIRE(r.fm.find("type")->line == 2);
  REQUIRE_FALSE(r.fm.find("type")->quoted);
  const YamlValue* last = r.fm.find("last_contact");
  REQUIRE(last->is_scalar());
  REQUIRE(last->scalar == "2025-11-07");
  REQUIRE(last->quoted);
  REQUIRE(last->line == 4);
  REQUIRE(r.fm.find("created")->scalar == "2026-01-03");
  REQUIRE(r.fm.find("created")->quoted);
  REQUIRE(r.fm.find("updated")->scalar == "2026-01-04");  // unquoted dates stay strings
  REQUIRE_FALSE(r.fm.find("updated")->quoted);
  REQUIRE(r.fm.get_string("count") == "007");
  const YamlValue* empty = r.fm.find("empty");
  REQUIRE(empty->is_null());
  REQUIRE(empty->line == 8);  // the key's line, not the next token's
  const YamlValue* tags = r.fm.find("tags");
  REQUIRE(tags->is_sequence());
  REQUIRE(tags->as_strings() == std::vector<std::string>{"type/people", "generated"});
  REQUIRE(tags->items[1].line == 11);
  REQUIRE(r.fm.find("nope") == nullptr);
  REQUIRE(r.fm.get_string("nope").empty());
  REQUIRE(r.fm.get_string("tags").empty());
}

TEST_CASE("aliases as a string or a list, flow lists, wikilinks in quotes", "[frontmatter]") {
  const FrontMatterResult r = parse_note(
      "---\n"
      "aliases: Jane\n"
      "Aliases2: [J. Doe, \"Janie\"]\n"
      "participants: [\"[[Jane Doe]]\", \"[[Bob]]\"]\n"
      "nested:\n"
      "  key: value\n"
      "blank: ''\n"
      "tilde: ~\n"
      "---\n");
  REQUIRE(r.ok);
  REQUIRE(r.fm.find("aliases")->as_strings() == std::vector<std::string>{"Jane"});
  REQUIRE(r.fm.find_ci("aliases2")->as_strings() == std::vector<std::string>{"J. Doe", "Janie"});
  REQUIRE(r.fm.find("aliases2") == nullptr);
  REQUIRE(r.fm.find_ci("ALIASES") == r.fm.find("aliases"));
  REQUIRE(r.fm.find("participants")->items[0].scalar == "[[Jane Doe]]");
  REQUIRE(r.fm.find("participants")->items[0].quoted);
  const YamlValue* nested = r.fm.find("nested");
  REQUIRE(nested->is_map());
  REQUIRE(nested->entries.size() == 1);
  REQUIRE(nested->entries[0].first == "key");
  REQUIRE(nested->entries[0].second.scalar == "value");
  REQUIRE(nested->entries[0].second.line == 6);
  REQUIRE(nested->as_strings().empty());
  REQUIRE(r.fm.find("blank")->is_scalar());
  REQUIRE(r.fm.find("blank")->as_strings().empty());
  REQUIRE(r.fm.find("tilde")->is_null());
  REQUIRE(r.fm.find("tilde")->as_strings().empty());
}

TEST_CASE("Empty or comment-only yaml is ok and empty", "[frontmatter]") {
  REQUIRE(parse_front_matter("", 2).ok);
  REQUIRE(parse_front_matter("", 2).fm.empty());
  REQUIRE(parse_front_matter("# just a comment\n", 2).ok);
  REQUIRE(parse_front_matter("  \n\n", 2).fm.empty());
}

TEST_CASE("Malformed yaml fails with the parser's message and line", "[frontmatter]") {
  SECTION("unclosed flow sequence") {
    const FrontMatterResult r = parse_note("---\ntitle: A\ntags: [a, b\nx: 1\n---\n");
    REQUIRE_FALSE(r.ok);
    REQUIRE(r.fm.empty());
    REQUIRE(r.diagnostics.size() == 1);
    REQUIRE(r.diagnostics[0].message == "malformed front-matter: end of sequence flow not found");
    REQUIRE(r.diagnostics[0].line == 4);  // where the parser notices: "x: 1"
    REQUIRE(r.diagnostics[0].path.empty());
    REQUIRE(r.diagnostics[0].severity == kb::Severity::Error);
  }
  SECTION("nested mapping on one line") {
    const FrontMatterResult r = parse_note("---\na: 1\nb: c: d\n---\n");
    REQUIRE_FALSE(r.ok);
    REQUIRE(r.diagnostics[0].message == "malformed front-matter: illegal map value");
    REQUIRE(r.diagnostics[0].line == 3);
  }
  SECTION("top level is a list") {
    const FrontMatterResult r = parse_note("---\n- a\n- b\n---\n");
    REQUIRE_FALSE(r.ok);
    REQUIRE(r.diagnostics[0].message == "front-matter is not a map of keys to values");
    REQUIRE(r.diagnostics[0].line == 2);
  }
  SECTION("top level is a scalar") {
    const FrontMatterResult r = parse_note("---\njust text\n---\n");
    REQUIRE_FALSE(r.ok);
    REQUIRE(r.diagnostics[0].message == "front-matter is not a map of keys to values");
  }
}

TEST_CASE("Duplicate keys warn and keep the first value", "[frontmatter]") {
  const FrontMatterResult r = parse_note("---\ntitle: A\ntype: people\ntitle: B\n---\n");
  REQUIRE(r.ok);
  REQUIRE(r.fm.entries.size() == 2);
  REQUIRE(r.fm.get_string("title") == "A");
  REQUIRE(r.diagnostics.size() == 1);
  REQUIRE(r.diagnostics[0].message == "duplicate front-matter key 'title'");
  REQUIRE(r.diagnostics[0].line == 4);
  REQUIRE(r.diagnostics[0].severity == kb::Severity::Warning);
}

TEST_CASE("Pathological yaml fails cleanly", "[frontmatter]") {
  SECTION("deep flow nesting") {
    const std::string yaml = "a: " + std::string(20000, '[') + "\n";
    const FrontMatterResult r = parse_front_matter(yaml, 2);
    REQUIRE_FALSE(r.ok);
    REQUIRE(r.diagnostics[0].message == "malformed front-matter: nested too deeply");
    REQUIRE(r.diagnostics[0].line == 2);
  }
  SECTION("brackets inside quotes do not count as nesting") {
    const std::string yaml = "a: \"" + std::string(1000, '[') + "\"\nb: it's [x]\n";
    const FrontMatterResult r = parse_front_matter(yaml, 2);
    REQUIRE(r.ok);
    REQUIRE(r.fm.get_string("a") == std::string(1000, '['));
  }
  SECTION("deep block nesting") {
    std::string yaml;
    for (int i = 0; i < 3000; ++i) yaml += std::string(i, ' ') + "k:\n";
    const FrontMatterResult r = parse_front_matter(yaml, 2);
    REQUIRE_FALSE(r.ok);
  }
  SECTION("billion laughs") {
    std::string yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 9; ++i) {
      const std::string prev = "*a" + std::to_string(i - 1);
      yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
      for (int k = 0; k < 10; ++k) yaml += (k ? ", " : "") + prev;
      yaml += "]\n";
    }
    const FrontMatterResult r = parse_front_matter(yaml, 2);
    REQUIRE_FALSE(r.ok);
    REQUIRE(r.diagnostics[0].message ==
            "malformed front-matter: too many values (alias expansion?)");
  }
  SECTION("small aliases are fine") {
    const FrontMatterResult r = parse_front_matter("a: &x hello\nb: *x\n", 2);
    REQUIRE(r.ok);
    REQUIRE(r.fm.get_string("b") == "hello");
  }
}

TEST_CASE("yaml-cpp's own depth guard is reported as nesting", "[frontmatter]") {
  std::string yaml;
  for (int i = 0; i < 600; ++i) yaml += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  const FrontMatterResult r = parse_front_matter(yaml, 2);
  REQUIRE_FALSE(r.ok);
  REQUIRE(r.diagnostics.size() == 1);
  REQUIRE(r.diagnostics[0].message == "malformed front-matter: nested too deeply");
  REQUIRE(r.fm.empty());
}

TEST_CASE("Flow nesting up to the limit parses", "[frontmatter]") {
  const std::string yaml = "a: " + std::string(200, '[') + std::string(200, ']') + "\n";
  const FrontMatterResult r = parse_front_matter(yaml, 2);
  REQUIRE(r.ok);
  REQUIRE(r.fm.find("a")->is_sequence());
}

TEST_CASE("Tabs, odd keys and other scalars", "[frontmatter]") {
  const FrontMatterResult r = parse_note(
      "---\n"
      "\"quoted key\": 1\n"
      "multi: |\n"
      "  line one\n"
      "  line two\n"
      "folded: >\n"
      "  a\n"
      "  b\n"
      "bool: true\n"
      "url: https://example.com/a#b\n"
      "tagged: !!str 2025\n"
      "---\n");
  REQUIRE(r.ok);
  REQUIRE(r.fm.get_string("quoted key") == "1");
  REQUIRE(r.fm.get_string("multi") == "line one\nline two\n");
  REQUIRE(r.fm.get_string("folded") == "a b\n");
  REQUIRE(r.fm.get_string("bool") == "true");
  REQUIRE(r.fm.get_string("url") == "https://example.com/a#b");
  REQUIRE(r.fm.get_string("tagged") == "2025");
  REQUIRE_FALSE(r.fm.find("tagged")->quoted);
}

TEST_CASE("A tab used for indentation is a YAML error, reported not thrown", "[frontmatter]") {
  const FrontMatterResult r = parse_note("---\na:\n\t- b\n---\n");
  REQUIRE_FALSE(r.ok);
  REQUIRE(r.diagnostics.size() == 1);
  REQUIRE(r.diagnostics[0].message.rfind("malformed front-matter: ", 0) == 0);
}

TEST_CASE("Random yaml never throws", "[frontmatter]") {
  const std::string_view alphabet[] = {"a", ":",   " ",  "\n", "- ", "[", "]",  "{",   "}", "\"",
                                       "'", "&x ", "*x", "#",  "|",  ">", "\t", "---", "?", ","};
  std::uint32_t state = 99;
  const auto next = [&state] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (int round = 0; round < 500; ++round) {
    std::string yaml;
    const int pieces = static_cast<int>(next() % 40);
    for (int i = 0; i < pieces; ++i) yaml += alphabet[next() % std::size(alphabet)];
    const FrontMatterResult r = parse_front_matter(yaml, 2);
    if (!r.ok) {
      REQUIRE(r.fm.empty());
      REQUIRE_FALSE(r.diagnostics.empty());
    }
    for (const kb::Diagnostic& d : r.diagnostics) REQUIRE(d.line >= 2);
  }
}
