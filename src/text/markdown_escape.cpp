#include "kb/text/markdown_escape.hpp"

#include <algorithm>

#include "kb/text/wikilink.hpp"

namespace kb::text {
namespace {

bool is_space_or_control(char c) {
  const auto u = static_cast<unsigned char>(c);
  return c == ' ' || u < 0x20 || u == 0x7f;
}

bool is_ascii_punctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Where a block marker at the start of `s` ends (the character to escape),
// or npos: "> x", "- x", "+ x", "* x", "```", "~~~", "| x", "12. x", "3) x".
std::size_t leading_marker(std::string_view s) {
  if (s.empty()) return std::string_view::npos;
  const char c = s.front();
  if (c == '>' || c == '`' || c == '~' || c == '|') return 0;
  if ((c == '-' || c == '+' || c == '*') && (s.size() == 1 || s[1] == ' ')) return 0;
  std::size_t i = 0;
  while (i < s.size() && i < 9 && is_digit(s[i])) ++i;
  if (i > 0 && i < s.size() && (s[i] == '.' || s[i] == ')') &&
      (i + 1 == s.size() || s[i + 1] == ' ')) {
    return i;
  }
  return std::string_view::npos;
}

bool holds_control(std::string_view s) {
  for (const char c : s) {
    if (is_space_or_control(c) && c != ' ') return true;
  }
  return false;
}

// Percent-encodes all but unreserved ASCII, '/', and bytes of non-ASCII
// characters (which Obsidian takes as they are).
std::string encode_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if (is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/' ||
        u >= 0x80) {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

}  // namespace

std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  // Runs of other characters are copied whole; each run of blanks and
  // controls between two becomes one space.
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space_or_control(text[i])) ++i;
    const std::size_t begin = i;
    while (i < text.size() && !is_space_or_control(text[i])) ++i;
    if (i == begin) break;
    if (!out.empty()) out += ' ';
    out.append(text.substr(begin, i - begin));
  }
  return out;
}

std::string escape_inline(std::string_view text) {
  const std::string line = one_line(text);
  const std::string_view s = line;
  const std::size_t marker = leading_marker(s);
  std::string out;
  out.reserve(s.size() + 8);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const char next = i + 1 < s.size() ? s[i + 1] : '\0';
    const bool after_space = i == 0 || s[i - 1] == ' ';
    bool escape = i == marker;
    switch (c) {
      case '\\':
        escape = is_ascii_punctuation(next);
        break;
      case '[':
      case ']':
        escape = true;
        break;
      case '<':
        escape = is_alpha(next) || next == '/' || next == '!' || next == '?';
        break;
      case '%':
        escape = next == '%' || (i > 0 && s[i - 1] == '%');
        break;
      case '!':  // "\<\!--": no "<!--" left for any reader, kb's scan included
        escape = i > 0 && s[i - 1] == '<';
        break;
      case '#':
      case '^':
        escape = escape || after_space;
        break;
      default:
        break;
    }
    if (escape) out += '\\';
    out += c;
  }
  return out;
}

std::string wikilinks_as_text(std::string_view s) {
  std::string out;
  std::size_t copied = 0;
  for (std::size_t open = s.find("[["); open != std::string_view::npos;) {
    const std::size_t close = s.find("]]", open + 2);
    if (close == std::string_view::npos) break;
    open = std::max(open, s.rfind("[[", close));  // "[[a [[b]]": the inner link wins
    const std::string_view inner = s.substr(open + 2, close - open - 2);
    if (inner.find_first_not_of(" \t") == std::string_view::npos) {
      open = s.find("[[", close + 2);
      continue;
    }
    const bool embed = open > copied && s[open - 1] == '!';
    out.append(s.substr(copied, (embed ? open - 1 : open) - copied));
    const WikiLink link = parse_wikilink_inner(inner, embed);
    if (!link.alias.empty()) {
      out += link.alias;
    } else {
      out += link_path(link);
      if (!link.subpath.empty()) {
        if (!link_path(link).empty()) out += " > ";
        out += link.subpath;
      }
    }
    copied = close + 2;
    open = s.find("[[", copied);
  }
  out.append(s.substr(copied));
  return out;
}

std::string escape_comments(std::string_view text) {
  const std::string line = one_line(text);
  const std::string_view s = line;
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if ((c == '%' && ((i + 1 < s.size() && s[i + 1] == '%') || (i > 0 && s[i - 1] == '%'))) ||
        (c == '<' && s.substr(i, 4) == "<!--") ||
        (c == '!' && i > 0 && s.substr(i - 1, 4) == "<!--")) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string note_link(std::string_view path, std::string_view stem, bool stem_unique) {
  std::string_view target = path;
  if (target.size() >= 3 && target.substr(target.size() - 3) == ".md") {
    target.remove_suffix(3);
  }
  const std::string_view named = stem_unique ? stem : target;
  const auto holds = [&](std::string_view what) {
    return path.find(what) != std::string_view::npos || stem.find(what) != std::string_view::npos;
  };
  if (holds("#")) return escape_inline(named);
  const bool wikilink_safe = !holds("[") && !holds("]") && !holds("|") && !holds("^") &&
                             !holds("%%") && !holds_control(path) && !holds_control(stem);
  // Appended piece by piece: GCC 12 at -O3 sees a false overlap in
  // operator+ chains here (-Wrestrict, GCC bug 105329).
  std::string out;
  if (wikilink_safe) {
    out.reserve(target.size() + stem.size() + 5);
    out.append("[[");
    if (!stem_unique) out.append(target).append("|");
    out.append(stem).append("]]");
    return out;
  }
  out.append("[").append(escape_inline(stem)).append("](").append(encode_path(path)).append(")");
  return out;
}

}  // namespace kb::text
