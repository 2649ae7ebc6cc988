#include "kb/model/tasks_settings.hpp"

#include "kb/util/fnv.hpp"

namespace kb::model {

tasks::Settings load_tasks_settings(const io::FileSystem& fs, TasksSettingsSource& source,
                                    Diagnostics& warnings) {
  source = {};
  const std::string path(tasks::kSettingsFile);
  // No file: the plugin is not installed, or never saved its settings.
  if (!fs.stat(path)) return {};
  // read_with_stat refuses what is not a regular file (a FIFO would hang).
  auto content = fs.read_with_stat(path);
  if (!content) {
    Diagnostic d = content.error();
    d.path = path;
    d.line = 0;
    d.message += "; using the Tasks plugin's default settings";
    warnings.push_back(std::move(d));
    return {};
  }
  auto read = tasks::read_settings_json(content->bytes);
  if (!read) {
    Diagnostic d = read.error();
    d.path = path;
    d.message += "; using the Tasks plugin's default settings";
    warnings.push_back(std::move(d));
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
  return fnv.value();
}

}  // namespace kb::model
