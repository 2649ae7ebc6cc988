#include "kb/text/wikilink.hpp"

namespace kb::text {
namespace {

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool ends_with_md(std::string_view s) {
  if (s.size() < 3) return false;
  const std::string_view tail = s.substr(s.size() - 3);
  return tail[0] == '.' && (tail[1] == 'm' || tail[1] == 'M') && (tail[2] == 'd' || tail[2] == 'D');
}

}  // namespace

WikiLink parse_wikilink_inner(std::string_view inner, bool embed) {
  WikiLink link;
  link.embed = embed;
  std::string_view path = inner;
  const std::size_t bar = inner.find('|');
  if (bar != std::string_view::npos) {
    link.alias = inner.substr(bar + 1);
    // Inside a table the pipe must be written `\|`; Obsidian still reads it
    // as the alias separator, and the backslash belongs to neither side.
    path = inner.substr(0, bar > 0 && inner[bar - 1] == '\\' ? bar - 1 : bar);
  }
  const std::size_t hash = path.find('#');
  if (hash != std::string_view::npos) {
    link.subpath = path.substr(hash + 1);
    path = path.substr(0, hash);
  }
  link.target = path;
  return link;
}

std::string_view link_path(const WikiLink& link) {
  std::string_view path = trim_spaces(link.target);
  if (ends_with_md(path)) path.remove_suffix(3);
  return path;
}

std::optional<WikiLink> parse_whole_wikilink(std::string_view s) {
  s = trim_spaces(s);
  if (s.size() < 4 || s.substr(0, 2) != "[[" || s.substr(s.size() - 2) != "]]") {
    return std::nullopt;
  }
  const std::string_view inner = s.substr(2, s.size() - 4);
  if (inner.find("[[") != std::string_view::npos || inner.find("]]") != std::string_view::npos ||
      inner.find('\n') != std::string_view::npos || trim_spaces(inner).empty()) {
    return std::nullopt;
  }
  return parse_wikilink_inner(inner, false);
}

}  // namespace kb::text
