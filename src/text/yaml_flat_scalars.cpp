// The flat front-matter subset's scalars and one-line values, read by hand
// as yaml-cpp reads them (see frontmatter_fast.cpp: each declines what it is
// not sure of).
#include "yaml_flat_scalars.hpp"

#include <cstdint>
#include <string>
#include <utility>

namespace kb::text::flat_yaml {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | cp >> 6);
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | cp >> 12);
    out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | cp >> 18);
    out += static_cast<char>(0x80 | (cp >> 12 & 0x3F));
    out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// A "..." scalar closed on its line, with yaml-cpp's escapes. \N and \_
// (which yaml-cpp writes as single Latin-1 bytes) and a closing backslash
// (a line continuation) are declined.
std::optional<Scalar> double_quoted(Text s) {
  Scalar out{"", true, 0};
  for (std::size_t i = 1; i < s.size();) {
    const char c = s[i];
    if (c == '"') {
      out.length = i + 1;
      return out;
    }
    if (c != '\\') {
      out.value += c;
      ++i;
      continue;
    }
    if (i + 1 >= s.size()) return std::nullopt;
    const char e = s[i + 1];
    i += 2;
    int digits = 0;
    switch (e) {
      case '0':
        out.value += '\0';
        break;
      case 'a':
        out.value += '\a';
        break;
      case 'b':
        out.value += '\b';
        break;
      case 't':
        out.value += '\t';
        break;
      case 'n':
        out.value += '\n';
        break;
      case 'v':
        out.value += '\v';
        break;
      case 'f':
        out.value += '\f';
        break;
      case 'r':
        out.value += '\r';
        break;
      case 'e':
        out.value += '\x1B';
        break;
      case ' ':
      case '"':
      case '\'':
      case '\\':
      case '/':
        out.value += e;
        break;
      case 'L':
        out.value += "\xE2\x80\xA8";
        break;
      case 'P':
        out.value += "\xE2\x80\xA9";
        break;
      case 'x':
        digits = 2;
        break;
      case 'u':
        digits = 4;
        break;
      case 'U':
        digits = 8;
        break;
      default:
        return std::nullopt;
    }
    if (digits == 0) continue;
    if (i + digits > s.size()) return std::nullopt;
    std::uint32_t cp = 0;
    for (int k = 0; k < digits; ++k) {
      const int d = hex_digit(s[i + k]);
      if (d < 0) return std::nullopt;
      cp = cp << 4 | static_cast<std::uint32_t>(d);
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
    append_utf8(out.value, cp);
    i += digits;
  }
  return std::nullopt;  // continues on the next line
}

// A '...' scalar closed on its line; '' is a quote.
std::optional<Scalar> single_quoted(Text s) {
  Scalar out{"", true, 0};
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] != '\'') {
      out.value += s[i];
    } else if (i + 1 < s.size() && s[i + 1] == '\'') {
      out.value += '\'';
      ++i;
    } else {
      out.length = i + 1;
      return out;
    }
  }
  return std::nullopt;
}

// A plain item of a flow list: up to ',' or ']'; any other flow indicator
// ('?' too: yaml-cpp ends a flow scalar there),
// colon or comment is declined.
std::optional<Scalar> flow_plain(Text s) {
  if (s.empty() || is_indicator(s.front())) return std::nullopt;
  std::size_t end = 0;
  for (; end < s.size() && s[end] != ',' && s[end] != ']'; ++end) {
    const char c = s[end];
    if (c == '[' || c == '{' || c == '}' || c == ':' || c == '?' ||
        (c == '#' && s[end - 1] == ' ')) {
      return std::nullopt;
    }
  }
  const Text value = trim_right(s.substr(0, end));
  if (value.empty()) return std::nullopt;
  return Scalar{std::string(value), false, end};
}

}  // namespace

// A plain scalar in block context: up to a comment or the end of the line.
// ": " or a closing ':' would make it a mapping.
std::optional<Scalar> block_plain(Text s) {
  if (s.empty() || is_indicator(s.front())) return std::nullopt;
  std::size_t end = s.size();
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '#' && s[i - 1] == ' ') {
      end = i;
      break;
    }
    if (s[i] == ':' && (i + 1 == s.size() || s[i + 1] == ' ')) return std::nullopt;
  }
  const Text value = trim_right(s.substr(0, end));
  return Scalar{std::string(value), false, value.size()};
}

std::optional<Scalar> quoted(Text s) {
  return s.front() == '"' ? double_quoted(s) : single_quoted(s);
}

YamlValue scalar_value(Scalar&& s, int line, int null_line) {
  YamlValue v;
  if (!s.quoted && is_null_word(s.value)) {
    v.line = null_line;  // yaml-cpp marks nulls elsewhere; the converter uses the parent's line
    return v;
  }
  v.kind = YamlValue::Kind::Scalar;
  v.scalar = std::move(s.value);
  v.quoted = s.quoted;
  v.line = line;
  return v;
}

namespace {

// `[a, "b", 'c']` on one line, from its '['.
std::optional<YamlValue> flow_list(Text s, int line) {
  YamlValue list;
  list.kind = YamlValue::Kind::Sequence;
  list.line = line;
  std::size_t i = 1 + indent_of(s.substr(1));
  if (i < s.size() && s[i] == ']')
    return only_comment_left(s.substr(i + 1)) ? std::optional(list) : std::nullopt;
  while (true) {
    const Text rest = s.substr(i);
    if (rest.empty()) return std::nullopt;  // continues on the next line
    auto item = rest.front() == '"' || rest.front() == '\'' ? quoted(rest) : flow_plain(rest);
    if (!item) return std::nullopt;
    i += item->length;
    list.items.push_back(scalar_value(std::move(*item), line, line));
    i += indent_of(s.substr(i));
    if (i >= s.size()) return std::nullopt;
    if (s[i] == ']') break;
    if (s[i] != ',') return std::nullopt;
    ++i;
    i += indent_of(s.substr(i));
    if (i < s.size() && s[i] == ']') return std::nullopt;  // trailing comma
  }
  if (!only_comment_left(s.substr(i + 1))) return std::nullopt;
  return list;
}

}  // namespace

// A value written on the key's line, from its first character.
std::optional<YamlValue> inline_value(Text s, int line) {
  if (s.front() == '[') return flow_list(s, line);
  if (s.front() == '"' || s.front() == '\'') {
    auto q = quoted(s);
    if (!q || !only_comment_left(s.substr(q->length))) return std::nullopt;
    return scalar_value(std::move(*q), line, line);
  }
  auto plain = block_plain(s);
  if (!plain) return std::nullopt;
  return scalar_value(std::move(*plain), line, line);
}

}  // namespace kb::text::flat_yaml
