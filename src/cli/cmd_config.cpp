// kb config: the conventions in effect and where each value came from.
#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "kb/model/config.hpp"
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

// The Tasks plugin's settings in effect, as comments: they are read from the
// plugin's own file, not from .kb.yaml.
std::string tasks_settings_text(const model::Conventions& c) {
  const tasks::Settings& t = c.tasks;
  std::string out = c.tasks_file.empty()
                        ? std::string("# Tasks plugin settings: the plugin's defaults (no ") +
                              std::string(tasks::kSettingsFile) + ")\n"
                        : fmt::format("# Tasks plugin settings: {}\n", c.tasks_file);
  out += fmt::format("#   global filter: {}\n", t.global_filter.empty()
                                                    ? "(none: every checkbox line is a task)"
                                                    : yaml_scalar(printable(t.global_filter)));
  out += fmt::format("#   remove global filter from descriptions: {}\n",
                     t.remove_global_filter ? "yes" : "no");
  if (t.global_query.empty()) {
    out += "#   global query: (none)\n";
  } else {
    out += "#   global query:\n";
    for (const std::string_view line : lines(t.global_query))
      out += fmt::format("#     {}\n", printable(line));
  }
  std::string presets;
  for (const auto& [name, instructions] : t.presets) {
    presets += (presets.empty() ? "" : ", ") + printable(name);
  }
  out += fmt::format("#   presets: {}\n", presets.empty() ? "(none)" : presets);
  out += "#   statuses:";
  for (const tasks::Status& status : t.statuses.statuses()) {
    out += fmt::format(" [{}] {} ({});", printable(status.symbol), printable(status.name),
                       tasks::status_type_name(status.type));
  }
  out += " any other symbol: Unknown (TODO)\n";
  out += fmt::format("#   task format: {}\n",
                     t.format.syntax == tasks::TaskFormat::Syntax::Dataview ? "dataview" : "emoji");
  return out;
}

nlohmann::ordered_json tasks_settings_json(const model::Conventions& c) {
  const tasks::Settings& t = c.tasks;
  nlohmann::ordered_json out;
  out["file"] =
      c.tasks_file.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.tasks_file);
  out["set"] = c.tasks_set;
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
  out["format"] = t.format.syntax == tasks::TaskFormat::Syntax::Dataview ? "dataview" : "emoji";
  return out;
}

}  // namespace

Runner define_config(CLI::App& sub) {
  auto json = std::make_shared<bool>(false);
  sub.add_flag("--json", *json, "Print one JSON object");
  sub.footer(R"(The first line says which vault is in use and how it was found: --vault,
$KB_VAULT, else the nearest folder from the current one up that holds
.obsidian/ or .kb.yaml. The config is --config FILE, else .kb.yaml at the
vault root, else the defaults. The Tasks plugin's settings in effect (global
filter, global query, presets, statuses, task format) follow as comments, with
the file they came from (.obsidian/plugins/obsidian-tasks-plugin/data.json). The text output is itself a valid .kb.yaml; each line's comment says
where the value came from ("default" or file:line). docs/config.md explains
every key. The last comment lines list what is excluded from the people graph
and why: the templates folder (.obsidian/templates.json, Templater), Obsidian's
excluded files (.obsidian/app.json) and the config's exclude: globs.

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
      fmt::print("{}", exclusions_text((*conventions)->exclusions));
      fmt::print("{}", tasks_settings_text(**conventions));
    }
    return kOk;
  };
}

}  // namespace kb::cli
