#include "kb/text/glob.hpp"

#include <catch2/catch.hpp>

using kb::text::glob_matches_path;
using kb::text::glob_problem;

TEST_CASE("glob: a name without '/' matches at any depth, its folder's contents too", "[glob]") {
  CHECK(glob_matches_path("Archive", "Archive/a.md"));
  CHECK(glob_matches_path("Archive", "Work/Archive/2024/a.md"));
  CHECK(glob_matches_path("*.excalidraw.md", "Drawings/x.excalidraw.md"));
  CHECK(glob_matches_path("draft-?.md", "Notes/draft-1.md"));
  CHECK_FALSE(glob_matches_path("draft-?.md", "Notes/draft-12.md"));
  CHECK_FALSE(glob_matches_path("Archive", "Archives/a.md"));
  CHECK_FALSE(glob_matches_path("Archive", "archive/a.md"));  // case-sensitive
}

TEST_CASE("glob: a pattern with '/' is anchored at the vault root", "[glob]") {
  CHECK(glob_matches_path("Work/Archive", "Work/Archive/a.md"));
  CHECK_FALSE(glob_matches_path("Work/Archive", "Old/Work/Archive/a.md"));
  CHECK(glob_matches_path("/Inbox.md", "Inbox.md"));
  CHECK_FALSE(glob_matches_path("/Inbox.md", "People/Inbox.md"));
  CHECK(glob_matches_path("People/*/Drafts", "People/Asaf Levy/Drafts/x.md"));
  CHECK_FALSE(glob_matches_path("People/*/Drafts", "People/A/B/Drafts/x.md"));
}

TEST_CASE("glob: '**' spans any number of folders, none included", "[glob]") {
  CHECK(glob_matches_path("**/drafts", "drafts/a.md"));
  CHECK(glob_matches_path("**/drafts", "a/b/drafts/c.md"));
  CHECK(glob_matches_path("Work/**/old-*.md", "Work/old-1.md"));
  CHECK(glob_matches_path("Work/**/old-*.md", "Work/a/b/old-1.md"));
  CHECK_FALSE(glob_matches_path("Work/**/old-*.md", "Home/a/old-1.md"));
  CHECK(glob_matches_path("Archive/**", "Archive/a/b.md"));
}

TEST_CASE("glob: a trailing '/' matches folders only", "[glob]") {
  CHECK(glob_matches_path("Templates/", "Templates/Person.md"));
  CHECK(glob_matches_path("Templates/", "x/Templates/Person.md"));
  CHECK_FALSE(glob_matches_path("Person.md/", "Person.md"));
  CHECK_FALSE(glob_matches_path("Templates/", "Templates.md"));
}

TEST_CASE("glob: character sets and escapes", "[glob]") {
  CHECK(glob_matches_path("[0-9][0-9]-*.md", "Daily/07-notes.md"));
  CHECK_FALSE(glob_matches_path("[0-9][0-9]-*.md", "Daily/ab-notes.md"));
  CHECK(glob_matches_path("[!_]*.md", "a.md"));
  CHECK_FALSE(glob_matches_path("[!_]*.md", "_a.md"));
  CHECK(glob_matches_path("\\*star.md", "*star.md"));
  CHECK_FALSE(glob_matches_path("\\*star.md", "xstar.md"));
  CHECK(glob_matches_path("Caf\xC3\xA9", "Caf\xC3\xA9/menu.md"));  // bytes compare as written
}

TEST_CASE("glob: what kb refuses, and why", "[glob]") {
  CHECK(glob_problem("Archive/**/*.md") == "");
  CHECK(glob_problem("") == "an empty pattern");
  CHECK(glob_problem("/") == "a pattern naming no file or folder");
  CHECK(glob_problem("!keep.md") == "'!' patterns (exceptions) are not supported");
  CHECK(glob_problem("a/../b") == "a '..' segment");
  CHECK(glob_problem("[abc") == "a '[' never closed");
  CHECK_FALSE(glob_matches_path("[abc", "[abc"));  // a pattern with a problem matches nothing
}

TEST_CASE("glob: many stars stay linear enough", "[glob]") {
  // Backtracking to the last star only: no exponential blow-up.
  const std::string name(200, 'a');
  CHECK_FALSE(glob_matches_path("*a*a*a*a*a*a*a*a*a*b", name + ".md"));
  CHECK(glob_matches_path("*a*a*a*a*a*a*a*a*a*", name));
}
