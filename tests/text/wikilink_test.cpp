#include "kb/text/wikilink.hpp"

#include <catch2/catch.hpp>

using namespace kb::text;

TEST_CASE("parse_wikilink_inner splits target, subpath and alias", "[wikilink]") {
  SECTION("plain") {
    const WikiLink l = parse_wikilink_inner("Jane Doe", false);
    REQUIRE(l.target == "Jane Doe");
    REQUIRE(l.subpath.empty());
    REQUIRE(l.alias.empty());
    REQUIRE_FALSE(l.embed);
  }
  SECTION("alias") {
    const WikiLink l = parse_wikilink_inner("Jane Doe|Jane", false);
    REQUIRE(l.target == "Jane Doe");
    REQUIRE(l.alias == "Jane");
  }
  SECTION("folder and .md") {
    const WikiLink l =
        parse_wikilink_inner("Sources/Transcripts/2025/2025-10 - Asaf Levy.md|Asaf Levy", false);
    REQUIRE(l.target == "Sources/Transcripts/2025/2025-10 - Asaf Levy.md");
    REQUIRE(link_path(l) == "Sources/Transcripts/2025/2025-10 - Asaf Levy");
    REQUIRE(l.alias == "Asaf Levy");
  }
  SECTION("heading") {
    const WikiLink l = parse_wikilink_inner("Note#Open Tasks", false);
    REQUIRE(l.target == "Note");
    REQUIRE(l.subpath == "Open Tasks");
  }
  SECTION("block") {
    const WikiLink l = parse_wikilink_inner("Note#^abc123", false);
    REQUIRE(l.target == "Note");
    REQUIRE(l.subpath == "^abc123");
  }
  SECTION("heading and alias") {
    const WikiLink l = parse_wikilink_inner("Note#H|shown", false);
    REQUIRE(l.target == "Note");
    REQUIRE(l.subpath == "H");
    REQUIRE(l.alias == "shown");
  }
  SECTION("'#' after the '|' belongs to the alias") {
    const WikiLink l = parse_wikilink_inner("Note|a#b", false);
    REQUIRE(l.target == "Note");
    REQUIRE(l.subpath.empty());
    REQUIRE(l.alias == "a#b");
  }
  SECTION("only the first '|' separates") {
    const WikiLink l = parse_wikilink_inner("A|B|C", false);
    REQUIRE(l.target == "A");
    REQUIRE(l.alias == "B|C");
  }
  SECTION("escaped pipe in tables") {
    const WikiLink l = parse_wikilink_inner("Jane Doe\\|Jane", false);
    REQUIRE(l.target == "Jane Doe");
    REQUIRE(l.alias == "Jane");
  }
  SECTION("escaped pipe after a heading") {
    const WikiLink l = parse_wikilink_inner("Note#H\\|x", false);
    REQUIRE(l.target == "Note");
    REQUIRE(l.subpath == "H");
    REQUIRE(l.alias == "x");
  }
  SECTION("same-note heading") {
    const WikiLink l = parse_wikilink_inner("#Profile", false);
    REQUIRE(l.target.empty());
    REQUIRE(l.subpath == "Profile");
  }
  SECTION("embed") {
    const WikiLink l = parse_wikilink_inner("image.png", true);
    REQUIRE(l.embed);
    REQUIRE(l.target == "image.png");
    REQUIRE(link_path(l) == "image.png");
  }
}

TEST_CASE("link_path trims spaces and a trailing .md in any case", "[wikilink]") {
  REQUIRE(link_path(parse_wikilink_inner(" Jane Doe ", false)) == "Jane Doe");
  REQUIRE(link_path(parse_wikilink_inner("Jane.MD", false)) == "Jane");
  REQUIRE(link_path(parse_wikilink_inner("Jane.Md |x", false)) == "Jane");
  REQUIRE(link_path(parse_wikilink_inner("Jane.md.md", false)) == "Jane.md");
  REQUIRE(link_path(parse_wikilink_inner("Jane.mdx", false)) == "Jane.mdx");
  REQUIRE(link_path(parse_wikilink_inner(".md", false)) == "");
}

TEST_CASE("parse_whole_wikilink accepts exactly one link", "[wikilink]") {
  auto l = parse_whole_wikilink("[[Jane Doe]]");
  REQUIRE(l);
  REQUIRE(l->target == "Jane Doe");
  l = parse_whole_wikilink("  [[Jane Doe|Jane]] ");
  REQUIRE(l);
  REQUIRE(l->target == "Jane Doe");
  REQUIRE(l->alias == "Jane");
  REQUIRE_FALSE(parse_whole_wikilink("Jane Doe"));
  REQUIRE_FALSE(parse_whole_wikilink("![[Jane Doe]]"));
  REQUIRE_FALSE(parse_whole_wikilink("[[Jane]] and [[Bob]]"));
  REQUIRE_FALSE(parse_whole_wikilink("[[Jane]]x"));
  REQUIRE_FALSE(parse_whole_wikilink("[[]]"));
  REQUIRE_FALSE(parse_whole_wikilink("[[  ]]"));
  REQUIRE_FALSE(parse_whole_wikilink("[[a\nb]]"));
  REQUIRE_FALSE(parse_whole_wikilink("[Jane]"));
  REQUIRE_FALSE(parse_whole_wikilink(""));
}
