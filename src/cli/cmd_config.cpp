// kb config: the conventions in effect and where each value came from.
#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "kb/model/config.hpp"
#include "kb/model/tasks_settings.hpp"
#include "kb/tasks/settings.hpp"
#include "verbs.hpp"

namespace kb::cli {

namespace {

bool is_yaml_keyword(std::string_view s) {
  std::string lower(s);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (const char* word : {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}) {
    if (lower == word) return true;
  }
  return false;
}

// Plain when YAML reads it back as the same string, else double-quoted.
std::string yaml_scalar(std::string_view s, bool numeric = false) {
  bool plain = !s.empty() && !is_yaml_keyword(s) &&
               ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z') || numeric) &&
               s.back() != ' ';
  for (char c : s) {
    plain = plain && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == ' ' || c == '_' || c == '-' || c == '.');
  }
  if (plain) return std::string(s);
  std::string quoted = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

std::string yaml_value(const model::Setting& setting) {
  if (!setting.is_list) return yaml_scalar(setting.values[0], setting.key == "summary_length");
  std::string list = "[";
  for (std::size_t i = 0; i < setting.values.size(); ++i) {
    if (i > 0) list += ", ";
    list += yaml_scalar(setting.values[i]);
  }
  return list + "]";
}

// The lines of `text`, without their line endings.
std::vector<std::string_view> lines(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

// How the vault was found, in words.
std::string found_by_text(const VaultLocation& vault) {
  if (vault.found_by == "--vault") return "given by --vault";
  if (vault.found_by == "KB_VAULT") return "given by $KB_VAULT";
  return "the nearest folder from the current one up holding " + vault.found_by;
}

// The settings as a .kb.yaml that could be pasted, each line's origin in a comment.
std::string config_text(const std::vector<model::Setting>& settings, const std::string& file,
                        const VaultLocation& vault) {
  std::string out = fmt::format("# vault: {} ({})\n", vault.root, found_by_text(vault));
  out += file.empty() ? "# no config file: every value is the default\n"
                      : fmt::format("# config file: {}\n", file);
  std::string group;
  for (const auto& setting : settings) {
    std::string key = setting.key;
    std::string indent;
    if (const std::size_t dot = key.find('.'); dot != std::string::npos) {
      if (key.substr(0, dot) != group) {
        group = key.substr(0, dot);
        out += group + ":\n";
      }
      key = key.substr(dot + 1);
      indent = "  ";
    } else {
      group.clear();
    }
    const std::string line = indent + key + ": " + yaml_value(setting);
    out += fmt::format("{:<60} # {}\n", line, setting.origin);
  }
  return out;
}

// Every exclusion, as comments: the .kb.yaml above stays valid.
std::string exclusions_text(const model::Exclusions& exclusions) {
  if (exclusions.empty())
    return "# excluded: nothing (no templates folder, excluded files or exclude:)\n";
  std::string out =
      "# excluded (never people, customers or projects; involve no one; never rewritten;\n"
      "# their tasks still count, as in the Tasks plugin):\n";
  for (const auto& rule : exclusions.rules()) out += "#   " + model::describe(rule) + "\n";
  return out;
}

const char* form_name(model::Exclusion::Form form) {
  switch (form) {
    case model::Exclusion::Form::Folder:
      return "folder";
    case model::Exclusion::Form::Prefix:
      return "prefix";
    case model::Exclusion::Form::Regex:
      return "regex";
    case model::Exclusion::Form::Glob:
      return "glob";
  }
  return "";
}

nlohmann::ordered_json config_json(const std::vector<model::Setting>& settings,
                                   const model::Exclusions& exclusions, const std::string& file,
                                   const VaultLocation& vault) {
  nlohmann::ordered_json out;
  out["vault"] = {{"path", vault.root}, {"found_by", vault.found_by}};
  out["file"] = file.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(file);
  out["settings"] = nlohmann::ordered_json::array();
  for (const auto& setting : settings) {
    nlohmann::ordered_json row;
    row["key"] = setting.key;
    if (setting.is_list) {
      row["value"] = setting.values;
    } else if (setting.key == "summary_length") {
      row["value"] = std::stoul(setting.values[0]);
    } else {
      row["value"] = setting.values[0];
    }
    row["origin"] = setting.origin;
    out["settings"].push_back(std::move(row));
  }
  out["exclusions"] = nlohmann::ordered_json::array();
  for (const auto& rule : exclusions.rules()) {
    out["exclusions"].push_back({{"pattern", rule.pattern},
                                 {"form", form_name(rule.form)},
                                 {"reason", rule.reason},
                                 {"source", rule.source}});
  }
  return out;
}

// A YAML scalar for any text: plain when safe, else double-quoted with
// JSON's escapes (valid YAML, and control characters stay visible).
std::string yaml_text(std::string_view s) {
  std::string plain = yaml_scalar(s);
  if (!plain.empty() && plain.front() != '"') return plain;
  return nlohmann::json(std::string(s))
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// `key: value` lines for query instructions: a YAML literal block when the
// text has several lines that a block keeps exactly, else one scalar.
std::vector<std::string> yaml_instructions(const std::string& key, std::string_view text,
                                           const std::string& indent) {
  bool block = text.find('\n') != std::string_view::npos && !text.starts_with(' ') &&
               !text.starts_with('\n');
  for (const char c : text) block = block && (c == '\n' || static_cast<unsigned char>(c) >= 0x20);
  if (!block) return {indent + key + ": " + yaml_text(text)};
  std::string_view body = text;
  std::size_t newlines = 0;
  while (body.ends_with('\n')) {
    body.remove_suffix(1);
    ++newlines;
  }
  std::vector<std::string> out{indent + key + ": |" +
                               (newlines == 0   ? "-"
                                : newlines == 1 ? ""
                                                : "+")};
  for (const std::string_view line : lines(body)) {
    out.push_back(line.empty() ? "" : indent + "  " + std::string(line));
  }
  for (std::size_t i = 1; i < newlines; ++i) out.emplace_back();
  return out;
}

// One Tasks setting as the lines of .kb.yaml's `tasks:` section.
std::vector<std::string> tasks_setting_yaml(std::string_view name, const tasks::Settings& t) {
  const std::string indent = "  ";
  const std::string key(name);
  const auto one = [&](std::string value) {
    return std::vector<std::string>{indent + key + ": " + std::move(value)};
  };
  if (name == "global_filter") return one(yaml_text(t.global_filter));
  if (name == "remove_global_filter") return one(t.remove_global_filter ? "true" : "false");
  if (name == "global_query") return yaml_instructions(key, t.global_query, indent);
  if (name == "presets") {
    if (t.presets.empty()) return one("{}");
    std::vector<std::string> out{indent + key + ":"};
    for (const auto& [preset, instructions] : t.presets) {
      for (auto& line : yaml_instructions(yaml_text(preset), instructions, indent + "  ")) {
        out.push_back(std::move(line));
      }
    }
    return out;
  }
  if (name == "statuses") {
    std::vector<std::string> out{indent + key + ":"};
    for (const tasks::Status& status : t.statuses.statuses()) {
      out.push_back(fmt::format("{}  - {{symbol: {}, name: {}, next_symbol: {}, type: {}}}", indent,
                                yaml_text(status.symbol), yaml_text(status.name),
                                yaml_text(status.next_symbol),
                                tasks::status_type_name(status.type)));
    }
    return out;
  }
  if (name == "task_format") {
    return one(t.format.syntax == tasks::TaskFormat::Syntax::Dataview ? "dataview" : "emoji");
  }
  if (name == "use_filename_as_scheduled_date") {
    return one(t.use_filename_as_scheduled_date ? "true" : "false");
  }
  if (name == "filename_as_scheduled_date_format") {
    return one(yaml_text(t.filename_as_scheduled_date_format));
  }
  if (name == "filename_as_date_folders") {
    std::string list = "[";
    for (const auto& folder : t.filename_as_date_folders) {
      list += (list.size() > 1 ? ", " : "") + yaml_text(folder);
    }
    return one(list + "]");
  }
  return {};
}

// The Tasks plugin's settings in effect, as the config's `tasks:` section:
// the settings the config sets are live lines, the others (from the
// plugin's settings file or its defaults) comments, so the output stays the
// same config and data.json keeps its say.
std::string tasks_settings_text(const model::Conventions& c, const std::string& config_file) {
  std::string out = c.tasks_file.empty()
                        ? std::string("# Tasks plugin settings: no ") +
                              std::string(tasks::kSettingsFile) + ", so the plugin's defaults"
                        : fmt::format("# Tasks plugin settings: {}", c.tasks_file);
  out += config_file.empty() ? "\n" : fmt::format(", under {}'s tasks: section\n", config_file);
  bool any_configured = false;
  for (const std::string_view name : tasks::kSettingNames) {
    any_configured = any_configured || c.origins.count("tasks." + std::string(name)) > 0;
  }
  out += any_configured ? "tasks:\n" : "# tasks:\n";
  for (const std::string_view name : tasks::kSettingNames) {
    const std::string origin = model::tasks_setting_origin(c, name);
    const bool configured = c.origins.count("tasks." + std::string(name)) > 0;
    const auto setting = tasks_setting_yaml(name, c.tasks);
    for (std::size_t i = 0; i < setting.size(); ++i) {
      const std::string line = (configured ? "" : "# ") + setting[i];
      if (i == 0) {
        out += fmt::format("{:<60} # {}\n", line, origin);
      } else {
        out += (line == "# " ? "#" : line) + "\n";
      }
    }
  }
  out += "# (a status symbol the collection lacks is the plugin's Unknown status, a TODO)\n";
  return out;
}

nlohmann::ordered_json tasks_settings_json(const model::Conventions& c) {
  const tasks::Settings& t = c.tasks;
  nlohmann::ordered_json out;
  out["file"] =
      c.tasks_file.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.tasks_file);
  out["set"] = c.tasks_set;
  out["origins"] = nlohmann::ordered_json::object();
  for (const std::string_view name : tasks::kSettingNames) {
    out["origins"][std::string(name)] = model::tasks_setting_origin(c, name);
  }
  out["global_filter"] = t.global_filter;
  out["remove_global_filter"] = t.remove_global_filter;
  out["global_query"] = t.global_query;
  out["presets"] = nlohmann::ordered_json::object();
  for (const auto& [name, instructions] : t.presets) out["presets"][name] = instructions;
  out["statuses"] = nlohmann::ordered_json::array();
  for (const tasks::Status& status : t.statuses.statuses()) {
    out["statuses"].push_back({{"symbol", status.symbol},
                               {"name", status.name},
                               {"next_symbol", status.next_symbol},
                               {"type", tasks::status_type_name(status.type)}});
  }
  out["task_format"] =
      t.format.syntax == tasks::TaskFormat::Syntax::Dataview ? "dataview" : "emoji";
  out["use_filename_as_scheduled_date"] = t.use_filename_as_scheduled_date;
  out["filename_as_scheduled_date_format"] = t.filename_as_scheduled_date_format;
  out["filename_as_date_folders"] = t.filename_as_date_folders;
  return out;
}

}  // namespace

Runner define_config(CLI::App& sub) {
  auto json = std::make_shared<bool>(false);
  sub.add_flag("--json", *json, "Print one JSON object");
  sub.footer(R"(The first line says which vault is in use and how it was found: --vault,
$KB_VAULT, else the nearest folder from the current one up that holds
.obsidian/ or .kb.yaml. The config is --config FILE, else .kb.yaml at the
vault root, else the defaults. The text output is itself a valid .kb.yaml;
each line's comment says where the value came from ("default" or file:line).
docs/config.md explains every key. The Tasks plugin's settings in effect
(global filter, global query, presets, statuses, task format, dates from file
names) follow as a tasks: section: each comes from the config's tasks: section,
else the plugin's own file (.obsidian/plugins/obsidian-tasks-plugin/data.json),
else the plugin's defaults; the lines the config does not set are comments.
The last comment lines list what is excluded from the people graph and why:
the templates folder (.obsidian/templates.json, Templater), Obsidian's excluded
files (.obsidian/app.json) and the config's exclude: globs.

Examples:
  kb config
  kb --vault ~/notes config > ~/notes/.kb.yaml   # start a config from the defaults
  kb config --json | jq '.settings[] | select(.origin != "default")')");
  return [json](Context& context) -> Outcome {
    const auto conventions = context.conventions();
    if (!conventions) return conventions.error();
    const auto settings = model::settings_in_effect(**conventions);
    if (*json) {
      // Invalid UTF-8 in a note becomes U+FFFD rather than an exception.
      const auto& exclusions = (*conventions)->exclusions;
      auto out = config_json(settings, exclusions, context.config_file(), **context.locate_vault());
      out["tasks"] = tasks_settings_json(**conventions);
      fmt::print("{}\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    } else {
      fmt::print("{}", config_text(settings, context.config_file(), **context.locate_vault()));
      fmt::print("{}", tasks_settings_text(**conventions, context.config_file()));
      fmt::print("{}", exclusions_text((*conventions)->exclusions));
    }
    return kOk;
  };
}

}  // namespace kb::cli
