// The flat front-matter subset, parsed by hand. Every rule here errs towards
// declining: a declined input costs a yaml-cpp parse, a wrong accept costs a
// wrong answer. tests/text/frontmatter_fast_test.cpp holds each accepted
// input against yaml-cpp.
#include "kb/text/frontmatter_fast.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include "yaml_flat_scalars.hpp"

namespace kb::text {
namespace {

using namespace flat_yaml;  // NOLINT(google-build-using-namespace): its own half

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

bool is_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.' || c == ' ';
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
