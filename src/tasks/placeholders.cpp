#include "placeholders.hpp"

#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "fields.hpp"

namespace kb::tasks {

namespace {

using Json = nlohmann::ordered_json;
using Result = Expected<std::string, std::string>;

bool ascii_iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view without_md(std::string_view s) {
  return s.ends_with(".md") ? s.substr(0, s.size() - 3) : s;
}

// ---- the note's properties as the plugin holds them (JSON values) ----

// A scalar as Obsidian's YAML reads it: unquoted numbers, booleans and null
// are typed, the rest are strings (dates stay strings).
Json scalar_json(const text::YamlValue& v) {
  if (v.quoted) return v.scalar;
  const std::string& s = v.scalar;
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  if (s == "null" || s == "Null" || s == "NULL" || s == "~") return nullptr;
  Json number = Json::parse(s, nullptr, false);
  if (number.is_number() && !s.empty() && s.front() != '+' && s.front() != '.') return number;
  return s;
}

Json to_json(const text::YamlValue& v) {
  switch (v.kind) {
    case text::YamlValue::Kind::Null:
      return nullptr;
    case text::YamlValue::Kind::Scalar:
      return scalar_json(v);
    case text::YamlValue::Kind::Sequence: {
      Json list = Json::array();
      for (const auto& item : v.items) list.push_back(to_json(item));
      return list;
    }
    case text::YamlValue::Kind::Map: {
      Json map = Json::object();
      for (const auto& [key, value] : v.entries) map[key] = to_json(value);
      return map;
    }
  }
  return nullptr;
}

// Obsidian's parseFrontMatterTags, as its recorded results show it: each
// entry of a `tags` list, or a `tags` text holding no comma or space, with
// a '#' before it.
Json normalised_tags(const text::YamlValue* tags) {
  Json out = Json::array();
  const auto add = [&](const std::string& tag) {
    if (!tag.empty()) out.push_back(tag.front() == '#' ? tag : "#" + tag);
  };
  if (tags == nullptr) return out;
  if (tags->is_scalar()) {
    if (tags->scalar.find_first_of(", \t") == std::string::npos) add(tags->scalar);
  } else if (tags->is_sequence()) {
    for (const auto& item : tags->items) {
      if (item.is_scalar()) add(item.scalar);
    }
  }
  return out;
}

// TasksFile.frontmatter: the properties, `tags` always there and normalised.
Json frontmatter_of(const QueryFile& file) {
  Json fm = Json::object();
  const text::YamlValue* tags = nullptr;
  if (file.front_matter != nullptr) {
    for (const auto& [key, value] : file.front_matter->entries) {
      fm[key] = to_json(value);
      if (key == "tags") tags = &value;
    }
  }
  fm["tags"] = normalised_tags(tags);
  return fm;
}

// TasksFile.property(key): the key in any case; null when missing; a list
// without its nulls.
Json property_of(const Json& fm, std::string_view key) {
  for (const auto& [name, value] : fm.items()) {
    if (!ascii_iequals(name, key)) continue;
    if (!value.is_array()) return value;
    Json list = Json::array();
    for (const auto& item : value) {
      if (!item.is_null()) list.push_back(item);
    }
    return list;
  }
  return nullptr;
}

// String(value) for a placeholder's result: objects and lists as JSON.
std::string stringified(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_object() || value.is_array()) return value.dump();
  return value.dump();  // numbers, true, false
}

// Mustache printing a value: a list joined with commas (Array.toString),
// null as nothing, an object as JavaScript prints it.
std::string mustache_printed(const Json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_object()) return "[object Object]";
  if (value.is_array()) {
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (i > 0) out += ',';
      out += mustache_printed(value[i]);
    }
    return out;
  }
  return value.dump();
}

// `^NAME\((['"])([^'"]*)\1\)$`: the argument, or nothing.
std::optional<std::string_view> single_string_argument(std::string_view expr,
                                                       std::string_view name) {
  if (!expr.starts_with(name) || expr.size() < name.size() + 4) return std::nullopt;
  std::string_view rest = expr.substr(name.size());
  if (rest.front() != '(' || rest.back() != ')') return std::nullopt;
  rest = rest.substr(1, rest.size() - 2);
  if (rest.size() < 2 || (rest.front() != '\'' && rest.front() != '"') ||
      rest.back() != rest.front()) {
    return std::nullopt;
  }
  rest = rest.substr(1, rest.size() - 2);
  if (rest.find_first_of("'\"") != std::string_view::npos) return std::nullopt;
  return rest;
}

// `^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$`: what Mustache looks up.
bool is_dotted_name(std::string_view s) {
  bool start = true;
  if (s.empty()) return false;
  for (char c : s) {
    const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '$';
    const bool digit = c >= '0' && c <= '9';
    if (c == '.') {
      if (start) return false;
      start = true;
    } else if (start ? !letter : !(letter || digit)) {
      return false;
    } else {
      start = false;
    }
  }
  return !start;
}

class Expander {
 public:
  Expander(const QueryFile& file, const Settings& settings)
      : file_(file), settings_(settings), frontmatter_(frontmatter_of(file)) {}

  // One pass: every {{...}} of `text` replaced by its value.
  Result expand_once(std::string_view text) const {
    std::string out;
    std::size_t pos = 0;
    for (std::size_t open = text.find("{{"); open != std::string_view::npos;
         open = text.find("{{", pos)) {
      const std::size_t close = text.find("}}", open + 2);
      if (close == std::string_view::npos) {
        return Result::failure("unclosed placeholder " + quoted(text.substr(open)));
      }
      out.append(text.substr(pos, open - pos));
      const std::string_view whole = text.substr(open, close + 2 - open);
      auto value = resolve(trim(text.substr(open + 2, close - open - 2)), whole);
      if (!value) return value;
      out += *value;
      pos = close + 2;
    }
    out.append(text.substr(pos));
    return out;
  }

 private:
  // Appended piece by piece: GCC 12 -O3 warns (-Wrestrict) on "'" + string.
  static std::string quoted(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '\'';
    out += s;
    out += '\'';
    return out;
  }

  Result resolve(std::string_view expr, std::string_view whole) const {
    const std::string_view path = file_.path;
    const std::string_view filename = filename_of(path);
    if (expr == "query.file.path") return std::string(path);
    if (expr == "query.file.pathWithoutExtension") return std::string(without_md(path));
    if (expr == "query.file.root") return std::string(root_of(path));
    if (expr == "query.file.folder") return std::string(folder_of(path));
    if (expr == "query.file.filename") return std::string(filename);
    if (expr == "query.file.filenameWithoutExtension") return std::string(without_md(filename));
    if (auto key = single_string_argument(expr, "query.file.property")) {
      const Json value = property_of(frontmatter_, *key);
      if (value.is_null()) {
        return Result::failure("placeholder " + std::string(whole) + ": the note " + quoted(path) +
                               " has no property " + quoted(*key) + " (or it is empty)");
      }
      return stringified(value);
    }
    if (auto key = single_string_argument(expr, "query.file.hasProperty")) {
      return std::string(property_of(frontmatter_, *key).is_null() ? "false" : "true");
    }
    if (expr.starts_with('!')) return std::string();  // a Mustache comment
    if (!is_dotted_name(expr)) {
      return Result::failure("placeholder " + std::string(whole) +
                             " is JavaScript, which kb does not run");
    }
    return lookup(expr, whole);
  }

  // Mustache's lookup of a dotted name in {query: {file}, preset}.
  Result lookup(std::string_view name, std::string_view whole) const {
    if (name.starts_with("preset.")) {
      const std::string_view preset = name.substr(7);
      if (preset.find('.') == std::string_view::npos) {
        if (const std::string* text = settings_.preset(preset)) return *text;
      }
      return unknown(whole);
    }
    constexpr std::string_view kFrontmatter = "query.file.frontmatter.";
    if (name.starts_with(kFrontmatter)) {
      const Json* value = &frontmatter_;
      std::string_view rest = name.substr(kFrontmatter.size());
      while (!rest.empty()) {
        const std::size_t dot = rest.find('.');
        const std::string key(rest.substr(0, dot));
        rest = dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
        if (!value->is_object() || !value->contains(key)) return unknown(whole);
        value = &(*value)[key];
      }
      return mustache_printed(*value);
    }
    for (std::string_view unsupported :
         {"query.file.outlinks", "query.file.tags", "query.file.frontmatter",
          "query.file.cachedMetadata", "query.file.tFile", "query.allTasks", "query.searchCache"}) {
      if (name == unsupported || name.starts_with(std::string(unsupported) + ".") ||
          (unsupported == "query.file.outlinks" && name.starts_with(unsupported))) {
        return Result::failure("placeholder " + std::string(whole) + " is not supported by kb");
      }
    }
    return unknown(whole);
  }

  static Result unknown(std::string_view whole) {
    return Result::failure("unknown placeholder " + std::string(whole) +
                           " (placeholder names are case-sensitive)");
  }

  const QueryFile& file_;
  const Settings& settings_;
  Json frontmatter_;
};

}  // namespace

bool has_placeholder_marks(std::string_view text) {
  return text.find("{{") != std::string_view::npos && text.find("}}") != std::string_view::npos;
}

std::string_view first_placeholder(std::string_view text) {
  const std::size_t open = text.find("{{");
  if (open == std::string_view::npos) return {};
  const std::size_t close = text.find("}}", open + 2);
  return close == std::string_view::npos ? text.substr(open) : text.substr(open, close + 2 - open);
}

Expected<std::string, std::string> expand_placeholders(std::string_view text, const QueryFile& file,
                                                       const Settings& settings) {
  const Expander expander(file, settings);
  std::string current(text);
  constexpr int kMaxIterations = 10;  // the plugin's guard against circular values
  for (int i = 0; i < kMaxIterations; ++i) {
    auto next = expander.expand_once(current);
    if (!next) return next;
    if (*next == current) break;
    current = std::move(*next);
  }
  return current;
}

}  // namespace kb::tasks
