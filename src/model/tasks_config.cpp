#include "kb/model/tasks_config.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "kb/tasks/filename_date.hpp"
#include "kb/tasks/statuses.hpp"
#include "kb/text/unicode.hpp"

namespace kb::model {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

bool one_character(std::string_view s) {
  std::size_t i = 0;
  if (s.empty()) return false;
  text::decode_utf8(s, i);
  return i == s.size();
}

class TasksSectionReader {
 public:
  TasksSectionReader(std::string_view path, const KeyLine& key_line, Conventions& conventions,
                     Diagnostics& warnings)
      : path_(path), key_line_(key_line), conventions_(conventions), warnings_(warnings) {}

  std::optional<Diagnostic> read(const text::YamlValue& section) {
    if (section.is_null()) return std::nullopt;
    if (!section.is_map()) {
      fail(section.line,
           "'tasks' must be a map of Tasks plugin settings (global_filter, "
           "global_query, presets, statuses, task_format, ...)");
      return error_;
    }
    std::vector<std::string> seen;
    for (const auto& [key, value] : section.entries) {
      const std::string setting = "tasks." + key;
      const int line = key_line_(key, value.line);
      const auto& names = tasks::kSettingNames;
      if (std::find(std::begin(names), std::end(names), key) == std::end(names)) {
        warn(line, "unknown key '" + setting + "'");
        continue;
      }
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
        warn(line, "duplicate key '" + setting + "'");
        continue;
      }
      seen.push_back(key);
      read_setting(key, value);
      if (error_) return error_;
      conventions_.origins[setting] = std::string(path_) + ":" + std::to_string(line);
    }
    return std::nullopt;
  }

 private:
  void read_setting(const std::string& key, const text::YamlValue& value) {
    tasks::Settings& s = conventions_.tasks_config;
    if (key == "global_filter") {
      if (auto text = one_line(key, value)) s.global_filter = *text;
    } else if (key == "remove_global_filter") {
      read_bool(key, value, s.remove_global_filter);
    } else if (key == "global_query") {
      if (auto text = lines(key, value)) s.global_query = *text;
    } else if (key == "presets") {
      read_presets(value);
    } else if (key == "statuses") {
      read_statuses(value);
    } else if (key == "task_format") {
      read_format(value);
    } else if (key == "use_filename_as_scheduled_date") {
      read_bool(key, value, s.use_filename_as_scheduled_date);
    } else if (key == "filename_as_scheduled_date_format") {
      auto text = one_line(key, value);
      if (!text) return;
      if (const std::string problem = tasks::filename_format_problem(*text);
          !text->empty() && !problem.empty()) {
        return fail(value.line, "'tasks." + key + "': kb cannot read the format '" + *text +
                                    "' as the plugin does: " + problem);
      }
      s.filename_as_scheduled_date_format = *text;
    } else if (key == "filename_as_date_folders") {
      read_folders(value);
    }
  }

  // Text of one line; an empty value is "" (for global_filter: no filter).
  std::optional<std::string> one_line(const std::string& key, const text::YamlValue& value) {
    if (value.is_null()) return std::string();
    if (!value.is_scalar() || value.scalar.find('\n') != std::string::npos) {
      fail(value.line, "'tasks." + key + "' must be one line of text");
      return std::nullopt;
    }
    return value.scalar;
  }

  // Query instructions, one a line (a YAML block `|` keeps them apart).
  std::optional<std::string> lines(const std::string& key, const text::YamlValue& value) {
    if (value.is_null()) return std::string();
    if (!value.is_scalar()) {
      fail(value.line, "'tasks." + key + "' must be text: query instructions, one a line");
      return std::nullopt;
    }
    return value.scalar;
  }

  void read_bool(const std::string& key, const text::YamlValue& value, bool& out) {
    const std::string word = value.is_scalar() ? lower(value.scalar) : "";
    if (word == "true" || word == "false") {
      out = word == "true";
      return;
    }
    std::string message = "'tasks." + key + "' must be true or false";
    if (value.is_scalar()) message += ", not '" + value.scalar + "'";
    fail(value.line, message);
  }

  void read_presets(const text::YamlValue& value) {
    tasks::Presets presets;
    if (!value.is_null() && !value.is_map()) {
      return fail(value.line, "'tasks.presets' must be a map of preset names to instructions");
    }
    for (const auto& [name, instructions] : value.entries) {
      if (!instructions.is_scalar() && !instructions.is_null()) {
        return fail(instructions.line,
                    "'tasks.presets." + name + "' must be text: query instructions, one a line");
      }
      presets.emplace_back(name, instructions.scalar);
    }
    conventions_.tasks_config.presets = std::move(presets);
  }

  void read_statuses(const text::YamlValue& value) {
    if (!value.is_sequence()) {
      return fail(value.line,
                  "'tasks.statuses' must be a list of statuses, each {symbol, name, "
                  "next_symbol, type}");
    }
    std::vector<tasks::Status> statuses;
    for (const auto& entry : value.items) {
      auto status = read_status(entry, statuses);
      if (error_) return;
      statuses.push_back(std::move(*status));
    }
    conventions_.tasks_config.statuses = tasks::StatusCollection(statuses);
  }

  std::optional<tasks::Status> read_status(const text::YamlValue& entry,
                                           const std::vector<tasks::Status>& before) {
    const std::string where = "'tasks.statuses' entry";
    if (!entry.is_map()) {
      fail(entry.line, where + " must be a map of symbol, name, next_symbol and type");
      return std::nullopt;
    }
    tasks::Status status;
    status.next_symbol = "x";  // as the plugin repairs a missing one
    bool has_symbol = false, has_type = false;
    for (const auto& [key, field] : entry.entries) {
      const int line = field.line > 0 ? field.line : entry.line;
      if (!field.is_scalar()) {
        fail(line, where + ": '" + key + "' must be text");
        return std::nullopt;
      }
      if (key == "symbol") {
        status.symbol = field.scalar;
        has_symbol = true;
        if (!one_character(status.symbol)) {
          fail(line, where + ": 'symbol' must be one character, not '" + field.scalar + "'");
          return std::nullopt;
        }
      } else if (key == "name") {
        status.name = field.scalar;
      } else if (key == "next_symbol") {
        status.next_symbol = field.scalar;
        if (!one_character(status.next_symbol)) {
          fail(line, where + ": 'next_symbol' must be one character, not '" + field.scalar + "'");
          return std::nullopt;
        }
      } else if (key == "type") {
        const auto type = tasks::status_type_named(field.scalar);
        if (!type) {
          fail(line, where + ": unknown type '" + field.scalar +
                         "' (known: TODO, IN_PROGRESS, ON_HOLD, DONE, CANCELLED, NON_TASK)");
          return std::nullopt;
        }
        status.type = *type;
        has_type = true;
      } else {
        warn(line, where + ": unknown key '" + key + "'");
      }
    }
    if (!has_symbol || status.name.empty() || !has_type) {
      fail(entry.line, where + " needs a 'symbol', a 'name' and a 'type'");
      return std::nullopt;
    }
    for (const auto& earlier : before) {
      if (earlier.symbol == status.symbol) {
        warn(entry.line, where + ": symbol '" + status.symbol +
                             "' is listed twice; the first is used, as in the plugin");
      }
    }
    return status;
  }

  void read_format(const text::YamlValue& value) {
    const std::string word = value.is_scalar() ? lower(value.scalar) : "";
    if (word == "emoji" || word == "taskspluginemoji") {
      conventions_.tasks_config.format.syntax = tasks::TaskFormat::Syntax::Emoji;
    } else if (word == "dataview") {
      conventions_.tasks_config.format.syntax = tasks::TaskFormat::Syntax::Dataview;
    } else {
      std::string message = "'tasks.task_format' must be emoji or dataview";
      if (value.is_scalar()) message += ", not '" + value.scalar + "'";
      fail(value.line, message);
    }
  }

  // A folder or a list of them, as the plugin's settings tab keeps them:
  // trimmed, without a leading or trailing '/'.
  void read_folders(const text::YamlValue& value) {
    std::vector<std::string> written;
    if (value.is_scalar()) {
      written.push_back(value.scalar);
    } else if (value.is_sequence()) {
      for (const auto& item : value.items) {
        if (!item.is_scalar()) {
          return fail(item.line, "'tasks.filename_as_date_folders' must be a list of folders");
        }
        written.push_back(item.scalar);
      }
    } else if (!value.is_null()) {
      return fail(value.line, "'tasks.filename_as_date_folders' must be a list of folders");
    }
    std::vector<std::string> folders;
    for (std::string_view folder : written) {
      while (!folder.empty() && (folder.front() == ' ' || folder.front() == '\t'))
        folder.remove_prefix(1);
      while (!folder.empty() && (folder.back() == ' ' || folder.back() == '\t'))
        folder.remove_suffix(1);
      if (folder.starts_with('/')) folder.remove_prefix(1);
      if (folder.ends_with('/')) folder.remove_suffix(1);
      if (!folder.empty()) folders.emplace_back(folder);
    }
    conventions_.tasks_config.filename_as_date_folders = std::move(folders);
  }

  void warn(int line, std::string message) {
    warnings_.push_back(
        Diagnostic{std::string(path_), line, std::move(message), Severity::Warning});
  }

  void fail(int line, std::string message) {
    if (!error_) error_ = Diagnostic{std::string(path_), line, std::move(message), Severity::Error};
  }

  std::string_view path_;
  const KeyLine& key_line_;
  Conventions& conventions_;
  Diagnostics& warnings_;
  std::optional<Diagnostic> error_;
};

}  // namespace

std::optional<Diagnostic> read_tasks_section(const text::YamlValue& section, std::string_view path,
                                             const KeyLine& key_line, Conventions& conventions,
                                             Diagnostics& warnings) {
  return TasksSectionReader(path, key_line, conventions, warnings).read(section);
}

}  // namespace kb::model
