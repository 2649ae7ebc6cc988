// The flat front-matter subset, parsed by hand. Every rule here errs towards
// declining: a declined input costs a yaml-cpp parse, a wrong accept costs a
// wrong answer. tests/text/frontmatter_fast_test.cpp holds each accepted
// input against yaml-cpp.
#include "kb/text/frontmatter_fast.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace kb::text {
namespace {

using Text = std::string_view;

// Bytes yaml-cpp reads the same way we do: printable ASCII, space, LF, CR
// before LF, and valid UTF-8 that is neither a C1 control nor one of the
// characters YAML 1.1 treats specially (NEL, LS, PS, BOM). Tabs are out: they
// are where YAML indentation rules get subtle.
bool plain_bytes(Text yaml) {
  const std::size_t n = yaml.size();
  for (std::size_t i = 0; i < n;) {
    const auto c = static_cast<unsigned char>(yaml[i]);
    if (c < 0x80) {
      if (c == '\n' || (c >= 0x20 && c != 0x7F) ||
          (c == '\r' && i + 1 < n && yaml[i + 1] == '\n')) {
        ++i;
        continue;
      }
      return false;
    }
    std::size_t length = 0;
    std::uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      length = 2, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + length > n) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto d = static_cast<unsigned char>(yaml[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = cp << 6 | (d & 0x3F);
    }
    const std::uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < least[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    if (cp < 0xA0 || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF) return false;
    i += length;
  }
  return true;
}

std::size_t indent_of(Text line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  return i;
}

bool blank_or_comment(Text line) {
  const std::size_t i = indent_of(line);
  return i == line.size() || line[i] == '#';
}

Text skip_spaces(Text s) {
  return s.substr(std::min(indent_of(s), s.size()));
}

Text trim_right(Text s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// What may follow a complete value on its line: spaces, then optionally a
// comment that a space separates from the value.
bool only_comment_left(Text rest) {
  const Text after = skip_spaces(rest);
  return after.empty() || (after.front() == '#' && after.size() < rest.size());
}

// Characters that give a plain scalar's first character a meaning of its own.
bool is_indicator(char c) {
  return Text("-?:,[]{}#&*!|>'\"%@`").find(c) != Text::npos;
}

// yaml-cpp turns these plain scalars into null nodes.
bool is_null_word(Text s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

bool is_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.' || c == ' ';
}

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

struct Scalar {
  std::string value;
  bool quoted = false;
  std::size_t length = 0;  // bytes of the line it took, quotes included
};

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

class FlatParser {
 public:
  FlatParser(Text yaml, int first_line) : first_line_(first_line) {
    for (std::size_t pos = 0; pos < yaml.size();) {
      std::size_t nl = yaml.find('\n', pos);
      if (nl == Text::npos) nl = yaml.size();
      Text line = yaml.substr(pos, nl - pos);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines_.push_back(line);
      pos = nl + 1;
    }
  }

  std::optional<FrontMatterResult> parse() {
    FrontMatterResult result;
    for (std::size_t k = 0; k < lines_.size();) {
      const Text line = lines_[k];
      if (blank_or_comment(line)) {
        ++k;
        continue;
      }
      const int key_line = line_number(k);
      std::size_t colon = 0;
      while (colon < line.size() && is_key_char(line[colon])) ++colon;
      if (colon == 0 || colon == line.size() || line[colon] != ':' || colon > 500)
        return std::nullopt;
      const Text key = line.substr(0, colon);
      if (line[0] == '-' || line[0] == '.' || line[0] == ' ' || key.back() == ' ' ||
          is_null_word(key)) {
        return std::nullopt;
      }
      if (colon + 1 < line.size() && line[colon + 1] != ' ') return std::nullopt;
      const Text rest = skip_spaces(line.substr(colon + 1));
      ++k;
      std::optional<YamlValue> value;
      if (!rest.empty() && rest.front() != '#') {
        value = inline_value(rest, key_line);
      } else {
        value = block_list_or_null(k, key_line);
      }
      if (!value) return std::nullopt;
      if (result.fm.find(key) != nullptr) {
        result.diagnostics.push_back(
            Diagnostic{"", key_line, "duplicate front-matter key '" + std::string(key) + "'",
                       Severity::Warning});
        continue;
      }
      result.fm.entries.emplace_back(std::string(key), std::move(*value));
    }
    return result;
  }

 private:
  int line_number(std::size_t k) const { return first_line_ + static_cast<int>(k); }

  // After `key:` with nothing on its line: `- item` lines (at one
  // indentation, any depth), else a null value. Advances k past the list.
  std::optional<YamlValue> block_list_or_null(std::size_t& k, int key_line) {
    std::size_t first = k;
    while (first < lines_.size() && blank_or_comment(lines_[first])) ++first;
    YamlValue null_value;
    null_value.line = key_line;
    if (first == lines_.size()) return null_value;
    const std::size_t indent = indent_of(lines_[first]);
    if (!is_item(lines_[first], indent)) {
      if (indent > 0) return std::nullopt;  // a nested map or a continued scalar
      return null_value;
    }
    YamlValue list;
    list.kind = YamlValue::Kind::Sequence;
    list.line = line_number(first);
    for (k = first; k < lines_.size(); ++k) {
      const Text line = lines_[k];
      if (blank_or_comment(line)) continue;
      if (!is_item(line, indent)) break;
      const Text item = skip_spaces(line.substr(indent + 1));
      if (item.empty() || item.front() == '#') {
        list.items.push_back(null_value);
        list.items.back().line = list.line;
        continue;
      }
      std::optional<Scalar> scalar =
          item.front() == '"' || item.front() == '\'' ? quoted(item) : block_plain(item);
      if (!scalar || !only_comment_left(item.substr(scalar->length))) return std::nullopt;
      list.items.push_back(scalar_value(std::move(*scalar), line_number(k), list.line));
    }
    return list;
  }

  static bool is_item(Text line, std::size_t indent) {
    return indent_of(line) == indent && indent < line.size() && line[indent] == '-' &&
           (indent + 1 == line.size() || line[indent + 1] == ' ');
  }

  int first_line_;
  std::vector<Text> lines_;
};

}  // namespace

std::optional<FrontMatterResult> parse_front_matter_fast(std::string_view yaml, int first_line) {
  if (!plain_bytes(yaml)) return std::nullopt;
  return FlatParser(yaml, first_line).parse();
}

}  // namespace kb::text
