#include "kb/model/config.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "kb/model/context_template.hpp"
#include "kb/model/tasks_config.hpp"
#include "kb/text/frontmatter.hpp"
#include "kb/text/glob.hpp"
#include "kb/text/trim.hpp"
#include "kb/text/yaml_value.hpp"

namespace kb::model {

namespace {

struct KindField {
  const char* name;
  std::vector<std::string> KindRule::*member;
};
constexpr KindField kKindFields[] = {{"types", &KindRule::types},
                                     {"tags", &KindRule::tags},
                                     {"categories", &KindRule::categories},
                                     {"folders", &KindRule::folders}};

struct KindSetting {
  const char* name;
  KindRule Conventions::*member;
};
constexpr KindSetting kKinds[] = {{"person", &Conventions::person},
                                  {"customer", &Conventions::customer},
                                  {"project", &Conventions::project},
                                  {"meeting", &Conventions::meeting},
                                  {"source", &Conventions::source}};

struct ListSetting {
  const char* name;
  std::vector<std::string> Conventions::*member;
};
constexpr ListSetting kLists[] = {{"participant_keys", &Conventions::participant_keys},
                                  {"participant_headings", &Conventions::participant_headings},
                                  {"date_keys", &Conventions::date_keys},
                                  {"exclude", &Conventions::exclude}};

struct TextSetting {
  const char* name;
  std::string Conventions::*member;
};
constexpr TextSetting kTexts[] = {{"recent_context_heading", &Conventions::recent_context_heading},
                                  {"open_tasks_heading", &Conventions::open_tasks_heading},
                                  {"context_template", &Conventions::context_template}};

constexpr const char* kSummaryLength = "summary_length";
constexpr std::size_t kMaxSummaryLength = 10000;

// An unquoted [[People]] is YAML for a list in a list; give back "[[People]]".
std::optional<std::string> unquoted_link(const text::YamlValue& item) {
  const text::YamlValue* inner = &item;
  for (int depth = 0; depth < 2 && inner->is_sequence() && inner->items.size() == 1; ++depth) {
    inner = &inner->items[0];
  }
  if (inner == &item || !inner->is_scalar()) return std::nullopt;
  return "[[" + inner->scalar + "]]";
}

class ConfigReader {
 public:
  ConfigReader(std::string_view text, std::string_view path, Diagnostics& warnings)
      : text_(text), path_(path), warnings_(warnings) {}

  Expected<Conventions> read() {
    if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);
    auto parsed = text::parse_front_matter(text_, 1);
    for (auto& d : parsed.diagnostics) {
      d.path = path_;
      d.message = reworded(d.message);
      if (d.severity == Severity::Error) return Expected<Conventions>::failure(std::move(d));
      warnings_.push_back(std::move(d));
    }
    for (const auto& [key, value] : parsed.fm.entries) {
      read_top_level(key, value);
      if (error_) return Expected<Conventions>::failure(std::move(*error_));
    }
    add_exclude_globs();
    if (error_) return Expected<Conventions>::failure(std::move(*error_));
    return std::move(conventions_);
  }

 private:
  // The text layer words its diagnostics for a note's front-matter.
  static std::string reworded(std::string message) {
    const std::pair<std::string_view, std::string_view> rewrites[] = {
        {"malformed front-matter: ", "malformed YAML: "},
        {"front-matter is not a map of keys to values", "the config is not a map of settings"},
        {"duplicate front-matter key ", "duplicate key "}};
    for (const auto& [from, to] : rewrites) {
      if (message.starts_with(from)) return std::string(to) + message.substr(from.size());
    }
    return message;
  }

  void read_top_level(const std::string& key, const text::YamlValue& value) {
    for (const auto& kind : kKinds) {
      if (key == kind.name) return read_kind(key, value, conventions_.*kind.member);
    }
    for (const auto& list : kLists) {
      if (key == list.name) return read_list(key, value, conventions_.*list.member);
    }
    for (const auto& setting : kTexts) {
      if (key == setting.name) return read_text(key, value, conventions_.*setting.member);
    }
    if (key == kSummaryLength) return read_summary_length(value);
    if (key == "tasks") {
      const KeyLine key_line = [this](std::string_view name, int value_line) {
        return this->key_line(name, value_line);
      };
      if (auto problem = read_tasks_section(value, path_, key_line, conventions_, warnings_)) {
        if (!error_) error_ = std::move(*problem);
      }
      return;
    }
    warn(key_line(key, value.line), "unknown key '" + key + "'");
  }

  // `exclude:` patterns become rules; a pattern kb cannot use fails at its key.
  void add_exclude_globs() {
    const auto origin = conventions_.origins.find("exclude");
    const std::string source = origin == conventions_.origins.end() ? "" : origin->second;
    const std::size_t colon = source.rfind(':');
    const int line = colon == std::string::npos ? 0 : std::stoi(source.substr(colon + 1));
    for (const auto& pattern : conventions_.exclude) {
      if (const std::string problem = text::glob_problem(pattern); !problem.empty()) {
        return fail(line, "'exclude' pattern '" + pattern + "': " + problem);
      }
      conventions_.exclusions.add(
          Exclusion{Exclusion::Form::Glob, pattern, source, "exclude in the config", nullptr});
    }
  }

  void read_kind(const std::string& key, const text::YamlValue& value, KindRule& rule) {
    if (value.is_null()) return;
    if (!value.is_map()) {
      return fail(value.line, "'" + key + "' must be a map of types, tags, categories and folders");
    }
    std::vector<std::string> seen;
    for (const auto& [field_name, field_value] : value.entries) {
      const std::string setting = key + "." + field_name;
      const int line = key_line(field_name, field_value.line);
      bool known = false;
      for (const auto& field : kKindFields) {
        if (field_name != field.name) continue;
        known = true;
        if (std::find(seen.begin(), seen.end(), field_name) != seen.end()) {
          warn(line, "duplicate key '" + setting + "'");
          break;
        }
        seen.push_back(field_name);
        read_list(setting, field_value, rule.*field.member, field_name);
        break;
      }
      if (!known) warn(line, "unknown key '" + setting + "'");
      if (error_) return;
    }
  }

  // `yaml_key` is the key as written in the file when it differs from the setting's name.
  void read_list(const std::string& setting, const text::YamlValue& value,
                 std::vector<std::string>& out, std::string_view yaml_key = {}) {
    const std::string bad = "'" + setting + "' must be a string or a list of strings";
    std::vector<std::string> items;
    if (value.is_scalar()) {
      if (!text::trim_line(value.scalar).empty()) items.emplace_back(text::trim_line(value.scalar));
    } else if (value.is_sequence()) {
      for (const auto& item : value.items) {
        if (auto link = unquoted_link(item)) {
          items.push_back(std::move(*link));
        } else if (item.is_scalar() && !text::trim_line(item.scalar).empty()) {
          items.emplace_back(text::trim_line(item.scalar));
        } else if (item.is_scalar() || item.is_null()) {
          return fail(item.line, "'" + setting + "' has an empty entry");
        } else {
          return fail(item.line, bad);
        }
      }
    } else if (!value.is_null()) {
      return fail(value.line, bad);
    }
    out = std::move(items);
    set_origin(setting, yaml_key.empty() ? setting : yaml_key, value.line);
  }

  void read_text(const std::string& key, const text::YamlValue& value, std::string& out) {
    const std::string_view text =
        value.is_scalar() ? text::trim_line(value.scalar) : std::string_view{};
    if (text.empty() || text.find('\n') != std::string_view::npos) {
      return fail(value.line, "'" + key + "' must be one line of text");
    }
    if (key == "context_template") {
      if (std::string problem = context_template_problem(text); !problem.empty()) {
        return fail(value.line, "'" + key + "': " + problem);
      }
    } else if (text.front() == '#') {
      return fail(value.line, "'" + key + "' is the heading's text, without '#'");
    }
    out = text;
    set_origin(key, key, value.line);
  }

  void read_summary_length(const text::YamlValue& value) {
    const std::string_view text =
        value.is_scalar() ? text::trim_line(value.scalar) : std::string_view{};
    std::size_t length = 0;
    bool ok = !text.empty() && text.size() <= 5;
    for (char c : text) {
      ok = ok && c >= '0' && c <= '9';
      if (ok) length = length * 10 + static_cast<std::size_t>(c - '0');
    }
    if (!ok || length < 1 || length > kMaxSummaryLength) {
      std::string message = std::string("'") + kSummaryLength +
                            "' must be a whole number from 1 to " +
                            std::to_string(kMaxSummaryLength);
      if (value.is_scalar()) message += ", not '" + value.scalar + "'";
      return fail(value.line, message);
    }
    conventions_.summary_length = length;
    set_origin(kSummaryLength, kSummaryLength, value.line);
  }

  // The line of `key:`: the value's own line, or for a block value (a list or
  // map starting on the next lines) the nearest line above it that is not
  // blank, a comment or a list item. Near the value, so the search stays short.
  int key_line(std::string_view key, int value_line) const {
    const auto is_key_line = [&](std::string_view content) {
      for (std::string_view quote : {"", "\"", "'"}) {
        const std::string written =
            std::string(quote) + std::string(key) + std::string(quote) + ":";
        if (content.starts_with(written)) return true;
      }
      return false;
    };
    if (is_key_line(line_content(value_line))) return value_line;
    for (int line = value_line - 1; line >= 1; --line) {
      const std::string_view content = line_content(line);
      if (content.empty() || content.starts_with('#') || content.starts_with("- ")) continue;
      return is_key_line(content) ? line : value_line;
    }
    return value_line;
  }

  // Line `line` (1-based) of the text, trimmed; "" past the end.
  std::string_view line_content(int line) const {
    if (line_starts_.empty()) {
      line_starts_.push_back(0);
      for (std::size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
      }
    }
    if (line < 1 || static_cast<std::size_t>(line) > line_starts_.size()) return {};
    const std::size_t begin = line_starts_[line - 1];
    const std::size_t end = static_cast<std::size_t>(line) < line_starts_.size()
                                ? line_starts_[line] - 1
                                : text_.size();
    return text::trim_line(text_.substr(begin, end - begin));
  }

  void set_origin(const std::string& setting, std::string_view yaml_key, int value_line) {
    conventions_.origins[setting] =
        std::string(path_) + ":" + std::to_string(key_line(yaml_key, value_line));
  }

  void warn(int line, std::string message) {
    warnings_.push_back(
        Diagnostic{std::string(path_), line, std::move(message), Severity::Warning});
  }

  void fail(int line, std::string message) {
    if (!error_) error_ = Diagnostic{std::string(path_), line, std::move(message), Severity::Error};
  }

  std::string_view text_;
  std::string_view path_;
  Diagnostics& warnings_;
  Conventions conventions_;
  std::optional<Diagnostic> error_;
  mutable std::vector<std::size_t> line_starts_;  // offsets of each line, computed once
};

Setting setting_of(std::string key, std::vector<std::string> values, bool is_list,
                   const Conventions& conventions) {
  Setting setting;
  setting.origin = "default";
  if (auto it = conventions.origins.find(key); it != conventions.origins.end()) {
    setting.origin = it->second;
  }
  setting.key = std::move(key);
  setting.values = std::move(values);
  setting.is_list = is_list;
  return setting;
}

}  // namespace

Expected<Conventions> load_config(std::string_view yaml_text, std::string_view path,
                                  Diagnostics& warnings) {
  return ConfigReader(yaml_text, path, warnings).read();
}

std::vector<Setting> settings_in_effect(const Conventions& conventions) {
  std::vector<Setting> settings;
  for (const auto& kind : kKinds) {
    for (const auto& field : kKindFields) {
      settings.push_back(setting_of(std::string(kind.name) + "." + field.name,
                                    (conventions.*kind.member).*field.member, true, conventions));
    }
  }
  for (const auto& list : kLists) {
    settings.push_back(setting_of(list.name, conventions.*list.member, true, conventions));
  }
  for (const auto& text : kTexts) {
    settings.push_back(setting_of(text.name, {conventions.*text.member}, false, conventions));
  }
  settings.push_back(
      setting_of(kSummaryLength, {std::to_string(conventions.summary_length)}, false, conventions));
  return settings;
}

}  // namespace kb::model
