#include "kb/text/frontmatter.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <exception>
#include <string>

#include "kb/text/frontmatter_fast.hpp"

namespace kb::text {
namespace {

// Deeper flow nesting than this is refused before yaml-cpp sees it: yaml-cpp
// recurses once per level and only stops at ~2000, which is too deep for a
// small thread stack.
constexpr int kMaxFlowDepth = 256;
// Aliases are shared inside yaml-cpp but copied by the conversion, so a
// "billion laughs" document would explode; no real front-matter comes close.
constexpr std::size_t kMaxNodes = 100000;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// One line of `text` from `begin`: content excludes the line ending. Only LF
// ends a line; a CR directly before the LF (or at the very end) is part of
// the ending. A lone CR elsewhere is ordinary content, so old-Mac files read
// as one long line and never yield front-matter.
struct Line {
  std::string_view content;
  std::size_t next = 0;  // offset after the line ending
  bool has_newline = false;
};

Line line_at(std::string_view text, std::size_t begin) {
  Line line;
  std::size_t nl = text.find('\n', begin);
  std::size_t end = nl == std::string_view::npos ? text.size() : nl;
  line.next = nl == std::string_view::npos ? text.size() : nl + 1;
  line.has_newline = nl != std::string_view::npos;
  if (end > begin && text[end - 1] == '\r') --end;
  line.content = text.substr(begin, end - begin);
  return line;
}

// `fence` followed only by spaces/tabs.
bool is_fence(std::string_view content, std::string_view fence) {
  if (content.substr(0, fence.size()) != fence) return false;
  for (char c : content.substr(fence.size())) {
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

// Deepest nesting of [ and { outside quoted scalars and comments. A cheap
// over-estimate is fine: it only has to stop pathological input.
int flow_depth(std::string_view yaml) {
  int depth = 0, max_depth = 0;
  char quote = 0;
  bool comment = false;
  char prev = '\n';
  for (std::size_t i = 0; i < yaml.size(); prev = yaml[i], ++i) {
    const char c = yaml[i];
    if (comment) {
      if (c == '\n') comment = false;
      continue;
    }
    if (quote != 0) {
      if (quote == '"' && c == '\\') {
        ++i;  // skip the escaped character
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '#' && (prev == ' ' || prev == '\t' || prev == '\n')) {
      comment = true;
    } else if (c == '"' || c == '\'') {
      // Quotes open a scalar only at its start; "it's" inside a plain word does not.
      if (prev == ' ' || prev == '\t' || prev == '\n' || prev == '[' || prev == '{' ||
          prev == ',' || prev == ':') {
        quote = c;
      }
    } else if (c == '[' || c == '{') {
      max_depth = std::max(max_depth, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return max_depth;
}

struct TooManyNodes {};
// yaml-cpp lets an alias refer to its own anchor ("b: &b [x, *b]"), making
// a cycle: the conversion stops at this depth rather than recurse until the
// stack ends (the node count would stop it only after 100,000 frames).
constexpr int kMaxConvertDepth = 512;
struct TooDeep {};

class Converter {
 public:
  explicit Converter(int first_line) : first_line_(first_line) {}

  YamlValue convert(const YAML::Node& node, int fallback_line) {
    if (++count_ > kMaxNodes) throw TooManyNodes{};
    if (++depth_ > kMaxConvertDepth) throw TooDeep{};
    YamlValue v;
    v.line = line_of(node, fallback_line);
    switch (node.Type()) {
      case YAML::NodeType::Scalar:
        v.kind = YamlValue::Kind::Scalar;
        v.scalar = node.Scalar();
        v.quoted = node.Tag() == "!";  // yaml-cpp tags quoted scalars "!", plain ones "?"
        break;
      case YAML::NodeType::Sequence:
        v.kind = YamlValue::Kind::Sequence;
        for (const YAML::Node& item : node) v.items.push_back(convert(item, v.line));
        break;
      case YAML::NodeType::Map:
        v.kind = YamlValue::Kind::Map;
        for (const auto& kv : node) {
          const int key_line = line_of(kv.first, v.line);
          v.entries.emplace_back(key_text(kv.first), convert(kv.second, key_line));
        }
        break;
      default:
        // Null (`key:`, `~`, `null`): yaml-cpp marks it at the *next* token,
        // so the key's line is the honest one.
        v.line = fallback_line;
        break;
    }
    --depth_;
    return v;
  }

  int line_of(const YAML::Node& node, int fallback) const {
    const int mark = node.Mark().line;
    return mark < 0 ? fallback : mark + first_line_;
  }

  static std::string key_text(const YAML::Node& key) {
    if (key.IsScalar()) return key.Scalar();
    if (key.IsNull()) return std::string();
    return YAML::Dump(key);  // complex keys are unusual; keep them readable
  }

 private:
  int first_line_;
  std::size_t count_ = 0;
  int depth_ = 0;
};

FrontMatterResult failure(std::string message, int line) {
  FrontMatterResult r;
  r.ok = false;
  r.diagnostics.push_back(Diagnostic{"", line, std::move(message), Severity::Error});
  return r;
}

}  // namespace

FrontMatterSplit split_front_matter(std::string_view text) {
  FrontMatterSplit split;
  if (text.substr(0, kBom.size()) == kBom) split.bom = kBom.size();
  split.body_begin = split.bom;
  split.yaml_begin = split.yaml_end = split.bom;

  const Line opening = line_at(text, split.bom);
  if (!is_fence(opening.content, "---")) return split;
  split.present = true;

  int line_number = 2;
  for (std::size_t pos = opening.next; opening.has_newline && pos < text.size(); ++line_number) {
    const Line line = line_at(text, pos);
    if (is_fence(line.content, "---") || is_fence(line.content, "...")) {
      split.terminated = true;
      split.yaml_begin = opening.next;
      split.yaml_end = pos;
      split.yaml = text.substr(opening.next, pos - opening.next);
      split.body_begin = line.next;
      split.body_first_line = line_number + 1;
      return split;
    }
    pos = line.next;
  }
  return split;  // unterminated: not front-matter, the body is the whole text
}

FrontMatterResult parse_front_matter(std::string_view yaml, int first_line) {
  if (auto fast = parse_front_matter_fast(yaml, first_line)) return std::move(*fast);
  return parse_front_matter_yaml_cpp(yaml, first_line);
}

FrontMatterResult parse_front_matter_yaml_cpp(std::string_view yaml, int first_line) {
  if (flow_depth(yaml) > kMaxFlowDepth) {
    return failure("malformed front-matter: nested too deeply", first_line);
  }
  try {
    const YAML::Node root = YAML::Load(std::string(yaml));
    if (root.IsNull()) return FrontMatterResult{};
    if (!root.IsMap()) {
      return failure("front-matter is not a map of keys to values",
                     Converter(first_line).line_of(root, first_line));
    }
    Converter converter(first_line);
    FrontMatterResult result;
    for (const auto& kv : root) {
      std::string key = Converter::key_text(kv.first);
      const int key_line = converter.line_of(kv.first, first_line);
      if (result.fm.find(key) != nullptr) {
        // yaml-cpp accepts duplicates silently; the first value stays, as
        // a reader scanning the file top-down would expect.
        result.diagnostics.push_back(Diagnostic{
            "", key_line, "duplicate front-matter key '" + key + "'", Severity::Warning});
        continue;
      }
      YamlValue value = converter.convert(kv.second, key_line);
      result.fm.entries.emplace_back(std::move(key), std::move(value));
    }
    return result;
  } catch (const YAML::DeepRecursion& e) {
    return failure("malformed front-matter: nested too deeply", e.mark.line + first_line);
  } catch (const YAML::ParserException& e) {
    return failure("malformed front-matter: " + e.msg,
                   e.mark.line < 0 ? first_line : e.mark.line + first_line);
  } catch (const YAML::Exception& e) {
    return failure("malformed front-matter: " + e.msg,
                   e.mark.line < 0 ? first_line : e.mark.line + first_line);
  } catch (const TooDeep&) {
    return failure("malformed front-matter: nested too deeply", first_line);
  } catch (const TooManyNodes&) {
    return failure("malformed front-matter: too many values (alias expansion?)", first_line);
  } catch (const std::exception& e) {
    return failure(std::string("malformed front-matter: ") + e.what(), first_line);
  }
}

}  // namespace kb::text
