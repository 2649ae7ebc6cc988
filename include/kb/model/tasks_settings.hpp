#pragma once
// The vault's Obsidian Tasks plugin settings (global filter, global query,
// presets, statuses, task format), read from the file the plugin keeps them
// in. They are part of the vault's conventions: every verb that reads task
// lines or parses a tasks query uses them (kb/tasks/settings.hpp).
#include <cstdint>
#include <string>
#include <vector>

#include "kb/io/fs.hpp"
#include "kb/model/conventions.hpp"
#include "kb/tasks/settings.hpp"
#include "kb/util/diagnostic.hpp"

namespace kb::model {

struct TasksSettingsSource {
  std::string file;              // vault-relative; "" when the defaults are in effect
  std::vector<std::string> set;  // the settings the file set (tasks::SettingsRead::set)
};

// tasks::kSettingsFile of the vault read into settings. A missing file is the
// plugin's defaults, silently; a file that cannot be read or is not a JSON
// object is a warning naming it, and the defaults; a value kb cannot use is a
// warning, and that setting's default.
tasks::Settings load_tasks_settings(const io::FileSystem& fs, TasksSettingsSource& source,
                                    Diagnostics& warnings);

// The Tasks settings in effect for `conventions` (whose config has been
// read): load_tasks_settings, then each setting the config's `tasks:`
// section sets in its place. Fills conventions.tasks, tasks_file, tasks_set.
void read_vault_tasks_settings(const io::FileSystem& fs, Conventions& conventions,
                               Diagnostics& warnings);

// Where setting `name` (tasks::kSettingNames) in effect came from: the
// config's "path:line", the plugin's settings file, or "default".
std::string tasks_setting_origin(const Conventions& conventions, std::string_view name);

// `d`, an error of the global query at its line within the query, placed in
// the file that sets the global query: the config at the key's line, or the
// plugin's settings file.
Diagnostic placed_in_global_query(const Conventions& conventions, Diagnostic d);

// A stable hash of everything in `settings`, for caches keyed by what
// changes how notes read.
std::uint64_t tasks_settings_hash(const tasks::Settings& settings);

}  // namespace kb::model
