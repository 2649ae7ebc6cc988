#pragma once
// Obsidian wikilinks: [[Target]], [[Target|Alias]], [[Folder/Target]],
// [[Target.md]], [[Target#Heading]], [[Target#^block]], ![[Embed]].
#include <optional>
#include <string_view>

namespace kb::text {

struct WikiLink {
  std::string_view
      target;  // path part as written, without #subpath and |alias ("Folder/Target.md")
  std::string_view subpath;  // after '#', without it ("Heading", "^block"); empty if none
  std::string_view alias;    // after '|'; empty if none
  bool embed = false;        // written as ![[...]]
};

// Parses the inside of [[...]] (without brackets).
WikiLink parse_wikilink_inner(std::string_view inner, bool embed);

// `target` without a trailing ".md" (case-insensitive) and surrounding spaces:
// the link path Obsidian resolves.
std::string_view link_path(const WikiLink& link);

// If s is exactly one wikilink ("[[X]]" or "[[X|Y]]", surrounding spaces ok),
// parses it; for front-matter values like participants: ["[[Jane Doe]]"].
std::optional<WikiLink> parse_whole_wikilink(std::string_view s);

}  // namespace kb::text
