#include "kb/model/tasks_settings.hpp"

#include <algorithm>

#include "kb/model/settings_file.hpp"
#include "kb/tasks/filename_date.hpp"
#include "kb/util/fnv.hpp"

namespace kb::model {

tasks::Settings load_tasks_settings(const io::FileSystem& fs, TasksSettingsSource& source,
                                    Diagnostics& warnings) {
  source = {};
  constexpr std::string_view kDefaults = "using the Tasks plugin's default settings";
  const std::string path(tasks::kSettingsFile);
  // No file: the plugin is not installed, or never saved its settings.
  auto bytes = read_settings_file(fs, path, kDefaults, warnings);
  if (!bytes) return {};
  auto read = tasks::read_settings_json(*bytes);
  if (!read) {
    warn_about_settings(warnings, path, read.error().line, read.error().message, kDefaults);
    return {};
  }
  for (Diagnostic& d : read->warnings) {
    d.path = path;
    warnings.push_back(std::move(d));
  }
  source.file = path;
  source.set = std::move(read->set);
  return std::move(read->settings);
}

void read_vault_tasks_settings(const io::FileSystem& fs, Conventions& conventions,
                               Diagnostics& warnings) {
  TasksSettingsSource source;
  conventions.tasks = load_tasks_settings(fs, source, warnings);
  conventions.tasks_file = std::move(source.file);
  conventions.tasks_set = std::move(source.set);
  for (const std::string_view name : tasks::kSettingNames) {
    if (conventions.origins.count("tasks." + std::string(name))) {
      tasks::copy_setting(name, conventions.tasks_config, conventions.tasks);
    }
  }
  // A file name format kb cannot read as moment.js does would date tasks
  // differently from the plugin: refuse the feature rather than guess.
  tasks::Settings& t = conventions.tasks;
  if (t.use_filename_as_scheduled_date && !t.filename_as_scheduled_date_format.empty()) {
    const std::string problem = tasks::filename_format_problem(t.filename_as_scheduled_date_format);
    if (!problem.empty()) {
      warnings.push_back(
          Diagnostic{tasks_setting_origin(conventions, "filename_as_scheduled_date_format"), 0,
                     "filenameAsScheduledDateFormat '" + t.filename_as_scheduled_date_format +
                         "': kb cannot read it as the plugin does (" + problem +
                         "); no scheduled dates are taken from file names",
                     Severity::Warning});
      t.use_filename_as_scheduled_date = false;
    }
  }
}

std::string tasks_setting_origin(const Conventions& conventions, std::string_view name) {
  if (const auto it = conventions.origins.find("tasks." + std::string(name));
      it != conventions.origins.end()) {
    return it->second;
  }
  const auto& set = conventions.tasks_set;
  if (std::find(set.begin(), set.end(), name) != set.end()) return conventions.tasks_file;
  return "default";
}

Diagnostic placed_in_global_query(const Conventions& conventions, Diagnostic d) {
  const std::string origin = tasks_setting_origin(conventions, "global_query");
  const std::size_t colon = origin.rfind(':');
  if (origin == conventions.tasks_file || colon == std::string::npos) {
    d.path = conventions.tasks_file;  // the query's line, as data.json holds it on one line
  } else {
    // A YAML block's lines are not the query's: the key's line says where.
    d.path = origin.substr(0, colon);
    d.line = std::stoi(origin.substr(colon + 1));
  }
  return d;
}

std::uint64_t tasks_settings_hash(const tasks::Settings& settings) {
  Fnv1a fnv;
  fnv.add_field(settings.global_filter);
  fnv.add_field(settings.remove_global_filter ? "1" : "0");
  fnv.add_field(settings.global_query);
  fnv.add_field(std::to_string(settings.presets.size()));
  for (const auto& [name, instructions] : settings.presets) {
    fnv.add_field(name);
    fnv.add_field(instructions);
  }
  const auto& statuses = settings.statuses.statuses();
  fnv.add_field(std::to_string(statuses.size()));
  for (const tasks::Status& status : statuses) {
    fnv.add_field(status.symbol);
    fnv.add_field(status.name);
    fnv.add_field(status.next_symbol);
    fnv.add_field(tasks::status_type_name(status.type));
  }
  fnv.add_field(settings.format.syntax == tasks::TaskFormat::Syntax::Dataview ? "dataview"
                                                                              : "emoji");
  fnv.add_field(settings.use_filename_as_scheduled_date ? "1" : "0");
  fnv.add_field(settings.filename_as_scheduled_date_format);
  fnv.add_list(settings.filename_as_date_folders);
  return fnv.value();
}

}  // namespace kb::model
